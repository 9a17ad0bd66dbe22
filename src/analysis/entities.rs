//! Who and what each text names.
//!
//! Heuristics, in this order, on each sentence's tokens:
//! 1. **Known names**: forms of equivalence groups whose canonical form is capitalised
//!    ("TTP", "Islamic State-Khorasan", "U.S."), each mention grouped with its equivalents.
//!    Lower-case groups ("counterterrorism") are vocabulary, not names, and a lower-case
//!    mention of a title ("a sitting US president") is not counted.
//! 2. **Dates**: weekdays; month names with a day, a year, "of last year", or after "in",
//!    "since" and the like (so "May" the verb and "Theresa May" are not dates); years alone.
//! 3. **Numbers**: tokens with digits (a following "%" included).
//! 4. **Names**: runs of capitalised words joined by "of", "for", "al", "bin", hyphens
//!    ("Tehreek-i-Taliban") and initials ("Gregory D. LoGerfo"), split where a known name
//!    stands, with a leading function word dropped ("The", "Both", "It"), and a capitalised
//!    word at a sentence start kept only when it looks like a name elsewhere (capitalised
//!    inside a sentence in either text, or with an inner capital: "LoGerfo"). A run starting
//!    with a title ("Senator", "Acting Coordinator") is split into the title and the name.
//!    In a headline (most words capitalised) only words that look like names elsewhere count.
//!
//! Then names are grouped: a name that is the last words of exactly one longer name
//! ("LoGerfo", "Gregory LoGerfo", "Gregory D. LoGerfo") is that person; "Asim Munir" and
//! "Nabeel Munir" stay apart and a bare "Munir" stays on its own. A name followed by its
//! initials in brackets ("Foreign Terrorist Organization (FTO)") is one entity with them.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::{SideTokens, Tok, one_line, span_list};
use crate::engine::equivalence::Matcher;
use crate::engine::segment::Span;
use crate::engine::{Equivalences, is_stop_word};

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person, organisation, place, event or acronym.
    Name,
    /// A title or office ("Foreign Minister", "Acting Coordinator").
    Title,
    /// A date or day.
    Date,
    /// A number.
    Number,
}

/// Which texts name an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Presence {
    /// Both texts.
    Both,
    /// Only the left text.
    LeftOnly,
    /// Only the right text.
    RightOnly,
}

/// One named thing, with its forms and where each text names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// Its name: the canonical form of its equivalence group, else its most complete form.
    pub text: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// The forms the texts use, in order of first use (left text first).
    pub forms: Vec<String>,
    /// How many times the left text names it ("Foreign Office (FO)" is once, though both
    /// forms are among its spans).
    pub left: usize,
    /// How many times the right text names it.
    pub right: usize,
    /// Where the left text names it.
    #[serde(serialize_with = "span_list")]
    pub left_spans: Vec<Span>,
    /// Where the right text names it.
    #[serde(serialize_with = "span_list")]
    pub right_spans: Vec<Span>,
}

impl Entity {
    /// The forms it is written in other than its main text ("TTP" for Tehreek-i-Taliban
    /// Pakistan).
    pub fn other_forms(&self) -> Vec<&str> {
        self.forms
            .iter()
            .map(String::as_str)
            .filter(|f| *f != self.text)
            .collect()
    }

    /// Which texts name it.
    pub fn presence(&self) -> Presence {
        match (self.left > 0, self.right > 0) {
            (true, true) => Presence::Both,
            (true, false) => Presence::LeftOnly,
            _ => Presence::RightOnly,
        }
    }
}

/// What identifies a mention before grouping.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A form of equivalence group `n`.
    Group(usize),
    /// A name or title not in the table: its words' keys in lower case.
    Name(String),
    /// A date: its words' keys in lower case.
    Date(String),
    /// A number: its key.
    Number(String),
}

/// One place where a text names something.
#[derive(Debug, Clone)]
struct Mention {
    side: usize,
    key: Key,
    kind: EntityKind,
    span: Span,
    /// The form as written, on one line.
    form: String,
    /// For names: the words that identify the person (lower case, initials left out).
    words: Vec<String>,
}

