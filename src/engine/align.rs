//! Order-free sentence alignment.
//!
//! 1. **Backbone**: a patience diff over whole-sentence keys pairs identical sentences that keep
//!    their relative order (repeated sentences pair with their nearest copy).
//! 2. **Moved identical sentences**: the remaining identical sentences pair wherever they are.
//! 3. **Reworded sentences**: candidates come from an inverted index over rare content terms
//!    (terms common on either side never index, so function words cannot create a match), are
//!    scored by IDF-weighted Dice similarity and paired greedily, best first. A run of words
//!    that is a form of an equivalence group scores as the words of the group's canonical form.
//! 4. **Merges and splits**: a reworded pair absorbs an unpaired neighbour on either side when
//!    most of that neighbour's content appears in the partner and the pair's similarity grows,
//!    or when the neighbour alone is as similar to the partner as a pair must be.
//! 5. **Moved**: the heaviest subsequence of pairs in order on both sides stays in place; every
//!    other pair is flagged `moved`.
//! 6. **Reading order**: left order, each right-only sentence placed just before the first
//!    in-place pair that follows it on the right.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::decisions::Resolved;
use super::fixed;
use super::links::{self, Candidate, LinkKind};
use super::normalize::is_stop_word;
use super::prepare::Prepared;

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

/// What the alignment needs of the terms by their names alone: whether each is a stop word,
/// and its rank in name order. A collation's documents share one term table: it is made once
/// for all its pairs, not once per pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermFacts {
    stop: Vec<bool>,
    /// Rank of each term in name order: a tie-break that does not depend on term ids.
    rank: Vec<u32>,
}

impl TermFacts {
    /// The facts of every term of a table, `term_names` its names by id.
    pub fn new(term_names: &[String]) -> Self {
        let stop = term_names.iter().map(|name| is_stop_word(name)).collect();
        let mut by_name: Vec<usize> = (0..term_names.len()).collect();
        by_name.sort_unstable_by(|&a, &b| term_names[a].cmp(&term_names[b]));
        let mut rank = vec![0u32; term_names.len()];
        for (r, &t) in by_name.iter().enumerate() {
            rank[t] = r as u32;
        }
        Self { stop, rank }
    }
}

/// Term weights: low for stop words, higher the rarer a term is within either document.
///
/// Weights are multiples of 2^-20 and are summed in `f64`, so every sum is exact and does not
/// depend on the order terms are added in (term ids follow which text came first): swapping
/// the two texts gives the same similarities bit for bit.
struct Weights<'t> {
    weight: Vec<f64>,
    stop: &'t [bool],
    /// Rank of each term in name order: a tie-break that does not depend on term ids.
    rank: &'t [u32],
}

impl<'t> Weights<'t> {
    /// `terms` are the facts of every term of the table (the pair's, or a whole collation's: a
    /// term neither side has weighs nothing in any sum).
    fn new(terms: &'t TermFacts, left: &Prepared, right: &Prepared) -> Self {
        let n = terms.stop.len();
        let mut df_left = vec![0u32; n];
        let mut df_right = vec![0u32; n];
        for bag in &left.terms {
            for &(t, _) in bag {
                df_left[t as usize] += 1;
            }
        }
        for bag in &right.terms {
            for &(t, _) in bag {
                df_right[t as usize] += 1;
            }
        }
        let sentences = left.sentences.len().max(right.sentences.len()).max(1) as f32;
        let mut weight = vec![0.0; n];
        for t in 0..n {
            let df = df_left[t].max(df_right[t]).max(1) as f32;
            let rarity = 1.0 + (sentences / df).ln();
            let w: f32 = if terms.stop[t] { 0.1 } else { rarity };
            weight[t] = fixed::round(f64::from(w));
        }
        Self {
            weight,
            stop: &terms.stop,
            rank: &terms.rank,
        }
    }

    fn mass(&self, bag: &[(u32, u32)]) -> f64 {
        bag.iter()
            .map(|&(t, c)| self.weight[t as usize] * f64::from(c))
            .sum()
    }

