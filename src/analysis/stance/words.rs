//! A sentence's words as the stance rules read them: the lexicon's forms found among them, and
//! the lexicon's kind indexes looked up once.

use rustc_hash::FxHashMap;

use super::super::{SideTokens, StrengthLexicon, Tok};
use crate::engine::segment::Span;

/// The lexicon's kind indexes, looked up once.
pub(super) struct Kinds {
    pub(super) force: Option<usize>,
    pub(super) booster: Option<usize>,
    pub(super) hedge: Option<usize>,
    pub(super) modal: Option<usize>,
    pub(super) joint: Option<usize>,
    pub(super) own: Option<usize>,
    pub(super) meeting: Option<usize>,
    pub(super) one_party: Option<usize>,
    pub(super) travel: Option<usize>,
    pub(super) title: Option<usize>,
    pub(super) honorific: Option<usize>,
    pub(super) scope: Option<usize>,
}

impl Kinds {
    pub(super) fn of(lexicon: &StrengthLexicon) -> Self {
        Self {
            force: lexicon.kind_index("force"),
            booster: lexicon.kind_index("booster"),
            hedge: lexicon.kind_index("hedge"),
            modal: lexicon.kind_index("modal"),
            joint: lexicon.kind_index("joint"),
            own: lexicon.kind_index("self"),
            meeting: lexicon.kind_index("meeting"),
            one_party: lexicon.kind_index("one-party"),
            travel: lexicon.kind_index("travel"),
            title: lexicon.kind_index("title"),
            honorific: lexicon.kind_index("honorific"),
            scope: lexicon.kind_index("scope"),
        }
    }

    /// Whether `kind` is an act of one party: on the other ("hosted") or a journey
    /// ("visited").
    pub(super) fn is_one_party_act(&self, kind: usize) -> bool {
        Some(kind) == self.one_party || Some(kind) == self.travel
    }
}

/// Most words of an object quoted after a position verb ([`Words::span_with_object`]).
pub(super) const OBJECT_WORDS: usize = 8;

/// Words that open another clause: an object quoted after a verb stops before them.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "while", "whereas", "which", "who", "whom", "as", "because", "although", "or",
    "that",
];

/// The words of a sentence's tokens, and each in lower case ("US" in capitals is the
/// country, never the pronoun "us" of the lexicon's forms).
pub(super) fn words_of(tokens: &[Tok]) -> (Vec<&Tok>, Vec<&str>) {
    // Sized once: the words of every sentence of both sides are kept at once (on the 1 MiB
    // pair 400,000), and a vector grown by doubling holds a third more than it needs.
    let mut words: Vec<&Tok> = Vec::with_capacity(tokens.iter().filter(|t| t.is_word()).count());
    words.extend(tokens.iter().filter(|t| t.is_word()));
    let lowers: Vec<&str> = words
        .iter()
        .map(|t| if t.key() == "US" { "u.s." } else { t.lower() })
        .collect();
    (words, lowers)
}

/// One lexicon form met in a sentence: its kind, grade and the word range it covers.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub(super) kind: usize,
    pub(super) grade: u32,
    /// Word indexes (into the sentence's words).
    pub(super) start: usize,
    pub(super) end: usize,
}

/// "Called on" or "called upon" a person ("called on the Deputy Prime Minister …", "called on
/// Prime Minister Modi"), with no "to" after it as in "called on China to release …": a
/// courtesy call, a meeting (grade 1), not the demand (force 4) the lexicon's form says.
pub(super) fn courtesy_calls(
    hits: &mut [Hit],
    words: &[&Tok],
    lowers: &[&str],
    lexicon: &StrengthLexicon,
) {
    let (Some(force), Some(meeting)) = (lexicon.kind_index("force"), lexicon.kind_index("meeting"))
    else {
        return;
    };
    for hit in hits.iter_mut().filter(|h| h.kind == force) {
        let called = matches!(
            lowers.get(hit.start..hit.end),
            Some(&["called", "on" | "upon"])
        );
        let person = hit.end + usize::from(lowers.get(hit.end) == Some(&"the"));
        let capitalised = words.get(person).is_some_and(|t| t.is_capitalised());
        let demand = lowers
            .get(hit.end..)
            .is_some_and(|rest| rest.contains(&"to"));
        if called && capitalised && !demand {
            hit.kind = meeting;
            hit.grade = 1;
        }
    }
}

/// A sentence's words and the lexicon forms among them.
pub(super) struct Words<'s> {
    pub(super) words: Vec<&'s Tok>,
    pub(super) lowers: Vec<&'s str>,
    /// In word order; they do not overlap.
    pub(super) hits: Vec<Hit>,
    /// Whether the sentence ends with final punctuation (else it is a title or a date line).
    pub(super) punctuated: bool,
}

impl<'s> Words<'s> {
    pub(super) fn of(side: &'s SideTokens<'_>, sentence: usize, lexicon: &StrengthLexicon) -> Self {
        let tokens = side
            .sentences
            .get(sentence)
            .and_then(|range| side.tokens.get(range.clone()))
            .unwrap_or(&[]);
        let punctuated = tokens
            .iter()
            .rev()
            .find(|t| !matches!(t.key(), "\"" | "'" | ")" | "”" | "’"))
            .is_some_and(|t| {
                !t.is_word() && matches!(t.key(), "." | "!" | "?" | ":" | ";")
                    || t.is_word() && t.key().ends_with('.')
            });
        let (words, lowers) = words_of(tokens);
        let mut hits = Vec::new();
        let mut i = 0;
        while i < lowers.len() {
            match lexicon.match_at(&lowers, i) {
                Some((kind, grade, n)) => {
                    hits.push(Hit {
                        kind,
                        grade,
                        start: i,
                        end: i + n,
                    });
                    i += n.max(1);
                }
                None => i += 1,
            }
        }
        courtesy_calls(&mut hits, &words, &lowers, lexicon);
        Self {
            words,
            lowers,
            hits,
            punctuated,
        }
    }

