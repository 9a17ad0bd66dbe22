//! Collation: three or more statements at once, with no base text.
//!
//! Every unordered pair of documents is compared with the two-text engine ([`super::compare`]),
//! and the sentences of all documents are grouped into *points* by their pairwise links: the
//! same sentence copied, the same statement in other words, or the same specific topic.
//!
//! Invariants:
//! - **Lossless**: the sentences of each document partition its text (as for two texts), and
//!   every sentence of every document is in exactly one point; a sentence no other document
//!   speaks to is a point of its own ([`PointKind::Single`]).
//! - **Order-free**: the set of points does not depend on the order the documents are given in.
//!   Each pair is compared in a canonical order that depends only on the two texts (shorter
//!   first, then by content), and the clustering runs over documents ranked the same way, so
//!   every tie is broken by content, never by a document's position. Only the reading order
//!   ([`Collation::reading_order`]) depends on which document is the pivot.
//! - **Deterministic** for the same texts and options (as [`super::compare`] is).
//!
//! Clustering, strongest links first (identical, then equivalent, then related, each by score;
//! ties by the sentences' places in the ranked documents): a link joins the points of its two
//! sentences unless
//! - the joined point would hold more than [`MAX_PER_DOCUMENT`] sentences of one document;
//! - too few of the pairs of sentences across documents, one in each of the two points, are
//!   themselves linked: at least [`EQUIVALENT_COHESION`] of them for an equivalent link,
//!   [`RELATED_COHESION`] for a related one (an identical link always joins). Copies of one
//!   sentence (joined by identical links) count as one sentence here, so that a news report's
//!   verbatim copy of a statement's sentence does not count against the join for lacking links
//!   of its own. This is what keeps a point from snowballing through weak related links (A
//!   related to B, B related to C, C related to D) into sentences that have nothing to do with
//!   each other: C joins A and B (linked to one of the two), D does not join the three.
//!
//! The point's kind is the weakest link that joined it; a point of one sentence is `single`.
//!
//! Cost: the pairwise comparisons dominate (N(N-1)/2 of them; on long texts they run on
//! several threads, each document read once for all its pairs); each keeps only its links and
//! counts, not its rows and word diffs. Clustering is O(links × log links) plus a bounded check per join (a point holds at
//! most [`MAX_PER_DOCUMENT`] × N sentences).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Serialize;

use super::segment::{self, Sentence, Span};
use super::{Comparison, Equivalences, Link, LinkKind, Options, is_stop_word};

/// Most sentences of one document in one point: a statement said once, quoted once and
/// paraphrased once (as a news report does with an embassy's post) fits; more is a chain.
pub const MAX_PER_DOCUMENT: usize = 3;

/// Least share of the sentence pairs across documents between two points that must be linked
/// for an equivalent link to join them.
pub const EQUIVALENT_COHESION: f32 = 0.34;

/// Least share of the sentence pairs across documents between two points that must be linked
/// for a related link to join them.
pub const RELATED_COHESION: f32 = 0.5;

/// Texts of at least this many bytes in all are compared pair by pair on several threads (as
/// many as there are cores); smaller ones, statements, on the calling thread, where a spawned
/// thread would cost more than it saves.
const PARALLEL_BYTES: usize = 128 * 1024;

/// How the sentences of a point relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    /// Every sentence of the point is the same sentence (under the options).
    Identical,
    /// Joined by identical or equivalent links: the same fact or statement, in other words in
    /// some documents.
    Equivalent,
    /// At least one of the links that joined it is related: the same topic, event or person,
    /// saying different things.
    Related,
    /// Only one document has it.
    Single,
}

impl PointKind {
    /// "identical", "equivalent", "related" or "single".
    pub fn name(self) -> &'static str {
        match self {
            Self::Identical => "identical",
            Self::Equivalent => "equivalent",
            Self::Related => "related",
            Self::Single => "single",
        }
    }

    fn of_link(kind: LinkKind) -> Self {
        match kind {
            LinkKind::Identical => Self::Identical,
            LinkKind::Equivalent => Self::Equivalent,
            LinkKind::Related => Self::Related,
        }
    }
}

