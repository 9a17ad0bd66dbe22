//! Counterpart links: which left and right sentences say the same thing, or speak of the same
//! thing, in other words.
//!
//! Each sentence becomes a set of *concepts*: its content words folded by the table of
//! counterparts (`assets/counterparts.txt`: "reiterated" counts as "reaffirm", "Japanese" as
//! "japan") and otherwise by their English (Snowball) stem; a run that is a form of an
//! equivalence group ("U.S.", "United States") is one concept. A concept weighs by its rarity
//! among both documents' sentences (IDF over presence, not counts); readout boilerplate
//! ("minister", "relationship", "agreed") a third of that. Two sentences score the cosine of
//! their weighted concept sets; a long sentence also scores by each of its clauses, at
//! [`CLAUSE_FACTOR`] of the clause's cosine, so that one sentence covering what several short
//! ones say links to each of them.
//!
//! A pair is linked when
//! - the two sentences are the same (after the options' normalisation): `identical`;
//! - it scores at least [`LINK`], or each sentence is the other's best counterpart and the pair
//!   scores at least [`MUTUAL`];
//! - they are the two documents' titles, or their openers (the first sentence of the body when
//!   it says who met or spoke with whom: "X spoke with Y" / "Y held a telephone talk with X").
//!
//! A heading (a line without final punctuation: title, date line, place line) links only to a
//! copy of itself or, when both are the documents' titles, to the other title. A link is
//! `equivalent` when it scores at least [`EQUIVALENT`] or joins titles or openers, `related`
//! otherwise. Each sentence keeps its [`MAX_PER_SENTENCE`] best links.
//!
//! The thresholds were chosen on real readout pairs, leave-one-pair-out (see the README's
//! section on counterparts); the table holds only vocabulary every readout uses.

mod candidates;
mod document;
mod features;
mod find;
mod lexicon;
mod model;
mod shared_terms;
mod text;

use rustc_hash::FxHashMap as HashMap;

use super::fixed;
use super::prepare::Prepared;
use super::segment::Span;

pub use document::{ConceptTable, DocumentInfo, Reader};
use document::{SentenceRead, SentenceText};
pub use features::PairFeatures;
pub use lexicon::Lexicon;
pub use model::{FEATURES, Features, Model, N_FEATURES};
pub use text::is_heading;
use text::{clause_ranges, ends_with_stop, has_past_verb, is_headline};

/// Least score for a link to be `equivalent` rather than `related`.
pub const EQUIVALENT: f32 = 0.4;
/// A clause's cosine counts this much of a whole sentence's.
pub const CLAUSE_FACTOR: f64 = 0.9;
/// The share of a short sentence's content (weighed) that a longer sentence also has counts
/// this much: a sentence quoted or paraphrased inside a longer one ("the embassy said it
/// reaffirmed its commitment to countering terrorism in all its forms with Pakistan and ...").
pub const CONTAINED: f64 = 0.6;
/// A sentence needs this many concepts for its containment in another to count.
const MIN_CONTAINED: usize = 4;
/// Most links one sentence keeps (its best).
pub const MAX_PER_SENTENCE: usize = 4;
/// Sentences with more words than this are also scored clause by clause.
const LONG_SENTENCE: usize = 25;
/// Least words of a clause scored on its own.
const MIN_CLAUSE_WORDS: usize = 4;
/// Boilerplate weighs this much of its rarity.
const GENERIC_FACTOR: f64 = 1.0 / 3.0;
/// How many of a sentence's rarest concepts look up candidates, and how many candidates of
/// each sentence are scored exactly: on a statement, about every sentence that shares a
/// concept; on a long document (more than [`LONG_DOCUMENT`] sentences on the other side),
/// fewer, which bounds the work.
const PROBE_CONCEPTS: usize = 12;
const CANDIDATES: usize = 12;
const LONG_PROBE_CONCEPTS: usize = 6;
const LONG_CANDIDATES: usize = 4;
const LONG_DOCUMENT: usize = 256;

