//! A self-contained HTML report of a collation: inline CSS, no script, no external resource.
//! The documents' provenance, the similarity matrix, a presence map (documents × points, each
//! cell marked by the point's kind with a symbol as well as a colour, linking to the point),
//! then one table row per point with one column per document; a document that lacks the point
//! has a hatched cell reading "—". With the insights: a table of who names what (an entity per
//! row, a count per document), the shared phrases with the documents that carry them, and the
//! wording-strength findings linking to their points. Inside a row, words every document of the point has are bold
//! and words only one has are underlined with dots. Every piece of statement text goes through
//! [`escape`].

use std::io::Write;

use super::{
    CollationReport, LIST_AT_MOST, cell_words, entity_kind_name, kind_symbol, label, labels,
};
use crate::analysis::CollationInsights;
use crate::engine::collate::{PointKind, Share};
use crate::export::Report;
use crate::export::html::escape;

const STYLE: &str = r#"
:root { --weak: #5f5f5f; --rule: #ddd; --identical: #cfe8d4; --equivalent: #d6e2ff;
        --related: #f5e6c4; --single: #ececec; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif; color: #141414;
       background: #fff; margin: 0 auto; padding: 1.2em; }
h1 { font-size: 1.4em; margin: 0 0 .3em; }
h2 { font-size: 1.1em; margin: 1.4em 0 .5em; border-bottom: 1px solid var(--rule); }
table { border-collapse: collapse; }
table.prov th, table.prov td, table.sim th, table.sim td { text-align: left; padding: .15em .8em .15em 0; vertical-align: top; }
table.prov code { font-size: .85em; word-break: break-all; }
table.sim td { text-align: right; font-variant-numeric: tabular-nums; }
.map-wrap, .collation-wrap { overflow-x: auto; }
table.map td, table.map th { border: 1px solid #fff; padding: 0; font-size: .75em; }
table.map th { text-align: left; padding-right: .6em; white-space: nowrap; font-weight: 600; }
table.map td { width: 1.5em; height: 1.5em; text-align: center; }
table.map td a { display: block; color: inherit; text-decoration: none; }
.k-identical { background: var(--identical); }
.k-equivalent { background: var(--equivalent); }
.k-related { background: var(--related); }
.k-single { background: var(--single); }
.absent { background: repeating-linear-gradient(135deg, #f6f6f6 0 6px, #eaeaea 6px 7px); }
table.collation { table-layout: fixed; width: max(100%, calc(var(--columns) * 22em)); }
table.collation th, table.collation td { border-bottom: 1px solid #eee; padding: .35em .45em; vertical-align: top; }
table.collation thead th { position: sticky; top: 0; background: #fff; text-align: left; border-bottom: 1px solid var(--rule); }
table.collation th.point { width: 6em; font-weight: normal; color: var(--weak); font-size: .85em; text-align: left; }
table.collation td { white-space: pre-wrap; overflow-wrap: anywhere; }
table.collation td.absent { color: var(--weak); text-align: center; }
.sn { color: var(--weak); font-size: .8em; }
table.entities th, table.entities td, table.phrases th, table.phrases td { border-bottom: 1px solid #eee; padding: .15em .6em; text-align: left; vertical-align: top; }
table.entities th small { color: var(--weak); font-weight: normal; }
table.entities td.kind { color: var(--weak); font-size: .85em; }
table.entities td.named { text-align: center; background: var(--equivalent); font-variant-numeric: tabular-nums; }
table.entities td.none { background: #fafafa; }
table.phrases td:first-child { white-space: nowrap; }
b.all { font-weight: 700; }
.alone { text-decoration: underline dotted; text-underline-offset: 3px; }
footer { margin-top: 2em; color: var(--weak); font-size: .85em; }
@media print {
  @page { size: landscape; margin: 12mm; }
  body { padding: 0; font-size: 10pt; }
  table.collation thead th { position: static; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .absent, .k-identical, .k-equivalent, .k-related, .k-single { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Writes the collation as one HTML file.
pub fn write(out: &mut dyn Write, report: &CollationReport<'_>) -> std::io::Result<()> {
    let collation = report.collation;
    let documents = report.documents;
    let n = documents.len();
    let names: Vec<String> = documents.iter().map(|d| escape(&d.name)).collect();
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<title>Parallax collation: {}</title>",
        names.join(" · ")
    )?;
    writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>")?;
    writeln!(out, "<h1>Collation of {n} statements</h1>")?;
    let (points, all, some, single) = report.counts();
    writeln!(
        out,
        "<p class=\"summary\"><b>{points} points</b> · {all} in every document · {some} in some · \
         {single} in one only. Points in the reading order of {} ({}).</p>",
        label(report.pivot),
        names.get(report.pivot).map_or("", String::as_str)
    )?;
    writeln!(
        out,
        "<p class=\"legend\">Legend: <span class=\"k-identical\">= identical</span> \
         <span class=\"k-equivalent\">≈ equivalent</span> <span class=\"k-related\">~ related</span> \
         <span class=\"k-single\">• one document only</span> <span class=\"absent\">— absent</span> · \
         in a row, <b class=\"all\">bold</b>: every document of the point has the word; \
         <span class=\"alone\">dotted underline</span>: only this document has it.</p>"
    )?;

    writeln!(out, "<h2>Provenance</h2>\n<table class=\"prov\">")?;
    for (i, document) in documents.iter().enumerate() {
        writeln!(
            out,
            "<tr><th>{}</th><td>{}<br><small>{}</small></td><td>{} bytes</td><td>{} · {}</td><td>SHA-256 <code>{}</code></td></tr>",
            label(i),
            escape(&document.name),
            escape(&Report::origin_of(document)),
            Report::size_of(document),
            escape(document.format.as_str()),
            escape(&document.encoding.to_string()),
            escape(&document.sha256)
        )?;
    }
    writeln!(
        out,
        "<tr><th>Options</th><td colspan=\"4\">{}</td></tr>",
        escape(&report.options_text())
    )?;
    writeln!(
        out,
        "<tr><th>Collated</th><td colspan=\"4\">{} by Parallax {}</td></tr>\n</table>",
        report.generated_rfc3339(),
        env!("CARGO_PKG_VERSION")
    )?;

    writeln!(
        out,
        "<h2>Similarity</h2>\n<p>The share of two documents' sentences that have a counterpart \
         in the other.</p>\n<table class=\"sim\">"
    )?;
    write!(out, "<tr><th></th>")?;
    for (i, name) in names.iter().enumerate() {
        write!(out, "<th title=\"{name}\">{}</th>", label(i))?;
    }
    writeln!(out, "</tr>")?;
    for (i, row) in collation.similarity.iter().enumerate() {
        write!(
            out,
            "<tr><th title=\"{}\">{}</th>",
            names.get(i).map_or("", String::as_str),
            label(i)
        )?;
        for value in row {
            write!(out, "<td>{:.0}%</td>", value * 100.0)?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</table>")?;

    let order = report.order();
    writeln!(
        out,
        "<h2>Presence map</h2>\n<div class=\"map-wrap\"><table class=\"map\">"
    )?;
    for (d, name) in names.iter().enumerate() {
        write!(out, "<tr><th title=\"{name}\">{} {name}</th>", label(d))?;
        for (number, &index) in order.iter().enumerate() {
            let Some(point) = collation.points.get(index) else {
                continue;
            };
            if point.has(d) {
                write!(
                    out,
                    "<td class=\"{}\"><a href=\"#point-{}\" title=\"point {}: {}\">{}</a></td>",
                    kind_class(point.kind),
                    number + 1,
                    number + 1,
                    point.kind.name(),
                    kind_symbol(point.kind)
                )?;
            } else {
                write!(
                    out,
                    "<td class=\"absent\" title=\"point {}: absent\"></td>",
                    number + 1
                )?;
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</table></div>")?;

    if let Some(insights) = report.insights {
        write_insights(out, report, insights, &names)?;
    }

    writeln!(
        out,
        "<h2>Points</h2>\n<div class=\"collation-wrap\"><table class=\"collation\" style=\"--columns: {n}\">"
    )?;
    write!(out, "<thead><tr><th class=\"point\">Point</th>")?;
    for (d, name) in names.iter().enumerate() {
        write!(out, "<th>{} {name}</th>", label(d))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    let texts = report.texts();
    for (number, &index) in order.iter().enumerate() {
        let Some(point) = collation.points.get(index) else {
            continue;
        };
        let words = collation.point_words(&texts, index);
        let of = point.documents();
        write!(
            out,
            "<tr id=\"point-{}\" class=\"{}\"><th class=\"point\">{} {}<br>{}</th>",
            number + 1,
            kind_class(point.kind),
            number + 1,
            kind_symbol(point.kind),
            point.kind.name()
        )?;
        for (d, document) in documents.iter().enumerate() {
            let indexes = point.sentences.get(d).map_or(&[][..], Vec::as_slice);
            if indexes.is_empty() {
                write!(out, "<td class=\"absent\" title=\"absent\">—</td>")?;
                continue;
            }
            let numbers: Vec<String> = indexes.iter().map(|s| format!("S{}", s + 1)).collect();
            write!(out, "<td><span class=\"sn\">{}</span> ", numbers.join(", "))?;
            for (piece, share) in cell_words(&document.text, collation, &words, index, d) {
                let text = escape(&flatten(piece));
                match share {
                    Share::All if of > 1 => write!(out, "<b class=\"all\">{text}</b>")?,
                    Share::Alone if of > 1 => write!(out, "<span class=\"alone\">{text}</span>")?,
                    _ => write!(out, "{text}")?,
                }
            }
            write!(out, "</td>")?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></div>")?;
    writeln!(
        out,
        "<footer>Made with Parallax {}. Offsets and full texts: <code>parallax compare A B C --format json</code>.</footer>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "</body>\n</html>")
}

/// Who names what (an entity × document table of counts, blank for none), the shared phrases
/// with the documents that carry them, and the wording-strength findings.
fn write_insights(
    out: &mut dyn Write,
    report: &CollationReport<'_>,
    insights: &CollationInsights,
    names: &[String],
) -> std::io::Result<()> {
    let n = names.len();
    writeln!(
        out,
        "<h2>Who names what</h2>\n<p>{} entities (names, titles, dates, numbers), named by more \
         documents first; each cell is how many times the document names it, blank for none.</p>\n\
         <div class=\"map-wrap\"><table class=\"entities\">",
        insights.entities.len()
    )?;
    write!(out, "<thead><tr><th>Entity</th><th>Kind</th>")?;
    for (d, name) in names.iter().enumerate() {
        write!(out, "<th title=\"{name}\">{}</th>", label(d))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for entity in insights.entities.iter().take(LIST_AT_MOST) {
        let others: Vec<String> = entity
            .forms
            .iter()
            .filter(|f| **f != entity.text)
            .map(|f| escape(f))
            .collect();
        let forms = if others.is_empty() {
            String::new()
        } else {
            format!(" <small>({})</small>", others.join(", "))
        };
        write!(
            out,
            "<tr><th>{}{forms}</th><td class=\"kind\">{}</td>",
            escape(&entity.text),
            entity_kind_name(entity.kind)
        )?;
        for d in 0..n {
            match entity.counts.get(d).copied().unwrap_or(0) {
                0 => write!(
                    out,
                    "<td class=\"none\" title=\"{} does not name it\"></td>",
                    label(d)
                )?,
                count => write!(out, "<td class=\"named\">{count}</td>")?,
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></div>")?;
    if insights.entities.len() > LIST_AT_MOST {
        writeln!(
            out,
            "<p>… and {} more (all in the JSON).</p>",
            insights.entities.len() - LIST_AT_MOST
        )?;
    }

    writeln!(
        out,
        "<h2>Shared phrases</h2>\n<p>{} runs of three or more words that two or more documents \
         share, carried by more documents first.</p>\n<table class=\"phrases\">\n\
         <thead><tr><th>Documents</th><th>Words</th><th>Phrase</th></tr></thead>\n<tbody>",
        insights.phrases.len()
    )?;
    for phrase in insights.phrases.iter().take(LIST_AT_MOST) {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            labels(&phrase.documents),
            phrase.words,
            escape(&phrase.text)
        )?;
    }
    writeln!(out, "</tbody></table>")?;
    if insights.phrases.len() > LIST_AT_MOST {
        writeln!(
            out,
            "<p>… and {} more (all in the JSON).</p>",
            insights.phrases.len() - LIST_AT_MOST
        )?;
    }

    writeln!(out, "<h2>Wording strength</h2>")?;
    if insights.strength.is_empty() {
        writeln!(
            out,
            "<p>No point is worded more strongly by one document than by another.</p>"
        )?;
        return Ok(());
    }
    writeln!(out, "<ul class=\"strength\">")?;
    let positions = report.positions();
    for finding in &insights.strength {
        let number = positions.get(finding.point).map_or(0, |p| p + 1);
        writeln!(
            out,
            "<li><a href=\"#point-{number}\">Point {number}</a>: {} <b>{}</b> is stronger than {} \
             <b>{}</b> ({})</li>",
            label(finding.stronger),
            escape(&finding.stronger_word),
            label(finding.weaker),
            escape(&finding.weaker_word),
            escape(&finding.kind)
        )?;
    }
    writeln!(out, "</ul>")
}

fn kind_class(kind: PointKind) -> &'static str {
    match kind {
        PointKind::Identical => "k-identical",
        PointKind::Equivalent => "k-equivalent",
        PointKind::Related => "k-related",
        PointKind::Single => "k-single",
    }
}

/// Line breaks inside a sentence read as spaces (sentences wrap to the column).
fn flatten(piece: &str) -> String {
    piece.replace("\r\n", " ").replace(['\r', '\n'], " ")
}