/// One point: sentences of several documents (or one) that say, or speak of, the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Point {
    /// Per document (in the order given), the indexes of its sentences in this point, sorted;
    /// empty for a document that lacks the point.
    pub sentences: Vec<Vec<usize>>,
    /// How the sentences relate.
    pub kind: PointKind,
}

impl Point {
    /// How many documents have a sentence in this point.
    pub fn documents(&self) -> usize {
        self.sentences.iter().filter(|s| !s.is_empty()).count()
    }

    /// Whether `document` has a sentence in this point.
    pub fn has(&self, document: usize) -> bool {
        self.sentences.get(document).is_some_and(|s| !s.is_empty())
    }
}

/// The two-text links between two documents, `left` < `right` in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct PairLinks {
    /// The document whose sentences are the links' `left`.
    pub left: usize,
    /// The document whose sentences are the links' `right`.
    pub right: usize,
    /// The pair's word similarity (`Stats::similarity` of the two-text comparison).
    pub word_similarity: f32,
    /// Every link between the two documents' sentences, sorted by left then right sentence.
    /// A link's `shared` terms are written as whichever of the two documents was compared on
    /// the left in the canonical order; its spans are each in their own document.
    pub links: Vec<Link>,
}

/// How many documents of a point share a word of one of its sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Share {
    /// Every document of the point has the word.
    All,
    /// Some of the point's documents have it, not all.
    Some,
    /// Only this sentence's document has it.
    Alone,
    /// A function word or punctuation: not counted.
    Function,
}

/// A word of a sentence and how many documents of its point have it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordShare {
    /// Where the word is in its document's text.
    pub span: Span,
    /// How many documents of the point (its own included) have the word; 0 for a function word
    /// or punctuation, which are not counted.
    pub documents: usize,
}

impl WordShare {
    /// The word's share among the `of` documents of its point.
    pub fn share(&self, of: usize) -> Share {
        match self.documents {
            0 => Share::Function,
            n if n >= of => Share::All,
            1 => Share::Alone,
            _ => Share::Some,
        }
    }
}

/// The words of one sentence of a point, in text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceWords {
    /// The document.
    pub document: usize,
    /// The sentence's index in it.
    pub sentence: usize,
    /// Its words and punctuation, in order.
    pub words: Vec<WordShare>,
}

/// The result of collating several texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Collation {
    /// The options used.
    pub options: Options,
    /// Per document (in the order given), its sentences; they partition its text.
    pub sentences: Vec<Vec<Sentence>>,
    /// The points, in the reading order of document 0 ([`Collation::reading_order`]`(0)` is
    /// `0..points.len()`).
    pub points: Vec<Point>,
    /// Document × document, 0..=1, symmetric, 1 on the diagonal: the share of the two
    /// documents' sentences that have a counterpart (any link) in the other.
    pub similarity: Vec<Vec<f32>>,
    /// The links of every pair of documents, by left then right document.
    pub pairs: Vec<PairLinks>,
    /// Per document, the point of each sentence.
    point_of: Vec<Vec<usize>>,
}

impl Collation {
    /// How many documents were collated.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// Whether no document was given.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The point holding sentence `sentence` of document `document`.
    pub fn point_of(&self, document: usize, sentence: usize) -> Option<usize> {
        self.point_of.get(document)?.get(sentence).copied()
    }

    /// The links between two documents (in either order), oriented as [`PairLinks`] says.
    pub fn pair(&self, first: usize, second: usize) -> Option<&PairLinks> {
        let (left, right) = (first.min(second), first.max(second));
        self.pairs
            .iter()
            .find(|p| p.left == left && p.right == right)
    }

    /// The byte span of a point's sentences in `document` (from its first sentence's start to
    /// its last's end), or `None` when the document lacks the point.
    pub fn span(&self, point: usize, document: usize) -> Option<Span> {
        let indexes = self.points.get(point)?.sentences.get(document)?;
        let sentences = self.sentences.get(document)?;
        let first = sentences.get(*indexes.first()?)?;
        let last = sentences.get(*indexes.last()?)?;
        Some(Span::new(
            first.content.start,
            last.content.end.max(first.content.start),
        ))
    }

