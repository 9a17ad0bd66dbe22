//! Order-free sentence alignment.
//!
//! 1. **Backbone**: a patience diff over whole-sentence keys pairs identical sentences that keep
//!    their relative order (repeated sentences pair with their nearest copy).
//! 2. **Moved identical sentences**: the remaining identical sentences pair wherever they are,
//!    nearest copy first.
//! 3. **Reworded sentences**: candidates come from an inverted index over rare content terms
//!    (terms common on either side never index, so function words cannot create a match), are
//!    scored by IDF-weighted Dice similarity and paired greedily, best first. A run of words
//!    that is a form of an equivalence group scores as the words of the group's canonical form.
//! 4. **Merges and splits**: a reworded pair absorbs an unpaired neighbour on either side when
//!    most of that neighbour's content appears in the partner and the pair's similarity grows,
//!    or when the neighbour alone is as similar to the partner as a pair must be.
//! 5. **Moved**: the heaviest subsequence of pairs in order on both sides stays in place; every
//!    other pair is flagged `moved`. A moved identical pair then moves to an unpaired near copy
//!    (a word or two changed) that keeps the rows in order; the far copy stays a link.
//! 6. **Reading order**: left order, each right-only sentence placed just before the first
//!    in-place pair that follows it on the right.
//!
//! Steps 1 to 4 need nothing of the counterpart links ([`settle`]); the sentences they leave
//! open pair with their best link before step 5 ([`Settled::with_links`]). A long pair runs
//! the first half while its links are searched.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

mod copies;
mod order;
mod reworded;
mod weights;

use super::decisions::Resolved;
use super::fixed;
use super::links::{self, Candidate, LinkKind};
use super::normalize::is_stop_word;
use super::prepare::Prepared;
use copies::{Pairing, nearest_copies, prefer_near_copies, reseat_copies};
pub use order::reading_order;
use order::{mark_moved, order_rows};
use reworded::{absorb_neighbours, fuzzy_pairs};
pub use weights::TermFacts;
use weights::Weights;

/// One aligned group: contiguous sentences on each side (either may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Left sentence indexes.
    pub left: Range<usize>,
    /// Right sentence indexes.
    pub right: Range<usize>,
    /// Whether this pair sits out of order relative to its neighbours.
    pub moved: bool,
    /// Whether the pair is only related (same topic, different statements), not reworded.
    pub related: bool,
}

/// What the alignment knows of the sentences before the counterpart links are found: which
/// are headings (a heading never pairs with body text), their whole keys, and the analyst's
/// decisions.
#[derive(Clone, Copy)]
pub struct Facts<'a> {
    /// Per side, whether each sentence is a heading.
    pub headings: (&'a [bool], &'a [bool]),
    /// Per side, each sentence's whole key ([`sentence_ids`]).
    pub ids: (&'a [u32], &'a [u32]),
    /// The analyst's decisions: pairs never to pair, pairs to pair first, links confirmed.
    pub decided: &'a Resolved,
}

/// Which sentence of the other side each sentence of a side is paired with, so far.
type Matches = (Vec<Option<usize>>, Vec<Option<usize>>);

/// A one-to-one group of left sentence `l` and right sentence `r`.
fn pair(l: usize, r: usize, related: bool) -> Group {
    Group {
        left: l..l + 1,
        right: r..r + 1,
        moved: false,
        related,
    }
}

/// The alignment as far as the sentences' own words take it (the analyst's links, then steps
/// 1 to 4 of the module documentation): what [`Settled::with_links`] completes once the
/// counterpart links are found. The two halves need nothing of each other but the links, so that a long pair can
/// pair its sentences while its links are searched.
pub struct Settled<'a> {
    sides: (&'a Prepared, &'a Prepared),
    weights: Weights<'a>,
    threshold: f32,
    facts: Facts<'a>,
    matches: Matches,
    /// The pairs made so far: identical ones first, then reworded ones.
    groups: Vec<Group>,
    /// How many of `groups` are identical pairs.
    identical_count: usize,
    /// The analyst's own links, each a row.
    drawn: Vec<Group>,
}

