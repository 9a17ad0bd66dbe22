//! Shared phrases: maximal word sequences that occur in both texts, wherever they are.
//!
//! Both texts' words (lower-cased normalized keys, punctuation left out) make one sequence,
//! each sentence followed by a separator of its own so that no phrase crosses a sentence end,
//! and its suffix array lists the maximal repeats: sequences that cannot be extended to the
//! left or to the right without losing an occurrence ([`suffixes`]). Every maximal repeat of
//! three or more words, with a word that is not a function word, occurring on both sides, is a
//! candidate. Candidates are listed longest first; one whose every occurrence lies inside an
//! occurrence of a longer listed phrase is left out. Building is linear in the words; listing
//! is linear in the occurrences listed.

mod suffixes;

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

use super::prefix_max::PrefixMax;
use super::{SideTokens, one_line, span_list};
use crate::engine::is_stop_word;
use crate::engine::segment::Span;
use suffixes::Candidate;

/// Not a symbol (a separator's place until the words are counted).
const NONE: u32 = u32::MAX;

/// Fewest words in a shared phrase.
pub const MIN_WORDS: usize = 3;
/// Most phrases listed (the longest); past this, shorter ones are left out.
pub const MAX_PHRASES: usize = 500;
/// Most occurrences listed per side of one phrase.
pub const MAX_OCCURRENCES: usize = 1000;

/// A word sequence both texts have.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phrase {
    /// The phrase as the left text first writes it, on one line.
    pub text: String,
    /// How many words it has.
    pub words: usize,
    /// Where it occurs in the left text (first word's start to last word's end).
    #[serde(serialize_with = "span_list")]
    pub left: Vec<Span>,
    /// Where it occurs in the right text.
    #[serde(serialize_with = "span_list")]
    pub right: Vec<Span>,
    /// Whether it is a whole sentence of one side or both: a shared sentence, listed as one
    /// entry (its pieces are listed apart only where they occur outside it, as for every
    /// phrase).
    pub whole_sentence: bool,
}

/// Where a word of the combined sequence comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Origin {
    side: u32,
    /// Index among that side's words.
    word: u32,
}

/// Fewest content words (not function words, numbers or titles of office) in a shared phrase
/// of two sides: "the importance of" or "the Prime Minister of" says nothing on its own.
pub const MIN_CONTENT_WORDS: usize = 2;

/// Calls `found` with each content word of a phrase's text, in lower case (not function words,
/// numbers or words of a title of office), until it returns false. Each word is made in one
/// buffer: no string per word.
fn each_content_word(text: &str, mut found: impl FnMut(&str) -> bool) {
    let mut lower = String::new();
    for word in text.split(|c: char| c.is_whitespace() || c == '/') {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&word.to_lowercase());
        }
        let w = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("’s"))
            .unwrap_or(&lower);
        if w.chars().any(char::is_alphabetic)
            && !is_stop_word(w)
            && !super::entities::is_title_word(w)
            && !COUNTING_WORDS.contains(&w)
            && !found(w)
        {
            return;
        }
    }
}

/// Words that count or qualify a title rather than say something: "the two leaders" and "the
/// two sides" are the genre's formulas for both parties (one content word each), "Prime
/// Minister Trudeau" a title and a name.
const COUNTING_WORDS: &[&str] = &["two", "three", "four", "both", "prime"];

/// How many content words a phrase's text has ([`each_content_word`]), counted up to `enough`.
fn content_word_count(text: &str, enough: usize) -> usize {
    let mut count = 0;
    each_content_word(text, |_| {
        count += 1;
        count < enough
    });
    count
}

