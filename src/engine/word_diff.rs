//! Word diff inside one aligned row.
//!
//! Tokens are compared by their matching keys, under which equivalent wordings are the same
//! token; an equal stretch whose literal keys differ is split off as `Equivalent`. Words joined
//! by a hyphen ("symmetry-breaking") are one unit of the diff, so "symmetry breaking" against
//! "symmetry-breaking" is two words replaced by one, not an inserted hyphen.
//!
//! The matching is Ratcliff/Obershelp's (Python's `difflib`): the longest common run first,
//! then the same on each side of it. It keeps a reworded phrase whole where an LCS or a
//! patience diff scatters matches of "the" and "of" through it; on human-marked revisions
//! (arXivEdits) it agrees with the annotators more often. A row too long for it is diffed by
//! `similar`'s patience diff under the deadline.
//!
//! Ops partition both sides' byte ranges of the row: each token owns the text from its start to
//! the next token's start (so whitespace and ignored punctuation travel with the token before
//! them), the first token also owns anything before it, and the last owns the rest.

use rustc_hash::FxHashMap as HashMap;
use std::cmp::Reverse;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::prepare::Prepared;
use super::segment::Span;
use super::{Op, OpTag};

/// Above this many unit pairs (left units times right units) a row is diffed by the patience
/// diff, whose cost does not grow with the product.
const MATCHING_LIMIT: usize = 1 << 20;

/// The diff of one row's two sides.
pub struct RowDiff {
    /// Ops in order, partitioning both sides' spans.
    pub ops: Vec<Op>,
    /// Words (not punctuation) in equal or equivalent ops, on the left and on the right.
    pub equal_words: (usize, usize),
    /// Word tokens on the left and on the right.
    pub words: (usize, usize),
}

/// One side of a row: its text, its prepared tokens and its sentences.
#[derive(Clone, Copy)]
pub struct RowSide<'a> {
    pub text: &'a str,
    pub prepared: &'a Prepared,
    pub sentences: &'a Range<usize>,
}

/// A unit diff: tag, left units, right units.
type UnitOp = (DiffTag, Range<usize>, Range<usize>);

/// The inputs of one unit diff: the two sides' unit keys and unit weights.
type UnitsKey = (Vec<u32>, Vec<u32>, Vec<usize>, Vec<usize>);

/// Unit diffs already made, by their inputs: a collation diffs the same two sentences in many
/// pairs of statements (a sentence one statement rewords, against the wording most others
/// copy). A unit diff depends on nothing else, so a diff found here is the one it would make.
/// Shared by the threads of a collation; holds at most [`OpsCache::ENTRIES`] diffs.
#[derive(Default)]
pub struct OpsCache(std::sync::Mutex<HashMap<UnitsKey, std::sync::Arc<[UnitOp]>>>);

impl OpsCache {
    /// Most diffs kept: a few megabytes of statements' rows.
    const ENTRIES: usize = 1 << 16;

    /// The unit diff of `a` against `b`, from the cache or made (and kept) now. A row too
    /// long for the matching is diffed under the deadline, so its diff is never kept.
    fn ops(
        &self,
        a: Vec<u32>,
        b: Vec<u32>,
        weights: (Vec<usize>, Vec<usize>),
        deadline: Instant,
    ) -> std::sync::Arc<[UnitOp]> {
        if a.len().saturating_mul(b.len()) > MATCHING_LIMIT {
            return unit_ops(&a, &b, (&weights.0, &weights.1), deadline).into();
        }
        let key = (a, b, weights.0, weights.1);
        // A poisoned lock only means another thread panicked: its map is still whole.
        if let Some(ops) = self.0.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return ops.clone();
        }
        let ops: std::sync::Arc<[UnitOp]> =
            unit_ops(&key.0, &key.1, (&key.2, &key.3), deadline).into();
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() < Self::ENTRIES {
            map.insert(key, ops.clone());
        }
        ops
    }
}

/// The units of a side's tokens: each is a range of token indices (relative to `tokens`), a
/// word or a run of words joined by hyphens with no space.
fn units(side: RowSide, tokens: &Range<usize>) -> Vec<Range<usize>> {
    let all = &side.prepared.tokens[tokens.clone()];
    let is_hyphen = |span: Span| matches!(&side.text[span.range()], "-" | "\u{2010}" | "\u{2011}");
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for (k, token) in all.iter().enumerate() {
        // A hyphen joins only while it is a token: with punctuation ignored, "symmetry-breaking"
        // and "symmetry breaking" are the same two words.
        let joined = k > 0 && {
            let before = all[k - 1];
            before.span().end == token.span().start
                && (is_hyphen(before.span()) || is_hyphen(token.span()))
        };
        match out.last_mut() {
            Some(unit) if joined => unit.end = k + 1,
            _ => out.push(k..k + 1),
        }
    }
    out
}

