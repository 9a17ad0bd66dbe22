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

use std::sync::OnceLock;

use serde::Serialize;

use super::strength::Stronger;
use super::{SideTokens, Tok, span_pair};
use crate::engine::segment::Span;
use crate::engine::{Comparison, LinkKind};

use super::StrengthLexicon;
use super::entities::{MONTHS, WEEKDAYS};

/// The built-in stance lexicon's text.
pub const BUILTIN: &str = include_str!("../../assets/stance.txt");

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

/// The lexicon's kind indexes, looked up once.
struct Kinds {
    force: Option<usize>,
    booster: Option<usize>,
    hedge: Option<usize>,
    modal: Option<usize>,
    joint: Option<usize>,
    own: Option<usize>,
    meeting: Option<usize>,
    one_party: Option<usize>,
    travel: Option<usize>,
    title: Option<usize>,
    honorific: Option<usize>,
    scope: Option<usize>,
}

impl Kinds {
    fn of(lexicon: &StrengthLexicon) -> Self {
        Self {
            force: lexicon.kind_index("force"),
            booster: lexicon.kind_index("booster"),
            hedge: lexicon.kind_index("hedge"),
            modal: lexicon.kind_index("modal"),
            joint: lexicon.kind_index("joint"),
            own: lexicon.kind_index("self"),
            meeting: lexicon.kind_index("meeting"),
            one_party: lexicon.kind_index("one-party"),
            travel: lexicon.kind_index("travel"),
            title: lexicon.kind_index("title"),
            honorific: lexicon.kind_index("honorific"),
            scope: lexicon.kind_index("scope"),
        }
    }

    /// Whether `kind` is an act of one party: on the other ("hosted") or a journey
    /// ("visited").
    fn is_one_party_act(&self, kind: usize) -> bool {
        Some(kind) == self.one_party || Some(kind) == self.travel
    }
}

/// One lexicon form met in a sentence: its kind, grade and the word range it covers.
#[derive(Debug, Clone, Copy)]
struct Hit {
    kind: usize,
    grade: u32,
    /// Word indexes (into the sentence's words).
    start: usize,
    end: usize,
}

/// A sentence's words and the lexicon forms among them.
struct Words<'s> {
    words: Vec<&'s Tok>,
    lowers: Vec<&'s str>,
    hits: Vec<Hit>,
    /// Per word, the index in `hits` of the form covering it (lookups in constant time, so a
    /// sentence of any length is read in linear time).
    covering: Vec<Option<usize>>,
    /// Whether the sentence ends with final punctuation (else it is a title or a date line).
    punctuated: bool,
}

impl<'s> Words<'s> {
    fn of(side: &'s SideTokens<'_>, sentence: usize, lexicon: &StrengthLexicon) -> Self {
        let tokens = side
            .sentences
            .get(sentence)
            .and_then(|range| side.tokens.get(range.clone()))
            .unwrap_or(&[]);
        let punctuated = tokens
            .iter()
            .rev()
            .find(|t| !matches!(t.key.as_str(), "\"" | "'" | ")" | "”" | "’"))
            .is_some_and(|t| {
                !t.is_word && matches!(t.key.as_str(), "." | "!" | "?" | ":" | ";")
                    || t.is_word && t.key.ends_with('.')
            });
        let words: Vec<&Tok> = tokens.iter().filter(|t| t.is_word).collect();
        let lowers: Vec<&str> = words.iter().map(|t| t.lower.as_str()).collect();
        let mut hits = Vec::new();
        let mut i = 0;
        while i < lowers.len() {
            match lexicon.match_at(&lowers, i) {
                Some((kind, grade, n)) => {
                    hits.push(Hit {
                        kind,
                        grade,
                        start: i,
                        end: i + n,
                    });
                    i += n.max(1);
                }
                None => i += 1,
            }
        }
        let mut covering = vec![None; lowers.len()];
        for (index, hit) in hits.iter().enumerate() {
            for slot in covering.iter_mut().take(hit.end).skip(hit.start) {
                *slot = Some(index);
            }
        }
        Self {
            words,
            lowers,
            hits,
            covering,
            punctuated,
        }
    }

    /// The form covering word `i`, if any.
    fn covering(&self, i: usize) -> Option<&Hit> {
        self.covering
            .get(i)
            .copied()
            .flatten()
            .and_then(|h| self.hits.get(h))
    }

    /// The lower-case words of a form, joined by spaces.
    fn phrase(&self, hit: &Hit) -> String {
        self.lowers
            .get(hit.start..hit.end)
            .map(|w| w.join(" "))
            .unwrap_or_default()
    }

    /// The form starting at word `i`, if any.
    fn starting(&self, i: usize) -> Option<&Hit> {
        self.covering(i).filter(|h| h.start == i)
    }

    fn has(&self, kind: Option<usize>) -> bool {
        kind.is_some_and(|k| self.hits.iter().any(|h| h.kind == k))
    }