    /// Weighted mass of the terms `left` and `right` share.
    fn shared(&self, left: &[(u32, u32)], right: &[(u32, u32)]) -> f64 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < left.len() && j < right.len() {
            let (lt, lc) = left[i];
            let (rt, rc) = right[j];
            match lt.cmp(&rt) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.weight[lt as usize] * f64::from(lc.min(rc));
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// IDF-weighted Dice similarity of two bags, in 0..=1.
    fn dice(&self, left: &[(u32, u32)], right: &[(u32, u32)]) -> f32 {
        let total = self.mass(left) + self.mass(right);
        if total <= 0.0 {
            0.0
        } else {
            (2.0 * self.shared(left, right) / total) as f32
        }
    }

    /// Share of `part`'s weighted mass that `whole` also has.
    fn containment(&self, part: &[(u32, u32)], whole: &[(u32, u32)]) -> f32 {
        let mass = self.mass(part);
        if mass <= 0.0 {
            0.0
        } else {
            (self.shared(part, whole) / mass) as f32
        }
    }
}

/// Sum of two bags.
fn union(left: &[(u32, u32)], right: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() || j < right.len() {
        match (left.get(i), right.get(j)) {
            (Some(&(lt, lc)), Some(&(rt, rc))) if lt == rt => {
                out.push((lt, lc + rc));
                i += 1;
                j += 1;
            }
            (Some(&(lt, lc)), Some(&(rt, _))) if lt < rt => {
                out.push((lt, lc));
                i += 1;
            }
            (Some(&l), None) => {
                out.push(l);
                i += 1;
            }
            (_, Some(&r)) => {
                out.push(r);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

/// Bag of terms of a contiguous range of sentences.
fn bag_of(side: &Prepared, range: &Range<usize>) -> Vec<(u32, u32)> {
    let mut bag: Vec<(u32, u32)> = Vec::new();
    for s in range.clone() {
        bag = union(&bag, &side.terms[s]);
    }
    bag
}

/// What the counterpart links tell the alignment: the links found, and which sentences are
/// headings (a heading never pairs with body text).
pub struct Counterparts<'a> {
    /// Links found between the sides' sentences.
    pub links: &'a [Candidate],
    /// Per side, whether each sentence is a heading.
    pub headings: (&'a [bool], &'a [bool]),
    /// Per side, each sentence's whole key ([`sentence_ids`]).
    pub ids: (&'a [u32], &'a [u32]),
    /// The analyst's decisions: pairs never to pair, pairs to pair first, links confirmed.
    pub decided: &'a Resolved,
}

/// Aligns the sentences of two prepared sides. Every sentence of each side is in exactly one
/// group; groups come in reading order.
pub fn align(
    left: &Prepared,
    right: &Prepared,
    terms: &TermFacts,
    threshold: f32,
    counterparts: &Counterparts<'_>,
    deadline: Instant,
) -> Vec<Group> {
    let (links, headings) = (counterparts.links, counterparts.headings);
    let (left_ids, right_ids) = counterparts.ids;
    let decided = counterparts.decided;
    let allows = |l: usize, r: usize| decided.allows(l, r);
    let mut left_match: Vec<Option<usize>> = vec![None; left.sentences.len()];
    let mut right_match: Vec<Option<usize>> = vec![None; right.sentences.len()];

    // 0. The analyst's links pair first, each in a row of its own (a sentence in two of them
    // keeps the first; the other stays a link).
    let mut drawn: Vec<Group> = Vec::new();
    for &(l, r, kind) in &decided.linked {
        if left_match.get(l) == Some(&None) && right_match.get(r) == Some(&None) {
            left_match[l] = Some(r);
            right_match[r] = Some(l);
            drawn.push(Group {
                left: l..l + 1,
                right: r..r + 1,
                moved: false,
                related: kind == LinkKind::Related,
            });
        }
    }

    // 1. Backbone of identical sentences in order.
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

    // 2. Identical sentences out of order: the copies still free pair nearest first.
    for (l, r) in nearest_copies(left_ids, right_ids, &left_match, &right_match, &allows) {
        left_match[l] = Some(r);
        right_match[r] = Some(l);
    }
    let mut groups: Vec<Group> = left_match
        .iter()
        .enumerate()
        .filter(|&(l, _)| drawn.iter().all(|g| g.left.start != l))
        .filter_map(|(l, m)| {
            m.map(|r| Group {
                left: l..l + 1,
                right: r..r + 1,
                moved: false,
                related: false,
            })
        })
        .collect();
    let identical_count = groups.len();

    // 3. Reworded sentences.
    let weights = Weights::new(terms, left, right);
    let pairs = fuzzy_pairs(
        left,
        right,
        (&left_match, &right_match),
        &weights,
        threshold,
        headings,
        &allows,
    );
    let pair = |l: usize, r: usize, related: bool| Group {
        left: l..l + 1,
        right: r..r + 1,
        moved: false,
        related,
    };
    for (l, r) in pairs {
        left_match[l] = Some(r);
        right_match[r] = Some(l);
        groups.push(pair(l, r, false));
    }

    // 4. Merges and splits around reworded pairs.
    for group in &mut groups[identical_count..] {
        absorb_neighbours(
            group,
            (left, right),
            (&mut left_match, &mut right_match),
            &weights,
            threshold,
            headings,
            &allows,
        );
    }

    // 4b. Counterparts: sentences still open pair with their best linked counterpart, best
    // first; a related pair is a row of its own kind.
    // Links the analyst confirmed come first.
    let mut by_score: Vec<&Candidate> = links
        .iter()
        .filter(|c| c.kind != LinkKind::Identical && allows(c.left, c.right))
        .collect();
    let (n_left, n_right) = (left.sentences.len(), right.sentences.len());
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

    // 5. A repeated sentence sits with the copy that keeps the order of its neighbours.
    reseat_copies(
        &mut groups[..identical_count],
        left_ids,
        right_ids,
        &mut left_match,
        &mut right_match,
        &allows,
    );
    groups.extend(drawn);

    // 6. Moved pairs.
    groups.sort_by_key(|g| g.left.start);
    mark_moved(&mut groups, left, right);

    // 7. Reading order with the one-sided sentences.
    order_rows(groups, &left_match, &right_match)
}

/// Most pairs of copies of one sentence weighed against each other; beyond it, the free copies
/// pair in order.
const MAX_COPY_PAIRS: usize = 4096;

/// Pairs the free copies of each sentence the two sides share, the nearest (in relative
/// position) first, so that a sentence never pairs with a far copy while a near one stays
/// free. A sentence with very many copies on both sides pairs its copies in order.
fn nearest_copies(
    left_ids: &[u32],
    right_ids: &[u32],
    left_match: &[Option<usize>],
    right_match: &[Option<usize>],
    allows: &dyn Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut free: HashMap<u32, (Vec<usize>, Vec<usize>)> = HashMap::default();
    for (l, &id) in left_ids.iter().enumerate() {
        if left_match[l].is_none() {
            free.entry(id).or_default().0.push(l);
        }
    }
    for (r, &id) in right_ids.iter().enumerate() {
        if right_match[r].is_none()
            && let Some(entry) = free.get_mut(&id)
        {
            entry.1.push(r);
        }
    }
    let (n_left, n_right) = (left_ids.len().max(1) as f64, right_ids.len().max(1) as f64);
    let mut out = Vec::new();
    for (lefts, rights) in free.into_values() {
        if rights.is_empty() {
            continue;
        }
        if lefts.len() * rights.len() > MAX_COPY_PAIRS {
            out.extend(
                lefts
                    .iter()
                    .copied()
                    .zip(rights.iter().copied())
                    .filter(|&(l, r)| allows(l, r)),
            );
            continue;
        }
        let mut pairs: Vec<(u64, usize, usize)> = Vec::with_capacity(lefts.len() * rights.len());
        for &l in &lefts {
            for &r in &rights {
                let distance = (l as f64 / n_left - r as f64 / n_right).abs();
                pairs.push((fixed::steps(distance), l, r));
            }
        }
        pairs.sort_unstable_by_key(|&(d, l, r)| (d, l + r, l.min(r)));
        let (mut used_left, mut used_right) = (Vec::new(), Vec::new());
        for (_, l, r) in pairs {
            if !used_left.contains(&l) && !used_right.contains(&r) && allows(l, r) {
                used_left.push(l);
                used_right.push(r);
                out.push((l, r));
            }
        }
    }
    out.sort_unstable();
    out
}

/// Moves identical pairs of a repeated sentence to the copy that lies between the partners of
/// their nearest paired neighbours, when the copy they hold does not and a free one does. The
/// backbone and the out-of-order pass choose among copies before the reworded pairs are known
/// (and by which text is on the left); this pass sees all pairs. It looks from the left, then
/// from the right, so either side first gives the same pairs in the cases it settles.
fn reseat_copies(
    identical: &mut [Group],
    left_ids: &[u32],
    right_ids: &[u32],
    left_match: &mut [Option<usize>],
    right_match: &mut [Option<usize>],
    allows: &dyn Fn(usize, usize) -> bool,
) {
    let count = |ids: &[u32]| {
        let mut counts: HashMap<u32, u32> = HashMap::default();
        for &id in ids {
            *counts.entry(id).or_default() += 1;
        }
        counts
    };
    let (left_count, right_count) = (count(left_ids), count(right_ids));
    let repeated = |id: u32| {
        left_count.get(&id).copied().unwrap_or(0) > 1
            || right_count.get(&id).copied().unwrap_or(0) > 1
    };
    if !left_ids.iter().any(|&id| repeated(id)) {
        return;
    }
    // Free copies by sentence id, in order, on each side.
    let free = |ids: &[u32], matched: &[Option<usize>]| {
        let mut by_id: HashMap<u32, Vec<usize>> = HashMap::default();
        for (i, &id) in ids.iter().enumerate() {
            if matched[i].is_none() && repeated(id) {
                by_id.entry(id).or_default().push(i);
            }
        }
        by_id
    };
    // Bounds (exclusive) on the other side from the nearest paired neighbours of sentence `s`.
    let window = |matched: &[Option<usize>], s: usize, other_len: usize| {
        let below = matched[..s].iter().rev().find_map(|m| *m);
        let above = matched[s + 1..].iter().find_map(|m| *m);
        (below, above.unwrap_or(other_len))
    };
    let inside =
        |x: usize, (below, above): (Option<usize>, usize)| below.is_none_or(|b| x > b) && x < above;

    for from_left in [true, false] {
        let (ids, other_ids, matched, other_matched) = if from_left {
            (left_ids, right_ids, &mut *left_match, &mut *right_match)
        } else {
            (right_ids, left_ids, &mut *right_match, &mut *left_match)
        };
        let mut spare = free(other_ids, other_matched);
        for group in identical.iter_mut() {
            let (s, partner) = if from_left {
                (group.left.start, group.right.start)
            } else {
                (group.right.start, group.left.start)
            };
            let id = ids[s];
            if !repeated(id) {
                continue;
            }
            let bounds = window(matched, s, other_ids.len());
            if inside(partner, bounds) {
                continue;
            }
            let Some(copies) = spare.get_mut(&id) else {
                continue;
            };
            let allowed = |c: usize| {
                if from_left {
                    allows(s, c)
                } else {
                    allows(c, s)
                }
            };
            let Some(k) = copies.iter().position(|&c| inside(c, bounds) && allowed(c)) else {
                continue;
            };
            let copy = copies[k];
            copies[k] = partner;
            copies.sort_unstable();
            other_matched[partner] = None;
            other_matched[copy] = Some(s);
            matched[s] = Some(copy);
            if from_left {
                group.right = copy..copy + 1;
            } else {
                group.left = copy..copy + 1;
            }
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

/// How many candidates of each sentence are scored exactly.
const CANDIDATES: usize = 8;
/// How many of a sentence's rarest terms look up candidates.
const PROBE_TERMS: usize = 10;

/// Greedy best-first pairing of unmatched sentences whose similarity reaches `threshold`; a
/// heading pairs only with a heading.
fn fuzzy_pairs(
    left: &Prepared,
    right: &Prepared,
    (left_match, right_match): (&[Option<usize>], &[Option<usize>]),
    weights: &Weights<'_>,
    threshold: f32,
    headings: (&[bool], &[bool]),
    allows: &dyn Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let open_left: Vec<usize> = (0..left.sentences.len())
        .filter(|&l| left_match[l].is_none())
        .collect();
    let open_right: Vec<usize> = (0..right.sentences.len())
        .filter(|&r| right_match[r].is_none())
        .collect();
    if open_left.is_empty() || open_right.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize)> = Vec::new();
    probe(
        &open_left,
        &open_right,
        &left.terms,
        &right.terms,
        weights,
        &mut found,
        false,
    );
    probe(
        &open_right,
        &open_left,
        &right.terms,
        &left.terms,
        weights,
        &mut found,
        true,
    );
    found.sort_unstable();
    found.dedup();

    let n_left = left.sentences.len().max(1) as f32;
    let n_right = right.sentences.len().max(1) as f32;
    let mut scored: Vec<(f32, f32, usize, usize)> = found
        .into_iter()
        .filter(|&(l, r)| headings.0.get(l) == headings.1.get(r) && allows(l, r))
        .filter_map(|(l, r)| {
            let sim = pair_score(weights, &left.terms[l], &right.terms[r]);
            let distance = (l as f32 / n_left - r as f32 / n_right).abs();
            (sim >= threshold).then_some((sim, distance, l, r))
        })
        .collect();
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.total_cmp(&b.1))
            .then((a.2 + a.3).cmp(&(b.2 + b.3)))
            .then(a.2.cmp(&b.2))
    });
    let mut used_left = vec![false; left.sentences.len()];
    let mut used_right = vec![false; right.sentences.len()];
    let mut pairs = Vec::new();
    for (_, _, l, r) in scored {
        if !used_left[l] && !used_right[r] {
            used_left[l] = true;
            used_right[r] = true;
            pairs.push((l, r));
        }
    }
    pairs
}

/// Similarity used to pair two sentences: IDF-weighted Dice. A sentence split in two still
/// scores about 2/3 against each half, so splits and merges are found here and completed by
/// [`absorb_neighbours`].
fn pair_score(weights: &Weights<'_>, left: &[(u32, u32)], right: &[(u32, u32)]) -> f32 {
    weights.dice(left, right)
}

/// Looks up candidates of each `from` sentence among `to` sentences through an inverted index
/// of rare terms, and records the best `CANDIDATES` of each as `(left, right)` pairs.
fn probe(
    from: &[usize],
    to: &[usize],
    from_terms: &[Vec<(u32, u32)>],
    to_terms: &[Vec<(u32, u32)>],
    weights: &Weights<'_>,
    found: &mut Vec<(usize, usize)>,
    swapped: bool,
) {
    // Terms in more than `cap` open sentences are too common to propose candidates.
    let cap = 48.max((to.len() as f32).sqrt() as usize * 2);
    let mut index: HashMap<u32, Vec<u32>> = HashMap::default();
    for (slot, &s) in to.iter().enumerate() {
        for &(t, _) in &to_terms[s] {
            if !weights.stop[t as usize] {
                index.entry(t).or_default().push(slot as u32);
            }
        }
    }
    let mut score = vec![0.0f64; to.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut probes: Vec<(f64, u32)> = Vec::new();
    for &s in from {
        probes.clear();
        probes.extend(
            from_terms[s]
                .iter()
                .filter(|&&(t, _)| !weights.stop[t as usize])
                .map(|&(t, _)| (weights.weight[t as usize], t)),
        );
        probes.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(weights.rank[a.1 as usize].cmp(&weights.rank[b.1 as usize]))
        });
        for &(w, t) in probes.iter().take(PROBE_TERMS) {
            let Some(postings) = index.get(&t) else {
                continue;
            };
            if postings.len() > cap {
                continue;
            }
            for &slot in postings {
                if score[slot as usize] == 0.0 {
                    touched.push(slot);
                }
                score[slot as usize] += w;
            }
        }
        touched.sort_by(|a, b| {
            score[*b as usize]
                .total_cmp(&score[*a as usize])
                .then(a.cmp(b))
        });
        for &slot in touched.iter().take(CANDIDATES) {
            let other = to[slot as usize];
            found.push(if swapped { (other, s) } else { (s, other) });
        }
        for &slot in &touched {
            score[slot as usize] = 0.0;
        }
        touched.clear();
    }
}

/// Least similarity of an unpaired neighbour to a pair's partner for it to join the pair
/// whatever the pairing threshold (so that a threshold of 0 does not merge everything).
const MIN_BELONGS: f32 = 0.3;

/// Grows a reworded pair by unpaired neighbouring sentences that belong to it (a merge on one
/// side or a split on the other).
fn absorb_neighbours(
    group: &mut Group,
    (left, right): (&Prepared, &Prepared),
    (left_match, right_match): (&mut [Option<usize>], &mut [Option<usize>]),
    weights: &Weights<'_>,
    threshold: f32,
    headings: (&[bool], &[bool]),
    allows: &dyn Fn(usize, usize) -> bool,
) {
    // A heading (title, date line) never joins body text, nor body text a heading.
    let heading = headings.0.get(group.left.start).copied().unwrap_or(false);
    let mut left_bag = bag_of(left, &group.left);
    let mut right_bag = bag_of(right, &group.right);
    loop {
        let current = weights.dice(&left_bag, &right_bag);
        let mut best: Option<(f32, bool, usize)> = None; // (new dice, on left?, sentence)
        let mut consider = |on_left: bool,
                            s: usize,
                            bag: &[(u32, u32)],
                            other: &[(u32, u32)],
                            own: &[(u32, u32)]| {
            // A neighbour that would pair with the partner on its own belongs to it even when
            // the pair's similarity does not grow (the partner says what both neighbours say,
            // as a paraphrase merging two sentences does).
            let belongs = weights.dice(bag, other) >= threshold.max(MIN_BELONGS);
            if !belongs && weights.containment(bag, other) < 0.5 {
                return;
            }
            let grown = union(own, bag);
            let dice = if on_left {
                weights.dice(&grown, other)
            } else {
                weights.dice(other, &grown)
            };
            if (belongs || dice > current + 0.02) && best.is_none_or(|b| dice > b.0) {
                best = Some((dice, on_left, s));
            }
        };
        for s in [group.left.start.checked_sub(1), Some(group.left.end)]
            .into_iter()
            .flatten()
        {
            if s < left.sentences.len()
                && left_match[s].is_none()
                && headings.0.get(s).copied().unwrap_or(false) == heading
                && group.right.clone().all(|r| allows(s, r))
            {
                consider(true, s, &left.terms[s], &right_bag, &left_bag);
            }
        }
        for s in [group.right.start.checked_sub(1), Some(group.right.end)]
            .into_iter()
            .flatten()
        {
            if s < right.sentences.len()
                && right_match[s].is_none()
                && headings.1.get(s).copied().unwrap_or(false) == heading
                && group.left.clone().all(|l| allows(l, s))
            {
                consider(false, s, &right.terms[s], &left_bag, &right_bag);
            }
        }
        let Some((_, on_left, s)) = best else { break };
        if on_left {
            left_match[s] = Some(group.right.start);
            left_bag = union(&left_bag, &left.terms[s]);
            group.left = group.left.start.min(s)..group.left.end.max(s + 1);
        } else {
            right_match[s] = Some(group.left.start);
            right_bag = union(&right_bag, &right.terms[s]);
            group.right = group.right.start.min(s)..group.right.end.max(s + 1);
        }
    }
}

/// Flags as moved every pair outside the heaviest subsequence of pairs that are in order on
/// both sides (weight: the pair's size in bytes, so a long passage stays and a short one moves).
/// `groups` must be sorted by left position.
fn mark_moved(groups: &mut [Group], left: &Prepared, right: &Prepared) {
    let n = groups.len();
    if n < 2 {
        return;
    }
    // Between chains of equal size, the one with more pairs stays (fewer rows flagged): the
    // pair count is the low digit of the total, base n + 1. Either side first, the kept total
    // is the same, so the number of moved rows does not depend on which text is on the left.
    let base = n as u64 + 1;
    let weight = |g: &Group| {
        ((left.span_of(&g.left).len() + right.span_of(&g.right).len()) as u64 + 1) * base + 1
    };
    // Fenwick tree over right positions, holding (best total, group index) for prefix maxima.
    let mut ranks: Vec<usize> = groups.iter().map(|g| g.right.start).collect();
    ranks.sort_unstable();
    let mut tree: Vec<(u64, usize)> = vec![(0, usize::MAX); n + 1];
    let mut prev: Vec<usize> = vec![usize::MAX; n];
    let mut total: Vec<u64> = vec![0; n];
    for (i, g) in groups.iter().enumerate() {
        let rank = ranks.partition_point(|&r| r < g.right.start); // 0-based, strictly-less prefix
        let mut best = (0u64, usize::MAX);
        let mut k = rank;
        while k > 0 {
            if tree[k].0 > best.0 {
                best = tree[k];
            }
            k &= k - 1;
        }
        total[i] = best.0 + weight(g);
        prev[i] = best.1;
        let mut k = rank + 1;
        while k <= n {
            if total[i] > tree[k].0 {
                tree[k] = (total[i], i);
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut keep = vec![false; n];
    let mut at = (0..n)
        .max_by(|&a, &b| total[a].cmp(&total[b]).then(b.cmp(&a)))
        .unwrap_or(usize::MAX);
    while at != usize::MAX {
        keep[at] = true;
        at = prev[at];
    }
    for (g, kept) in groups.iter_mut().zip(keep) {
        g.moved = !kept;
    }
}

/// Interleaves left-only and right-only sentences with the pairs, in reading order.
fn order_rows(
    pairs: Vec<Group>,
    left_match: &[Option<usize>],
    right_match: &[Option<usize>],
) -> Vec<Group> {
    let one_sided = |left: Range<usize>, right: Range<usize>| Group {
        left,
        right,
        moved: false,
        related: false,
    };
    let mut all = pairs;
    all.extend(
        (0..left_match.len())
            .filter(|&l| left_match[l].is_none())
            .map(|l| one_sided(l..l + 1, 0..0)),
    );
    all.extend(
        (0..right_match.len())
            .filter(|&r| right_match[r].is_none())
            .map(|r| one_sided(0..0, r..r + 1)),
    );
    reading_order(all, |g| {
        (
            (!g.left.is_empty()).then_some(g.left.start),
            (!g.right.is_empty()).then_some(g.right.start),
            g.moved,
        )
    })
}

/// Puts rows in reading order: the rows with a left side in left order, each right-only row
/// before the first in-place pair that follows it on the right. `at` gives a row's first left
/// and first right sentence (if any) and whether it is moved.
pub fn reading_order<T>(
    rows: Vec<T>,
    at: impl Fn(&T) -> (Option<usize>, Option<usize>, bool),
) -> Vec<T> {
    let (mut by_left, mut right_only): (Vec<T>, Vec<T>) =
        rows.into_iter().partition(|row| at(row).0.is_some());
    by_left.sort_by_key(|row| at(row).0);
    right_only.sort_by_key(|row| at(row).1);
    // In-place pairs have increasing right positions: each right-only sentence goes before the
    // first of them that follows it on the right.
    let anchors: Vec<(usize, usize)> = by_left
        .iter()
        .enumerate()
        .filter_map(|(i, row)| match at(row) {
            (_, Some(right), false) => Some((right, i)),
            _ => None,
        })
        .collect();
    let mut before: Vec<Vec<T>> = (0..=by_left.len()).map(|_| Vec::new()).collect();
    for row in right_only {
        let r = at(&row).1.unwrap_or(0);
        let k = anchors.partition_point(|&(start, _)| start < r);
        let slot = anchors.get(k).map_or(by_left.len(), |&(_, i)| i);
        before[slot].push(row);
    }
    let mut out = Vec::with_capacity(anchors.len());
    let mut slots = before.into_iter();
    for row in by_left {
        out.extend(slots.next().into_iter().flatten());
        out.push(row);
    }
    out.extend(slots.flatten());
    out
}
