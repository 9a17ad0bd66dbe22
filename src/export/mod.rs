//! Exporters: render a comparison (and its two documents) as JSON, terminal text, HTML or
//! Markdown. [`cell_segments`] is the one place that turns a row's ops into marked stretches
//! of text; the window and every export render from it.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use std::time::SystemTime;

use crate::engine::{Comparison, OpTag, Row, RowKind, Span};
use crate::load::Document;

/// One of the two documents.
pub use crate::engine::Side;

/// How a stretch of a row's text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Unchanged (or a one-sided row's text).
    Plain,
    /// Left words the right does not have.
    Deleted,
    /// Right words the left does not have.
    Inserted,
    /// Different wording of the same thing (an equivalence).
    Equivalent,
}

/// The trimmed text span of one side of a row (no surrounding whitespace).
pub fn cell_span(text: &str, comparison: &Comparison, row: &Row, side: Side) -> Span {
    let span = match side {
        Side::Left => comparison.left_span(row),
        Side::Right => comparison.right_span(row),
    };
    let piece = &text[span.range()];
    let start = span.start + (piece.len() - piece.trim_start().len());
    let end = span.start + piece.trim_end().len();
    Span::new(start, end.max(start))
}

/// The marked stretches of one side of a row, in order, covering its trimmed span; a changed
/// stretch never ends in whitespace (the whitespace after it is a plain stretch).
pub fn cell_segments(
    text: &str,
    comparison: &Comparison,
    row: &Row,
    side: Side,
) -> Vec<(Span, Mark)> {
    let cell = cell_span(text, comparison, row, side);
    if row.kind != RowKind::Modified {
        return vec![(cell, Mark::Plain)];
    }
    let mut marks = Vec::with_capacity(row.ops.len() * 2);
    for op in &row.ops {
        let span = match side {
            Side::Left => op.left,
            Side::Right => op.right,
        };
        let start = span.start.clamp(cell.start, cell.end);
        let span = Span::new(start, span.end.clamp(start, cell.end));
        if span.is_empty() {
            continue;
        }
        let mark = match (op.tag, side) {
            (OpTag::Equal, _) => Mark::Plain,
            (OpTag::Equivalent, _) => Mark::Equivalent,
            (OpTag::Delete | OpTag::Replace, Side::Left) => Mark::Deleted,
            (OpTag::Insert | OpTag::Replace, Side::Right) => Mark::Inserted,
            _ => Mark::Plain,
        };
        let body_end = span.start + text[span.range()].trim_end().len();
        if mark != Mark::Plain && body_end < span.end {
            marks.push((Span::new(span.start, body_end), mark));
            marks.push((Span::new(body_end, span.end), Mark::Plain));
        } else {
            marks.push((span, mark));
        }
    }
    marks
}

/// What a report says about where its comparison came from.
pub struct Provenance {
    /// When the comparison was made.
    pub generated: SystemTime,
}

/// Everything an exported report shows.
pub struct Report<'a> {
    /// Left document.
    pub left: &'a Document,
    /// Right document.
    pub right: &'a Document,
    /// The comparison.
    pub comparison: &'a Comparison,
    /// The analyst's notes: (row index, note).
    pub notes: &'a [(usize, String)],
    /// Named entities, shared phrases and wording strength, where computed.
    pub analysis: Option<&'a crate::analysis::Analysis>,
    /// When it was made.
    pub provenance: Provenance,
}

impl Report<'_> {
    /// Size of a document in bytes: the file's, or its text's.
    pub fn size_of(document: &Document) -> u64 {
        document.stamp.map_or(document.text.len() as u64, |s| s.len)
    }

    /// Where a document came from, for provenance.
    pub fn origin_of(document: &Document) -> String {
        document
            .path
            .as_ref()
            .map_or("(not from a file)".to_owned(), |p| p.display().to_string())
    }

    /// The time of the comparison as RFC 3339 (UTC, seconds).
    pub fn generated_rfc3339(&self) -> String {
        humantime::format_rfc3339_seconds(self.provenance.generated).to_string()
    }

    /// The note on row `i`, if any.
    pub fn note(&self, i: usize) -> Option<&str> {
        self.notes
            .iter()
            .find(|(row, _)| *row == i)
            .map(|(_, note)| note.as_str())
    }

    /// Options in words ("ignore case, ignore punctuation, threshold 0.40").
    pub fn options_text(&self) -> String {
        let o = &self.comparison.options;
        let mut parts = Vec::new();
        parts.push(
            if o.ignore_case {
                "ignore case"
            } else {
                "case-sensitive"
            }
            .to_owned(),
        );
        parts.push(
            if o.ignore_punctuation {
                "ignore punctuation"
            } else {
                "punctuation compared"
            }
            .to_owned(),
        );
        if o.mark_variants {
            parts.push("spelling variants marked".to_owned());
        }
        parts.push(format!("pairing threshold {:.2}", o.threshold));
        parts.join(", ")
    }
}

/// A short label of a row's kind, as the window and the reports call it.
pub fn kind_label(row: &Row) -> &'static str {
    match row.kind {
        RowKind::Identical => "identical",
        RowKind::Modified => "reworded",
        RowKind::LeftOnly => "only left",
        RowKind::RightOnly => "only right",
    }
}
