//! The comparison engine: two texts and options in, a [`Comparison`] out.
//!
//! Pure and deterministic: no I/O, no UI. Lossless: the sentences of each side partition its
//! text, every sentence is in exactly one row, and each paired row's ops partition the byte
//! ranges of its sentences on both sides. Everything Parallax shows or exports renders this.
//!
//! Equivalent terms ([`Equivalences`]: "US" and "United States", "DPM/FM" and "Deputy Prime
//! Minister and Foreign Minister") count as the same term in alignment and word diff, and are
//! shown as their own kind of op, [`OpTag::Equivalent`]. A row is `Identical` only when its
//! wording is the same; a pair that differs only by equivalent terms is `Modified`, with only
//! equal and equivalent ops and a similarity of 1.

mod align;
pub mod equivalence;
mod normalize;
mod prepare;
pub mod segment;
mod word_diff;

use std::time::{Duration, Instant};

use serde::Serialize;

pub use align::is_stop_word;
pub use equivalence::{Equivalences, TableError};
pub use normalize::token_key;
pub use segment::{Sentence, Span};

/// What to ignore and how eagerly to pair reworded sentences. Built like `similar`'s config:
/// `Options::default().ignore_case(true).threshold(0.5)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct Options {
    /// Compare without regard to letter case.
    pub ignore_case: bool,
    /// Leave punctuation out of the comparison.
    pub ignore_punctuation: bool,
    /// Least similarity (0..=1, IDF-weighted over content words) for two reworded sentences to
    /// be paired; below it they are shown as one-sided.
    pub threshold: f32,
    /// Time budget for the whole comparison's diffs, in milliseconds; past it diffs coarsen
    /// (still correct, less minimal) instead of running on.
    pub timeout_ms: u64,
    /// Count equivalent terms ("US" and "United States") as the same term.
    #[serde(default = "yes")]
    pub use_equivalences: bool,
    /// Show words that match only once spelling and typography are folded ("U.S." and "US",
    /// "d’Affaires" and "d'Affaires") as equivalent wording instead of the same wording: a row
    /// that differs only by them is then `modified` with a similarity of 1.
    #[serde(default)]
    pub mark_variants: bool,
}

fn yes() -> bool {
    true
}

impl Default for Options {
    fn default() -> Self {
        Self {
            ignore_case: false,
            ignore_punctuation: false,
            threshold: 0.4,
            timeout_ms: 5_000,
            use_equivalences: true,
            mark_variants: false,
        }
    }
}

impl Options {
    /// Sets whether case is ignored.
    #[must_use]
    pub fn ignore_case(mut self, on: bool) -> Self {
        self.ignore_case = on;
        self
    }

    /// Sets whether punctuation is ignored.
    #[must_use]
    pub fn ignore_punctuation(mut self, on: bool) -> Self {
        self.ignore_punctuation = on;
        self
    }

    /// Sets whether spelling and typography variants are marked as equivalent wording.
    #[must_use]
    pub fn mark_variants(mut self, on: bool) -> Self {
        self.mark_variants = on;
        self
    }

    /// Sets whether equivalent terms count as the same term.
    #[must_use]
    pub fn use_equivalences(mut self, on: bool) -> Self {
        self.use_equivalences = on;
        self
    }

    /// Sets the pairing threshold, clamped to 0..=1.
    #[must_use]
    pub fn threshold(mut self, threshold: f32) -> Self {
        self.threshold = if threshold.is_nan() {
            Self::default().threshold
        } else {
            threshold.clamp(0.0, 1.0)
        };
        self
    }
}

/// One of the two documents compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The left document.
    Left,
    /// The right document.
    Right,
}

impl Side {
    /// 0 for left, 1 for right.
    pub fn index(self) -> usize {
        match self {
            Self::Left => 0,
            Self::Right => 1,
        }
    }

    /// "left" or "right".
    pub fn name(self) -> &'static str {
        match self {
            Self::Left => "left",
            Self::Right => "right",
        }
    }
}

