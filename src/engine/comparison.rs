//! The result of a comparison: the two texts' sentences, the rows that show them side by side
//! (with the word diff of paired sentences), the links between counterparts, and the counts.

use serde::Serialize;

use super::{Link, Options, Sentence, Span, align};

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
    /// similarity of 1 when it is the only one): the same statement reworded.
    Modified,
    /// Paired as counterparts on the same specific topic, event or person that say different
    /// things: no word diff (it would mark everything); the row's link lists the shared terms.
    Related,
    /// Only the left document has this.
    LeftOnly,
    /// Only the right document has this.
    RightOnly,
}

impl RowKind {
    /// The kind of the same row seen with the sides swapped.
    fn mirrored(self) -> RowKind {
        match self {
            RowKind::LeftOnly => RowKind::RightOnly,
            RowKind::RightOnly => RowKind::LeftOnly,
            kind => kind,
        }
    }
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

impl Op {
    /// The same op seen with the sides swapped.
    fn mirrored(self) -> Op {
        Op {
            tag: match self.tag {
                OpTag::Delete => OpTag::Insert,
                OpTag::Insert => OpTag::Delete,
                tag => tag,
            },
            left: self.right,
            right: self.left,
        }
    }
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
    /// 0 for one-sided); for a related row, the score of its link.
    pub similarity: f32,
    /// Whether the pair is out of order relative to its neighbours.
    pub moved: bool,
    /// Word diff of a paired row (empty for one-sided rows). A related row has one too, for
    /// reports that want it; the window and the reports show a related row (and a paraphrase)
    /// by the terms its two sides share, as its diff would mark nearly everything.
    pub ops: Vec<Op>,
    /// Whether a modified row is a paraphrase: the same statement in mostly other words (two
    /// openers, "a profound sense of loss" and "deepest condolences"). Its word diff would
    /// strike out all but "and" and "the", so it is shown as related rows are, by the terms
    /// the two share; `ops` still holds the diff.
    pub paraphrase: bool,
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
    /// Related rows.
    pub related: usize,
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
    /// Left sentences with a counterpart on the right (any link).
    pub left_linked: usize,
    /// Right sentences with a counterpart on the left (any link).
    pub right_linked: usize,
    /// Left sentences.
    pub left_sentences: usize,
    /// Right sentences.
    pub right_sentences: usize,
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
    /// Every link between a left and a right sentence (those of paired rows included),
    /// sorted by left then right sentence.
    pub links: Vec<Link>,
    /// The sentence pairs (left, right) the analyst rejected as links, sorted: none of them is
    /// paired in a row or listed in `links`.
    pub rejected: Vec<(usize, usize)>,
    /// Counts and similarity.
    pub stats: Stats,
}

impl Comparison {
    /// The same comparison seen with the two texts swapped: sides, rows, ops, links and counts
    /// exchanged, the rows in the reading order of the new left text.
    pub(super) fn mirrored(self) -> Comparison {
        let rows = self
            .rows
            .into_iter()
            .map(|row| Row {
                kind: row.kind.mirrored(),
                ops: row.ops.into_iter().map(Op::mirrored).collect(),
                left: row.right,
                right: row.left,
                ..row
            })
            .collect();
        let rows = align::reading_order(rows, |row: &Row| {
            (
                row.left.first().copied(),
                row.right.first().copied(),
                row.moved,
            )
        });
        let mut links: Vec<Link> = self
            .links
            .into_iter()
            .map(|link| Link {
                left: link.right,
                right: link.left,
                left_spans: link.right_spans,
                right_spans: link.left_spans,
                ..link
            })
            .collect();
        links.sort_by_key(|link| (link.left, link.right));
        let mut rejected: Vec<(usize, usize)> =
            self.rejected.into_iter().map(|(l, r)| (r, l)).collect();
        rejected.sort_unstable();
        let s = self.stats;
        Comparison {
            options: self.options,
            left_sentences: self.right_sentences,
            right_sentences: self.left_sentences,
            rows,
            links,
            rejected,
            stats: Stats {
                left_only: s.right_only,
                right_only: s.left_only,
                left_words: s.right_words,
                right_words: s.left_words,
                left_linked: s.right_linked,
                right_linked: s.left_linked,
                left_sentences: s.right_sentences,
                right_sentences: s.left_sentences,
                ..s
            },
        }
    }

    /// Byte span of a row's left side (empty at 0 for a right-only row).
    pub fn left_span(&self, row: &Row) -> Span {
        side_span(&self.left_sentences, &row.left)
    }

    /// Byte span of a row's right side (empty at 0 for a left-only row).
    pub fn right_span(&self, row: &Row) -> Span {
        side_span(&self.right_sentences, &row.right)
    }

    /// The link between left sentence `left` and right sentence `right`, if there is one.
    pub fn link(&self, left: usize, right: usize) -> Option<&Link> {
        self.links
            .binary_search_by(|l| (l.left, l.right).cmp(&(left, right)))
            .ok()
            .and_then(|i| self.links.get(i))
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