    /// The span of words `start..end`.
    fn span(&self, start: usize, end: usize) -> Span {
        match (
            self.words.get(start),
            end.checked_sub(1).and_then(|e| self.words.get(e)),
        ) {
            (Some(first), Some(last)) => Span::new(first.span.start, last.span.end),
            _ => Span::new(0, 0),
        }
    }
}

/// Words that are capitalised but name no person (besides months and weekdays): openers of a
/// sentence, parts of a title.
const NOT_NAMES: &[&str] = &[
    "today",
    "on",
    "in",
    "at",
    "the",
    "during",
    "a",
    "an",
    "of",
    "and",
    "for",
    "foreign",
    "affairs",
    "state",
    "jst",
    "local",
    "time",
    "earlier",
    "yesterday",
];

/// Whether word `i` could be part of a person's name.
fn is_name_word(words: &Words<'_>, i: usize, kinds: &Kinds) -> bool {
    let Some(tok) = words.words.get(i) else {
        return false;
    };
    let lower = tok.lower.as_str();
    tok.is_capitalised()
        && lower.chars().count() > 1
        && lower.chars().any(char::is_alphabetic)
        && !NOT_NAMES.contains(&lower)
        && !MONTHS.contains(&lower)
        && !WEEKDAYS.contains(&lower)
        && words
            .covering(i)
            .is_none_or(|h| Some(h.kind) == kinds.force)
}

/// The people and titles an opener names for one party.
#[derive(Debug, Default, Clone)]
struct Party {
    /// Name words, lower case.
    names: Vec<String>,
    /// Title forms (lower-case words joined by spaces).
    titles: Vec<String>,
    /// Whether the subject was "I" or "we".
    first_person: bool,
}

impl Party {
    fn from_range(words: &Words<'_>, start: usize, end: usize, kinds: &Kinds) -> Self {
        let mut party = Self::default();
        for i in start..end.min(words.words.len()) {
            if is_name_word(words, i, kinds)
                && let Some(lower) = words.lowers.get(i)
            {
                party.names.push((*lower).to_owned());
            }
        }
        for hit in &words.hits {
            if hit.start >= start && hit.end <= end {
                if Some(hit.kind) == kinds.title {
                    party.titles.push(words.phrase(hit));
                }
                if Some(hit.kind) == kinds.own {
                    party.first_person = true;
                }
            }
        }
        party
    }

    fn is_empty(&self) -> bool {
        self.names.is_empty() && self.titles.is_empty() && !self.first_person
    }
}

/// Whether word `i` of `words` starts a name, a title or a first-person subject: where an
/// official's mention starts.
fn starts_mention(words: &Words<'_>, i: usize, kinds: &Kinds) -> bool {
    is_name_word(words, i, kinds)
        || words.starting(i).is_some_and(|h| {
            Some(h.kind) == kinds.title
                || Some(h.kind) == kinds.own
                || Some(h.kind) == kinds.honorific
        })
}

/// Finds the openers among the first sentences (up to two, merged): the issuer's and the
/// counterpart's officials.
fn opener(side: &SideTokens<'_>, all: &[Words<'_>], kinds: &Kinds) -> (Issuer, Party, Party) {
    let mut found: Option<(Issuer, Party, Party)> = None;
    for (index, words) in all.iter().enumerate().take(6) {
        let Some(verb) = words.hits.iter().find(|h| {
            Some(h.kind) == kinds.meeting
                || kinds.is_one_party_act(h.kind)
                || (Some(h.kind) == kinds.force
                    && matches!(words.lowers.get(h.start), Some(&("welcomed" | "welcomes"))))
        }) else {
            continue;
        };
        // The subject, without a relative clause ("Kishida, who is visiting Lithuania").
        let subject_end = (0..verb.start)
            .find(|&k| matches!(words.lowers.get(k), Some(&("who" | "which"))))
            .unwrap_or(verb.start);
        let subject = Party::from_range(words, 0, subject_end, kinds);
        // The object: after "with" when it comes soon ("held a telephone talk with …"), else
        // right after the verb; up to the end of the first run of names.
        let mut begin = verb.end;
        if let Some(with) = (verb.end..words.words.len().min(verb.end + 12))
            .find(|&k| words.lowers.get(k) == Some(&"with"))
        {
            begin = with + 1;
        }
        let mut end = words.words.len();
        let mut seen_name = false;
        for i in begin..words.words.len() {
            if is_name_word(words, i, kinds) {
                seen_name = true;
            } else if seen_name
                && !words.words.get(i).is_some_and(|t| t.is_capitalised())
                && !matches!(words.lowers.get(i), Some(&("of" | "the" | "and" | "for")))
            {
                end = i;
                break;
            }
        }
        let object = Party::from_range(words, begin, end, kinds);
        if subject.is_empty() || object.is_empty() {
            continue;
        }
        let text = |start: usize, stop: usize| {
            let start = (start..stop)
                .find(|&k| starts_mention(words, k, kinds))
                .unwrap_or(start);
            let span = words.span(start, stop);
            super::one_line(side.text.get(span.range()).unwrap_or(""))
        };
        match &mut found {
            None => {
                let issuer = Issuer {
                    official: text(0, verb.start),
                    counterpart: text(begin, end),
                    opener: Some(index),
                };
                found = Some((issuer, subject, object));
            }
            Some((_, own, other)) => {
                // A later opener adds only names the other party does not already hold.
                let new_own: Vec<String> = subject
                    .names
                    .into_iter()
                    .filter(|n| !other.names.contains(n))
                    .collect();
                let new_other: Vec<String> = object
                    .names
                    .into_iter()
                    .filter(|n| !own.names.contains(n))
                    .collect();
                own.names.extend(new_own);
                other.names.extend(new_other);
                break;
            }
        }
    }
    found.unwrap_or_default()
}

