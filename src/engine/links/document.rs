//! What the links read of each document alone, once for all the pairs it is in: the concepts of
//! the terms (one [`ConceptTable`] for every document compared, as they share one term table)
//! and, per sentence, its concepts (whole and by clause), names, bigrams, roles and shape
//! ([`DocumentInfo`]). A pair then only weighs the concepts by their rarity among its two
//! documents' sentences ([`Scorer::new`]). A collation of N documents reads each once, not
//! N - 1 times.
//!
//! Invariants: nothing read here depends on the pair a document is in, nor on the other
//! documents but through concept ids; and no result depends on the ids' numbers (first met,
//! first numbered): weights are multiples of 2^-20 summed exactly, sets of ids are compared as
//! sets, and ties are broken by [`ConceptTable`]'s rank in name order.

use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{LONG_SENTENCE, Lexicon, MIN_CLAUSE_WORDS, clause_ranges, ends_with_stop, is_heading};
use crate::engine::parallel;
use crate::engine::prepare::Prepared;

/// The concepts of every term of a set of documents prepared with one term table, numbered in
/// the order first met.
pub struct ConceptTable {
    /// Per term id, its concepts (a range into `pool`).
    term_concepts: Vec<(u32, u32)>,
    pool: Vec<u32>,
    /// Per concept, its rank in name order: a tie-break that does not depend on which text
    /// came first.
    pub(super) rank: Vec<u32>,
    /// Per concept, whether it is boilerplate.
    pub(super) generic: Vec<bool>,
    /// Per concept, whether it says who met or spoke with whom (the lexicon's `meeting` line).
    meeting: Vec<bool>,
}

impl ConceptTable {
    /// The concepts of the terms of `documents` (prepared with the term table whose names by id
    /// are `term_names`), by `lexicon`.
    pub fn new<'d>(
        documents: impl IntoIterator<Item = &'d Prepared>,
        term_names: &[String],
        lexicon: &Lexicon,
    ) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut concept_ids: HashMap<String, u32> = HashMap::default();
        let mut concept_names: Vec<String> = Vec::new();
        let mut term_concepts = vec![(0u32, 0u32); term_names.len()];
        let mut done = vec![false; term_names.len()];
        let mut pool: Vec<u32> = Vec::new();
        let mut found: Vec<String> = Vec::new();
        for side in documents {
            for sentence in &side.link_terms {
                for &(_, _, term) in sentence {
                    let t = term as usize;
                    let (Some(name), Some(false)) = (term_names.get(t), done.get(t).copied())
                    else {
                        continue;
                    };
                    done[t] = true;
                    found.clear();
                    lexicon.concepts(name, &stemmer, &mut found);
                    let start = pool.len() as u32;
                    for name in found.drain(..) {
                        let next = concept_names.len() as u32;
                        let id = *concept_ids.entry(name.clone()).or_insert_with(|| {
                            concept_names.push(name);
                            next
                        });
                        pool.push(id);
                    }
                    term_concepts[t] = (start, pool.len() as u32);
                }
            }
        }
        let mut by_name: Vec<usize> = (0..concept_names.len()).collect();
        by_name.sort_unstable_by(|&a, &b| concept_names[a].cmp(&concept_names[b]));
        let mut rank = vec![0u32; concept_names.len()];
        for (r, &c) in by_name.iter().enumerate() {
            rank[c] = r as u32;
        }
        Self {
            term_concepts,
            pool,
            rank,
            generic: concept_names
                .iter()
                .map(|c| lexicon.is_generic(c))
                .collect(),
            meeting: concept_names
                .iter()
                .map(|c| lexicon.meeting.contains(c.as_str()))
                .collect(),
        }
    }

    /// How many concepts there are (ids are below it).
    pub(super) fn len(&self) -> usize {
        self.rank.len()
    }

    /// The concepts of a term (none for a term no document had).
    pub(super) fn concepts(&self, term: u32) -> &[u32] {
        match self.term_concepts.get(term as usize) {
            Some(&(start, end)) => self.pool.get(start as usize..end as usize).unwrap_or(&[]),
            None => &[],
        }
    }

    /// Whether a concept is boilerplate (an unknown id counts as boilerplate).
    fn is_generic(&self, concept: u32) -> bool {
        self.generic.get(concept as usize).copied().unwrap_or(true)
    }
}

