//! Reworded sentences: candidates from an inverted index over rare terms, scored by weighted
//! Dice and paired best first; then merges and splits around each pair.

use super::Group;
use super::weights::{Weights, bag_of, union};
use crate::engine::prepare::Prepared;

/// How many candidates of each sentence are scored exactly.
const CANDIDATES: usize = 8;
/// How many of a sentence's rarest terms look up candidates.
const PROBE_TERMS: usize = 10;

/// Greedy best-first pairing of unmatched sentences whose similarity reaches `threshold`; a
/// heading pairs only with a heading.
pub(super) fn fuzzy_pairs(
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
    let index = Postings::new(to, to_terms, weights);
    let mut score = vec![0.0f64; to.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut probes: Vec<(f64, u32)> = Vec::new();
    // Weights are multiples of 2^-20 and a term's rank is its own: the rarest terms and the
    // best candidates are the same set whatever order they are found or summed in.
    let by_weight = |a: &(f64, u32), b: &(f64, u32)| {
        b.0.total_cmp(&a.0)
            .then(weights.rank[a.1 as usize].cmp(&weights.rank[b.1 as usize]))
    };
    for &s in from {
        probes.clear();
        probes.extend(
            from_terms[s]
                .iter()
                .filter(|&&(t, _)| !weights.stop[t as usize])
                .map(|&(t, _)| (weights.weight[t as usize], t)),
        );
        if probes.len() > PROBE_TERMS {
            probes.select_nth_unstable_by(PROBE_TERMS, by_weight);
        }
        for &(w, t) in probes.iter().take(PROBE_TERMS) {
            let postings = index.of(t);
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
        let order = |a: &u32, b: &u32| {
            score[*b as usize]
                .total_cmp(&score[*a as usize])
                .then(a.cmp(b))
        };
        if touched.len() > CANDIDATES {
            touched.select_nth_unstable_by(CANDIDATES, order);
        }
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
pub(super) fn absorb_neighbours(
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

/// The open sentences (by slot in `to`) that have each term other than a stop word, in order:
/// one flat list, each term's a range of it, found through a term-indexed table.
struct Postings {
    /// Per term id, its place among the terms found (`u32::MAX`: none of the sentences has it).
    local: Vec<u32>,
    /// Per term found, where its sentences start in `slots` (one more entry, the end).
    start: Vec<u32>,
    slots: Vec<u32>,
}

impl Postings {
    fn new(to: &[usize], to_terms: &[Vec<(u32, u32)>], weights: &Weights<'_>) -> Self {
        let mut local = vec![u32::MAX; weights.stop.len()];
        let mut start: Vec<u32> = vec![0];
        let bags = || {
            to.iter()
                .map(|&s| to_terms.get(s).map_or(&[][..], Vec::as_slice))
        };
        for bag in bags() {
            for &(t, _) in bag {
                let (Some(slot), Some(false)) = (
                    local.get_mut(t as usize),
                    weights.stop.get(t as usize).copied(),
                ) else {
                    continue;
                };
                if *slot == u32::MAX {
                    *slot = start.len() as u32 - 1;
                    start.push(0);
                }
                start[*slot as usize + 1] += 1;
            }
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut slots = vec![0u32; start.last().map_or(0, |&n| n as usize)];
        for (slot, bag) in bags().enumerate() {
            for &(t, _) in bag {
                let Some(&id) = local.get(t as usize) else {
                    continue;
                };
                if let Some(at) = next.get_mut(id as usize) {
                    if let Some(place) = slots.get_mut(*at as usize) {
                        *place = slot as u32;
                    }
                    *at += 1;
                }
            }
        }
        Self {
            local,
            start,
            slots,
        }
    }

    /// The slots of the open sentences that have term `t`, in order.
    fn of(&self, t: u32) -> &[u32] {
        let Some(&id) = self.local.get(t as usize) else {
            return &[];
        };
        let id = id as usize;
        match (self.start.get(id), self.start.get(id + 1)) {
            (Some(&from), Some(&to)) => self.slots.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}
