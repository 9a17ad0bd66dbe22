//! Insights across the documents of a collation: who names what in each document, which
//! phrasing several documents share, and where documents word one point with different
//! strength.
//!
//! Pure, like the two-text analysis, and built from the same parts: each document is read into
//! the same tokens, the entity phases and the shared-phrase search run over all documents at
//! once (instead of two sides), and the strength lexicon grades each document's sentences of a
//! point. Entities are grouped by the same canonical text and equivalence groups as for two
//! texts.
//!
//! Invariants:
//! - **Order-free**: the documents are read in a canonical order that depends only on their
//!   texts (shorter first, then by content, as the collation ranks them), and the results are
//!   mapped back to the order given; so the same texts in another order give the same entities,
//!   phrases and findings with their per-document counts and spans permuted. Only the
//!   findings' point indexes follow the collation's reading order.
//! - **Deterministic**: every list is sorted by a total order on its contents.
//!
//! Cost: linear in the documents' words for tokens and phrases (one suffix array over all
//! documents), near-linear for entities (grouping compares only names with the same last word),
//! and per point, per pair of documents in it, one comparison of a few grades.

use rustc_hash::FxHashSet as HashSet;

use super::collation_brief::{self, CollationBriefLine};
use super::entities::{self, EntityKind};
use super::stance::{self, Attribution};
use super::{SideTokens, phrases, strength};
use crate::engine::collate::Collation;
use crate::engine::segment::{Sentence, Span};
use crate::engine::{Equivalences, LinkKind};

use super::strength::StrengthLexicon;

/// Everything [`analyse_collation`] finds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CollationInsights {
    /// Who and what is named, with a count per document: named by more documents first, then
    /// by more mentions in all, then by text.
    pub entities: Vec<CollationEntity>,
    /// Word sequences two or more documents share: carried by more documents first, then
    /// longer first.
    pub phrases: Vec<SharedPhrase>,
    /// Points where two documents use different grades of one kind of word, by point, kind and
    /// documents.
    pub strength: Vec<StrengthFinding>,
    /// Per document (in the order given), who issued it and whom each of its sentences credits
    /// (both parties, its issuer, the other party, someone else), read as for each side of a
    /// pair.
    pub attribution: Vec<Attribution>,
    /// A few plain lines that say what differs among the statements, most telling first.
    pub brief: Vec<CollationBriefLine>,
}

/// One named thing and how each document names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollationEntity {
    /// Its name: the canonical form of its equivalence group, else its most complete form.
    pub text: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// The forms the documents use.
    pub forms: Vec<String>,
    /// Per document (in the order given), how many times it names the entity ("Foreign Office
    /// (FO)" is once).
    pub counts: Vec<usize>,
    /// Per document (in the order given), where it names the entity, in text order.
    pub spans: Vec<Vec<Span>>,
    /// Whether one of its forms is also written in lower case, as a word of its own, in some
    /// document (see [`super::Entity`]).
    pub written_in_lower_case: bool,
}

impl CollationEntity {
    /// How many documents name it.
    pub fn documents(&self) -> usize {
        self.counts.iter().filter(|&&c| c > 0).count()
    }

    /// How many times all documents together name it.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// A word sequence that two or more documents have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedPhrase {
    /// The phrase as written where it is first found (in the canonical order), on one line.
    pub text: String,
    /// How many words it has.
    pub words: usize,
    /// The documents that carry it, ascending (indexes in the order given).
    pub documents: Vec<usize>,
    /// Per document (in the order given), where it occurs; empty for a document without it.
    pub spans: Vec<Vec<Span>>,
}

/// Two documents that word one point with different grades of one kind of word ("agreed"
/// against "discussed").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrengthFinding {
    /// The point (index in [`Collation::points`]).
    pub point: usize,
    /// The document with the stronger word.
    pub stronger: usize,
    /// The document with the weaker word.
    pub weaker: usize,
    /// The stronger word, as written.
    pub stronger_word: String,
    /// The weaker word, as written.
    pub weaker_word: String,
    /// Where the stronger word is in its document.
    pub stronger_span: Span,
    /// Where the weaker word is in its document.
    pub weaker_span: Span,
    /// The kind of word ("agreement", "modality", ...).
    pub kind: String,
}

