//! A Markdown rendering of a report's outline ([`super::outline`]) for a wiki or a ticket
//! (GitHub-flavoured: strikethrough, tables). A comparison's rows are paired quotes: deletions
//! `~~struck through~~`, insertions **bold** (Markdown has no underline), equivalent wording
//! _italic_. A collation's presence map and points are tables, a row per point and a column per
//! document, "—" where a document lacks the point, words every document of the point has in
//! **bold**. Every piece of wording goes through [`escape`], so it cannot break the markup.

use std::io::Write;

use super::Report;
use super::outline::{
    Block, ENTITY_COLUMNS, EntityTable, Line, Outline, OutlineKind, PHRASE_COLUMNS, POINT_COLUMNS,
    PairRow, PhraseRow, Points, PresenceMap, Provenance, Similarity, Span, sentence,
};
use crate::display::{Mark, kind_symbol};
use crate::engine::RowKind;
use crate::engine::collate::Share;

/// Escapes Markdown's special characters in statement text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

/// Writes the report as Markdown.
pub fn write(out: &mut dyn Write, report: &Report<'_>) -> std::io::Result<()> {
    write_outline(out, &super::outline::pair(report))
}

/// Writes `outline` as Markdown.
pub fn write_outline(out: &mut dyn Write, outline: &Outline) -> std::io::Result<()> {
    for block in &outline.blocks {
        self::block(out, block)?;
    }
    Ok(())
}

/// A line's spans as Markdown.
fn line(line: &Line) -> String {
    let mut markdown = String::new();
    for span in line {
        match span {
            Span::Plain(text) | Span::Weak(text) => markdown.push_str(&escape(text)),
            Span::Strong(text) => markdown.push_str(&format!("**{}**", escape(text))),
            Span::Code(text) => markdown.push_str(&format!("`{}`", text.replace('`', "'"))),
            // Only a collation's points have anchors in Markdown.
            Span::Link {
                text,
                to: to @ super::outline::Anchor::Point(_),
            } => markdown.push_str(&format!("[{}](#{})", escape(text), to.id())),
            Span::Link { text, .. } => markdown.push_str(&escape(text)),
            Span::Break => markdown.push_str("  \n"),
        }
    }
    markdown
}

fn block(out: &mut dyn Write, block: &Block) -> std::io::Result<()> {
    match block {
        Block::Title(title) => writeln!(out, "# {}\n", line(title)),
        Block::Heading(heading, detail) => {
            writeln!(out, "## {}\n", escape(heading))?;
            match detail {
                Some(detail) => writeln!(out, "{}\n", escape(&sentence(detail))),
                None => Ok(()),
            }
        }
        Block::Summary(paragraph) | Block::Paragraph(paragraph) | Block::Footer(paragraph) => {
            writeln!(out, "{}\n", line(paragraph))
        }
        Block::List(items) => {
            for item in items {
                writeln!(out, "- {}", line(item))?;
            }
            writeln!(out)
        }
        Block::Legend(OutlineKind::Pair) => writeln!(
            out,
            "Legend: ~~deleted~~ (left) · **inserted** (right) · _equivalent wording_ · **shared term** in a related row · moved rows are marked _moved_.\n"
        ),
        Block::Legend(OutlineKind::Collation) => writeln!(
            out,
            "Legend: `=` identical · `≈` equivalent · `~` related · `•` one document only · `·` / — \
             absent · **bold**: every document of the point has the word.\n"
        ),
        Block::Provenance(provenance) => self::provenance(out, provenance),
        Block::Similarity(similarity) => self::similarity(out, similarity),
        Block::PresenceMap(map) => presence(out, map),
        Block::Entities(table) => entities(out, table),
        Block::Phrases(phrases) => self::phrases(out, phrases),
        Block::Rows(rows) => {
            for row in &rows.rows {
                self::row(out, row)?;
            }
            Ok(())
        }
        Block::Points(points) => self::points(out, points),
    }
}

fn provenance(out: &mut dyn Write, provenance: &Provenance) -> std::io::Result<()> {
    writeln!(
        out,
        "| | file | bytes | sentences | format | SHA-256 |\n|---|---|---|---|---|---|"
    )?;
    for d in &provenance.documents {
        writeln!(
            out,
            "| {} | {} ({}) | {} | {} | {} · {} | `{}` |",
            escape(&d.label),
            escape(&d.name),
            escape(&d.origin),
            d.bytes,
            d.sentences,
            escape(&d.format),
            escape(&d.encoding),
            d.sha256
        )?;
    }
    writeln!(out)?;
    for (label, value) in &provenance.facts {
        writeln!(out, "- {label}: {}", escape(value))?;
    }
    writeln!(out)
}

/// "| a | b |": a table row of already escaped cells.
fn table_row<S: AsRef<str>>(cells: &[S]) -> String {
    let cells: Vec<&str> = cells.iter().map(AsRef::as_ref).collect();
    format!("| {} |", cells.join(" | "))
}

fn similarity(out: &mut dyn Write, similarity: &Similarity) -> std::io::Result<()> {
    let labels: Vec<String> = similarity
        .documents
        .iter()
        .map(|d| escape(&d.label))
        .collect();
    writeln!(out, "| | {} |", labels.join(" | "))?;
    writeln!(out, "|---|{}", "---:|".repeat(labels.len()))?;
    for (label, row) in labels.iter().zip(&similarity.values) {
        let mut cells = vec![label.clone()];
        cells.extend(row.iter().map(|v| format!("{:.0}%", v * 100.0)));
        writeln!(out, "{}", table_row(&cells))?;
    }
    writeln!(out)
}

