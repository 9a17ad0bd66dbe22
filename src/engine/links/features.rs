//! The evidence of each pair worth deciding on ([`PairFeatures`]), for the link model: the pairs
//! are scored in (left, right) order, with what each left sentence has marked once in a
//! concept-indexed scratch, so that a pair costs a pass over the right sentence's concepts
//! rather than a merge of both lists per clause. Weights are multiples of 2^-20: every sum is
//! exact, in any order, and the scores are those of [`Scorer::score`] bit for bit.

use super::find::DocumentRoles;
use super::*;
use crate::engine::parallel;

/// Most sentences of a short text (a post, a tweet).
const SHORT_TEXT: usize = 4;

/// Index of the `bigrams` feature in [`FEATURES`].
const FEATURE_BIGRAMS: usize = model::feature("bigrams");

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

/// What a pair's concepts share, as [`Scorer::score_with`] and the features weigh it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Overlap {
    /// The pair's score.
    score: f32,
    /// The cosine of the two whole sentences (0 when either has no weight).
    cosine: f64,
    /// The weight (squared) of the concepts they share (0 when either has no weight).
    shared: f64,
    /// How many of the shared concepts are rare (in at most `rare_df` sentences).
    rare: usize,
    /// Whether they share nothing or only boilerplate.
    nothing_specific: bool,
}

/// Concept-indexed marks of the sentences of the pair being scored: a concept is in the left
/// sentence `l` when `left[c] == l + 1`, in the right sentence of pair `p` when
/// `right[c] == p + 1`; nothing is ever cleared.
struct Marks {
    left: Vec<usize>,
    right: Vec<usize>,
}

impl Marks {
    fn new(concepts: usize) -> Self {
        Self {
            left: vec![0; concepts],
            right: vec![0; concepts],
        }
    }

    /// Marks `concepts` as those of `stamp` on one side.
    fn mark(marks: &mut [usize], concepts: &[u32], stamp: usize) {
        for &c in concepts {
            if let Some(m) = marks.get_mut(c as usize) {
                *m = stamp;
            }
        }
    }
}

/// From this many pairs to weigh, their overlaps are weighed over the cores: a long document's
/// (the 1 MiB pair has 34,000), not a statement's (2,000 on the 64 KiB pair). Their features
/// are not: writing them is most of that stage, and two threads wrote them no faster.
const PARALLEL_PAIRS: usize = 8192;

