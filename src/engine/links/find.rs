//! Finding the links of two documents: candidate pairs by their rarest shared concepts, scored
//! exactly, kept by the thresholds, titles and openers added, each sentence's best kept.

use rustc_hash::FxHashMap as HashMap;

use super::*;

/// Most sentences of a short text (a post, a tweet).
const SHORT_TEXT: usize = 4;

/// Index of the `role` feature in [`FEATURES`].
const FEATURE_ROLE: usize = 5;
/// Index of the `bigrams` feature in [`FEATURES`].
const FEATURE_BIGRAMS: usize = 19;

/// A pair the link model decides on.
#[derive(Debug, Clone, PartialEq)]
pub struct PairFeatures {
    /// Left sentence index.
    pub left: usize,
    /// Right sentence index.
    pub right: usize,
    /// Their score ([`Scorer::score`]).
    pub score: f32,
    /// The evidence, in the order of [`FEATURES`].
    pub features: Features,
    /// Whether one text is short (a post) and this is the best counterpart in it of the other
    /// text's sentence, sharing a phrase or a rare name: linked whatever the model says.
    pub short_best: bool,
}

/// The titles and openers of the two documents.
struct DocumentRoles {
    left_title: Option<usize>,
    right_title: Option<usize>,
    left_opener: Option<usize>,
    right_opener: Option<usize>,
}

impl DocumentRoles {
    /// Whether a pair is linked whatever its words: the two titles, or the two openers.
    fn forced(&self, l: usize, r: usize) -> bool {
        (self.left_title == Some(l) && self.right_title == Some(r))
            || (self.left_opener == Some(l) && self.right_opener == Some(r))
    }
}