/// The thresholds of linking, for tuning them on gold links ([`super::Comparer::params`]); the
/// product always uses [`Params::default`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// The model that decides which scored pairs are links.
    pub model: Model,
    /// Least score for an `equivalent` link.
    pub equivalent: f32,
    /// How much the share of a short sentence's content found in a longer one counts.
    pub contained: f64,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            model: Model::builtin(),
            equivalent: EQUIVALENT,
            contained: CONTAINED,
        }
    }
}

/// How two linked sentences relate.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// The same sentence (under the options).
    Identical,
    /// The same fact, action or statement in other words, possibly with more or less detail.
    Equivalent,
    /// The same specific topic, event or person, saying different things.
    Related,
}

impl LinkKind {
    /// "identical", "equivalent" or "related".
    pub fn name(self) -> &'static str {
        match self {
            Self::Identical => "identical",
            Self::Equivalent => "equivalent",
            Self::Related => "related",
        }
    }
}

/// Who decided a link: the engine found it, or the analyst drew or confirmed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkSource {
    /// Found by Parallax.
    #[default]
    Engine,
    /// Drawn or confirmed by the analyst ([`super::decisions`]).
    Analyst,
}

/// A link between a left and a right sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Link {
    /// Left sentence index.
    pub left: usize,
    /// Right sentence index.
    pub right: usize,
    /// How the two relate.
    pub kind: LinkKind,
    /// Similarity of their content, 0..=1 (1 for identical).
    pub score: f32,
    /// The content terms the link rests on, as the left sentence writes them, most telling
    /// first (empty for an identical link: all of it is shared).
    pub shared: Vec<String>,
    /// Where those terms are in the left text (byte spans, in text order; empty for an
    /// identical link). Not in the JSON, which names the terms.
    #[serde(skip)]
    pub left_spans: Vec<Span>,
    /// Where those terms are in the right text (byte spans, in text order; empty for an
    /// identical link). Not in the JSON, which names the terms.
    #[serde(skip)]
    pub right_spans: Vec<Span>,
    /// Who decided it.
    pub source: LinkSource,
}

impl Link {
    /// The engine's link of two sentences with its kind and score alone: no shared terms.
    pub fn bare(left: usize, right: usize, kind: LinkKind, score: f32) -> Self {
        Self {
            left,
            right,
            kind,
            score,
            shared: Vec::new(),
            left_spans: Vec::new(),
            right_spans: Vec::new(),
            source: LinkSource::Engine,
        }
    }
}

/// A link found before the rows are made: the two sentences, the kind and the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Left sentence index.
    pub left: usize,
    /// Right sentence index.
    pub right: usize,
    /// How the two relate.
    pub kind: LinkKind,
    /// Their score.
    pub score: f32,
}

/// Concepts of one sentence or clause (read once per document), with the norm of their
/// weights in this pair.
#[derive(Clone, Copy)]
struct Unit<'a> {
    /// Concept ids, sorted, without repeats.
    concepts: &'a [u32],
    norm: f64,
}

/// What the links need of one sentence in a pair.
struct SentenceInfo<'a> {
    whole: Unit<'a>,
    /// Its clauses: a range of the scorer's `clauses`.
    clauses: std::ops::Range<usize>,
    /// Whether it says who met or spoke with whom (a concept of the lexicon's `meeting` line).
    meeting: bool,
    /// What its text alone decides.
    text: &'a SentenceText,
}

/// Two documents as the links read them ([`DocumentInfo`]), with the concept table they were
/// read with: a collation reads each document once for all its pairs.
#[derive(Clone, Copy)]
pub struct ReadPair<'a> {
    /// The concepts of the terms of both documents (and maybe of others').
    pub table: &'a ConceptTable,
    /// The left document's sentences.
    pub left: &'a DocumentInfo,
    /// The right document's sentences.
    pub right: &'a DocumentInfo,
}

impl ReadPair<'_> {
    /// The same two documents, the other way round.
    #[must_use]
    pub fn swapped(self) -> Self {
        Self {
            left: self.right,
            right: self.left,
            ..self
        }
    }
}

/// Two documents read for their links by a comparison of two texts alone (a collation reads
/// its documents once, with one table for all).
pub struct PairRead {
    table: ConceptTable,
    left: DocumentInfo,
    right: DocumentInfo,
}