impl Scorer<'_> {
    /// The weight (squared) of the concepts of `unit` that carry `stamp` in `marks`.
    fn marked_weight(&self, unit: &Unit<'_>, marks: &[usize], stamp: usize) -> f64 {
        let mut sum = 0.0;
        for &c in unit.concepts {
            if marks.get(c as usize) == Some(&stamp) {
                sum += self.weight[c as usize];
            }
        }
        sum
    }

    /// The cosine of two units from the weight they share ([`Scorer::cosine_shared`]).
    fn cosine_of(shared: f64, left: &Unit<'_>, right: &Unit<'_>) -> f64 {
        if left.norm <= 0.0 || right.norm <= 0.0 {
            0.0
        } else {
            shared / (left.norm * right.norm)
        }
    }

    /// The overlap of every pair of `pairs` (sorted by left sentence, all in range).
    fn overlaps(&self, pairs: &[(usize, usize)], contained: f64, rare_df: f64) -> Vec<Overlap> {
        let mut marks = Marks::new(self.weight.len());
        let mut out = Vec::with_capacity(pairs.len());
        let mut current = None;
        for (p, &(l, r)) in pairs.iter().enumerate() {
            let (left, right) = (&self.left_info[l], &self.right_info[r]);
            if current != Some(l) {
                Marks::mark(&mut marks.left, left.whole.concepts, l + 1);
                current = Some(l);
            }
            out.push(self.overlap(left, right, (&mut marks, l + 1, p + 1), contained, rare_df));
        }
        out
    }

    /// The overlap of two sentences, the left one marked with `left_stamp`; `right_stamp` is
    /// the pair's own.
    fn overlap(
        &self,
        left: &SentenceInfo<'_>,
        right: &SentenceInfo<'_>,
        (marks, left_stamp, right_stamp): (&mut Marks, usize, usize),
        contained: f64,
        rare_df: f64,
    ) -> Overlap {
        let (mut shared, mut rare, mut nothing_specific) = (0.0, 0usize, true);
        for &c in right.whole.concepts {
            let c = c as usize;
            if marks.left.get(c) != Some(&left_stamp) {
                continue;
            }
            shared += self.weight[c];
            if f64::from(self.df.get(c).copied().unwrap_or(u32::MAX)) <= rare_df {
                rare += 1;
            }
            if !self.generic.get(c).copied().unwrap_or(false) {
                nothing_specific = false;
            }
        }
        let both_weigh = left.whole.norm > 0.0 && right.whole.norm > 0.0;
        let shared = if both_weigh { shared } else { 0.0 };
        let cosine = Self::cosine_of(shared, &left.whole, &right.whole);
        let mut best = cosine;
        let shorter = if left.whole.norm <= right.whole.norm {
            &left.whole
        } else {
            &right.whole
        };
        if shorter.concepts.len() >= MIN_CONTAINED && shorter.norm > 0.0 {
            best = best.max(contained * shared / (shorter.norm * shorter.norm));
        }
        let left_clauses = self.clauses(left);
        if !left_clauses.is_empty() {
            Marks::mark(&mut marks.right, right.whole.concepts, right_stamp);
            for clause in left_clauses {
                let clause_shared = self.marked_weight(clause, &marks.right, right_stamp);
                let cosine = Self::cosine_of(clause_shared, clause, &right.whole);
                best = best.max(CLAUSE_FACTOR * cosine);
            }
        }
        for clause in self.clauses(right) {
            let clause_shared = self.marked_weight(clause, &marks.left, left_stamp);
            let cosine = Self::cosine_of(clause_shared, &left.whole, clause);
            best = best.max(CLAUSE_FACTOR * cosine);
        }
        Overlap {
            score: best.clamp(0.0, 1.0) as f32,
            cosine,
            shared,
            rare,
            nothing_specific,
        }
    }
}

/// Each sentence's scores, best first, for the ranks: one flat list per side, a sentence's
/// scores a range of it.
struct Ranks {
    left_start: Vec<usize>,
    left: Vec<f32>,
    right_start: Vec<usize>,
    right: Vec<f32>,
}

impl Ranks {
    /// The ranks of `pairs` scored `overlaps`, with `n_left` and `n_right` sentences.
    fn new(pairs: &[(usize, usize)], overlaps: &[Overlap], n_left: usize, n_right: usize) -> Self {
        let (left_start, left) = Self::side(pairs.iter().map(|p| p.0), overlaps, n_left);
        let (right_start, right) = Self::side(pairs.iter().map(|p| p.1), overlaps, n_right);
        Self {
            left_start,
            left,
            right_start,
            right,
        }
    }

    /// Scores grouped by sentence (`of` gives each pair's, all below `n`), each group sorted
    /// best first, and where each group starts.
    fn side(
        of: impl Iterator<Item = usize> + Clone,
        overlaps: &[Overlap],
        n: usize,
    ) -> (Vec<usize>, Vec<f32>) {
        let mut start = vec![0usize; n + 1];
        for s in of.clone() {
            start[s + 1] += 1;
        }
        for i in 1..start.len() {
            start[i] += start[i - 1];
        }
        let mut next = start.clone();
        let mut scores = vec![0.0f32; overlaps.len()];
        for (s, overlap) in of.zip(overlaps) {
            scores[next[s]] = overlap.score;
            next[s] += 1;
        }
        for i in 0..n {
            scores[start[i]..start[i + 1]].sort_unstable_by(|a, b| b.total_cmp(a));
        }
        (start, scores)
    }

    /// How many scores of a sentence are higher than `score`.
    fn rank(start: &[usize], scores: &[f32], s: usize, score: f32) -> usize {
        let list = match (start.get(s), start.get(s + 1)) {
            (Some(&from), Some(&to)) => scores.get(from..to).unwrap_or(&[]),
            _ => &[],
        };
        list.partition_point(|&x| x > score)
    }

    fn of_left(&self, l: usize, score: f32) -> usize {
        Self::rank(&self.left_start, &self.left, l, score)
    }

    fn of_right(&self, r: usize, score: f32) -> usize {
        Self::rank(&self.right_start, &self.right, r, score)
    }
}

