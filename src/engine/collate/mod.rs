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
//! several threads, each document read once for all its pairs; copies of one text, the same
//! statement posted twice, are compared once for all their pairs); each keeps only its links
//! (their kinds and scores) and counts: it makes no word diffs but the counts of the rows that
//! are not the same words, and names no shared terms. Clustering is O(links × log links) plus
//! a bounded check per join (a point holds at most [`MAX_PER_DOCUMENT`] × N sentences); a join
//! refused between two points is remembered until either changes, so the other links between
//! them cost a lookup each.

mod cluster;
mod model;
mod pairs;
mod words;

pub use cluster::{EQUIVALENT_COHESION, MAX_PER_DOCUMENT, RELATED_COHESION};
pub use model::{Collation, PairLinks, Point, PointKind, SentenceWords, Share, WordShare};

use super::segment::Sentence;
use super::{Cancel, Cancelled, Equivalences, Options};
use cluster::{cluster, point_index};
use pairs::{Ranked, compare_pairs};

/// Collates texts with the built-in table of equivalent terms: see the module documentation.
pub fn collate(texts: &[&str], options: &Options) -> Collation {
    collate_with(texts, options, Equivalences::builtin_ref())
}

/// Collates texts with `equivalences` as the table of equivalent terms (used when
/// `options.use_equivalences` is on). On long texts the pairwise comparisons run on up to as
/// many threads as the machine has cores; the result does not depend on how many.
pub fn collate_with(texts: &[&str], options: &Options, equivalences: &Equivalences) -> Collation {
    let never = Cancel::new();
    match collate_cancellable(texts, options, equivalences, &never) {
        Ok(collation) => collation,
        // Nothing raises `never`.
        Err(Cancelled) => unreachable!("a collation nobody can cancel was cancelled"),
    }
}

/// [`collate_with`] that stops early, between and inside the pairwise comparisons, once
/// `cancel` is raised (the window cancels a collation a newer request has superseded).
pub fn collate_cancellable(
    texts: &[&str],
    options: &Options,
    equivalences: &Equivalences,
    cancel: &Cancel,
) -> Result<Collation, Cancelled> {
    let ranked = compare_pairs(texts, options, equivalences, cancel)?;
    Ok(assemble(texts.len(), options, ranked))
}

/// The points clustered from the pairwise links, put back in the documents' order given, with
/// the similarity of each two documents and their links; the points stored in document 0's
/// reading order.
fn assemble(n: usize, options: &Options, ranked: Ranked) -> Collation {
    let Ranked {
        by_rank,
        rank_of,
        sentences: ranked_sentences,
        results,
    } = ranked;

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
    collation
}

#[cfg(test)]
mod tests {
    use super::pairs::PairResult;
    use super::*;
    use crate::engine::segment::Span;
    use crate::engine::{Link, LinkKind};

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
        Link::bare(left, right, kind, score)
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
