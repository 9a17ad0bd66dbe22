//! Stance: who each sentence credits (attribution) and, on each link, where the two sides
//! credit a point differently, word it more strongly, or qualify it on one side only.
//!
//! Every rule reads words through a [`StrengthLexicon`] of stance forms (`assets/stance.txt`,
//! which names the frameworks it follows), never a pair's own names:
//!
//! 1. Each document's **issuer** comes from its opener, the first sentence in its first lines
//!    where someone meets, speaks with or calls someone ("Secretary Blinken spoke with Japanese
//!    Foreign Minister Hayashi"): the subject is the issuer's official (a name, a title, "I"),
//!    the object the counterpart's. A title alone ("the Prime Minister") later names the
//!    issuer's official, unless it is the counterpart's title and not the issuer's.
//! 2. A sentence is credited to whoever its first actor mention names: both parties ("the two
//!    leaders", "they", both officials joined by "and"), the issuer ("the Prime Minister", "we",
//!    "he" after an issuer sentence), the counterpart (by name or by a qualified title); a later
//!    joint clause joined by "and" makes it joint. A line without final punctuation (a title, a
//!    date line) and a sentence naming no one are `other`.
//! 3. A link is an **attribution** shift when one side credits both parties and the other one
//!    party; a **strength** shift when the force of the two sentences' strongest position verbs
//!    (raised by a booster, lowered by a hedge) differs by two grades or more; a **scope** shift
//!    when one side only carries a condition or qualification marker.
//!
//! Invariants: one actor per sentence of each side; shifts only on links that are not
//! identical, in link order; every quoted span lies inside its sentence.

mod attribution;
mod issuer;
mod shifts;
#[cfg(test)]
mod tests;
mod words;

use std::sync::OnceLock;

use serde::Serialize;

use super::strength::Stronger;
use super::{SideTokens, span_pair};
use crate::engine::segment::Span;
use crate::engine::{Comparison, Link, LinkKind};

use super::StrengthLexicon;
use attribution::attribute;
use shifts::{Force, MIN_MODAL_GAP, force, modality, stance_of, stronger_side};
use words::{Hit, Kinds, Words};

/// The built-in stance lexicon's text.
pub const BUILTIN: &str = include_str!("../../../assets/stance.txt");

/// The built-in stance lexicon, parsed once.
fn builtin() -> &'static StrengthLexicon {
    static LEXICON: OnceLock<StrengthLexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        // The built-in lexicon is checked by a unit test; an error here is a bug.
        StrengthLexicon::parse(BUILTIN).unwrap_or_else(|e| panic!("assets/stance.txt: {e}"))
    })
}

/// To whom a sentence credits what it reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// Both parties of the event ("the two leaders agreed").
    Joint,
    /// The party that issued this document.
    Issuer,
    /// The other party of the event.
    Counterpart,
    /// A third party, background, a title or a date line.
    Other,
}

impl Actor {
    /// "joint", "issuer", "counterpart" or "other".
    pub fn name(self) -> &'static str {
        match self {
            Self::Joint => "joint",
            Self::Issuer => "issuer",
            Self::Counterpart => "counterpart",
            Self::Other => "other",
        }
    }

    /// Whether it names one party of the event.
    fn is_one_party(self) -> bool {
        matches!(self, Self::Issuer | Self::Counterpart)
    }
}

/// Who issued a document, as its opener names them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Issuer {
    /// The issuer's official as the opener names them ("The Prime Minister", "Secretary of
    /// State Antony J. Blinken"); empty when no opener was found.
    pub official: String,
    /// The counterpart's official as the opener names them.
    pub counterpart: String,
    /// The opener's sentence index, if one was found.
    pub opener: Option<usize>,
}

/// What kind of stance shift a link carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ShiftKind {
    /// The same point worded more strongly on one side.
    Strength,
    /// The same point credited differently (both parties on one side, one on the other).
    Attribution,
    /// A condition, qualification or exception on one side only.
    Scope,
}

impl ShiftKind {
    /// "strength", "attribution" or "scope".
    pub fn name(self) -> &'static str {
        match self {
            Self::Strength => "strength",
            Self::Attribution => "attribution",
            Self::Scope => "scope",
        }
    }
}