/// What a sentence's text alone decides for the links.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct SentenceText {
    /// Whether it is a heading ([`is_heading`]).
    pub(super) heading: bool,
    /// Whether the sentence ends with a full stop (or `!`, `?`, ...).
    pub(super) stopped: bool,
    /// Whether it ends with a colon (it introduces what follows: "A spokesperson said:").
    pub(super) introduces: bool,
    /// Its words.
    pub(super) words: usize,
    /// Its length in bytes.
    pub(super) length: usize,
    /// The roles it plays, a bit per role of the lexicon.
    pub(super) roles: u8,
    /// Its concepts written as names (capitalised inside the sentence, or an equivalence
    /// group), boilerplate left out; sorted.
    pub(super) names: Vec<u32>,
    /// Its pairs of neighbouring content concepts (boilerplate left out), in either order,
    /// as `(smaller << 32) | larger`; sorted.
    pub(super) bigrams: Vec<u64>,
}

/// What the links need of one sentence, read from its document alone.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct SentenceRead {
    /// Its concepts: ids, sorted, without repeats.
    pub(super) whole: Vec<u32>,
    /// Those of each of its clauses (a long sentence's; none for a short one).
    pub(super) clauses: Vec<Vec<u32>>,
    /// Whether it says who met or spoke with whom (a concept of the lexicon's `meeting` line).
    pub(super) meeting: bool,
    /// What its text alone decides.
    pub(super) text: SentenceText,
}

/// One document's sentences as the links read them, the same for every pair it is in.
pub struct DocumentInfo {
    /// Shared with the other sentences of the same text (in this document or another one the
    /// reader read): a long document repeats its boilerplate.
    pub(super) sentences: Vec<Arc<SentenceRead>>,
}

impl DocumentInfo {
    /// Reads the sentences of `side` (prepared from `text`) with the concepts of `table`.
    pub fn new(side: &Prepared, text: &str, table: &ConceptTable, lexicon: &Lexicon) -> Self {
        Reader::new(table, lexicon).read(side, text)
    }
}

/// Reads documents' sentences with one concept table, each distinct sentence text once: a long
/// document repeats its boilerplate, and the other text of a pair copies most of it. (What is
/// read of a sentence depends on its text alone.)
pub struct Reader<'t> {
    table: &'t ConceptTable,
    lexicon: &'t Lexicon,
    known: HashMap<&'t str, Arc<SentenceRead>>,
}

impl<'t> Reader<'t> {
    /// A reader with the concepts of `table`.
    pub fn new(table: &'t ConceptTable, lexicon: &'t Lexicon) -> Self {
        Self {
            table,
            lexicon,
            known: HashMap::default(),
        }
    }

    /// Reads the sentences of `side` (prepared from `text`).
    pub fn read(&mut self, side: &Prepared, text: &'t str) -> DocumentInfo {
        self.read_on(side, text, false)
    }

    /// [`Reader::read`], the sentences new to the reader read over the cores when `parallel`
    /// (each is read once, as one after the other: the same result).
    pub fn read_on(&mut self, side: &Prepared, text: &'t str, parallel: bool) -> DocumentInfo {
        let content = |s: usize| {
            side.sentences
                .get(s)
                .and_then(|sentence| text.get(sentence.content.range()))
                .unwrap_or("")
        };
        // The sentences whose text the reader has not read yet, each text once, in order.
        let mut seen: HashSet<&str> = HashSet::default();
        let new: Vec<usize> = (0..side.sentences.len())
            .filter(|&s| !self.known.contains_key(content(s)) && seen.insert(content(s)))
            .collect();
        drop(seen);
        let (table, lexicon) = (self.table, self.lexicon);
        let read = |s: usize| Arc::new(read_sentence(table, lexicon, side, text, s));
        let reads = parallel::map(&new, parallel, |&s| read(s));
        for (&s, sentence) in new.iter().zip(reads) {
            self.known.insert(content(s), sentence);
        }
        let sentences = (0..side.sentences.len())
            .map(|s| match self.known.get(content(s)) {
                Some(sentence) => Arc::clone(sentence),
                None => read(s),
            })
            .collect();
        DocumentInfo { sentences }
    }
}

/// What the links read of sentence `s` of `side` (prepared from `text`).
fn read_sentence(
    table: &ConceptTable,
    lexicon: &Lexicon,
    side: &Prepared,
    text: &str,
    s: usize,
) -> SentenceRead {
    let (Some(sentence), Some(words)) = (side.sentences.get(s), side.link_terms.get(s)) else {
        return SentenceRead::default();
    };
    let content = text.get(sentence.content.range()).unwrap_or("");
    let (whole, clauses) = units(table, words, content, sentence.content.start);
    let meeting = whole
        .iter()
        .any(|&c| table.meeting.get(c as usize).copied().unwrap_or(false));
    SentenceRead {
        whole,
        clauses,
        meeting,
        text: SentenceText {
            roles: lexicon.roles_of(content),
            names: names(table, words, text, sentence.content.start),
            bigrams: bigrams(table, words),
            stopped: ends_with_stop(content),
            introduces: content.trim_end().ends_with(':'),
            heading: is_heading(content),
            words: content.split_whitespace().count(),
            length: content.len(),
        },
    }
}

