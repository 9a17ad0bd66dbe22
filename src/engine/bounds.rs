//! UAX #29 word and sentence boundaries: [`words`] and [`sentences`] split a text as
//! `unicode-segmentation` does, and go by a fast path when the text is all ASCII.
//!
//! The fast path finds the boundaries of ASCII text by byte classes instead of Unicode
//! table lookups. They give exactly what `unicode-segmentation` gives on the same text (property
//! tests below compare the two on random ASCII strings built to exercise every rule), and are
//! used only when a text is all ASCII, as most English statements and long documents are: on
//! the 1 MiB benchmark pair, the table lookups were a third of the whole run. Text with any other
//! character goes to `unicode-segmentation`.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

use super::segment::{Span, Token, joined_dot};

/// The pieces between word boundaries of `text`, with their byte offsets, as
/// `split_word_bound_indices` gives them.
pub fn words(text: &str) -> Words<'_> {
    if text.is_ascii() {
        Words::Ascii(word_bounds(text))
    } else {
        Words::Unicode(text.split_word_bound_indices())
    }
}

/// The pieces between word boundaries, by the fast path or by `unicode-segmentation`.
pub enum Words<'a> {
    Ascii(WordBounds<'a>),
    Unicode(UWordBoundIndices<'a>),
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Ascii(words) => words.next(),
            Self::Unicode(words) => words.next(),
        }
    }
}

/// The pieces between sentence boundaries of `text`, with their byte offsets, as
/// `split_sentence_bound_indices` gives them.
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    let starts = if text.is_ascii() {
        sentence_starts(text)
    } else {
        unicode_sentence_starts(text)
    };
    let ends = starts
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(text.len()));
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| (start, &text[start..end]))
        .collect()
}

/// Runs of ASCII spaces and tabs longer than this are cut to this length before
/// `unicode-segmentation` reads a text: it looks ahead from every space of a run after a full
/// stop (quadratic: 20,000 spaces took 5 s). The rules read such a run as one (`Sp*`), and no
/// boundary falls inside one, so the cut changes no boundary.
const LONGEST_SPACE_RUN: usize = 16;

/// Where sentences start, by `unicode-segmentation`, with long runs of spaces cut short first.
fn unicode_sentence_starts(text: &str) -> Vec<usize> {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t');
    let bytes = text.as_bytes();
    // (end of a cut run in the shortened text, bytes cut before that point in all)
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut short = String::new();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        if !is_space(&bytes[at]) {
            at += 1;
            continue;
        }
        let run = bytes[at..].iter().take_while(|b| is_space(b)).count();
        if run > LONGEST_SPACE_RUN {
            // Spaces and tabs are ASCII: `at` and the run's ends are char boundaries.
            short.push_str(&text[copied..at + LONGEST_SPACE_RUN]);
            copied = at + run;
            let cut = cuts.last().map_or(0, |&(_, cut)| cut) + run - LONGEST_SPACE_RUN;
            cuts.push((short.len(), cut));
        }
        at += run;
    }
    if cuts.is_empty() {
        return text
            .split_sentence_bound_indices()
            .map(|(at, _)| at)
            .collect();
    }
    short.push_str(&text[copied..]);
    let mut cut = cuts.iter().peekable();
    let mut removed = 0;
    short
        .split_sentence_bound_indices()
        .map(|(at, _)| {
            while let Some(&&(end, total)) = cut.peek() {
                if end > at {
                    break;
                }
                removed = total;
                cut.next();
            }
            at + removed
        })
        .collect()
}

/// The word break classes of ASCII bytes (UAX #29, table 3; `unicode-segmentation`'s tables).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    Cr,
    Lf,
    Newline,
    Space,
    Letter,
    Numeric,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    ExtendNumLet,
    Other,
}

fn word_class(b: u8) -> Word {
    WORD_CLASSES[usize::from(b & 0x7f)]
}

/// [`word_class_of`] for each ASCII byte.
const WORD_CLASSES: [Word; 128] = {
    let mut table = [Word::Other; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = word_class_of(b as u8);
        b += 1;
    }
    table
};

const fn word_class_of(b: u8) -> Word {
    match b {
        b'\r' => Word::Cr,
        b'\n' => Word::Lf,
        0x0b | 0x0c => Word::Newline,
        b' ' => Word::Space,
        b'a'..=b'z' | b'A'..=b'Z' => Word::Letter,
        b'0'..=b'9' => Word::Numeric,
        b':' => Word::MidLetter,
        b',' | b';' => Word::MidNum,
        b'.' => Word::MidNumLet,
        b'\'' => Word::SingleQuote,
        b'_' => Word::ExtendNumLet,
        _ => Word::Other,
    }
}

