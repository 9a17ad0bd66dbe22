//! Who issued a document and whom each of its sentences credits: the issuer from the opener,
//! then each sentence's first actor mention (rules 1 and 2 of the module's documentation).

use super::super::entities::{MONTHS, WEEKDAYS};
use super::super::{SideTokens, StrengthLexicon};
use super::issuer::{closing_speaker, country_named, finite_before, official_text, paired_title};
use super::words::{Hit, Kinds, Words};
use super::{Actor, Attribution, Issuer};
use crate::engine::segment::Span;

/// Words that are capitalised but name no person (besides months and weekdays): openers of a
/// sentence, parts of a title.
pub(super) const NOT_NAMES: &[&str] = &[
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
pub(super) fn is_name_word(words: &Words<'_>, i: usize, kinds: &Kinds) -> bool {
    let Some(tok) = words.words.get(i) else {
        return false;
    };
    let lower = tok.lower();
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
pub(super) struct Party {
    /// Name words, lower case.
    pub(super) names: Vec<String>,
    /// Title forms (lower-case words joined by spaces).
    pub(super) titles: Vec<String>,
    /// Whether the subject was "I" or "we".
    pub(super) first_person: bool,
}

impl Party {
    pub(super) fn from_range(words: &Words<'_>, start: usize, end: usize, kinds: &Kinds) -> Self {
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

    pub(super) fn is_empty(&self) -> bool {
        self.names.is_empty() && self.titles.is_empty() && !self.first_person
    }
}

/// Whether word `i` of `words` starts a name, a title or a first-person subject: where an
/// official's mention starts.
pub(super) fn starts_mention(words: &Words<'_>, i: usize, kinds: &Kinds) -> bool {
    is_name_word(words, i, kinds)
        || words.starting(i).is_some_and(|h| {
            Some(h.kind) == kinds.title
                || Some(h.kind) == kinds.own
                || Some(h.kind) == kinds.honorific
        })
}

/// Finds the openers among the first sentences (up to two, merged): the issuer's and the
/// counterpart's officials.
pub(super) fn opener(
    side: &SideTokens<'_>,
    all: &[Words<'_>],
    kinds: &Kinds,
) -> (Issuer, Party, Party) {
    let mut found: Option<(Issuer, Party, Party)> = None;
    for (index, words) in all.iter().enumerate().take(6) {
        let Some(verb) = words.hits.iter().find(|h| {
            (Some(h.kind) == kinds.meeting
                || kinds.is_one_party_act(h.kind)
                || (Some(h.kind) == kinds.force
                    && matches!(words.lowers.get(h.start), Some(&("welcomed" | "welcomes")))))
                && !finite_before(words, h.start)
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
        let text = |start: usize, stop: usize| official_text(side, words, kinds, start, stop);
        // "The U.S. Acting Coordinator … called on the Deputy Prime Minister …": a visitor
        // named with their country calls on a host who is not; the host's side wrote it.
        let host_writes = words.lowers.get(verb.start) == Some(&"called")
            && country_named(side.text, words, 0, subject_end)
            && !country_named(side.text, words, begin, end);
        match &mut found {
            None if host_writes => {
                let issuer = Issuer {
                    official: text(begin, end),
                    counterpart: text(0, subject_end),
                    opener: Some(index),
                };
                found = Some((issuer, object, subject));
            }
            None => {
                let issuer = Issuer {
                    official: text(0, subject_end),
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
pub(super) fn qualified_before(words: &Words<'_>, start: usize) -> bool {
    start
        .checked_sub(1)
        .and_then(|i| words.words.get(i))
        .is_some_and(|t| t.is_capitalised() && !matches!(t.lower(), "the" | "and"))
}

/// Credits every sentence of one side; with the words of each sentence, which the links read
/// again.
pub(super) fn attribute<'s>(
    side: &'s SideTokens<'_>,
    lexicon: &StrengthLexicon,
    kinds: &Kinds,
) -> (Attribution, Vec<Words<'s>>) {
    let all = Words::all(side, lexicon);
    let (issuer, mut own, mut other) = opener(side, &all, kinds);
    if issuer.opener.is_none()
        && let Some((first, second)) = paired_title(side, &all)
    {
        own.names.push(first);
        other.names.push(second);
    }
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
pub(super) struct Mention {
    pub(super) actor: Actor,
    pub(super) start: usize,
    pub(super) end: usize,
    /// Whether it is a title (with or without a name): an official, not a country.
    pub(super) titled: bool,
    /// Whether it is the object of a preposition or verb ("with Prime Minister Modi").
    pub(super) object: bool,
}

/// Words after which a mention is an object, not who acts ("between the leaders", "with
/// Prime Minister Modi").
pub(super) const OBJECT_AFTER: &[&str] = &[
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
pub(super) fn is_object(words: &Words<'_>, start: usize) -> bool {
    let mut k = start;
    while let Some(before) = k.checked_sub(1) {
        match words.lowers.get(before) {
            Some(&"the") => k = before,
            // The second of two names joined by "and" after "between" or "among" is an
            // object too: "between Pakistan and the US".
            Some(&"and") => {
                let mut j = before;
                while let Some(p) = j.checked_sub(1) {
                    let capitalised = words.words.get(p).is_some_and(|t| t.is_capitalised());
                    if capitalised || words.lowers.get(p) == Some(&"the") {
                        j = p;
                    } else {
                        break;
                    }
                }
                let symmetric = j
                    .checked_sub(1)
                    .and_then(|p| words.lowers.get(p))
                    .is_some_and(|w| matches!(*w, "between" | "among"));
                return j < before && symmetric;
            }
            Some(w) => return OBJECT_AFTER.contains(w),
            None => return false,
        }
    }
    false
}

/// Bodies of people or states a joint subject may count ("the two delegations", "both
/// governments").
const COLLECTIVES: &[&str] = &[
    "delegations",
    "governments",
    "countries",
    "nations",
    "parties",
    "teams",
    "sides",
    "leaders",
    "ministers",
    "counterparts",
    "officials",
];

/// The actor mentions of a sentence, in order.
pub(super) fn mentions(
    words: &Words<'_>,
    own: &Party,
    other: &Party,
    previous: Option<Actor>,
    kinds: &Kinds,
) -> Vec<Mention> {
    let reader = MentionReader {
        words,
        own,
        other,
        kinds,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.words.len() {
        if let Some(hit) = words.starting(i) {
            let kind = Some(hit.kind);
            let after = if kind == kinds.joint {
                // "the two" / "both" with the body it counts ("the two delegations"): the
                // words a stance shift quotes.
                let end = hit.end
                    + usize::from(
                        words
                            .lowers
                            .get(hit.end)
                            .is_some_and(|w| COLLECTIVES.contains(w)),
                    );
                reader.push(&mut out, Actor::Joint, hit.start, end, false);
                Some(end)
            } else if kind == kinds.own {
                reader.own_mention(&mut out, hit);
                Some(hit.end)
            } else if kind == kinds.title {
                Some(reader.title_mention(&mut out, hit))
            } else {
                None
            };
            if let Some(after) = after {
                i = after;
                continue;
            }
        }
        i = reader.word_mention(&mut out, i, previous) + 1;
    }
    out
}

/// Reads the actor mentions of one sentence, knowing both parties.
struct MentionReader<'r, 's> {
    words: &'r Words<'s>,
    own: &'r Party,
    other: &'r Party,
    kinds: &'r Kinds,
}

impl MentionReader<'_, '_> {
    /// Adds a mention of words `start..end`.
    fn push(&self, out: &mut Vec<Mention>, actor: Actor, start: usize, end: usize, titled: bool) {
        out.push(Mention {
            actor,
            start,
            end,
            titled,
            object: is_object(self.words, start),
        });
    }

    /// The issuer's own words ("we", "the spokesperson"); "our" and "us" name the issuer only
    /// when nothing else does.
    fn own_mention(&self, out: &mut Vec<Mention>, hit: &Hit) {
        let lower = self.words.lowers.get(hit.start).copied().unwrap_or("");
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
            self.push(out, Actor::Issuer, hit.start, hit.end, false);
        }
    }

    /// A title ("the Prime Minister"): followed by a name, the name decides; else who has
    /// that title, or its qualification ("the Japanese Prime Minister", "the President of
    /// ..."). Gives the word after the mention.
    fn title_mention(&self, out: &mut Vec<Mention>, hit: &Hit) -> usize {
        let (words, kinds, own, other) = (self.words, self.kinds, self.own, self.other);
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
                self.push(out, actor, hit.start, after, true);
            }
            return after;
        }
        let of_country = words.lowers.get(hit.end) == Some(&"of")
            && words
                .words
                .get(hit.end + 1)
                .is_some_and(|t| t.is_capitalised());
        if title == "government" {
            return hit.end;
        }
        let theirs = other.titles.contains(&title) && !own.titles.contains(&title);
        let actor = if qualified_before(words, hit.start) || of_country || theirs {
            Actor::Counterpart
        } else {
            Actor::Issuer
        };
        self.push(out, actor, hit.start, hit.end, true);
        hit.end
    }

    /// Word `i` outside any lexicon phrase: "he"/"she" (the previous sentence's party), or a
    /// name one party's opener gave. Gives the last word read.
    fn word_mention(&self, out: &mut Vec<Mention>, mut i: usize, previous: Option<Actor>) -> usize {
        let (words, kinds) = (self.words, self.kinds);
        let lower = words.lowers.get(i).copied().unwrap_or("");
        if matches!(lower, "he" | "she") {
            let actor = match previous {
                Some(actor) if actor.is_one_party() => actor,
                _ => Actor::Issuer,
            };
            self.push(out, actor, i, i + 1, false);
        } else if is_name_word(words, i, kinds) {
            let in_own = self.own.names.iter().any(|n| n == lower);
            let in_other = self.other.names.iter().any(|n| n == lower);
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
                self.push(out, actor, start, i + 1, false);
            }
        }
        i
    }
}

/// The actor of one sentence and the words naming it.
pub(super) fn credit(
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
    if let Some(speaker) = closing_speaker(words, &all) {
        return (speaker.actor, words.span(speaker.start, speaker.end));
    }
    let found: Vec<Mention> = all.iter().copied().filter(|m| !m.object).collect();
    let Some(first) = found.first().copied() else {
        // "US" in capitals is read as "u.s.", the country (`Words::of`): "us" is the pronoun,
        // and the words that credit the sentence to its issuer ("advancing our shared resolve":
        // a stance shift quotes them, not a dash).
        let ours = words
            .lowers
            .iter()
            .position(|w| matches!(*w, "our" | "us" | "we"));
        return match ours {
            Some(k) => (Actor::Issuer, words.span(k, k + 1)),
            None => (Actor::Other, Span::new(0, 0)),
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
