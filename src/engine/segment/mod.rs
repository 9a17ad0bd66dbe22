//! Segmentation of a text into sentences and word tokens, as byte spans into the original.
//!
//! Invariant: the sentences returned by [`sentences`] partition the text exactly — they are
//! contiguous, in order, non-empty, and together cover every byte. Whitespace between sentences
//! (including blank lines) belongs to the sentence before it; leading whitespace at the start of
//! the text belongs to the first sentence.
//!
//! Sentence boundaries come from Unicode's UAX #29 rules (`unicode-segmentation`), applied per
//! block of text, with three corrections a statement needs:
//! - blocks are split at blank lines, headings and list items, and single line breaks inside a
//!   hard-wrapped paragraph are read as spaces (UAX #29 would break at every line);
//! - a break after an abbreviation or an initial ("U.S.", "Mr.", "Gregory D. LoGerfo", "No. 5")
//!   is undone;
//! - pieces that are only whitespace are folded into the sentence before them.

use std::collections::hash_map::Entry;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::bounds;

mod words;
use serde::Serialize;
use words::{BEFORE_NUMBER, MAYBE_FINAL, OPENERS, TITLES};

/// A half-open byte range `start..end` into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// Builds a span; `start <= end` is the caller's promise.
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// One sentence of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// The full span, trailing whitespace included; sentences partition the text.
    pub span: Span,
    /// The span without leading and trailing whitespace (what a reader calls the sentence).
    pub content: Span,
    /// Whether a paragraph (block) ends with this sentence.
    pub ends_paragraph: bool,
}

/// Splits `text` into sentences that partition it exactly (see the module documentation).
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    // The sentences of each distinct block met, as a range of `out`, and where it starts: a
    // block splits the same wherever it stands (it starts a line, and no rule looks past it),
    // so a repeated block (a long text's boilerplate) is copied, not split again.
    let mut split: FxHashMap<&str, (Range<usize>, usize)> = FxHashMap::default();
    for block in blocks(text) {
        let first = out.len();
        match split.entry(&text[block.range()]) {
            Entry::Occupied(before) => {
                let (range, start) = before.get().clone();
                out.extend_from_within(range);
                for sentence in &mut out[first..] {
                    sentence.shift(block.start - start);
                }
            }
            Entry::Vacant(slot) => {
                split_block(text, block, &mut out);
                slot.insert((first..out.len(), block.start));
            }
        }
        if out.len() > first
            && let Some(last) = out.last_mut()
        {
            last.ends_paragraph = true;
        }
    }
    // Leading whitespace of the text belongs to the first sentence; whitespace-only pieces
    // were already folded, so only a text made of nothing but whitespace is left as one piece.
    if let Some(first) = out.first_mut() {
        first.span.start = 0;
    }
    if out.is_empty() && !text.is_empty() {
        out.push(Sentence {
            span: Span::new(0, text.len()),
            content: Span::new(0, 0),
            ends_paragraph: true,
        });
    }
    debug_assert!(partitions(&out, text.len()));
    out
}

impl Sentence {
    /// The same sentence `by` bytes further on.
    fn shift(&mut self, by: usize) {
        self.span = Span::new(self.span.start + by, self.span.end + by);
        self.content = Span::new(self.content.start + by, self.content.end + by);
    }
}

/// Whether `sentences` partition `0..len` exactly.
pub fn partitions(sentences: &[Sentence], len: usize) -> bool {
    let mut at = 0;
    for s in sentences {
        if s.span.start != at || s.span.end <= s.span.start {
            return false;
        }
        at = s.span.end;
    }
    at == len
}