/// Analyses the documents of a collation: `texts` are the collated texts in the order given
/// (the collation's document indexes); `equivalences` groups the forms of one entity;
/// `lexicon` grades wording strength. Documents beyond the shorter of `texts` and the
/// collation are left out.
pub fn analyse_collation(
    texts: &[&str],
    collation: &Collation,
    equivalences: &Equivalences,
    lexicon: &StrengthLexicon,
) -> CollationInsights {
    let n = texts.len().min(collation.len());
    let no_sentences: Vec<Sentence> = Vec::new();
    // Canonical order: rank → document, by length then content, then position (which only
    // orders identical texts, whose results are the same).
    let mut by_rank: Vec<usize> = (0..n).collect();
    by_rank.sort_by_key(|&d| (texts[d].len(), texts[d], d));
    let ranked: Vec<SideTokens<'_>> = by_rank
        .iter()
        .map(|&d| {
            let sentences = collation.sentences.get(d).unwrap_or(&no_sentences);
            SideTokens::new(texts[d], sentences)
        })
        .collect();
    let ranking = Ranking { by_rank: &by_rank };
    let entities = collation_entities(&ranked, &ranking, equivalences, n);
    let phrases = collation_phrases(&ranked, &ranking, n);

    // Sides by document, for the strength findings.
    let mut rank_of = vec![0; n];
    for (rank, &document) in by_rank.iter().enumerate() {
        rank_of[document] = rank;
    }
    let by_document: Vec<&SideTokens<'_>> = rank_of
        .iter()
        .filter_map(|&rank| ranked.get(rank))
        .collect();
    let strength = strength_findings(collation, &by_document, lexicon);
    let attribution: Vec<Attribution> = by_document
        .iter()
        .map(|side| stance::attribution(side))
        .collect();
    let brief = collation_brief::build(&collation_brief::Inputs {
        texts: texts.get(..n).unwrap_or(texts),
        collation,
        attribution: &attribution,
        entities: &entities,
        strength: &strength,
    });

    CollationInsights {
        entities,
        phrases,
        strength,
        attribution,
        brief,
    }
}

/// The canonical order of a collation's documents for the insights (by length, then
/// content), and the way back to the order given.
struct Ranking<'a> {
    /// Rank → document.
    by_rank: &'a [usize],
}

impl Ranking<'_> {
    /// Per-rank lists back in the order given, for `n` documents.
    fn unrank<T: Clone>(&self, ranked_lists: Vec<Vec<T>>, n: usize) -> Vec<Vec<T>> {
        let mut out = vec![Vec::new(); n];
        for (rank, list) in ranked_lists.into_iter().enumerate() {
            if let Some(&document) = self.by_rank.get(rank) {
                out[document] = list;
            }
        }
        out
    }
}