/// Shared phrases of two sides with at least [`MIN_CONTENT_WORDS`] content words, longest
/// first; among phrases of one length, the most informative first (content words that are rare
/// in the two texts, names).
pub(super) fn find(sides: &[SideTokens<'_>; 2]) -> Vec<Phrase> {
    // Per side, each sentence's extent from its first word to its last (what a phrase that is
    // the whole sentence spans), in text order: sentences do not overlap, so a binary search
    // by start finds the one a span could be.
    let extents: [Vec<Span>; 2] = [0, 1].map(|side| {
        let Some(tokens) = sides.get(side) else {
            return Vec::new();
        };
        tokens
            .sentences
            .iter()
            .filter_map(|range| {
                let words = tokens.tokens.get(range.clone())?;
                let first = words.iter().find(|t| t.is_word())?;
                let last = words.iter().rev().find(|t| t.is_word())?;
                Some(Span::new(first.span().start, last.span().end))
            })
            .collect()
    });
    let is_extent = |side: usize, span: &Span| {
        extents.get(side).is_some_and(|list| {
            list.binary_search_by_key(&span.start, |e| e.start)
                .ok()
                .and_then(|i| list.get(i))
                .is_some_and(|e| e == span)
        })
    };
    let (shared, counts) = find_counted(sides, 2);
    let total = counts.total;
    let informativeness = |text: &str| -> f64 {
        let mut score = 0.0;
        for word in text.split_whitespace() {
            // The first content word of the word, if any.
            let mut count = None;
            each_content_word(word, |lower| {
                count = Some(counts.of(lower).max(1));
                false
            });
            let Some(count) = count else {
                continue;
            };
            score += (1.0 + total as f64 / count as f64).ln();
            if word.chars().next().is_some_and(char::is_uppercase) {
                score += 1.0;
            }
        }
        score
    };
    let mut phrases: Vec<(f64, Phrase)> = shared
        .into_iter()
        .filter(|shared| content_word_count(&shared.text, MIN_CONTENT_WORDS) >= MIN_CONTENT_WORDS)
        .filter_map(|shared| {
            let [left, right]: [Vec<Span>; 2] = shared.spans.try_into().ok()?;
            let whole_sentence = [&left, &right]
                .iter()
                .enumerate()
                .any(|(side, spans)| spans.iter().any(|s| is_extent(side, s)));
            let phrase = Phrase {
                text: shared.text,
                words: shared.words,
                left,
                right,
                whole_sentence,
            };
            Some((informativeness(&phrase.text), phrase))
        })
        .collect();
    phrases.sort_by(|(left_score, left), (right_score, right)| {
        right
            .words
            .cmp(&left.words)
            .then(right_score.total_cmp(left_score))
    });
    phrases.into_iter().map(|(_, phrase)| phrase).collect()
}

/// A word sequence that several sides have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shared {
    /// The phrase as the first side that has it first writes it, on one line.
    pub(crate) text: String,
    /// How many words it has.
    pub(crate) words: usize,
    /// Per side, where it occurs (empty for a side without it).
    pub(crate) spans: Vec<Vec<Span>>,
}

/// Shared phrases of any number of sides: maximal repeats of [`MIN_WORDS`] or more words that
/// occur in at least `min_sides` sides, longest first (between equals, the one found first).
pub(crate) fn find_many(sides: &[SideTokens<'_>], min_sides: usize) -> Vec<Shared> {
    find_counted(sides, min_sides).0
}

/// How many times the sides write each word (in lower case), counted while the phrase search
/// reads them: the ranking of phrases needs them, and a second pass would hash every word again.
struct WordCounts<'s> {
    ids: HashMap<&'s str, u32>,
    counts: Vec<u32>,
    /// All words of all sides.
    total: usize,
}

impl WordCounts<'_> {
    /// How many times the sides write `lower` (0 for a word they do not write).
    fn of(&self, lower: &str) -> usize {
        self.ids
            .get(lower)
            .and_then(|&id| self.counts.get(id as usize))
            .map_or(0, |&n| n as usize)
    }
}

/// [`find_many`], with the count of each word.
fn find_counted<'s>(
    sides: &'s [SideTokens<'_>],
    min_sides: usize,
) -> (Vec<Shared>, WordCounts<'s>) {
    let min_sides = min_sides.max(1);
    let (mut symbols, counts) = Symbols::new(sides);
    let shared = shared_phrases(sides, &mut symbols, min_sides);
    (shared, counts)
}

