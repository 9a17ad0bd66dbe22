//! Identical sentences out of order: free copies pair nearest first, and a repeated sentence
//! moves to the copy that keeps the order of its neighbours.

use rustc_hash::FxHashMap as HashMap;

use super::{Group, fixed};

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