/// A stance shift on one link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shift {
    /// Left sentence index.
    pub left: usize,
    /// Right sentence index.
    pub right: usize,
    /// What differs.
    pub kind: ShiftKind,
    /// The side that says it more strongly (strength shifts), or that carries the
    /// qualification (scope shifts); none for attribution.
    pub stronger: Option<Stronger>,
    /// The left words that carry the difference, as written.
    pub left_words: String,
    /// The right words that carry the difference, as written.
    pub right_words: String,
    /// Where the left words are.
    #[serde(serialize_with = "span_pair")]
    pub left_span: Span,
    /// Where the right words are.
    #[serde(serialize_with = "span_pair")]
    pub right_span: Span,
}

impl Shift {
    /// Its sentence and words on side `side` (0 left, else right).
    pub fn on_side(&self, side: usize) -> (usize, &str) {
        if side == 0 {
            (self.left, &self.left_words)
        } else {
            (self.right, &self.right_words)
        }
    }

    /// One plain line for a report: "L6 ↔ R1 attribution: left “both sides”, right “We”"
    /// (sentence numbers 1-based; the side that says it more strongly or qualifies it, if any).
    pub fn summary(&self) -> String {
        let quote = |words: &str| {
            if words.is_empty() {
                "—".to_owned()
            } else {
                format!("“{words}”")
            }
        };
        let mut line = format!(
            "L{} ↔ R{} {}: left {}, right {}",
            self.left + 1,
            self.right + 1,
            self.kind.name(),
            quote(&self.left_words),
            quote(&self.right_words)
        );
        let side = match self.stronger {
            Some(Stronger::Left) => "left",
            Some(Stronger::Right) => "right",
            None => return line,
        };
        match self.kind {
            ShiftKind::Scope => line.push_str(&format!(" (qualified on the {side})")),
            _ => line.push_str(&format!(" (stronger on the {side})")),
        }
        line
    }
}

/// Who each sentence of one side credits, and the document's issuer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Attribution {
    /// The document's issuer.
    pub issuer: Issuer,
    /// One actor per sentence.
    pub actors: Vec<Actor>,
    /// Per sentence, the words naming its actor (empty span when none).
    #[serde(skip)]
    pub mentions: Vec<Span>,
}

/// Who one document's sentences credit, and who issued it: for a collation, each document
/// read on its own as each side of a pair is.
pub(super) fn attribution(side: &SideTokens<'_>) -> Attribution {
    let lexicon = builtin();
    attribute(side, lexicon, &Kinds::of(lexicon)).0
}

/// What the stance reads of one side's text alone: who each sentence credits, and the
/// lexicon's forms in each sentence (with whether it ends with final punctuation). The
/// insights read it while the comparison runs ([`super::TextReading`]); the shifts on the
/// links need the comparison.
pub(super) struct SideStance {
    attribution: Attribution,
    forms: Vec<(Vec<Hit>, bool)>,
}

impl SideStance {
    pub(super) fn read(side: &SideTokens<'_>) -> Self {
        let lexicon = builtin();
        let (attribution, all) = attribute(side, lexicon, &Kinds::of(lexicon));
        let forms = all
            .into_iter()
            .map(|words| (words.hits, words.punctuated))
            .collect();
        Self { attribution, forms }
    }

    /// The words of sentence `s` of `side` (as [`Words::all`] read them), with the forms read.
    fn words<'s>(&self, side: &'s SideTokens<'_>, s: usize) -> Option<Words<'s>> {
        let (hits, punctuated) = self.forms.get(s)?;
        let (tokens, ..) = side.extent(side.sentences.get(s)?);
        let (words, lowers) = words::words_of(tokens);
        Some(Words {
            words,
            lowers,
            hits: hits.clone(),
            punctuated: *punctuated,
        })
    }
}

