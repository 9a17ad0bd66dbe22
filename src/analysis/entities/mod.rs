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
//!
//! One file per phase: `known` (1), `dates` (2, 3), `names` (4), with `capitals` (which
//! capitals are evidence of a name) and `lexicon` (the word lists) beside them, and `grouping`
//! (mentions into entities). Each phase marks the tokens it takes, so a later phase never sees
//! them; this file runs the phases sentence by sentence.

mod capitals;
mod dates;
pub(super) mod grouping;
mod known;
mod lexicon;

pub(super) use lexicon::{MONTHS, WEEKDAYS, is_title_word};
mod names;

use std::ops::Range;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{SideTokens, Tok, one_line, span_list};
use crate::engine::Equivalences;
use crate::engine::segment::Span;

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
    /// Whether one of its forms is also written in lower case, as a word of its own, in
    /// either text ("Dialogue" and "dialogue"): a one-word name so written is likely a common
    /// noun capitalised at a sentence's start.
    #[serde(skip)]
    pub written_in_lower_case: bool,
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
#[derive(Debug, Clone, PartialEq)]
struct Mention {
    /// Which text: 0 left, 1 right.
    side: usize,
    /// What it is grouped by.
    key: Key,
    kind: EntityKind,
    /// Where, without a possessive "'s".
    span: Span,
    /// The form as written, on one line.
    form: String,
    /// For names: the words that identify the person (lower case, initials left out).
    words: Vec<String>,
}

/// A mention found in a sentence, with the sentence's tokens it covers.
#[derive(Debug)]
struct Found {
    /// Indexes into the sentence's tokens.
    tokens: Range<usize>,
    mention: Mention,
}

/// One sentence's tokens, and what a mention needs to say where it is.
struct SentenceTokens<'a> {
    /// Which text: 0 left, 1 right.
    side: usize,
    /// The whole text (token spans index it).
    text: &'a str,
    tokens: &'a [Tok],
}

impl SentenceTokens<'_> {
    /// A mention of `span` in this sentence's text.
    fn mention(&self, key: Key, kind: EntityKind, span: Span, words: Vec<String>) -> Mention {
        Mention {
            side: self.side,
            key,
            kind,
            span,
            form: one_line(self.text.get(span.range()).unwrap_or_default()),
            words,
        }
    }
}