/// A point a row (in reading order), a document a column: the point's kind symbol where the
/// document has it, `·` where it does not.
fn presence(out: &mut dyn Write, map: &PresenceMap) -> std::io::Result<()> {
    let mut header: Vec<String> = POINT_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    header.extend(map.documents.iter().map(|d| escape(&d.label)));
    writeln!(out, "{}", table_row(&header))?;
    writeln!(out, "|---:|---|{}", ":---:|".repeat(map.documents.len()))?;
    for (number, (kind, has)) in map.points.iter().enumerate() {
        let mut cells = vec![
            format!("[{}](#point-{})", number + 1, number + 1),
            kind.name().to_owned(),
        ];
        cells.extend(
            has.iter()
                .map(|&has| if has { kind_symbol(*kind) } else { "·" }.to_owned()),
        );
        writeln!(out, "{}", table_row(&cells))?;
    }
    writeln!(out)
}

/// An entity a row, a count per document, blank for none.
fn entities(out: &mut dyn Write, table: &EntityTable) -> std::io::Result<()> {
    let mut header: Vec<String> = ENTITY_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    header.extend(table.documents.iter().map(|d| escape(&d.label)));
    writeln!(out, "{}", table_row(&header))?;
    writeln!(out, "|---|---|{}", ":---:|".repeat(table.documents.len()))?;
    for entity in &table.entities {
        let forms = if entity.others.is_empty() {
            String::new()
        } else {
            let others: Vec<String> = entity.others.iter().map(|f| escape(f)).collect();
            format!(" ({})", others.join(", "))
        };
        let mut cells = vec![
            format!("**{}**{forms}", escape(&entity.text)),
            entity.kind.to_owned(),
        ];
        cells.extend(entity.counts.iter().map(|&count| match count {
            0 => String::new(),
            count => count.to_string(),
        }));
        writeln!(out, "{}", table_row(&cells))?;
    }
    writeln!(out)
}

fn phrases(out: &mut dyn Write, phrases: &[PhraseRow]) -> std::io::Result<()> {
    writeln!(out, "{}\n|---|---:|---|", table_row(&PHRASE_COLUMNS))?;
    for phrase in phrases {
        writeln!(
            out,
            "{}",
            table_row(&[
                escape(&phrase.documents),
                phrase.words.to_string(),
                escape(&phrase.text)
            ])
        )?;
    }
    writeln!(out)
}

/// A compared row: a heading line (number, kind, moved, analyst, cross-references), then each
/// side's text as a quote, then the note.
fn row(out: &mut dyn Write, row: &PairRow) -> std::io::Result<()> {
    let mut heading = format!("**Row {}** · {}", row.index + 1, row.kind_words);
    if row.kind == RowKind::Modified {
        heading.push_str(&format!(" · {:.0}%", row.similarity * 100.0));
    }
    if let Some(target) = row.moved {
        heading.push_str(" · _moved_");
        if let Some(target) = target {
            heading.push_str(&format!(" ({}, row {})", target.label(), target.row + 1));
        }
    }
    if row.by_analyst {
        heading.push_str(" · **linked by the analyst**");
    }
    if !row.cross_refs.is_empty() {
        let parts: Vec<String> = row
            .cross_refs
            .iter()
            .map(|r| format!("{} ({}, row {})", r.label(), r.kind.name(), r.row + 1))
            .collect();
        heading.push_str(&format!(" · also {}", parts.join(", ")));
    }
    writeln!(out, "{heading}\n")?;
    let [left, right] = &row.cells;
    for (side, cell) in [("Left", left), ("Right", right)] {
        if let Some(pieces) = cell {
            writeln!(out, "> **{side}:** {}", self::cell(pieces))?;
            writeln!(out, ">")?;
        }
    }
    if let Some(note) = &row.note {
        writeln!(out, "> _Note:_ {}", escape(note))?;
    }
    writeln!(out)
}

/// One side of a compared row, its marks in Markdown.
fn cell(pieces: &[(String, Mark)]) -> String {
    let mut out = String::new();
    for (piece, mark) in pieces {
        let text = escape(piece);
        if text.trim().is_empty() {
            out.push_str(&text);
            continue;
        }
        match mark {
            Mark::Plain => out.push_str(&text),
            Mark::Deleted => out.push_str(&format!("~~{text}~~")),
            Mark::Inserted => out.push_str(&format!("**{text}**")),
            Mark::Equivalent => out.push_str(&format!("_{text}_")),
            Mark::Shared => out.push_str(&format!("**{text}**")),
        }
    }
    out
}

/// A point a row, a document a column, "—" where the document lacks the point.
fn points(out: &mut dyn Write, points: &Points) -> std::io::Result<()> {
    let mut header = vec![POINT_COLUMNS[0].to_owned()];
    header.extend(
        points
            .documents
            .iter()
            .map(|d| format!("{} {}", escape(&d.label), escape(&d.name))),
    );
    writeln!(out, "{}", table_row(&header))?;
    writeln!(out, "|---|{}", "---|".repeat(points.documents.len()))?;
    for point in &points.points {
        let number = point.number + 1;
        let mut cells = vec![format!(
            "<a id=\"point-{number}\"></a>{number} {} {}",
            kind_symbol(point.kind),
            point.kind.name()
        )];
        for cell in &point.cells {
            let Some(cell) = cell else {
                cells.push("—".to_owned());
                continue;
            };
            let mut text = format!("_{}_ ", escape(&cell.sentences));
            for (piece, share) in &cell.words {
                let piece = escape(piece);
                if *share == Share::All && !piece.trim().is_empty() {
                    text.push_str(&format!("**{piece}**"));
                } else {
                    text.push_str(&piece);
                }
            }
            cells.push(text);
        }
        writeln!(out, "{}", table_row(&cells))?;
    }
    writeln!(out)
}