/// How a pair stands against the documents' titles and openers.
struct RoleFlags {
    role: bool,
    title: bool,
    opener: bool,
    title_opener: bool,
    title_mismatch: bool,
    opener_mismatch: bool,
    opener_meeting: bool,
}

impl RoleFlags {
    fn new(
        roles: &DocumentRoles,
        (l, left): (usize, &SentenceInfo<'_>),
        (r, right): (usize, &SentenceInfo<'_>),
    ) -> Self {
        let role = left.text.roles & right.text.roles != 0;
        let title = roles.left_title == Some(l) && roles.right_title == Some(r);
        let opener = roles.left_opener == Some(l) && roles.right_opener == Some(r);
        let title_opener = roles.title_opener(l, r);
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
        Self {
            role,
            title,
            opener,
            title_opener,
            title_mismatch,
            opener_mismatch: opener_other && !other_meets,
            opener_meeting: opener_other && other_meets,
        }
    }

    /// Whether the pair is weighed whatever its score.
    fn any(&self) -> bool {
        self.role || self.title || self.opener || self.title_opener
    }
}

impl Scorer<'_> {
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
        let roles = self.roles();
        let pairs = self.pairs_to_weigh(left_ids, right_ids, &roles);
        let rare_df = ((n_left + n_right) as f64 / 4.0).max(2.0);
        // Many pairs (a long document's) have their overlaps weighed over the cores, in
        // contiguous chunks joined in order, each with marks of its own.
        let parallel = pairs.len() >= PARALLEL_PAIRS;
        let overlaps: Vec<Overlap> = parallel::map(
            &parallel::chunks(pairs.len(), parallel),
            parallel,
            |range| self.overlaps(&pairs[range.clone()], params.contained, rare_df),
        )
        .into_iter()
        .flatten()
        .collect();
        let ranks = Ranks::new(&pairs, &overlaps, n_left, n_right);
        let mut out = Vec::with_capacity(pairs.len());
        for (&(l, r), overlap) in pairs.iter().zip(&overlaps) {
            let flags = RoleFlags::new(&roles, (l, &self.left_info[l]), (r, &self.right_info[r]));
            if overlap.score <= 0.0 && !flags.any() {
                continue;
            }
            out.push(self.features_of((l, r), overlap, &flags, &ranks, rare_df));
        }
        out
    }

    /// The pairs worth weighing ([`Self::pair_features`]): sorted, without repeats, in range,
    /// not both copied.
    fn pairs_to_weigh(
        &self,
        left_ids: &[u32],
        right_ids: &[u32],
        roles: &DocumentRoles,
    ) -> Vec<(usize, usize)> {
        let (n_left, n_right) = (self.left_info.len(), self.right_info.len());
        let present = |ids: &[u32]| ids.iter().copied().collect::<rustc_hash::FxHashSet<u32>>();
        let (left_set, right_set) = (present(left_ids), present(right_ids));
        let left_copied: Vec<bool> = left_ids.iter().map(|id| right_set.contains(id)).collect();
        let right_copied: Vec<bool> = right_ids.iter().map(|id| left_set.contains(id)).collect();
        let copied = |flags: &[bool], i: usize| flags.get(i).copied().unwrap_or(false);

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
        pairs.retain(|&(l, r)| l < n_left && r < n_right);
        let mut pairs = sorted_by_left(pairs, n_left);
        pairs.dedup();
        pairs.retain(|&(l, r)| !(copied(&left_copied, l) && copied(&right_copied, r)));
        pairs
    }

