//! Name candidates: runs of capitalised words joined by "of", "for", "al", "bin", hyphens
//! ("Tehreek-i-Taliban") and initials ("Gregory D. LoGerfo"), cut where a known name or a date
//! stands, with a leading function word dropped ("The", "Both", "It"), and a capitalised word
//! where its capital says nothing (a sentence start, a headline, capitals) kept only when
//! [`Capitals::looks_like_name`] says so. A run starting with a title ("Senator", "Acting
//! Coordinator") is split into the title and the name.

use super::capitals::Capitals;
use super::lexicon::{
    HONORIFICS, HYPHEN_PARTICLES, JOINERS, is_all_caps, is_title_word, possessive_len,
    possessive_stem, touching,
};
use super::{EntityKind, Found, Key, Mention, SentenceTokens};
use crate::analysis::Tok;
use crate::engine::is_stop_word;
use crate::engine::segment::Span;

/// A cleaned run cut into what it names: a title or a name, and its tokens (indexes into the
/// sentence, in order, first and last capitalised).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Part {
    kind: EntityKind,
    tokens: Vec<usize>,
}

/// The names and titles of a sentence, in the tokens no earlier phase has `used`.
pub(super) fn mentions(
    sentence: &SentenceTokens<'_>,
    used: &[bool],
    headline: bool,
    capitals: &Capitals<'_>,
) -> Vec<Found> {
    let tokens = sentence.tokens;
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if used.get(i).is_none_or(|&u| u) || !tokens[i].is_capitalised() {
            i += 1;
            continue;
        }
        let run = capitalised_run(tokens, used, i);
        let end = run.last().map_or(i, |&k| k) + 1;
        for piece in clean_run(tokens, &run, headline, capitals) {
            if modifies_known_name(tokens, used, &piece) {
                continue;
            }
            for part in split_title(tokens, &piece) {
                let (Some(&first), Some(&last)) = (part.tokens.first(), part.tokens.last()) else {
                    continue;
                };
                if let Some(mention) = run_mention(sentence, &part) {
                    found.push(Found {
                        tokens: first..last + 1,
                        mention,
                    });
                }
            }
        }
        i = end;
    }
    found
}

/// Whether `piece` is one capitalised word right before a name an earlier phase knows: the
/// start of a longer name that name cut ("An Enhanced UK-Japan Global Strategic Partnership",
/// "the Royal Canadian Air Force"), not a name of its own. A title ("Ambassador") and an
/// acronym keep their place.
fn modifies_known_name(tokens: &[Tok], used: &[bool], piece: &[usize]) -> bool {
    let [k] = piece else {
        return false;
    };
    let Some(word) = tokens.get(*k) else {
        return false;
    };
    let next_known = used.get(k + 1).is_some_and(|&u| u)
        && tokens.get(k + 1).is_some_and(|n| n.is_capitalised());
    next_known && !is_all_caps(word) && !is_title_word(possessive_stem(word.lower()))
}

/// The tokens of the capitalised run starting at `i`: capitalised words and what joins them.
fn capitalised_run(tokens: &[Tok], used: &[bool], i: usize) -> Vec<usize> {
    let free = |k: usize| k < tokens.len() && !used[k];
    let mut run = vec![i];
    let mut j = i + 1;
    loop {
        if free(j) && tokens[j].is_capitalised() {
            run.push(j);
            j += 1;
            continue;
        }
        // Up to three joining tokens, then a capitalised word.
        let mut k = j;
        while k < j + 3 && free(k) && joins(tokens, k) {
            k += 1;
        }
        if k > j && free(k) && tokens[k].is_capitalised() {
            run.extend(j..=k);
            j = k + 1;
            continue;
        }
        break;
    }
    run
}

/// Whether token `k` joins the capitalised words around it.
fn joins(tokens: &[Tok], k: usize) -> bool {
    let Some(t) = tokens.get(k) else {
        return false;
    };
    let prev = k.checked_sub(1).and_then(|p| tokens.get(p));
    let next = tokens.get(k + 1);
    let touches_both = prev.is_some_and(|p| touching(p, t)) && next.is_some_and(|n| touching(t, n));
    if !t.is_word() {
        // A hyphen inside a name; the dot of an initial ("Gregory D. LoGerfo").
        return (t.key() == "-" && touches_both)
            || (t.key() == "."
                && prev.is_some_and(|p| {
                    touching(p, t) && p.key().chars().count() == 1 && p.is_capitalised()
                }))
            || t.key() == "&";
    }
    if HYPHEN_PARTICLES.contains(&t.key()) && touches_both {
        return true;
    }
    if t.key() == "the" {
        return prev.is_some_and(|p| p.key() == "of" || p.key() == "for");
    }
    JOINERS.contains(&t.key())
}