/// The concepts of some words: sorted, without repeats.
fn unit(table: &ConceptTable, words: &[(u32, u32, u32)]) -> Vec<u32> {
    let mut concepts: Vec<u32> = words
        .iter()
        .flat_map(|&(_, _, t)| table.concepts(t).iter().copied())
        .collect();
    concepts.sort_unstable();
    concepts.dedup();
    concepts
}

/// A sentence's concepts and, for a long sentence, its clauses'.
fn units(
    table: &ConceptTable,
    words: &[(u32, u32, u32)],
    content: &str,
    offset: usize,
) -> (Vec<u32>, Vec<Vec<u32>>) {
    let whole = unit(table, words);
    let mut clauses = Vec::new();
    if words.len() > LONG_SENTENCE {
        // Words are in text order and clauses too: one pass cuts the words.
        let mut from = 0;
        for range in clause_ranges(content, offset) {
            let rest = words.get(from..).unwrap_or(&[]);
            let to = from + rest.partition_point(|&(start, _, _)| (start as usize) < range.end);
            let inside = words.get(from..to).unwrap_or(&[]);
            if inside.len() >= MIN_CLAUSE_WORDS {
                clauses.push(unit(table, inside));
            }
            from = to;
        }
    }
    (whole, clauses)
}

/// The concepts of a sentence's words written as names: a word capitalised after the sentence's
/// first word, or an equivalence group ("U.S."); boilerplate left out.
fn names(
    table: &ConceptTable,
    words: &[(u32, u32, u32)],
    text: &str,
    sentence_start: usize,
) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for &(start, end, term) in words {
        let word = text.get(start as usize..end as usize).unwrap_or("");
        let group = word.contains(' ') || word.contains('.');
        let capital =
            start as usize > sentence_start && word.starts_with(|c: char| c.is_uppercase());
        if !(group || capital) {
            continue;
        }
        for &c in table.concepts(term) {
            if !table.is_generic(c) {
                out.push(c);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The pairs of neighbouring content concepts of a sentence ("supply chains", "North Korea's
/// missile"), boilerplate and stop words left out, in either order.
fn bigrams(table: &ConceptTable, words: &[(u32, u32, u32)]) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::new();
    let mut previous: Option<u32> = None;
    for &(_, _, term) in words {
        let concepts = table.concepts(term);
        let concept = concepts.iter().copied().find(|&c| !table.is_generic(c));
        if let Some(c) = concept {
            if let Some(p) = previous.filter(|&p| p != c) {
                out.push((u64::from(p.min(c)) << 32) | u64::from(p.max(c)));
            }
            previous = Some(c);
        } else if concepts.is_empty() {
            // A stop word keeps the run ("supply of vaccines"); boilerplate breaks it.
            continue;
        } else {
            previous = None;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Options;
    use crate::engine::prepare::{self, Interner};

    /// A sentence met again, in the same text or the other, is read once and shared.
    #[test]
    fn a_repeated_sentence_is_read_once() {
        let left = "The ministers met in Doha. Trade was discussed. The ministers met in Doha.";
        let right = "Trade was discussed. A statement followed.";
        let options = Options::default();
        let (mut keys, mut terms) = (Interner::default(), Interner::default());
        let mut side = |text: &str| {
            let read = prepare::read(text, &options, None);
            prepare::prepare(text, &read, &options, None, &mut keys, &mut terms)
        };
        let (left_side, right_side) = (side(left), side(right));
        let names = terms.names();
        let lexicon = Lexicon::builtin();
        let table = ConceptTable::new([&left_side, &right_side], &names, lexicon);
        for parallel in [false, true] {
            let mut reader = Reader::new(&table, lexicon);
            let (l, r) = (
                reader.read_on(&left_side, left, parallel),
                reader.read_on(&right_side, right, parallel),
            );
            assert!(Arc::ptr_eq(&l.sentences[0], &l.sentences[2]));
            assert!(Arc::ptr_eq(&l.sentences[1], &r.sentences[0]));
            assert!(!Arc::ptr_eq(&l.sentences[0], &l.sentences[1]));
            assert!(!l.sentences[0].whole.is_empty());
            // Each sentence read is what reading it alone gives.
            for (doc, side, text) in [(&l, &left_side, left), (&r, &right_side, right)] {
                for (s, read) in doc.sentences.iter().enumerate() {
                    assert_eq!(**read, read_sentence(&table, lexicon, side, text, s));
                }
            }
        }
    }
}
