//! The table of counterparts (`assets/counterparts.txt`): which words fold into one concept,
//! which are readout boilerplate, which open a readout; and the concepts a term counts as.

use rustc_hash::FxHashSet as HashSet;
use std::sync::{Mutex, OnceLock};

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap as HashMap;

use super::super::equivalence::{form_keys, is_plain};
use super::super::normalize::is_stop_word;

/// The table of counterparts: concept folding, boilerplate and opener words.
pub struct Lexicon {
    /// Word, stem or equivalence name → the concepts it counts as.
    pub(super) concept_of: HashMap<String, Vec<String>>,
    /// Boilerplate words and their stems.
    pub(super) generic: HashSet<String>,
    /// Words of a readout's opener and their stems.
    pub(super) meeting: HashSet<String>,
    /// Every role's phrases by their first [`PHRASE_KEY`] bytes in lower case: (role, phrase).
    role_phrases: HashMap<[u8; PHRASE_KEY], Vec<(u8, String)>>,
    /// The roles (a bit each) whose sentences on the two sides are counterparts whatever
    /// their words (`role` lines; `cue` lines are evidence only).
    pub(super) linking_roles: u8,
    /// The concepts of each term looked up so far ([`Lexicon::concepts`]): a collation asks for
    /// the same terms in every pair, and stemming them again was a tenth of each pair's work.
    memo: Mutex<HashMap<String, Vec<String>>>,
}

/// Most terms the memo keeps; past that it starts again (a long session's vocabulary).
const MEMO_TERMS: usize = 200_000;

impl Lexicon {
    /// The built-in table (`assets/counterparts.txt`).
    pub fn builtin() -> &'static Self {
        static TABLE: OnceLock<Lexicon> = OnceLock::new();
        TABLE.get_or_init(|| Self::parse(include_str!("../../../assets/counterparts.txt")))
    }

    /// Reads a table in the format of `assets/counterparts.txt`. Lines it cannot read are
    /// skipped: the table ships with the program. A form of several words matches only an
    /// equivalence group's name ("north korea"), as words are looked up one by one.
    pub fn parse(text: &str) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut out = Self {
            concept_of: HashMap::default(),
            generic: HashSet::default(),
            meeting: HashSet::default(),
            linking_roles: 0,
            role_phrases: HashMap::default(),
            memo: Mutex::new(HashMap::default()),
        };
        // Each role's phrases, in the order of the table (a role's bit is its index).
        let mut roles: Vec<Vec<String>> = Vec::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim().to_lowercase();
            if line.is_empty() {
                continue;
            }
            let role = line.strip_prefix("role ").map(|rest| (rest, true));
            if let Some((rest, links)) =
                role.or(line.strip_prefix("cue ").map(|rest| (rest, false)))
            {
                if let Some((_, phrases)) = rest.split_once(':')
                    && roles.len() < 8
                {
                    if links {
                        out.linking_roles |= 1 << roles.len();
                    }
                    roles.push(
                        phrases
                            .split('|')
                            .map(str::trim)
                            .filter(|p| !p.is_empty())
                            .map(str::to_owned)
                            .collect(),
                    );
                }
                continue;
            }
            let set = if let Some(rest) = line.strip_prefix("generic:") {
                Some((&mut out.generic, rest.to_owned()))
            } else if let Some(rest) = line.strip_prefix("meeting:") {
                Some((&mut out.meeting, rest.to_owned()))
            } else {
                None
            };
            if let Some((set, rest)) = set {
                for word in rest.split_whitespace() {
                    set.insert(word.to_owned());
                    set.insert(stem(&stemmer, word).into_owned());
                }
                continue;
            }
            if let Some((word, parts)) = line.split_once('=') {
                let parts: Vec<String> = parts.split_whitespace().map(str::to_owned).collect();
                for key in keys(&stemmer, word.trim()) {
                    out.concept_of.insert(key, parts.clone());
                }
                continue;
            }
            let mut forms = line.split('|').map(str::trim).filter(|f| !f.is_empty());
            let Some(name) = forms.next() else { continue };
            let name = name.to_owned();
            for form in std::iter::once(name.as_str()).chain(forms) {
                for key in keys(&stemmer, form) {
                    out.concept_of
                        .entry(key)
                        .or_insert_with(|| vec![name.clone()]);
                }
            }
        }
        for (role, phrases) in roles.iter().enumerate() {
            for phrase in phrases {
                // Phrases shorter than the key, or not ASCII, cannot be looked up: none are.
                if phrase.len() >= PHRASE_KEY && phrase.is_ascii() {
                    out.role_phrases
                        .entry(phrase_key(phrase.as_bytes()))
                        .or_default()
                        .push((role as u8, phrase.clone()));
                }
            }
        }
        out
    }

    /// The roles a sentence plays, one bit per role of the table: a role's phrase found at the
    /// start of a word of the sentence, ignoring ASCII case. One pass over the sentence's word
    /// starts, each looking up the phrases that begin with its first bytes.
    pub(super) fn roles_of(&self, content: &str) -> u8 {
        let bytes = content.as_bytes();
        let mut bits = 0u8;
        for at in 0..bytes.len() {
            // An ASCII letter is a char boundary, so the text before it can be read back.
            let starts_word = bytes[at].is_ascii_alphabetic()
                && content[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
            if !starts_word || bytes.len() - at < PHRASE_KEY {
                continue;
            }
            let Some(phrases) = self.role_phrases.get(&phrase_key(&bytes[at..])) else {
                continue;
            };
            for (role, phrase) in phrases {
                let phrase = phrase.as_bytes();
                if bytes.len() - at >= phrase.len()
                    && bytes[at..at + phrase.len()].eq_ignore_ascii_case(phrase)
                {
                    bits |= 1 << role;
                }
            }
        }
        bits
    }

    /// The concepts `term` counts as ([`concepts_of`]), appended to `out`; remembered, so a
    /// term is stemmed once however many comparisons read it.
    pub(super) fn concepts(&self, term: &str, stemmer: &Stemmer, out: &mut Vec<String>) {
        // A poisoned memo (a panic elsewhere while it was held) is only a cache: go without.
        if let Ok(memo) = self.memo.lock()
            && let Some(found) = memo.get(term)
        {
            out.extend(found.iter().cloned());
            return;
        }
        let start = out.len();
        concepts_of(term, self, stemmer, out);
        if let Ok(mut memo) = self.memo.lock() {
            if memo.len() >= MEMO_TERMS {
                memo.clear();
            }
            memo.insert(term.to_owned(), out[start..].to_vec());
        }
    }

    /// Whether a concept is boilerplate: a generic word, or a name all of whose words are.
    pub(super) fn is_generic(&self, concept: &str) -> bool {
        let mut words = concept
            .split(' ')
            .filter(|w| !w.is_empty() && !is_stop_word(w))
            .peekable();
        words.peek().is_some() && words.all(|w| self.generic.contains(w))
    }
}