/// Interned keys of `units` (`keys` being the side's token keys): a one-token unit keeps its
/// token's key; a longer one gets a key of its own from `table`, above every token key.
fn unit_keys(keys: &[u32], units: &[Range<usize>], table: &mut HashMap<Vec<u32>, u32>) -> Vec<u32> {
    units
        .iter()
        .map(|unit| {
            if unit.len() == 1 {
                keys[unit.start]
            } else {
                let next = u32::MAX - table.len() as u32;
                *table.entry(keys[unit.clone()].to_vec()).or_insert(next)
            }
        })
        .collect()
}

/// How a run ranks against others (higher wins): its length, its weight, then nearness to the
/// start of both sides, then of the left.
type Rank = (usize, usize, Reverse<usize>, Reverse<usize>);

/// Matching runs `(left, right, length)` of `a` and `b`, in order, by Ratcliff/Obershelp: the
/// longest common run, then the same recursively before and after it. Among runs of one length
/// the heavier wins, a run weighing the text it covers (`weights`: each unit's length on the
/// left and on the right), so a shared content word outweighs a shared "and".
fn matching_blocks(
    a: &[u32],
    b: &[u32],
    weights: (&[usize], &[usize]),
) -> Vec<(usize, usize, usize)> {
    // Right positions by key: sorted `(key, position)`, a key's positions one stretch.
    let mut positions: Vec<(u32, usize)> = b.iter().copied().zip(0..).collect();
    positions.sort_unstable();
    let positions_of = |key: u32| {
        let from = positions.partition_point(|&(k, _)| k < key);
        let to = from + positions[from..].partition_point(|&(k, _)| k == key);
        &positions[from..to]
    };
    // Runs `(length, weight)` ending at each right position, for the previous and the current
    // left unit; only the entries written are cleared.
    let mut previous = vec![(0usize, 0usize); b.len() + 1];
    let mut current = vec![(0usize, 0usize); b.len() + 1];
    let (mut previous_set, mut current_set) = (Vec::new(), Vec::new());
    let mut heaviest = |alo: usize, ahi: usize, blo: usize, bhi: usize| {
        // The best run so far, with its rank.
        let mut best: Option<(Rank, (usize, usize, usize))> = None;
        for (i, key) in a.iter().enumerate().take(ahi).skip(alo) {
            let js = positions_of(*key);
            let from = js.partition_point(|&(_, j)| j < blo);
            for &(_, j) in js[from..].iter().take_while(|&&(_, j)| j < bhi) {
                let (length, weight) = previous[j];
                let run = (length + 1, weight + weights.0[i] + weights.1[j]);
                current[j + 1] = run;
                current_set.push(j + 1);
                let (start_a, start_b) = (i + 1 - run.0, j + 1 - run.0);
                let rank = (run.0, run.1, Reverse(start_a + start_b), Reverse(start_a));
                if best.is_none_or(|(b, _)| rank > b) {
                    best = Some((rank, (start_a, start_b, run.0)));
                }
            }
            for &j in &previous_set {
                previous[j] = (0, 0);
            }
            previous_set.clear();
            std::mem::swap(&mut previous, &mut current);
            std::mem::swap(&mut previous_set, &mut current_set);
        }
        for &j in &previous_set {
            previous[j] = (0, 0);
        }
        previous_set.clear();
        best.map(|(_, run)| run)
    };
    let mut blocks = Vec::new();
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        if let Some((i, j, k)) = heaviest(alo, ahi, blo, bhi) {
            blocks.push((i, j, k));
            if alo < i && blo < j {
                queue.push((alo, i, blo, j));
            }
            if i + k < ahi && j + k < bhi {
                queue.push((i + k, ahi, j + k, bhi));
            }
        }
    }
    blocks.sort_unstable();
    blocks
}

/// Diff ops `(tag, left units, right units)` of `a` against `b`, covering both in order.
fn unit_ops(
    a: &[u32],
    b: &[u32],
    weights: (&[usize], &[usize]),
    deadline: Instant,
) -> Vec<(DiffTag, Range<usize>, Range<usize>)> {
    if a == b {
        return vec![(DiffTag::Equal, 0..a.len(), 0..b.len())];
    }
    if a.len().saturating_mul(b.len()) > MATCHING_LIMIT {
        return capture_diff_slices_deadline(Algorithm::Patience, a, b, Some(deadline))
            .iter()
            .map(|op| op.as_tag_tuple())
            .collect();
    }
    let mut ops = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (bi, bj, k) in matching_blocks(a, b, weights)
        .into_iter()
        .chain([(a.len(), b.len(), 0)])
    {
        match (i < bi, j < bj) {
            (true, true) => ops.push((DiffTag::Replace, i..bi, j..bj)),
            (true, false) => ops.push((DiffTag::Delete, i..bi, j..j)),
            (false, true) => ops.push((DiffTag::Insert, i..i, j..bj)),
            (false, false) => {}
        }
        if k > 0 {
            ops.push((DiffTag::Equal, bi..bi + k, bj..bj + k));
        }
        (i, j) = (bi + k, bj + k);
    }
    ops
}

