//! A self-contained HTML rendering of a report's outline ([`super::outline`]): inline CSS, no
//! script, no external resource. A comparison's rows side by side in the window's colours with
//! non-colour cues (struck-through deletions, underlined insertions); a collation's presence map
//! (a point's kind as a symbol as well as a colour) and its points a column per document, a
//! hatched "—" where a document lacks one, words every document of the point has in bold and
//! words only one has underlined with dots. Every piece of wording goes through [`escape`].
//! Prints in landscape with page breaks between rows, and stacks a comparison's two sides on a
//! phone-width screen.

use std::io::Write;

use super::Report;
use super::outline::{
    Block, ENTITY_COLUMNS, EntityTable, Line, Outline, OutlineKind, PHRASE_COLUMNS, POINT_COLUMNS,
    PairRow, PhraseRow, Points, PresenceMap, Provenance, Rows, Similarity, Span, capitalised,
    sentence,
};
use crate::display::{Mark, kind_symbol};
use crate::engine::RowKind;
use crate::engine::collate::{PointKind, Share};

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

/// The two-text report's style.
const PAIR_STYLE: &str = r#"
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

/// The collation report's style.
const COLLATION_STYLE: &str = r#"
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

/// Writes the report as one HTML file.
pub fn write(out: &mut dyn Write, report: &Report<'_>) -> std::io::Result<()> {
    write_outline(out, &super::outline::pair(report))
}

/// Writes `outline` as one HTML file.
pub fn write_outline(out: &mut dyn Write, outline: &Outline) -> std::io::Result<()> {
    let style = match outline.kind {
        OutlineKind::Pair => PAIR_STYLE,
        OutlineKind::Collation => COLLATION_STYLE,
    };
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", escape(&outline.title))?;
    writeln!(out, "<style>{style}</style>\n</head>\n<body>")?;
    for block in &outline.blocks {
        self::block(out, block)?;
    }
    writeln!(out, "</body>\n</html>")
}

/// A line's spans as HTML.
fn line(line: &Line) -> String {
    let mut html = String::new();
    for span in line {
        match span {
            Span::Plain(text) => html.push_str(&escape(text)),
            Span::Strong(text) => html.push_str(&format!("<b>{}</b>", escape(text))),
            Span::Weak(text) => html.push_str(&format!(
                "<span style=\"color:var(--weak)\">{}</span>",
                escape(text)
            )),
            Span::Code(text) => html.push_str(&format!("<code>{}</code>", escape(text))),
            Span::Link { text, to } => {
                html.push_str(&format!("<a href=\"#{}\">{}</a>", to.id(), escape(text)))
            }
            Span::Break => html.push_str("<br>"),
        }
    }
    html
}

fn block(out: &mut dyn Write, block: &Block) -> std::io::Result<()> {
    match block {
        Block::Title(title) => writeln!(out, "<h1>{}</h1>", line(title)),
        Block::Heading(heading, detail) => {
            writeln!(out, "<h2>{}</h2>", escape(heading))?;
            match detail {
                Some(detail) => writeln!(out, "<p>{}</p>", escape(&sentence(detail))),
                None => Ok(()),
            }
        }
        Block::Summary(summary) => writeln!(out, "<p class=\"summary\">{}</p>", line(summary)),
        Block::Paragraph(paragraph) => writeln!(out, "<p>{}</p>", line(paragraph)),
        Block::List(items) => {
            writeln!(out, "<ul>")?;
            for item in items {
                writeln!(out, "<li>{}</li>", line(item))?;
            }
            writeln!(out, "</ul>")
        }
        Block::Legend(OutlineKind::Pair) => writeln!(
            out,
            "<p class=\"legend\">Legend: <del>deleted (struck through)</del> <ins>inserted (underlined)</ins> \
             <span class=\"eq\">equivalent wording</span> <span class=\"shared\">term a related pair shares</span> <span style=\"background:var(--left-only)\">only left</span> \
             <span style=\"background:var(--right-only)\">only right</span> \
             <span style=\"box-shadow: inset 3px 0 0 var(--moved)\">moved (bar)</span> \
             <span style=\"background:#fff8d6\">analyst's note</span></p>"
        ),
        Block::Legend(OutlineKind::Collation) => writeln!(
            out,
            "<p class=\"legend\">Legend: <span class=\"k-identical\">= identical</span> \
             <span class=\"k-equivalent\">≈ equivalent</span> <span class=\"k-related\">~ related</span> \
             <span class=\"k-single\">• one document only</span> <span class=\"absent\">— absent</span> · \
             in a row, <b class=\"all\">bold</b>: every document of the point has the word; \
             <span class=\"alone\">dotted underline</span>: only this document has it.</p>"
        ),
        Block::Provenance(provenance) => self::provenance(out, provenance),
        Block::Similarity(similarity) => self::similarity(out, similarity),
        Block::PresenceMap(map) => presence(out, map),
        Block::Entities(table) => entities(out, table),
        Block::Phrases(phrases) => self::phrases(out, phrases),
        Block::Rows(rows) => self::rows(out, rows),
        Block::Points(points) => self::points(out, points),
        Block::Footer(footer) => writeln!(out, "<footer>{}</footer>", line(footer)),
    }
}

