//! What an analyst looks for beyond a word diff: who and what each statement names, which
//! phrasing the two share wherever it is, and where one side words a thing more strongly.
//!
//! Pure, like the engine: two texts and their [`Comparison`] in, an [`Analysis`] out.
//!
//! - [`entities`](Analysis::entities): names, organisations, places, titles, acronyms, dates and
//!   numbers, grouped by equivalence ("TTP" with "Tehreek-i-Taliban Pakistan") and by person
//!   ("LoGerfo" with "Gregory D. LoGerfo"), counted per side;
//! - [`phrases`](Analysis::phrases): maximal runs of three or more words that occur in both
//!   texts, longest first (a suffix array of both texts' words: linear time);
//! - [`strength`](Analysis::strength): paired rows where the two sides use different grades of
//!   the same kind of diplomatic verb or modal ("agreed" against "discussed"), by a
//!   [`StrengthLexicon`].
//!
//! - [`attribution`](Analysis::attribution) and [`shifts`](Analysis::shifts): who each
//!   sentence credits (both parties, the issuer, the counterpart, someone else) and, on every
//!   link, where the two sides credit a point differently, word it more strongly or qualify it
//!   on one side only ([`stance`]).
//!
//! - [`figures_compared`](Analysis::figures_compared): amounts, percentages, dates, durations
//!   and numbers normalised ("£26 billion" = "GBP 26bn") and compared ([`figures`]);
//! - [`brief`](Analysis::brief): five to eight plain lines on what differs, each with its rows,
//!   which the window and every report show first ([`brief`]).
//!
//! For three or more documents, [`analyse_collation`] runs the same parts over every document
//! of a [`Collation`](crate::engine::collate::Collation) at once ([`collation`]).

pub mod brief;
pub mod collation;
pub mod collation_brief;
mod entities;
pub mod figures;
mod phrases;
mod prefix_max;
mod reading;
pub mod stance;
mod strength;

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::Serialize;
use smol_str::SmolStr;

use crate::engine::segment::{self, Sentence, Span};
use crate::engine::{Comparison, Equivalences, push_token_key};

pub use brief::{BriefLine, BriefTopic};
pub use collation::{
    CollationEntity, CollationInsights, SharedPhrase, StrengthFinding, analyse_collation,
};
pub use collation_brief::CollationBriefLine;
pub use entities::{Entity, EntityKind, Presence};
pub use figures::{Figure, FigureDifference, FigureKind, FigurePresence, FiguresCompared};
pub use phrases::Phrase;
pub use reading::{
    Helped, Helping, TextReading, analyse_read, read_compared, read_texts, read_texts_split,
};
pub use stance::{Actor, Attribution, Issuer, Shift, ShiftKind};
pub use strength::{StrengthDifference, StrengthLexicon, Stronger};

/// Everything [`analyse`] finds.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Analysis {
    /// Who and what is named: shared entities first, then those only on the left, then those
    /// only on the right.
    pub entities: Vec<Entity>,
    /// Figures (numbers, amounts, percentages) each side gives, grouped like entities and
    /// never listed among them: shared first, then only left, then only right.
    pub figures: Vec<Entity>,
    /// Word sequences both texts have, longest first.
    pub phrases: Vec<Phrase>,
    /// Paired rows where one side's wording is stronger, in row order.
    pub strength: Vec<StrengthDifference>,
    /// Who each sentence credits, and each document's issuer: left, then right.
    pub attribution: [Attribution; 2],
    /// Stance shifts on the links that are not identical, in link order.
    pub shifts: Vec<Shift>,
    /// Figures (amounts, percentages, dates, durations, numbers) normalised and compared: in
    /// both, on one side only, different values on linked sentences.
    pub figures_compared: FiguresCompared,
    /// A few plain lines saying what differs, each with its rows ([`brief`]).
    pub brief: Vec<BriefLine>,
}

/// Analyses two texts and their comparison. `equivalences` groups the forms of one entity;
/// `lexicon` grades wording strength.
pub fn analyse(
    left: &str,
    right: &str,
    comparison: &Comparison,
    equivalences: &Equivalences,
    lexicon: &StrengthLexicon,
) -> Analysis {
    let parallel = left.len() + right.len() >= PARALLEL_BYTES;
    analyse_on(left, right, comparison, equivalences, lexicon, parallel)
}