/// How many leading bytes of a role's phrase key the lookup.
const PHRASE_KEY: usize = 4;

/// The first [`PHRASE_KEY`] bytes of `bytes` (at least that long), in ASCII lower case.
fn phrase_key(bytes: &[u8]) -> [u8; PHRASE_KEY] {
    let mut key = [0u8; PHRASE_KEY];
    for (k, b) in key.iter_mut().zip(bytes) {
        *k = b.to_ascii_lowercase();
    }
    key
}

include!(concat!(env!("OUT_DIR"), "/counterpart_stems.rs"));

/// The stem of `word`: the table's words' stems were made at build time ([`STEMS`]), others
/// are made now, by the same stemmer.
fn stem<'w>(stemmer: &Stemmer, word: &'w str) -> std::borrow::Cow<'w, str> {
    match STEMS.binary_search_by(|(w, _)| (*w).cmp(word)) {
        Ok(at) => std::borrow::Cow::Borrowed(STEMS[at].1),
        Err(_) => stemmer.stem(word),
    }
}

/// The keys a form is looked up by: itself; for a single word, its stem; and the form as the
/// texts' equivalence terms spell a name, by its words' keys without punctuation ("people's
/// republic of china" is also looked up as "peoples republic of china", "timor-leste" as
/// "timor leste": the keys the comparison makes of "People’s Republic of China" and
/// "Timor-Leste").
fn keys(stemmer: &Stemmer, form: &str) -> Vec<String> {
    let mut out = vec![form.to_owned()];
    if !form.contains(' ') {
        let stem = stem(stemmer, form).into_owned();
        if stem != form {
            out.push(stem);
        }
    }
    if let Some(name) = name_key(form)
        && !out.contains(&name)
    {
        out.push(name);
    }
    out
}