/// Pairs the sentences of two prepared sides by their own words: the analyst's links, the
/// identical sentences, the reworded ones with their merges and splits.
pub fn settle<'a>(
    (left, right): (&'a Prepared, &'a Prepared),
    terms: &'a TermFacts,
    threshold: f32,
    facts: Facts<'a>,
    deadline: Instant,
) -> Settled<'a> {
    let (left_ids, right_ids) = facts.ids;
    let decided = facts.decided;
    let allows = |l: usize, r: usize| decided.allows(l, r);
    let mut matches: Matches = (
        vec![None; left.sentences.len()],
        vec![None; right.sentences.len()],
    );

    // 0. The analyst's links pair first, each in a row of its own.
    let drawn = pair_drawn(decided, &mut matches);
    // 1, 2. Identical sentences, in order and then out of order.
    pair_identical((left_ids, right_ids), deadline, &mut matches, &allows);
    let mut groups: Vec<Group> = matches
        .0
        .iter()
        .enumerate()
        .filter(|&(l, _)| drawn.iter().all(|g| g.left.start != l))
        .filter_map(|(l, m)| m.map(|r| pair(l, r, false)))
        .collect();
    let identical_count = groups.len();

    // 3, 4. Reworded sentences, with their merges and splits.
    let weights = Weights::new(terms, left, right);
    pair_reworded(
        (left, right),
        &weights,
        (threshold, facts.headings),
        &mut matches,
        &mut groups,
        &allows,
    );
    Settled {
        sides: (left, right),
        weights,
        threshold,
        facts,
        matches,
        groups,
        identical_count,
        drawn,
    }
}

impl Settled<'_> {
    /// The alignment, completed with the counterpart links found between the sides' sentences
    /// (sentences still open pair with their best link; then steps 5 and 6): every sentence of each side is in exactly one group; groups come in
    /// reading order.
    pub fn with_links(self, found: &[Candidate]) -> Vec<Group> {
        let Settled {
            sides: (left, right),
            weights,
            threshold,
            facts,
            mut matches,
            mut groups,
            identical_count,
            drawn,
        } = self;
        let (left_ids, right_ids) = facts.ids;
        let decided = facts.decided;
        let allows = |l: usize, r: usize| decided.allows(l, r);

        // 4b. Counterparts: sentences still open pair with their best linked counterpart.
        pair_counterparts(found, decided, &mut matches, &mut groups, &allows);

        // 5. A repeated sentence sits with the copy that keeps the order of its neighbours.
        let (left_match, right_match) = &mut matches;
        reseat_copies(
            &mut groups[..identical_count],
            left_ids,
            right_ids,
            left_match,
            right_match,
            &allows,
        );
        let fixed: Vec<usize> = drawn.iter().map(|g| g.left.start).collect();
        groups.extend(drawn);

        // 6. Moved pairs; a moved identical pair yields to a near copy in place.
        groups.sort_by_key(|g| g.left.start);
        mark_moved(&mut groups, left, right);
        let pairing = Pairing {
            sides: (left, right),
            ids: (left_ids, right_ids),
            headings: facts.headings,
            matches: (&mut *left_match, &mut *right_match),
        };
        prefer_near_copies(&mut groups, pairing, (&weights, threshold), &fixed, &allows);

        // 7. Reading order with the one-sided sentences.
        order_rows(groups, left_match, right_match)
    }
}

/// The analyst's links, each in a row of its own (a sentence in two of them keeps the first;
/// the other stays a link).
fn pair_drawn(decided: &Resolved, (left_match, right_match): &mut Matches) -> Vec<Group> {
    let mut drawn: Vec<Group> = Vec::new();
    for &(l, r, kind) in &decided.linked {
        if left_match.get(l) == Some(&None) && right_match.get(r) == Some(&None) {
            left_match[l] = Some(r);
            right_match[r] = Some(l);
            drawn.push(pair(l, r, kind == LinkKind::Related));
        }
    }
    drawn
}

