//! How a statement names who issued it: the official an opener names, cut to the words that
//! name them, the two parties of a statement with no opener, and the speaker of a closing
//! reporting clause.

use super::super::entities::WEEKDAYS;
use super::super::{SideTokens, Tok};
use super::attribution::{Mention, starts_mention};
use super::words::{Kinds, Words};
use crate::engine::segment::Span;

/// Words after an official's name that say when, not who ("on Tuesday", "today").
const WHEN: &[&str] = &[
    "on",
    "today",
    "yesterday",
    "earlier",
    "tonight",
    "this",
    "morning",
    "evening",
];

/// How an opener names an official: words `start..stop` of its sentence from the first that
/// starts a mention, after what dates the meeting ("On November 2, commencing at 1:50 p.m.
/// (local time) for 25 minutes, Mr. KISHIDA …": the last word with a digit ends it) and after
/// a dateline ("BEIJING, March 8 (Xinhua) -- Chinese State Councilor …", "New Delhi: Prime
/// Minister …"), without the time that follows ("… Narendra Modi on Tuesday").
pub(super) fn official_text(
    side: &SideTokens<'_>,
    words: &Words<'_>,
    kinds: &Kinds,
    start: usize,
    stop: usize,
) -> String {
    let gap = |k: usize| {
        let before = k
            .checked_sub(1)
            .map_or(Span::new(0, 0), |b| words.span(b, k));
        let here = words.span(k, k + 1);
        side.text
            .get(before.end.min(here.start)..here.start)
            .unwrap_or("")
    };
    let dateline = |k: usize| {
        let gap = gap(k);
        gap.contains([':', '—']) || gap.contains("--")
    };
    let digits = |k: usize| {
        words
            .lowers
            .get(k)
            .is_some_and(|w| w.contains(|c: char| c.is_ascii_digit()))
    };
    let after_date = (start..stop)
        .rev()
        .find(|&k| digits(k) || dateline(k))
        .map_or(start, |k| if dateline(k) { k } else { k + 1 });
    let start = (after_date..stop)
        .find(|&k| starts_mention(words, k, kinds))
        .unwrap_or(after_date);
    let mut stop = designation_end(words, kinds, start, stop);
    while stop > start + 1
        && words
            .lowers
            .get(stop - 1)
            .is_some_and(|w| WHEN.contains(w) || WEEKDAYS.contains(w) || CONNECTORS.contains(w))
    {
        stop -= 1;
    }
    let span = words.span(start, stop);
    let mut end = span.end;
    let text = side.text.get(span.start..end).unwrap_or("");
    if text.matches('(').count() > text.matches(')').count()
        && side
            .text
            .get(end..)
            .is_some_and(|rest| rest.starts_with(')'))
    {
        end += 1;
    }
    let text = side.text.get(span.start..end).unwrap_or("");
    balanced(&super::super::one_line(text))
}

/// Lower-case words inside an official's designation ("Minister for Foreign Affairs of
/// Japan", "Ambassador to the United Nations", "the Secretary and the Foreign Minister").
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "to", "on", "de", "al", "bin", "van", "von",
];

/// Where the designation starting at word `start` ends, at most `stop`: at the first word
/// that is neither a name, a title, an honorific, a first-person subject nor a connector
/// ("US President Joe Biden and Prime Minister Narendra Modi discussed …" ends before
/// "discussed"). A title the lexicon knows in lower case ("the president-elect") counts.
fn designation_end(words: &Words<'_>, kinds: &Kinds, start: usize, stop: usize) -> usize {
    let mut k = start;
    while k < stop {
        if let Some(hit) = words.starting(k).filter(|h| {
            Some(h.kind) == kinds.title
                || Some(h.kind) == kinds.own
                || Some(h.kind) == kinds.honorific
        }) {
            k = hit.end.max(k + 1);
            continue;
        }
        let capitalised = words.words.get(k).is_some_and(|t| t.is_capitalised());
        let connector = words.lowers.get(k).is_some_and(|w| CONNECTORS.contains(w));
        if !(capitalised || connector) {
            break;
        }
        k += 1;
    }
    k.min(stop)
}

