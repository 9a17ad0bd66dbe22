//! Per-side preparation: sentences, their significant tokens with interned matching keys, and
//! each sentence's bag of content terms for similarity scoring.

use std::borrow::Cow;
use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::Options;
use super::equivalence::{Match, Matcher};
use super::normalize::push_token_key;
use super::segment::{self, Sentence, Span, Token};

pub use super::interner::Interner;

/// One side, ready to align.
///
/// With equivalences on, every run of tokens that is a form of an equivalence group is one
/// token here: its span covers the run, its key is the group's (so "US" and "United States"
/// match) and its literal key is the run's own keys (so the word diff can tell an equivalent
/// wording from the same wording).
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The sentences; they partition the text.
    pub sentences: Vec<Sentence>,
    /// Significant tokens of the whole text, in order (punctuation left out when ignored).
    pub tokens: Vec<Token>,
    /// The matching key of each token, interned.
    pub keys: Vec<u32>,
    /// The literal key of each token, interned in the same table: the same as `keys` except
    /// for a collapsed run, whose literal key is its tokens' keys together.
    pub literal: Vec<u32>,
    /// How many words (not punctuation) each token stands for: 0 or 1, more for a run.
    pub words: Vec<u32>,
    /// Per sentence, the range of its tokens in `tokens`.
    pub sentence_tokens: Vec<Range<usize>>,
    /// Per sentence, its content terms (case-folded words) as `(term, count)`, sorted by term.
    pub terms: Vec<Vec<(u32, u32)>>,
    /// Per sentence, its words in text order as `(start, end, term)` (byte offsets), for
    /// counterpart links: a
    /// plain word's term is the one in `terms`; a run that is a form of an equivalence group is
    /// one term, `=` and the group's canonical name in lower case (`=united states`).
    pub link_terms: Vec<Vec<(u32, u32, u32)>>,
}

/// A text read, before anything is interned: its sentences and their significant tokens
/// ("pieces") with their keys, and the runs that are forms of equivalence groups. Reading is
/// the larger part of preparing a side and needs nothing from the other side, so the two texts
/// are read at the same time. The keys are one buffer, not a string each: they all live until
/// the side is interned.
#[derive(Debug, PartialEq)]
pub struct Read {
    sentences: Vec<Sentence>,
    /// Per sentence, the range of its pieces.
    bounds: Vec<Range<usize>>,
    /// Every piece's token.
    tokens: Vec<Token>,
    /// Every piece's key, one after the other; `key_ends[k]` is where piece `k`'s ends.
    keys: String,
    key_ends: Vec<usize>,
    /// The equivalence runs, by the piece each starts at, in text order (few pieces start one:
    /// a list of them, not a slot per piece).
    runs: Vec<(u32, Match)>,
    /// Per sentence, the first sentence with the same content (itself when it is the first):
    /// a repeat is prepared as a copy of it.
    origin: Vec<usize>,
}

impl Read {
    /// The text's sentences.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The key of piece `k`.
    fn key(&self, k: usize) -> &str {
        &self.keys[self.key_start(k)..self.key_ends[k]]
    }

    /// Where the key of piece `k` starts in `keys` (the end of all keys for `k` past the last).
    fn key_start(&self, k: usize) -> usize {
        if k == 0 { 0 } else { self.key_ends[k - 1] }
    }

    /// Reads a sentence whose content starts at `start` as a copy of sentence `first` (of
    /// `sentences`), which has the same content: what is read of a sentence depends on its
    /// content alone, and a long text repeats its boilerplate. Its pieces, keys and runs are
    /// `first`'s, moved to `start`.
    fn repeat(&mut self, sentences: &[Sentence], first: usize, start: usize) {
        let from = self.bounds[first].clone();
        // The repeat comes after its first sentence: the shift is forward.
        let shift = start - sentences[first].content.start;
        let at = self.tokens.len();
        self.tokens.extend_from_within(from.clone());
        for token in &mut self.tokens[at..] {
            *token = token.shifted(shift);
        }
        let (key_start, key_end) = (self.key_start(from.start), self.key_start(from.end));
        let key_shift = self.keys.len() - key_start;
        self.keys.extend_from_within(key_start..key_end);
        let ends = self.key_ends.len();
        self.key_ends.extend_from_within(from.clone());
        for end in &mut self.key_ends[ends..] {
            *end += key_shift;
        }
        let runs_from = self
            .runs
            .partition_point(|&(piece, _)| (piece as usize) < from.start);
        let runs_to = self
            .runs
            .partition_point(|&(piece, _)| (piece as usize) < from.end);
        let runs = self.runs.len();
        self.runs.extend_from_within(runs_from..runs_to);
        for (piece, _) in &mut self.runs[runs..] {
            *piece += (at - from.start) as u32;
        }
        self.bounds.push(at..self.tokens.len());
    }
}

