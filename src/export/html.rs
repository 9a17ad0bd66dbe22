//! A self-contained HTML report: inline CSS, no script, no external resource. Side-by-side rows
//! in the window's colours and non-colour cues (struck-through deletions, underlined
//! insertions), the legend, the summary, provenance and the analyst's notes. Every piece of
//! statement text goes through [`escape`]. Prints in landscape with page breaks between rows,
//! and stacks the two sides on a phone-width screen.

use std::io::Write;

use super::Report;
use crate::display::{DisplayModel, Mark, Side, cell_segments, coverage_text};
use crate::engine::{RowKind, Span};
use crate::load::Document;

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

const STYLE: &str = r#"
:root { --del: #ffcdcd; --del-line: #aa1414; --ins: #bef0c8; --ins-line: #147832; --eq: #d6e2ff;
        --left-only: #ffecec; --right-only: #e6f8ea; --moved: #2850c8; --weak: #5f5f5f; --rule: #ddd; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif; color: #141414;
       background: #fff; margin: 0 auto; max-width: 1400px; padding: 1.2em; }
h1 { font-size: 1.4em; margin: 0 0 .3em; }
h2 { font-size: 1.1em; margin: 1.4em 0 .5em; border-bottom: 1px solid var(--rule); }
.summary { font-size: 1.05em; margin: .4em 0; }
.legend span { padding: 0 .35em; margin-right: .5em; border-radius: 3px; white-space: nowrap; }
table.prov { border-collapse: collapse; font-size: .9em; }
table.prov th, table.prov td { text-align: left; padding: .15em .8em .15em 0; vertical-align: top; }
table.prov code { font-size: .85em; word-break: break-all; }
.head, .row { display: grid; grid-template-columns: minmax(0, 1fr) 5.5em minmax(0, 1fr); gap: 0 .6em; }
.head { font-weight: 600; position: sticky; top: 0; background: #fff; padding: .4em 0;
        border-bottom: 1px solid var(--rule); }
.row { padding: .35em 0; border-bottom: 1px solid #f0f0f0; break-inside: avoid; page-break-inside: avoid; }
.cell { padding: .25em .45em; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.gutter { text-align: center; color: var(--weak); font-size: .8em; padding-top: .35em; }
.left_only .cell.l { background: var(--left-only); }
.right_only .cell.r { background: var(--right-only); }
.empty { background: repeating-linear-gradient(135deg, #f6f6f6 0 6px, #eaeaea 6px 7px); }
.moved .cell { box-shadow: inset 3px 0 0 var(--moved); }
.moved .gutter b { color: var(--moved); }
del { background: var(--del); text-decoration: line-through; text-decoration-color: var(--del-line); color: inherit; }
ins { background: var(--ins); text-decoration: underline; text-decoration-color: var(--ins-line);
      text-decoration-thickness: 2px; color: inherit; }
.eq { background: var(--eq); font-style: italic; }
.shared { border-bottom: 2px dotted #8a5a00; background: #fff1d0; }
.related .cell { background: #fbf6ea; }
.xref { font-size: .85em; color: var(--weak); }
.xref a { color: var(--moved); }
.note { grid-column: 1 / -1; margin: .3em 0 0; padding: .3em .6em; background: #fff8d6;
        border-left: 3px solid #d4a800; font-size: .92em; white-space: pre-wrap; }
.side-label { display: none; font-size: .75em; color: var(--weak); }
footer { margin-top: 2em; color: var(--weak); font-size: .85em; }
@media (max-width: 700px) {
  body { padding: .6em; font-size: 14px; }
  .head { display: none; }
  .row { grid-template-columns: 1fr; }
  .gutter { text-align: left; padding: .2em 0; }
  .side-label { display: block; }
  .empty { display: none; }
}
@media print {
  @page { size: landscape; margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .head { position: static; }
  h2 { break-after: avoid; }
  del, ins, .eq, .cell, .empty, .note { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Writes the report as one HTML file.
pub fn write(out: &mut dyn Write, report: &Report<'_>) -> std::io::Result<()> {
    let (left, right, comparison) = (report.left, report.right, report.comparison);
    let s = &comparison.stats;
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<title>Parallax: {} vs {}</title>",
        escape(&left.name),
        escape(&right.name)
    )?;
    writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>")?;
    writeln!(
        out,
        "<h1>{} <span style=\"color:var(--weak)\">vs</span> {}</h1>",
        escape(&left.name),
        escape(&right.name)
    )?;
    if let Some(analysis) = report.analysis {
        brief(out, analysis)?;
    }
    writeln!(
        out,
        "<p class=\"summary\"><b>Similarity {:.0}%</b> · {} identical · {} reworded · {} related · {} moved · {} only left · {} only right<br>{}</p>",
        s.similarity * 100.0,
        s.identical,
        s.modified,
        s.related,
        s.moved,
        s.left_only,
        s.right_only,
        escape(&coverage_text(comparison))
    )?;
    writeln!(
        out,
        "<p class=\"legend\">Legend: <del>deleted (struck through)</del> <ins>inserted (underlined)</ins> \
         <span class=\"eq\">equivalent wording</span> <span class=\"shared\">term a related pair shares</span> <span style=\"background:var(--left-only)\">only left</span> \
         <span style=\"background:var(--right-only)\">only right</span> \
         <span style=\"box-shadow: inset 3px 0 0 var(--moved)\">moved (bar)</span> \
         <span style=\"background:#fff8d6\">analyst's note</span></p>"
    )?;

    writeln!(out, "<h2>Provenance</h2>\n<table class=\"prov\">")?;
    for (label, document) in [("Left", left), ("Right", right)] {
        provenance_row(out, label, document)?;
    }
    writeln!(
        out,
        "<tr><th>Options</th><td colspan=\"4\">{}</td></tr>",
        escape(&report.options_text())
    )?;
    if let Some(decided) = report.decisions_text() {
        writeln!(
            out,
            "<tr><th>Judged</th><td colspan=\"4\">{}</td></tr>",
            escape(&decided)
        )?;
    }
    if let Some(terms) = report.terms_text() {
        writeln!(
            out,
            "<tr><th>Terms</th><td colspan=\"4\">{}</td></tr>",
            escape(&terms)
        )?;
    }
    writeln!(
        out,
        "<tr><th>Compared</th><td colspan=\"4\">{} by Parallax {}</td></tr>\n</table>",
        report.generated_rfc3339(),
        env!("CARGO_PKG_VERSION")
    )?;

    if let Some(analysis) = report.analysis {
        insights(out, analysis)?;
    }
    writeln!(out, "<h2>Side by side</h2>")?;
    writeln!(
        out,
        "<div class=\"head\"><div>{}</div><div></div><div>{}</div></div>",
        escape(&left.name),
        escape(&right.name)
    )?;
    let display = DisplayModel::new(comparison);
    for (i, row) in comparison.rows.iter().enumerate() {
        let class = match row.kind {
            RowKind::Identical => "identical",
            RowKind::Modified => "modified",
            RowKind::Related => "related",
            RowKind::LeftOnly => "left_only",
            RowKind::RightOnly => "right_only",
        };
        let moved = if row.moved { " moved" } else { "" };
        writeln!(
            out,
            "<div class=\"row {class}{moved}\" id=\"row-{}\">",
            i + 1
        )?;
        cell(out, report, i, Side::Left)?;
        let linked_elsewhere = display.cross_refs.get(i).is_some_and(|r| !r.is_empty());
        let similarity = crate::display::gutter_label(row, linked_elsewhere);
        write!(out, "<div class=\"gutter\">row {}<br>{similarity}", i + 1)?;
        if row.moved {
            match display.moved_targets.get(i).copied().flatten() {
                Some(target) => write!(
                    out,
                    "<br><b>moved</b>: <a href=\"#row-{}\">{}</a>",
                    target.row + 1,
                    target.label()
                )?,
                None => write!(out, "<br><b>moved</b>")?,
            }
        }
        if report.by_analyst(i) {
            write!(out, "<br><b>linked by the analyst</b>")?;
        }
        let refs = display.cross_refs(i);
        if !refs.is_empty() {
            write!(out, "<br><span class=\"xref\">also")?;
            for (n, r) in refs.iter().enumerate() {
                let comma = if n + 1 < refs.len() { "," } else { "" };
                write!(
                    out,
                    " <a href=\"#row-{}\" title=\"{} sentence {}, row {}\">{}</a> ({}){comma}",
                    r.row + 1,
                    r.kind.name(),
                    r.label(),
                    r.row + 1,
                    r.label(),
                    r.kind.name()
                )?;
            }
            write!(out, "</span>")?;
        }
        writeln!(out, "</div>")?;
        cell(out, report, i, Side::Right)?;
        if let Some(note) = report.note(i) {
            writeln!(out, "<p class=\"note\"><b>Note:</b> {}</p>", escape(note))?;
        }
        writeln!(out, "</div>")?;
    }
    writeln!(
        out,
        "<footer>Made with Parallax {}. Offsets and full texts: <code>parallax compare --format json</code>.</footer>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "</body>\n</html>")
}

/// Who and what each side names, the phrases both share, and wording strength.
fn insights(out: &mut dyn Write, analysis: &crate::analysis::Analysis) -> std::io::Result<()> {
    use crate::analysis::{Presence, Stronger};
    writeln!(out, "<h2>Who and what is named</h2>")?;
    for (presence, heading) in [
        (Presence::LeftOnly, "Only left"),
        (Presence::RightOnly, "Only right"),
        (Presence::Both, "Both"),
    ] {
        let names: Vec<String> = analysis
            .entities
            .iter()
            .filter(|e| e.presence() == presence)
            .map(|e| format!("{} ({}/{})", escape(&e.text), e.left, e.right))
            .collect();
        if !names.is_empty() {
            writeln!(out, "<p><b>{heading}:</b> {}</p>", names.join(" · "))?;
        }
    }
    if !analysis.phrases.is_empty() {
        writeln!(out, "<h2>Shared phrases</h2>\n<ul>")?;
        for phrase in analysis.phrases.iter().take(30) {
            writeln!(
                out,
                "<li>“{}” <small>({} left, {} right)</small></li>",
                escape(&phrase.text),
                phrase.left.len(),
                phrase.right.len()
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    if !analysis.strength.is_empty() {
        writeln!(out, "<h2>Wording strength</h2>\n<ul>")?;
        for difference in &analysis.strength {
            let side = match difference.stronger {
                Stronger::Left => "left",
                Stronger::Right => "right",
            };
            writeln!(
                out,
                "<li>row {}: left “{}”, right “{}” ({}): stronger on the {side}</li>",
                difference.row + 1,
                escape(&difference.left),
                escape(&difference.right),
                escape(&difference.kind)
            )?;
        }
        writeln!(out, "</ul>")?;
    }
    if !analysis.shifts.is_empty() {
        writeln!(out, "<h2>Stance shifts</h2>\n<ul>")?;
        for shift in &analysis.shifts {
            writeln!(out, "<li>{}</li>", escape(&shift.summary()))?;
        }
        writeln!(out, "</ul>")?;
    }
    let compared = &analysis.figures_compared;
    if !compared.figures.is_empty() {
        writeln!(out, "<h2>Figures compared</h2>\n<ul>")?;
        for figure in &compared.figures {
            writeln!(out, "<li>{}</li>", escape(&figure.summary()))?;
        }
        for difference in &compared.differences {
            writeln!(out, "<li>{}</li>", escape(&difference.summary()))?;
        }
        writeln!(out, "</ul>")?;
    }
    Ok(())
}

/// The brief: what differs, a line each, its rows linked.
fn brief(out: &mut dyn Write, analysis: &crate::analysis::Analysis) -> std::io::Result<()> {
    writeln!(out, "<h2>Brief</h2>\n<ul class=\"brief\">")?;
    for line in &analysis.brief {
        write!(out, "<li>{}", escape(&line.text))?;
        if !line.rows.is_empty() {
            let mut links: Vec<String> = line
                .rows
                .iter()
                .map(|r| format!("<a href=\"#row-{0}\">{0}</a>", r + 1))
                .collect();
            if line.more_rows > 0 {
                links.push(format!("{} more", line.more_rows));
            }
            let word = if links.len() == 1 { "row" } else { "rows" };
            write!(out, " ({word} {})", links.join(", "))?;
        }
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul>")
}

fn provenance_row(out: &mut dyn Write, label: &str, document: &Document) -> std::io::Result<()> {
    let path = Report::origin_of(document);
    writeln!(
        out,
        "<tr><th>{label}</th><td>{}<br><small>{}</small></td><td>{} bytes</td><td>{} · {}</td><td>SHA-256 <code>{}</code></td></tr>",
        escape(&document.name),
        escape(&path),
        Report::size_of(document),
        escape(document.format.as_str()),
        escape(&document.encoding.to_string()),
        escape(&document.sha256)
    )
}

fn cell(out: &mut dyn Write, report: &Report<'_>, i: usize, side: Side) -> std::io::Result<()> {
    let row = &report.comparison.rows[i];
    let (document, present, class) = match side {
        Side::Left => (report.left, !row.left.is_empty(), "l"),
        Side::Right => (report.right, !row.right.is_empty(), "r"),
    };
    if !present {
        return writeln!(out, "<div class=\"cell {class} empty\"></div>");
    }
    write!(
        out,
        "<div class=\"cell {class}\"><span class=\"side-label\">{}</span>",
        escape(&document.name)
    )?;
    for (span, mark) in cell_segments(&document.text, report.comparison, row, side) {
        let text = escape(&flatten(&document.text, span));
        match mark {
            Mark::Plain => write!(out, "{text}")?,
            Mark::Deleted => write!(out, "<del>{text}</del>")?,
            Mark::Inserted => write!(out, "<ins>{text}</ins>")?,
            Mark::Equivalent => write!(out, "<span class=\"eq\">{text}</span>")?,
            Mark::Shared => write!(out, "<span class=\"shared\">{text}</span>")?,
        }
    }
    writeln!(out, "</div>")
}

/// A stretch of text with hard line breaks read as spaces (sentences wrap to the column).
fn flatten(text: &str, span: Span) -> String {
    text[span.range()]
        .replace("\r\n", " ")
        .replace(['\r', '\n'], " ")
}
