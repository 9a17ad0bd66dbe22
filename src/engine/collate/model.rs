//! The collation's data: points, their kinds, the pairwise links kept, and the queries the
//! views and reports ask of it (the point of a sentence, a point's span, the reading order by a
//! pivot). Plain serde data, no I/O.

use serde::Serialize;

use crate::engine::segment::{Sentence, Span};
use crate::engine::{Link, LinkKind, Options};

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

    pub(super) fn of_link(kind: LinkKind) -> Self {
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
    /// Every link between the two documents' sentences, sorted by left then right sentence,
    /// with its kind and score alone: its `shared` terms and spans are left empty (the
    /// two-text comparison of the two documents has them, with the word diffs).
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
    pub(super) point_of: Vec<Vec<usize>>,
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
}