    /// The points in the reading order of document `pivot`: the points holding its sentences
    /// in its order; then each point it lacks placed after the point holding the previous
    /// sentence of a document that has it (the first document in the order given that has such
    /// a previous sentence already placed), or, when no document has a sentence before it, at
    /// the start. A document that comes back to a point already passed (a quote of an earlier
    /// sentence) does not move its place back. An unknown pivot reads as document 0.
    pub fn reading_order(&self, pivot: usize) -> Vec<usize> {
        let n = self.points.len();
        let pivot = if pivot < self.len() { pivot } else { 0 };
        let sequence = |document: usize| self.point_of.get(document).map_or(&[][..], Vec::as_slice);
        let mut order: Vec<usize> = Vec::with_capacity(n);
        // Position of each placed point in `order`.
        let mut position: Vec<Option<usize>> = vec![None; n];
        for &point in sequence(pivot) {
            if let Some(slot) = position.get_mut(point).filter(|p| p.is_none()) {
                *slot = Some(order.len());
                order.push(point);
            }
        }
        // Passes over the other documents, placing each point after its previous sentence's
        // point where that is placed; points with no placed predecessor wait for a later pass,
        // and the last pass puts what is left at the start.
        let others: Vec<usize> = (0..self.len()).filter(|&d| d != pivot).collect();
        let mut last_pass = false;
        loop {
            let mut progress = false;
            for &document in &others {
                // Where the next point of this document goes in `order`.
                let mut cursor: Option<usize> = last_pass.then_some(0);
                for &point in sequence(document) {
                    match position.get(point).copied() {
                        Some(Some(at)) => {
                            cursor = Some(cursor.map_or(at + 1, |c| c.max(at + 1)));
                        }
                        Some(None) => {
                            if let Some(at) = cursor {
                                order.insert(at, point);
                                for (i, &p) in order.iter().enumerate().skip(at) {
                                    position[p] = Some(i);
                                }
                                cursor = Some(at + 1);
                                progress = true;
                            }
                        }
                        None => {}
                    }
                }
            }
            if last_pass {
                break;
            }
            if !progress {
                last_pass = true;
            }
        }
        order
    }

    /// For each sentence of point `point`, its words and how many of the point's documents have
    /// each (by a normalised key: case, typography and inflection folded; function words and
    /// punctuation not counted), so that a view can mark what all, some or only one document
    /// says. `texts` are the collated texts in the order given.
    pub fn point_words(&self, texts: &[&str], point: usize) -> Vec<SentenceWords> {
        let Some(point) = self.points.get(point) else {
            return Vec::new();
        };
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let mut tokens = Vec::new();
        // Per sentence: (document, sentence, [(span, key)]).
        let mut keyed: Vec<(usize, usize, Vec<KeyedWord>)> = Vec::new();
        let mut owners: HashMap<String, Vec<usize>> = HashMap::default();
        for (document, indexes) in point.sentences.iter().enumerate() {
            let (Some(text), Some(sentences)) = (texts.get(document), self.sentences.get(document))
            else {
                continue;
            };
            for &index in indexes {
                let Some(sentence) = sentences.get(index) else {
                    continue;
                };
                if sentence.content.end > text.len() {
                    continue;
                }
                tokens.clear();
                segment::tokens(text, sentence.content, &mut tokens);
                let mut words = Vec::with_capacity(tokens.len());
                for token in &tokens {
                    let key = token
                        .is_word
                        .then(|| word_key(&text[token.span.range()], &stemmer))
                        .flatten();
                    if let Some(key) = &key {
                        let list = owners.entry(key.clone()).or_default();
                        if !list.contains(&document) {
                            list.push(document);
                        }
                    }
                    words.push((token.span, key));
                }
                keyed.push((document, index, words));
            }
        }
        keyed
            .into_iter()
            .map(|(document, sentence, words)| SentenceWords {
                document,
                sentence,
                words: words
                    .into_iter()
                    .map(|(span, key)| WordShare {
                        span,
                        documents: key.and_then(|k| owners.get(&k)).map_or(0, Vec::len),
                    })
                    .collect(),
            })
            .collect()
    }
}

/// A word's span and its sharing key (`None`: not counted).
type KeyedWord = (Span, Option<String>);