/// Whether a word boundary falls between `a` and `b`, given the classes before `a` and after `b`
/// (rules WB3 to WB13b; the rules for Hebrew, Katakana, emoji, regional indicators and ignored
/// characters never see ASCII).
fn word_break(before: Option<Word>, a: Word, b: Word, after: Option<Word>) -> bool {
    use Word::*;
    let mid_letter = |c: Word| matches!(c, MidLetter | MidNumLet | SingleQuote);
    let mid_num = |c: Word| matches!(c, MidNum | MidNumLet | SingleQuote);
    match (a, b) {
        (Cr, Lf) => false,
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => true,
        (Space, Space) => false,
        (Letter | Numeric, Letter | Numeric) => false,
        (Letter, m) if mid_letter(m) && after == Some(Letter) => false,
        (m, Letter) if mid_letter(m) && before == Some(Letter) => false,
        (m, Numeric) if mid_num(m) && before == Some(Numeric) => false,
        (Numeric, m) if mid_num(m) && after == Some(Numeric) => false,
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) => false,
        (ExtendNumLet, Letter | Numeric) => false,
        _ => true,
    }
}

/// The pieces between word boundaries of an ASCII text, with their byte offsets: what
/// `split_word_bound_indices` gives.
pub struct WordBounds<'a> {
    text: &'a str,
    at: usize,
}

/// Word pieces of `text`, which must be ASCII (checked by the caller).
fn word_bounds(text: &str) -> WordBounds<'_> {
    debug_assert!(text.is_ascii());
    WordBounds { text, at: 0 }
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        if start >= bytes.len() {
            return None;
        }
        let end = ascii_word_end(bytes, start);
        self.at = end;
        Some((start, &self.text[start..end]))
    }
}

/// Where the word piece of ASCII `bytes` that starts at `start` (below their length) ends: what
/// [`WordBounds`] gives, for a caller that walks the bytes itself.
pub fn ascii_word_end(bytes: &[u8], start: usize) -> usize {
    let class = |i: usize| bytes.get(i).map(|&b| word_class(b));
    let mut end = start + 1;
    let mut a = word_class(bytes[start]);
    if a == Word::Space {
        // A space runs on over spaces only (WB3d), and nothing else holds to it.
        return end + bytes[end..].iter().take_while(|&&b| b == b' ').count();
    }
    while end < bytes.len() {
        if matches!(a, Word::Letter | Word::Numeric) {
            // Letters and digits run on (WB5, WB8-WB10): the common case, skipped without the
            // rules' look around.
            let run = bytes[end..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if run > 0 {
                end += run;
                a = word_class(bytes[end - 1]);
                if end == bytes.len() {
                    break;
                }
            }
        }
        let b = word_class(bytes[end]);
        if word_break(end.checked_sub(2).and_then(class), a, b, class(end + 1)) {
            break;
        }
        a = b;
        end += 1;
    }
    end
}

/// [`tokens`](super::segment::tokens) of an ASCII `text[span]`, straight from its bytes: whitespace is skipped a byte
/// at a time (no word piece holds whitespace and anything else), and the other pieces end where
/// [`ascii_word_end`] says. The same tokens, without making the whitespace pieces or
/// decoding characters.
pub fn ascii_tokens(text: &str, span: Span, out: &mut Vec<Token>) {
    let bytes = &text.as_bytes()[span.range()];
    let mut at = 0;
    while at < bytes.len() {
        if matches!(bytes[at], b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ') {
            at += 1;
            continue;
        }
        let end = ascii_word_end(bytes, at);
        let start = span.start + at;
        let piece = &bytes[at..end];
        at = end;
        if piece == b"." && joined_dot(out, text, start) {
            continue;
        }
        out.push(Token::new(
            Span::new(start, span.start + end),
            piece.iter().any(u8::is_ascii_alphanumeric),
        ));
    }
}

/// The sentence break classes of ASCII bytes (UAX #29, table 4).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sentence {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

fn sentence_class(b: u8) -> Sentence {
    match b {
        b'\r' => Sentence::Cr,
        b'\n' => Sentence::Lf,
        b'\t' | 0x0b | 0x0c | b' ' => Sentence::Sp,
        b'a'..=b'z' => Sentence::Lower,
        b'A'..=b'Z' => Sentence::Upper,
        b'0'..=b'9' => Sentence::Numeric,
        b'.' => Sentence::ATerm,
        b'!' | b'?' => Sentence::STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Sentence::Close,
        b',' | b'-' | b':' | b';' => Sentence::SContinue,
        _ => Sentence::Other,
    }
}

/// What the text before a position ends with, as far as rules SB8 to SB11 ask: a full stop or
/// other terminal, then closing punctuation, then spaces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// Not after a terminal (or after something that ended its reach).
    Nothing,
    /// After `SATerm Close*`.
    Term { full_stop: bool },
    /// After `SATerm Close* Sp+`.
    TermSpaces { full_stop: bool },
}

