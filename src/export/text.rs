//! A readable terminal rendering of a report's outline ([`super::outline`]): headings in bold,
//! lists indented, tables in aligned columns. A compared row shows its sentences with deleted
//! words marked `[-like this-]` and inserted words `{+like this+}` (dwdiff's convention), in red
//! and green on a terminal, equivalent wording `[=like this=]` / `{=like this=}` and a related
//! pair's shared terms `[≈like this≈]` / `{≈like this≈}`; a collation's point shows its
//! documents' sentences, with colour the words every document of the point has in bold and
//! words only one has in cyan.

use std::io::Write;

use crate::display::{Mark, cross_refs_text, kind_symbol};
use crate::engine::RowKind;
use crate::engine::collate::Share;

use super::Report;
use super::outline::{
    Block, EntityTable, Line, Outline, OutlineKind, PairRow, PhraseRow, PointRow, PresenceMap,
    Provenance, Similarity, Span,
};

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const CYAN: &str = "\x1b[36m";
const DIM: &str = "\x1b[2m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Writes `report` as text; `colour` adds ANSI colours.
pub fn write(out: &mut dyn Write, report: &Report<'_>, colour: bool) -> std::io::Result<()> {
    write_outline(out, &super::outline::pair(report), colour)
}

/// Writes `outline` as text; `colour` adds ANSI colours.
pub fn write_outline(out: &mut dyn Write, outline: &Outline, colour: bool) -> std::io::Result<()> {
    let mut text = Text { out, colour };
    let mut after_title = false;
    for block in &outline.blocks {
        text.block(block, after_title)?;
        after_title = matches!(block, Block::Title(_));
    }
    Ok(())
}

/// The writer and whether it paints.
struct Text<'w> {
    out: &'w mut dyn Write,
    colour: bool,
}

