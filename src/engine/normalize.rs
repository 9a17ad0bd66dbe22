//! Normalization of word tokens for matching. What is shown is never altered: these keys are
//! only compared with each other.
//!
//! Always applied: Unicode compatibility folding (NFKC), curly and straight quotes and
//! apostrophes made one, dash variants made one, and dotted abbreviations without their dots
//! ("U.S." = "US"). On request: case folding, and ignoring punctuation (punctuation tokens drop
//! out of the comparison and punctuation inside words is removed).
//!
//! Also the one list of function words ([`STOP_WORDS`]) that alignment, links and the analyses
//! all read, so they agree on what carries no meaning on its own.

use unicode_normalization::UnicodeNormalization;

use super::segment::is_dotted;

/// Whether `c` reads as an apostrophe in matching (curly, reversed, prime, modifier letter,
/// grave and acute accents all fold to "'").
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{2032}'
            | '\u{02BC}'
            | '`'
            | '\u{00B4}'
    )
}

/// Byte length of the possessive ending of `text` (an apostrophe of any kind, then "s" or
/// "S"), or 0 when it has none. Read from the text itself, never from a folded key (whose
/// length says nothing about the text's): the length always ends `text` on a character
/// boundary.
pub fn possessive_len(text: &str) -> usize {
    let mut chars = text.char_indices().rev();
    match (chars.next(), chars.next()) {
        (Some((_, 's' | 'S')), Some((at, quote))) if is_apostrophe(quote) => text.len() - at,
        _ => 0,
    }
}

/// Function words ("the", "of", "shall"): weighted low in alignment and never proposing a pair
/// on their own, never linking sentences, not enough to make a shared phrase, and never a name
/// on their own. Lower case, sorted and without duplicates, so [`is_stop_word`] can search it.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "said",
    "same",
    "say",
    "says",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

/// Whether `word` (in lower case) is one of the [`STOP_WORDS`]: one hash lookup (the insights
/// ask for every word; a binary search was eight string comparisons).
pub fn is_stop_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    // No stop word is longer than "themselves": most words are rejected before hashing.
    word.len() <= LONGEST_STOP_WORD
        && SET
            .get_or_init(|| STOP_WORDS.iter().copied().collect())
            .contains(word)
}

/// The length of the longest of the [`STOP_WORDS`].
const LONGEST_STOP_WORD: usize = 10;

/// Folds one character of an NFKC-normalized token to its matching form.
fn fold_char(c: char) -> char {
    match c {
        c if is_apostrophe(c) => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        '\u{00A0}' | '\u{202F}' => ' ',
        other => other,
    }
}

/// The matching key of one token, or `None` when the token does not take part in the
/// comparison (punctuation while punctuation is ignored).
pub fn token_key(token: &str, ignore_case: bool, ignore_punctuation: bool) -> Option<String> {
    let mut key = String::new();
    push_token_key(token, ignore_case, ignore_punctuation, &mut key).then_some(key)
}

/// [`token_key`], appended to `out` instead of allocated: false (and `out` as it was) when the
/// token does not take part. Reading a text calls it for every token, and most tokens are
/// plain ASCII words whose key is the word itself: one copy into a buffer, no allocation.
pub fn push_token_key(
    token: &str,
    ignore_case: bool,
    ignore_punctuation: bool,
    out: &mut String,
) -> bool {
    let start = out.len();
    if token.is_ascii() {
        out.push_str(token);
    } else {
        out.extend(token.nfkc().map(fold_char));
    }
    let key = &out[start..];
    let undotted = key.strip_suffix('.').unwrap_or(key);
    if is_dotted(undotted) {
        let plain: String = undotted.chars().filter(|&c| c != '.').collect();
        out.truncate(start);
        out.push_str(&plain);
    }
    if ignore_punctuation {
        if !out[start..].chars().all(char::is_alphanumeric) {
            let kept: String = out[start..]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect();
            out.truncate(start);
            out.push_str(&kept);
        }
        if out.len() == start {
            return false;
        }
    }
    if ignore_case {
        if out[start..].is_ascii() {
            out[start..].make_ascii_lowercase();
        } else {
            let lower = out[start..].to_lowercase();
            out.truncate(start);
            out.push_str(&lower);
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{STOP_WORDS, is_stop_word, token_key};

    #[test]
    fn stop_words_are_sorted_lower_case_and_listed_once() {
        for pair in STOP_WORDS.windows(2) {
            if let [before, after] = pair {
                assert!(before != after, "{before} is listed twice");
                assert!(
                    before < after,
                    "{before} sorts after {after}: the lookup is a search"
                );
            }
        }
        for word in STOP_WORDS {
            assert_eq!(word.to_lowercase(), *word);
        }
        assert_eq!(
            STOP_WORDS.iter().map(|w| w.len()).max(),
            Some(super::LONGEST_STOP_WORD)
        );
    }

    #[test]
    fn every_stop_word_is_found_and_others_are_not() {
        assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
        assert!(is_stop_word("the"));
        assert!(is_stop_word("shall"));
        assert!(!is_stop_word("The"), "the lookup is in lower case");
        assert!(!is_stop_word("pakistan"));
        assert!(!is_stop_word(""));
    }

    fn key(t: &str) -> String {
        token_key(t, false, false).unwrap_or_default()
    }

    #[test]
    fn variants_fold_together() {
        assert_eq!(key("U.S."), key("US"));
        assert_eq!(key("U.S"), "US");
        assert_eq!(key("d’Affaires"), key("d'Affaires"));
        assert_eq!(key("—"), key("-"));
        assert_eq!(key("“"), key("\""));
        assert_eq!(key("ﬁnal"), "final"); // compatibility ligature
        assert_ne!(key("US"), key("us"));
    }

    #[test]
    fn options_fold_case_and_drop_punctuation() {
        assert_eq!(
            token_key("Dialogue", true, false).as_deref(),
            Some("dialogue")
        );
        assert_eq!(token_key(",", false, true), None);
        assert_eq!(
            token_key("d’Affaires", false, true).as_deref(),
            Some("dAffaires")
        );
    }
}