impl PairRead {
    /// Reads `left` and `right` (prepared from `left_text` and `right_text`, with the term
    /// table whose names by id are `term_names`), over the cores when `parallel`.
    pub fn new<'t>(
        (left, left_text): (&Prepared, &'t str),
        (right, right_text): (&Prepared, &'t str),
        term_names: &[String],
        lexicon: &Lexicon,
        parallel: bool,
    ) -> Self {
        let table = ConceptTable::new([left, right], term_names, lexicon);
        // One reader for both: the right text copies many of the left one's sentences.
        let mut reader = Reader::new(&table, lexicon);
        let left = reader.read_on(left, left_text, parallel);
        let right = reader.read_on(right, right_text, parallel);
        drop(reader);
        Self { table, left, right }
    }

    /// Both documents, borrowed.
    pub fn pair(&self) -> ReadPair<'_> {
        ReadPair {
            table: &self.table,
            left: &self.left,
            right: &self.right,
        }
    }
}

/// Scores sentence pairs of two prepared documents and finds their links.
pub struct Scorer<'a> {
    left: &'a Prepared,
    right: &'a Prepared,
    left_text: &'a str,
    right_text: &'a str,
    /// The concepts of the terms.
    table: &'a ConceptTable,
    /// Per concept, its weight squared (what a cosine sums), a multiple of 2^-20 (0 for a
    /// concept neither document has).
    weight: Vec<f64>,
    /// Per concept, its rank in name order: a tie-break that does not depend on which text
    /// came first.
    rank: &'a [u32],
    left_info: Vec<SentenceInfo<'a>>,
    right_info: Vec<SentenceInfo<'a>>,
    /// The clauses of both sides' long sentences.
    clauses: Vec<Unit<'a>>,
    /// Per concept, in how many sentences of both sides it is.
    df: Vec<u32>,
    /// Per concept, whether it is boilerplate.
    generic: &'a [bool],
    /// The roles whose sentences link whatever their words (a bit per role).
    linking_roles: u8,
}

impl<'a> Scorer<'a> {
    /// Weighs the concepts of two documents, as `read` read them, by their rarity among the
    /// two documents' sentences. `ids` are the sentences' whole keys: a sentence with the keys
    /// of one met before (left first, then right) takes that one's concepts.
    pub fn new(
        (left, left_text): (&'a Prepared, &'a str),
        (right, right_text): (&'a Prepared, &'a str),
        read: ReadPair<'a>,
        ids: (&[u32], &[u32]),
        lexicon: &Lexicon,
    ) -> Self {
        let table = read.table;
        let mut clauses: Vec<Unit<'a>> = Vec::new();
        let (mut left_info, mut right_info) = sentence_infos(read, ids, &mut clauses);
        let (df, weight) = concept_weights(table, &left_info, &right_info);
        let wholes = left_info.iter_mut().chain(right_info.iter_mut());
        for unit in wholes.map(|info| &mut info.whole).chain(clauses.iter_mut()) {
            unit.norm = unit
                .concepts
                .iter()
                .map(|&c| weight.get(c as usize).copied().unwrap_or(0.0))
                .sum::<f64>()
                .sqrt();
        }
        Self {
            left,
            right,
            left_text,
            right_text,
            table,
            weight,
            rank: &table.rank,
            left_info,
            right_info,
            clauses,
            df,
            generic: &table.generic,
            linking_roles: lexicon.linking_roles,
        }
    }

    fn concepts(&self, term: u32) -> &[u32] {
        self.table.concepts(term)
    }

    /// The clauses of a sentence.
    fn clauses(&self, info: &SentenceInfo<'_>) -> &[Unit<'a>] {
        self.clauses.get(info.clauses.clone()).unwrap_or(&[])
    }

    /// Which sentences of each side are headings ([`is_heading`], and the title).
    pub fn headings(&self) -> (Vec<bool>, Vec<bool>) {
        // A document's title is a heading however it reads ("NATO Secretary General: no
        // partner is closer than Japan").
        let side = |infos: &[SentenceInfo<'_>], text: &str, prepared: &Prepared| {
            let title = Self::title(infos, text, prepared);
            infos
                .iter()
                .enumerate()
                .map(|(i, info)| info.text.heading || title == Some(i))
                .collect()
        };
        (
            side(&self.left_info, self.left_text, self.left),
            side(&self.right_info, self.right_text, self.right),
        )
    }