/// Cleans a run: drops a leading function word and a sentence-initial word that does not
/// look like a name, splits a headline's run at words that do not; trims joiners at the ends.
fn clean_run(
    tokens: &[Tok],
    run: &[usize],
    headline: bool,
    capitals: &Capitals<'_>,
) -> Vec<Vec<usize>> {
    let keep = |k: usize, first: bool| {
        let t = &tokens[k];
        if !t.is_capitalised() {
            return true; // a joiner; trimmed below if it ends up at an end
        }
        let stem = possessive_stem(t.lower());
        if first && is_stop_word(stem) {
            return false;
        }
        // A list marker opening the sentence ("G. Preserve the network location").
        let marker = t.initial()
            && t.key().chars().count() == 1
            && tokens
                .get(k + 1)
                .is_some_and(|n| matches!(n.key(), "." | ")"))
            && tokens.get(k + 2).is_some_and(|n| n.initial());
        if first && marker {
            return false;
        }
        let all_caps = is_all_caps(t);
        if headline || (first && t.initial()) || all_caps {
            // A title keeps its place in a headline too ("Japan-UK Prime Ministers' Informal
            // Talks"): dropped, it would leave "Prime" alone, read as a name.
            return capitals.looks_like_name(t, headline)
                || (!all_caps && is_title_word(stem.trim_end_matches('\'')));
        }
        true
    };
    let mut pieces: Vec<Vec<usize>> = Vec::new();
    let mut current: Vec<usize> = Vec::new();
    for &k in run {
        let first = !current.iter().any(|&c| tokens[c].is_capitalised());
        if keep(k, first) {
            current.push(k);
        } else if !current.is_empty() {
            pieces.push(std::mem::take(&mut current));
        }
    }
    pieces.push(current);
    pieces
        .into_iter()
        .filter_map(|mut piece| {
            while piece.first().is_some_and(|&k| !tokens[k].is_capitalised()) {
                piece.remove(0);
            }
            while piece.last().is_some_and(|&k| !tokens[k].is_capitalised()) {
                piece.pop();
            }
            (!piece.is_empty()).then_some(piece)
        })
        .collect()
}

/// Splits "Senator Mohammad Ishaq Dar" into the title and the name; a run ending in a title
/// word is a title.
fn split_title(tokens: &[Tok], run: &[usize]) -> Vec<Part> {
    let last_title = run
        .iter()
        .rposition(|&k| tokens[k].is_capitalised() && is_title_word(tokens[k].lower()));
    match last_title {
        None => vec![Part {
            kind: EntityKind::Name,
            tokens: run.to_vec(),
        }],
        Some(t) if t + 1 == run.len() => vec![Part {
            kind: EntityKind::Title,
            tokens: run.to_vec(),
        }],
        Some(t) => {
            let mut name: Vec<usize> = run[t + 1..].to_vec();
            while name.first().is_some_and(|&k| !tokens[k].is_capitalised()) {
                name.remove(0);
            }
            let mut out = vec![Part {
                kind: EntityKind::Title,
                tokens: run[..=t].to_vec(),
            }];
            if !name.is_empty() {
                out.push(Part {
                    kind: EntityKind::Name,
                    tokens: name,
                });
            }
            out
        }
    }
}