/// The shared phrases of [`find_many`], read off the sides' symbols.
fn shared_phrases(
    sides: &[SideTokens<'_>],
    symbols: &mut Symbols,
    min_sides: usize,
) -> Vec<Shared> {
    let with_words = sides
        .iter()
        .filter(|side| side.tokens.iter().any(|t| t.is_word()));
    if with_words.count() < min_sides {
        return Vec::new();
    }
    let (sa, candidates) = suffixes::candidates(symbols, sides.len(), min_sides);
    // The listing reads where each occurrence is off the separators: the sequence (4 bytes a
    // word) goes before it, at the phrase search's peak.
    symbols.sequence = Vec::new();
    if candidates.is_empty() {
        return Vec::new();
    }
    select(sides, symbols, &sa, candidates)
}

/// The words of all sides as one symbol sequence, with a separator after each sentence.
///
/// Where a symbol comes from is not stored per symbol (8 bytes each, 3 MB on the 1 MiB pair):
/// it follows from where each side starts and where the separators are.
struct Symbols {
    /// Per symbol (word in lower case), whether it is a function word.
    stop: Vec<bool>,
    /// The sequence of symbols (empty once the candidates are read off it).
    sequence: Vec<u32>,
    /// How long the sequence is.
    length: usize,
    /// Per side, where its symbols start in the sequence.
    starts: Vec<u32>,
    /// Where the separators are in the sequence, in order.
    separators: Vec<u32>,
}

impl Symbols {
    /// The symbols of `sides`, and how many times they write each word.
    fn new<'s>(sides: &'s [SideTokens<'_>]) -> (Self, WordCounts<'s>) {
        let mut vocabulary: HashMap<&str, u32> = HashMap::default();
        let mut counts: Vec<u32> = Vec::new();
        // Sized once: on a long text, growing these by doubling held twice their size at times.
        let n_words: usize = sides.iter().map(|side| word_tokens(side).count()).sum();
        let mut stop: Vec<bool> = Vec::new();
        let n_separators = sides.iter().map(|side| side.sentences.len()).sum::<usize>();
        let length = n_words + n_separators;
        let mut sequence: Vec<u32> = Vec::with_capacity(length);
        let mut separators: Vec<u32> = Vec::with_capacity(n_separators);
        let mut starts: Vec<u32> = Vec::with_capacity(sides.len());
        for side in sides {
            starts.push(sequence.len() as u32);
            for range in &side.sentences {
                for t in &side.tokens[range.clone()] {
                    if !t.is_word() {
                        continue;
                    }
                    let next = vocabulary.len() as u32;
                    let id = *vocabulary.entry(t.lower()).or_insert_with(|| {
                        stop.push(is_stop_word(t.lower()));
                        counts.push(0);
                        next
                    });
                    counts[id as usize] += 1;
                    sequence.push(id);
                }
                // A separator that occurs once: no phrase runs across it (numbered below,
                // after the words).
                separators.push(sequence.len() as u32);
                sequence.push(NONE);
            }
        }
        // Separator k is the symbol after the words' and k separators': the symbols are
        // `0..words + separators`, as the suffix array's construction takes them.
        for (k, &at) in separators.iter().enumerate() {
            if let Some(symbol) = sequence.get_mut(at as usize) {
                *symbol = (vocabulary.len() + k) as u32;
            }
        }
        let total = sequence.len() - separators.len();
        let symbols = Self {
            stop,
            length: sequence.len(),
            sequence,
            starts,
            separators,
        };
        let counts = WordCounts {
            ids: vocabulary,
            counts,
            total,
        };
        (symbols, counts)
    }

    /// Where the symbol at `p` comes from, if it is a word: its side (the last to start at or
    /// before it) and how many of that side's symbols before it are not separators.
    fn origin(&self, p: usize) -> Option<Origin> {
        // Read off the separators, not the sequence: the listing of phrases drops that first.
        if p >= self.length {
            return None;
        }
        let p = u32::try_from(p).ok()?;
        if self.separators.binary_search(&p).is_ok() {
            return None;
        }
        let side = self
            .starts
            .partition_point(|&start| start <= p)
            .checked_sub(1)?;
        let start = *self.starts.get(side)?;
        let separators_before = |at: u32| self.separators.partition_point(|&s| s < at) as u32;
        Some(Origin {
            side: side as u32,
            word: p - start - (separators_before(p) - separators_before(start)),
        })
    }

    /// Whether `symbol` is a function word.
    fn is_stop(&self, symbol: u32) -> bool {
        self.stop.get(symbol as usize).copied().unwrap_or(false)
    }

    /// The side of the symbol at `p`, if it is a word.
    fn word_side(&self, p: usize) -> Option<usize> {
        let sym = *self.sequence.get(p)?;
        if sym as usize >= self.stop.len() {
            return None;
        }
        self.starts
            .partition_point(|&start| start as usize <= p)
            .checked_sub(1)
    }
}

/// The indices of a side's words among its tokens, in order: the order of its sentences, whose
/// tokens follow one another.
fn word_tokens<'s>(side: &'s SideTokens<'_>) -> impl Iterator<Item = usize> + 's {
    side.tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_word())
        .map(|(i, _)| i)
}