/// Lines of `text` as spans that include their line terminator (`\n`, `\r\n` or `\r`).
fn lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Straight to the next line break.
        match bytes[i..].iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(skip) => i += skip,
            None => break,
        }
        match bytes[i] {
            b'\n' => {
                out.push(Span::new(start, i + 1));
                start = i + 1;
            }
            b'\r' => {
                let end = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                out.push(Span::new(start, end));
                start = end;
                i = end - 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

/// Blocks of text that no sentence crosses: paragraphs separated by blank lines, with headings
/// and list items split off. Each block carries the blank lines that follow it; blank lines at
/// the start of the text are carried by the first block.
fn blocks(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut current: Option<Span> = None;
    let mut after_blank = true;
    let mut after_heading = false;
    // The last line with text, to tell a wrapped "section\n7." from a list item.
    let mut previous: Option<&str> = None;
    let all = lines(text);
    for (index, line) in all.iter().enumerate() {
        let body = &text[line.range()];
        if body.trim().is_empty() {
            match current.as_mut() {
                Some(block) => block.end = line.end,
                None => current = Some(*line),
            }
            after_blank = true;
            continue;
        }
        let next = all.get(index + 1).map(|l| &text[l.range()]);
        let heading = is_heading_line(body, next);
        let item = starts_list_item(body) && !continues_reference(previous, body);
        let starts_block = after_blank || after_heading || heading || item;
        after_heading = heading;
        previous = Some(body);
        match current {
            Some(block) if !starts_block => current = Some(Span::new(block.start, line.end)),
            Some(block) if text[block.range()].trim().is_empty() => {
                // Only leading blank lines so far: they join this first block.
                current = Some(Span::new(block.start, line.end));
            }
            Some(block) => {
                out.push(block);
                current = Some(*line);
            }
            None => current = Some(*line),
        }
        after_blank = false;
    }
    if let Some(block) = current {
        out.push(block);
    }
    out
}

/// Whether a line that starts with a number ("7.  This requirement") continues a reference
/// the line before it left open ("... conditions added under section"): a hard-wrapped
/// sentence, not a numbered item.
fn continues_reference(previous: Option<&str>, line: &str) -> bool {
    const REFERENCE_WORDS: &[&str] = &[
        "section",
        "sections",
        "subsection",
        "paragraph",
        "paragraphs",
        "article",
        "articles",
        "clause",
        "clauses",
        "chapter",
        "part",
        "item",
        "page",
        "rule",
        "no.",
        "number",
        "version",
        "resolution",
        "§",
    ];
    if !line.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    previous
        .and_then(|p| p.split_whitespace().next_back())
        .is_some_and(|last| REFERENCE_WORDS.contains(&last.to_lowercase().as_str()))
}

/// Whether a line opens a list item ("- ", "* ", "• ", "1. ", "2) ", "(a) ").
fn starts_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '•', '–', '—', '·']) {
        return rest.starts_with([' ', '\t']);
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        return (rest.starts_with(". ") || rest.starts_with(") ")) && digits < t.len();
    }
    if let Some(rest) = t.strip_prefix('(') {
        let mut chars = rest.chars();
        if let (Some(c), Some(')')) = (chars.next(), chars.next()) {
            return c.is_ascii_alphanumeric();
        }
    }
    false
}

/// Whether a line is a heading of its own: a Markdown `#` heading, or a short line with no
/// sentence punctuation at its end followed by a line that starts a new sentence.
fn is_heading_line(line: &str, next: Option<&str>) -> bool {
    let t = line.trim();
    if t.starts_with('#') {
        return true;
    }
    let Some(next) = next.map(str::trim) else {
        return false;
    };
    if next.is_empty() || t.chars().count() > 60 || t.split_whitespace().count() > 10 {
        return false;
    }
    let ends_open = t.ends_with(|c: char| c.is_alphanumeric() || c == ')');
    let next_starts_sentence = next.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let starts_capital = t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    ends_open && next_starts_sentence && starts_capital && looks_like_title(t)
}

/// Whether a short line reads like a title: most of its longer words are capitalised.
fn looks_like_title(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    if words.is_empty() {
        return true;
    }
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    capitalised * 3 >= words.len() * 2
}

/// Splits one block into sentences, appending them to `out`.
fn split_block(text: &str, block: Span, out: &mut Vec<Sentence>) {
    let slice = &text[block.range()];
    // Line breaks inside a block are read as spaces: same byte length, so offsets hold.
    let flat = flattened(slice);
    let mut pieces: Vec<Span> = Vec::new();
    for (offset, piece) in bounds::sentences(&flat) {
        let span = Span::new(block.start + offset, block.start + offset + piece.len());
        let glue = match pieces.last() {
            None => false,
            Some(prev) => {
                piece.trim().is_empty()
                    || (starts_line(text, *prev) && is_enumerator(text[prev.range()].trim()))
                    || continues_after(&text[prev.range()], piece)
                    || text[prev.range()].trim().is_empty()
            }
        };
        match pieces.last_mut() {
            Some(prev) if glue => prev.end = span.end,
            _ => pieces.push(span),
        }
    }
    for span in pieces.into_iter().flat_map(|span| cap_length(text, span)) {
        let piece = &text[span.range()];
        let lead = piece.len() - piece.trim_start().len();
        let trail = piece.len() - piece.trim_end().len();
        let content = if lead == piece.len() {
            Span::new(span.start, span.start)
        } else {
            Span::new(span.start + lead, span.end - trail)
        };
        out.push(Sentence {
            span,
            content,
            ends_paragraph: false,
        });
    }
}