    /// The features of one pair (in range) the model decides on.
    fn features_of(
        &self,
        (l, r): (usize, usize),
        overlap: &Overlap,
        flags: &RoleFlags,
        ranks: &Ranks,
        rare_df: f64,
    ) -> PairFeatures {
        let (n_left, n_right) = (self.left_info.len(), self.right_info.len());
        let (left, right) = (&self.left_info[l], &self.right_info[r]);
        let score = overlap.score;
        let mut names = 0usize;
        for_shared(&left.text.names, &right.text.names, |c| {
            if f64::from(self.df.get(c as usize).copied().unwrap_or(u32::MAX)) <= rare_df {
                names += 1;
            }
        });
        let (left_rank, right_rank) = (ranks.of_left(l, score), ranks.of_right(r, score));
        let worst_rank = left_rank.max(right_rank);
        // The rank among the shorter sentence's counterparts: a long sentence covers
        // several of the other side's, and each of them may have it as its best.
        let shorter_rank = if left.text.length <= right.text.length {
            left_rank
        } else {
            right_rank
        };
        let at = |i: usize, n: usize| i as f64 / n.max(1) as f64;
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        let shorter = left.whole.norm.min(right.whole.norm);
        let containment = if shorter <= 0.0 {
            0.0
        } else {
            (overlap.shared / (shorter * shorter)).min(1.0)
        };
        let features: Features = [
            1.0,
            overlap.cosine,
            f64::from(score),
            (overlap.rare as f64).ln_1p(),
            names.min(3) as f64,
            flag(flags.role),
            flag(flags.opener),
            flag(flags.title),
            flag(flags.title_opener),
            flag(flags.title_mismatch),
            flag(flags.opener_mismatch),
            flag(flags.opener_meeting),
            flag(score > 0.0 && worst_rank == 0),
            1.0 / (1.0 + worst_rank as f64),
            (at(l, n_left) - at(r, n_right)).abs(),
            flag(overlap.nothing_specific),
            flag((left.text.heading || right.text.heading) && !flags.title && !flags.title_opener),
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
            std::cmp::Ordering::Less => right_rank,
            std::cmp::Ordering::Greater => left_rank,
            std::cmp::Ordering::Equal => worst_rank,
        };
        let short_best = n_left.min(n_right) <= SHORT_TEXT
            && score > 0.0
            && left.text.stopped
            && right.text.stopped
            && longer_rank == 0
            && (names > 0 || features[FEATURE_BIGRAMS] > 0.0);
        PairFeatures {
            left: l,
            right: r,
            score,
            features,
            short_best,
        }
    }
}

/// `pairs` (every left index below `n_left`) sorted by left, then right: counted into a bucket
/// per left sentence, each bucket (a sentence's few candidates) sorted on its own.
fn sorted_by_left(pairs: Vec<(usize, usize)>, n_left: usize) -> Vec<(usize, usize)> {
    let mut start = vec![0usize; n_left + 1];
    for &(l, _) in &pairs {
        if let Some(count) = start.get_mut(l + 1) {
            *count += 1;
        }
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut next = start.clone();
    let mut out = vec![(0usize, 0usize); pairs.len()];
    for pair in pairs {
        if let Some(at) = next.get_mut(pair.0) {
            if let Some(slot) = out.get_mut(*at) {
                *slot = pair;
            }
            *at += 1;
        }
    }
    for bucket in start.windows(2) {
        if let Some(list) = out.get_mut(bucket[0]..bucket[1]) {
            list.sort_unstable();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Cancel, Equivalences, Options, prepare_sides};
    use crate::samples::SAMPLES;

    /// Overlaps weighed in contiguous chunks, each with marks of its own (as on the cores),
    /// are those weighed in one pass.
    #[test]
    fn overlaps_weighed_in_chunks_are_those_weighed_at_once() {
        let (left, right) = (SAMPLES[0].text, SAMPLES[1].text);
        let Ok(sides) = prepare_sides(
            left,
            right,
            &Options::default(),
            Equivalences::builtin_ref(),
            &Cancel::new(),
        ) else {
            panic!("nothing cancels a fresh flag");
        };
        let mut owned = None;
        let read = sides.read_links((left, right), Lexicon::builtin(), false, &mut owned);
        let scorer = sides.scorer(left, right, read, Lexicon::builtin());
        let (n_left, n_right) = (scorer.left_info.len(), scorer.right_info.len());
        let pairs: Vec<(usize, usize)> = (0..n_left)
            .flat_map(|l| (0..n_right).map(move |r| (l, r)))
            .collect();
        let at_once = scorer.overlaps(&pairs, 0.5, 2.0);
        assert!(at_once.iter().any(|o| o.score > 0.0));
        for cut in [1, 3, pairs.len() / 2, pairs.len() - 1] {
            let mut chunked = scorer.overlaps(&pairs[..cut], 0.5, 2.0);
            chunked.extend(scorer.overlaps(&pairs[cut..], 0.5, 2.0));
            assert_eq!(chunked, at_once, "cut at {cut}");
        }
    }
}