/// Reads `text`: sentences, tokens, keys, and where `matcher` finds forms of its groups.
pub fn read(text: &str, options: &Options, matcher: Option<&Matcher>) -> Read {
    read_split(text, None, options, matcher)
}

/// [`read`], with the text's sentences when the caller split it already
/// ([`segment::sentences`]); sentences that do not partition the text are set aside and the
/// text split again.
pub fn read_split(
    text: &str,
    split: Option<&[Sentence]>,
    options: &Options,
    matcher: Option<&Matcher>,
) -> Read {
    let sentences = match split {
        Some(split) if segment::partitions(split, text.len()) => split.to_vec(),
        _ => segment::sentences(text),
    };
    read_with(text, sentences, (options, matcher), true)
}

/// [`read`] of `text` split into `sentences`, copying what was read of a sentence for each
/// later one with the same content when `reuse` (a test reads every sentence to compare).
fn read_with(
    text: &str,
    sentences: Vec<Sentence>,
    (options, matcher): (&Options, Option<&Matcher>),
    reuse: bool,
) -> Read {
    let mut out = Read {
        bounds: Vec::with_capacity(sentences.len()),
        tokens: Vec::with_capacity(text.len() / 5),
        keys: String::with_capacity(text.len()),
        key_ends: Vec::with_capacity(text.len() / 5),
        runs: Vec::new(),
        origin: Vec::with_capacity(sentences.len()),
        sentences: Vec::new(),
    };
    let mut raw: Vec<Token> = Vec::new();
    let mut lower_buf = String::new();
    // The first sentence of each distinct content: a repeat is copied from it, not read again.
    let mut first_of: HashMap<&str, usize> = HashMap::default();
    for (s, sentence) in sentences.iter().enumerate() {
        let content = &text[sentence.content.range()];
        let origin = match reuse {
            true => *first_of.entry(content).or_insert(s),
            false => s,
        };
        out.origin.push(origin);
        if origin != s {
            out.repeat(&sentences, origin, sentence.content.start);
            continue;
        }
        raw.clear();
        segment::tokens(text, sentence.content, &mut raw);
        let first = out.tokens.len();
        for token in &raw {
            if push_token_key(
                &text[token.span().range()],
                false,
                options.ignore_punctuation,
                &mut out.keys,
            ) {
                out.tokens.push(*token);
                out.key_ends.push(out.keys.len());
            }
        }
        let bounds = first..out.tokens.len();
        if let Some(matcher) = matcher {
            let keys: Vec<&str> = bounds.clone().map(|k| out.key(k)).collect();
            let lowers = lowered_into(&keys, &mut lower_buf);
            let mut i = 0;
            let mut found = Vec::new();
            while i < keys.len() {
                match matcher.longest_at(&keys, &lowers, i) {
                    Some(m) => {
                        found.push(((first + i) as u32, m));
                        i += m.len;
                    }
                    None => i += 1,
                }
            }
            out.runs.extend(found);
        }
        out.bounds.push(bounds);
    }
    out.sentences = sentences;
    out
}

/// `keys` in lower case, as [`super::equivalence::lowered`] gives them, written one after the other into
/// `buf` (cleared first) rather than one string each.
fn lowered_into<'b>(keys: &[&str], buf: &'b mut String) -> Vec<&'b str> {
    buf.clear();
    let mut ends = Vec::with_capacity(keys.len());
    for key in keys {
        let start = buf.len();
        if key.is_ascii() {
            buf.push_str(key);
            buf[start..].make_ascii_lowercase();
        } else if key.chars().any(char::is_uppercase) {
            buf.push_str(&key.to_lowercase());
        } else {
            buf.push_str(key);
        }
        ends.push(buf.len());
    }
    let buf: &'b str = buf;
    let mut start = 0;
    ends.iter()
        .map(|&end| {
            let key = &buf[start..end];
            start = end;
            key
        })
        .collect()
}

