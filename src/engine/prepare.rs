//! Per-side preparation: sentences, their significant tokens with interned matching keys, and
//! each sentence's bag of content terms for similarity scoring.

use std::collections::HashMap;
use std::ops::Range;

use super::Options;
use super::normalize::token_key;
use super::segment::{self, Sentence, Token};

/// Interns strings to dense ids shared by both sides, so keys compare as integers.
#[derive(Default)]
pub struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    /// The id of `key`, allocating one the first time it is seen.
    pub fn intern(&mut self, key: String) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(key).or_insert(next)
    }

    /// The interned strings, indexed by id.
    pub fn names(&self) -> Vec<String> {
        let mut names = vec![String::new(); self.ids.len()];
        for (name, &id) in &self.ids {
            names[id as usize] = name.clone();
        }
        names
    }

    /// How many distinct strings were interned.
    pub fn len(&self) -> usize {
        self.ids.len()
    }
}

/// One side, ready to align.
pub struct Prepared {
    /// The sentences; they partition the text.
    pub sentences: Vec<Sentence>,
    /// Significant tokens of the whole text, in order (punctuation left out when ignored).
    pub tokens: Vec<Token>,
    /// The matching key of each token, interned.
    pub keys: Vec<u32>,
    /// Per sentence, the range of its tokens in `tokens`.
    pub sentence_tokens: Vec<Range<usize>>,
    /// Per sentence, its content terms (case-folded words) as `(term, count)`, sorted by term.
    pub terms: Vec<Vec<(u32, u32)>>,
}

/// Prepares one side. `keys` and `terms` intern into tables shared with the other side.
pub fn prepare(
    text: &str,
    options: &Options,
    keys: &mut Interner,
    terms: &mut Interner,
) -> Prepared {
    let sentences = segment::sentences(text);
    let mut all_tokens: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut token_keys: Vec<u32> = Vec::with_capacity(text.len() / 5);
    let mut sentence_tokens = Vec::with_capacity(sentences.len());
    let mut sentence_terms = Vec::with_capacity(sentences.len());
    let mut raw: Vec<Token> = Vec::new();
    let mut term_ids: Vec<u32> = Vec::new();
    for sentence in &sentences {
        raw.clear();
        term_ids.clear();
        segment::tokens(text, sentence.content, &mut raw);
        let first = all_tokens.len();
        for token in &raw {
            let piece = &text[token.span.range()];
            let Some(key) = token_key(piece, options.ignore_case, options.ignore_punctuation)
            else {
                continue;
            };
            if token.is_word {
                let folded = if key.chars().any(char::is_uppercase) {
                    key.to_lowercase()
                } else {
                    key.clone()
                };
                term_ids.push(terms.intern(folded));
            }
            token_keys.push(keys.intern(key));
            all_tokens.push(*token);
        }
        sentence_tokens.push(first..all_tokens.len());
        term_ids.sort_unstable();
        let mut bag: Vec<(u32, u32)> = Vec::new();
        for &id in &term_ids {
            match bag.last_mut() {
                Some((last, count)) if *last == id => *count += 1,
                _ => bag.push((id, 1)),
            }
        }
        sentence_terms.push(bag);
    }
    Prepared {
        sentences,
        tokens: all_tokens,
        keys: token_keys,
        sentence_tokens,
        terms: sentence_terms,
    }
}

impl Prepared {
    /// Token range covering the sentences `range` (which are contiguous).
    pub fn tokens_of(&self, range: &Range<usize>) -> Range<usize> {
        if range.is_empty() {
            return 0..0;
        }
        self.sentence_tokens[range.start].start..self.sentence_tokens[range.end - 1].end
    }

    /// Byte span covering the sentences `range`, trailing whitespace included.
    pub fn span_of(&self, range: &Range<usize>) -> segment::Span {
        if range.is_empty() {
            return segment::Span::new(0, 0);
        }
        segment::Span::new(
            self.sentences[range.start].span.start,
            self.sentences[range.end - 1].span.end,
        )
    }
}