/// Words that make a capitalised run a title ("Acting Coordinator", "Senator").
const TITLE_WORDS: &[&str] = &[
    "acting",
    "adviser",
    "advisor",
    "ambassador",
    "admiral",
    "attaché",
    "captain",
    "chairman",
    "chairperson",
    "chancellor",
    "chargé",
    "chief",
    "colonel",
    "commander",
    "commissioner",
    "consul",
    "coordinator",
    "counsellor",
    "counselor",
    "deputy",
    "director",
    "dr",
    "emir",
    "envoy",
    "general",
    "governor",
    "judge",
    "king",
    "lieutenant",
    "marshal",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "representative",
    "secretary",
    "senator",
    "sheikh",
    "sir",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "undersecretary",
];

/// Lower-case words that join capitalised words into one name ("Ministry of Interior").
const JOINERS: &[&str] = &[
    "of", "for", "de", "del", "da", "di", "du", "al", "el", "bin", "ibn", "van", "von", "der",
    "den", "la", "le", "&",
];

/// Particles that join only between hyphens ("Tehreek-i-Taliban", "Lashkar-e-Taiba").
const HYPHEN_PARTICLES: &[&str] = &["i", "e", "ul", "ur", "ud", "al", "el", "o"];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words before a month name that make it a date ("in May", "since June").
const DATE_LEADS: &[&str] = &[
    "in", "on", "of", "since", "until", "till", "by", "from", "to", "during", "last", "next",
    "this", "early", "late", "mid", "before", "after", "between", "and", "through",
];

fn is_title_word(lower: &str) -> bool {
    TITLE_WORDS.contains(&lower)
}

/// A day of the month: 1 to 31, digits only.
fn is_day(t: &Tok) -> bool {
    t.key.len() <= 2 && t.key.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// A year: four digits from 1800 to 2199.
fn is_year(t: &Tok) -> bool {
    t.key.len() == 4
        && t.key
            .parse::<u32>()
            .is_ok_and(|y| (1800..2200).contains(&y))
}

/// Whether two tokens touch (no space between them).
fn touching(a: &Tok, b: &Tok) -> bool {
    a.span.end == b.span.start
}

/// A word key without a possessive "'s"; the byte length of the possessive in `text`, taken
/// from `text` itself: the key is folded (a curly, reversed or prime apostrophe reads as "'"),
/// so its length says nothing about the text's. The length returned always ends `text` on a
/// character boundary; it is 0 when `text` does not end in an apostrophe and an "s".
fn strip_possessive<'t>(lower: &'t str, text: &str) -> (&'t str, usize) {
    match lower.strip_suffix("'s") {
        Some(stem) if !stem.is_empty() => (stem, crate::engine::possessive_len(text)),
        _ => (lower, 0),
    }
}

/// Whether a sentence is a headline: no full stop at its end, most of its longer words
/// capitalised.
fn is_headline(tokens: &[Tok]) -> bool {
    let ends_sentence = tokens
        .iter()
        .rev()
        .find(|t| !matches!(t.key.as_str(), "\"" | "'" | ")"))
        .is_some_and(|t| matches!(t.key.as_str(), "." | "!" | "?" | "…"));
    if ends_sentence {
        return false;
    }
    let long: Vec<&Tok> = tokens
        .iter()
        .filter(|t| t.is_word && t.key.chars().count() > 3)
        .collect();
    let capitalised = long.iter().filter(|t| t.is_capitalised()).count();
    long.len() >= 3 && capitalised * 3 >= long.len() * 2
}

/// Whether a sentence is mostly in capitals ("IN NO EVENT SHALL THE AUTHORS BE LIABLE"):
/// its capitals say nothing of which words are names.
fn is_shouting(tokens: &[Tok]) -> bool {
    let words = tokens.iter().filter(|t| t.is_word).count();
    let caps = tokens.iter().filter(|t| is_all_caps(t)).count();
    words >= 3 && caps * 2 > words
}

/// A word of two or more letters, none of them lower case ("BLA", "NOTICE").
fn is_all_caps(t: &Tok) -> bool {
    t.is_word && t.key.chars().count() > 1 && !t.key.chars().any(char::is_lowercase)
}

/// How many times sorted `spans` of one entity name it: a form right after another, as in
/// "Foreign Office (FO)", is the same mention defining its short form, not a second one.
fn count_mentions(spans: &[Span]) -> usize {
    spans
        .iter()
        .enumerate()
        .filter(|&(i, s)| i == 0 || s.start > spans[i - 1].end + 2)
        .count()
}

