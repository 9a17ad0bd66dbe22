//! Word sharing within a point: which words of a sentence all, some or only one of the
//! point's documents have (by a folded, stemmed key), for the views' marks.

use rustc_hash::FxHashMap as HashMap;

use super::{Collation, SentenceWords, WordShare};
use crate::engine::segment::{self, Span};
use crate::engine::{is_stop_word, possessive_len, token_key};

impl Collation {
    /// For each sentence of point `point`, its words and how many of the point's documents have
    /// each (by a normalised key: case, typography and inflection folded; function words and
    /// punctuation not counted), so that a view can mark what all, some or only one document
    /// says. `texts` are the collated texts in the order given.
    pub fn point_words(&self, texts: &[&str], point: usize) -> Vec<SentenceWords> {
        let Some(point) = self.points.get(point) else {
            return Vec::new();
        };
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let mut tokens = Vec::new();
        // Per sentence: (document, sentence, [(span, key)]).
        let mut keyed: Vec<(usize, usize, Vec<KeyedWord>)> = Vec::new();
        let mut owners: HashMap<String, Vec<usize>> = HashMap::default();
        for (document, indexes) in point.sentences.iter().enumerate() {
            let (Some(text), Some(sentences)) = (texts.get(document), self.sentences.get(document))
            else {
                continue;
            };
            for &index in indexes {
                let Some(sentence) = sentences.get(index) else {
                    continue;
                };
                if sentence.content.end > text.len() {
                    continue;
                }
                tokens.clear();
                segment::tokens(text, sentence.content, &mut tokens);
                let mut words = Vec::with_capacity(tokens.len());
                for token in &tokens {
                    let key = token
                        .is_word()
                        .then(|| word_key(&text[token.span().range()], &stemmer))
                        .flatten();
                    if let Some(key) = &key {
                        let list = owners.entry(key.clone()).or_default();
                        if !list.contains(&document) {
                            list.push(document);
                        }
                    }
                    words.push((token.span(), key));
                }
                keyed.push((document, index, words));
            }
        }
        keyed
            .into_iter()
            .map(|(document, sentence, words)| SentenceWords {
                document,
                sentence,
                words: words
                    .into_iter()
                    .map(|(span, key)| WordShare {
                        span,
                        documents: key.and_then(|k| owners.get(&k)).map_or(0, Vec::len),
                    })
                    .collect(),
            })
            .collect()
    }
}

/// A word's span and its sharing key (`None`: not counted).
type KeyedWord = (Span, Option<String>);

/// The key a word is shared by: folded like the engine's keys, lower case, possessive dropped,
/// stemmed; `None` for a function word.
fn word_key(word: &str, stemmer: &rust_stemmers::Stemmer) -> Option<String> {
    let key = token_key(word, true, true)?;
    let key = &key[..key.len() - possessive_len(&key).min(key.len())];
    let key = key.trim_matches('\'');
    if key.is_empty() || is_stop_word(key) {
        return None;
    }
    Some(stemmer.stem(key).into_owned())
}
