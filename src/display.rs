//! The display model of a comparison: what every rendering of it shows, in one place. The
//! window, the notes and every exporter draw a cell from [`cell_segments`], name a row's kind
//! with [`kind_words`] and its gutter with [`gutter_label`], list its
//! cross-references with [`CrossRef`], write the options with [`options_text`], and find the
//! row of a sentence or of a byte offset with [`DisplayModel`]; for a collation, documents
//! are named by [`label`] ("D1"), point kinds by [`kind_symbol`] and entity kinds by
//! [`entity_kind_name`]. None of them computes these itself.
//!
//! Invariants: [`cell_segments`] covers a cell's trimmed span exactly, in order, without
//! overlap; [`DisplayModel`] is built once per comparison and answers each lookup in
//! O(log n) or O(1).

use crate::analysis::{Actor, EntityKind};
use crate::engine::collate::{Collation, PointKind, SentenceWords, Share};
use crate::engine::{Comparison, LinkKind, OpTag, Options, Row, RowKind, Span};

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
    if row.kind == RowKind::Related || row.paraphrase {
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

/// A short label of a row's kind, as the window and the reports call it.
pub fn kind_label(row: &Row) -> &'static str {
    match row.kind {
        RowKind::Identical => "identical",
        RowKind::Modified if row.paraphrase => "paraphrase",
        RowKind::Modified => "reworded",
        RowKind::Related => "related",
        RowKind::LeftOnly => "only left",
        RowKind::RightOnly => "only right",
    }
}

/// The row's label in the gutter, as the window and every report write it: "=" for an
/// identical pair, the share of words for a reworded one, "paraphrase", "related", "only
/// left" or "only right"; a one-sided row whose sentence has a counterpart in another row
/// (`linked_elsewhere`: a quote or a paraphrase of a sentence paired elsewhere) is not "only"
/// one side's: it is "unpaired" here, and its cross-references say where the counterpart is.
pub fn gutter_label(row: &Row, linked_elsewhere: bool) -> String {
    match row.kind {
        RowKind::Identical => "=".to_owned(),
        RowKind::Modified if !row.paraphrase => format!("{:.0}%", row.similarity * 100.0),
        _ => kind_words(row, linked_elsewhere).to_owned(),
    }
}

/// A row's kind in the words every report and the gutter use: [`kind_label`], except that a
/// one-sided row whose sentence has a counterpart in another row is "unpaired".
pub fn kind_words(row: &Row, linked_elsewhere: bool) -> &'static str {
    match row.kind {
        RowKind::LeftOnly | RowKind::RightOnly if linked_elsewhere => "unpaired",
        _ => kind_label(row),
    }
}

/// The comparison's options in words, as every report writes them ("case-sensitive,
/// punctuation compared, reworded pairing 0.40").
pub fn options_text(options: &Options) -> String {
    let mut parts = vec![
        if options.ignore_case {
            "ignore case"
        } else {
            "case-sensitive"
        },
        if options.ignore_punctuation {
            "ignore punctuation"
        } else {
            "punctuation compared"
        },
    ]
    .into_iter()
    .map(str::to_owned)
    .collect::<Vec<_>>();
    if options.mark_variants {
        parts.push("spelling variants marked".to_owned());
    }
    if !options.use_equivalences {
        parts.push("no equivalent terms".to_owned());
    }
    parts.push(format!("reworded pairing {:.2}", options.threshold));
    parts.join(", ")
}

/// "D1", "D2", ...: the short label of a collated document by its index.
pub fn label(index: usize) -> String {
    format!("D{}", index + 1)
}

/// "D1 D3": the labels of `documents`.
pub fn labels(documents: &[usize]) -> String {
    documents
        .iter()
        .map(|&d| label(d))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The mark of a present cell in a presence map, readable without colour: `=` identical, `≈`
/// equivalent, `~` related, `•` only this document.
pub fn kind_symbol(kind: PointKind) -> &'static str {
    match kind {
        PointKind::Identical => "=",
        PointKind::Equivalent => "≈",
        PointKind::Related => "~",
        PointKind::Single => "•",
    }
}

/// "name", "title", "date" or "number": an entity's kind as the window and the reports write
/// it.
pub fn entity_kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Name => "name",
        EntityKind::Title => "title",
        EntityKind::Date => "date",
        EntityKind::Number => "number",
    }
}

/// What follows an entity's text in the window's and the text report's lists: nothing for a
/// name, " [title]", " [date]" or " [number]" for the others.
pub fn entity_kind_tag(kind: EntityKind) -> String {
    match kind {
        EntityKind::Name => String::new(),
        _ => format!(" [{}]", entity_kind_name(kind)),
    }
}

/// Where a moved row's sentence sits in the right document's order: beside its neighbour
/// there, which the link names and goes to ("moved: after R12").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MovedTarget {
    /// The row holding the neighbour.
    pub row: usize,
    /// The neighbour: a sentence of the right document.
    pub sentence: usize,
    /// Whether the moved sentence comes just after the neighbour (else just before).
    pub after: bool,
}

impl MovedTarget {
    /// "after R12" or "before R1".
    pub fn label(&self) -> String {
        let at = if self.after { "after" } else { "before" };
        format!("{at} R{}", self.sentence + 1)
    }
}