    fn cosine(&self, left: &Unit<'_>, right: &Unit<'_>) -> f64 {
        self.cosine_shared(left, right).0
    }

    /// The cosine of two units and the weight (squared) of what they share.
    fn cosine_shared(&self, left: &Unit<'_>, right: &Unit<'_>) -> (f64, f64) {
        if left.norm <= 0.0 || right.norm <= 0.0 {
            return (0.0, 0.0);
        }
        let (mut i, mut j, mut shared) = (0, 0, 0.0);
        while i < left.concepts.len() && j < right.concepts.len() {
            match left.concepts[i].cmp(&right.concepts[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.weight[left.concepts[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        (shared / (left.norm * right.norm), shared)
    }

    /// Similarity of left sentence `l` and right sentence `r`, 0..=1: the cosine of their
    /// concepts, or of a clause of one against the other, whichever is higher.
    pub fn score(&self, l: usize, r: usize) -> f32 {
        self.score_with(l, r, CONTAINED)
    }

    fn score_with(&self, l: usize, r: usize, contained: f64) -> f32 {
        let (Some(left), Some(right)) = (self.left_info.get(l), self.right_info.get(r)) else {
            return 0.0;
        };
        let (cosine, shared) = self.cosine_shared(&left.whole, &right.whole);
        let mut best = cosine;
        let shorter = if left.whole.norm <= right.whole.norm {
            &left.whole
        } else {
            &right.whole
        };
        if shorter.concepts.len() >= MIN_CONTAINED && shorter.norm > 0.0 {
            best = best.max(contained * shared / (shorter.norm * shorter.norm));
        }
        for clause in self.clauses(left) {
            best = best.max(CLAUSE_FACTOR * self.cosine(clause, &right.whole));
        }
        for clause in self.clauses(right) {
            best = best.max(CLAUSE_FACTOR * self.cosine(&left.whole, clause));
        }
        best.clamp(0.0, 1.0) as f32
    }

    /// Index of the document's title: its first sentence, when that is a heading of three
    /// words or more that is not a date line.
    fn title(infos: &[SentenceInfo<'_>], text: &str, side: &Prepared) -> Option<usize> {
        let first = infos.first()?;
        let content = first_content(text, side);
        let words: Vec<&str> = content.split_whitespace().collect();
        let date_like = content.chars().any(|c| c.is_ascii_digit()) && words.len() <= 6;
        let more = infos.len() > 1;
        (!first.text.stopped
            && !first.text.introduces
            && more
            && (3..=24).contains(&words.len())
            && !date_like
            && (first.text.heading || !has_past_verb(&words)))
        .then_some(0)
    }

    /// Whether the document's first sentence is worded as a headline ([`is_headline`]).
    fn headline(text: &str, side: &Prepared) -> bool {
        is_headline(
            &first_content(text, side)
                .split_whitespace()
                .collect::<Vec<_>>(),
        )
    }

    /// Index of the document's opener: the first sentence of the body (after the title, date
    /// or place lines and a line that introduces a quote, "A spokesperson said:", among the
    /// first four) when it says who met or spoke with whom.
    fn opener(infos: &[SentenceInfo<'_>], start: usize) -> Option<usize> {
        for (i, info) in infos.iter().enumerate().skip(start).take(4) {
            if info.text.heading || info.text.introduces {
                continue;
            }
            return info.meeting.then_some(i);
        }
        None
    }
}

/// The content of a document's first sentence ("" for none).
fn first_content<'t>(text: &'t str, side: &Prepared) -> &'t str {
    side.sentences
        .first()
        .and_then(|s| text.get(s.content.range()))
        .unwrap_or("")
}

/// What the links need of each sentence of both documents (norms not yet weighed), and the
/// clauses of their long sentences in `clauses`. A sentence with the whole key (`ids`) of one
/// met before (left first, then right) takes that one's concepts.
fn sentence_infos<'a>(
    read: ReadPair<'a>,
    ids: (&[u32], &[u32]),
    clauses: &mut Vec<Unit<'a>>,
) -> (Vec<SentenceInfo<'a>>, Vec<SentenceInfo<'a>>) {
    let ids_len = ids
        .0
        .iter()
        .chain(ids.1)
        .max()
        .map_or(0, |&id| id as usize + 1);
    let mut first: Vec<Option<&'a SentenceRead>> = vec![None; ids_len];
    let mut infos = |document: &'a DocumentInfo, ids: &[u32]| -> Vec<SentenceInfo<'a>> {
        document
            .sentences
            .iter()
            .enumerate()
            .map(|(i, own)| {
                let own: &'a SentenceRead = own;
                let source = match ids.get(i).and_then(|&id| first.get_mut(id as usize)) {
                    Some(slot) => *slot.get_or_insert(own),
                    None => own,
                };
                let start = clauses.len();
                clauses.extend(source.clauses.iter().map(|c| Unit {
                    concepts: c,
                    norm: 0.0,
                }));
                SentenceInfo {
                    whole: Unit {
                        concepts: &source.whole,
                        norm: 0.0,
                    },
                    clauses: start..clauses.len(),
                    meeting: source.meeting,
                    text: &own.text,
                }
            })
            .collect()
    };
    let left = infos(read.left, ids.0);
    let right = infos(read.right, ids.1);
    (left, right)
}

/// Per concept of `table`, in how many sentences of the two sides it is (presence IDF), and
/// its weight squared, a multiple of 2^-20 (0 for a concept neither side has).
fn concept_weights(
    table: &ConceptTable,
    left_info: &[SentenceInfo<'_>],
    right_info: &[SentenceInfo<'_>],
) -> (Vec<u32>, Vec<f64>) {
    let mut df = vec![0u32; table.len()];
    let mut present: Vec<u32> = Vec::new();
    for info in left_info.iter().chain(right_info) {
        for &c in info.whole.concepts {
            if let Some(d) = df.get_mut(c as usize) {
                if *d == 0 {
                    present.push(c);
                }
                *d += 1;
            }
        }
    }
    let n = (left_info.len() + right_info.len()) as f64;
    // Squared weights are kept as multiples of 2^-20, so every sum of them is exact and the
    // same whichever text is on the left (concept ids follow which text came first). A
    // weight depends only on the df and whether the concept is boilerplate: each is
    // computed once.
    let mut by_df: HashMap<(u32, bool), f64> = HashMap::default();
    let mut weight = vec![0.0f64; table.len()];
    for &c in &present {
        let c = c as usize;
        let (Some(&d), Some(&g)) = (df.get(c), table.generic.get(c)) else {
            continue;
        };
        weight[c] = *by_df.entry((d, g)).or_insert_with(|| {
            let w = ((n + 1.0) / f64::from(d.max(1))).ln();
            let w = if g { w * GENERIC_FACTOR } else { w };
            fixed::round(w * w)
        });
    }
    (df, weight)
}

/// The order links are taken in: identical, then equivalent, then related; higher scores
/// first; then [`tie_break`].
pub fn order_key(
    c: &Candidate,
    n_left: usize,
    n_right: usize,
) -> (LinkKind, u32, (u64, usize, usize, usize)) {
    // Scores are in 0..=1, where the bits of an `f32` order as the numbers do.
    (
        c.kind,
        u32::MAX - c.score.max(0.0).to_bits(),
        tie_break(c, n_left, n_right),
    )
}

/// An order between links of equal kind and score that is the same whichever text is on the
/// left: nearer in relative position first, then earlier.
pub fn tie_break(c: &Candidate, n_left: usize, n_right: usize) -> (u64, usize, usize, usize) {
    let at = |i: usize, n: usize| i as f64 / n.max(1) as f64;
    let distance = (at(c.left, n_left) - at(c.right, n_right)).abs();
    (
        fixed::steps(distance),
        c.left + c.right,
        c.left.min(c.right),
        c.left.max(c.right),
    )
}