fn provenance(out: &mut dyn Write, provenance: &Provenance) -> std::io::Result<()> {
    writeln!(out, "<table class=\"prov\">")?;
    for d in &provenance.documents {
        writeln!(
            out,
            "<tr><th>{}</th><td>{}<br><small>{}</small></td><td>{} bytes<br><small>{} sentences</small></td><td>{} · {}</td><td>SHA-256 <code>{}</code></td></tr>",
            escape(&d.label),
            escape(&d.name),
            escape(&d.origin),
            d.bytes,
            d.sentences,
            escape(&d.format),
            escape(&d.encoding),
            escape(&d.sha256)
        )?;
    }
    for (label, value) in &provenance.facts {
        writeln!(
            out,
            "<tr><th>{label}</th><td colspan=\"4\">{}</td></tr>",
            escape(value)
        )?;
    }
    writeln!(out, "</table>")
}

/// A table's header cell per document: its label, its name on hover.
fn document_headers(
    out: &mut dyn Write,
    documents: &[super::outline::DocumentLabel],
) -> std::io::Result<()> {
    for d in documents {
        write!(
            out,
            "<th title=\"{}\">{}</th>",
            escape(&d.name),
            escape(&d.label)
        )?;
    }
    Ok(())
}

fn similarity(out: &mut dyn Write, similarity: &Similarity) -> std::io::Result<()> {
    write!(out, "<table class=\"sim\">\n<tr><th></th>")?;
    document_headers(out, &similarity.documents)?;
    writeln!(out, "</tr>")?;
    for (d, row) in similarity.documents.iter().zip(&similarity.values) {
        write!(
            out,
            "<tr><th title=\"{}\">{}</th>",
            escape(&d.name),
            escape(&d.label)
        )?;
        for value in row {
            write!(out, "<td>{:.0}%</td>", value * 100.0)?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</table>")
}

/// A document a row, a point a cell in reading order, marked by the point's kind with a symbol
/// as well as a colour and linking to the point.
fn presence(out: &mut dyn Write, map: &PresenceMap) -> std::io::Result<()> {
    writeln!(out, "<div class=\"map-wrap\"><table class=\"map\">")?;
    for (d, document) in map.documents.iter().enumerate() {
        let name = escape(&document.name);
        write!(
            out,
            "<tr><th title=\"{name}\">{} {name}</th>",
            escape(&document.label)
        )?;
        for (number, (kind, has)) in map.points.iter().enumerate() {
            if has.get(d).copied().unwrap_or(false) {
                write!(
                    out,
                    "<td class=\"{}\"><a href=\"#point-{}\" title=\"point {}: {}\">{}</a></td>",
                    kind_class(*kind),
                    number + 1,
                    number + 1,
                    kind.name(),
                    kind_symbol(*kind)
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
    writeln!(out, "</table></div>")
}

/// An entity a row, a count per document, blank for none.
fn entities(out: &mut dyn Write, table: &EntityTable) -> std::io::Result<()> {
    let [entity, kind] = ENTITY_COLUMNS.map(capitalised);
    writeln!(out, "<div class=\"map-wrap\"><table class=\"entities\">")?;
    write!(out, "<thead><tr><th>{entity}</th><th>{kind}</th>")?;
    document_headers(out, &table.documents)?;
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for entity in &table.entities {
        let forms = if entity.others.is_empty() {
            String::new()
        } else {
            let others: Vec<String> = entity.others.iter().map(|f| escape(f)).collect();
            format!(" <small>({})</small>", others.join(", "))
        };
        write!(
            out,
            "<tr><th>{}{forms}</th><td class=\"kind\">{}</td>",
            escape(&entity.text),
            entity.kind
        )?;
        for (d, count) in table.documents.iter().zip(&entity.counts) {
            match count {
                0 => write!(
                    out,
                    "<td class=\"none\" title=\"{} does not name it\"></td>",
                    escape(&d.label)
                )?,
                count => write!(out, "<td class=\"named\">{count}</td>")?,
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></div>")
}

fn phrases(out: &mut dyn Write, phrases: &[PhraseRow]) -> std::io::Result<()> {
    let [documents, words, phrase] = PHRASE_COLUMNS.map(capitalised);
    writeln!(
        out,
        "<table class=\"phrases\">\n<thead><tr><th>{documents}</th><th>{words}</th><th>{phrase}</th></tr></thead>\n<tbody>"
    )?;
    for phrase in phrases {
        writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&phrase.documents),
            phrase.words,
            escape(&phrase.text)
        )?;
    }
    writeln!(out, "</tbody></table>")
}

fn rows(out: &mut dyn Write, rows: &Rows) -> std::io::Result<()> {
    let [left, right] = &rows.names;
    writeln!(
        out,
        "<div class=\"head\"><div>{}</div><div></div><div>{}</div></div>",
        escape(left),
        escape(right)
    )?;
    for row in &rows.rows {
        self::row(out, row, &rows.names)?;
    }
    Ok(())
}

/// A compared row: the left cell, the gutter (number, label, moved, analyst, cross-references),
/// the right cell, the note.
fn row(out: &mut dyn Write, row: &PairRow, names: &[String; 2]) -> std::io::Result<()> {
    let class = match row.kind {
        RowKind::Identical => "identical",
        RowKind::Modified => "modified",
        RowKind::Related => "related",
        RowKind::LeftOnly => "left_only",
        RowKind::RightOnly => "right_only",
    };
    let number = row.index + 1;
    let moved = if row.moved.is_some() { " moved" } else { "" };
    writeln!(
        out,
        "<div class=\"row {class}{moved}\" id=\"row-{number}\">"
    )?;
    let [left, right] = &row.cells;
    let [left_name, right_name] = names;
    cell(out, left, "l", left_name)?;
    write!(
        out,
        "<div class=\"gutter\">row {number}<br>{}",
        escape(&row.gutter)
    )?;
    match row.moved {
        Some(Some(target)) => write!(
            out,
            "<br><b>moved</b>: <a href=\"#row-{}\">{}</a>",
            target.row + 1,
            target.label()
        )?,
        Some(None) => write!(out, "<br><b>moved</b>")?,
        None => {}
    }
    if row.by_analyst {
        write!(out, "<br><b>linked by the analyst</b>")?;
    }
    if !row.cross_refs.is_empty() {
        write!(out, "<br><span class=\"xref\">also")?;
        for (n, r) in row.cross_refs.iter().enumerate() {
            let comma = if n + 1 < row.cross_refs.len() {
                ","
            } else {
                ""
            };
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
    cell(out, right, "r", right_name)?;
    if let Some(note) = &row.note {
        writeln!(out, "<p class=\"note\"><b>Note:</b> {}</p>", escape(note))?;
    }
    writeln!(out, "</div>")
}

/// One side of a compared row, or a hatched empty cell.
fn cell(
    out: &mut dyn Write,
    cell: &Option<Vec<(String, Mark)>>,
    class: &str,
    name: &str,
) -> std::io::Result<()> {
    let Some(pieces) = cell else {
        return writeln!(out, "<div class=\"cell {class} empty\"></div>");
    };
    write!(
        out,
        "<div class=\"cell {class}\"><span class=\"side-label\">{}</span>",
        escape(name)
    )?;
    for (piece, mark) in pieces {
        let text = escape(&flatten(piece));
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

/// A point a table row, a column per document.
fn points(out: &mut dyn Write, points: &Points) -> std::io::Result<()> {
    writeln!(
        out,
        "<div class=\"collation-wrap\"><table class=\"collation\" style=\"--columns: {}\">",
        points.documents.len()
    )?;
    write!(
        out,
        "<thead><tr><th class=\"point\">{}</th>",
        capitalised(POINT_COLUMNS[0])
    )?;
    for d in &points.documents {
        write!(out, "<th>{} {}</th>", escape(&d.label), escape(&d.name))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for point in &points.points {
        let number = point.number + 1;
        write!(
            out,
            "<tr id=\"point-{number}\" class=\"{}\"><th class=\"point\">{number} {}<br>{}</th>",
            kind_class(point.kind),
            kind_symbol(point.kind),
            point.kind.name()
        )?;
        for cell in &point.cells {
            let Some(cell) = cell else {
                write!(out, "<td class=\"absent\" title=\"absent\">—</td>")?;
                continue;
            };
            write!(
                out,
                "<td><span class=\"sn\">{}</span> ",
                escape(&cell.sentences)
            )?;
            for (piece, share) in &cell.words {
                let text = escape(&flatten(piece));
                match share {
                    Share::All => write!(out, "<b class=\"all\">{text}</b>")?,
                    Share::Alone => write!(out, "<span class=\"alone\">{text}</span>")?,
                    _ => write!(out, "{text}")?,
                }
            }
            write!(out, "</td>")?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></div>")
}

fn kind_class(kind: PointKind) -> &'static str {
    match kind {
        PointKind::Identical => "k-identical",
        PointKind::Equivalent => "k-equivalent",
        PointKind::Related => "k-related",
        PointKind::Single => "k-single",
    }
}

/// A stretch of text with hard line breaks read as spaces (sentences wrap to the column).
fn flatten(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\r', '\n'], " ")
}