/// The mention of a cleaned run's part, or `None` for a lone function word ("The" after a
/// colon).
fn run_mention(sentence: &SentenceTokens<'_>, part: &Part) -> Option<Mention> {
    let tokens = sentence.tokens;
    let first = tokens.get(*part.tokens.first()?)?;
    let last = tokens.get(*part.tokens.last()?)?;
    let possessive = possessive_len(last.lower(), &sentence.text[last.span().range()]);
    let span = Span::new(first.span().start, last.span().end - possessive);
    let mut keys: Vec<String> = part
        .tokens
        .iter()
        .map(|&k| tokens[k].lower().to_string())
        .collect();
    if let Some(k) = keys.last_mut() {
        *k = possessive_stem(k).to_owned();
    }
    if keys.len() == 1 && keys.first().is_some_and(|k| is_stop_word(k)) {
        return None;
    }
    // The words that identify a person: capitalised, initials and honorifics ("Rt Hon … MP")
    // left out.
    let words: Vec<String> = part
        .tokens
        .iter()
        .zip(&keys)
        .filter(|&(&k, key)| {
            tokens[k].is_capitalised()
                && key.chars().count() > 1
                && !HONORIFICS.contains(&key.as_str())
        })
        .map(|(_, key)| key.clone())
        .collect();
    Some(sentence.mention(Key::Name(keys.join(" ")), part.kind, span, words))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::SideTokens;
    use crate::analysis::entities::test_support::side;

    /// The names and titles of `text` (one side, the other empty): (form, kind, words).
    fn names(text: &str) -> Vec<(String, EntityKind)> {
        named(text).into_iter().map(|m| (m.form, m.kind)).collect()
    }

    fn named(text: &str) -> Vec<Mention> {
        let sides = [side(text), side("")];
        let capitals = Capitals::of(&sides);
        let side: &SideTokens<'_> = &sides[0];
        let mut out = Vec::new();
        for (n, range) in side.sentences.iter().enumerate() {
            let sentence = SentenceTokens {
                side: 0,
                text,
                tokens: &side.tokens[range.clone()],
            };
            let used = vec![false; sentence.tokens.len()];
            let headline = capitals.is_headline(0, n);
            out.extend(
                mentions(&sentence, &used, headline, &capitals)
                    .into_iter()
                    .map(|f| f.mention),
            );
        }
        out
    }

    fn name(form: &str) -> (String, EntityKind) {
        (form.to_owned(), EntityKind::Name)
    }

    fn title(form: &str) -> (String, EntityKind) {
        (form.to_owned(), EntityKind::Title)
    }

    #[test]
    fn joiners_hyphens_and_initials_join_a_run() {
        assert_eq!(
            names("He met the Ministry of Interior and Gregory D. LoGerfo."),
            [name("Ministry of Interior"), name("Gregory D. LoGerfo")]
        );
        assert_eq!(
            names("Attacks by Tehreek-i-Taliban Pakistan rose."),
            [name("Tehreek-i-Taliban Pakistan")]
        );
        assert_eq!(
            names("He visited the Bank of the Republic."),
            [name("Bank of the Republic")]
        );
    }

    #[test]
    fn joiners_at_the_ends_are_trimmed() {
        assert_eq!(
            names("A gift for Pakistan of the year."),
            [name("Pakistan")]
        );
    }

    #[test]
    fn a_leading_function_word_is_dropped() {
        assert_eq!(
            names("The Foreign Office spoke to the Embassy."),
            [name("Foreign Office"), name("Embassy")]
        );
        assert!(names("The talks ended.").is_empty());
    }

    #[test]
    fn a_sentence_start_counts_only_when_named_elsewhere() {
        assert_eq!(
            names("Pakistan spoke. The talks were held in Pakistan."),
            [name("Pakistan"), name("Pakistan")]
        );
        assert!(names("Officials spoke. The officials left.").is_empty());
    }

    #[test]
    fn a_title_is_split_from_the_name_it_opens() {
        assert_eq!(
            names("He met Senator Mohammad Ishaq Dar."),
            [title("Senator"), name("Mohammad Ishaq Dar")]
        );
        assert_eq!(
            names("He met the Acting Coordinator."),
            [title("Acting Coordinator")]
        );
        // A title word at a sentence start is kept though nothing else capitalises it.
        assert_eq!(names("Senator Dar spoke."), [title("Senator"), name("Dar")]);
    }

    #[test]
    fn a_headline_keeps_its_titles_with_the_words_they_qualify() {
        // "Prime" is capitalised in the body ("Prime Minister"); had "Ministers'" been
        // dropped from the headline's run, "Prime" would stand alone as a name.
        let text = "Japan-UK Prime Ministers' Informal Talks (Summary)\n\
                    Prime Minister Kishida held talks with Prime Minister Sunak.\n";
        let found = names(text);
        assert!(found.contains(&title("Prime Ministers")), "{found:?}");
        assert!(!found.contains(&name("Prime")), "{found:?}");
    }

    #[test]
    fn a_possessive_is_left_out_of_the_span_and_the_key() {
        let found = named("He praised the Foreign Office\u{2019}s work.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].form, "Foreign Office");
        assert_eq!(found[0].key, Key::Name("foreign office".to_owned()));
        assert_eq!(found[0].words, ["foreign", "office"]);
    }

    #[test]
    fn initials_are_not_among_a_persons_words() {
        let found = named("He met Gregory D. LoGerfo.");
        assert_eq!(found[0].words, ["gregory", "logerfo"]);
        assert_eq!(found[0].key, Key::Name("gregory d . logerfo".to_owned()));
    }

    #[test]
    fn capitals_are_names_only_as_acronyms() {
        assert_eq!(names("He condemned the TTP."), [name("TTP")]);
        assert!(
            names("IN NO EVENT SHALL THE AUTHORS BE LIABLE").is_empty(),
            "a sentence in capitals names nothing"
        );
    }

    #[test]
    fn a_list_marker_is_no_name() {
        assert!(names("G. Preserve the network location.").is_empty());
    }

    #[test]
    fn mixed_scripts_take_only_cased_capitals() {
        assert_eq!(
            names("He met Сергей Лавров and وزیر in Moscow."),
            [name("Сергей Лавров"), name("Moscow")]
        );
    }

    #[test]
    fn empty_text_names_nothing() {
        assert!(names("").is_empty());
        assert!(names("   ").is_empty());
    }

    #[test]
    fn split_title_cuts_after_the_last_title_word() {
        let side = side("Deputy Prime Minister Dar");
        let run: Vec<usize> = (0..side.tokens.len()).collect();
        assert_eq!(
            split_title(&side.tokens, &run),
            [
                Part {
                    kind: EntityKind::Title,
                    tokens: vec![0, 1, 2]
                },
                Part {
                    kind: EntityKind::Name,
                    tokens: vec![3]
                },
            ]
        );
        assert_eq!(
            split_title(&side.tokens, &[3]),
            [Part {
                kind: EntityKind::Name,
                tokens: vec![3]
            }]
        );
    }
}