/// Demonyms and country words that qualify a title as the other side's ("Japanese Prime
/// Minister", "UK Prime Minister"): any capitalised word right before a title but "The".
fn qualified_before(words: &Words<'_>, start: usize) -> bool {
    start
        .checked_sub(1)
        .and_then(|i| words.words.get(i))
        .is_some_and(|t| t.is_capitalised() && !matches!(t.lower.as_str(), "the" | "and"))
}

/// Credits every sentence of one side; with the words of each sentence, which the links read
/// again.
fn attribute<'s>(
    side: &'s SideTokens<'_>,
    lexicon: &StrengthLexicon,
    kinds: &Kinds,
) -> (Attribution, Vec<Words<'s>>) {
    let all: Vec<Words<'_>> = (0..side.sentences.len())
        .map(|s| Words::of(side, s, lexicon))
        .collect();
    let (issuer, own, other) = opener(side, &all, kinds);
    let mut actors = Vec::with_capacity(all.len());
    let mut mentions = Vec::with_capacity(all.len());
    let mut previous: Option<Actor> = None;
    for (index, words) in all.iter().enumerate() {
        let (actor, mention) = credit(words, index, &issuer, &own, &other, previous, kinds);
        previous = Some(actor);
        actors.push(actor);
        mentions.push(mention);
    }
    (
        Attribution {
            issuer,
            actors,
            mentions,
        },
        all,
    )
}

/// An actor mention met while reading a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Mention {
    actor: Actor,
    start: usize,
    end: usize,
    /// Whether it is a title (with or without a name): an official, not a country.
    titled: bool,
    /// Whether it is the object of a preposition or verb ("with Prime Minister Modi").
    object: bool,
}

/// Words after which a mention is an object, not who acts ("between the leaders", "with
/// Prime Minister Modi").
const OBJECT_AFTER: &[&str] = &[
    "between",
    "of",
    "with",
    "to",
    "for",
    "by",
    "from",
    "among",
    "alongside",
    "on",
    "at",
    "former",
    "thanked",
    "congratulated",
    "met",
    "welcomed",
    "praised",
];

/// Whether the mention starting at word `start` is an object (looking past "the").
fn is_object(words: &Words<'_>, start: usize) -> bool {
    let mut k = start;
    while let Some(before) = k.checked_sub(1) {
        match words.lowers.get(before) {
            Some(&"the") => k = before,
            Some(w) => return OBJECT_AFTER.contains(w),
            None => return false,
        }
    }
    false
}