/// Identical sentences: the backbone of those in order (a patience diff over the whole keys),
/// then the copies still free, nearest first. Two sides that share no sentence have none.
fn pair_identical(
    (left_ids, right_ids): (&[u32], &[u32]),
    deadline: Instant,
    (left_match, right_match): &mut Matches,
    allows: &dyn Fn(usize, usize) -> bool,
) {
    let left_set: rustc_hash::FxHashSet<u32> = left_ids.iter().copied().collect();
    if !right_ids.iter().any(|id| left_set.contains(id)) {
        return;
    }
    for op in capture_diff_slices_deadline(Algorithm::Patience, left_ids, right_ids, Some(deadline))
    {
        let (tag, l, r) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (li, ri) in l.zip(r) {
                if left_match[li].is_none() && right_match[ri].is_none() && allows(li, ri) {
                    left_match[li] = Some(ri);
                    right_match[ri] = Some(li);
                }
            }
        }
    }
    for (l, r) in nearest_copies(left_ids, right_ids, left_match, right_match, allows) {
        left_match[l] = Some(r);
        right_match[r] = Some(l);
    }
}

/// Reworded sentences still open pair best first, each pair then grown by the neighbours
/// that belong to it (merges and splits).
fn pair_reworded(
    (left, right): (&Prepared, &Prepared),
    weights: &Weights<'_>,
    (threshold, headings): (f32, (&[bool], &[bool])),
    (left_match, right_match): &mut Matches,
    groups: &mut Vec<Group>,
    allows: &dyn Fn(usize, usize) -> bool,
) {
    let pairs = fuzzy_pairs(
        left,
        right,
        (left_match, right_match),
        weights,
        threshold,
        headings,
        allows,
    );
    let first = groups.len();
    for (l, r) in pairs {
        left_match[l] = Some(r);
        right_match[r] = Some(l);
        groups.push(pair(l, r, false));
    }
    for group in &mut groups[first..] {
        absorb_neighbours(
            group,
            (left, right),
            (left_match, right_match),
            weights,
            threshold,
            headings,
            allows,
        );
    }
}

/// Sentences still open pair with their best linked counterpart, best first (links the
/// analyst confirmed first); a related pair is a row of its own kind.
fn pair_counterparts(
    found: &[Candidate],
    decided: &Resolved,
    (left_match, right_match): &mut Matches,
    groups: &mut Vec<Group>,
    allows: &dyn Fn(usize, usize) -> bool,
) {
    let mut by_score: Vec<&Candidate> = found
        .iter()
        .filter(|c| c.kind != LinkKind::Identical && allows(c.left, c.right))
        .collect();
    let (n_left, n_right) = (left_match.len(), right_match.len());
    let unconfirmed = |c: &Candidate| !decided.confirmed.contains(&(c.left, c.right));
    by_score.sort_by(|a, b| {
        unconfirmed(a)
            .cmp(&unconfirmed(b))
            .then(a.kind.cmp(&b.kind))
            .then(b.score.total_cmp(&a.score))
            .then_with(|| {
                links::tie_break(a, n_left, n_right).cmp(&links::tie_break(b, n_left, n_right))
            })
    });
    for c in by_score {
        let (l, r) = (c.left, c.right);
        if l < left_match.len()
            && r < right_match.len()
            && left_match[l].is_none()
            && right_match[r].is_none()
        {
            left_match[l] = Some(r);
            right_match[r] = Some(l);
            groups.push(pair(l, r, c.kind == LinkKind::Related));
        }
    }
}

/// Interned whole-sentence keys for both sides (a sentence's key is its token-key sequence).
pub(super) fn sentence_ids(left: &Prepared, right: &Prepared) -> (Vec<u32>, Vec<u32>) {
    let mut ids: HashMap<&[u32], u32> = HashMap::default();
    let mut out = (
        Vec::with_capacity(left.sentences.len()),
        Vec::with_capacity(right.sentences.len()),
    );
    for (side, side_ids) in [(left, &mut out.0), (right, &mut out.1)] {
        for range in &side.sentence_tokens {
            let next = ids.len() as u32;
            side_ids.push(*ids.entry(&side.keys[range.clone()]).or_insert(next));
        }
    }
    out
}