/// Byte boundary before token `k` of a side whose tokens are `tokens` within `span`.
fn boundary(side: &Prepared, tokens: &Range<usize>, span: Span, k: usize) -> usize {
    if k == 0 {
        span.start
    } else if k >= tokens.len() {
        span.end
    } else {
        side.tokens[tokens.start + k].span().start
    }
}

/// The units a row's two sides are diffed by (ranges of the row's tokens) and their keys.
struct RowUnits {
    /// Whether the two sides have equal keys throughout (most rows of a long pair): then
    /// every token is a unit and the diff is one equal stretch.
    same: bool,
    left_units: Vec<Range<usize>>,
    right_units: Vec<Range<usize>>,
    left_keys: Vec<u32>,
    right_keys: Vec<u32>,
}

impl RowUnits {
    fn new(
        (left_row, left_tokens): (RowSide, &Range<usize>),
        (right_row, right_tokens): (RowSide, &Range<usize>),
    ) -> Self {
        let (left, right) = (left_row.prepared, right_row.prepared);
        let same = left.keys[left_tokens.clone()] == right.keys[right_tokens.clone()];
        let (left_units, right_units) = if same {
            let singles = (0..left_tokens.len()).map(|k| k..k + 1).collect::<Vec<_>>();
            (singles.clone(), singles)
        } else {
            (units(left_row, left_tokens), units(right_row, right_tokens))
        };
        let mut table = HashMap::default();
        let left_keys = unit_keys(&left.keys[left_tokens.clone()], &left_units, &mut table);
        let right_keys = unit_keys(&right.keys[right_tokens.clone()], &right_units, &mut table);
        Self {
            same,
            left_units,
            right_units,
            left_keys,
            right_keys,
        }
    }
}

/// The text length of each unit (a range of the row's tokens) of one side.
fn weight(side: RowSide, tokens: &Range<usize>, units: &[Range<usize>]) -> Vec<usize> {
    let all = &side.prepared.tokens[tokens.clone()];
    units
        .iter()
        .map(|u| all[u.end - 1].span().end - all[u.start].span().start)
        .collect()
}

/// An equal run of `len` units split into stretches of the same wording (`Equal`) and of
/// equivalent wording (`Equivalent`), as `same` says of each unit.
fn stretches(len: usize, same: impl Fn(usize) -> bool) -> Vec<(OpTag, Range<usize>)> {
    let mut out = Vec::new();
    let mut u = 0;
    while u < len {
        let kind = same(u);
        let mut end = u + 1;
        while end < len && same(end) == kind {
            end += 1;
        }
        let tag = if kind {
            OpTag::Equal
        } else {
            OpTag::Equivalent
        };
        out.push((tag, u..end));
        u = end;
    }
    out
}

/// Makes the ops cover both sides' spans whole: the first op starts where the row does, the
/// last ends where it does, and a side without tokens (only whitespace or ignored
/// punctuation) is owned by the last op.
fn cover(ops: &mut Vec<Op>, left_span: Span, right_span: Span) {
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
}

/// The counts of [`diff_row`] (its `equal_words` and `words`) with no ops: a row whose sides
/// have the same keys throughout is one equal stretch, all its words equal, and is not diffed.
///
/// With `cache`, the unit diff is looked up there first (a collation's pairs share rows).
pub fn counts(
    left_row: RowSide,
    right_row: RowSide,
    deadline: Instant,
    cache: Option<&OpsCache>,
) -> RowDiff {
    let (left, right) = (left_row.prepared, right_row.prepared);
    let left_tokens = left.tokens_of(left_row.sentences);
    let right_tokens = right.tokens_of(right_row.sentences);
    if left.keys[left_tokens.clone()] != right.keys[right_tokens.clone()] {
        return diff_row_with(left_row, right_row, deadline, Diffed::Counts(cache));
    }
    let count_words = |side: &Prepared, range: Range<usize>| -> usize {
        side.words[range].iter().sum::<u32>() as usize
    };
    let words = (
        count_words(left, left_tokens),
        count_words(right, right_tokens),
    );
    RowDiff {
        ops: Vec::new(),
        equal_words: words,
        words,
    }
}

/// Diffs the words of the row's left side against its right side.
pub fn diff_row(left_row: RowSide, right_row: RowSide, deadline: Instant) -> RowDiff {
    diff_row_with(left_row, right_row, deadline, Diffed::Ops)
}