/// The actor mentions of a sentence, in order.
fn mentions(
    words: &Words<'_>,
    own: &Party,
    other: &Party,
    previous: Option<Actor>,
    kinds: &Kinds,
) -> Vec<Mention> {
    let mut out = Vec::new();
    let push = |out: &mut Vec<Mention>, actor: Actor, start: usize, end: usize, titled: bool| {
        out.push(Mention {
            actor,
            start,
            end,
            titled,
            object: is_object(words, start),
        });
    };
    let mut i = 0;
    while i < words.words.len() {
        let hit = words.starting(i);
        if let Some(hit) = hit {
            let kind = Some(hit.kind);
            if kind == kinds.joint {
                push(&mut out, Actor::Joint, hit.start, hit.end, false);
                i = hit.end;
                continue;
            }
            if kind == kinds.own {
                let lower = words.lowers.get(i).copied().unwrap_or("");
                // "our" and "us" name the issuer only when nothing else does.
                if lower.starts_with("spokes") {
                    // "As stated by Spokesperson Ned Price:" credits the issuer.
                    out.push(Mention {
                        actor: Actor::Issuer,
                        start: hit.start,
                        end: hit.end,
                        titled: false,
                        object: false,
                    });
                } else if !matches!(lower, "our" | "us") {
                    push(&mut out, Actor::Issuer, hit.start, hit.end, false);
                }
                i = hit.end;
                continue;
            }
            if kind == kinds.title {
                // A title followed by a name: the name decides.
                let mut next = hit.end;
                while let Some(honorific) = words
                    .starting(next)
                    .filter(|h| Some(h.kind) == kinds.honorific)
                {
                    next = honorific.end;
                }
                let title = words.phrase(hit);
                if is_name_word(words, next, kinds) {
                    // A name neither opener gave: the title decides when only one side has it.
                    let known = |party: &Party| {
                        words
                            .lowers
                            .get(next)
                            .is_some_and(|w| party.names.iter().any(|n| n == w))
                    };
                    let own_title = own.titles.contains(&title);
                    let other_title = other.titles.contains(&title);
                    let mut after = next;
                    while is_name_word(words, after, kinds) {
                        after += 1;
                    }
                    let actor = if known(own) != known(other) {
                        Some(if known(own) {
                            Actor::Issuer
                        } else {
                            Actor::Counterpart
                        })
                    } else if !known(own) && own_title != other_title {
                        Some(if own_title {
                            Actor::Issuer
                        } else {
                            Actor::Counterpart
                        })
                    } else {
                        None
                    };
                    if let Some(actor) = actor {
                        push(&mut out, actor, hit.start, after, true);
                    }
                    i = after;
                    continue;
                }
                let of_country = words.lowers.get(hit.end) == Some(&"of")
                    && words
                        .words
                        .get(hit.end + 1)
                        .is_some_and(|t| t.is_capitalised());
                if title == "government" {
                    i = hit.end;
                    continue;
                }
                let theirs = other.titles.contains(&title) && !own.titles.contains(&title);
                let actor = if qualified_before(words, hit.start) || of_country || theirs {
                    Actor::Counterpart
                } else {
                    Actor::Issuer
                };
                push(&mut out, actor, hit.start, hit.end, true);
                i = hit.end;
                continue;
            }
        }
        let lower = words.lowers.get(i).copied().unwrap_or("");
        if matches!(lower, "he" | "she") {
            let actor = match previous {
                Some(actor) if actor.is_one_party() => actor,
                _ => Actor::Issuer,
            };
            push(&mut out, actor, i, i + 1, false);
        } else if is_name_word(words, i, kinds) {
            let in_own = own.names.iter().any(|n| n == lower);
            let in_other = other.names.iter().any(|n| n == lower);
            let start = i;
            // Skip the rest of this name.
            while is_name_word(words, i + 1, kinds) {
                i += 1;
            }
            // A name right before a title qualifies it ("Japanese Prime Minister"): the title
            // is the mention.
            let before_title = words
                .starting(i + 1)
                .is_some_and(|h| Some(h.kind) == kinds.title);
            if in_own != in_other && !before_title {
                let actor = if in_own {
                    Actor::Issuer
                } else {
                    Actor::Counterpart
                };
                push(&mut out, actor, start, i + 1, false);
            }
        }
        i += 1;
    }
    out
}

/// The actor of one sentence and the words naming it.
fn credit(
    words: &Words<'_>,
    index: usize,
    issuer: &Issuer,
    own: &Party,
    other: &Party,
    previous: Option<Actor>,
    kinds: &Kinds,
) -> (Actor, Span) {
    let meeting_verb = words.hits.iter().any(|h| {
        Some(h.kind) == kinds.meeting
            && words
                .lowers
                .get(h.start)
                .is_some_and(|w| matches!(*w, "spoke" | "met" | "held" | "had" | "talked"))
    });
    let capitalised = words.words.iter().filter(|t| t.is_capitalised()).count();
    let heading =
        !words.punctuated && (words.words.len() <= 12 || capitalised * 2 >= words.words.len());
    if heading && !meeting_verb {
        return (Actor::Other, Span::new(0, 0));
    }
    if words.lowers.windows(2).any(|w| w == ["as", "follows"]) {
        return (Actor::Other, Span::new(0, 0));
    }
    let all = mentions(words, own, other, previous, kinds);
    let found: Vec<Mention> = all.iter().copied().filter(|m| !m.object).collect();
    let Some(first) = found.first().copied() else {
        let ours = words
            .lowers
            .iter()
            .any(|w| matches!(*w, "our" | "us" | "we"));
        return if ours {
            (Actor::Issuer, Span::new(0, 0))
        } else {
            (Actor::Other, Span::new(0, 0))
        };
    };
    let span_of = |m: &Mention| words.span(m.start, m.end);
    // Two officials joined by "and" ("The Prime Minister and Secretary General") are both.
    let joined = found.windows(2).find(|pair| {
        let (a, b) = (pair[0], pair[1]);
        a.titled
            && b.titled
            && a.actor.is_one_party()
            && b.actor.is_one_party()
            && (a.actor != b.actor
                || a.actor == Actor::Issuer
                    && words.lowers.get(a.start..a.end) != words.lowers.get(b.start..b.end))
            && (a.end..b.start).any(|k| words.lowers.get(k) == Some(&"and"))
            && b.start.saturating_sub(a.end) <= 3
    });
    if let Some(pair) = joined {
        return (Actor::Joint, words.span(pair[0].start, pair[1].end));
    }
    if first.actor == Actor::Joint {
        return (Actor::Joint, span_of(&first));
    }
    // A later joint main clause: "…, and the two leaders agreed".
    if let Some(joint) = found.iter().skip(1).find(|m| {
        m.actor == Actor::Joint
            && m.start
                .checked_sub(1)
                .and_then(|k| words.lowers.get(k))
                .is_some_and(|w| *w == "and")
    }) {
        return (Actor::Joint, span_of(joint));
    }
    // An opener that names both parties credits both, unless one party acts on the other.
    let both = all.iter().any(|m| m.actor == Actor::Issuer)
        && all.iter().any(|m| m.actor == Actor::Counterpart);
    let one_sided = words.hits.iter().any(|h| kinds.is_one_party_act(h.kind))
        || words.lowers.iter().any(|w| {
            matches!(
                *w,
                "welcomed" | "welcomes" | "congratulated" | "congratulate" | "hosted"
            )
        });
    if (meeting_verb || issuer.opener == Some(index)) && both && !one_sided {
        return (Actor::Joint, span_of(&first));
    }
    (first.actor, span_of(&first))
}