/// The byte offsets where sentences start in an ASCII text (0 first, when the text is not
/// empty): what `split_sentence_bound_indices` gives.
fn sentence_starts(text: &str) -> Vec<usize> {
    debug_assert!(text.is_ascii());
    let bytes = text.as_bytes();
    let class = |k: usize| sentence_class(bytes[k]);
    let mut starts = Vec::new();
    if bytes.is_empty() {
        return starts;
    }
    starts.push(0);
    let mut after = After::Nothing;
    // Rule SB8 looks ahead past anything but letters, terminals and paragraph breaks for a lower
    // case letter; the answer holds for every position up to the letter it found, so it is
    // computed once per run (no quadratic scan over long runs of spaces).
    let mut lookahead: Option<(usize, bool)> = None;
    let mut i = 1;
    while i < bytes.len() {
        if after == After::Nothing {
            // Outside a terminal's reach, only a terminal or a line break changes the state or
            // breaks: the bytes up to the next one are passed over at once.
            match bytes[i - 1..]
                .iter()
                .position(|&b| matches!(b, b'.' | b'!' | b'?' | b'\r' | b'\n'))
            {
                Some(skip) => i += skip,
                None => break,
            }
            if i >= bytes.len() {
                break;
            }
        }
        let a = class(i - 1);
        let b = class(i);
        after = match (a, after) {
            (Sentence::ATerm, _) => After::Term { full_stop: true },
            (Sentence::STerm, _) => After::Term { full_stop: false },
            (Sentence::Close, After::Term { full_stop }) => After::Term { full_stop },
            (Sentence::Sp, After::Term { full_stop } | After::TermSpaces { full_stop }) => {
                After::TermSpaces { full_stop }
            }
            _ => After::Nothing,
        };
        let is_break = match (a, b) {
            (Sentence::Cr, Sentence::Lf) => false,
            (Sentence::Cr | Sentence::Lf, _) => true,
            (Sentence::ATerm, Sentence::Numeric) => false,
            (Sentence::ATerm, Sentence::Upper)
                if i >= 2 && matches!(class(i - 2), Sentence::Upper | Sentence::Lower) =>
            {
                false
            }
            _ => match after {
                After::Nothing => false,
                After::Term { full_stop } | After::TermSpaces { full_stop } => {
                    let lower_follows = full_stop && {
                        let (until, lower) = match lookahead {
                            Some((until, lower)) if until >= i => (until, lower),
                            _ => {
                                let until = (i..bytes.len())
                                    .find(|&j| {
                                        !matches!(
                                            class(j),
                                            Sentence::Sp
                                                | Sentence::Numeric
                                                | Sentence::Close
                                                | Sentence::SContinue
                                                | Sentence::Other
                                        )
                                    })
                                    .unwrap_or(bytes.len());
                                let lower = bytes.get(until).map(|&b| sentence_class(b))
                                    == Some(Sentence::Lower);
                                (until, lower)
                            }
                        };
                        lookahead = Some((until, lower));
                        lower
                    };
                    let spaces = matches!(after, After::TermSpaces { .. });
                    let continues = lower_follows
                        || matches!(b, Sentence::SContinue | Sentence::ATerm | Sentence::STerm)
                        || (!spaces && matches!(b, Sentence::Close))
                        || matches!(b, Sentence::Sp | Sentence::Cr | Sentence::Lf);
                    !continues
                }
            },
        };
        if is_break {
            starts.push(i);
        }
        i += 1;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ours_words(text: &str) -> Vec<(usize, &str)> {
        word_bounds(text).collect()
    }

    fn ours_sentences(text: &str) -> Vec<usize> {
        sentence_starts(text)
    }

    fn theirs_sentences(text: &str) -> Vec<usize> {
        text.split_sentence_bound_indices()
            .map(|(at, _)| at)
            .collect()
    }

    /// Strings of the bytes the rules tell apart, in runs, so that terminals, closers, spaces
    /// and letters meet in every order.
    fn ascii_text() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "a",
            "b",
            "Z",
            "Q",
            "1",
            "9",
            ".",
            ".",
            "?",
            "!",
            " ",
            " ",
            "  ",
            "\t",
            "\r",
            "\n",
            "\r\n",
            "\x0b",
            "\x0c",
            "\"",
            "'",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ",",
            ";",
            ":",
            "-",
            "_",
            "#",
            "/",
            "&",
            "*",
            "U.S.",
            "e.g.",
            "Mr. Smith",
            "said. The",
            "3.5",
            "1,000",
            "don't",
            "a:b",
            "A.",
            " a",
            "x_1",
        ]);
        prop::collection::vec(atoms, 0..40).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn word_bounds_are_unicode_segmentations(text in ascii_text()) {
            let theirs: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            prop_assert_eq!(ours_words(&text), theirs);
        }

        #[test]
        fn sentence_starts_are_unicode_segmentations(text in ascii_text()) {
            prop_assert_eq!(ours_sentences(&text), theirs_sentences(&text));
        }

        #[test]
        fn ascii_tokens_are_the_pieces_tokens(text in ascii_text()) {
            let span = Span::new(0, text.len());
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            ascii_tokens(&text, span, &mut ours);
            super::super::segment::piece_tokens(&text, span, &mut theirs);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn any_ascii_bytes_split_alike(bytes in prop::collection::vec(0u8..128, 0..60)) {
            let text = String::from_utf8(bytes).unwrap_or_default();
            let theirs: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
            prop_assert_eq!(ours_words(&text), theirs);
            prop_assert_eq!(ours_sentences(&text), theirs_sentences(&text));
        }
    }

    #[test]
    fn real_statements_split_alike() {
        let samples = crate::samples::SAMPLES.iter().map(|sample| sample.text);
        let texts = samples.chain([
            "The U.S. and Japan met. e.g. this (see p. 4.) \"Quoted.\" Then: more! Yes? no.",
            "He said \"Stop.\"  And then ... left.\r\nNew line. 3.14 is pi. Mr. Smith's dog.",
        ]);
        for text in texts {
            let ascii: String = text.chars().filter(char::is_ascii).collect();
            let theirs: Vec<(usize, &str)> = ascii.split_word_bound_indices().collect();
            assert_eq!(ours_words(&ascii), theirs);
            assert_eq!(ours_sentences(&ascii), theirs_sentences(&ascii), "{ascii}");
        }
    }

    #[test]
    fn long_space_runs_in_other_scripts_split_as_unicode_segmentation_does() {
        for text in [
            format!(
                "Café. End.{}then more.{}Ça va. Oui",
                " ".repeat(40),
                "\t ".repeat(30)
            ),
            format!("Émile said “Stop.”{}And left.  Next", " ".repeat(100)),
            format!("{}Début. Fin.{}", " ".repeat(50), " ".repeat(50)),
            format!("Ünïcode{}end", " ".repeat(17)),
        ] {
            assert_eq!(
                unicode_sentence_starts(&text),
                theirs_sentences(&text),
                "{text:?}"
            );
        }
        // Long enough that the uncut text would take minutes.
        let long = format!("Café. End.{}then. Next", " ".repeat(1_000_000));
        assert_eq!(unicode_sentence_starts(&long), vec![0, 7, long.len() - 4]);
    }

    proptest! {
        #[test]
        fn cut_space_runs_change_no_boundary(
            parts in prop::collection::vec(
                prop::sample::select(vec![
                    "é", "Ä", "a", "B", ".", "?", "”", "(", ")", " ", "\t", "x. y", "Z. A",
                ]),
                0..20,
            ),
            run in 0usize..60,
            at in 0usize..20,
        ) {
            let mut parts: Vec<String> = parts.into_iter().map(str::to_owned).collect();
            parts.insert(at.min(parts.len()), " ".repeat(run));
            let text = parts.concat();
            prop_assert_eq!(unicode_sentence_starts(&text), theirs_sentences(&text));
        }
    }

    #[test]
    fn long_runs_of_spaces_after_a_full_stop_split_alike() {
        // `unicode-segmentation` looks ahead from every space of such a run (quadratic); the fast
        // path looks once per run.
        for text in [
            format!("End.{}then", " ".repeat(3_000)),
            format!("End.){}Then", " ".repeat(3_000)),
        ] {
            assert_eq!(sentence_starts(&text), theirs_sentences(&text));
        }
        let long = format!("End.{}then. Next", " ".repeat(1_000_000));
        assert_eq!(sentence_starts(&long), vec![0, long.len() - 4]);
    }
}