/// Finds the entities of both sides.
pub(super) fn find(sides: &[SideTokens<'_>; 2], equivalences: &Equivalences) -> Vec<Entity> {
    let matcher = Matcher::new(equivalences, false, false);
    let name_groups: Vec<bool> = (0..equivalences.len())
        .map(|g| {
            equivalences
                .canonical(g)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .collect();
    let title_groups: Vec<bool> = (0..equivalences.len())
        .map(|g| {
            equivalences
                .canonical(g)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| is_title_word(&w.to_lowercase()))
        })
        .collect();

    // Known forms first: they split runs, and their words are not looked at again.
    let mut known: [Vec<Option<(usize, usize)>>; 2] = [Vec::new(), Vec::new()];
    for (s, side) in sides.iter().enumerate() {
        known[s] = vec![None; side.tokens.len()];
        for range in &side.sentences {
            let tokens = &side.tokens[range.clone()];
            let lowers: Vec<&str> = tokens.iter().map(|t| t.lower.as_str()).collect();
            let mut i = 0;
            while i < tokens.len() {
                match matcher.longest_at(tokens, &lowers, i) {
                    Some(m) => {
                        for k in i..i + m.len {
                            known[s][range.start + k] = Some((m.group, range.start + i));
                        }
                        i += m.len;
                    }
                    None => i += 1,
                }
            }
        }
    }

    // Capitalised words inside sentences (not at a start, not in a headline), both texts.
    let mut capitalised: HashMap<&str, usize> = HashMap::new();
    let mut headline: [Vec<bool>; 2] = [Vec::new(), Vec::new()];
    for (s, side) in sides.iter().enumerate() {
        for range in &side.sentences {
            let head = is_headline(&side.tokens[range.clone()])
                || is_shouting(&side.tokens[range.clone()]);
            headline[s].push(head);
            if head {
                continue;
            }
            for t in &side.tokens[range.clone()] {
                if t.is_capitalised() && !t.initial {
                    *capitalised
                        .entry(strip_possessive(&t.lower, "").0)
                        .or_default() += 1;
                }
            }
        }
    }
    // Words either text writes in lower case: the same word in capitals is emphasis
    // ("INCLUDING", "NOTICE"), not an acronym.
    let mut lower_case: HashMap<&str, usize> = HashMap::new();
    for t in sides.iter().flat_map(|side| side.tokens.iter()) {
        if t.is_word && t.key == t.lower {
            *lower_case
                .entry(strip_possessive(&t.lower, "").0)
                .or_default() += 1;
        }
    }
    let count = |table: &HashMap<&str, usize>, t: &Tok| {
        table
            .get(strip_possessive(&t.lower, "").0)
            .copied()
            .unwrap_or(0)
    };
    // A word at a sentence start (or in a headline) is a name when, inside sentences, the
    // texts capitalise it more often than not: "Pakistan" always, "However" and "Use" less
    // often than they write "however" and "use".
    let looks_like_name = |t: &Tok, headline: bool| {
        if is_all_caps(t) {
            // An acronym ("TTP") or a name in capitals ("PAKISTAN" when the texts write
            // "Pakistan"), unless the texts also write the word in lower case ("INCLUDING")
            // or it is a function word ("ANY"). In a headline or a sentence in capitals, a
            // short unknown word is not taken for an acronym.
            let (stem, _) = strip_possessive(&t.lower, "");
            return !is_stop_word(stem)
                && count(&lower_case, t) == 0
                && (count(&capitalised, t) > 0 || (!headline && t.key.chars().count() <= 5));
        }
        let inner_capital = t.key.chars().skip(1).any(char::is_uppercase);
        inner_capital || count(&capitalised, t) > count(&lower_case, t)
    };

    let mut mentions: Vec<Mention> = Vec::new();
    let mut definitions: Vec<(Key, Key)> = Vec::new();
    for (s, side) in sides.iter().enumerate() {
        for (n, range) in side.sentences.iter().enumerate() {
            let tokens = &side.tokens[range.clone()];
            let known = &known[s][range.clone()];
            let mut used = vec![false; tokens.len()];
            let mut sentence_mentions: Vec<(usize, usize, Mention)> = Vec::new();

            // 1. Known names.
            let mut i = 0;
            while i < tokens.len() {
                let Some((group, _)) = known[i] else {
                    i += 1;
                    continue;
                };
                let mut j = i;
                while j < tokens.len()
                    && known[j].is_some_and(|(g, start)| g == group && start == range.start + i)
                {
                    j += 1;
                }
                used[i..j].fill(true);
                let first = &tokens[i];
                let written_as_name = tokens[i..j]
                    .iter()
                    .any(|t| t.key.chars().any(char::is_uppercase));
                if name_groups[group] && written_as_name {
                    let last = &tokens[j - 1];
                    let (_, possessive) =
                        strip_possessive(&last.lower, &side.text[last.span.range()]);
                    let span = Span::new(first.span.start, last.span.end - possessive);
                    sentence_mentions.push((
                        i,
                        j,
                        Mention {
                            side: s,
                            key: Key::Group(group),
                            kind: if title_groups[group] {
                                EntityKind::Title
                            } else {
                                EntityKind::Name
                            },
                            span,
                            form: one_line(&side.text[span.range()]),
                            words: Vec::new(),
                        },
                    ));
                }
                i = j;
            }

            // 2. Dates, 3. numbers.
            for i in 0..tokens.len() {
                if used[i] || !tokens[i].is_word {
                    continue;
                }
                let t = &tokens[i];
                let next = tokens.get(i + 1);
                let date = if t.is_capitalised() && WEEKDAYS.contains(&t.lower.as_str()) {
                    Some((i, i + 1))
                } else if t.is_capitalised() && MONTHS.contains(&t.lower.as_str()) {
                    month_date(tokens, &used, i)
                } else if is_year(t) {
                    Some((i, i + 1))
                } else {
                    None
                };
                let (start, end, kind) = match date {
                    Some((a, b)) => (a, b, EntityKind::Date),
                    None if t.key.starts_with(|c: char| c.is_ascii_digit()) => {
                        let end = match next {
                            Some(n) if n.key == "%" && touching(t, n) => i + 2,
                            _ => i + 1,
                        };
                        (i, end, EntityKind::Number)
                    }
                    None => continue,
                };
                if used[start..end].iter().any(|&u| u) {
                    continue;
                }
                used[start..end].fill(true);
                let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
                let key_text = tokens[start..end]
                    .iter()
                    .filter(|t| t.is_word)
                    .map(|t| t.lower.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                sentence_mentions.push((
                    start,
                    end,
                    Mention {
                        side: s,
                        key: if kind == EntityKind::Date {
                            Key::Date(key_text)
                        } else {
                            Key::Number(tokens[start..end].iter().map(|t| t.key.as_str()).collect())
                        },
                        kind,
                        span,
                        form: one_line(&side.text[span.range()]),
                        words: Vec::new(),
                    },
                ));
            }

            // 4. Runs of capitalised words.
            let head = headline[s][n];
            let mut i = 0;
            while i < tokens.len() {
                if used[i] || !tokens[i].is_capitalised() {
                    i += 1;
                    continue;
                }
                let run = capitalised_run(tokens, &used, i);
                let end = *run.last().unwrap_or(&i) + 1;
                for piece in clean_run(tokens, &run, head, &looks_like_name) {
                    for part in split_title(tokens, &piece) {
                        let (kind, part) = part;
                        if let Some(m) = run_mention(side, s, tokens, &part, kind) {
                            sentence_mentions.push((
                                part[0],
                                *part.last().unwrap_or(&part[0]) + 1,
                                m,
                            ));
                        }
                    }
                }
                i = end;
            }

            // A name followed by its initials in brackets is one entity with them.
            sentence_mentions.sort_by_key(|m| m.0);
            for pair in sentence_mentions.windows(2) {
                let (a, b) = (&pair[0], &pair[1]);
                let bracketed = a.1 + 1 == b.0
                    && b.1 - b.0 == 1
                    && tokens.get(a.1).is_some_and(|t| t.key == "(")
                    && tokens.get(b.1).is_some_and(|t| t.key == ")");
                if bracketed
                    && matches!(a.2.kind, EntityKind::Name | EntityKind::Title)
                    && a.2.kind == b.2.kind
                    && initials(&tokens[a.0..a.1]) == tokens[b.0].key.to_uppercase()
                {
                    definitions.push((a.2.key.clone(), b.2.key.clone()));
                }
            }
            mentions.extend(sentence_mentions.into_iter().map(|m| m.2));
        }
    }
    group(mentions, &definitions, equivalences)
}

/// A month name at `i` as a date, with its day and year, or `None` when it is not a date.
fn month_date(tokens: &[Tok], used: &[bool], i: usize) -> Option<(usize, usize)> {
    let free = |k: usize| k < tokens.len() && !used[k];
    let word = |k: usize| free(k) && tokens[k].is_word;
    let mut start = i;
    let mut end = i + 1;
    let mut dated = false;
    // "5 July"
    if i > 0 && word(i - 1) && is_day(&tokens[i - 1]) {
        start = i - 1;
        dated = true;
    }
    // "July 5", "July 5, 2025", "July 2025"
    if word(end) && is_day(&tokens[end]) {
        end += 1;
        dated = true;
        if free(end) && tokens[end].key == "," && word(end + 1) && is_year(&tokens[end + 1]) {
            end += 2;
        }
    } else if free(end) && tokens[end].key == "," && word(end + 1) && is_year(&tokens[end + 1]) {
        end += 2;
        dated = true;
    }
    if word(end) && is_year(&tokens[end]) {
        end += 1;
        dated = true;
    }
    // "May of last year"
    if word(end)
        && tokens[end].lower == "of"
        && word(end + 1)
        && matches!(
            tokens[end + 1].lower.as_str(),
            "last" | "this" | "next" | "that"
        )
        && word(end + 2)
        && tokens[end + 2].lower == "year"
    {
        end += 3;
        dated = true;
    }
    let led = i > 0 && tokens[i - 1].is_word && DATE_LEADS.contains(&tokens[i - 1].lower.as_str());
    // "May" at a sentence start is the verb unless a day or a year says otherwise.
    let ambiguous = tokens[i].lower == "may" && tokens[i].initial;
    (dated || (led && !ambiguous)).then_some((start, end))
}

/// The tokens of the capitalised run starting at `i`: capitalised words and what joins them.
fn capitalised_run(tokens: &[Tok], used: &[bool], i: usize) -> Vec<usize> {
    let free = |k: usize| k < tokens.len() && !used[k];
    let mut run = vec![i];
    let mut j = i + 1;
    loop {
        if free(j) && tokens[j].is_capitalised() {
            run.push(j);
            j += 1;
            continue;
        }
        // Up to three joining tokens, then a capitalised word.
        let mut k = j;
        while k < j + 3 && free(k) && joins(tokens, k) {
            k += 1;
        }
        if k > j && free(k) && tokens[k].is_capitalised() {
            run.extend(j..=k);
            j = k + 1;
            continue;
        }
        break;
    }
    run
}

/// Whether token `k` joins the capitalised words around it.
fn joins(tokens: &[Tok], k: usize) -> bool {
    let t = &tokens[k];
    let prev = k.checked_sub(1).map(|p| &tokens[p]);
    let next = tokens.get(k + 1);
    let touches_both = prev.is_some_and(|p| touching(p, t)) && next.is_some_and(|n| touching(t, n));
    if !t.is_word {
        // A hyphen inside a name; the dot of an initial ("Gregory D. LoGerfo").
        return (t.key == "-" && touches_both)
            || (t.key == "."
                && prev.is_some_and(|p| {
                    touching(p, t) && p.key.chars().count() == 1 && p.is_capitalised()
                }))
            || t.key == "&";
    }
    if HYPHEN_PARTICLES.contains(&t.key.as_str()) && touches_both {
        return true;
    }
    if t.key == "the" {
        return prev.is_some_and(|p| p.key == "of" || p.key == "for");
    }
    JOINERS.contains(&t.key.as_str())
}

/// Cleans a run: drops a leading function word and a sentence-initial word that does not
/// look like a name, splits a headline's run at words that do not; trims joiners at the ends.
fn clean_run(
    tokens: &[Tok],
    run: &[usize],
    headline: bool,
    looks_like_name: &dyn Fn(&Tok, bool) -> bool,
) -> Vec<Vec<usize>> {
    let keep = |k: usize, first: bool| {
        let t = &tokens[k];
        if !t.is_capitalised() {
            return true; // a joiner; trimmed below if it ends up at an end
        }
        let (stem, _) = strip_possessive(&t.lower, "");
        if first && is_stop_word(stem) {
            return false;
        }
        // A list marker opening the sentence ("G. Preserve the network location").
        let marker = t.initial
            && t.key.chars().count() == 1
            && tokens
                .get(k + 1)
                .is_some_and(|n| matches!(n.key.as_str(), "." | ")"))
            && tokens.get(k + 2).is_some_and(|n| n.initial);
        if first && marker {
            return false;
        }
        let all_caps = is_all_caps(t);
        if headline || (first && t.initial) || all_caps {
            return looks_like_name(t, headline) || (!headline && !all_caps && is_title_word(stem));
        }
        true
    };
    let mut pieces: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for &k in run {
        let first = !current.iter().any(|&c| tokens[c].is_capitalised());
        if keep(k, first) {
            current.push(k);
        } else if !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
        }
    }
    pieces.push(current);
    pieces
        .into_iter()
        .filter_map(|mut piece| {
            while piece.first().is_some_and(|&k| !tokens[k].is_capitalised()) {
                piece.remove(0);
            }
            while piece.last().is_some_and(|&k| !tokens[k].is_capitalised()) {
                piece.pop();
            }
            (!piece.is_empty()).then_some(piece)
        })
        .collect()
}

/// Splits "Senator Mohammad Ishaq Dar" into the title and the name; a run ending in a title
/// word is a title.
fn split_title(tokens: &[Tok], run: &[usize]) -> Vec<(EntityKind, Vec<usize>)> {
    let last_title = run
        .iter()
        .rposition(|&k| tokens[k].is_capitalised() && is_title_word(&tokens[k].lower));
    match last_title {
        None => vec![(EntityKind::Name, run.to_vec())],
        Some(t) if t + 1 == run.len() => vec![(EntityKind::Title, run.to_vec())],
        Some(t) => {
            let mut name: Vec<usize> = run[t + 1..].to_vec();
            while name.first().is_some_and(|&k| !tokens[k].is_capitalised()) {
                name.remove(0);
            }
            let mut out = vec![(EntityKind::Title, run[..=t].to_vec())];
            if !name.is_empty() {
                out.push((EntityKind::Name, name));
            }
            out
        }
    }
}

/// The mention of a cleaned run.
fn run_mention(
    side: &SideTokens<'_>,
    s: usize,
    tokens: &[Tok],
    run: &[usize],
    kind: EntityKind,
) -> Option<Mention> {
    let first = &tokens[run[0]];
    let last = &tokens[*run.last()?];
    let (_, possessive) = strip_possessive(&last.lower, &side.text[last.span.range()]);
    let span = Span::new(first.span.start, last.span.end - possessive);
    let mut keys: Vec<String> = run.iter().map(|&k| tokens[k].lower.clone()).collect();
    if let Some(k) = keys.last_mut() {
        *k = strip_possessive(k, "").0.to_owned();
    }
    // A lone function word is no name ("The" after a colon).
    if keys.len() == 1 && is_stop_word(&keys[0]) {
        return None;
    }
    let words: Vec<String> = run
        .iter()
        .zip(&keys)
        .filter(|&(&k, key)| tokens[k].is_capitalised() && key.chars().count() > 1)
        .map(|(_, key)| key.clone())
        .collect();
    Some(Mention {
        side: s,
        key: Key::Name(keys.join(" ")),
        kind,
        span,
        form: one_line(&side.text[span.range()]),
        words,
    })
}

/// Initials of a name's capitalised words ("Foreign Terrorist Organization" → "FTO").
fn initials(tokens: &[Tok]) -> String {
    tokens
        .iter()
        .filter(|t| t.is_capitalised())
        .filter_map(|t| t.key.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A form with curly quotes and apostrophes made straight and dashes made hyphens.
fn fold_marks(form: &str) -> String {
    form.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            other => other,
        })
        .collect()
}

/// Union-find over mention keys.
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller index (first seen) stays the root.
            let (root, child) = if a < b { (a, b) } else { (b, a) };
            self.parent[child] = root;
        }
    }
}