/// `text` without a bracket it opens and does not close ("… Organization (NATO" gets its
/// ")" back when the text had it; else the bracket and what follows it go).
fn balanced(text: &str) -> String {
    match (text.rfind('('), text.rfind(')')) {
        (Some(open), close) if close.is_none_or(|c| c < open) => {
            text[..open].trim_end().trim_end_matches(',').to_owned()
        }
        _ => text.to_owned(),
    }
}

/// The two parties of a statement with no opener, from a pair of names joined by a hyphen in
/// its first sentence ("Pakistan-US Counter-Terrorism Dialogue Joint Press Statement"): each
/// side writes its own name first ("U.S.-Pakistan" in the embassy's post), so the first is the
/// issuer's, the second the counterpart's. Both must be named again elsewhere in the text
/// (not "Islamic State-Khorasan"). In lower case.
pub(super) fn paired_title(side: &SideTokens<'_>, all: &[Words<'_>]) -> Option<(String, String)> {
    let words = all.first()?;
    let named_elsewhere = |name: &str| all.iter().skip(1).any(|w| w.lowers.contains(&name));
    (1..words.words.len()).find_map(|i| {
        let (a, b) = (words.words.get(i - 1)?, words.words.get(i)?);
        let hyphen = side.text.get(a.span().end..b.span().start)? == "-";
        let name = |t: &Tok| {
            t.is_capitalised() && t.key().chars().filter(|c| c.is_alphabetic()).count() > 1
        };
        let (first, second) = (words.lowers.get(i - 1)?, words.lowers.get(i)?);
        (hyphen && name(a) && name(b) && named_elsewhere(first) && named_elsewhere(second))
            .then(|| ((*first).to_owned(), (*second).to_owned()))
    })
}

/// Whether words `start..end` name a country: a country or its demonym ("Japanese"), or a
/// country's initials ("U.S.", "UK", "EU").
pub(super) fn country_named(text: &str, words: &Words<'_>, start: usize, end: usize) -> bool {
    (start..end.min(words.words.len())).any(|k| {
        let Some(lower) = words.lowers.get(k) else {
            return false;
        };
        let written = text.get(words.span(k, k + 1).range()).unwrap_or("");
        let letters: String = written.chars().filter(|c| *c != '.').collect();
        let initials = (2..=3).contains(&letters.chars().count())
            && letters.chars().all(|c| c.is_ascii_uppercase());
        initials || super::super::entities::is_country_word(lower)
    })
}

/// Whether a finite verb comes before word `verb` outside a relative clause ("The DPM/FM Dar
/// was briefed on the discussions held during …", but not "Kishida, who is visiting Lithuania,
/// held …"): then `verb` is not the sentence's main verb but a participle after a noun, and
/// the words before it are no subject.
pub(super) fn finite_before(words: &Words<'_>, verb: usize) -> bool {
    let clause = (0..verb)
        .find(|&k| matches!(words.lowers.get(k), Some(&("who" | "which" | "that"))))
        .unwrap_or(verb);
    (0..clause).any(|k| {
        matches!(
            words.lowers.get(k),
            Some(&("was" | "were" | "is" | "are" | "has" | "have" | "had" | "been"))
        )
    })
}

/// Verbs of a closing reporting clause ("…, said Wang.", "…, he added.").
const REPORTING: &[&str] = &["said", "added", "stated", "noted", "stressed", "underlined"];

/// The speaker of a closing reporting clause, when it is one party: a news report's "…, the
/// leaders of China and Pakistan communicated in depth …, said Wang." is Wang's account,
/// credited to his side whatever it says of both. The clause is the last words: the verb
/// then the speaker ("said Wang"), or the speaker then the verb ("he said"), in a sentence
/// long enough to report something.
pub(super) fn closing_speaker(words: &Words<'_>, all: &[Mention]) -> Option<Mention> {
    let n = words.lowers.len();
    if n < 8 {
        return None;
    }
    let reporting = |k: usize| words.lowers.get(k).is_some_and(|w| REPORTING.contains(w));
    all.iter().copied().find(|m| {
        let after_verb = m.end == n && m.start >= 1 && reporting(m.start - 1);
        let before_verb = m.end + 1 == n && reporting(n - 1);
        (after_verb || before_verb) && m.end - m.start <= 6 && m.actor.is_one_party()
    })
}