/// `slice` with its line breaks (`\n`, `\r`) made spaces: byte for byte, as they are ASCII.
fn flattened(slice: &str) -> String {
    let mut bytes = slice.as_bytes().to_vec();
    for b in &mut bytes {
        if matches!(*b, b'\n' | b'\r') {
            *b = b' ';
        }
    }
    // One ASCII byte for another keeps UTF-8 valid; the fallback is never taken.
    String::from_utf8(bytes).unwrap_or_else(|_| slice.replace(['\n', '\r'], " "))
}

/// Whether `span` starts a line of `text`.
fn starts_line(text: &str, span: Span) -> bool {
    text[..span.start]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| c == '\n' || c == '\r')
}

/// Whether `piece` is only the number of a numbered heading or list item: "1.", "2.3.", "iv.",
/// "IV.", "(a)." and the like, which starts the sentence after it rather than ending one.
fn is_enumerator(piece: &str) -> bool {
    let Some(number) = piece.strip_suffix('.') else {
        return false;
    };
    let number = number.trim_start_matches('(').trim_end_matches(')');
    let arabic = !number.is_empty()
        && number
            .split('.')
            .all(|part| (1..=3).contains(&part.len()) && part.chars().all(|c| c.is_ascii_digit()));
    let roman = (1..=5).contains(&number.len())
        && (number.chars().all(|c| "IVXL".contains(c))
            || number.chars().all(|c| "ivxl".contains(c)));
    arabic || roman
}

/// Longest sentence kept whole, in bytes. Text without sentence punctuation (a log line, a
/// table dump, a 1 MB line) is cut into pieces of about this size at spaces, so that rows stay
/// readable and diffs stay small.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Cuts `span` into pieces of at most about [`MAX_SENTENCE_BYTES`], after a whitespace run
/// where there is one, else at a character boundary.
fn cap_length(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let window = &text[start..span.end];
        let mut limit = MAX_SENTENCE_BYTES;
        while !window.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = match window[..limit].rfind(char::is_whitespace) {
            Some(space) if space >= MAX_SENTENCE_BYTES / 2 => {
                let after = &window[space..];
                space + (after.len() - after.trim_start().len())
            }
            _ => limit,
        };
        let cut = cut.max(1);
        out.push(Span::new(start, start + cut));
        start += cut;
    }
    out.push(Span::new(start, span.end));
    out
}

/// Whether the sentence piece `prev` ended on an abbreviation or initial, so that `next` (the
/// following piece) continues the same sentence.
fn continues_after(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let Some(before_dot) = prev.strip_suffix('.') else {
        return false;
    };
    let last_word = before_dot
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '“' | '"' | '‘' | '/'))
        .next()
        .unwrap_or("");
    if last_word.is_empty() || before_dot.ends_with('.') {
        return false; // an ellipsis, or nothing before the dot
    }
    let next_word = next
        .trim_start()
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()
        .unwrap_or("");
    let next_is_number =
        next_word.starts_with(|c: char| c.is_ascii_digit() || c == '(' || c == '[');
    let next_is_opener = OPENERS.contains(&next_word.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut letters = last_word.chars();
    let single_letter =
        matches!((letters.next(), letters.next()), (Some(c), None) if c.is_alphabetic());
    if single_letter {
        // An initial ("Gregory D. LoGerfo"), unless a common opener follows ("Plan B. The").
        return last_word.chars().all(char::is_uppercase) && !next_is_opener;
    }
    // "Japan-U.S." and "U.S.-Japan": the acronym after a hyphen counts as one.
    let after_hyphen = last_word
        .rsplit(['-', '\u{2010}', '\u{2011}', '–'])
        .next()
        .unwrap_or(last_word);
    if is_dotted(last_word) || is_dotted(after_hyphen) {
        // "U.S.", "U.N.", "e.g.", "i.e.": an acronym, unless a common opener follows.
        return !next_is_opener;
    }
    if TITLES.contains(&last_word) {
        return true;
    }
    // "Fig." and, in a heading or a caption set in capitals, "FIG.".
    let all_caps = last_word.len() > 1 && last_word.chars().all(|c| c.is_ascii_uppercase());
    if BEFORE_NUMBER
        .iter()
        .any(|a| *a == last_word || (all_caps && a.eq_ignore_ascii_case(last_word)))
    {
        return next_is_number;
    }
    if MAYBE_FINAL.contains(&last_word) {
        return !next_is_opener;
    }
    false
}