/// Groups mentions into entities and orders them: shared, only left, only right; names,
/// titles, dates, numbers; most mentioned first.
fn group(mentions: Vec<Mention>, definitions: &[(Key, Key)], table: &Equivalences) -> Vec<Entity> {
    let mut ids: HashMap<Key, usize> = HashMap::new();
    let mut first_of: Vec<usize> = Vec::new(); // a mention of each key
    for (m, mention) in mentions.iter().enumerate() {
        ids.entry(mention.key.clone()).or_insert_with(|| {
            first_of.push(m);
            first_of.len() - 1
        });
    }
    let mut sets = Sets {
        parent: (0..first_of.len()).collect(),
    };
    for (a, b) in definitions {
        if let (Some(&a), Some(&b)) = (ids.get(a), ids.get(b)) {
            sets.union(a, b);
        }
    }

    // People: a name that is the last words of exactly one longer name is that name.
    let mut by_last: HashMap<(EntityKind, &str), Vec<usize>> = HashMap::new();
    for (id, &m) in first_of.iter().enumerate() {
        let mention = &mentions[m];
        if let (Key::Name(_), Some(last)) = (&mention.key, mention.words.last()) {
            by_last
                .entry((mention.kind, last.as_str()))
                .or_default()
                .push(id);
        }
    }
    let mut buckets: Vec<Vec<usize>> = by_last.into_values().collect();
    buckets.sort();
    for bucket in buckets {
        let set = |id: usize| -> HashSet<&str> {
            mentions[first_of[id]]
                .words
                .iter()
                .map(String::as_str)
                .collect()
        };
        let sets_of: Vec<HashSet<&str>> = bucket.iter().map(|&id| set(id)).collect();
        // Equal word sets are one person ("Gregory LoGerfo", "Gregory D. LoGerfo").
        for a in 0..bucket.len() {
            for b in a + 1..bucket.len() {
                if sets_of[a] == sets_of[b] {
                    sets.union(bucket[a], bucket[b]);
                }
            }
        }
        let maximal: Vec<usize> = (0..bucket.len())
            .filter(|&a| {
                !(0..bucket.len()).any(|b| {
                    sets_of[a].len() < sets_of[b].len() && sets_of[a].is_subset(&sets_of[b])
                })
            })
            .collect();
        for a in 0..bucket.len() {
            if maximal.contains(&a) {
                continue;
            }
            let mut supersets: Vec<usize> = maximal
                .iter()
                .copied()
                .filter(|&b| sets_of[a].is_subset(&sets_of[b]))
                .map(|b| sets.find(bucket[b]))
                .collect();
            supersets.sort_unstable();
            supersets.dedup();
            if let [only] = supersets[..] {
                sets.union(bucket[a], only);
            }
        }
    }

    // Build the entities.
    struct Building {
        kind: EntityKind,
        group: Option<usize>,
        forms: Vec<(String, String)>,  // (identity, as written)
        best: ((usize, bool), String), // (rank, form) of the most complete form
        spans: [Vec<Span>; 2],
        first: usize,
    }
    let mut built: HashMap<usize, Building> = HashMap::new();
    for (m, mention) in mentions.iter().enumerate() {
        let root = sets.find(ids[&mention.key]);
        let entry = built.entry(root).or_insert_with(|| Building {
            kind: mention.kind,
            group: None,
            forms: Vec::new(),
            best: ((0, false), String::new()),
            spans: [Vec::new(), Vec::new()],
            first: m,
        });
        if let Key::Group(g) = mention.key {
            entry.group.get_or_insert(g);
        }
        entry.kind = entry.kind.min(mention.kind);
        // Forms differ by their letters, dots and case, not by the kind of apostrophe.
        let identity = fold_marks(&mention.form);
        if !entry.forms.iter().any(|(id, _)| *id == identity) {
            entry.forms.push((identity, mention.form.clone()));
        }
        // The most complete form: most words, then not in capitals only ("Islamabad" over
        // "ISLAMABAD"), then the first.
        let words = mention.form.split_whitespace().count();
        let rank = (words, mention.form.chars().any(char::is_lowercase));
        if rank > entry.best.0 {
            entry.best = (rank, mention.form.clone());
        }
        entry.spans[mention.side].push(mention.span);
    }
    let mut out: Vec<(usize, Entity)> = built
        .into_values()
        .map(|b| {
            let text = match b.group {
                Some(g) => table.canonical(g).to_owned(),
                None => b.best.1,
            };
            let [mut left_spans, mut right_spans] = b.spans;
            left_spans.sort_by_key(|s| s.start);
            right_spans.sort_by_key(|s| s.start);
            (
                b.first,
                Entity {
                    text,
                    kind: b.kind,
                    forms: b.forms.into_iter().map(|(_, f)| f).collect(),
                    left: count_mentions(&left_spans),
                    right: count_mentions(&right_spans),
                    left_spans,
                    right_spans,
                },
            )
        })
        .collect();
    out.sort_by(|(a_first, a), (b_first, b)| {
        a.presence()
            .cmp(&b.presence())
            .then(a.kind.cmp(&b.kind))
            .then((b.left + b.right).cmp(&(a.left + a.right)))
            .then(a_first.cmp(b_first))
    });
    out.into_iter().map(|(_, e)| e).collect()
}