/// The form as the texts' equivalence terms spell a name ([`keys`]); `None` when that is the
/// form itself or empty.
fn name_key(form: &str) -> Option<String> {
    // A plain form's keys are its words ([`form_keys`]): one in lower case is its own name.
    if is_plain(form) && !form.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let name = form_keys(form, true).join(" ").to_lowercase();
    (!name.is_empty() && name != form).then_some(name)
}

/// The concepts a term (a word in lower case, or `=` and an equivalence name) counts as.
pub(super) fn concepts_of(term: &str, lexicon: &Lexicon, stemmer: &Stemmer, out: &mut Vec<String>) {
    if let Some(name) = term.strip_prefix('=') {
        match lexicon.concept_of.get(name) {
            Some(concepts) => out.extend(concepts.iter().cloned()),
            None => out.push(name.to_owned()),
        }
        return;
    }
    let word = term
        .strip_suffix("'s")
        .or_else(|| term.strip_suffix("’s"))
        .unwrap_or(term);
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() || is_stop_word(word) {
        return;
    }
    let direct = lexicon.concept_of.get(word);
    let stem;
    let found = match direct {
        Some(found) => Some(found),
        None => {
            stem = self::stem(stemmer, word).into_owned();
            match lexicon.concept_of.get(&stem) {
                Some(found) => Some(found),
                None => {
                    out.push(stem);
                    return;
                }
            }
        }
    };
    for concept in found.into_iter().flatten() {
        // An expansion names words; each counts as what it counts as on its own (one level).
        match lexicon.concept_of.get(concept.as_str()) {
            Some(inner) if inner.len() == 1 && inner[0] != *concept => out.push(inner[0].clone()),
            _ => {
                let stem = self::stem(stemmer, concept).into_owned();
                match lexicon.concept_of.get(&stem) {
                    Some(inner) if inner.len() == 1 => out.push(inner[0].clone()),
                    _ => out.push(if concept.contains(' ') {
                        concept.clone()
                    } else {
                        stem
                    }),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stems made at build time are the stemmer's, and cover the table's words.
    #[test]
    fn the_stems_made_at_build_time_are_the_stemmers() {
        let stemmer = Stemmer::create(Algorithm::English);
        assert!(STEMS.len() > 500, "{}", STEMS.len());
        assert!(STEMS.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for (word, stem) in STEMS {
            assert_eq!(stemmer.stem(word), *stem, "{word}");
        }
        for word in [
            "pakistani",
            "cooperation",
            "discussed",
            "words not in the table",
        ] {
            assert_eq!(super::stem(&stemmer, word), stemmer.stem(word), "{word}");
        }
        assert!(matches!(
            super::stem(&stemmer, "pakistani"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    use crate::engine::equivalence::{Equivalences, Matcher};

    /// The concepts of a term, as the links read them.
    fn concepts(term: &str) -> Vec<String> {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut out = Vec::new();
        concepts_of(term, Lexicon::builtin(), &stemmer, &mut out);
        out
    }

    /// A country's name in the equivalence table and its adjective in the table of
    /// counterparts are one concept, whatever the name's punctuation: every group of the
    /// built-in equivalences that the counterparts name counts as the concept of its forms.
    #[test]
    fn every_equivalence_name_the_counterparts_list_counts_as_its_concept() {
        let table = Equivalences::builtin();
        let matcher = Matcher::new(&table, true, true);
        let lexicon = Lexicon::builtin();
        let mut checked = 0;
        for group in 0..table.len() {
            let term = format!("={}", matcher.canonical_words(group).join(" "));
            for form in table.forms(group) {
                let Some(wanted) = lexicon.concept_of.get(&form.to_lowercase()) else {
                    continue;
                };
                checked += 1;
                assert_eq!(&concepts(&term), wanted, "{term} (listed as {form:?})");
            }
        }
        assert!(checked > 20, "only {checked} forms checked");
        assert_eq!(concepts("chinese"), concepts("=peoples republic of china"));
        assert_eq!(concepts("british"), concepts("=united kingdom"));
    }
}
