//! Finding the links of two documents: candidate pairs by their rarest shared concepts, scored
//! exactly, kept by the thresholds, titles and openers added, each sentence's best kept.

use rustc_hash::FxHashMap as HashMap;

use super::*;

/// Index of the `role` feature in [`FEATURES`].
const FEATURE_ROLE: usize = model::feature("role");
/// Index of the `title_mismatch` feature in [`FEATURES`].
const FEATURE_TITLE_MISMATCH: usize = model::feature("title_mismatch");

/// The titles and openers of the two documents.
pub(super) struct DocumentRoles {
    pub(super) left_title: Option<usize>,
    pub(super) right_title: Option<usize>,
    pub(super) left_opener: Option<usize>,
    pub(super) right_opener: Option<usize>,
    /// Whether each side's title is worded as a headline that reports the meeting.
    pub(super) headline: (bool, bool),
}

impl DocumentRoles {
    /// Whether a pair is linked whatever its words: the two titles, the two openers, or a
    /// headline and the opener of a side without a title.
    fn forced(&self, l: usize, r: usize) -> bool {
        (self.left_title == Some(l) && self.right_title == Some(r))
            || (self.left_opener == Some(l) && self.right_opener == Some(r))
            || self.title_opener(l, r)
    }

    /// Whether the pair is one side's headline ("Prime Minister speaks with ...") and the
    /// opener of the other side, which has no title: both report the meeting (a label that
    /// names it, "Japan-UK Summit Meeting", does not).
    pub(super) fn title_opener(&self, l: usize, r: usize) -> bool {
        (self.left_title == Some(l)
            && self.headline.0
            && self.right_opener == Some(r)
            && self.right_title.is_none())
            || (self.left_opener == Some(l)
                && self.right_title == Some(r)
                && self.headline.1
                && self.left_title.is_none())
    }
}

/// Most sentences of one side that play a role the other side gives once, for the one to link
/// to the best of them.
const MAX_ROLE_SENTENCES: usize = 3;

/// The candidates found so far, one per pair: a pair found twice keeps the closer kind and the
/// higher score.
#[derive(Default)]
struct Found(HashMap<(usize, usize), Candidate>);

impl Found {
    fn add(&mut self, c: Candidate) {
        self.0
            .entry((c.left, c.right))
            .and_modify(|old| {
                if c.kind < old.kind {
                    old.kind = c.kind;
                }
                old.score = old.score.max(c.score);
            })
            .or_insert(c);
    }
}

/// Which roles (a bit each) each side gives once, and which in a few sentences.
struct RoleCounts {
    once: [u8; 2],
    few: [u8; 2],
}

impl RoleCounts {
    fn new(left: &[SentenceInfo<'_>], right: &[SentenceInfo<'_>]) -> Self {
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
        let counts = [role_counts(left), role_counts(right)];
        let roles_where = |side: usize, wanted: &dyn Fn(usize) -> bool| {
            (0..8).fold(0u8, |bits, bit| {
                if wanted(counts[side][bit]) {
                    bits | (1 << bit)
                } else {
                    bits
                }
            })
        };
        let few = |n: usize| (2..=MAX_ROLE_SENTENCES).contains(&n);
        Self {
            once: [roles_where(0, &|n| n == 1), roles_where(1, &|n| n == 1)],
            few: [roles_where(0, &few), roles_where(1, &few)],
        }
    }
}