/// How many elements two sorted lists share.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Calls `f` with every element two sorted lists share.
fn for_shared(a: &[u32], b: &[u32], mut f: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

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

/// Most sentences of one side that play a role the other side gives once, for the one to link
/// to the best of them.
const MAX_ROLE_SENTENCES: usize = 3;

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

        // Scored pairs, kept by the model; titles and openers always, and the sentences of a
        // role (a closer, condolences) that each side gives once.
        let roles = self.roles();
        // How many sentences of each side play each role (counted once, not per pair).
        let role_counts = |infos: &[SentenceInfo<'_>]| {
            let mut counts = [0usize; 8];
            for info in infos {
                for (bit, count) in counts.iter_mut().enumerate() {
                    *count += usize::from(info.text.roles & (1 << bit) != 0);
                }
            }
            counts
        };
        let counts = [role_counts(&self.left_info), role_counts(&self.right_info)];
        let roles_where = |side: usize, wanted: &dyn Fn(usize) -> bool| {
            (0..8).fold(0u8, |bits, bit| {
                if wanted(counts[side][bit]) {
                    bits | (1 << bit)
                } else {
                    bits
                }
            })
        };
        let once = [roles_where(0, &|n| n == 1), roles_where(1, &|n| n == 1)];
        let few = |n: usize| (2..=MAX_ROLE_SENTENCES).contains(&n);
        let few = [roles_where(0, &few), roles_where(1, &few)];
        // The linking roles each side gives exactly once.
        let single_roles = once[0] & once[1] & self.linking_roles;
        let role_forced = |l: usize, r: usize| {
            self.left_info[l].text.roles & self.right_info[r].text.roles & single_roles != 0
        };
        let pairs_found = self.pair_features(left_ids, right_ids, params);
        // A role one side gives once and the other in a few sentences (congratulations to the
        // leader and to the deputy): the one sentence links to the one of them it shares most
        // with.
        let once_against_few = (once[0] & few[1]) | (once[1] & few[0]);
        let mut best_of_few: Vec<(usize, usize)> = Vec::new();
        for bit in (0..8u8).filter(|bit| once_against_few & self.linking_roles & (1 << bit) != 0) {
            let plays = |roles: u8| roles & (1 << bit) != 0;
            let best = pairs_found
                .iter()
                .filter(|p| {
                    plays(self.left_info[p.left].text.roles)
                        && plays(self.right_info[p.right].text.roles)
                })
                .max_by(|a, b| {
                    a.score.total_cmp(&b.score).then_with(|| {
                        let key = |p: &PairFeatures| {
                            tie_break(
                                &Candidate {
                                    left: p.left,
                                    right: p.right,
                                    kind: LinkKind::Equivalent,
                                    score: p.score,
                                },
                                n_left,
                                n_right,
                            )
                        };
                        key(b).cmp(&key(a))
                    })
                });
            if let Some(best) = best {
                best_of_few.push((best.left, best.right));
            }
        }
        for pair in pairs_found {
            let forced = roles.forced(pair.left, pair.right);
            let forced_role = role_forced(pair.left, pair.right)
                || best_of_few.contains(&(pair.left, pair.right));
            if !forced && !forced_role && !pair.short_best && !params.model.links(&pair.features) {
                continue;
            }
            let role = pair.features[FEATURE_ROLE] > 0.0;
            let kind = if forced || forced_role || role || pair.score >= params.equivalent {
                LinkKind::Equivalent
            } else {
                LinkKind::Related
            };
            add(
                &mut pairs,
                Candidate {
                    left: pair.left,
                    right: pair.right,
                    kind,
                    score: pair.score,
                },
            );
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

    /// The titles and openers of both documents.
    fn roles(&self) -> DocumentRoles {
        let left_title = Self::title(&self.left_info, self.left_text, self.left);
        let right_title = Self::title(&self.right_info, self.right_text, self.right);
        DocumentRoles {
            left_title,
            right_title,
            left_opener: Self::opener(&self.left_info, left_title.map_or(0, |t| t + 1)),
            right_opener: Self::opener(&self.right_info, right_title.map_or(0, |t| t + 1)),
        }
    }

    /// Every pair worth deciding on, with its score and its features for the link model: the
    /// pairs the candidate search finds, pairs of sentences playing one role, and the titles
    /// and openers. Two sentences that each have an exact copy on the other side are left out:
    /// their copies are their counterparts (on long documents with repeated boilerplate,
    /// linking every copy to every similar copy says nothing).
    pub fn pair_features(
        &self,
        left_ids: &[u32],
        right_ids: &[u32],
        params: &Params,
    ) -> Vec<PairFeatures> {
        let (n_left, n_right) = (self.left_info.len(), self.right_info.len());
        let present = |ids: &[u32]| ids.iter().copied().collect::<rustc_hash::FxHashSet<u32>>();
        let (left_set, right_set) = (present(left_ids), present(right_ids));
        let left_copied: Vec<bool> = left_ids.iter().map(|id| right_set.contains(id)).collect();
        let right_copied: Vec<bool> = right_ids.iter().map(|id| left_set.contains(id)).collect();
        let copied = |flags: &[bool], i: usize| flags.get(i).copied().unwrap_or(false);
        let roles = self.roles();

        let mut pairs = self.candidates(&left_copied, &right_copied);
        // Sentences of one role on both sides (few: closers, condolences, ...); on a long
        // document a role says little, and only the candidates are weighed.
        let with_role = |infos: &[SentenceInfo<'_>]| -> Vec<usize> {
            if n_left.max(n_right) > LONG_DOCUMENT {
                return Vec::new();
            }
            (0..infos.len())
                .filter(|&i| infos[i].text.roles != 0)
                .take(64)
                .collect()
        };
        for &l in &with_role(&self.left_info) {
            for &r in &with_role(&self.right_info) {
                if self.left_info[l].text.roles & self.right_info[r].text.roles != 0 {
                    pairs.push((l, r));
                }
            }
        }
        for pair in [
            (roles.left_title, roles.right_title),
            (roles.left_opener, roles.right_opener),
            (roles.left_title, roles.right_opener),
            (roles.left_opener, roles.right_title),
        ] {
            if let (Some(l), Some(r)) = pair {
                pairs.push((l, r));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs.retain(|&(l, r)| {
            l < n_left && r < n_right && !(copied(&left_copied, l) && copied(&right_copied, r))
        });

        let scores: Vec<f32> = pairs
            .iter()
            .map(|&(l, r)| self.score_with(l, r, params.contained))
            .collect();
        // Each sentence's scores, best first, for the ranks.
        let mut by_left: Vec<Vec<f32>> = vec![Vec::new(); n_left];
        let mut by_right: Vec<Vec<f32>> = vec![Vec::new(); n_right];
        for (&(l, r), &s) in pairs.iter().zip(&scores) {
            by_left[l].push(s);
            by_right[r].push(s);
        }
        for list in by_left.iter_mut().chain(by_right.iter_mut()) {
            list.sort_unstable_by(|a, b| b.total_cmp(a));
        }
        let rank = |list: &[f32], s: f32| list.partition_point(|&x| x > s);
        let n_total = (n_left + n_right) as f64;
        let rare_df = (n_total / 4.0).max(2.0);
        let mut out = Vec::with_capacity(pairs.len());
        for (&(l, r), &score) in pairs.iter().zip(&scores) {
            let (left, right) = (&self.left_info[l], &self.right_info[r]);
            let role = left.text.roles & right.text.roles != 0;
            let title = roles.left_title == Some(l) && roles.right_title == Some(r);
            let opener = roles.left_opener == Some(l) && roles.right_opener == Some(r);
            // A title that names the meeting stands for the opener of a side without a title.
            let title_opener = (roles.left_title == Some(l)
                && left.meeting
                && roles.right_opener == Some(r)
                && roles.right_title.is_none())
                || (roles.left_opener == Some(l)
                    && roles.right_title == Some(r)
                    && right.meeting
                    && roles.left_title.is_none());
            // A title against a sentence that is not the other side's title, when that side
            // has one; an opener against a sentence that is not the other side's opener.
            let is_title = (roles.left_title == Some(l), roles.right_title == Some(r));
            let is_opener = (roles.left_opener == Some(l), roles.right_opener == Some(r));
            let title_mismatch = (is_title.0 && !is_title.1 && roles.right_title.is_some())
                || (is_title.1 && !is_title.0 && roles.left_title.is_some());
            // An opener against another sentence that says who met whom ("The president-elect
            // spoke with ..."), or against one that does not.
            let opener_other = !title_opener
                && ((is_opener.0 && !is_opener.1 && !is_title.1 && roles.right_opener.is_some())
                    || (is_opener.1 && !is_opener.0 && !is_title.0 && roles.left_opener.is_some()));
            let other_meets = if is_opener.0 {
                right.meeting
            } else {
                left.meeting
            };
            let opener_mismatch = opener_other && !other_meets;
            let opener_meeting = opener_other && other_meets;
            if score <= 0.0 && !(role || title || opener || title_opener) {
                continue;
            }
            let (mut rare, mut all_generic, mut any) = (0usize, true, false);
            for_shared(left.whole.concepts, right.whole.concepts, |c| {
                any = true;
                let c = c as usize;
                if f64::from(self.df.get(c).copied().unwrap_or(u32::MAX)) <= rare_df {
                    rare += 1;
                }
                if !self.generic.get(c).copied().unwrap_or(false) {
                    all_generic = false;
                }
            });
            let mut names = 0usize;
            for_shared(&left.text.names, &right.text.names, |c| {
                if f64::from(self.df.get(c as usize).copied().unwrap_or(u32::MAX)) <= rare_df {
                    names += 1;
                }
            });
            let worst_rank = rank(&by_left[l], score).max(rank(&by_right[r], score));
            // The rank among the shorter sentence's counterparts: a long sentence covers
            // several of the other side's, and each of them may have it as its best.
            let shorter_rank = if left.text.length <= right.text.length {
                rank(&by_left[l], score)
            } else {
                rank(&by_right[r], score)
            };
            let at = |i: usize, n: usize| i as f64 / n.max(1) as f64;
            let flag = |b: bool| if b { 1.0 } else { 0.0 };
            let (cosine, shared_weight) = self.cosine_shared(&left.whole, &right.whole);
            let shorter = left.whole.norm.min(right.whole.norm);
            let containment = if shorter <= 0.0 {
                0.0
            } else {
                (shared_weight / (shorter * shorter)).min(1.0)
            };
            let features: Features = [
                1.0,
                cosine,
                f64::from(score),
                (rare as f64).ln_1p(),
                names.min(3) as f64,
                flag(role),
                flag(opener),
                flag(title),
                flag(title_opener),
                flag(title_mismatch),
                flag(opener_mismatch),
                flag(opener_meeting),
                flag(score > 0.0 && worst_rank == 0),
                1.0 / (1.0 + worst_rank as f64),
                (at(l, n_left) - at(r, n_right)).abs(),
                flag(!any || all_generic),
                flag((left.text.heading || right.text.heading) && !title),
                ((left.text.words as f64 + 1.0) / (right.text.words as f64 + 1.0))
                    .ln()
                    .abs(),
                containment,
                (shared_count(&left.text.bigrams, &right.text.bigrams) as f64).ln_1p(),
                flag(score > 0.0 && shorter_rank == 0),
            ];
            // A short text (a post of a few sentences) against a longer statement: a sentence
            // of the longer one whose best counterpart is in the short one, sharing a phrase
            // or a rare name with it, speaks of what the post says.
            let longer_rank = match n_left.cmp(&n_right) {
                std::cmp::Ordering::Less => rank(&by_right[r], score),
                std::cmp::Ordering::Greater => rank(&by_left[l], score),
                std::cmp::Ordering::Equal => worst_rank,
            };
            let short_best = n_left.min(n_right) <= SHORT_TEXT
                && score > 0.0
                && left.text.stopped
                && right.text.stopped
                && longer_rank == 0
                && (names > 0 || features[FEATURE_BIGRAMS] > 0.0);
            out.push(PairFeatures {
                left: l,
                right: r,
                score,
                features,
                short_best,
            });
        }
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
