//! Finding the links of two documents: candidate pairs by their rarest shared concepts, scored
//! exactly, kept by the thresholds, titles and openers added, each sentence's best kept.

use rustc_hash::FxHashMap as HashMap;

use super::*;

impl Scorer<'_> {
    /// Every link worth an analyst's attention. `left_ids` and `right_ids` are the sentences'
    /// whole keys (equal ids: identical sentences).
    pub fn find(&self, left_ids: &[u32], right_ids: &[u32], params: &Params) -> Vec<Candidate> {
        let (n_left, n_right) = (self.left_info.len(), self.right_info.len());
        let mut pairs: HashMap<(usize, usize), Candidate> = HashMap::default();
        let add = |pairs: &mut HashMap<(usize, usize), Candidate>, c: Candidate| {
            pairs
                .entry((c.left, c.right))
                .and_modify(|old| {
                    if c.kind < old.kind {
                        old.kind = c.kind;
                    }
                    old.score = old.score.max(c.score);
                })
                .or_insert(c);
        };

        // Identical sentences: a sentence its own side has once links to its copies on the
        // other side, the nearest first (an echo). Between sentences both sides repeat, the
        // rows' pairs say enough.
        let count = |ids: &[u32]| {
            let mut counts: HashMap<u32, u32> = HashMap::default();
            for &id in ids {
                *counts.entry(id).or_default() += 1;
            }
            counts
        };
        let (left_count, right_count) = (count(left_ids), count(right_ids));
        let mut copies: HashMap<u32, Vec<usize>> = HashMap::default();
        for (r, &id) in right_ids.iter().enumerate() {
            if left_count.contains_key(&id) {
                copies.entry(id).or_default().push(r);
            }
        }
        for (l, id) in left_ids.iter().enumerate() {
            let Some(rights) = copies.get(id) else {
                continue;
            };
            let once_left = left_count.get(id) == Some(&1);
            let once_right = right_count.get(id) == Some(&1);
            if !once_left && !once_right {
                continue;
            }
            let at = l as f64 / n_left.max(1) as f64;
            let mut near: Vec<usize> = rights.clone();
            near.sort_by(|&a, &b| {
                let da = (a as f64 / n_right.max(1) as f64 - at).abs();
                let db = (b as f64 / n_right.max(1) as f64 - at).abs();
                da.total_cmp(&db).then(a.cmp(&b))
            });
            for r in near.into_iter().take(MAX_PER_SENTENCE) {
                add(
                    &mut pairs,
                    Candidate {
                        left: l,
                        right: r,
                        kind: LinkKind::Identical,
                        score: 1.0,
                    },
                );
            }
        }

        // Scored candidates. Two sentences that each have an exact copy on the other side are
        // not linked by score: their copies are their counterparts (on long documents with
        // repeated boilerplate, linking every copy to every similar copy says nothing).
        let left_copied: Vec<bool> = left_ids
            .iter()
            .map(|id| right_count.contains_key(id))
            .collect();
        let right_copied: Vec<bool> = right_ids
            .iter()
            .map(|id| left_count.contains_key(id))
            .collect();
        let mut scored: Vec<(usize, usize, f32)> = Vec::new();
        for (l, r) in self.candidates(&left_copied, &right_copied) {
            let (left, right) = (&self.left_info[l], &self.right_info[r]);
            if left.heading || right.heading {
                continue;
            }
            if left_copied.get(l).copied().unwrap_or(false)
                && right_copied.get(r).copied().unwrap_or(false)
            {
                continue;
            }
            let score = self.score_with(l, r, params.contained);
            if score >= params.mutual {
                scored.push((l, r, score));
            }
        }
        let mut best_left = vec![0.0f32; n_left];
        let mut best_right = vec![0.0f32; n_right];
        for &(l, r, s) in &scored {
            best_left[l] = best_left[l].max(s);
            best_right[r] = best_right[r].max(s);
        }
        for &(l, r, score) in &scored {
            let mutual = score >= best_left[l] && score >= best_right[r];
            if score >= params.link || mutual {
                let kind = if score >= params.equivalent {
                    LinkKind::Equivalent
                } else {
                    LinkKind::Related
                };
                add(
                    &mut pairs,
                    Candidate {
                        left: l,
                        right: r,
                        kind,
                        score,
                    },
                );
            }
        }

        // Titles and openers.
        let left_title = Self::title(&self.left_info, self.left_text, self.left);
        let right_title = Self::title(&self.right_info, self.right_text, self.right);
        let left_opener = Self::opener(&self.left_info, left_title.map_or(0, |t| t + 1));
        let right_opener = Self::opener(&self.right_info, right_title.map_or(0, |t| t + 1));
        for pair in [(left_title, right_title), (left_opener, right_opener)] {
            if let (Some(l), Some(r)) = pair {
                add(
                    &mut pairs,
                    Candidate {
                        left: l,
                        right: r,
                        kind: LinkKind::Equivalent,
                        score: self.score(l, r),
                    },
                );
            }
        }

        // Each sentence keeps its best links.
        let mut all: Vec<Candidate> = pairs.into_values().collect();
        all.sort_by_cached_key(|c| order_key(c, n_left, n_right));
        let mut per_left = vec![0usize; n_left];
        let mut per_right = vec![0usize; n_right];
        let mut out = Vec::with_capacity(all.len());
        for c in all {
            if per_left[c.left] < MAX_PER_SENTENCE && per_right[c.right] < MAX_PER_SENTENCE {
                per_left[c.left] += 1;
                per_right[c.right] += 1;
                out.push(c);
            }
        }
        out.sort_by_key(|c| (c.left, c.right));
        out
    }

    /// Pairs worth scoring: each sentence's best [`CANDIDATES`] by the weight of its rarest
    /// [`PROBE_CONCEPTS`] concepts, looked up from both sides (on a readout, every pair that
    /// shares a concept; on long documents, a bounded number per sentence).
    /// A sentence with an exact copy on the other side looks only among sentences without one.
    fn candidates(&self, left_copied: &[bool], right_copied: &[bool]) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        self.probe(
            (&self.left_info, left_copied),
            (&self.right_info, right_copied),
            false,
            &mut out,
        );
        self.probe(
            (&self.right_info, right_copied),
            (&self.left_info, left_copied),
            true,
            &mut out,
        );
        out.sort_unstable();
        out.dedup();
        out
    }

    fn probe(
        &self,
        (from, from_copied): (&[SentenceInfo], &[bool]),
        (to, to_copied): (&[SentenceInfo], &[bool]),
        swapped: bool,
        out: &mut Vec<(usize, usize)>,
    ) {
        // Postings of every sentence (for sentences without a copy), and of the sentences
        // without a copy only (for sentences with one); each built only when needed.
        let copied_from = |s: usize| from_copied.get(s).copied().unwrap_or(false);
        let need_all = (0..from.len()).any(|s| !copied_from(s));
        let need_uncopied = (0..from.len()).any(copied_from);
        let mut index: HashMap<u32, Vec<u32>> = HashMap::default();
        let mut uncopied: HashMap<u32, Vec<u32>> = HashMap::default();
        for (s, info) in to.iter().enumerate() {
            let copied = to_copied.get(s).copied().unwrap_or(false);
            for &c in &info.whole.concepts {
                if need_all {
                    index.entry(c).or_default().push(s as u32);
                }
                if need_uncopied && !copied {
                    uncopied.entry(c).or_default().push(s as u32);
                }
            }
        }
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
                let Some(postings) = index.get(&c) else {
                    continue;
                };
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