/// From this many bytes of text on both sides together, the analyses use two threads: the sides'
/// tokens are read side by side, then the names beside the shared phrases, then who is
/// credited beside wording strength and figures ([`reading`]). Below, a thread costs more than
/// it saves.
const PARALLEL_BYTES: usize = 32 * 1024;

/// [`analyse`], on one thread or two; the result is the same.
fn analyse_on(
    left: &str,
    right: &str,
    comparison: &Comparison,
    equivalences: &Equivalences,
    lexicon: &StrengthLexicon,
    parallel: bool,
) -> Analysis {
    let reading = reading::read(
        left,
        right,
        compared_sentences(comparison),
        equivalences,
        (parallel, &reading::Helping::default()),
    );
    reading::complete(left, right, comparison, reading, lexicon, parallel)
}

/// The sentences `comparison` split its two texts into.
fn compared_sentences(comparison: &Comparison) -> [Vec<Sentence>; 2] {
    [
        comparison.left_sentences.clone(),
        comparison.right_sentences.clone(),
    ]
}

/// Analyses with `equivalences` and the built-in strength lexicon.
pub fn analyse_with(
    left: &str,
    right: &str,
    comparison: &Comparison,
    equivalences: &Equivalences,
) -> Analysis {
    analyse(
        left,
        right,
        comparison,
        equivalences,
        StrengthLexicon::builtin_ref(),
    )
}

/// Analyses with the built-in equivalences and strength lexicon.
pub fn analyse_builtin(left: &str, right: &str, comparison: &Comparison) -> Analysis {
    analyse(
        left,
        right,
        comparison,
        Equivalences::builtin_ref(),
        StrengthLexicon::builtin_ref(),
    )
}

/// One token of a text, with what the analyses read.
///
/// A 1 MiB text has 200,000 tokens, and every analysis keeps them all, but only a few thousand
/// distinct keys: the token is 16 bytes, its keys and what kind of token it is shared with
/// every token of the same key and kind ([`Keys`], made once per side), and its place two
/// `u32` (texts are far below 4 GiB).
#[derive(Debug, Clone, PartialEq)]
struct Tok {
    /// Its keys and kind, shared.
    keys: Arc<Keys>,
    /// Where it is: its first byte and one past its last.
    start: u32,
    end: u32,
}

/// A token's keys: its normalized key, case kept ([`crate::engine::token_key`]), then, when it
/// has capitals, the key in lower case; and what kind of token has them (a word or not, initial
/// or not), which the token would otherwise pad to 24 bytes with.
#[derive(Debug, PartialEq)]
struct Keys {
    keys: SmolStr,
    /// Where the key ends in `keys`.
    key_end: u32,
    /// Whether the token is a word or number (not punctuation).
    is_word: bool,
    /// Whether it is the first word of its sentence, or the first after an opening quote or a
    /// colon (where a capital says nothing about a name).
    initial: bool,
    /// Whether it is a word starting with a capital letter (read once: every analysis asks).
    capitalised: bool,
}

impl Keys {
    /// The keys of key `key`, whose lower case is `lower`, for a token that is a word or not
    /// (`is_word`) and `initial` or not.
    fn new(key: &str, lower: &str, is_word: bool, initial: bool) -> Self {
        let keys = if key == lower {
            SmolStr::from(key)
        } else {
            SmolStr::from_iter([key, lower])
        };
        Self {
            keys,
            key_end: key.len() as u32,
            is_word,
            initial,
            capitalised: is_word && key.chars().next().is_some_and(char::is_uppercase),
        }
    }

    /// The key as written and in lower case: the two halves of `keys`, or `keys` twice when
    /// the key has no capitals.
    #[inline]
    fn both(&self) -> (&str, &str) {
        let keys = self.keys.as_str();
        match keys.split_at_checked(self.key_end as usize) {
            Some((key, lower)) if !lower.is_empty() => (key, lower),
            _ => (keys, keys),
        }
    }
}

impl AsRef<str> for Tok {
    fn as_ref(&self) -> &str {
        self.key()
    }
}

impl Tok {
    /// A token whose key is `key` and lower-case key `lower`.
    #[cfg(test)]
    fn new(span: Span, key: &str, lower: &str, is_word: bool, initial: bool) -> Self {
        Self::with_keys(span, Arc::new(Keys::new(key, lower, is_word, initial)))
    }

    /// A token with the keys (and kind) `keys`.
    fn with_keys(span: Span, keys: Arc<Keys>) -> Self {
        Self {
            keys,
            start: span.start as u32,
            end: span.end as u32,
        }
    }

