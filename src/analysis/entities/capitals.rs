//! Capitalisation statistics: which capitalised words are names, and which are only sentence
//! starts, headline style or emphasis.
//!
//! A capital inside a running sentence is evidence of a name; one at a sentence start, in a
//! headline ("Pakistan Hosts Talks") or in a sentence in capitals says nothing. So the counts
//! are taken inside ordinary sentences of both texts, and a word where the capital says nothing
//! is judged by how those sentences write it.

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::{is_all_caps, possessive_stem};
use crate::analysis::{SideTokens, Tok};
use crate::engine::is_stop_word;

/// Whether a sentence is a headline: no full stop at its end, most of its longer words
/// capitalised.
pub(super) fn is_headline(tokens: &[Tok]) -> bool {
    let ends_sentence = tokens
        .iter()
        .rev()
        .find(|t| !matches!(t.key(), "\"" | "'" | ")"))
        .is_some_and(|t| matches!(t.key(), "." | "!" | "?" | "…"));
    if ends_sentence {
        return false;
    }
    let long: Vec<&Tok> = tokens
        .iter()
        .filter(|t| t.is_word() && t.key().chars().count() > 3)
        .collect();
    let capitalised = long.iter().filter(|t| t.is_capitalised()).count();
    long.len() >= 3 && capitalised * 3 >= long.len() * 2
}

/// Whether a sentence is mostly in capitals ("IN NO EVENT SHALL THE AUTHORS BE LIABLE"):
/// its capitals say nothing of which words are names.
pub(super) fn is_shouting(tokens: &[Tok]) -> bool {
    let words = tokens.iter().filter(|t| t.is_word()).count();
    let caps = tokens.iter().filter(|t| is_all_caps(t)).count();
    words >= 3 && caps * 2 > words
}

/// How both texts capitalise their words, and which of their sentences are headlines.
pub(super) struct Capitals<'a> {
    /// Per word (lower case, without a possessive): how often it is capitalised inside an
    /// ordinary sentence (not at its start, not in a headline or a sentence in capitals).
    capitalised: HashMap<&'a str, usize>,
    /// Per word: how often either text writes it in lower case, anywhere.
    lower_case: HashMap<&'a str, usize>,
    /// Per side, per sentence: whether it is a headline or in capitals.
    headline: Vec<Vec<bool>>,
}

impl<'a> Capitals<'a> {
    /// Counts the capitals of all sides (two texts, or every document of a collation).
    pub(super) fn of(sides: &'a [SideTokens<'_>]) -> Self {
        let mut capitalised: HashMap<&str, usize> = HashMap::default();
        // Words either text writes in lower case: the same word in capitals is emphasis
        // ("INCLUDING", "NOTICE"), not an acronym.
        let mut lower_case: HashMap<&str, usize> = HashMap::default();
        let mut headline: Vec<Vec<bool>> = vec![Vec::new(); sides.len()];
        for (side, flags) in sides.iter().zip(headline.iter_mut()) {
            // Each distinct sentence is counted once, times how often the side has it: a long
            // text repeats its boilerplate (the counts are the same).
            for (tokens, head, times) in distinct_sentences(side, flags) {
                for t in tokens {
                    if !head && t.is_capitalised() && !t.initial() {
                        *capitalised.entry(possessive_stem(t.lower())).or_default() += times;
                    }
                    if t.is_word() && t.key() == t.lower() {
                        *lower_case.entry(possessive_stem(t.lower())).or_default() += times;
                    }
                }
            }
        }
        Self {
            capitalised,
            lower_case,
            headline,
        }
    }

    /// Whether one of an entity's forms is also written in lower case as a word of its own
    /// ("Dialogue" and "dialogue"): a common noun capitalised where it starts a sentence or a
    /// heading. Read off the counts made here, rather than by searching the texts again.
    pub(super) fn written_in_lower_case(&self, forms: &[String]) -> bool {
        forms.iter().any(|form| {
            let lower = form.to_lowercase();
            lower != *form
                && self
                    .lower_case
                    .get(possessive_stem(&lower))
                    .is_some_and(|&n| n > 0)
        })
    }

    /// Whether sentence `sentence` of side `side` is a headline or in capitals.
    pub(super) fn is_headline(&self, side: usize, sentence: usize) -> bool {
        self.headline
            .get(side)
            .and_then(|flags| flags.get(sentence))
            .copied()
            .unwrap_or(false)
    }

    /// Whether a word where its capital says nothing (at a sentence start, in a headline, in
    /// capitals) is a name: when, inside sentences, the texts capitalise it more often than
    /// not. "Pakistan" always, "However" and "Use" less often than they write "however" and
    /// "use".
    pub(super) fn looks_like_name(&self, t: &Tok, headline: bool) -> bool {
        let capitalised = times(&self.capitalised, t);
        let lower_case = times(&self.lower_case, t);
        if is_all_caps(t) {
            // An acronym ("TTP") or a name in capitals ("PAKISTAN" when the texts write
            // "Pakistan"), unless the texts also write the word in lower case ("INCLUDING")
            // or it is a function word ("ANY"). In a headline or a sentence in capitals, a
            // short unknown word is not taken for an acronym.
            return !is_stop_word(possessive_stem(t.lower()))
                && lower_case == 0
                && (capitalised > 0 || (!headline && t.key().chars().count() <= 5));
        }
        let inner_capital = t.key().chars().skip(1).any(char::is_uppercase);
        inner_capital || capitalised > lower_case
    }
}