/// The phrases of the candidates, longest first: a candidate all of whose occurrences lie
/// inside phrases already taken is left out.
fn select(
    sides: &[SideTokens<'_>],
    symbols: &Symbols,
    sa: &[u32],
    candidates: Vec<Candidate>,
) -> Vec<Shared> {
    // Per side, the index in its tokens of each of its words (made now, not kept through the
    // building of the suffix array).
    let words: Vec<Vec<u32>> = sides
        .iter()
        .map(|side| word_tokens(side).map(|i| i as u32).collect())
        .collect();
    let mut covered: Vec<PrefixMax> = words.iter().map(|w| PrefixMax::new(w.len())).collect();
    let mut out = Vec::new();
    for candidate in candidates {
        if out.len() >= MAX_PHRASES {
            break;
        }
        let len = candidate.len as usize;
        let entries = sa
            .get(candidate.lb as usize..=candidate.rb as usize)
            .unwrap_or(&[]);
        // (side, first word, one past the last word) of each occurrence.
        let mut places: Vec<(usize, usize, usize)> = entries
            .iter()
            .filter_map(|&start| symbols.origin(start as usize + len - 1))
            .map(|o| {
                let end = o.word as usize + 1;
                (o.side as usize, end - len, end)
            })
            .collect();
        places.sort_unstable();
        if places
            .iter()
            .all(|&(side, start, end)| covered[side].max_upto(start) >= end)
        {
            continue;
        }
        for &(side, start, end) in &places {
            covered[side].raise(start, end);
        }
        let span = |side: usize, start: usize, end: usize| {
            let word = |w: usize| sides[side].tokens[words[side][w] as usize].span();
            Span::new(word(start).start, word(end - 1).end)
        };
        let mut lists: Vec<Vec<Span>> = vec![Vec::new(); sides.len()];
        for &(side, start, end) in &places {
            if lists[side].len() < MAX_OCCURRENCES {
                lists[side].push(span(side, start, end));
            }
        }
        // The first side that has it (places are sorted by side): its first occurrence.
        let Some(&(side, start, end)) = places.first() else {
            continue;
        };
        let shown = span(side, start, end);
        out.push(Shared {
            text: one_line(&sides[side].text[shown.range()]),
            words: len,
            spans: lists,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment;
    use crate::samples::SAMPLES;

    /// Where each symbol comes from, counted in order: the oracle [`Symbols::origin`], which
    /// looks each one up alone, is checked against.
    fn origins(symbols: &Symbols) -> impl Iterator<Item = Option<Origin>> + '_ {
        let (mut side, mut word) = (0, 0);
        symbols.sequence.iter().enumerate().map(move |(p, &sym)| {
            while symbols
                .starts
                .get(side + 1)
                .is_some_and(|&s| s as usize <= p)
            {
                side += 1;
                word = 0;
            }
            if sym as usize >= symbols.stop.len() {
                return None;
            }
            word += 1;
            Some(Origin {
                side: side as u32,
                word: word - 1,
            })
        })
    }

    /// Where a symbol comes from, counted in order and looked up alone, agree: on sides with
    /// and without words, and past the end.
    #[test]
    fn origins_in_order_are_origins_looked_up() {
        let texts = [SAMPLES[0].text, "", SAMPLES[1].text, "One. Two words."];
        let sentences: Vec<_> = texts.iter().map(|t| segment::sentences(t)).collect();
        let sides: Vec<SideTokens<'_>> = texts
            .iter()
            .zip(&sentences)
            .map(|(text, sentences)| SideTokens::new(text, sentences))
            .collect();
        let (symbols, _) = Symbols::new(&sides);
        let in_order: Vec<Option<Origin>> = origins(&symbols).collect();
        let looked_up: Vec<Option<Origin>> = (0..symbols.sequence.len())
            .map(|p| symbols.origin(p))
            .collect();
        assert_eq!(in_order, looked_up);
        assert_eq!(symbols.origin(symbols.sequence.len()), None);
        let last = in_order.iter().rev().flatten().next();
        assert_eq!(last, Some(&Origin { side: 3, word: 2 }));
        for (side, tokens) in sides.iter().enumerate() {
            let listed = in_order
                .iter()
                .flatten()
                .filter(|o| o.side as usize == side);
            assert_eq!(listed.count(), word_tokens(tokens).count());
        }
    }
}
