//! Which pairs moved, and the rows in reading order.

use std::ops::Range;

use super::Group;
use crate::engine::prepare::Prepared;

/// Flags as moved every pair outside the heaviest subsequence of pairs that are in order on
/// both sides (weight: the pair's size in bytes, so a long passage stays and a short one moves).
/// `groups` must be sorted by left position.
pub(super) fn mark_moved(groups: &mut [Group], left: &Prepared, right: &Prepared) {
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
pub(super) fn order_rows(
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