    /// [`Words::of`] every sentence of `side`, in order. What a sentence's words hold
    /// depends on its words alone: a repeated sentence (a long text's boilerplate) takes its
    /// first's forms and punctuation instead of looking them up again.
    pub(super) fn all(side: &'s SideTokens<'_>, lexicon: &StrengthLexicon) -> Vec<Self> {
        let mut first_of: FxHashMap<&str, usize> = FxHashMap::default();
        let mut all: Vec<Self> = Vec::with_capacity(side.sentences.len());
        for (s, range) in side.sentences.iter().enumerate() {
            let (tokens, _, content) = side.extent(range);
            let words = match first_of.get(content).and_then(|&first| all.get(first)) {
                Some(first) => {
                    let (words, lowers) = words_of(tokens);
                    Self {
                        words,
                        lowers,
                        hits: first.hits.clone(),
                        punctuated: first.punctuated,
                    }
                }
                None => {
                    first_of.insert(content, s);
                    Self::of(side, s, lexicon)
                }
            };
            all.push(words);
        }
        all
    }

    /// The form covering word `i`, if any.
    pub(super) fn covering(&self, i: usize) -> Option<&Hit> {
        // The hits are in order and apart, so their ends are too: the first that ends after
        // `i` is the one that can cover it (a binary search, not a slot per word: the words
        // of every sentence of a 1 MiB text are kept at once).
        let first_after = self.hits.partition_point(|h| h.end <= i);
        self.hits
            .get(first_after)
            .filter(|h| h.start <= i && i < h.end)
    }

    /// The lower-case words of a form, joined by spaces.
    pub(super) fn phrase(&self, hit: &Hit) -> String {
        self.lowers
            .get(hit.start..hit.end)
            .map(|w| w.join(" "))
            .unwrap_or_default()
    }

    /// The form starting at word `i`, if any.
    pub(super) fn starting(&self, i: usize) -> Option<&Hit> {
        self.covering(i).filter(|h| h.start == i)
    }

    pub(super) fn has(&self, kind: Option<usize>) -> bool {
        kind.is_some_and(|k| self.hits.iter().any(|h| h.kind == k))
    }

    /// The span of words `start..end` and of what the last of them governs: up to
    /// [`OBJECT_WORDS`] more words, until a clause ends (a comma or other mark between two
    /// words of `text`, or a word that opens another clause). "condemned the recent North
    /// Korean missile launches", not "condemned": a careful reader quotes what was condemned.
    pub(super) fn span_with_object(&self, text: &str, start: usize, end: usize) -> Span {
        let mut last = end;
        // A name is not cut in two ("North Korea"): past the limit, capitalised words go on.
        let in_name = |k: usize| {
            k.checked_sub(1)
                .and_then(|p| self.words.get(p))
                .is_some_and(|t| t.is_capitalised())
                && self.words.get(k).is_some_and(|t| t.is_capitalised())
        };
        while last < end + OBJECT_WORDS || (in_name(last) && last < end + OBJECT_WORDS + 3) {
            let (Some(before), Some(next)) = (
                last.checked_sub(1).and_then(|k| self.words.get(k)),
                self.words.get(last),
            ) else {
                break;
            };
            let gap = text
                .get(before.span().end..next.span().start)
                .unwrap_or(",");
            let lower = self.lowers.get(last).copied().unwrap_or("");
            // A hyphen or apostrophe joins ("Japan-UK", "Korea's"); any other mark ends it.
            let ends = gap
                .chars()
                .any(|c| !c.is_whitespace() && !matches!(c, '-' | '‐' | '\'' | '’'));
            if ends || CLAUSE_WORDS.contains(&lower) {
                break;
            }
            last += 1;
        }
        // Not ending on a function word ("condolences on the loss of").
        while last > end
            && self
                .lowers
                .get(last - 1)
                .is_some_and(|w| crate::engine::is_stop_word(w))
        {
            last -= 1;
        }
        self.span(start, last)
    }

    /// The span of words `start..end`.
    pub(super) fn span(&self, start: usize, end: usize) -> Span {
        match (
            self.words.get(start),
            end.checked_sub(1).and_then(|e| self.words.get(e)),
        ) {
            (Some(first), Some(last)) => Span::new(first.span().start, last.span().end),
            _ => Span::new(0, 0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment;

    /// A repeated sentence's words hold what looking them up again gives.
    #[test]
    fn a_repeated_sentence_has_its_firsts_forms() {
        let text = "Both sides strongly reaffirmed their commitment. The US hosted talks.\n\n\
                    Both sides strongly reaffirmed their commitment. We may consider it\n\n\
                    The US hosted talks.";
        let side = SideTokens::new(text, &segment::sentences(text));
        let lexicon = StrengthLexicon::builtin_ref();
        let all = Words::all(&side, lexicon);
        assert_eq!(all.len(), 5);
        let hits = |w: &Words<'_>| -> Vec<(usize, u32, usize, usize)> {
            w.hits
                .iter()
                .map(|h| (h.kind, h.grade, h.start, h.end))
                .collect()
        };
        for (s, words) in all.iter().enumerate() {
            let fresh = Words::of(&side, s, lexicon);
            assert_eq!(hits(words), hits(&fresh));
            assert_eq!(words.lowers, fresh.lowers);
            assert_eq!(words.punctuated, fresh.punctuated);
            assert!(
                words
                    .words
                    .iter()
                    .zip(&fresh.words)
                    .all(|(a, b)| std::ptr::eq(*a, *b))
            );
        }
        assert!(!all[0].hits.is_empty());
    }
}