/// The stance forms of a sentence (force, booster, hedge, scope), read apart from the actor
/// forms so that none hides another ("addressed" inside "we also addressed", "talked" inside
/// "talked to"), with the scope constructions no list of forms can hold: a contrastive negation
/// ("not regional but global") and a deadline ("by 2030").
fn stance_hits(words: &Words<'_>, lexicon: &StrengthLexicon, kinds: &Kinds) -> Vec<Hit> {
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
                    .is_some_and(|t| t.is_capitalised() && !t.initial);
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
    hits
}

/// The stance forms of sentence `index`, read on first use and kept in `memo`.
fn stance_of<'m>(
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
const NOT_CONTRAST: &[&str] = &["only", "just", "merely", "simply", "least"];

/// The length in words of a scope construction starting at word `i`, if one does: "not X but
/// Y" (a contrastive negation that delimits what is meant, as in "on an international, not
/// unilateral basis") and "by" a year (a deadline).
fn scope_construction(lowers: &[&str], i: usize) -> Option<usize> {
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
struct Force {
    /// The position verb's grade, raised by one for a booster and lowered by one for a hedge.
    value: i32,
    /// The position verb's own grade.
    verb: u32,
    /// Whether a booster raised it.
    boosted: bool,
    /// The words that carry it.
    span: Span,
}

/// The force of a sentence: its strongest position verb, raised by a booster and lowered by a
/// hedge; with the words that carry it. `hits` are the sentence's [`stance_hits`].
fn force(words: &Words<'_>, hits: &[Hit], kinds: &Kinds) -> Option<Force> {
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
        span: words.span(start, end),
    })
}

/// Least difference of force between two linked sentences for a strength shift.
const MIN_FORCE_GAP: i32 = 2;

/// The grade of condemnation and demand ("condemned", "urged"): a difference in kind from
/// every lower grade, not only in degree.
const CONDEMNATION: u32 = 4;

/// Least difference of modal value for a strength shift: high against low ("must" against
/// "may"), not against median ("must" against "will", which reported speech often gives as
/// "would").
const MIN_MODAL_GAP: u32 = 2;

/// A sentence's strongest modal: its value (1 low, 2 median, 3 high) and where it is.
fn modality(words: &Words<'_>, hits: &[Hit], kinds: &Kinds) -> Option<(u32, Span)> {
    hits.iter()
        .filter(|h| Some(h.kind) == kinds.modal)
        .max_by_key(|h| (h.grade, std::cmp::Reverse(h.start)))
        .map(|h| (h.grade, words.span(h.start, h.end)))
}