/// Who each side's sentences credit, and the stance shifts on the links.
#[cfg(test)]
pub(super) fn find(
    sides: &[SideTokens<'_>; 2],
    comparison: &Comparison,
) -> ([Attribution; 2], Vec<Shift>) {
    let read = [SideStance::read(&sides[0]), SideStance::read(&sides[1])];
    find_read(sides, read, comparison)
}

/// [`find`], with what was read of each side's text alone.
pub(super) fn find_read(
    sides: &[SideTokens<'_>; 2],
    [left_read, right_read]: [SideStance; 2],
    comparison: &Comparison,
) -> ([Attribution; 2], Vec<Shift>) {
    let lexicon = builtin();
    let kinds = Kinds::of(lexicon);
    // The words of each linked sentence, made again once however many links it has.
    let mut left_all: Vec<Option<Words<'_>>> = left_read.forms.iter().map(|_| None).collect();
    let mut right_all: Vec<Option<Words<'_>>> = right_read.forms.iter().map(|_| None).collect();
    for link in comparison
        .links
        .iter()
        .filter(|l| l.kind != LinkKind::Identical)
    {
        if let Some(slot @ None) = left_all.get_mut(link.left) {
            *slot = left_read.words(&sides[0], link.left);
        }
        if let Some(slot @ None) = right_all.get_mut(link.right) {
            *slot = right_read.words(&sides[1], link.right);
        }
    }
    let attributions = [left_read.attribution, right_read.attribution];
    // Each linked sentence's stance forms, read once however many links it has.
    let mut left_stance: Vec<Option<Vec<Hit>>> = vec![None; left_all.len()];
    let mut right_stance: Vec<Option<Vec<Hit>>> = vec![None; right_all.len()];
    let mut shifts = Vec::new();
    let texts = [sides[0].text, sides[1].text];
    for link in &comparison.links {
        if link.kind == LinkKind::Identical {
            continue;
        }
        let (Some(&left_actor), Some(&right_actor)) = (
            attributions[0].actors.get(link.left),
            attributions[1].actors.get(link.right),
        ) else {
            continue;
        };
        let text = |side: usize, span: Span| {
            super::one_line(sides[side].text.get(span.range()).unwrap_or(""))
        };
        let mut push = |kind, stronger, left_span: Span, right_span: Span| {
            shifts.push(Shift {
                left: link.left,
                right: link.right,
                kind,
                stronger,
                left_words: text(0, left_span),
                right_words: text(1, right_span),
                left_span,
                right_span,
            });
        };
        let (Some(Some(left_words)), Some(Some(right_words))) =
            (left_all.get(link.left), right_all.get(link.right))
        else {
            continue;
        };
        let actors = [left_actor, right_actor];
        if let Some((left_span, right_span)) = credit_shift(
            &attributions,
            actors,
            link,
            [left_words, right_words],
            &kinds,
        ) {
            push(ShiftKind::Attribution, None, left_span, right_span);
        }
        let (Some(left_hits), Some(right_hits)) = (
            stance_of(&mut left_stance, link.left, left_words, lexicon, &kinds),
            stance_of(&mut right_stance, link.right, right_words, lexicon, &kinds),
        ) else {
            continue;
        };
        let read = [(left_words, left_hits), (right_words, right_hits)];
        if let Some((stronger, left_span, right_span)) = strength_shift(read, texts, &kinds) {
            push(ShiftKind::Strength, Some(stronger), left_span, right_span);
        }
        if let Some((stronger, left_span, right_span)) = scope_shift(read, &kinds) {
            push(ShiftKind::Scope, Some(stronger), left_span, right_span);
        }
    }
    (attributions, shifts)
}

/// The words that credit a point to both sides on one side of a link and to one party on the
/// other (left span, right span), when they differ so. Reports of the meeting itself are not
/// compared for credit: "X hosted Y" against "X and Y met" tells who travelled, not who holds
/// a position (complementary acts). A journey on both sides is compared: "the Prime Minister
/// and the Secretary General visited the site" against "he visited the site" credits one act
/// differently.
fn credit_shift(
    attributions: &[Attribution; 2],
    [left_actor, right_actor]: [Actor; 2],
    link: &Link,
    [left_words, right_words]: [&Words<'_>; 2],
    kinds: &Kinds,
) -> Option<(Span, Span)> {
    let joint_vs_one = (left_actor == Actor::Joint && right_actor.is_one_party())
        || (right_actor == Actor::Joint && left_actor.is_one_party());
    if !joint_vs_one {
        return None;
    }
    let report = |side: usize, sentence: usize, words: &Words<'_>| {
        attributions[side].issuer.opener == Some(sentence)
            || words.has(kinds.meeting)
            || words.hits.iter().any(|h| kinds.is_one_party_act(h.kind))
    };
    let both_travel = left_words.has(kinds.travel) && right_words.has(kinds.travel);
    if !both_travel && (report(0, link.left, left_words) || report(1, link.right, right_words)) {
        return None;
    }
    let mention = |side: usize, sentence: usize| {
        attributions[side]
            .mentions
            .get(sentence)
            .copied()
            .unwrap_or(Span::new(0, 0))
    };
    Some((mention(0, link.left), mention(1, link.right)))
}

/// The same point worded more strongly on one side: by the force of its verbs and
/// intensifiers, else by its modality (the stronger side, left span, right span).
fn strength_shift(
    [(left_words, left_hits), (right_words, right_hits)]: [(&Words<'_>, &[Hit]); 2],
    [left_text, right_text]: [&str; 2],
    kinds: &Kinds,
) -> Option<(Stronger, Span, Span)> {
    if let (Some(l), Some(r)) = (force(left_hits, kinds), force(right_hits, kinds))
        && let Some(stronger) = stronger_side(&l, &r)
        && !condemnation_against_praise([(left_words, &l), (right_words, &r)])
    {
        // The verbs with what they govern: "condemned the recent missile launches".
        let quote = |words: &Words<'_>, text: &str, force: &Force| {
            words.span_with_object(text, force.words.0, force.words.1)
        };
        return Some((
            stronger,
            quote(left_words, left_text, &l),
            quote(right_words, right_text, &r),
        ));
    }
    let (l, r) = (
        modality(left_words, left_hits, kinds)?,
        modality(right_words, right_hits, kinds)?,
    );
    if l.0.abs_diff(r.0) < MIN_MODAL_GAP {
        return None;
    }
    let stronger = if l.0 > r.0 {
        Stronger::Left
    } else {
        Stronger::Right
    };
    Some((stronger, l.1, r.1))
}

/// Whether one side condemns or demands where the other praises ("condemned the provocative
/// actions" against "commended the deepening of cooperation"): opposite judgements are of two
/// different points, not one point worded more and less strongly.
fn condemnation_against_praise(forces: [(&Words<'_>, &Force); 2]) -> bool {
    let praises = |(words, force): (&Words<'_>, &Force)| {
        words
            .lowers
            .get(force.words.0..force.words.1)
            .is_some_and(|run| run.iter().any(|w| PRAISE.contains(w)))
    };
    let condemns = |(_, force): (&Words<'_>, &Force)| force.verb >= shifts::CONDEMNATION;
    let [a, b] = forces;
    (condemns(a) && praises(b)) || (condemns(b) && praises(a))
}

/// Verbs of praise and welcome, the opposite judgement to a condemnation.
const PRAISE: &[&str] = &[
    "welcomed",
    "welcomes",
    "commended",
    "praised",
    "hailed",
    "appreciated",
    "applauded",
    "lauded",
    "congratulated",
    "thanked",
];

/// A qualification on one side only (the side that qualifies, left span, right span; the
/// other side's span is empty).
fn scope_shift(
    [(left_words, left_hits), (right_words, right_hits)]: [(&Words<'_>, &[Hit]); 2],
    kinds: &Kinds,
) -> Option<(Stronger, Span, Span)> {
    let scope = |words: &Words<'_>, hits: &[Hit]| {
        hits.iter()
            .find(|h| Some(h.kind) == kinds.scope)
            .map(|h| words.span(h.start, h.end))
    };
    match (scope(left_words, left_hits), scope(right_words, right_hits)) {
        (Some(span), None) => Some((Stronger::Left, span, Span::new(0, 0))),
        (None, Some(span)) => Some((Stronger::Right, Span::new(0, 0), span)),
        _ => None,
    }
}