/// The distinct sentences of `side` (by their words) with whether each is a headline or in
/// capitals and how many times the side has it, in order of first appearance; `flags` gets
/// each sentence's headline flag, in order.
fn distinct_sentences<'s>(
    side: &'s SideTokens<'_>,
    flags: &mut Vec<bool>,
) -> Vec<(&'s [Tok], bool, usize)> {
    let mut distinct: Vec<(&[Tok], bool, usize)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::default();
    for range in &side.sentences {
        let (tokens, _, content) = side.extent(range);
        let n = *index.entry(content).or_insert_with(|| {
            let head = is_headline(tokens) || is_shouting(tokens);
            distinct.push((tokens, head, 0));
            distinct.len() - 1
        });
        distinct[n].2 += 1;
        flags.push(distinct[n].1);
    }
    distinct
}

/// How many times `table` counts the word of `t`.
fn times(table: &HashMap<&str, usize>, t: &Tok) -> usize {
    table.get(possessive_stem(t.lower())).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::test_support::side;

    /// The token of `side` whose text is `word`, the `nth` such (from 0).
    fn token<'s>(side: &'s SideTokens<'_>, word: &str, nth: usize) -> &'s Tok {
        side.tokens
            .iter()
            .filter(|t| &side.text[t.span().range()] == word)
            .nth(nth)
            .unwrap_or_else(|| panic!("no {word} #{nth}"))
    }

    /// A repeated sentence counts as many times as the text has it, a headline's flag and
    /// capitals as its first's.
    #[test]
    fn repeated_sentences_count_each_time() {
        let sides = [side(
            "They met Pakistan here. Pakistan Hosts Regional Security Talks\n\n\
             They met Pakistan here. We saw the pakistan envoy. They met Pakistan here.\n\n\
             Pakistan Hosts Regional Security Talks",
        )];
        let capitals = Capitals::of(&sides);
        let pakistan = token(&sides[0], "Pakistan", 0);
        assert_eq!(times(&capitals.capitalised, pakistan), 3);
        assert_eq!(times(&capitals.lower_case, pakistan), 1);
        assert_eq!(
            capitals.headline[0],
            [false, true, false, false, false, true]
        );
    }

    #[test]
    fn a_headline_has_no_full_stop_and_mostly_capitalised_long_words() {
        let head = side("Pakistan Hosts Regional Security Talks");
        assert!(is_headline(&head.tokens));
        let sentence = side("Pakistan Hosts Regional Security Talks.");
        assert!(
            !is_headline(&sentence.tokens),
            "a full stop ends a sentence"
        );
        let quoted = side("\"Pakistan Hosts Regional Security Talks.\"");
        assert!(
            !is_headline(&quoted.tokens),
            "closing quotes are looked through"
        );
        let lower = side("the talks were held in the capital");
        assert!(!is_headline(&lower.tokens));
        let short = side("Pakistan Talks");
        assert!(!is_headline(&short.tokens), "too few long words to tell");
        assert!(!is_headline(&[]));
    }

    #[test]
    fn a_form_also_written_in_lower_case_is_known_as_such() {
        let sides = [
            side("Dialogue opened the talks. Pakistan's dialogue's aims were set."),
            side("The Dialogue-based process went on in Islamabad."),
        ];
        let capitals = Capitals::of(&sides);
        let forms = |f: &[&str]| f.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(
            capitals.written_in_lower_case(&forms(&["Dialogue"])),
            "“dialogue's” is the word in lower case, its possessive aside"
        );
        assert!(!capitals.written_in_lower_case(&forms(&["Pakistan"])));
        assert!(!capitals.written_in_lower_case(&forms(&["Islamabad", "ISLAMABAD"])));
        assert!(
            !capitals.written_in_lower_case(&forms(&["talks"])),
            "a form already in lower case says nothing"
        );
    }

    #[test]
    fn shouting_is_most_words_in_capitals() {
        assert!(is_shouting(
            &side("IN NO EVENT SHALL THE AUTHORS BE LIABLE").tokens
        ));
        assert!(!is_shouting(&side("The TTP and the FO met.").tokens));
        assert!(
            !is_shouting(&side("NO WAY").tokens),
            "two words are too few"
        );
        assert!(!is_shouting(&[]));
    }

    #[test]
    fn a_sentence_start_is_a_name_when_capitalised_inside_sentences() {
        let left = side("Pakistan welcomed the talks. However, the talks were held in Pakistan.");
        let right = side("Talks were held. The talks ended, however.");
        let sides = [left, right];
        let capitals = Capitals::of(&sides);
        let [left, right] = &sides;
        assert!(capitals.looks_like_name(token(left, "Pakistan", 0), false));
        assert!(!capitals.looks_like_name(token(left, "However", 0), false));
        // "Talks" is only ever capitalised at a start; "talks" is written in lower case.
        assert!(!capitals.looks_like_name(token(right, "Talks", 0), false));
    }

    #[test]
    fn possessives_count_as_their_word() {
        let sides = [
            side("Pakistan's envoy spoke. He met the envoy of Pakistan."),
            side(""),
        ];
        let capitals = Capitals::of(&sides);
        assert!(capitals.looks_like_name(token(&sides[0], "Pakistan's", 0), false));
    }

    #[test]
    fn an_inner_capital_is_a_name_anywhere() {
        let sides = [side("LoGerfo spoke."), side("")];
        let capitals = Capitals::of(&sides);
        assert!(capitals.looks_like_name(token(&sides[0], "LoGerfo", 0), false));
    }

    #[test]
    fn capitals_are_acronyms_unless_written_in_lower_case_elsewhere() {
        let sides = [
            side("TTP attacks continued. INCLUDING the costs, ANY claim fails."),
            side("The costs, including fees, were paid."),
        ];
        let capitals = Capitals::of(&sides);
        let [left, _] = &sides;
        assert!(capitals.looks_like_name(token(left, "TTP", 0), false));
        assert!(!capitals.looks_like_name(token(left, "INCLUDING", 0), false));
        assert!(
            !capitals.looks_like_name(token(left, "ANY", 0), false),
            "a function word"
        );
        // In a headline a short unknown word in capitals is not taken for an acronym.
        assert!(!capitals.looks_like_name(token(left, "TTP", 0), true));
    }

    #[test]
    fn headlines_and_shouting_do_not_count_their_capitals() {
        let sides = [
            side("Minister Visits Regional Security Conference\n\nThe minister spoke."),
            side("IN NO EVENT SHALL THE MINISTER BE LIABLE"),
        ];
        let capitals = Capitals::of(&sides);
        assert!(capitals.is_headline(0, 0));
        assert!(!capitals.is_headline(0, 1));
        assert!(capitals.is_headline(1, 0));
        assert!(!capitals.is_headline(1, 5), "past the end is no headline");
        let [left, _] = &sides;
        assert!(!capitals.looks_like_name(token(left, "Minister", 0), true));
    }

    #[test]
    fn caseless_scripts_and_empty_texts_give_no_names() {
        let sides = [side("وزیر خارجہ نے کہا۔"), side("")];
        let capitals = Capitals::of(&sides);
        assert!(!sides[0].tokens.iter().any(Tok::is_capitalised));
        assert!(!capitals.is_headline(1, 0));
        let empty = [side(""), side("")];
        let capitals = Capitals::of(&empty);
        assert!(!capitals.is_headline(0, 0));
    }
}
