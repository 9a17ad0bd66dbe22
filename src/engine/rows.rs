//! A comparison's rows from the aligned groups: each group's kind (identical, modified, related,
//! one side only), its word diff and similarity, and the counts of the summary.

use std::time::Instant;

use super::align::Group;
use super::decisions::Resolved;
use super::prepare::Prepared;
use super::{Cancel, Cancelled, Link, LinkKind, Row, RowKind, Stats};
use super::{links, parallel, word_diff};

/// The rows of a comparison, the counts of their kinds, and the words the word diffs found equal
/// on each side.
pub(super) struct Built {
    pub(super) rows: Vec<Row>,
    pub(super) stats: Stats,
    pub(super) equal_words: (usize, usize),
}

/// The rows of `groups` in order, with their counts ([`Built`]). `sides` are each text with
/// its prepared side, left then right. Without `details` the rows have no ops, and a row
/// whose sides have the same keys is not diffed (the counts are the same either way).
pub(super) fn build(
    groups: Vec<Group>,
    [(left, left_side), (right, right_side)]: [(&str, &Prepared); 2],
    scorer: &links::Scorer<'_>,
    decided: &Resolved,
    (deadline, cancel): (Instant, &Cancel),
    (details, ops_cache): (bool, Option<&word_diff::OpsCache>),
    parallel: bool,
) -> Result<Built, Cancelled> {
    // The word diffs first, over the cores when `parallel`: they are most of the work, and
    // each needs only its own group.
    let diffs = parallel::map(&groups, parallel, |group| {
        if group.left.is_empty() || group.right.is_empty() {
            return Ok(None);
        }
        cancel.check()?;
        let sides = (
            word_diff::RowSide {
                text: left,
                prepared: left_side,
                sentences: &group.left,
            },
            word_diff::RowSide {
                text: right,
                prepared: right_side,
                sentences: &group.right,
            },
        );
        Ok(Some(match details {
            true => word_diff::diff_row(sides.0, sides.1, deadline),
            false => word_diff::counts(sides.0, sides.1, deadline, ops_cache),
        }))
    });
    let mut stats = Stats::default();
    let mut equal_words = (0, 0);
    let mut rows = Vec::with_capacity(groups.len());
    for (group, diff) in groups.into_iter().zip(diffs) {
        let mut paraphrase = false;
        let (kind, similarity, ops) = match diff? {
            Some(diff) => {
                // Identical means the same wording, not only equivalent wording.
                let identical = left_side.literal[left_side.tokens_of(&group.left)]
                    == right_side.literal[right_side.tokens_of(&group.right)];
                // One sentence revised: at least a third of the shorter side's words are in the
                // other, in order. Such a pair keeps its word diff however it was linked; a
                // related pair that is not one is a row of its own kind, and an equivalent one
                // a paraphrase. (The larger of the two shares is the shorter side's.)
                let share = |equal: usize, words: usize| equal as f64 / words.max(1) as f64;
                let kept = share(diff.equal_words.0, diff.words.0)
                    .max(share(diff.equal_words.1, diff.words.1));
                let revised = identical || kept * 3.0 >= 1.0;
                // A pair the analyst linked as related stays related.
                let drawn_related = decided.linked.iter().any(|&(l, r, kind)| {
                    (l, r) == (group.left.start, group.right.start) && kind == LinkKind::Related
                });
                if group.related && (!revised || (drawn_related && !identical)) {
                    let score = scorer.score(group.left.start, group.right.start);
                    count(&mut stats, RowKind::Related, group.moved);
                    rows.push(Row {
                        kind: RowKind::Related,
                        left: group.left.collect(),
                        right: group.right.collect(),
                        similarity: score,
                        moved: group.moved,
                        ops: diff.ops,
                        paraphrase: false,
                    });
                    continue;
                }
                paraphrase = !revised;
                equal_words.0 += diff.equal_words.0;
                equal_words.1 += diff.equal_words.1;
                let similarity = similarity(identical, &diff);
                let kind = if identical {
                    RowKind::Identical
                } else {
                    RowKind::Modified
                };
                (kind, similarity, diff.ops)
            }
            None if !group.left.is_empty() => (RowKind::LeftOnly, 0.0, Vec::new()),
            None => (RowKind::RightOnly, 0.0, Vec::new()),
        };
        count(&mut stats, kind, group.moved);
        rows.push(Row {
            kind,
            left: group.left.collect(),
            right: group.right.collect(),
            similarity,
            moved: group.moved,
            ops,
            paraphrase,
        });
    }
    Ok(Built {
        rows,
        stats,
        equal_words,
    })
}

/// Counts a row of `kind` (moved or not) in the summary.
fn count(stats: &mut Stats, kind: RowKind, moved: bool) {
    match kind {
        RowKind::Identical => stats.identical += 1,
        RowKind::Modified => stats.modified += 1,
        RowKind::Related => stats.related += 1,
        RowKind::LeftOnly => stats.left_only += 1,
        RowKind::RightOnly => stats.right_only += 1,
    }
    stats.moved += usize::from(moved);
}

/// A paired row's similarity: 1 when identical, else the share of both sides' words the word
/// diff keeps equal.
fn similarity(identical: bool, diff: &word_diff::RowDiff) -> f32 {
    let total = diff.words.0 + diff.words.1;
    if identical {
        1.0
    } else if total == 0 {
        0.0
    } else {
        (diff.equal_words.0 + diff.equal_words.1) as f32 / total as f32
    }
}

/// The summary's counts completed: sentences and words of each side, how many sentences have a
/// counterpart (any link), and the share of words the rows' diffs found equal.
pub(super) fn stats(
    mut stats: Stats,
    links: &[Link],
    [left_side, right_side]: [&Prepared; 2],
    equal_words: (usize, usize),
) -> Stats {
    let mut linked = (
        vec![false; left_side.sentences.len()],
        vec![false; right_side.sentences.len()],
    );
    for link in links {
        if let Some(slot) = linked.0.get_mut(link.left) {
            *slot = true;
        }
        if let Some(slot) = linked.1.get_mut(link.right) {
            *slot = true;
        }
    }
    stats.left_linked = linked.0.iter().filter(|&&l| l).count();
    stats.right_linked = linked.1.iter().filter(|&&l| l).count();
    stats.left_sentences = left_side.sentences.len();
    stats.right_sentences = right_side.sentences.len();
    stats.left_words = left_side.words.iter().sum::<u32>() as usize;
    stats.right_words = right_side.words.iter().sum::<u32>() as usize;
    let total = stats.left_words + stats.right_words;
    stats.similarity = if total == 0 {
        1.0
    } else {
        (equal_words.0 + equal_words.1) as f32 / total as f32
    };
    stats
}