/// What the views of one comparison look up, built once when it arrives: the rows that are
/// differences, each row's cross-references, where a moved row's sentence sits, and the row of
/// every sentence.
#[derive(Debug, Clone, Default)]
pub struct DisplayModel {
    /// Rows that are differences (reworded, related, one-sided or moved), in order.
    pub differences: Vec<usize>,
    /// How many rows are paraphrases: modified rows of the engine that the views count apart,
    /// as their rows label them.
    pub paraphrases: usize,
    /// For each moved row: the right neighbour its sentence sits beside in the right
    /// document's order ("moved: after R12"), else `None`.
    pub moved_targets: Vec<Option<MovedTarget>>,
    /// For each row: its sentences' links to sentences in other rows ("also R7").
    pub cross_refs: Vec<Vec<CrossRef>>,
    /// Per side, the row of each sentence.
    rows_of: [Vec<usize>; 2],
    /// Per side, where each sentence ends (to find the sentence at a byte offset).
    ends: [Vec<usize>; 2],
}

impl DisplayModel {
    /// Indexes `comparison` for display.
    pub fn new(comparison: &Comparison) -> Self {
        let differences = comparison
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.is_difference())
            .map(|(i, _)| i)
            .collect();
        // One index gives each row's cross-references and where each sentence sits.
        let index = LinkIndex::new(comparison);
        let cross_refs = (0..comparison.rows.len())
            .map(|i| index.cross_refs(comparison, i))
            .collect();
        let rows_of = index.into_rows_of();
        let rows_of_right = &rows_of[1];
        let moved_targets = comparison
            .rows
            .iter()
            .map(|row| {
                if !row.moved {
                    return None;
                }
                let first = *row.right.first()?;
                let last = *row.right.last()?;
                // The right sentence just before this one, else the one just after.
                let preceding = first.checked_sub(1).and_then(|sentence| {
                    Some(MovedTarget {
                        row: *rows_of_right.get(sentence)?,
                        sentence,
                        after: true,
                    })
                });
                let following = || {
                    Some(MovedTarget {
                        row: *rows_of_right.get(last + 1)?,
                        sentence: last + 1,
                        after: false,
                    })
                };
                preceding.or_else(following)
            })
            .collect();
        let ends = [&comparison.left_sentences, &comparison.right_sentences]
            .map(|sentences| sentences.iter().map(|s| s.span.end).collect());
        Self {
            differences,
            paraphrases: comparison.rows.iter().filter(|r| r.paraphrase).count(),
            moved_targets,
            cross_refs,
            rows_of,
            ends,
        }
    }

    /// The row holding sentence `sentence` of `side`.
    pub fn row_of(&self, side: Side, sentence: usize) -> Option<usize> {
        self.rows_of[side.index()].get(sentence).copied()
    }

    /// The row holding byte `offset` of `side`'s text (the sentence that ends after it).
    pub fn row_at(&self, side: Side, offset: usize) -> Option<usize> {
        let ends = &self.ends[side.index()];
        let sentence = ends.partition_point(|&end| end <= offset);
        self.row_of(side, sentence)
    }

    /// A row's cross-references (empty for a row out of range).
    pub fn cross_refs(&self, row: usize) -> &[CrossRef] {
        self.cross_refs.get(row).map_or(&[], Vec::as_slice)
    }
}

/// The marked stretches of one document's cell of a collation point: (span, share), covering
/// each of its sentences there (content, without the whitespace around it) in order, and
/// `None` spans for the separators: a space between neighbouring sentences, " … " between
/// sentences that are not neighbours in their document. Text between words is
/// [`Share::Function`]; a sentence `words` says nothing of is one [`Share::Function`]
/// stretch. The window and every collation report draw a cell from this.
pub fn collation_cell(
    collation: &Collation,
    words: &[SentenceWords],
    point: usize,
    document: usize,
) -> Vec<(Option<Span>, &'static str, Share)> {
    let mut out = Vec::new();
    let Some(indexes) = collation
        .points
        .get(point)
        .and_then(|p| p.sentences.get(document))
    else {
        return out;
    };
    let of = collation.points.get(point).map_or(0, |p| p.documents());
    let mut previous: Option<usize> = None;
    for &index in indexes {
        let Some(content) = collation
            .sentences
            .get(document)
            .and_then(|s| s.get(index))
            .map(|s| s.content)
        else {
            continue;
        };
        if let Some(previous) = previous {
            let separator = if previous + 1 == index { " " } else { " … " };
            out.push((None, separator, Share::Function));
        }
        previous = Some(index);
        let marks = words
            .iter()
            .find(|w| w.document == document && w.sentence == index)
            .map_or(&[][..], |w| w.words.as_slice());
        let mut at = content.start;
        for word in marks {
            let start = word.span.start.clamp(at, content.end);
            let end = word.span.end.clamp(start, content.end);
            if start > at {
                out.push((Some(Span::new(at, start)), "", Share::Function));
            }
            if end > start {
                out.push((Some(Span::new(start, end)), "", word.share(of)));
            }
            at = at.max(end);
        }
        if content.end > at {
            out.push((Some(Span::new(at, content.end)), "", Share::Function));
        }
    }
    out
}

/// The short label and the tooltip of a sentence's actor (whom it credits); none for `other`.
pub fn actor_marker(actor: Actor) -> Option<(&'static str, &'static str)> {
    match actor {
        Actor::Joint => Some(("both", "credited to both sides")),
        Actor::Issuer => Some((
            "own",
            "credited to the issuer's own side (the party that put out this statement)",
        )),
        Actor::Counterpart => Some((
            "them",
            "credited to the other side (the counterpart this statement reports on)",
        )),
        Actor::Other => None,
    }
}