/// Prepares one side from its text as [`read`]. `keys` and `terms` intern into tables shared
/// with the other side; `matcher` is the one the text was read with.
pub fn prepare(
    text: &str,
    read: &Read,
    options: &Options,
    matcher: Option<&Matcher>,
    keys: &mut Interner,
    terms: &mut Interner,
) -> Prepared {
    let mut preparer = Preparer {
        text,
        read,
        options,
        matcher,
        keys,
        terms,
        group_terms: HashMap::default(),
        term_of_key: Vec::new(),
        side: Prepared {
            tokens: Vec::with_capacity(text.len() / 5),
            keys: Vec::with_capacity(text.len() / 5),
            literal: Vec::with_capacity(text.len() / 5),
            words: Vec::with_capacity(text.len() / 5),
            sentence_tokens: Vec::with_capacity(read.bounds.len()),
            terms: Vec::with_capacity(read.bounds.len()),
            link_terms: Vec::with_capacity(read.bounds.len()),
            sentences: Vec::new(),
        },
    };
    let mut term_ids: Vec<u32> = Vec::new();
    let mut next_run = 0;
    for (s, bounds) in read.bounds.iter().enumerate() {
        let origin = read.origin[s];
        if origin != s {
            // Its keys and terms were interned with its first: a copy, moved to its place.
            let shift = read.sentences[s].content.start - read.sentences[origin].content.start;
            preparer.side.repeat(origin, shift);
            next_run +=
                read.runs[next_run..].partition_point(|&(at, _)| (at as usize) < bounds.end);
            continue;
        }
        term_ids.clear();
        // At most one link term per word: sized once, not grown.
        let words = read.tokens[bounds.clone()].iter().filter(|t| t.is_word());
        let mut link_terms: Vec<(u32, u32, u32)> = Vec::with_capacity(words.count());
        let first = preparer.side.tokens.len();
        let mut i = bounds.start;
        while i < bounds.end {
            // Runs are in text order and never overlap: the next one is the only one that can
            // start here.
            i += match read.runs.get(next_run) {
                Some(&(at, m)) if at as usize == i => {
                    next_run += 1;
                    preparer.run(i, m, &mut term_ids, &mut link_terms)
                }
                _ => preparer.token(i, &mut term_ids, &mut link_terms),
            };
        }
        let side = &mut preparer.side;
        side.sentence_tokens.push(first..side.tokens.len());
        side.terms.push(bag(&mut term_ids));
        side.link_terms.push(link_terms);
    }
    let mut side = preparer.side;
    side.sentences = read.sentences.clone();
    side
}

/// A sentence's terms as a bag: (term, count), sorted by term (`term_ids` is sorted here).
fn bag(term_ids: &mut [u32]) -> Vec<(u32, u32)> {
    term_ids.sort_unstable();
    let distinct = term_ids.chunk_by(|a, b| a == b).count();
    let mut bag: Vec<(u32, u32)> = Vec::with_capacity(distinct);
    for &id in term_ids.iter() {
        match bag.last_mut() {
            Some((last, count)) if *last == id => *count += 1,
            _ => bag.push((id, 1)),
        }
    }
    bag
}

/// One side being prepared: its text as read, the options, and the shared tables.
struct Preparer<'a> {
    text: &'a str,
    read: &'a Read,
    options: &'a Options,
    matcher: Option<&'a Matcher>,
    keys: &'a mut Interner,
    terms: &'a mut Interner,
    /// The link term of each equivalence group met, interned once.
    group_terms: HashMap<usize, u32>,
    /// The content term of each key met (by key id; [`NO_TERM`] when not yet met): a word's
    /// term is its key in lower case, looked up once per distinct key, not once per token.
    term_of_key: Vec<u32>,
    side: Prepared,
}

/// No term yet in [`Preparer::term_of_key`].
const NO_TERM: u32 = u32::MAX;

