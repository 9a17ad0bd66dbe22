//! Clustering: the sentences of all documents grouped into points by their pairwise links,
//! strongest first, under the cap per document and the cohesion rule (see [`super`]).

use rustc_hash::FxHashSet as HashSet;

use super::pairs::PairResult;
use super::{Point, PointKind};
use crate::engine::LinkKind;
use crate::engine::segment::Sentence;

/// Most sentences of one document in one point: a statement said once, quoted once and
/// paraphrased once (as a news report does with an embassy's post) fits; more is a chain.
pub const MAX_PER_DOCUMENT: usize = 3;

/// Least share of the sentence pairs across documents between two points that must be linked
/// for an equivalent link to join them.
pub const EQUIVALENT_COHESION: f32 = 0.34;

/// Least share of the sentence pairs across documents between two points that must be linked
/// for a related link to join them.
pub const RELATED_COHESION: f32 = 0.5;

/// Per document, the point of each sentence.
pub(super) fn point_index(sentences: &[Vec<Sentence>], points: &[Point]) -> Vec<Vec<usize>> {
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

/// The link graph over every sentence of the ranked documents, numbered rank by rank.
struct Graph {
    /// Where each rank's sentences start among the nodes (and the total last).
    offsets: Vec<usize>,
    /// The rank of each node.
    document_of: Vec<u32>,
    /// The links, strongest first; ties by the sentences' places in the ranked documents.
    edges: Vec<Edge>,
    /// Linked pairs of nodes (smaller first).
    linked: HashSet<(u32, u32)>,
    /// Per node, its unit: sentences joined by identical links (copies of one sentence) count
    /// as one sentence for cohesion: a copy inherits the links of what it copies.
    unit_of: Vec<u32>,
}

impl Graph {
    fn new(sentences: &[Vec<Sentence>], pairs: &[PairResult]) -> Self {
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
                let (Some(from), Some(to)) =
                    (node(pair.left, link.left), node(pair.right, link.right))
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
        Self {
            offsets,
            document_of,
            edges,
            linked,
            unit_of,
        }
    }

    /// How many nodes (sentences of all documents).
    fn len(&self) -> usize {
        self.document_of.len()
    }
}

/// The root of `x` in a union-find forest, halving the path on the way.
fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// What joining two points would break, as first found: the cap per document, else the
/// cohesion (computed only when a link needs it).
#[derive(Debug, Clone, Copy)]
enum Verdict {
    /// Some document would have more than [`MAX_PER_DOCUMENT`] sentences in the point.
    Over,
    /// Within the cap; the share of the cross-document pairs of units that are linked.
    Cohesion(f32),
    /// Within the cap; the cohesion not computed (an identical link needs none).
    Unweighed,
}

/// Two points as they stand: their roots (smaller first) and member counts (in that order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Joining {
    roots: (u32, u32),
    sizes: (usize, usize),
}

/// The verdicts on two points a link did not join, so that the many other links between the
/// same two points (each copy of a sentence links to each copy of its counterpart) are refused
/// without counting their members again. A verdict holds while both points are unchanged.
#[derive(Default)]
struct Refused(rustc_hash::FxHashMap<(u32, u32), (Joining, Verdict)>);

impl Refused {
    fn get(&self, now: &Joining) -> Option<Verdict> {
        let (then, verdict) = self.0.get(&now.roots)?;
        (then == now).then_some(*verdict)
    }

    fn keep(&mut self, now: Joining, verdict: Verdict) {
        self.0.insert(now.roots, (now, verdict));
    }
}

/// The cap per document and, when `need` asks for it, the cohesion of two points' members.
fn judge(ma: &[u32], mb: &[u32], need: f32, counts: &mut [usize], graph: &Graph) -> Verdict {
    counts.iter_mut().for_each(|c| *c = 0);
    let mut over = false;
    for &m in ma.iter().chain(mb) {
        let c = &mut counts[graph.document_of[m as usize] as usize];
        *c += 1;
        over |= *c > MAX_PER_DOCUMENT;
    }
    if over {
        Verdict::Over
    } else if need > 0.0 {
        // The share of cross-document pairs between the two points that are linked.
        Verdict::Cohesion(cohesion(
            ma,
            mb,
            &graph.unit_of,
            &graph.document_of,
            &graph.linked,
        ))
    } else {
        Verdict::Unweighed
    }
}

/// Groups the sentences of the ranked documents into points: (members as (rank, sentence),
/// kind), members sorted. See the module documentation for the rule.
pub(super) fn cluster(
    sentences: &[Vec<Sentence>],
    pairs: &[PairResult],
) -> Vec<(Vec<(usize, usize)>, PointKind)> {
    let graph = Graph::new(sentences, pairs);
    let total = graph.len();
    let document_of = &graph.document_of;
    let mut parent: Vec<u32> = (0..total as u32).collect();
    let mut members: Vec<Vec<u32>> = (0..total as u32).map(|i| vec![i]).collect();
    let mut kinds: Vec<Option<LinkKind>> = vec![None; total];
    let mut counts = vec![0usize; sentences.len()];
    let mut refused = Refused::default();
    for edge in &graph.edges {
        let (a, b) = (find(&mut parent, edge.from), find(&mut parent, edge.to));
        if a == b {
            continue;
        }
        let (ma, mb) = (&members[a as usize], &members[b as usize]);
        let need = match edge.kind {
            LinkKind::Identical => 0.0,
            LinkKind::Equivalent => EQUIVALENT_COHESION,
            LinkKind::Related => RELATED_COHESION,
        };
        // The two points as they are now: a root's members only grow, so its root and size
        // name one set of sentences.
        let now = Joining {
            roots: (a.min(b), a.max(b)),
            sizes: if a < b {
                (ma.len(), mb.len())
            } else {
                (mb.len(), ma.len())
            },
        };
        let verdict = refused
            .get(&now)
            .unwrap_or_else(|| judge(ma, mb, need, &mut counts, &graph));
        let joins = match verdict {
            Verdict::Over => false,
            Verdict::Cohesion(share) => need == 0.0 || share >= need,
            Verdict::Unweighed => need == 0.0,
        };
        if !joins {
            refused.keep(now, verdict);
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
                (rank, m as usize - graph.offsets[rank])
            })
            .collect();
        list.sort_unstable();
        let kind = kinds[root].map_or(PointKind::Single, PointKind::of_link);
        out.push((list, kind));
    }
    out
}