impl Text<'_> {
    /// `code` when painting, else nothing.
    fn paint(&self, code: &'static str) -> &'static str {
        if self.colour { code } else { "" }
    }

    /// A line's words: strong ones bold and weak ones dim when painting.
    fn line(&self, line: &Line) -> String {
        let mut text = String::new();
        for span in line {
            match span {
                Span::Strong(words) => {
                    text.push_str(self.paint(BOLD));
                    text.push_str(words);
                    text.push_str(self.paint(RESET));
                }
                Span::Weak(words) => {
                    text.push_str(self.paint(DIM));
                    text.push_str(words);
                    text.push_str(self.paint(RESET));
                }
                Span::Break => text.push('\n'),
                other => text.push_str(other.text()),
            }
        }
        text
    }

    fn block(&mut self, block: &Block, after_title: bool) -> std::io::Result<()> {
        let (bold, reset) = (self.paint(BOLD), self.paint(RESET));
        match block {
            Block::Title(line) => writeln!(self.out, "{bold}{}{reset}", self.line(line)),
            Block::Heading(heading, detail) => {
                if !after_title {
                    writeln!(self.out)?;
                }
                match detail {
                    Some(detail) => writeln!(self.out, "{bold}{heading} ({detail}){reset}"),
                    None => writeln!(self.out, "{bold}{heading}{reset}"),
                }
            }
            Block::Summary(line) => writeln!(self.out, "{}", self.line(line)),
            Block::Paragraph(line) => writeln!(self.out, "  {}", self.line(line)),
            Block::List(items) => {
                for item in items {
                    writeln!(self.out, "  {}", self.line(item))?;
                }
                Ok(())
            }
            // In words: a literal marker here would read as a mark in the rows.
            Block::Legend(OutlineKind::Pair) => writeln!(
                self.out,
                "Marks: = identical · ~ reworded · ≈ related or paraphrase · < only left · > \
                 only right; in a row, deleted words in square brackets with minus signs, \
                 inserted ones in braces with plus signs, equivalent wording with equals signs, \
                 the terms a related pair shares with ≈"
            ),
            Block::Legend(OutlineKind::Collation) => writeln!(
                self.out,
                "Marks: = identical · ≈ equivalent · ~ related · • only one document · - absent"
            ),
            Block::Provenance(provenance) => self.provenance(provenance),
            Block::Similarity(similarity) => self.similarity(similarity),
            Block::PresenceMap(map) => self.presence(map),
            Block::Entities(table) => self.entities(table),
            Block::Phrases(phrases) => self.phrases(phrases),
            Block::Rows(rows) => {
                for row in &rows.rows {
                    writeln!(self.out)?;
                    self.row(row)?;
                }
                Ok(())
            }
            Block::Points(points) => {
                for point in &points.points {
                    self.point(point)?;
                }
                Ok(())
            }
            Block::Footer(line) => writeln!(self.out, "\n{}", self.line(line)),
        }
    }

    fn provenance(&mut self, provenance: &Provenance) -> std::io::Result<()> {
        for d in &provenance.documents {
            writeln!(
                self.out,
                "  {}: {} ({}) · {} bytes · {} sentences · {} · {} · SHA-256 {}",
                d.label, d.name, d.origin, d.bytes, d.sentences, d.format, d.encoding, d.sha256
            )?;
        }
        for (label, value) in &provenance.facts {
            writeln!(self.out, "  {label}: {value}")?;
        }
        Ok(())
    }

    fn similarity(&mut self, similarity: &Similarity) -> std::io::Result<()> {
        write!(self.out, "      ")?;
        for d in &similarity.documents {
            write!(self.out, "{:>6}", d.label)?;
        }
        writeln!(self.out)?;
        for (d, row) in similarity.documents.iter().zip(&similarity.values) {
            write!(self.out, "  {:<4}", d.label)?;
            for value in row {
                write!(self.out, "{:>5.0}%", value * 100.0)?;
            }
            writeln!(self.out)?;
        }
        Ok(())
    }

    /// A document a line, a point a column in reading order.
    fn presence(&mut self, map: &PresenceMap) -> std::io::Result<()> {
        for (d, document) in map.documents.iter().enumerate() {
            let marks: Vec<&str> = map
                .points
                .iter()
                .map(|(kind, has)| {
                    if has.get(d).copied().unwrap_or(false) {
                        kind_symbol(*kind)
                    } else {
                        "-"
                    }
                })
                .collect();
            writeln!(self.out, "  {:<4}{}", document.label, marks.join(" "))?;
        }
        Ok(())
    }

    /// An entity a line: its name, its kind, a count per document (`·` for none), its other
    /// forms.
    fn entities(&mut self, table: &EntityTable) -> std::io::Result<()> {
        let shown: Vec<String> = table
            .entities
            .iter()
            .map(|e| shorten(&e.text, NAME_WIDTH))
            .collect();
        let width = shown
            .iter()
            .map(|name| name.chars().count())
            .max()
            .unwrap_or(0)
            .max(6);
        write!(self.out, "  {:<width$} {:<6}", "", "")?;
        for d in &table.documents {
            write!(self.out, "{:>4}", d.label)?;
        }
        writeln!(self.out)?;
        for (name, entity) in shown.iter().zip(&table.entities) {
            write!(self.out, "  {name:<width$} {:<6}", entity.kind)?;
            for count in &entity.counts {
                match count {
                    0 => write!(self.out, "{:>4}", "·")?,
                    count => write!(self.out, "{count:>4}")?,
                }
            }
            if entity.others.is_empty() {
                writeln!(self.out)?;
            } else {
                writeln!(self.out, "  ({})", entity.others.join(", "))?;
            }
        }
        Ok(())
    }

    fn phrases(&mut self, phrases: &[PhraseRow]) -> std::io::Result<()> {
        for phrase in phrases {
            writeln!(
                self.out,
                "  [{}] {} words: \"{}\"",
                phrase.documents,
                phrase.words,
                shorten(&phrase.text, 100)
            )?;
        }
        Ok(())
    }

    /// A compared row: its number, kind and sentences on one line, then its text.
    fn row(&mut self, row: &PairRow) -> std::io::Result<()> {
        let (dim, reset) = (self.paint(DIM), self.paint(RESET));
        let number = row.index + 1;
        let what = row.kind_words;
        let moved = match row.moved {
            Some(Some(target)) => format!(" · moved ({})", target.label()),
            Some(None) => " · moved".to_owned(),
            None => String::new(),
        };
        let refs = cross_refs_text(&row.cross_refs);
        let mut label = if refs.is_empty() {
            row.sentences.clone()
        } else {
            format!("{}; {refs}", row.sentences)
        };
        if row.by_analyst {
            label.push_str("; linked by the analyst");
        }
        let [left, right] = &row.cells;
        match row.kind {
            RowKind::Related | RowKind::Modified
                if row.kind == RowKind::Related || row.paraphrase =>
            {
                let shared = row.shared.join(", ");
                writeln!(
                    self.out,
                    "{number} ≈ {what}{moved} ({label}) · shared: {shared}"
                )?;
                self.cell("L", left, ["[≈", "≈]"], ["[-", "-]"])?;
                self.cell("R", right, ["{≈", "≈}"], ["{+", "+}"])?;
            }
            RowKind::Identical => {
                writeln!(self.out, "{dim}{number} = {what}{moved} ({label}){reset}")?;
                writeln!(self.out, "  {}", clean(&plain(left)))?;
            }
            RowKind::LeftOnly => {
                writeln!(self.out, "{number} < {what} ({label})")?;
                let (red, reset) = (self.paint(RED), self.paint(RESET));
                writeln!(self.out, "  {red}{}{reset}", clean(&plain(left)))?;
            }
            RowKind::RightOnly => {
                writeln!(self.out, "{number} > {what} ({label})")?;
                let (green, reset) = (self.paint(GREEN), self.paint(RESET));
                writeln!(self.out, "  {green}{}{reset}", clean(&plain(right)))?;
            }
            RowKind::Related | RowKind::Modified => {
                writeln!(
                    self.out,
                    "{number} ~ {what} {:.0}%{moved} ({label})",
                    row.similarity * 100.0
                )?;
                self.cell("L", left, ["[=", "=]"], ["[-", "-]"])?;
                self.cell("R", right, ["{=", "=}"], ["{+", "+}"])?;
            }
        }
        if let Some(note) = &row.note {
            writeln!(self.out, "  note: {}", clean(note))?;
        }
        Ok(())
    }

    /// One side of a paired row on one line: `same` marks equivalent or shared words, `changed`
    /// deleted or inserted ones.
    fn cell(
        &mut self,
        prefix: &str,
        cell: &Option<Vec<(String, Mark)>>,
        same: [&str; 2],
        changed: [&str; 2],
    ) -> std::io::Result<()> {
        let reset = self.paint(RESET);
        let mut line = String::new();
        for (piece, mark_kind) in cell.iter().flatten() {
            match mark_kind {
                Mark::Plain => line.push_str(piece),
                Mark::Equivalent | Mark::Shared => {
                    mark(&mut line, piece, same, self.paint(CYAN), reset)
                }
                Mark::Deleted => mark(&mut line, piece, changed, self.paint(RED), reset),
                Mark::Inserted => mark(&mut line, piece, changed, self.paint(GREEN), reset),
            }
        }
        writeln!(self.out, "  {prefix}: {}", clean(&line))
    }

    /// A collation's point: its number, presence and kind, a line per document that has it,
    /// then the documents that lack it.
    fn point(&mut self, point: &PointRow) -> std::io::Result<()> {
        let (bold, dim, cyan, reset) = (
            self.paint(BOLD),
            self.paint(DIM),
            self.paint(CYAN),
            self.paint(RESET),
        );
        let presence: Vec<&str> = point
            .cells
            .iter()
            .map(|cell| match cell {
                Some(_) => kind_symbol(point.kind),
                None => "-",
            })
            .collect();
        writeln!(
            self.out,
            "\n{bold}Point {} [{}] {}{reset}",
            point.number + 1,
            presence.join(" "),
            point.kind.name()
        )?;
        let mut absent = Vec::new();
        for (d, cell) in point.cells.iter().enumerate() {
            let Some(cell) = cell else {
                absent.push(crate::display::label(d));
                continue;
            };
            write!(
                self.out,
                "  {} {}: ",
                crate::display::label(d),
                cell.sentences
            )?;
            for (piece, share) in &cell.words {
                let piece = flatten(piece);
                match share {
                    Share::All => write!(self.out, "{bold}{piece}{reset}")?,
                    Share::Alone => write!(self.out, "{cyan}{piece}{reset}")?,
                    _ => write!(self.out, "{piece}")?,
                }
            }
            writeln!(self.out)?;
        }
        if !absent.is_empty() {
            writeln!(self.out, "  {dim}not in {}{reset}", absent.join(", "))?;
        }
        Ok(())
    }
}

/// Most characters of a name in the entity table's first column.
const NAME_WIDTH: usize = 36;

/// A cell's text without its marks.
fn plain(cell: &Option<Vec<(String, Mark)>>) -> String {
    cell.iter()
        .flatten()
        .map(|(piece, _)| piece.as_str())
        .collect()
}

/// Wraps the words of `piece` in markers, leaving its trailing whitespace outside them.
fn mark(line: &mut String, piece: &str, [open, close]: [&str; 2], on: &str, off: &str) {
    let body = piece.trim_end();
    if body.is_empty() {
        line.push_str(piece);
        return;
    }
    line.push_str(on);
    line.push_str(open);
    line.push_str(body);
    line.push_str(close);
    line.push_str(off);
    line.push_str(&piece[body.len()..]);
}

/// One line per row: line breaks inside a sentence become spaces, ends trimmed.
fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut to at most `max` characters, with "…" where it was cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

/// Line breaks inside a sentence read as spaces.
fn flatten(piece: &str) -> std::borrow::Cow<'_, str> {
    if piece.contains(['\r', '\n']) {
        piece.replace("\r\n", " ").replace(['\r', '\n'], " ").into()
    } else {
        piece.into()
    }
}