/// Which side of a link words its point more strongly, if one does: force two grades apart,
/// or one grade apart when the difference is one of kind: a condemnation or demand on one side
/// only ("condemned" against "affirmed continued collaboration"), or the same grade of verb
/// intensified on one side only ("reiterated their unwavering support" against "confirmed").
fn stronger_side(left: &Force, right: &Force) -> Option<Stronger> {
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

/// Who one document's sentences credit, and who issued it: for a collation, each document
/// read on its own as each side of a pair is.
pub(super) fn attribution(side: &SideTokens<'_>) -> Attribution {
    let lexicon = builtin();
    attribute(side, lexicon, &Kinds::of(lexicon)).0
}

/// Who each side's sentences credit, and the stance shifts on the links.
pub(super) fn find(
    sides: &[SideTokens<'_>; 2],
    comparison: &Comparison,
) -> ([Attribution; 2], Vec<Shift>) {
    let lexicon = builtin();
    let kinds = Kinds::of(lexicon);
    let (left_attribution, left_all) = attribute(&sides[0], lexicon, &kinds);
    let (right_attribution, right_all) = attribute(&sides[1], lexicon, &kinds);
    let attributions = [left_attribution, right_attribution];
    // Each linked sentence's stance forms, read once however many links it has.
    let mut left_stance: Vec<Option<Vec<Hit>>> = vec![None; left_all.len()];
    let mut right_stance: Vec<Option<Vec<Hit>>> = vec![None; right_all.len()];
    let mut shifts = Vec::new();
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
        let (Some(left_words), Some(right_words)) =
            (left_all.get(link.left), right_all.get(link.right))
        else {
            continue;
        };
        let joint_vs_one = (left_actor == Actor::Joint && right_actor.is_one_party())
            || (right_actor == Actor::Joint && left_actor.is_one_party());
        // Reports of the meeting itself are not compared for credit: "X hosted Y" against "X
        // and Y met" tells who travelled, not who holds a position (complementary acts). A
        // journey on both sides is compared: "the Prime Minister and the Secretary General
        // visited the site" against "he visited the site" credits one act differently.
        let report = |side: usize, sentence: usize, words: &Words<'_>| {
            attributions[side].issuer.opener == Some(sentence)
                || words.has(kinds.meeting)
                || words.hits.iter().any(|h| kinds.is_one_party_act(h.kind))
        };
        let both_travel = left_words.has(kinds.travel) && right_words.has(kinds.travel);
        if joint_vs_one
            && (both_travel
                || !report(0, link.left, left_words) && !report(1, link.right, right_words))
        {
            let left_span = attributions[0]
                .mentions
                .get(link.left)
                .copied()
                .unwrap_or(Span::new(0, 0));
            let right_span = attributions[1]
                .mentions
                .get(link.right)
                .copied()
                .unwrap_or(Span::new(0, 0));
            push(ShiftKind::Attribution, None, left_span, right_span);
        }
        let (Some(left_hits), Some(right_hits)) = (
            stance_of(&mut left_stance, link.left, left_words, lexicon, &kinds),
            stance_of(&mut right_stance, link.right, right_words, lexicon, &kinds),
        ) else {
            continue;
        };
        if let (Some(l), Some(r)) = (
            force(left_words, left_hits, &kinds),
            force(right_words, right_hits, &kinds),
        ) && let Some(stronger) = stronger_side(&l, &r)
        {
            push(ShiftKind::Strength, Some(stronger), l.span, r.span);
        } else if let (Some(l), Some(r)) = (
            modality(left_words, left_hits, &kinds),
            modality(right_words, right_hits, &kinds),
        ) && l.0.abs_diff(r.0) >= MIN_MODAL_GAP
        {
            let stronger = if l.0 > r.0 {
                Stronger::Left
            } else {
                Stronger::Right
            };
            push(ShiftKind::Strength, Some(stronger), l.1, r.1);
        }
        let scope = |words: &Words<'_>, hits: &[Hit]| {
            hits.iter()
                .find(|h| Some(h.kind) == kinds.scope)
                .map(|h| words.span(h.start, h.end))
        };
        match (scope(left_words, left_hits), scope(right_words, right_hits)) {
            (Some(span), None) => push(
                ShiftKind::Scope,
                Some(Stronger::Left),
                span,
                Span::new(0, 0),
            ),
            (None, Some(span)) => push(
                ShiftKind::Scope,
                Some(Stronger::Right),
                Span::new(0, 0),
                span,
            ),
            _ => {}
        }
    }
    (attributions, shifts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Link, LinkSource, Options, compare};

    /// The shifts `find` gives on one link, drawn by hand between the left sentence containing
    /// `l` and the right one containing `r` (whatever the engine links), each text read as its
    /// own document (its opener, its issuer).
    fn shifts_on(left: &str, right: &str, l: &str, r: &str) -> Vec<Shift> {
        let mut c = compare(left, right, &Options::default());
        let at = |text: &str, sentences: &[crate::engine::Sentence], needle: &str| {
            sentences
                .iter()
                .position(|s| text[s.span.range()].contains(needle))
                .unwrap_or_else(|| panic!("no sentence with {needle:?}"))
        };
        c.links = vec![Link {
            left: at(left, &c.left_sentences, l),
            right: at(right, &c.right_sentences, r),
            kind: LinkKind::Related,
            score: 0.5,
            shared: Vec::new(),
            left_spans: Vec::new(),
            right_spans: Vec::new(),
            source: LinkSource::Engine,
        }];
        let sides = [
            SideTokens::new(left, &c.left_sentences),
            SideTokens::new(right, &c.right_sentences),
        ];
        find(&sides, &c).1
    }

    fn of_kind(shifts: &[Shift], kind: ShiftKind) -> Option<&Shift> {
        shifts.iter().find(|s| s.kind == kind)
    }

    // Strength (sentences from the development pairs' readouts).

    #[test]
    fn a_verb_intensified_on_one_side_only_is_stronger() {
        let left = "They reiterated their unwavering support for Ukraine's independence, \
                    sovereignty, and territorial integrity.\n";
        let right = "The two ministers confirmed that Japan and the United States would continue \
                     to work together in response to the current situation in Ukraine.\n";
        let shifts = shifts_on(left, right, "reiterated", "confirmed");
        let shift = of_kind(&shifts, ShiftKind::Strength).expect("a strength shift");
        assert_eq!(shift.stronger, Some(Stronger::Left));
        assert_eq!(shift.left_words, "reiterated their unwavering");
        assert_eq!(shift.right_words, "confirmed");
    }

    #[test]
    fn a_condemnation_against_an_affirmation_is_stronger() {
        let left = "Both leaders condemned the recent North Korean missile launches.\n";
        let right = "They have affirmed continued collaboration in addressing North Korea, such \
                     as the nuclear and missile issues.\n";
        let shifts = shifts_on(left, right, "condemned", "affirmed");
        let shift = of_kind(&shifts, ShiftKind::Strength).expect("a strength shift");
        assert_eq!(shift.stronger, Some(Stronger::Left));
        assert_eq!(shift.left_words, "condemned");
        assert_eq!(shift.right_words, "affirmed");
    }

    #[test]
    fn a_verb_inside_an_actor_form_still_counts() {
        // "We also addressed" is a joint subject; its verb is a neutral discourse act all the
        // same, and "expressed their deep concern" a boosted expressive.
        let left = "The Prime Minister and Secretary General both expressed their deep concern \
                    at the situation in northern Syria.\n";
        let right = "We also addressed arms control and of course also the situation in Northern \
                     Syria.\n";
        let shifts = shifts_on(left, right, "deep concern", "addressed");
        let shift = of_kind(&shifts, ShiftKind::Strength).expect("a strength shift");
        assert_eq!(shift.stronger, Some(Stronger::Left));
        assert_eq!(shift.left_words, "expressed their deep");
        assert_eq!(shift.right_words, "addressed");
    }

    #[test]
    fn courtesies_and_same_grade_rewordings_are_not_strength_shifts() {
        // "warmly" is the formula of congratulations, not a stronger position.
        let left = "The president-elect thanked the prime minister for his congratulations.\n";
        let right = "Prime Minister Modi warmly congratulated President-elect Biden on his \
                     election.\n";
        let shifts = shifts_on(left, right, "thanked", "congratulated");
        assert!(
            of_kind(&shifts, ShiftKind::Strength).is_none(),
            "{shifts:#?}"
        );
        // One grade apart, in degree only: "agreed" against "welcomed".
        let left = "The leaders agreed to deepen cooperation on artificial intelligence.\n";
        let right = "The two leaders welcomed the deepening of cooperation on artificial \
                     intelligence.\n";
        let shifts = shifts_on(left, right, "agreed", "welcomed");
        assert!(
            of_kind(&shifts, ShiftKind::Strength).is_none(),
            "{shifts:#?}"
        );
        // The same grade worded otherwise.
        let left = "The two leaders emphasized their commitment to the partnership.\n";
        let right = "Both leaders stressed their commitment to deepen the partnership.\n";
        let shifts = shifts_on(left, right, "emphasized", "stressed");
        assert!(shifts.is_empty(), "{shifts:#?}");
    }

    #[test]
    fn an_obligation_against_a_possibility_is_stronger() {
        let left = "The two sides must resume negotiations on the free trade agreement.\n";
        let right = "The two sides may resume negotiations on the free trade agreement.\n";
        let shifts = shifts_on(left, right, "must", "may");
        let shift = of_kind(&shifts, ShiftKind::Strength).expect("a strength shift");
        assert_eq!(shift.stronger, Some(Stronger::Left));
        assert_eq!((&*shift.left_words, &*shift.right_words), ("must", "may"));
        // High against median is not: reported speech turns "will" into "would".
        let right = "The two sides would resume negotiations on the free trade agreement.\n";
        let shifts = shifts_on(left, right, "must", "would");
        assert!(
            of_kind(&shifts, ShiftKind::Strength).is_none(),
            "{shifts:#?}"
        );
        // "the vital need to" is a noun, and "May" a month.
        let left = "They spoke of the vital need to resume negotiations, which began in May.\n";
        let right = "They agreed that the negotiations could resume.\n";
        let shifts = shifts_on(left, right, "the vital need to", "could");
        assert!(
            of_kind(&shifts, ShiftKind::Strength).is_none(),
            "{shifts:#?}"
        );
        let left = "They agreed that the negotiations begun in May resume this week.\n";
        let right = "They agreed that the negotiations must resume.\n";
        let shifts = shifts_on(left, right, "May", "must");
        assert!(
            of_kind(&shifts, ShiftKind::Strength).is_none(),
            "{shifts:#?}"
        );
    }

    #[test]
    fn a_denied_verb_takes_no_position() {
        let left = "The two sides did not agree on the text of the communiqué.\n";
        let right = "The two sides discussed the text of the communiqué.\n";
        let shifts = shifts_on(left, right, "did not agree", "discussed");
        assert!(
            of_kind(&shifts, ShiftKind::Strength).is_none(),
            "{shifts:#?}"
        );
    }

    // Attribution.

    #[test]
    fn one_journey_credited_to_both_and_to_one_is_an_attribution_shift() {
        let left = "On August 25, in Cambridge Bay, the Prime Minister and the Secretary General \
                    visited one of the sites of the North Warning System.\n";
        let right = "On Thursday, he visited a North Warning System radar site in Cambridge \
                     Bay.\n";
        let shifts = shifts_on(left, right, "visited", "visited");
        let shift = of_kind(&shifts, ShiftKind::Attribution).expect("an attribution shift");
        assert_eq!(shift.left_words, "Prime Minister and the Secretary General");
        assert_eq!(shift.right_words, "he");
        assert_eq!(shift.stronger, None);
    }

    #[test]
    fn complementary_acts_are_not_attribution_shifts() {
        // One hosts, both meet: a report of the meeting, not of a position.
        let left = "The Prime Minister hosted Japanese Prime Minister Fumio Kishida at Downing \
                    Street this morning.\n";
        let right = "The two leaders met at Downing Street this morning.\n";
        let shifts = shifts_on(left, right, "hosted", "met");
        assert!(
            of_kind(&shifts, ShiftKind::Attribution).is_none(),
            "{shifts:#?}"
        );
        // One thanks, the other pledges: each side credits one party, no point is moved.
        let left = "The Prime Minister spoke with NATO Secretary General Jens Stoltenberg today. \
                    The Prime Minister thanked the Secretary General for NATO's support.\n";
        let right = "Secretary General Jens Stoltenberg spoke with Prime Minister Justin Trudeau. \
                     Mr Stoltenberg pledged NATO's support to Canada.\n";
        let shifts = shifts_on(left, right, "thanked", "pledged");
        assert!(
            of_kind(&shifts, ShiftKind::Attribution).is_none(),
            "{shifts:#?}"
        );
    }

    // Scope.

    #[test]
    fn a_contrastive_negation_a_deadline_or_a_concession_is_a_scope_shift() {
        let cases = [
            (
                "Underscoring that security is not regional but global, Mr Stoltenberg \
                 thanked the Prime Minister.\n",
                "Both recognised that the security of Europe and the Indo-Pacific are \
                 inseparable.\n",
                "not regional but global",
                Stronger::Left,
            ),
            (
                "He set out the UK's plan to steadily increase defence spending to 2.5%.\n",
                "The Secretary General welcomed that the UK will spend 2.5% of GDP on defence \
                 by 2030.\n",
                "by 2030",
                Stronger::Right,
            ),
            (
                "They both welcomed the lifting of UK import restrictions on products from \
                 Fukushima.\n",
                "He also welcomed that the UK's import measures on Fukushima's food products \
                 would be lifted, although it took some time.\n",
                "although",
                Stronger::Right,
            ),
        ];
        for (left, right, words, side) in cases {
            let shifts = shifts_on(left, right, ".", ".");
            let shift = of_kind(&shifts, ShiftKind::Scope)
                .unwrap_or_else(|| panic!("no scope shift for {words:?}: {shifts:#?}"));
            assert_eq!(shift.stronger, Some(side));
            let quoted = match side {
                Stronger::Left => &shift.left_words,
                Stronger::Right => &shift.right_words,
            };
            assert_eq!(quoted, words);
        }
    }

    #[test]
    fn an_additive_negation_or_a_list_is_not_a_scope_shift() {
        let left = "The leaders agreed that the partnership is not only about trade but also \
                    about security.\n";
        let right = "The leaders agreed to deepen the partnership in trade and security.\n";
        let shifts = shifts_on(left, right, "not only", "deepen");
        assert!(of_kind(&shifts, ShiftKind::Scope).is_none(), "{shifts:#?}");
        let left = "The leaders also discussed their priorities, including containing the \
                    pandemic and tackling climate change.\n";
        let right = "The leaders also discussed their priorities.\n";
        let shifts = shifts_on(left, right, "including", "priorities");
        assert!(of_kind(&shifts, ShiftKind::Scope).is_none(), "{shifts:#?}");
    }

    #[test]
    fn builtin_lexicon_parses_with_every_kind() {
        let lexicon = StrengthLexicon::parse(BUILTIN).expect("built-in stance lexicon");
        for kind in [
            "force",
            "booster",
            "hedge",
            "joint",
            "self",
            "meeting",
            "one-party",
            "title",
            "honorific",
            "scope",
            "travel",
            "courtesy",
            "modal",
        ] {
            assert!(lexicon.kind_index(kind).is_some(), "{kind}");
        }
        let grade = |w: &str| lexicon.grade_of(w).map(|(_, g)| g);
        assert!(grade("discussed") < grade("welcomed"));
        assert!(grade("welcomed") < grade("reaffirmed"));
        assert!(grade("reaffirmed") < grade("condemned"));
    }
}
