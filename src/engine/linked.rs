//! The comparison's links: the candidates found, as the analyst decided them, and every pair
//! of sentences of a paired row.

use super::links::{self, LinkKind};
use super::{Link, Row, RowKind, decisions, parallel};

/// The analyst's decisions on the links found: a rejected link goes, a confirmed one is there
/// (scored, if the engine did not find it), an analyst's link is there with its kind.
pub(super) fn decide_candidates(
    candidates: &mut Vec<links::Candidate>,
    decided: &decisions::Resolved,
    scorer: &links::Scorer<'_>,
    params: &links::Params,
) {
    if decided.is_empty() {
        return;
    }
    candidates.retain(|c| decided.allows(c.left, c.right));
    let mut confirmed: Vec<&(usize, usize)> = decided.confirmed.iter().collect();
    confirmed.sort_unstable();
    for &(l, r) in confirmed {
        if !candidates.iter().any(|c| (c.left, c.right) == (l, r)) {
            let score = scorer.score(l, r);
            let kind = if score >= params.equivalent {
                LinkKind::Equivalent
            } else {
                LinkKind::Related
            };
            candidates.push(links::Candidate {
                left: l,
                right: r,
                kind,
                score,
            });
        }
    }
    for &(l, r, kind) in &decided.linked {
        match candidates.iter_mut().find(|c| (c.left, c.right) == (l, r)) {
            Some(c) if c.kind == LinkKind::Identical => {}
            Some(c) => c.kind = kind,
            None => candidates.push(links::Candidate {
                left: l,
                right: r,
                kind,
                score: scorer.score(l, r),
            }),
        }
    }
}

/// The links of the comparison: those found, and every left × right sentence of a paired row
/// (an identical row's as identical, a modified row's as equivalent, a related row's as
/// related), each sentence pair once.
pub(super) fn all_links(
    scorer: &links::Scorer<'_>,
    candidates: &[links::Candidate],
    rows: &[Row],
    decided: &decisions::Resolved,
    (named_by_right, details, parallel): (bool, bool, bool),
) -> Vec<Link> {
    let mut kinds: rustc_hash::FxHashMap<(usize, usize), (LinkKind, f32)> = candidates
        .iter()
        .map(|c| ((c.left, c.right), (c.kind, c.score)))
        .collect();
    for row in rows {
        let kind = match row.kind {
            RowKind::Identical => LinkKind::Identical,
            RowKind::Modified => LinkKind::Equivalent,
            RowKind::Related => LinkKind::Related,
            RowKind::LeftOnly | RowKind::RightOnly => continue,
        };
        for &l in &row.left {
            for &r in &row.right {
                kinds
                    .entry((l, r))
                    .and_modify(|(old, _)| *old = kind.min(*old))
                    .or_insert_with(|| {
                        let score = if kind == LinkKind::Identical {
                            1.0
                        } else {
                            scorer.score(l, r)
                        };
                        (kind, score)
                    });
            }
        }
    }
    let mut pairs: Vec<((usize, usize), (LinkKind, f32))> = kinds
        .into_iter()
        .filter(|&((l, r), _)| decided.allows(l, r))
        .collect();
    pairs.sort_unstable_by_key(|&(pair, _)| pair);
    // Each link's details (its shared terms and their spans) are its own work.
    parallel::map(&pairs, parallel && details, |&((l, r), (kind, score))| {
        let mut link = if details {
            scorer.link(l, r, kind, score, named_by_right)
        } else {
            Link::bare(l, r, kind, score)
        };
        if decided.by_analyst(l, r) {
            link.source = links::LinkSource::Analyst;
        }
        link
    })
}