impl Preparer<'_> {
    /// A token's key with the case folded when the options ignore it.
    fn fold(&self, key: &str) -> String {
        if self.options.ignore_case {
            key.to_lowercase()
        } else {
            key.to_owned()
        }
    }

    /// Adds the equivalence run `m` starting at token `i` as one token; gives how many tokens
    /// it covers.
    #[inline]
    fn run(
        &mut self,
        i: usize,
        m: Match,
        term_ids: &mut Vec<u32>,
        link_terms: &mut Vec<(u32, u32, u32)>,
    ) -> usize {
        let (read, options) = (self.read, self.options);
        let run = &read.tokens[i..i + m.len];
        let words = run.iter().filter(|t| t.is_word()).count() as u32;
        let literal = (i..i + m.len)
            .map(|k| {
                if options.mark_variants {
                    let span = read.tokens[k].span();
                    surface(&self.text[span.range()], options).into_owned()
                } else {
                    self.fold(read.key(k))
                }
            })
            .collect::<Vec<_>>()
            .join("\u{1}");
        let key = format!(
            "\u{1}eq:{}{}",
            m.group,
            if m.possessive { "'s" } else { "" }
        );
        // In alignment the run weighs as the words of its group's canonical form, whichever
        // form it is: "DPM/FM" scores as "Deputy Prime Minister and Foreign Minister" would.
        if let Some(matcher) = self.matcher {
            let canonical = matcher.canonical_words(m.group);
            let terms = &mut *self.terms;
            let group_term = *self.group_terms.entry(m.group).or_insert_with(|| {
                terms.intern(&format!("={}", canonical.join(" ").to_lowercase()))
            });
            link_terms.push((
                run[0].span().start as u32,
                run[m.len - 1].span().end as u32,
                group_term,
            ));
            for (n, word) in canonical.iter().enumerate() {
                let term = if m.possessive && n + 1 == canonical.len() {
                    terms.intern(&format!("{word}'s"))
                } else {
                    terms.intern(word)
                };
                term_ids.push(term);
            }
        }
        let side = &mut self.side;
        side.tokens.push(Token::new(
            Span::new(run[0].span().start, run[m.len - 1].span().end),
            words > 0,
        ));
        side.keys.push(self.keys.intern(&key));
        side.literal.push(self.keys.intern(&literal));
        side.words.push(words);
        m.len
    }

    /// Adds token `i` as it is; gives 1.
    #[inline]
    fn token(
        &mut self,
        i: usize,
        term_ids: &mut Vec<u32>,
        link_terms: &mut Vec<(u32, u32, u32)>,
    ) -> usize {
        let (read, options) = (self.read, self.options);
        let token = read.tokens[i];
        let key = if options.ignore_case {
            lower(read.key(i))
        } else {
            Cow::Borrowed(read.key(i))
        };
        let id = self.keys.intern(&key);
        if token.is_word() {
            let term = match self.term_of_key.get(id as usize) {
                Some(&term) if term != NO_TERM => term,
                _ => {
                    let term = self.terms.intern(&lower(&key));
                    if self.term_of_key.len() <= id as usize {
                        self.term_of_key.resize(id as usize + 1, NO_TERM);
                    }
                    self.term_of_key[id as usize] = term;
                    term
                }
            };
            term_ids.push(term);
            link_terms.push((token.span().start as u32, token.span().end as u32, term));
        }
        let literal = if options.mark_variants {
            let surface = surface(&self.text[token.span().range()], options);
            if surface == key {
                id
            } else {
                self.keys.intern(&surface)
            }
        } else {
            id
        };
        let side = &mut self.side;
        side.tokens.push(token);
        side.keys.push(id);
        side.literal.push(literal);
        side.words.push(u32::from(token.is_word()));
        1
    }
}

/// A token as written, less what the options say to ignore (case, punctuation): with
/// [`Options::mark_variants`], two tokens with the same key but different surfaces ("U.S." and
/// "US", "d’Affaires" and "d'Affaires") are equivalent wording, not the same.
fn surface<'t>(token: &'t str, options: &Options) -> Cow<'t, str> {
    let mut out = Cow::Borrowed(token);
    if options.ignore_punctuation && token.chars().any(|c| !c.is_alphanumeric()) {
        out = Cow::Owned(token.chars().filter(|c| c.is_alphanumeric()).collect());
    }
    if options.ignore_case && out.chars().any(char::is_uppercase) {
        out = Cow::Owned(out.to_lowercase());
    }
    out
}

/// `key` in lower case, without a copy when it has no capital.
fn lower(key: &str) -> Cow<'_, str> {
    if key.chars().any(char::is_uppercase) {
        Cow::Owned(key.to_lowercase())
    } else {
        Cow::Borrowed(key)
    }
}

impl Prepared {
    /// Adds a sentence prepared as sentence `first` (whose content it repeats), `shift` bytes
    /// further on.
    fn repeat(&mut self, first: usize, shift: usize) {
        let from = self.sentence_tokens[first].clone();
        let at = self.tokens.len();
        self.tokens.extend_from_within(from.clone());
        for token in &mut self.tokens[at..] {
            *token = token.shifted(shift);
        }
        self.keys.extend_from_within(from.clone());
        self.literal.extend_from_within(from.clone());
        self.words.extend_from_within(from);
        self.sentence_tokens.push(at..self.tokens.len());
        self.terms.push(self.terms[first].clone());
        let shift = shift as u32;
        let link_terms = self.link_terms[first]
            .iter()
            .map(|&(start, end, term)| (start + shift, end + shift, term))
            .collect();
        self.link_terms.push(link_terms);
    }

    /// Gives the keys and terms of a side prepared with tables of its own the ids `keys` and
    /// `terms` map them to ([`Interner::absorb`]); each sentence's terms stay sorted by id.
    pub fn renumber(&mut self, keys: &[u32], terms: &[u32]) {
        for key in self.keys.iter_mut().chain(self.literal.iter_mut()) {
            *key = keys[*key as usize];
        }
        for bag in &mut self.terms {
            for (term, _) in bag.iter_mut() {
                *term = terms[*term as usize];
            }
            bag.sort_unstable();
        }
        for words in &mut self.link_terms {
            for (_, _, term) in words.iter_mut() {
                *term = terms[*term as usize];
            }
        }
    }

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

#[cfg(test)]
#[path = "prepare_tests.rs"]
mod tests;