/// How a row's two sides relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// Same words (under the options) on both sides.
    Identical,
    /// Paired, with word changes (equivalent wording counts as a change here, with a
    /// similarity of 1 when it is the only one).
    Modified,
    /// Only the left document has this.
    LeftOnly,
    /// Only the right document has this.
    RightOnly,
}

/// What a word-diff op does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpTag {
    /// Same words on both sides.
    Equal,
    /// Words only on the left.
    Delete,
    /// Words only on the right.
    Insert,
    /// Left words replaced by right words.
    Replace,
    /// Different wording of the same thing on each side ("US" and "United States"), by the
    /// table of equivalent terms.
    Equivalent,
}

/// One word-diff op: byte spans into the left and right texts (either may be empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Op {
    /// What the op does.
    pub tag: OpTag,
    /// Span in the left text.
    #[serde(serialize_with = "span_pair")]
    pub left: Span,
    /// Span in the right text.
    #[serde(serialize_with = "span_pair")]
    pub right: Span,
}

fn span_pair<S: serde::Serializer>(span: &Span, s: S) -> Result<S::Ok, S::Error> {
    [span.start, span.end].serialize(s)
}

/// One row of the side-by-side view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// How the sides relate.
    pub kind: RowKind,
    /// Left sentence indexes (contiguous; empty for a right-only row).
    pub left: Vec<usize>,
    /// Right sentence indexes (contiguous; empty for a left-only row).
    pub right: Vec<usize>,
    /// Share of the row's words that are shared, equivalent wording included (1 for identical,
    /// 0 for one-sided).
    pub similarity: f32,
    /// Whether the pair is out of order relative to its neighbours.
    pub moved: bool,
    /// Word diff of a paired row (empty for one-sided rows).
    pub ops: Vec<Op>,
}

impl Row {
    /// Whether this row is a difference an analyst steps through (anything but identical and
    /// in place).
    pub fn is_difference(&self) -> bool {
        self.kind != RowKind::Identical || self.moved
    }
}

/// Counts and overall similarity.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Stats {
    /// Share of both texts' words that are shared (shared on the left + shared on the right,
    /// over left + right words; equivalent wording counts as shared).
    pub similarity: f32,
    /// Identical rows.
    pub identical: usize,
    /// Modified rows.
    pub modified: usize,
    /// Rows flagged moved.
    pub moved: usize,
    /// Left-only rows.
    pub left_only: usize,
    /// Right-only rows.
    pub right_only: usize,
    /// Word tokens on the left.
    pub left_words: usize,
    /// Word tokens on the right.
    pub right_words: usize,
}

/// The result of comparing two texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The options used.
    pub options: Options,
    /// Sentences of the left text (they partition it).
    pub left_sentences: Vec<Sentence>,
    /// Sentences of the right text (they partition it).
    pub right_sentences: Vec<Sentence>,
    /// Rows in reading order.
    pub rows: Vec<Row>,
    /// Counts and similarity.
    pub stats: Stats,
}

impl Comparison {
    /// Byte span of a row's left side (empty at 0 for a right-only row).
    pub fn left_span(&self, row: &Row) -> Span {
        side_span(&self.left_sentences, &row.left)
    }

    /// Byte span of a row's right side (empty at 0 for a left-only row).
    pub fn right_span(&self, row: &Row) -> Span {
        side_span(&self.right_sentences, &row.right)
    }

    /// Row index of each left sentence.
    pub fn rows_of_left(&self) -> Vec<usize> {
        rows_of(self.left_sentences.len(), self.rows.iter().map(|r| &r.left))
    }

    /// Row index of each right sentence.
    pub fn rows_of_right(&self) -> Vec<usize> {
        rows_of(
            self.right_sentences.len(),
            self.rows.iter().map(|r| &r.right),
        )
    }
}