    /// Whether it is a word or number (not punctuation).
    #[inline]
    fn is_word(&self) -> bool {
        self.keys.is_word
    }

    /// Whether it is the first word of its sentence, or the first after an opening quote or a
    /// colon (where a capital says nothing about a name).
    #[inline]
    fn initial(&self) -> bool {
        self.keys.initial
    }

    /// Where it is.
    #[inline]
    fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Its key as written and in lower case.
    #[inline]
    fn keys(&self) -> (&str, &str) {
        self.keys.both()
    }

    /// Its normalized key, case kept ([`crate::engine::token_key`]).
    #[inline]
    fn key(&self) -> &str {
        self.keys().0
    }

    /// Its key in lower case.
    #[inline]
    fn lower(&self) -> &str {
        self.keys().1
    }

    /// Whether it is a word starting with a capital letter.
    #[inline]
    fn is_capitalised(&self) -> bool {
        self.keys.capitalised
    }
}

/// One side's tokens, sentence by sentence (the comparison's sentences).
struct SideTokens<'a> {
    text: &'a str,
    tokens: Vec<Tok>,
    /// Per sentence, its range in `tokens`.
    sentences: Vec<Range<usize>>,
}

impl<'a> SideTokens<'a> {
    /// The tokens of sentence range `range`, the byte range from their first to their last,
    /// and that text: what a repeat of a sentence has in common with its first (the key the
    /// insights read a long text's boilerplate once by). Empty for a range out of bounds.
    fn extent(&self, range: &Range<usize>) -> (&[Tok], Range<usize>, &'a str) {
        let tokens = self.tokens.get(range.clone()).unwrap_or_default();
        let extent = match (tokens.first(), tokens.last()) {
            (Some(first), Some(last)) => first.span().start..last.span().end,
            _ => 0..0,
        };
        let content = self.text.get(extent.clone()).unwrap_or_default();
        (tokens, extent, content)
    }

    fn new(text: &'a str, sentences: &[Sentence]) -> Self {
        let mut tokens: Vec<Tok> = Vec::with_capacity(text.len() / 5);
        let mut ranges = Vec::with_capacity(sentences.len());
        let mut raw = Vec::new();
        // Keys are made in this buffer; each distinct one is made into `Keys` once, which
        // every token of that key shares.
        let mut key = String::new();
        // By kind: punctuation, a word, an initial word ([`Keys::new`]).
        let mut known: [FxHashMap<Box<str>, Arc<Keys>>; 3] = Default::default();
        // The first sentence of each distinct content, by its tokens and where it starts: a
        // repeat (a long text's boilerplate) is copied from it and moved to its place, as what
        // is read of a sentence depends on its content alone.
        let mut first_of: FxHashMap<&str, (Range<usize>, usize)> = FxHashMap::default();
        for sentence in sentences {
            let content = &text[sentence.content.range()];
            if let Some((from, start)) = first_of.get(content).cloned() {
                let (first, shift) = (tokens.len(), sentence.content.start - start);
                tokens.extend_from_within(from);
                let shift = shift as u32;
                for token in &mut tokens[first..] {
                    token.start += shift;
                    token.end += shift;
                }
                ranges.push(first..tokens.len());
                continue;
            }
            raw.clear();
            segment::tokens(text, sentence.content, &mut raw);
            split_colons(text, &mut raw);
            let first = tokens.len();
            let mut opens = true;
            for t in &raw {
                key.clear();
                push_token_key(&text[t.span().range()], false, false, &mut key);
                let initial = t.is_word() && opens;
                // What opens a sentence: its start, a colon or quote, and a leading list
                // marker ("b) However", "C. State", "7. Include"): the next word is initial.
                opens = if t.is_word() {
                    opens && is_enumerator(&key)
                } else {
                    opens || matches!(key.as_str(), ":" | "\"" | "'")
                };
                let known = match (t.is_word(), initial) {
                    (false, _) => &mut known[0],
                    (true, false) => &mut known[1],
                    (true, true) => &mut known[2],
                };
                let keys = match known.get(key.as_str()) {
                    Some(keys) => Arc::clone(keys),
                    None => {
                        let keys = Keys::new(&key, &lower_case(&key), t.is_word(), initial);
                        let keys = Arc::new(keys);
                        known.insert(key.as_str().into(), Arc::clone(&keys));
                        keys
                    }
                };
                tokens.push(Tok::with_keys(t.span(), keys));
            }
            first_of.insert(content, (first..tokens.len(), sentence.content.start));
            ranges.push(first..tokens.len());
        }
        Self {
            text,
            tokens,
            sentences: ranges,
        }
    }
}

