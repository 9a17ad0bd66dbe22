//! The word lists the entity finder reads, and the word-shape tests every phase shares.
//!
//! All lists hold lower-case keys (as [`Tok::lower`] has them) and are looked up by linear
//! search: they are short, and their order is the order a reader would check them in. The
//! titles, asked of every word of every name and shared phrase, are looked up in a set.

use crate::analysis::Tok;

/// Words that make a capitalised run a title ("Acting Coordinator", "Senator").
pub(super) const TITLE_WORDS: &[&str] = &[
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
    "taoiseach",
    "tánaiste",
    "tanaiste",
    "councilor",
    "councillor",
    "ministers",
    "secretaries",
    "presidents",
];

/// Words of address and post-nominals that do not tell one person from another: "Rt Hon Rishi
/// Sunak MP" is Rishi Sunak.
pub(super) const HONORIFICS: &[&str] = &[
    "rt",
    "hon",
    "honourable",
    "honorable",
    "mp",
    "mep",
    "mla",
    "qc",
    "kc",
    "hrh",
    "jr",
    "sr",
    "obe",
    "mbe",
    "cbe",
    "kbe",
    "esq",
];

/// Words that make a place another place when they come before its name: "Northern Ireland"
/// is not Ireland, nor "North Korea" Korea, where "Gregory LoGerfo" is LoGerfo.
pub(super) const GEOGRAPHIC_QUALIFIERS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "new", "upper", "lower", "greater",
];

/// Lower-case words that join capitalised words into one name ("Ministry of Interior").
pub(super) const JOINERS: &[&str] = &[
    "of", "for", "de", "del", "da", "di", "du", "al", "el", "bin", "ibn", "van", "von", "der",
    "den", "la", "le", "&",
];

/// Particles that join only between hyphens ("Tehreek-i-Taliban", "Lashkar-e-Taiba").
pub(super) const HYPHEN_PARTICLES: &[&str] = &["i", "e", "ul", "ur", "ud", "al", "el", "o"];

/// The days of the week: always dates when capitalised.
pub(in crate::analysis) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The months: dates only with a day, a year or a [`DATE_LEADS`] word ("May" is also a verb
/// and a surname).
pub(in crate::analysis) const MONTHS: &[&str] = &[
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
pub(super) const DATE_LEADS: &[&str] = &[
    "in", "on", "of", "since", "until", "till", "by", "from", "to", "during", "last", "next",
    "this", "early", "late", "mid", "before", "after", "between", "and", "through",
];

/// Whether a lower-case word names an office ("minister", "senator").
pub(in crate::analysis) fn is_title_word(lower: &str) -> bool {
    // Asked of every word of every phrase and name: a set, not the list's 59 comparisons.
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| TITLE_WORDS.iter().copied().collect())
        .contains(lower)
}

/// A lower-case word key without a possessive "'s" ("pakistan's" → "pakistan"). A bare "'s"
/// is kept: there is no word to strip it from.
pub(super) fn possessive_stem(lower: &str) -> &str {
    match lower.strip_suffix("'s") {
        Some(stem) if !stem.is_empty() => stem,
        _ => lower,
    }
}

/// The byte length of the possessive ending of `text`, the token as written, when its key
/// `lower` has one; else 0. Taken from `text` itself: the key is folded (a curly, reversed or
/// prime apostrophe reads as "'"), so its length says nothing about the text's. The length
/// always ends `text` on a character boundary.
pub(super) fn possessive_len(lower: &str, text: &str) -> usize {
    if possessive_stem(lower).len() == lower.len() {
        0
    } else {
        crate::engine::possessive_len(text)
    }
}

/// A word of two or more letters, none of them lower case ("BLA", "NOTICE").
pub(super) fn is_all_caps(t: &Tok) -> bool {
    // Most words have a lower-case letter near their start: asked first, it settles them.
    t.is_word() && !t.key().chars().any(char::is_lowercase) && t.key().chars().nth(1).is_some()
}

/// Whether two tokens touch (no space between them).
pub(super) fn touching(left: &Tok, right: &Tok) -> bool {
    left.span().end == right.span().start
}

/// Common nouns an official text capitalises when it means one body or occasion ("the
/// Government", "the Alliance", "the Allies", "the Summit"): alone, never a name an analyst
/// counts; inside a longer name ("Government of Canada", "Hiroshima Summit") they stay part
/// of it.
pub(super) const COMMON_NOUNS: &[&str] = &[
    "administration",
    "agreement",
    "alliance",
    "allies",
    "ally",
    "anniversary",
    "cabinet",
    "conference",
    "declaration",
    "dialogue",
    "government",
    "governments",
    "institutions",
    "leaders",
    "meeting",
    "ministry",
    "parliament",
    "partnership",
    "statement",
    "summit",
    "treaty",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::Span;

    fn word(key: &str, start: usize) -> Tok {
        Tok::new(
            Span::new(start, start + key.len()),
            key,
            &key.to_lowercase(),
            key.chars().any(char::is_alphanumeric),
            false,
        )
    }

    #[test]
    fn lists_hold_lower_case_keys_once() {
        for list in [
            TITLE_WORDS,
            JOINERS,
            HYPHEN_PARTICLES,
            WEEKDAYS,
            MONTHS,
            DATE_LEADS,
        ] {
            for (n, w) in list.iter().enumerate() {
                assert_eq!(w.to_lowercase(), *w, "{w} is not lower case");
                assert!(!list[..n].contains(w), "{w} is listed twice");
            }
        }
    }

    #[test]
    fn title_words_are_looked_up_in_lower_case() {
        assert!(is_title_word("senator"));
        assert!(is_title_word("chargé"));
        assert!(!is_title_word("Senator"));
        assert!(!is_title_word("senate"));
        assert!(!is_title_word(""));
    }

    #[test]
    fn possessive_stem_strips_only_a_trailing_s() {
        assert_eq!(possessive_stem("pakistan's"), "pakistan");
        assert_eq!(possessive_stem("pakistan"), "pakistan");
        assert_eq!(possessive_stem("'s"), "'s");
        assert_eq!(possessive_stem("s"), "s");
        assert_eq!(possessive_stem(""), "");
        assert_eq!(possessive_stem("it's'"), "it's'");
    }

    #[test]
    fn possessive_length_is_read_from_the_text_as_written() {
        // The key folds a curly apostrophe (3 bytes) to "'" (1 byte).
        assert_eq!(possessive_len("pakistan's", "Pakistan\u{2019}s"), 4);
        assert_eq!(possessive_len("pakistan's", "Pakistan's"), 2);
        assert_eq!(possessive_len("pakistan", "Pakistan"), 0);
        assert_eq!(possessive_len("'s", "'s"), 0);
        assert_eq!(possessive_len("", ""), 0);
    }

    #[test]
    fn all_caps_needs_two_letters_and_no_lower_case() {
        assert!(is_all_caps(&word("TTP", 0)));
        assert!(is_all_caps(&word("NOTICE", 0)));
        assert!(!is_all_caps(&word("A", 0)));
        assert!(!is_all_caps(&word("LoGerfo", 0)));
        assert!(!is_all_caps(&word("Pakistan", 0)));
        assert!(!is_all_caps(&word("--", 0)), "punctuation is no word");
        // A caseless script has no lower-case letters, so its words read as capitals only:
        // callers ask whether a word is capitalised first.
        assert!(is_all_caps(&word("باكستان", 0)));
    }

    #[test]
    fn tokens_touch_when_no_space_is_between() {
        let left = word("Tehreek", 0);
        assert!(touching(&left, &word("-", 7)));
        assert!(!touching(&left, &word("-", 8)));
    }
}