/// Joins a full stop at `start` to an abbreviation right before it ("U.S" + "."): whether it did.
pub(crate) fn joined_dot(out: &mut [Token], text: &str, start: usize) -> bool {
    let joins = out
        .last_mut()
        .filter(|p| p.span().end == start && p.is_word());
    let joins = joins.filter(|p| text.get(p.span().range()).is_some_and(is_dotted));
    if let Some(prev) = joins {
        *prev = Token::new(Span::new(prev.span().start, start + 1), true);
        return true;
    }
    false
}

/// Whether `word` is a dotted abbreviation without its final dot: letters separated by single
/// dots, as "U.S" or "e.g" (each part one or two letters).
pub(crate) fn is_dotted(word: &str) -> bool {
    // Most words have no dot: one pass over the bytes says so.
    if word.len() < 3 || !word.as_bytes().contains(&b'.') {
        return false;
    }
    let mut parts = 0;
    for part in word.split('.') {
        let n = part.chars().count();
        if n == 0 || n > 2 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// A word token of a sentence: a word, a number or a punctuation mark (never whitespace).
///
/// Its place is two `u32` (12 bytes a token, not 24): a 1 MiB text has 200,000 tokens, and a
/// comparison holds both sides' until its rows are built. Every place fits for a text of at
/// most [`MAX_TEXT_BYTES`]: the loaders refuse files over 64 MiB, and the engine's entry
/// refuses a longer text given to it directly (an assertion, not wrapped places).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    is_word: bool,
}

/// The longest text whose tokens can be made: their places are `u32`.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// Refuses texts longer than [`MAX_TEXT_BYTES`]: past 4 GiB a token's place would wrap and the
/// result would not account for the texts. The loaders refuse files over 64 MiB, so no input
/// of the app or the CLI gets here; a caller of the library that does is told, not given a
/// wrong result.
pub(crate) fn assert_fits(left: &str, right: &str) {
    assert!(
        left.len() <= MAX_TEXT_BYTES && right.len() <= MAX_TEXT_BYTES,
        "the engine compares texts of at most 4 GiB each"
    );
}

impl Token {
    /// A token at `span` of a text of at most [`MAX_TEXT_BYTES`].
    #[inline]
    pub fn new(span: Span, is_word: bool) -> Self {
        Self {
            start: span.start as u32,
            end: span.end as u32,
            is_word,
        }
    }

    /// The same token `shift` bytes further on (a repeated sentence's, from its first's).
    #[inline]
    pub fn shifted(self, shift: usize) -> Self {
        let span = self.span();
        Self::new(
            Span::new(span.start + shift, span.end + shift),
            self.is_word(),
        )
    }

    /// Whether it has a letter or digit (a word or number rather than punctuation).
    #[inline]
    pub fn is_word(&self) -> bool {
        self.is_word
    }

    /// Where the token is in the text.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// Word tokens of `text[span]`, in order, by UAX #29 word boundaries; a dotted abbreviation
/// ("U.S.", "e.g.") is kept as one token with its final dot.
pub fn tokens(text: &str, span: Span, out: &mut Vec<Token>) {
    if text[span.range()].is_ascii() {
        bounds::ascii_tokens(text, span, out);
    } else {
        piece_tokens(text, span, out);
    }
}

/// [`tokens`] by the word pieces of [`bounds::words`], whatever the text.
pub(crate) fn piece_tokens(text: &str, span: Span, out: &mut Vec<Token>) {
    let slice = &text[span.range()];
    for (offset, piece) in bounds::words(slice) {
        let start = span.start + offset;
        let first = piece.chars().next().unwrap_or(' ');
        if first.is_whitespace() {
            continue;
        }
        if piece == "." && joined_dot(out, text, start) {
            continue;
        }
        let is_word = piece.chars().any(char::is_alphanumeric);
        out.push(Token::new(Span::new(start, start + piece.len()), is_word));
    }
}

#[cfg(test)]
mod tests;