/// `key` in lower case.
fn lower_case(key: &str) -> std::borrow::Cow<'_, str> {
    if key.is_ascii() {
        if key.bytes().any(|b| b.is_ascii_uppercase()) {
            key.to_ascii_lowercase().into()
        } else {
            key.into()
        }
    } else if key.chars().any(char::is_uppercase) {
        key.to_lowercase().into()
    } else {
        key.into()
    }
}

/// A list marker's word: a number, one letter, or a short Roman numeral ("iv", "XII").
fn is_enumerator(word: &str) -> bool {
    let mut chars = word.chars();
    let single_letter = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    let roman = word.len() <= 4
        && (word.chars().all(|c| "ivxlc".contains(c)) || word.chars().all(|c| "IVXLC".contains(c)));
    single_letter || roman || (word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit()))
}

/// Splits words joined by a colon ("ISLAMABAD:The", which Unicode word boundaries keep
/// together) into the words and the colon.
fn split_colons(text: &str, tokens: &mut Vec<segment::Token>) {
    if !tokens
        .iter()
        .any(|t| t.is_word() && text[t.span().range()].contains(':'))
    {
        return;
    }
    let mut out = Vec::with_capacity(tokens.len() + 2);
    for t in tokens.drain(..) {
        let piece = &text[t.span().range()];
        if !t.is_word() || !piece.contains(':') {
            out.push(t);
            continue;
        }
        let mut at = t.span().start;
        for (n, part) in piece.split(':').enumerate() {
            if n > 0 {
                out.push(segment::Token::new(Span::new(at, at + 1), false));
                at += 1;
            }
            if !part.is_empty() {
                out.push(segment::Token::new(
                    Span::new(at, at + part.len()),
                    part.chars().any(char::is_alphanumeric),
                ));
                at += part.len();
            }
        }
    }
    *tokens = out;
}

/// `[[start, end], ...]` for a list of spans.
fn span_list<S: serde::Serializer>(spans: &[Span], s: S) -> Result<S::Ok, S::Error> {
    spans
        .iter()
        .map(|span| [span.start, span.end])
        .collect::<Vec<_>>()
        .serialize(s)
}

/// `[start, end]` for one span.
fn span_pair<S: serde::Serializer>(span: &Span, s: S) -> Result<S::Ok, S::Error> {
    [span.start, span.end].serialize(s)
}

/// `text` on one line: runs of whitespace made one space, ends trimmed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::samples::SAMPLES;

    /// A repeated sentence's tokens are copied from its first: they are what reading it alone
    /// gives.
    #[test]
    fn a_repeated_sentence_tokenises_as_its_first() {
        let text = "Dr. Smith met the U.S. envoy: talks: good. \"Yes,\" he said.\n\n\
                    Dr. Smith met the U.S. envoy: talks: good. Pakistan’s PM spoke. \
                    \"Yes,\" he said. Dr. Smith met the U.S. envoy: talks: good.";
        let sentences = segment::sentences(text);
        assert_eq!(sentences.len(), 6);
        let side = SideTokens::new(text, &sentences);
        for (sentence, range) in sentences.iter().zip(&side.sentences) {
            let alone = SideTokens::new(text, std::slice::from_ref(sentence));
            assert_eq!(side.tokens[range.clone()], alone.tokens[..]);
            assert!(!alone.tokens.is_empty());
        }
    }

    #[test]
    fn two_threads_give_the_same_analysis_as_one() {
        let texts: Vec<&str> = SAMPLES.iter().map(|sample| sample.text).collect();
        for (left, right) in texts.iter().zip(texts.iter().rev()) {
            let comparison =
                crate::engine::compare(left, right, &crate::engine::Options::default());
            let analysis = |parallel| {
                let analysis = analyse_on(
                    left,
                    right,
                    &comparison,
                    Equivalences::builtin_ref(),
                    StrengthLexicon::builtin_ref(),
                    parallel,
                );
                serde_json::to_string(&analysis).unwrap_or_default()
            };
            let one = analysis(false);
            assert!(one.len() > 100, "{one}");
            assert_eq!(one, analysis(true));
        }
    }
}