impl Scorer<'_> {
    /// Every link worth an analyst's attention. `left_ids` and `right_ids` are the sentences'
    /// whole keys (equal ids: identical sentences).
    pub fn find(&self, left_ids: &[u32], right_ids: &[u32], params: &Params) -> Vec<Candidate> {
        let mut found = Found::default();
        self.identical(left_ids, right_ids, &mut found);
        self.scored(left_ids, right_ids, params, &mut found);
        self.best_per_sentence(found)
    }

    /// Identical sentences: a sentence its own side has once links to its copies on the other
    /// side, the nearest first (an echo). Between sentences both sides repeat, the rows' pairs
    /// say enough.
    fn identical(&self, left_ids: &[u32], right_ids: &[u32], found: &mut Found) {
        let (n_left, n_right) = (self.left_info.len(), self.right_info.len());
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
                found.add(Candidate {
                    left: l,
                    right: r,
                    kind: LinkKind::Identical,
                    score: 1.0,
                });
            }
        }
    }

    /// Scored pairs, kept by the model; titles and openers always, and the sentences of a
    /// role (a closer, condolences) that each side gives once.
    fn scored(&self, left_ids: &[u32], right_ids: &[u32], params: &Params, found: &mut Found) {
        let roles = self.roles();
        let counts = RoleCounts::new(&self.left_info, &self.right_info);
        // The linking roles each side gives exactly once.
        let single_roles = counts.once[0] & counts.once[1] & self.linking_roles;
        let role_forced = |l: usize, r: usize| {
            self.left_info[l].text.roles & self.right_info[r].text.roles & single_roles != 0
        };
        let pairs_found = self.pair_features(left_ids, right_ids, params);
        let best_of_few = self.best_of_few(&pairs_found, &counts);
        for pair in pairs_found {
            let forced = roles.forced(pair.left, pair.right);
            let forced_role = role_forced(pair.left, pair.right)
                || best_of_few.contains(&(pair.left, pair.right));
            if !forced && !forced_role && !pair.short_best && !params.model.links(&pair.features) {
                continue;
            }
            // When both sides have a title, a title links to the other title only.
            if !forced && pair.features[FEATURE_TITLE_MISMATCH] > 0.0 {
                continue;
            }
            let role = pair.features[FEATURE_ROLE] > 0.0;
            let kind = if forced || forced_role || role || pair.score >= params.equivalent {
                LinkKind::Equivalent
            } else {
                LinkKind::Related
            };
            found.add(Candidate {
                left: pair.left,
                right: pair.right,
                kind,
                score: pair.score,
            });
        }
    }

    /// A role one side gives once and the other in a few sentences (congratulations to the
    /// leader and to the deputy): the one sentence links to the one of them it shares most
    /// with.
    fn best_of_few(&self, pairs: &[PairFeatures], counts: &RoleCounts) -> Vec<(usize, usize)> {
        let (n_left, n_right) = (self.left_info.len(), self.right_info.len());
        let once_against_few = (counts.once[0] & counts.few[1]) | (counts.once[1] & counts.few[0]);
        let mut best_of_few: Vec<(usize, usize)> = Vec::new();
        for bit in (0..8u8).filter(|bit| once_against_few & self.linking_roles & (1 << bit) != 0) {
            let plays = |roles: u8| roles & (1 << bit) != 0;
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
            let best = pairs
                .iter()
                .filter(|p| {
                    plays(self.left_info[p.left].text.roles)
                        && plays(self.right_info[p.right].text.roles)
                })
                .max_by(|a, b| {
                    a.score
                        .total_cmp(&b.score)
                        .then_with(|| key(b).cmp(&key(a)))
                });
            if let Some(best) = best {
                best_of_few.push((best.left, best.right));
            }
        }
        best_of_few
    }

    /// Each sentence keeps its best links, in (left, right) order.
    fn best_per_sentence(&self, found: Found) -> Vec<Candidate> {
        let (n_left, n_right) = (self.left_info.len(), self.right_info.len());
        let mut all: Vec<Candidate> = found.0.into_values().collect();
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
    pub(super) fn roles(&self) -> DocumentRoles {
        let left_title = Self::title(&self.left_info, self.left_text, self.left);
        let right_title = Self::title(&self.right_info, self.right_text, self.right);
        DocumentRoles {
            left_title,
            right_title,
            left_opener: Self::opener(&self.left_info, left_title.map_or(0, |t| t + 1)),
            right_opener: Self::opener(&self.right_info, right_title.map_or(0, |t| t + 1)),
            headline: (
                left_title.is_some() && Self::headline(self.left_text, self.left),
                right_title.is_some() && Self::headline(self.right_text, self.right),
            ),
        }
    }
}