/// The key a word is shared by: folded like the engine's keys, lower case, possessive dropped,
/// stemmed; `None` for a function word.
fn word_key(word: &str, stemmer: &rust_stemmers::Stemmer) -> Option<String> {
    let key = super::token_key(word, true, true)?;
    let key = &key[..key.len() - super::possessive_len(&key).min(key.len())];
    let key = key.trim_matches('\'');
    if key.is_empty() || is_stop_word(key) {
        return None;
    }
    Some(stemmer.stem(key).into_owned())
}

/// Collates texts with the built-in table of equivalent terms: see the module documentation.
pub fn collate(texts: &[&str], options: &Options) -> Collation {
    collate_with(texts, options, Equivalences::builtin_ref())
}

/// What clustering keeps of one pairwise comparison (the rows and word diffs are dropped as
/// soon as each comparison is made: they are the bulk of its memory).
struct PairResult {
    /// Ranks of the two documents (canonical order), `left` < `right`.
    left: usize,
    right: usize,
    links: Vec<Link>,
    similarity: f32,
    coverage: f32,
}

impl PairResult {
    fn new(left: usize, right: usize, comparison: Comparison) -> Self {
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

/// Collates texts with `equivalences` as the table of equivalent terms (used when
/// `options.use_equivalences` is on). On long texts the pairwise comparisons run on up to as
/// many threads as the machine has cores; the result does not depend on how many.
pub fn collate_with(texts: &[&str], options: &Options, equivalences: &Equivalences) -> Collation {
    let never = super::Cancel::new();
    match collate_cancellable(texts, options, equivalences, &never) {
        Ok(collation) => collation,
        // Nothing raises `never`.
        Err(super::Cancelled) => unreachable!("a collation nobody can cancel was cancelled"),
    }
}

/// [`collate_with`] that stops early, between and inside the pairwise comparisons, once
/// `cancel` is raised (the window cancels a collation a newer request has superseded).
pub fn collate_cancellable(
    texts: &[&str],
    options: &Options,
    equivalences: &Equivalences,
    cancel: &super::Cancel,
) -> Result<Collation, super::Cancelled> {
    let n = texts.len();
    // Canonical order: rank → document, by length then content (then position, which matters
    // only between identical texts, where it changes nothing).
    let mut by_rank: Vec<usize> = (0..n).collect();
    by_rank.sort_by(|&a, &b| (texts[a].len(), texts[a], a).cmp(&(texts[b].len(), texts[b], b)));
    let mut rank_of = vec![0; n];
    for (rank, &document) in by_rank.iter().enumerate() {
        rank_of[document] = rank;
    }
    let jobs: Vec<(usize, usize)> = (0..n)
        .flat_map(|left| (left + 1..n).map(move |right| (left, right)))
        .collect();
    let total: usize = texts.iter().map(|t| t.len()).sum();
    let threads = if total >= PARALLEL_BYTES {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    } else {
        1
    };
    // Each document is read once (sentences, tokens, keys, equivalent terms), for all its pairs.
    let matcher = options.use_equivalences.then(|| {
        super::equivalence::Matcher::new(
            equivalences,
            options.ignore_case,
            options.ignore_punctuation,
        )
    });
    let ranks: Vec<usize> = (0..n).collect();
    let reads = run_jobs(&ranks, threads, |rank| {
        super::prepare::read(texts[by_rank[rank]], options, matcher.as_ref())
    });
    cancel.check()?;
    let results = run_jobs(&jobs, threads, |(left, right)| {
        let reads = super::Reads {
            matcher: matcher.as_ref(),
            left: &reads[left],
            right: &reads[right],
        };
        let comparison = super::compare_reads(
            texts[by_rank[left]],
            texts[by_rank[right]],
            reads,
            options,
            equivalences,
            cancel,
        )
        .ok()?;
        Some(PairResult::new(left, right, comparison))
    });
    if cancel.is_cancelled() {
        return Err(super::Cancelled);
    }
    let results: Vec<PairResult> = results.into_iter().flatten().collect();

    // Sentences per rank, as each document was read.
    let ranked_sentences: Vec<Vec<Sentence>> =
        reads.iter().map(|read| read.sentences().to_vec()).collect();

    let clusters = cluster(&ranked_sentences, &results);

    // Back to the order given.
    let sentences: Vec<Vec<Sentence>> = (0..n)
        .map(|document| ranked_sentences[rank_of[document]].clone())
        .collect();
    let mut points: Vec<Point> = clusters
        .into_iter()
        .map(|(members, kind)| {
            let mut per_document = vec![Vec::new(); n];
            for (rank, sentence) in members {
                per_document[by_rank[rank]].push(sentence);
            }
            for list in &mut per_document {
                list.sort_unstable();
            }
            Point {
                sentences: per_document,
                kind,
            }
        })
        .collect();
    let mut similarity = vec![vec![1.0; n]; n];
    let mut pairs = Vec::with_capacity(results.len());
    for result in results {
        let (a, b) = (by_rank[result.left], by_rank[result.right]);
        similarity[a][b] = result.coverage;
        similarity[b][a] = result.coverage;
        let mut links = result.links;
        if a > b {
            for link in &mut links {
                std::mem::swap(&mut link.left, &mut link.right);
                std::mem::swap(&mut link.left_spans, &mut link.right_spans);
            }
            links.sort_by_key(|l| (l.left, l.right));
        }
        pairs.push(PairLinks {
            left: a.min(b),
            right: a.max(b),
            word_similarity: result.similarity,
            links,
        });
    }
    pairs.sort_by_key(|p| (p.left, p.right));

    let mut collation = Collation {
        options: *options,
        point_of: point_index(&sentences, &points),
        sentences,
        points: Vec::new(),
        similarity,
        pairs,
    };
    // Store the points in document 0's reading order.
    collation.points = std::mem::take(&mut points);
    let order = collation.reading_order(0);
    let mut slots: Vec<Option<Point>> = collation.points.drain(..).map(Some).collect();
    collation.points = order
        .iter()
        .filter_map(|&i| slots.get_mut(i).and_then(Option::take))
        .collect();
    collation.point_of = point_index(&collation.sentences, &collation.points);
    Ok(collation)
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

/// Per document, the point of each sentence.
fn point_index(sentences: &[Vec<Sentence>], points: &[Point]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = sentences.iter().map(|s| vec![0; s.len()]).collect();
    for (p, point) in points.iter().enumerate() {
        for (document, indexes) in point.sentences.iter().enumerate() {
            for &s in indexes {
                if let Some(slot) = out.get_mut(document).and_then(|d| d.get_mut(s)) {
                    *slot = p;
                }
            }
        }
    }
    out
}

/// The share of the pairs of units (copies of one sentence), one in each point, that are linked
/// (some sentence of one linked to some sentence of the other), among the pairs that have
/// sentences in different documents; 1 when there are none.
fn cohesion(
    first: &[u32],
    second: &[u32],
    unit_of: &[u32],
    document_of: &[u32],
    linked: &HashSet<(u32, u32)>,
) -> f32 {
    // (unit in first, unit in second) → whether linked; only pairs across documents.
    let mut pairs: Vec<((u32, u32), bool)> = Vec::new();
    for &x in first {
        for &y in second {
            if document_of[x as usize] == document_of[y as usize] {
                continue;
            }
            let key = (unit_of[x as usize], unit_of[y as usize]);
            let link = linked.contains(&(x.min(y), x.max(y)));
            match pairs.iter_mut().find(|(k, _)| *k == key) {
                Some((_, l)) => *l |= link,
                None => pairs.push((key, link)),
            }
        }
    }
    if pairs.is_empty() {
        return 1.0;
    }
    pairs.iter().filter(|(_, l)| *l).count() as f32 / pairs.len() as f32
}

/// One link of the graph, between two sentences of documents in canonical rank.
#[derive(Debug, Clone, Copy)]
struct Edge {
    from: u32,
    to: u32,
    kind: LinkKind,
    score: f32,
}

/// Groups the sentences of the ranked documents into points: (members as (rank, sentence),
/// kind), members sorted. See the module documentation for the rule.
fn cluster(
    sentences: &[Vec<Sentence>],
    pairs: &[PairResult],
) -> Vec<(Vec<(usize, usize)>, PointKind)> {
    // Nodes: every sentence of every ranked document, numbered rank by rank.
    let mut offsets = Vec::with_capacity(sentences.len() + 1);
    let mut total = 0usize;
    for s in sentences {
        offsets.push(total);
        total += s.len();
    }
    offsets.push(total);
    let mut document_of = Vec::with_capacity(total);
    for (rank, s) in sentences.iter().enumerate() {
        document_of.extend(std::iter::repeat_n(rank as u32, s.len()));
    }
    let node = |rank: usize, sentence: usize| -> Option<u32> {
        (sentence < sentences.get(rank)?.len()).then(|| (offsets[rank] + sentence) as u32)
    };

    let mut edges: Vec<Edge> = Vec::new();
    let mut linked: HashSet<(u32, u32)> = HashSet::default();
    for pair in pairs {
        for link in &pair.links {
            let (Some(from), Some(to)) = (node(pair.left, link.left), node(pair.right, link.right))
            else {
                continue;
            };
            let score = if link.kind == LinkKind::Identical {
                1.0
            } else {
                link.score
            };
            edges.push(Edge {
                from,
                to,
                kind: link.kind,
                score,
            });
            linked.insert((from.min(to), from.max(to)));
        }
    }
    // Strongest first; ties by the sentences' places in the ranked documents (content).
    edges.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.score.total_cmp(&a.score))
            .then((a.from, a.to).cmp(&(b.from, b.to)))
    });