/// What a row's diff is made for: its ops (a view of the pair), or only its counts, with
/// the unit diffs already made where there are some.
#[derive(Clone, Copy)]
enum Diffed<'c> {
    Ops,
    Counts(Option<&'c OpsCache>),
}

/// Token range (relative to the row's tokens) of a range of `units`.
fn unit_tokens(units: &[Range<usize>], range: Range<usize>) -> Range<usize> {
    let at = |u: usize| {
        units
            .get(u)
            .map_or(units.last().map_or(0, |l| l.end), |r| r.start)
    };
    at(range.start)..at(range.end)
}

/// The unit diff of a row's `units`, from the cache when only its counts are wanted.
fn unit_diff(
    units: &RowUnits,
    (left_row, right_row): (RowSide, RowSide),
    (left_tokens, right_tokens): (&Range<usize>, &Range<usize>),
    diffed: Diffed<'_>,
    deadline: Instant,
) -> std::sync::Arc<[UnitOp]> {
    let weights = if units.same {
        (Vec::new(), Vec::new()) // not read: equal keys are one equal op
    } else {
        (
            weight(left_row, left_tokens, &units.left_units),
            weight(right_row, right_tokens, &units.right_units),
        )
    };
    let (left_keys, right_keys) = (&units.left_keys, &units.right_keys);
    match diffed {
        Diffed::Counts(Some(cache)) => {
            cache.ops(left_keys.clone(), right_keys.clone(), weights, deadline)
        }
        _ => unit_ops(left_keys, right_keys, (&weights.0, &weights.1), deadline).into(),
    }
}

/// [`diff_row`], or its counts alone (no ops) as `diffed` says.
fn diff_row_with(
    left_row: RowSide,
    right_row: RowSide,
    deadline: Instant,
    diffed: Diffed<'_>,
) -> RowDiff {
    let (left, right) = (left_row.prepared, right_row.prepared);
    let left_tokens = left.tokens_of(left_row.sentences);
    let right_tokens = right.tokens_of(right_row.sentences);
    let left_span = left.span_of(left_row.sentences);
    let right_span = right.span_of(right_row.sentences);
    let count_words =
        |side: &Prepared, range: Range<usize>| side.words[range].iter().sum::<u32>() as usize;
    let words = (
        count_words(left, left_tokens.clone()),
        count_words(right, right_tokens.clone()),
    );

    let units = RowUnits::new((left_row, &left_tokens), (right_row, &right_tokens));
    let made = unit_diff(
        &units,
        (left_row, right_row),
        (&left_tokens, &right_tokens),
        diffed,
        deadline,
    );
    let (left_units, right_units) = (&units.left_units, &units.right_units);
    let tokens_of = unit_tokens;

    let mut ops = Vec::new();
    let mut equal_words = (0, 0);
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
    // `similar`'s compaction can leave the empty side of a delete or an insert at a stale
    // position (it swaps adjacent inserts and deletes without updating it). The ops come in
    // order on both sides, so each op is placed at the running position instead.
    let (mut at_left, mut at_right) = (0, 0);
    let with_ops = matches!(diffed, Diffed::Ops);
    for (tag, l, r) in made.iter().cloned() {
        let l = at_left..at_left + l.len();
        let r = at_right..at_right + r.len();
        (at_left, at_right) = (l.end, r.end);
        let tl = tokens_of(left_units, l.clone());
        let tr = tokens_of(right_units, r.clone());
        if tag == DiffTag::Equal {
            equal_words.0 += count_words(
                left,
                left_tokens.start + tl.start..left_tokens.start + tl.end,
            );
            equal_words.1 += count_words(
                right,
                right_tokens.start + tr.start..right_tokens.start + tr.end,
            );
        }
        if !with_ops {
            continue;
        }
        match tag {
            DiffTag::Equal => {
                // Split into stretches of the same wording (equal) and of equivalent wording.
                let same = |u: usize| {
                    let lu = &left_units[l.start + u];
                    let ru = &right_units[r.start + u];
                    left.literal[left_tokens.start + lu.start..left_tokens.start + lu.end]
                        == right.literal[right_tokens.start + ru.start..right_tokens.start + ru.end]
                };
                for (tag, stretch) in stretches(l.len(), same) {
                    push(
                        tag,
                        tokens_of(left_units, l.start + stretch.start..l.start + stretch.end),
                        tokens_of(right_units, r.start + stretch.start..r.start + stretch.end),
                    );
                }
            }
            DiffTag::Delete => push(OpTag::Delete, tl, tr),
            DiffTag::Insert => push(OpTag::Insert, tl, tr),
            DiffTag::Replace => push(OpTag::Replace, tl, tr),
        }
    }
    if with_ops {
        cover(&mut ops, left_span, right_span);
    }
    RowDiff {
        ops,
        equal_words,
        words,
    }
}
