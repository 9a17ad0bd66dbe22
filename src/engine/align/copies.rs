//! Identical sentences out of order: free copies pair nearest first, a repeated sentence
//! moves to the copy that keeps the order of its neighbours, and a far copy yields to a near
//! copy in other words (a word or two changed) that keeps that order.

use rustc_hash::FxHashMap as HashMap;

use super::weights::Weights;
use super::{Group, fixed};
use crate::engine::prepare::Prepared;

/// Most pairs of copies of one sentence weighed against each other; beyond it, the free copies
/// pair in order.
const MAX_COPY_PAIRS: usize = 4096;

/// Pairs the free copies of each sentence the two sides share, the nearest (in relative
/// position) first, so that a sentence never pairs with a far copy while a near one stays
/// free. A sentence with very many copies on both sides pairs its copies in order.
pub(super) fn nearest_copies(
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
pub(super) fn reseat_copies(
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

/// Bounds (exclusive) on the other side from the nearest paired neighbours of sentence `s`:
/// where its partner keeps the order of its neighbours.
fn window(matched: &[Option<usize>], s: usize, other_len: usize) -> (Option<usize>, usize) {
    let below = matched[..s].iter().rev().find_map(|m| *m);
    let above = matched[s + 1..].iter().find_map(|m| *m);
    (below, above.unwrap_or(other_len))
}

/// Whether sentence `x` of the other side lies inside a [`window`].
fn inside(x: usize, (below, above): (Option<usize>, usize)) -> bool {
    below.is_none_or(|b| x > b) && x < above
}

/// Least similarity of a near copy (a word or two changed) for it to take a sentence from its
/// identical copy out of order, whatever the pairing threshold.
const NEAR_COPY: f32 = 0.6;

/// How many sentences from each end of a window are searched for a near copy: the place that
/// keeps the order is next to a paired neighbour's partner.
const NEAR_REACH: usize = 32;

/// The pairing of the sides, as [`prefer_near_copies`] reads and changes it.
pub(super) struct Pairing<'p> {
    /// The prepared sides.
    pub sides: (&'p Prepared, &'p Prepared),
    /// Each sentence's whole key, per side.
    pub ids: (&'p [u32], &'p [u32]),
    /// Per side, whether each sentence is a heading.
    pub headings: (&'p [bool], &'p [bool]),
    /// Per side, the sentence of the other side each is paired with.
    pub matches: (&'p mut [Option<usize>], &'p mut [Option<usize>]),
}

/// Per sentence of one side, the first and last partner of its pair if the pair is in place.
type Places = Vec<Option<(usize, usize)>>;

/// The partners of the in-place pairs, per side.
fn places(groups: &[Group], n_left: usize, n_right: usize) -> (Places, Places) {
    let (mut left, mut right) = (vec![None; n_left], vec![None; n_right]);
    for g in groups.iter().filter(|g| !g.moved && !g.left.is_empty()) {
        if let (Some(last_left), Some(last_right)) = (g.left.clone().last(), g.right.clone().last())
        {
            for l in g.left.clone() {
                left[l] = Some((g.right.start, last_right));
            }
            for r in g.right.clone() {
                right[r] = Some((g.left.start, last_left));
            }
        }
    }
    (left, right)
}

/// Bounds (exclusive) on the other side from the nearest in-place neighbours of sentence `s`:
/// where a partner keeps the rows in order.
fn place_window(
    place: &[Option<(usize, usize)>],
    s: usize,
    other_len: usize,
) -> (Option<usize>, usize) {
    let below = place[..s]
        .iter()
        .rev()
        .find_map(|p| p.map(|(_, last)| last));
    let above = place[s + 1..]
        .iter()
        .find_map(|p| p.map(|(first, _)| first));
    (below, above.unwrap_or(other_len))
}

/// Moves a moved identical pair to an unpaired near copy that keeps the rows in order (inside
/// the window of the sentence's in-place neighbours), the most similar one (at least the
/// pairing threshold and [`NEAR_COPY`]); the far copy stays unpaired, its link a
/// cross-reference. A sentence an edit changed by a word or two in place, and repeated word
/// for word far away, pairs in place, as the text was edited. `fixed` are the analyst's pairs
/// (by left sentence), never moved. Looks from the left, then from the right; `groups` are
/// sorted by left position and flagged moved, and stay sorted.
///
/// The moved flags stay right without computing them again: the pairs in place were the
/// heaviest chain in order, and each new pair lies between in-place neighbours, so adding it
/// gives the heaviest chain of the new pairs (any chain through it, without it, was a chain
/// before).
pub(super) fn prefer_near_copies(
    groups: &mut Vec<Group>,
    pairing: Pairing<'_>,
    (weights, threshold): (&Weights<'_>, f32),
    fixed: &[usize],
    allows: &dyn Fn(usize, usize) -> bool,
) {
    let mut new_left: Vec<usize> = Vec::new();
    let Pairing {
        sides: (left, right),
        ids: (left_ids, right_ids),
        headings: (left_headings, right_headings),
        matches: (left_match, right_match),
    } = pairing;
    let far_copy = |g: &Group| {
        g.moved
            && g.left.len() == 1
            && g.right.len() == 1
            && left_ids.get(g.left.start) == right_ids.get(g.right.start)
            && !fixed.contains(&g.left.start)
    };
    let mut far: Vec<usize> = (0..groups.len())
        .filter(|&i| far_copy(&groups[i]))
        .collect();
    if far.is_empty() {
        return;
    }
    let least = threshold.max(NEAR_COPY);
    let (mut left_places, mut right_places) = places(groups, left_ids.len(), right_ids.len());
    for from_left in [true, false] {
        let (own, other, own_headings, other_headings) = if from_left {
            (left, right, left_headings, right_headings)
        } else {
            // From the right, in right order.
            far.sort_by_key(|&i| groups[i].right.start);
            (right, left, right_headings, left_headings)
        };
        for &i in &far {
            let group = &mut groups[i];
            if !far_copy(group) {
                continue;
            }
            let (s, partner) = if from_left {
                (group.left.start, group.right.start)
            } else {
                (group.right.start, group.left.start)
            };
            let (own_places, other_places, matched, other_matched) = if from_left {
                (
                    &mut left_places,
                    &mut right_places,
                    &mut *left_match,
                    &mut *right_match,
                )
            } else {
                (
                    &mut right_places,
                    &mut left_places,
                    &mut *right_match,
                    &mut *left_match,
                )
            };
            let (below, end) = place_window(own_places, s, other.sentences.len());
            let start = below.map_or(0, |b| b + 1);
            let near_ends = (start..end.min(start + NEAR_REACH))
                .chain(end.saturating_sub(NEAR_REACH).max(start + NEAR_REACH)..end);
            let heading = own_headings.get(s);
            let mut best: Option<(f32, usize)> = None;
            for c in near_ends {
                let allowed = if from_left {
                    allows(s, c)
                } else {
                    allows(c, s)
                };
                if other_matched[c].is_some() || other_headings.get(c) != heading || !allowed {
                    continue;
                }
                // The same either way round: the weights' sums are exact.
                let similarity = weights.dice(&own.terms[s], &other.terms[c]);
                if similarity >= least && best.is_none_or(|(b, _)| similarity > b) {
                    best = Some((similarity, c));
                }
            }
            let Some((_, copy)) = best else { continue };
            other_matched[partner] = None;
            other_matched[copy] = Some(s);
            matched[s] = Some(copy);
            own_places[s] = Some((copy, copy));
            other_places[copy] = Some((s, s));
            if from_left {
                group.right = copy..copy + 1;
            } else {
                group.left = copy..copy + 1;
                new_left.push(i);
            }
            group.moved = false;
        }
    }
    resort(groups, &new_left);
}

/// Puts back in left order the groups at `changed` (whose left sentence changed) in `groups`,
/// otherwise sorted by left position: the others stay in order and the changed ones merge in,
/// which for a few costs less than sorting them all again.
fn resort(groups: &mut Vec<Group>, changed: &[usize]) {
    if changed.is_empty() {
        return;
    }
    let mut taken = vec![false; groups.len()];
    for &i in changed {
        taken[i] = true;
    }
    let (mut moved, mut rest) = (
        Vec::with_capacity(changed.len()),
        Vec::with_capacity(groups.len()),
    );
    for (g, took) in groups.drain(..).zip(taken) {
        if took {
            moved.push(g);
        } else {
            rest.push(g);
        }
    }
    moved.sort_by_key(|g: &Group| g.left.start);
    let mut moved = moved.into_iter().peekable();
    for g in rest {
        while let Some(m) = moved.next_if(|m| m.left.start < g.left.start) {
            groups.push(m);
        }
        groups.push(g);
    }
    groups.extend(moved);
}
