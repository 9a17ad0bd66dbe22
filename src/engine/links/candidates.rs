//! The candidate search of the links: each sentence's likeliest counterparts by the weight of
//! its rarest concepts, looked up in postings of the other side, so that only they are scored.

use super::*;

/// The sentences of a side that have each concept, in order: one flat list by concept id (a
/// probe builds two per pair; a map of lists cost an allocation per concept).
struct Postings {
    /// Per concept id, where its sentences start in `sentences` (one more entry, the end).
    start: Vec<u32>,
    sentences: Vec<u32>,
}

impl Postings {
    /// The postings of the sentences of `side` that `keep` keeps, for concept ids below
    /// `concepts`.
    fn new(side: &[SentenceInfo<'_>], concepts: usize, keep: impl Fn(usize) -> bool) -> Self {
        let kept = || {
            side.iter()
                .enumerate()
                .filter(|&(s, _)| keep(s))
                .map(|(s, info)| (s as u32, info.whole.concepts))
        };
        let mut start = vec![0u32; concepts + 1];
        for (_, whole) in kept() {
            for &c in whole {
                if let Some(count) = start.get_mut(c as usize + 1) {
                    *count += 1;
                }
            }
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut sentences = vec![0u32; start.last().map_or(0, |&n| n as usize)];
        for (s, whole) in kept() {
            for &c in whole {
                if let Some(at) = next.get_mut(c as usize) {
                    if let Some(slot) = sentences.get_mut(*at as usize) {
                        *slot = s;
                    }
                    *at += 1;
                }
            }
        }
        Self { start, sentences }
    }

    /// The sentences that have concept `c`, in order.
    fn of(&self, c: u32) -> &[u32] {
        let c = c as usize;
        match (self.start.get(c), self.start.get(c + 1)) {
            (Some(&from), Some(&to)) => self
                .sentences
                .get(from as usize..to as usize)
                .unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// From this many sentences on the two sides together, the two directions of the candidate
/// search run on two threads; below, a thread costs more than it saves.
const PARALLEL_PROBE_SENTENCES: usize = 1024;

impl Scorer<'_> {
    /// Pairs worth scoring: each sentence's best [`CANDIDATES`] by the weight of its rarest
    /// [`PROBE_CONCEPTS`] concepts, looked up from both sides (on a readout, every pair that
    /// shares a concept; on long documents, a bounded number per sentence).
    /// A sentence with an exact copy on the other side looks only among sentences without one.
    /// Unsorted, with repeats: the caller sorts them once with the pairs it adds.
    pub(super) fn candidates(
        &self,
        left_copied: &[bool],
        right_copied: &[bool],
    ) -> Vec<(usize, usize)> {
        let from_left = || {
            let mut out: Vec<(usize, usize)> = Vec::new();
            self.probe(
                (&self.left_info, left_copied),
                (&self.right_info, right_copied),
                false,
                &mut out,
            );
            out
        };
        let from_right = || {
            let mut out: Vec<(usize, usize)> = Vec::new();
            self.probe(
                (&self.right_info, right_copied),
                (&self.left_info, left_copied),
                true,
                &mut out,
            );
            out
        };
        // The two directions are independent: on long documents, they are probed at the same
        // time, and joined in the same order.
        let parallel = self.left_info.len() + self.right_info.len() >= PARALLEL_PROBE_SENTENCES;
        let (mut out, right) = crate::engine::parallel::both(parallel, from_left, from_right);
        out.extend(right);
        out
    }

    fn probe(
        &self,
        (from, from_copied): (&[SentenceInfo<'_>], &[bool]),
        (to, to_copied): (&[SentenceInfo<'_>], &[bool]),
        swapped: bool,
        out: &mut Vec<(usize, usize)>,
    ) {
        // Postings of every sentence (for sentences without a copy), and of the sentences
        // without a copy only (for sentences with one); each built only when needed.
        let copied_from = |s: usize| from_copied.get(s).copied().unwrap_or(false);
        let need_all = (0..from.len()).any(|s| !copied_from(s));
        let need_uncopied = (0..from.len()).any(copied_from);
        let concepts = self.weight.len();
        let index = Postings::new(to, concepts, |_| need_all);
        let uncopied = Postings::new(to, concepts, |s| {
            need_uncopied && !to_copied.get(s).copied().unwrap_or(false)
        });
        let cap = 64.max((to.len() as f64).sqrt() as usize * 2);
        let (probe_concepts, candidates) = if to.len() > LONG_DOCUMENT {
            (LONG_PROBE_CONCEPTS, LONG_CANDIDATES)
        } else {
            (PROBE_CONCEPTS, CANDIDATES)
        };
        let mut acc = vec![0.0f64; to.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut probes: Vec<(f64, u32)> = Vec::new();
        for (s, info) in from.iter().enumerate() {
            probes.clear();
            probes.extend(
                info.whole
                    .concepts
                    .iter()
                    .map(|&c| (self.weight[c as usize], c)),
            );
            let by_weight = |a: &(f64, u32), b: &(f64, u32)| {
                b.0.total_cmp(&a.0)
                    .then(self.rank[a.1 as usize].cmp(&self.rank[b.1 as usize]))
            };
            if probes.len() > probe_concepts {
                probes.select_nth_unstable_by(probe_concepts, by_weight);
            }
            let index = if copied_from(s) { &uncopied } else { &index };
            for &(w, c) in probes.iter().take(probe_concepts) {
                let postings = index.of(c);
                if postings.len() > cap {
                    continue;
                }
                for &other in postings {
                    if acc[other as usize] == 0.0 {
                        touched.push(other);
                    }
                    acc[other as usize] += w;
                }
            }
            let order =
                |a: &u32, b: &u32| acc[*b as usize].total_cmp(&acc[*a as usize]).then(a.cmp(b));
            if touched.len() > candidates {
                touched.select_nth_unstable_by(candidates, order);
            }
            for &other in touched.iter().take(candidates) {
                let other = other as usize;
                out.push(if swapped { (other, s) } else { (s, other) });
            }
            for &other in &touched {
                acc[other as usize] = 0.0;
            }
            touched.clear();
        }
    }
}
