//! The pairwise stage: every unordered pair of documents compared with the two-text engine,
//! in a canonical order that depends only on the two texts (shorter first, then by content),
//! each document read once for all its pairs, on several threads for long texts. Each
//! comparison keeps only its links and counts.

use crate::engine::links::{ConceptTable, DocumentInfo, ReadPair};
use crate::engine::prepare::{self, Interner, Prepared};
use crate::engine::segment::Sentence;
use crate::engine::{Cancel, Cancelled, Comparison, Equivalences, Lexicon, Link, Options};

/// Texts of at least this many bytes in all are compared pair by pair on several threads (as
/// many as there are cores); smaller ones, statements, on the calling thread, where a spawned
/// thread would cost more than it saves.
const PARALLEL_BYTES: usize = 128 * 1024;

/// What clustering keeps of one pairwise comparison (the rows and word diffs are dropped as
/// soon as each comparison is made: they are the bulk of its memory).
#[derive(Clone)]
pub(super) struct PairResult {
    /// Ranks of the two documents (canonical order), `left` < `right`.
    pub(super) left: usize,
    pub(super) right: usize,
    pub(super) links: Vec<Link>,
    pub(super) similarity: f32,
    pub(super) coverage: f32,
}

impl PairResult {
    pub(super) fn new(left: usize, right: usize, comparison: Comparison) -> Self {
        let s = &comparison.stats;
        let sentences = s.left_sentences + s.right_sentences;
        let coverage = if sentences == 0 {
            1.0
        } else {
            (s.left_linked + s.right_linked) as f32 / sentences as f32
        };
        Self {
            left,
            right,
            similarity: s.similarity,
            coverage,
            links: comparison.links,
        }
    }
}

/// The documents ranked (canonical order) and their pairwise comparisons.
pub(super) struct Ranked {
    /// Rank → document index.
    pub(super) by_rank: Vec<usize>,
    /// Document index → rank.
    pub(super) rank_of: Vec<usize>,
    /// Sentences per rank, as each document was read.
    pub(super) sentences: Vec<Vec<Sentence>>,
    /// Every pair's result, between ranks.
    pub(super) results: Vec<PairResult>,
}

/// The canonical order of `texts`: rank → document, by length then content (then position,
/// which matters only between identical texts, where it changes nothing); and document → rank.
fn ranks(texts: &[&str]) -> (Vec<usize>, Vec<usize>) {
    let mut by_rank: Vec<usize> = (0..texts.len()).collect();
    by_rank.sort_by(|&a, &b| (texts[a].len(), texts[a], a).cmp(&(texts[b].len(), texts[b], b)));
    let mut rank_of = vec![0; texts.len()];
    for (rank, &document) in by_rank.iter().enumerate() {
        rank_of[document] = rank;
    }
    (by_rank, rank_of)
}