/// The names of all documents, most widely named first.
fn collation_entities(
    ranked: &[SideTokens<'_>],
    ranking: &Ranking<'_>,
    equivalences: &Equivalences,
    n: usize,
) -> Vec<CollationEntity> {
    let mut entities: Vec<CollationEntity> = entities::find_many(ranked, equivalences)
        .into_iter()
        // Numbers are figures, not names (as in a pair's analysis): "05" and "1" listed
        // among the names of a collation say nothing.
        .filter(|grouped| grouped.kind != EntityKind::Number)
        .map(|grouped| {
            let mut counts = vec![0; n];
            for (rank, count) in grouped.counts.into_iter().enumerate() {
                if let Some(&document) = ranking.by_rank.get(rank) {
                    counts[document] = count;
                }
            }
            CollationEntity {
                text: grouped.text,
                kind: grouped.kind,
                forms: grouped.forms,
                counts,
                spans: ranking.unrank(grouped.spans, n),
                written_in_lower_case: grouped.written_in_lower_case,
            }
        })
        .collect();
    entities.sort_by(|left, right| {
        right
            .documents()
            .cmp(&left.documents())
            .then(right.total().cmp(&left.total()))
            .then_with(|| left.text.cmp(&right.text))
            .then(left.kind.cmp(&right.kind))
            .then_with(|| left.counts.cmp(&right.counts))
            .then_with(|| left.forms.cmp(&right.forms))
    });
    entities
}

/// The phrases two or more documents share, the most widely shared and longest first.
fn collation_phrases(
    ranked: &[SideTokens<'_>],
    ranking: &Ranking<'_>,
    n: usize,
) -> Vec<SharedPhrase> {
    let mut phrases: Vec<SharedPhrase> = phrases::find_many(ranked, 2)
        .into_iter()
        .map(|shared| {
            let spans = ranking.unrank(shared.spans, n);
            SharedPhrase {
                documents: (0..n).filter(|&d| !spans[d].is_empty()).collect(),
                text: shared.text,
                words: shared.words,
                spans,
            }
        })
        .collect();
    phrases.sort_by(|left, right| {
        right
            .documents
            .len()
            .cmp(&left.documents.len())
            .then(right.words.cmp(&left.words))
            .then_with(|| left.text.to_lowercase().cmp(&right.text.to_lowercase()))
            .then_with(|| left.documents.cmp(&right.documents))
            .then_with(|| left.text.cmp(&right.text))
    });
    phrases
}

/// The strength findings of every point: for each two documents of a point whose sentences
/// there are linked as identical or equivalent (the same statement, as a paired row is for two
/// texts), each kind of word both use with different grades.
fn strength_findings(
    collation: &Collation,
    sides: &[&SideTokens<'_>],
    lexicon: &StrengthLexicon,
) -> Vec<StrengthFinding> {
    let n = sides.len();
    let side = |document: usize| sides.get(document).copied();
    // (left document, left sentence, right document, right sentence) of the strong links.
    let mut paired: HashSet<(usize, usize, usize, usize)> = HashSet::default();
    for pair in &collation.pairs {
        for link in &pair.links {
            if link.kind != LinkKind::Related {
                paired.insert((pair.left, link.left, pair.right, link.right));
            }
        }
    }
    let mut out = Vec::new();
    for (index, point) in collation.points.iter().enumerate() {
        let present: Vec<usize> = (0..n).filter(|&d| point.has(d)).collect();
        if present.len() < 2 {
            continue;
        }
        let uses: Vec<Vec<Option<strength::Use>>> = present
            .iter()
            .map(|&d| match (side(d), point.sentences.get(d)) {
                (Some(tokens), Some(sentences)) => {
                    strength::strongest(tokens, sentences.iter().copied(), lexicon)
                }
                _ => Vec::new(),
            })
            .collect();
        let mut found = Vec::new();
        for (i, &left) in present.iter().enumerate() {
            for (j, &right) in present.iter().enumerate().skip(i + 1) {
                let of =
                    |document: usize| point.sentences.get(document).map_or(&[][..], Vec::as_slice);
                let linked = of(left).iter().any(|&l| {
                    of(right)
                        .iter()
                        .any(|&r| paired.contains(&(left, l, right, r)))
                });
                if !linked {
                    continue;
                }
                for (kind, (l, r)) in uses[i].iter().zip(&uses[j]).enumerate() {
                    let (Some(l), Some(r)) = (l, r) else { continue };
                    if l.grade == r.grade {
                        continue;
                    }
                    let ((stronger, strong), (weaker, weak)) = if l.grade > r.grade {
                        ((left, l), (right, r))
                    } else {
                        ((right, r), (left, l))
                    };
                    let word = |document: usize, span: Span| {
                        side(document)
                            .and_then(|s| s.text.get(span.range()))
                            .map(super::one_line)
                            .unwrap_or_default()
                    };
                    found.push((
                        kind,
                        StrengthFinding {
                            point: index,
                            stronger,
                            weaker,
                            stronger_word: word(stronger, strong.span),
                            weaker_word: word(weaker, weak.span),
                            stronger_span: strong.span,
                            weaker_span: weak.span,
                            kind: lexicon.kinds().get(kind).cloned().unwrap_or_default(),
                        },
                    ));
                }
            }
        }
        found.sort_by_key(|(kind, f)| (*kind, f.stronger.min(f.weaker), f.stronger.max(f.weaker)));
        out.extend(found.into_iter().map(|(_, f)| f));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Options;
    use crate::engine::collate::collate;

    fn insights(texts: &[&str]) -> CollationInsights {
        let collation = collate(texts, &Options::default());
        analyse_collation(
            texts,
            &collation,
            Equivalences::builtin_ref(),
            StrengthLexicon::builtin_ref(),
        )
    }

    #[test]
    fn entities_are_counted_per_document_and_grouped_by_equivalence() {
        let texts = [
            "The TTP attacked a convoy in Quetta on Monday.",
            "Officials said the Tehreek-i-Taliban Pakistan attacked a convoy.",
            "The weather in Lahore was fine.",
        ];
        let found = insights(&texts);
        let ttp = found
            .entities
            .iter()
            .find(|e| e.text == "Tehreek-i-Taliban Pakistan")
            .expect("the TTP");
        assert_eq!(ttp.counts, [1, 1, 0]);
        assert_eq!(ttp.spans[2], []);
        assert_eq!(found.entities.first().map(|e| e.documents()), Some(2));
    }

    #[test]
    fn numbers_are_not_listed_among_the_names() {
        let texts = [
            "Section 1. The parties met on 05 May in Quetta.",
            "Section 1. The parties met in Quetta with 12 delegates.",
            "Section 2. Nothing else.",
        ];
        let found = insights(&texts);
        assert!(found.entities.iter().any(|e| e.text == "Quetta"));
        assert!(
            found.entities.iter().all(|e| e.kind != EntityKind::Number),
            "{:?}",
            found.entities
        );
    }

    #[test]
    fn phrases_name_the_documents_that_carry_them() {
        let texts = [
            "Both sides condemned terrorism in all its forms and manifestations.",
            "They condemned terrorism in all its forms, officials said.",
            "Nothing here is shared with the others at all.",
        ];
        let found = insights(&texts);
        let phrase = found
            .phrases
            .iter()
            .find(|p| p.text.contains("terrorism in all its forms"))
            .expect("a shared phrase");
        assert_eq!(phrase.documents, [0, 1]);
        assert!(phrase.spans[2].is_empty());
    }

    #[test]
    fn a_paired_statement_worded_differently_is_a_finding() {
        let texts = [
            "The two sides agreed to expand cooperation on border security.",
            "The two sides discussed expanding cooperation on border security.",
            "Unrelated text about gardening tools and lawn mowers.",
        ];
        let found = insights(&texts);
        let finding = found
            .strength
            .iter()
            .find(|f| f.kind == "agreement")
            .expect("agreed against discussed");
        assert_eq!((finding.stronger, finding.weaker), (0, 1));
        assert_eq!(
            (finding.stronger_word.as_str(), finding.weaker_word.as_str()),
            ("agreed", "discussed")
        );
    }

    #[test]
    fn no_documents_no_insights() {
        assert_eq!(insights(&[]), CollationInsights::default());
    }
}
