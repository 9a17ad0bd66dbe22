//! Exporters: render a comparison (and its two documents) as JSON, terminal text, HTML or
//! Markdown. [`cell_segments`] is the one place that turns a row's ops into marked stretches
//! of text; the window and every export render from it.

pub mod collation;
pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use std::time::SystemTime;

use crate::engine::{Comparison, LinkKind, OpTag, Row, RowKind, Span};
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
    /// In a related row: a term both sentences speak of.
    Shared,
}

/// A link from a row to a sentence in another row: "also R7 (related)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrossRef {
    /// The side the linked sentence is on.
    pub side: Side,
    /// The linked sentence (index on its side).
    pub sentence: usize,
    /// The row that holds it.
    pub row: usize,
    /// How the two relate.
    pub kind: LinkKind,
}

impl CrossRef {
    /// "R7" or "L3": the side's initial and the sentence's number (from 1).
    pub fn label(&self) -> String {
        let initial = match self.side {
            Side::Left => 'L',
            Side::Right => 'R',
        };
        format!("{initial}{}", self.sentence + 1)
    }
}

/// Where each sentence sits and which links it has, built once per comparison, so that a
/// row's cross-references cost what the row has.
pub struct LinkIndex {
    rows_of_left: Vec<usize>,
    rows_of_right: Vec<usize>,
    by_left: Vec<Vec<usize>>,
    by_right: Vec<Vec<usize>>,
}

impl LinkIndex {
    /// Indexes `comparison`'s rows and links.
    pub fn new(comparison: &Comparison) -> Self {
        let mut by_left = vec![Vec::new(); comparison.left_sentences.len()];
        let mut by_right = vec![Vec::new(); comparison.right_sentences.len()];
        for (i, link) in comparison.links.iter().enumerate() {
            if let Some(list) = by_left.get_mut(link.left) {
                list.push(i);
            }
            if let Some(list) = by_right.get_mut(link.right) {
                list.push(i);
            }
        }
        Self {
            rows_of_left: comparison.rows_of_left(),
            rows_of_right: comparison.rows_of_right(),
            by_left,
            by_right,
        }
    }

    /// The row holding a sentence.
    pub fn row_of(&self, side: Side, sentence: usize) -> Option<usize> {
        match side {
            Side::Left => self.rows_of_left.get(sentence).copied(),
            Side::Right => self.rows_of_right.get(sentence).copied(),
        }
    }

    /// Where each sentence of each side sits: (left, right), a row index per sentence.
    pub fn into_rows_of(self) -> [Vec<usize>; 2] {
        [self.rows_of_left, self.rows_of_right]
    }

    /// The links of row `index`'s sentences to sentences in other rows, by side then sentence:
    /// what the row shows as "also R7, R9".
    pub fn cross_refs(&self, comparison: &Comparison, index: usize) -> Vec<CrossRef> {
        let mut out = Vec::new();
        let Some(row) = comparison.rows.get(index) else {
            return out;
        };
        // From each side's sentences to the other side's sentences outside this row.
        for (own, by_own, other, other_rows, other_side) in [
            (
                &row.left,
                &self.by_left,
                &row.right,
                &self.rows_of_right,
                Side::Right,
            ),
            (
                &row.right,
                &self.by_right,
                &row.left,
                &self.rows_of_left,
                Side::Left,
            ),
        ] {
            for &s in own {
                for &i in by_own.get(s).map_or(&[][..], Vec::as_slice) {
                    let Some(link) = comparison.links.get(i) else {
                        continue;
                    };
                    let target = match other_side {
                        Side::Left => link.left,
                        Side::Right => link.right,
                    };
                    if !other.contains(&target) {
                        out.push(CrossRef {
                            side: other_side,
                            sentence: target,
                            row: other_rows.get(target).copied().unwrap_or(0),
                            kind: link.kind,
                        });
                    }
                }
            }
        }
        out.sort_by_key(|c| (c.side.index(), c.sentence));
        out.dedup();
        out
    }
}

/// Cross-references in words: "also R7 (related), R9 (equivalent)"; empty when there are none.
pub fn cross_refs_text(refs: &[CrossRef]) -> String {
    if refs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = refs
        .iter()
        .map(|c| format!("{} ({})", c.label(), c.kind.name()))
        .collect();
    format!("also {}", parts.join(", "))
}

/// How much of each side has a counterpart, in words an analyst can quote: "left: 7 of 9
/// sentences have a counterpart on the right; right: 8 of 10".
pub fn coverage_text(comparison: &Comparison) -> String {
    let s = &comparison.stats;
    let have = |n: usize| if n == 1 { "has" } else { "have" };
    format!(
        "left: {} of {} sentences {} a counterpart on the right; right: {} of {}",
        s.left_linked,
        s.left_sentences,
        have(s.left_linked),
        s.right_linked,
        s.right_sentences
    )
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
    if row.kind == RowKind::Related {
        return shared_segments(comparison, row, side, cell);
    }
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

/// A related row's cell: the terms its link rests on marked [`Mark::Shared`], the rest plain.
fn shared_segments(
    comparison: &Comparison,
    row: &Row,
    side: Side,
    cell: Span,
) -> Vec<(Span, Mark)> {
    let link = match (row.left.first(), row.right.first()) {
        (Some(&l), Some(&r)) => comparison.link(l, r),
        _ => None,
    };
    let Some(link) = link else {
        return vec![(cell, Mark::Plain)];
    };
    let spans = match side {
        Side::Left => &link.left_spans,
        Side::Right => &link.right_spans,
    };
    let mut out = Vec::with_capacity(spans.len() * 2 + 1);
    let mut at = cell.start;
    for span in spans {
        let start = span.start.clamp(at, cell.end);
        let end = span.end.clamp(start, cell.end);
        if start == end {
            continue;
        }
        if start > at {
            out.push((Span::new(at, start), Mark::Plain));
        }
        out.push((Span::new(start, end), Mark::Shared));
        at = end;
    }
    if at < cell.end || out.is_empty() {
        out.push((Span::new(at, cell.end), Mark::Plain));
    }
    out
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

    /// Options in words ("ignore case, ignore punctuation, reworded pairing 0.40").
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
        parts.push(format!("reworded pairing {:.2}", o.threshold));
        parts.join(", ")
    }
}

/// A short label of a row's kind, as the window and the reports call it.
pub fn kind_label(row: &Row) -> &'static str {
    match row.kind {
        RowKind::Identical => "identical",
        RowKind::Modified => "reworded",
        RowKind::Related => "related",
        RowKind::LeftOnly => "only left",
        RowKind::RightOnly => "only right",
    }
}
