//! The stance shifts on a link: attribution, strength and scope (rule 3 of the module's
//! documentation).

use super::super::StrengthLexicon;
use super::super::strength::Stronger;
use super::words::{Hit, Kinds, Words};
use crate::engine::segment::Span;

/// The stance forms of a sentence (force, booster, hedge, scope), read apart from the actor
/// forms so that none hides another ("addressed" inside "we also addressed", "talked" inside
/// "talked to"), with the scope constructions no list of forms can hold: a contrastive negation
/// ("not regional but global") and a deadline ("by 2030").
pub(super) fn stance_hits(words: &Words<'_>, lexicon: &StrengthLexicon, kinds: &Kinds) -> Vec<Hit> {
    let wanted: Vec<usize> = [
        kinds.force,
        kinds.booster,
        kinds.hedge,
        kinds.modal,
        kinds.scope,
    ]
    .into_iter()
    .flatten()
    .collect();
    let lowers = &words.lowers;
    let mut hits = Vec::new();
    let mut i = 0;
    while i < lowers.len() {
        if let Some(scope) = kinds.scope
            && let Some(n) = scope_construction(lowers, i)
        {
            hits.push(Hit {
                kind: scope,
                grade: 1,
                start: i,
                end: i + n,
            });
            i += n;
            continue;
        }
        match lexicon.match_at_kinds(lowers, i, &wanted) {
            Some((kind, grade, n)) => {
                let before = i.checked_sub(1).and_then(|k| lowers.get(k)).copied();
                // A denied position verb takes no position ("did not agree"); a modal after
                // an article is a noun ("a must"); a capitalised form inside a sentence is a
                // name ("in May").
                let denied = Some(kind) == kinds.force && before == Some("not");
                let noun = Some(kind) == kinds.modal && matches!(before, Some("the" | "a" | "an"));
                let named = words
                    .words
                    .get(i)
                    .is_some_and(|t| t.is_capitalised() && !t.initial());
                if !denied && !noun && !named {
                    hits.push(Hit {
                        kind,
                        grade,
                        start: i,
                        end: i + n,
                    });
                }
                i += n.max(1);
            }
            None => i += 1,
        }
    }
    // A courtesy call ("called on the Deputy Prime Minister") takes no position.
    super::words::courtesy_calls(&mut hits, &words.words, lowers, lexicon);
    hits.retain(|h| Some(h.kind) != kinds.meeting);
    hits
}

/// The stance forms of sentence `index`, read on first use and kept in `memo`.
pub(super) fn stance_of<'m>(
    memo: &'m mut [Option<Vec<Hit>>],
    index: usize,
    words: &Words<'_>,
    lexicon: &StrengthLexicon,
    kinds: &Kinds,
) -> Option<&'m [Hit]> {
    let slot = memo.get_mut(index)?;
    Some(slot.get_or_insert_with(|| stance_hits(words, lexicon, kinds)))
}

/// Words after "not" that make "not … but" additive ("not only … but also"), not a contrast.
pub(super) const NOT_CONTRAST: &[&str] = &["only", "just", "merely", "simply", "least"];

/// The length in words of a scope construction starting at word `i`, if one does: "not X but
/// Y" (a contrastive negation that delimits what is meant, as in "on an international, not
/// unilateral basis") and "by" a year (a deadline).
pub(super) fn scope_construction(lowers: &[&str], i: usize) -> Option<usize> {
    let at = |k: usize| lowers.get(k).copied();
    match at(i)? {
        "not" => {
            let negated = at(i + 1)?;
            (!NOT_CONTRAST.contains(&negated) && at(i + 2)? == "but" && at(i + 3).is_some())
                .then_some(4)
        }
        "by" => {
            let year = at(i + 1)?;
            (year.len() == 4
                && year
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..=2199).contains(&y)))
            .then_some(2)
        }
        _ => None,
    }
}

/// How strongly a sentence takes its position.
#[derive(Debug, Clone, Copy)]
pub(super) struct Force {
    /// The position verb's grade, raised by one for a booster and lowered by one for a hedge.
    pub(super) value: i32,
    /// The position verb's own grade.
    pub(super) verb: u32,
    /// Whether a booster raised it.
    pub(super) boosted: bool,
    /// The words that carry it, as indexes into the sentence's words (`start..end`).
    pub(super) words: (usize, usize),
}

/// The force of a sentence: its strongest position verb, raised by a booster and lowered by a
/// hedge; with the words that carry it. `hits` are the sentence's [`stance_hits`].
pub(super) fn force(hits: &[Hit], kinds: &Kinds) -> Option<Force> {
    let verb = hits
        .iter()
        .filter(|h| Some(h.kind) == kinds.force)
        .max_by_key(|h| (h.grade, std::cmp::Reverse(h.start)))?;
    let grade = i32::try_from(verb.grade).unwrap_or(0);
    // A booster or hedge counts within the verb's phrase: up to four words after it.
    let near = |h: &&Hit| h.start + 1 >= verb.start && h.start <= verb.end + 4;
    let booster = hits
        .iter()
        .filter(|h| Some(h.kind) == kinds.booster)
        .find(near);
    // A low modal hedges too ("may consider").
    let hedge = hits
        .iter()
        .filter(|h| Some(h.kind) == kinds.hedge || Some(h.kind) == kinds.modal && h.grade == 1)
        .find(near);
    let mut start = verb.start;
    let mut end = verb.end;
    let mut value = grade;
    if let Some(b) = booster {
        value += 1;
        start = start.min(b.start);
        end = end.max(b.end);
    }
    if let Some(h) = hedge {
        value -= 1;
        start = start.min(h.start);
        end = end.max(h.end);
    }
    Some(Force {
        value,
        verb: verb.grade,
        boosted: booster.is_some(),
        words: (start, end),
    })
}

/// Least difference of force between two linked sentences for a strength shift.
pub(super) const MIN_FORCE_GAP: i32 = 2;

/// The grade of condemnation and demand ("condemned", "urged"): a difference in kind from
/// every lower grade, not only in degree.
pub(super) const CONDEMNATION: u32 = 4;

/// Least difference of modal value for a strength shift: high against low ("must" against
/// "may"), not against median ("must" against "will", which reported speech often gives as
/// "would").
pub(super) const MIN_MODAL_GAP: u32 = 2;

/// A sentence's strongest modal: its value (1 low, 2 median, 3 high) and where it is.
pub(super) fn modality(words: &Words<'_>, hits: &[Hit], kinds: &Kinds) -> Option<(u32, Span)> {
    hits.iter()
        .filter(|h| Some(h.kind) == kinds.modal)
        .max_by_key(|h| (h.grade, std::cmp::Reverse(h.start)))
        .map(|h| (h.grade, words.span(h.start, h.end)))
}

/// Which side of a link words its point more strongly, if one does: force two grades apart,
/// or one grade apart when the difference is one of kind: a condemnation or demand on one side
/// only ("condemned" against "affirmed continued collaboration"), or the same grade of verb
/// intensified on one side only ("reiterated their unwavering support" against "confirmed").
pub(super) fn stronger_side(left: &Force, right: &Force) -> Option<Stronger> {
    let gap = left.value - right.value;
    let (strong, weak, side) = match gap.signum() {
        1 => (left, right, Stronger::Left),
        -1 => (right, left, Stronger::Right),
        _ => return None,
    };
    let in_kind = (strong.verb >= CONDEMNATION && weak.verb < CONDEMNATION)
        || (strong.verb == weak.verb && strong.boosted && !weak.boosted);
    (gap.abs() >= MIN_FORCE_GAP || in_kind).then_some(side)
}