/// Ranks the documents and compares every pair of them; stops between and inside the
/// comparisons once `cancel` is raised.
pub(super) fn compare_pairs(
    texts: &[&str],
    options: &Options,
    equivalences: &Equivalences,
    cancel: &Cancel,
) -> Result<Ranked, Cancelled> {
    let n = texts.len();
    let (by_rank, rank_of) = ranks(texts);
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let threads = if total >= PARALLEL_BYTES {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    } else {
        1
    };
    // Each document is read once (sentences, tokens, keys, equivalent terms), for all its pairs.
    let matcher = options
        .use_equivalences
        .then(|| equivalences.matcher(options.ignore_case, options.ignore_punctuation));
    let ranks: Vec<usize> = (0..n).collect();
    let reads = run_jobs(&ranks, threads, |rank| {
        prepare::read(texts[by_rank[rank]], options, matcher)
    });
    cancel.check()?;
    // And prepared once, with one term table for all: a pair then only compares. (Preparing a
    // document for each of its pairs was a fifth of a collation's work.)
    let mut keys = Interner::default();
    let mut terms = Interner::default();
    let prepared: Vec<Prepared> = (0..n)
        .map(|rank| {
            prepare::prepare(
                texts[by_rank[rank]],
                &reads[rank],
                options,
                matcher,
                &mut keys,
                &mut terms,
            )
        })
        .collect();
    let term_names = terms.names();
    cancel.check()?;
    // And read once for the links, with one concept table for all (the lexicon a pair's
    // comparison uses): a pair then only weighs the concepts. (Reading both documents for each
    // pair was more than a quarter of a collation's work.)
    let lexicon = Lexicon::builtin();
    let table = ConceptTable::new(&prepared, &term_names, lexicon);
    // What the alignment needs of each term, once for all pairs (it was a stop-word test and a
    // sort by name of every term of the collation for each pair).
    let term_facts = crate::engine::align::TermFacts::new(&term_names);
    let read: Vec<DocumentInfo> = run_jobs(&ranks, threads, |rank| {
        DocumentInfo::new(&prepared[rank], texts[by_rank[rank]], &table, lexicon)
    });
    cancel.check()?;
    // Copies of one text (the same statement posted twice) are compared once: a comparison
    // depends only on the two texts, and a copy's reading is its first copy's.
    let copies = Copies::new(texts, &by_rank);
    let jobs = copies.jobs();
    // The same two sentences recur in many pairs (statements copy each other): diffed once.
    let ops_cache = crate::engine::word_diff::OpsCache::default();
    let compared = run_jobs(&jobs, threads, |(left, right)| {
        let pair = crate::engine::PreparedPair {
            left: &prepared[left],
            right: &prepared[right],
            term_names: &term_names,
            term_facts: &term_facts,
            links: ReadPair {
                table: &table,
                left: &read[left],
                right: &read[right],
            },
            // Only the links (their kinds and scores) and counts are kept.
            details: false,
            ops_cache: Some(&ops_cache),
        };
        let comparison = crate::engine::compare_prepared(
            texts[by_rank[left]],
            texts[by_rank[right]],
            pair,
            options,
            equivalences,
            cancel,
        )
        .ok()?;
        Some(PairResult::new(left, right, comparison))
    });
    let results = copies.every_pair(&jobs, compared);
    if cancel.is_cancelled() {
        return Err(Cancelled);
    }
    Ok(Ranked {
        sentences: reads.iter().map(|read| read.sentences().to_vec()).collect(),
        results,
        by_rank,
        rank_of,
    })
}

/// Which ranks hold the same text: identical texts rank next to each other (the canonical
/// order sorts by content), so each rank's first copy is the first rank of its run.
struct Copies {
    /// Rank → the first rank with the same text.
    first: Vec<usize>,
}

impl Copies {
    fn new(texts: &[&str], by_rank: &[usize]) -> Self {
        let mut first: Vec<usize> = (0..by_rank.len()).collect();
        for rank in 1..by_rank.len() {
            if texts[by_rank[rank]] == texts[by_rank[rank - 1]] {
                first[rank] = first[rank - 1];
            }
        }
        Self { first }
    }

    /// The comparisons to make: every pair of first copies, and for a text given more than
    /// once, its first two copies (what any two of its copies compare as).
    fn jobs(&self) -> Vec<(usize, usize)> {
        let n = self.first.len();
        (0..n)
            .flat_map(|left| (left + 1..n).map(move |right| (left, right)))
            .filter(|&(left, right)| {
                let (a, b) = (self.first[left], self.first[right]);
                if a == b {
                    left == a && right == a + 1
                } else {
                    left == a && right == b
                }
            })
            .collect()
    }

    /// Every pair's result, in the order of ranks (left, then right), each the comparison made
    /// for its two texts' first copies (`compared`, in the order of `jobs`; `None` where a
    /// comparison was cancelled, which leaves its pairs out).
    fn every_pair(
        &self,
        jobs: &[(usize, usize)],
        compared: Vec<Option<PairResult>>,
    ) -> Vec<PairResult> {
        let n = self.first.len();
        let made: rustc_hash::FxHashMap<(usize, usize), PairResult> = jobs
            .iter()
            .zip(compared)
            .filter_map(|(&(left, right), result)| {
                Some(((self.first[left], self.first[right]), result?))
            })
            .collect();
        (0..n)
            .flat_map(|left| (left + 1..n).map(move |right| (left, right)))
            .filter_map(|(left, right)| {
                let made = made.get(&(self.first[left], self.first[right]))?;
                Some(PairResult {
                    left,
                    right,
                    ..made.clone()
                })
            })
            .collect()
    }
}

/// Runs `work` on every one of `jobs`, on up to `threads` threads, and returns the results in
/// the order of `jobs`.
fn run_jobs<J, T, F>(jobs: &[J], threads: usize, work: F) -> Vec<T>
where
    J: Copy + Sync,
    T: Send,
    F: Fn(J) -> T + Sync,
{
    let threads = threads.min(jobs.len()).max(1);
    if threads == 1 {
        return jobs.iter().map(|&job| work(job)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, T)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&job) = jobs.get(i) else {
                            break;
                        };
                        mine.push((i, work(job)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(mine) => mine,
                // A panic in a comparison is a bug: pass it on to the caller's handler.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}