/// Finds the entities of both sides: per sentence, known names, then dates and numbers, then
/// runs of capitalised words in the tokens left (each phase marks the tokens it takes); then
/// groups the mentions of both sides.
pub(super) fn find(sides: &[SideTokens<'_>; 2], equivalences: &Equivalences) -> Vec<Entity> {
    let capitals = capitals::Capitals::of(sides);
    let (mentions, definitions) = mentions_of(sides, equivalences, &capitals);
    let mut entities = grouping::group(mentions, &definitions, equivalences);
    entities.retain(|e| !(e.kind == EntityKind::Name && is_common_noun(e)));
    for entity in &mut entities {
        entity.written_in_lower_case = capitals.written_in_lower_case(&entity.forms);
    }
    entities
}

/// Whether every form of an entity is one word of [`lexicon::COMMON_NOUNS`] ("Government",
/// "the Alliance").
fn is_common_noun(entity: &Entity) -> bool {
    entity.forms.iter().all(|form| {
        let lower = form.to_lowercase();
        let word = lower.strip_prefix("the ").unwrap_or(&lower);
        lexicon::COMMON_NOUNS.contains(&word)
    })
}

/// Finds the entities of any number of sides (the documents of a collation) as [`find`] does
/// for two: capitals anywhere in any side are evidence of a name, and mentions of every side
/// are grouped together. Unordered; each carries per side its spans and count.
pub(super) fn find_many(
    sides: &[SideTokens<'_>],
    equivalences: &Equivalences,
) -> Vec<grouping::Grouped> {
    let capitals = capitals::Capitals::of(sides);
    let (mentions, definitions) = mentions_of(sides, equivalences, &capitals);
    let mut grouped = grouping::group_many(mentions, &definitions, equivalences, sides.len());
    for entity in &mut grouped {
        entity.written_in_lower_case = capitals.written_in_lower_case(&entity.forms);
    }
    grouped
}

/// Every mention of every side, in side then text order, and the definitions of short forms
/// ("Foreign Office (FO)") among them.
fn mentions_of(
    sides: &[SideTokens<'_>],
    equivalences: &Equivalences,
    capitals: &capitals::Capitals<'_>,
) -> (Vec<Mention>, Vec<grouping::Definition>) {
    mentions_of_with(sides, equivalences, capitals, true)
}

/// [`mentions_of`], copying what a sentence found for each later one with the same words on
/// its side when `reuse` (a test reads every sentence to compare).
fn mentions_of_with(
    sides: &[SideTokens<'_>],
    equivalences: &Equivalences,
    capitals: &capitals::Capitals<'_>,
    reuse: bool,
) -> (Vec<Mention>, Vec<grouping::Definition>) {
    let groups = known::Groups::new(equivalences);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut definitions: Vec<grouping::Definition> = Vec::new();
    for (s, side) in sides.iter().enumerate() {
        // What each distinct sentence of the side found (its mentions and definitions, and
        // where it starts): what a sentence finds depends on its side and its words alone
        // (whether it is a headline too), so a repeat is a copy moved to its place.
        let mut first_of: FxHashMap<&str, (Range<usize>, Range<usize>, usize)> =
            FxHashMap::default();
        for (n, range) in side.sentences.iter().enumerate() {
            if side.tokens.get(range.clone()).is_none() {
                continue;
            }
            let (tokens, words, content) = side.extent(range);
            if let Some((found, defined, start)) = first_of.get(content).cloned() {
                let at = mentions.len();
                mentions.extend_from_within(found);
                for mention in &mut mentions[at..] {
                    let span = mention.span;
                    mention.span = Span::new(
                        span.start - start + words.start,
                        span.end - start + words.start,
                    );
                }
                definitions.extend_from_within(defined);
                continue;
            }
            let (mentions_from, definitions_from) = (mentions.len(), definitions.len());
            let sentence = SentenceTokens {
                side: s,
                text: side.text,
                tokens,
            };
            let mut used = vec![false; tokens.len()];
            let mut found = groups.mentions(&sentence, &mut used);
            found.extend(dates::mentions(&sentence, &mut used));
            found.extend(names::mentions(
                &sentence,
                &used,
                capitals.is_headline(s, n),
                capitals,
            ));
            // Stable: a known name, a date and a name never start at one token, but keep the
            // phases' order if they did.
            found.sort_by_key(|f| f.tokens.start);
            definitions.extend(grouping::definitions(tokens, &found));
            mentions.extend(found.into_iter().map(|f| f.mention));
            if reuse && !content.is_empty() {
                let found = mentions_from..mentions.len();
                let defined = definitions_from..definitions.len();
                first_of.insert(content, (found, defined, words.start));
            }
        }
    }
    for mention in &mut mentions {
        with_country(mention, equivalences);
    }
    (mentions, definitions)
}

/// Whether `word` (any case) is a country of the demonyms table or one of its demonyms
/// ("Ireland", "Irish"): the one lookup the stance rules and the brief share.
pub(in crate::analysis) fn is_country_word(word: &str) -> bool {
    let table = demonyms();
    table.contains_key(&word.to_lowercase())
        || table
            .values()
            .any(|country| country.eq_ignore_ascii_case(word))
}

/// The built-in demonyms (`assets/demonyms.txt`): demonym in lower case → its country.
pub(in crate::analysis) fn demonyms() -> &'static rustc_hash::FxHashMap<String, String> {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<String, String>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = rustc_hash::FxHashMap::default();
        for line in include_str!("../../../assets/demonyms.txt").lines() {
            let body = line.split('#').next().unwrap_or("").trim();
            let mut forms = body.split('|').map(str::trim).filter(|f| !f.is_empty());
            let Some(country) = forms.next() else {
                continue;
            };
            for demonym in forms {
                table.insert(demonym.to_lowercase(), country.to_owned());
            }
        }
        table
    })
}

/// Counts a demonym with its country ("Syrian" with Syria, "British" with the United Kingdom):
/// the mention takes the country's key, the country's equivalence group when the table has one.
fn with_country(mention: &mut Mention, equivalences: &Equivalences) {
    if mention.kind != EntityKind::Name {
        return;
    }
    let form = match &mention.key {
        Key::Group(g) => equivalences.canonical(*g).to_lowercase(),
        Key::Name(name) => name.clone(),
        _ => return,
    };
    let Some(country) = demonyms().get(&form) else {
        return;
    };
    mention.key = match equivalences.group_of(country) {
        Some(g) => Key::Group(g),
        None => Key::Name(country.to_lowercase()),
    };
}

#[cfg(test)]
mod test_support {
    use crate::analysis::SideTokens;
    use crate::engine::segment;

    /// One side's tokens, cut into sentences as the engine cuts them.
    pub(super) fn side(text: &str) -> SideTokens<'_> {
        SideTokens::new(text, &segment::sentences(text))
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::side;
    use super::*;

    fn find_in(left: &str, right: &str) -> Vec<Entity> {
        find(&[side(left), side(right)], Equivalences::builtin_ref())
    }

    /// A repeated sentence finds, at its place, what its first found.
    #[test]
    fn a_repeated_sentence_finds_what_its_first_found() {
        let left = "Gregory D. LoGerfo met the Foreign Office (FO) on 12 May 2025 in Islamabad.\n\n\
                    Joint Statement\n\nThe U.S. and Pakistan's FO met. Joint Statement\n\n\
                    Gregory D. LoGerfo met the Foreign Office (FO) on 12 May 2025 in Islamabad.";
        let right =
            "The U.S. and Pakistan's FO met. LoGerfo spoke. The U.S. and Pakistan's FO met.";
        let sides = [side(left), side(right)];
        let eq = Equivalences::builtin_ref();
        let capitals = capitals::Capitals::of(&sides);
        let (copied, fresh) = (
            mentions_of_with(&sides, eq, &capitals, true),
            mentions_of_with(&sides, eq, &capitals, false),
        );
        assert_eq!(copied.0, fresh.0);
        assert_eq!(copied.1, fresh.1);
        assert!(fresh.0.len() > 10 && !fresh.1.is_empty(), "{fresh:?}");
    }

    #[test]
    fn phases_take_tokens_in_order_known_dates_names() {
        let entities = find_in(
            "The TTP attacked on Monday. Gregory D. LoGerfo spoke in Islamabad.",
            "Tehreek-i-Taliban Pakistan attacked. LoGerfo spoke on 12 May 2025.",
        );
        let found: Vec<(&str, EntityKind, Presence)> = entities
            .iter()
            .map(|e| (e.text.as_str(), e.kind, e.presence()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Tehreek-i-Taliban Pakistan",
                    EntityKind::Name,
                    Presence::Both
                ),
                // "Gregory" opens a sentence and is capitalised nowhere else.
                ("D. LoGerfo", EntityKind::Name, Presence::Both),
                ("Islamabad", EntityKind::Name, Presence::LeftOnly),
                ("Monday", EntityKind::Date, Presence::LeftOnly),
                ("May 2025", EntityKind::Date, Presence::RightOnly),
                ("12", EntityKind::Number, Presence::RightOnly),
            ]
        );
    }

    #[test]
    fn a_word_before_a_known_name_is_no_name_of_its_own() {
        // The known names ("UK", "Japan", "Canadian") cut longer names; the word left before
        // them is no name.
        let entities = find_in(
            "They welcomed An Enhanced UK-Japan Global Strategic Partnership.\n",
            "He visited the Royal Canadian Air Force base with Ambassador Smith.\n",
        );
        let texts: Vec<&str> = entities.iter().map(|e| e.text.as_str()).collect();
        assert!(!texts.contains(&"Enhanced"), "{texts:?}");
        assert!(!texts.contains(&"Royal"), "{texts:?}");
        assert!(texts.contains(&"Global Strategic Partnership"), "{texts:?}");
        assert!(texts.contains(&"Ambassador"), "{texts:?}");
    }

    #[test]
    fn demonyms_count_with_their_countries() {
        let entities = find_in(
            "The British delegation met Syrian officials in Syria.\n",
            "The United Kingdom and Canada spoke with Canadian and Syrian envoys.\n",
        );
        let entity = |form: &str| {
            entities
                .iter()
                .find(|e| e.forms.iter().any(|f| f == form))
                .unwrap_or_else(|| panic!("no {form} in {entities:#?}"))
        };
        let syria = entity("Syrian");
        assert!(syria.forms.iter().any(|f| f == "Syria"), "{syria:?}");
        assert_eq!((syria.left, syria.right), (2, 1));
        let uk = entity("British");
        assert_eq!(uk.text, "United Kingdom");
        assert_eq!((uk.left, uk.right), (1, 1));
        let canada = entity("Canadian");
        assert!(canada.forms.iter().any(|f| f == "Canada"), "{canada:?}");
        assert_eq!(canada.right, 2);
    }

    #[test]
    fn a_name_is_counted_as_an_analyst_counts_it() {
        let entities = find_in(
            "Prime Minister Rishi Sunak spoke with Fumio Kishida about North Korean missiles \
             and Northern Ireland.\n",
            "The Rt Hon Rishi Sunak MP and KISHIDA Fumio discussed North Korea. Ireland too.\n",
        );
        let entity = |form: &str| {
            entities
                .iter()
                .find(|e| e.forms.iter().any(|f| f == form))
                .unwrap_or_else(|| panic!("no {form} in {entities:#?}"))
        };
        // Honorifics tell no one apart, nor make a form more complete.
        let sunak = entity("Rt Hon Rishi Sunak MP");
        assert_eq!(sunak.text, "Rishi Sunak");
        assert_eq!((sunak.left, sunak.right), (1, 1));
        // A surname first is the same person.
        let kishida = entity("KISHIDA Fumio");
        assert!(kishida.forms.iter().any(|f| f == "Fumio Kishida"));
        assert_eq!((kishida.left, kishida.right), (1, 1));
        // The demonym counts with its country.
        let korea = entity("North Korean");
        assert_eq!(korea.text, "North Korea");
        assert_eq!((korea.left, korea.right), (1, 1));
        // A qualified place is another place.
        let northern = entity("Northern Ireland");
        assert!(
            !northern.forms.iter().any(|f| f == "Ireland"),
            "{northern:?}"
        );
        assert_eq!(entity("Ireland").right, 1);
    }

    #[test]
    fn empty_texts_name_nothing() {
        assert!(find_in("", "").is_empty());
        assert!(find_in("   \n\n", "").is_empty());
    }
}
