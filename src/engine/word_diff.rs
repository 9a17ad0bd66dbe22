//! Word diff inside one aligned row, with `similar` over interned token keys.
//!
//! Tokens are compared by their matching keys, under which equivalent wordings are the same
//! token; an equal stretch whose literal keys differ is split off as `Equivalent`.
//!
//! Ops partition both sides' byte ranges of the row: each token owns the text from its start to
//! the next token's start (so whitespace and ignored punctuation travel with the token before
//! them), the first token also owns anything before it, and the last owns the rest.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::prepare::Prepared;
use super::segment::Span;
use super::{Op, OpTag};

/// The diff of one row's two sides.
pub struct RowDiff {
    /// Ops in order, partitioning both sides' spans.
    pub ops: Vec<Op>,
    /// Words (not punctuation) in equal or equivalent ops, on the left and on the right.
    pub equal_words: (usize, usize),
    /// Word tokens on the left and on the right.
    pub words: (usize, usize),
}

/// Byte boundary before token `k` of a side whose tokens are `tokens` within `span`.
fn boundary(side: &Prepared, tokens: &Range<usize>, span: Span, k: usize) -> usize {
    if k == 0 {
        span.start
    } else if k >= tokens.len() {
        span.end
    } else {
        side.tokens[tokens.start + k].span.start
    }
}

/// Diffs the words of `left_sentences` against `right_sentences`.
pub fn diff_row(
    left: &Prepared,
    left_sentences: &Range<usize>,
    right: &Prepared,
    right_sentences: &Range<usize>,
    deadline: Instant,
) -> RowDiff {
    let left_tokens = left.tokens_of(left_sentences);
    let right_tokens = right.tokens_of(right_sentences);
    let left_span = left.span_of(left_sentences);
    let right_span = right.span_of(right_sentences);
    let left_keys = &left.keys[left_tokens.clone()];
    let right_keys = &right.keys[right_tokens.clone()];
    let count_words =
        |side: &Prepared, range: Range<usize>| side.words[range].iter().sum::<u32>() as usize;
    let words = (
        count_words(left, left_tokens.clone()),
        count_words(right, right_tokens.clone()),
    );

    let raw = if left_keys == right_keys {
        vec![(DiffTag::Equal, 0..left_keys.len(), 0..right_keys.len())]
    } else {
        capture_diff_slices_deadline(Algorithm::Patience, left_keys, right_keys, Some(deadline))
            .iter()
            .map(|op| op.as_tag_tuple())
            .collect()
    };
    let mut ops = Vec::with_capacity(raw.len());
    let mut equal_words = (0, 0);
    // `similar`'s compaction can leave the empty side of a delete or an insert at a stale
    // position (it swaps adjacent inserts and deletes without updating it). The ops come in
    // order on both sides, so each op is placed at the running position instead.
    let (mut at_left, mut at_right) = (0, 0);
    let mut push = |tag: OpTag, l: Range<usize>, r: Range<usize>| {
        ops.push(Op {
            tag,
            left: Span::new(
                boundary(left, &left_tokens, left_span, l.start),
                boundary(left, &left_tokens, left_span, l.end),
            ),
            right: Span::new(
                boundary(right, &right_tokens, right_span, r.start),
                boundary(right, &right_tokens, right_span, r.end),
            ),
        });
    };
    for (tag, l, r) in raw {
        let l = at_left..at_left + l.len();
        let r = at_right..at_right + r.len();
        (at_left, at_right) = (l.end, r.end);
        match tag {
            DiffTag::Equal => {
                equal_words.0 +=
                    count_words(left, left_tokens.start + l.start..left_tokens.start + l.end);
                equal_words.1 += count_words(
                    right,
                    right_tokens.start + r.start..right_tokens.start + r.end,
                );
                // Split into stretches of the same wording (equal) and of equivalent wording.
                let same = |k: usize| {
                    left.literal[left_tokens.start + l.start + k]
                        == right.literal[right_tokens.start + r.start + k]
                };
                let mut k = 0;
                while k < l.len() {
                    let kind = same(k);
                    let mut end = k + 1;
                    while end < l.len() && same(end) == kind {
                        end += 1;
                    }
                    push(
                        if kind {
                            OpTag::Equal
                        } else {
                            OpTag::Equivalent
                        },
                        l.start + k..l.start + end,
                        r.start + k..r.start + end,
                    );
                    k = end;
                }
            }
            DiffTag::Delete => push(OpTag::Delete, l, r),
            DiffTag::Insert => push(OpTag::Insert, l, r),
            DiffTag::Replace => push(OpTag::Replace, l, r),
        }
    }
    // A side without tokens (only whitespace or ignored punctuation) is owned by the last op.
    match ops.last_mut() {
        Some(last) => {
            last.left.end = left_span.end;
            last.right.end = right_span.end;
        }
        None => ops.push(Op {
            tag: OpTag::Equal,
            left: left_span,
            right: right_span,
        }),
    }
    if let Some(first) = ops.first_mut() {
        first.left.start = left_span.start;
        first.right.start = right_span.start;
    }
    RowDiff {
        ops,
        equal_words,
        words,
    }
}