    // Units: sentences joined by identical links (copies of one sentence), which count as one
    // sentence for cohesion: a copy inherits the links of what it copies.
    let mut unit_of: Vec<u32> = (0..total as u32).collect();
    for edge in edges.iter().filter(|e| e.kind == LinkKind::Identical) {
        let (a, b) = (find(&mut unit_of, edge.from), find(&mut unit_of, edge.to));
        if a != b {
            unit_of[a.max(b) as usize] = a.min(b);
        }
    }
    for x in 0..total as u32 {
        let root = find(&mut unit_of, x);
        unit_of[x as usize] = root;
    }

    let mut parent: Vec<u32> = (0..total as u32).collect();
    let mut members: Vec<Vec<u32>> = (0..total as u32).map(|i| vec![i]).collect();
    let mut kinds: Vec<Option<LinkKind>> = vec![None; total];
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let up = parent[parent[x as usize] as usize];
            parent[x as usize] = up;
            x = up;
        }
        x
    }
    let mut counts = vec![0usize; sentences.len()];
    for edge in &edges {
        let (a, b) = (find(&mut parent, edge.from), find(&mut parent, edge.to));
        if a == b {
            continue;
        }
        let (ma, mb) = (&members[a as usize], &members[b as usize]);
        // The cap per document.
        counts.iter_mut().for_each(|c| *c = 0);
        let mut over = false;
        for &m in ma.iter().chain(mb) {
            let c = &mut counts[document_of[m as usize] as usize];
            *c += 1;
            over |= *c > MAX_PER_DOCUMENT;
        }
        if over {
            continue;
        }
        // Cohesion: the share of cross-document pairs between the two points that are linked.
        let need = match edge.kind {
            LinkKind::Identical => 0.0,
            LinkKind::Equivalent => EQUIVALENT_COHESION,
            LinkKind::Related => RELATED_COHESION,
        };
        if need > 0.0 && cohesion(ma, mb, &unit_of, &document_of, &linked) < need {
            continue;
        }
        // Join the smaller into the larger.
        let (keep, gone) = if ma.len() >= mb.len() { (a, b) } else { (b, a) };
        let moved = std::mem::take(&mut members[gone as usize]);
        members[keep as usize].extend(moved);
        parent[gone as usize] = keep;
        let kind = [kinds[a as usize], kinds[b as usize], Some(edge.kind)]
            .into_iter()
            .flatten()
            .max();
        kinds[keep as usize] = kind;
    }

    let mut out = Vec::new();
    for root in 0..total {
        if parent[root] != root as u32 {
            continue;
        }
        let mut list: Vec<(usize, usize)> = members[root]
            .iter()
            .map(|&m| {
                let rank = document_of[m as usize] as usize;
                (rank, m as usize - offsets[rank])
            })
            .collect();
        list.sort_unstable();
        let kind = kinds[root].map_or(PointKind::Single, PointKind::of_link);
        out.push((list, kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(n: usize) -> Vec<Sentence> {
        (0..n)
            .map(|i| Sentence {
                span: Span::new(i, i + 1),
                content: Span::new(i, i + 1),
                ends_paragraph: false,
            })
            .collect()
    }

    fn link(left: usize, right: usize, kind: LinkKind, score: f32) -> Link {
        Link {
            left,
            right,
            kind,
            score,
            shared: Vec::new(),
            left_spans: Vec::new(),
            right_spans: Vec::new(),
            source: Default::default(),
        }
    }

    fn pair(left: usize, right: usize, links: Vec<Link>) -> PairResult {
        PairResult {
            left,
            right,
            links,
            similarity: 0.0,
            coverage: 0.0,
        }
    }

    #[test]
    fn a_chain_of_related_links_does_not_snowball() {
        // Five documents of one sentence each, each related only to the next: a–b–c–d–e.
        let docs: Vec<Vec<Sentence>> = (0..5).map(|_| sentences(1)).collect();
        let pairs: Vec<PairResult> = (0..4)
            .map(|i| {
                let score = 0.3 - 0.05 * i as f32;
                pair(i, i + 1, vec![link(0, 0, LinkKind::Related, score)])
            })
            .collect();
        let points = cluster(&docs, &pairs);
        let point_of = |rank: usize| {
            points
                .iter()
                .position(|(members, _)| members.contains(&(rank, 0)))
                .expect("every sentence has a point")
        };
        assert_eq!(point_of(0), point_of(1));
        assert_ne!(point_of(0), point_of(4), "{points:?}");
        assert!(
            points.iter().all(|(members, _)| members.len() <= 3),
            "{points:?}"
        );
        assert_eq!(points.iter().map(|(m, _)| m.len()).sum::<usize>(), 5);
    }

    #[test]
    fn a_point_holds_at_most_three_sentences_of_one_document() {
        // One sentence, copied five times by the other document.
        let docs = vec![sentences(1), sentences(5)];
        let links = (0..5)
            .map(|r| link(0, r, LinkKind::Identical, 1.0))
            .collect();
        let points = cluster(&docs, &[pair(0, 1, links)]);
        assert_eq!(points.len(), 3, "{points:?}");
        for (members, _) in &points {
            assert!(members.iter().filter(|(rank, _)| *rank == 1).count() <= MAX_PER_DOCUMENT);
        }
        let joined = points
            .iter()
            .find(|(m, _)| m.contains(&(0, 0)))
            .expect("a point");
        assert_eq!(joined.0.len(), 1 + MAX_PER_DOCUMENT);
        assert_eq!(joined.1, PointKind::Identical);
    }

    #[test]
    fn a_related_link_makes_a_related_point_and_an_unlinked_sentence_a_single() {
        let docs = vec![sentences(2), sentences(1), sentences(1)];
        let pairs = vec![
            pair(0, 1, vec![link(0, 0, LinkKind::Equivalent, 0.6)]),
            pair(0, 2, vec![link(0, 0, LinkKind::Related, 0.2)]),
            pair(1, 2, vec![link(0, 0, LinkKind::Related, 0.1)]),
        ];
        let points = cluster(&docs, &pairs);
        assert_eq!(points.len(), 2, "{points:?}");
        let kinds: Vec<PointKind> = points.iter().map(|(_, k)| *k).collect();
        assert!(kinds.contains(&PointKind::Related) && kinds.contains(&PointKind::Single));
    }

    #[test]
    fn the_reading_order_places_what_the_pivot_lacks_after_its_neighbour() {
        // Document 0: A C. Document 1: A B C. B goes between A and C for pivot 0.
        let c = collate(
            &[
                "The ministers met in Tokyo on Monday. They agreed to meet again next year.",
                "The ministers met in Tokyo on Monday. The weather in Osaka was fine and warm. \
                 They agreed to meet again next year.",
                "Unrelated text about gardening tools and lawn mowers.",
            ],
            &Options::default(),
        );
        let order = c.reading_order(0);
        let weather = c.point_of(1, 1).expect("a point");
        let first = c.point_of(0, 0).expect("a point");
        let at = |p: usize| order.iter().position(|&q| q == p).expect("placed");
        assert_eq!(at(weather), at(first) + 1, "{order:?} {:?}", c.points);
    }
}