fn side_span(sentences: &[Sentence], indexes: &[usize]) -> Span {
    match (
        indexes.first().and_then(|&i| sentences.get(i)),
        indexes.last().and_then(|&i| sentences.get(i)),
    ) {
        (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
        _ => Span::new(0, 0),
    }
}

fn rows_of<'a>(count: usize, sides: impl Iterator<Item = &'a Vec<usize>>) -> Vec<usize> {
    let mut out = vec![0; count];
    for (row, side) in sides.enumerate() {
        for &s in side {
            if let Some(slot) = out.get_mut(s) {
                *slot = row;
            }
        }
    }
    out
}

/// Compares two texts with the built-in table of equivalent terms. Deterministic for the same
/// inputs and options (unless the time budget in `options.timeout_ms` runs out, when diffs
/// coarsen).
pub fn compare(left: &str, right: &str, options: &Options) -> Comparison {
    compare_with(left, right, options, Equivalences::builtin_ref())
}

/// Compares two texts with `equivalences` as the table of equivalent terms (used when
/// `options.use_equivalences` is on).
pub fn compare_with(
    left: &str,
    right: &str,
    options: &Options,
    equivalences: &Equivalences,
) -> Comparison {
    let deadline = Instant::now() + Duration::from_millis(options.timeout_ms.max(1));
    let matcher = options.use_equivalences.then(|| {
        equivalence::Matcher::new(
            equivalences,
            options.ignore_case,
            options.ignore_punctuation,
        )
    });
    let mut keys = prepare::Interner::default();
    let mut terms = prepare::Interner::default();
    let left_side = prepare::prepare(left, options, matcher.as_ref(), &mut keys, &mut terms);
    let right_side = prepare::prepare(right, options, matcher.as_ref(), &mut keys, &mut terms);
    let term_names = terms.names();
    let groups = align::align(
        &left_side,
        &right_side,
        &terms,
        &term_names,
        options.threshold,
        deadline,
    );

    let mut stats = Stats::default();
    let mut equal_words = (0, 0);
    let mut rows = Vec::with_capacity(groups.len());
    for group in groups {
        let (kind, similarity, ops) = match (group.left.is_empty(), group.right.is_empty()) {
            (false, false) => {
                let diff = word_diff::diff_row(
                    &left_side,
                    &group.left,
                    &right_side,
                    &group.right,
                    deadline,
                );
                // Identical means the same wording, not only equivalent wording.
                let identical = left_side.literal[left_side.tokens_of(&group.left)]
                    == right_side.literal[right_side.tokens_of(&group.right)];
                equal_words.0 += diff.equal_words.0;
                equal_words.1 += diff.equal_words.1;
                let total = diff.words.0 + diff.words.1;
                let similarity = if identical {
                    1.0
                } else if total == 0 {
                    0.0
                } else {
                    (diff.equal_words.0 + diff.equal_words.1) as f32 / total as f32
                };
                let kind = if identical {
                    RowKind::Identical
                } else {
                    RowKind::Modified
                };
                (kind, similarity, diff.ops)
            }
            (false, true) => (RowKind::LeftOnly, 0.0, Vec::new()),
            _ => (RowKind::RightOnly, 0.0, Vec::new()),
        };
        match kind {
            RowKind::Identical => stats.identical += 1,
            RowKind::Modified => stats.modified += 1,
            RowKind::LeftOnly => stats.left_only += 1,
            RowKind::RightOnly => stats.right_only += 1,
        }
        stats.moved += usize::from(group.moved);
        rows.push(Row {
            kind,
            left: group.left.collect(),
            right: group.right.collect(),
            similarity,
            moved: group.moved,
            ops,
        });
    }
    stats.left_words = left_side.words.iter().sum::<u32>() as usize;
    stats.right_words = right_side.words.iter().sum::<u32>() as usize;
    let total = stats.left_words + stats.right_words;
    stats.similarity = if total == 0 {
        1.0
    } else {
        (equal_words.0 + equal_words.1) as f32 / total as f32
    };
    Comparison {
        options: *options,
        left_sentences: left_side.sentences,
        right_sentences: right_side.sentences,
        rows,
        stats,
    }
}
