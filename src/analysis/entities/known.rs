//! Known names: forms of equivalence groups whose canonical form is capitalised ("TTP",
//! "Islamic State-Khorasan", "U.S."), found first because they cut the capitalised runs and
//! their words are not looked at again. Lower-case groups ("counterterrorism") are vocabulary,
//! not names, and a lower-case mention of a title ("a sitting US president") is not counted.

use super::lexicon::{is_title_word, possessive_len};
use super::{EntityKind, Found, Key, SentenceTokens};
use crate::analysis::Tok;
use crate::engine::Equivalences;
use crate::engine::equivalence::Matcher;
use crate::engine::segment::Span;

/// Which equivalence groups name things, and which of those name offices.
pub(super) struct Groups<'t> {
    matcher: &'t Matcher,
    /// Per group: whether its canonical form is capitalised (a name, not vocabulary).
    name: Vec<bool>,
    /// Per group: whether its canonical form has a title word ("Foreign Minister").
    title: Vec<bool>,
}

/// The known form a token is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct KnownToken {
    /// The equivalence group.
    group: usize,
    /// The index of the form's first token in its sentence (two forms of one group can touch).
    start: usize,
}

impl<'t> Groups<'t> {
    /// Reads the groups of `table`.
    pub(super) fn new(table: &'t Equivalences) -> Self {
        let canonical = |g: usize| table.canonical(g);
        Self {
            matcher: table.matcher(false, false),
            name: (0..table.len())
                .map(|g| canonical(g).chars().next().is_some_and(char::is_uppercase))
                .collect(),
            title: (0..table.len())
                .map(|g| {
                    canonical(g)
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| is_title_word(&w.to_lowercase()))
                })
                .collect(),
        }
    }

    /// Per token of a sentence, the known form it is part of: the longest form at each place,
    /// left to right.
    fn known_tokens(&self, tokens: &[Tok]) -> Vec<Option<KnownToken>> {
        let mut known = vec![None; tokens.len()];
        let lowers: Vec<&str> = tokens.iter().map(|t| t.lower()).collect();
        let mut i = 0;
        while i < tokens.len() {
            match self.matcher.longest_at(tokens, &lowers, i) {
                Some(m) => {
                    let form = KnownToken {
                        group: m.group,
                        start: i,
                    };
                    for slot in known.iter_mut().skip(i).take(m.len) {
                        *slot = Some(form);
                    }
                    i += m.len.max(1);
                }
                None => i += 1,
            }
        }
        known
    }

    /// The known names of a sentence; marks every known form's tokens `used`, names or not.
    pub(super) fn mentions(&self, sentence: &SentenceTokens<'_>, used: &mut [bool]) -> Vec<Found> {
        let tokens = sentence.tokens;
        let known = self.known_tokens(tokens);
        let mut found = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            let Some(form) = known[i] else {
                i += 1;
                continue;
            };
            let mut j = i;
            while j < tokens.len() && known[j] == Some(form) {
                j += 1;
            }
            if let Some(taken) = used.get_mut(i..j) {
                taken.fill(true);
            }
            let written = &tokens[i..j];
            let written_as_name = written
                .iter()
                .any(|t| t.key().chars().any(char::is_uppercase));
            let is_name = self.name.get(form.group).copied().unwrap_or(false);
            if let (true, true, Some(first), Some(last)) =
                (is_name, written_as_name, written.first(), written.last())
            {
                let possessive = possessive_len(last.lower(), &sentence.text[last.span().range()]);
                let span = Span::new(first.span().start, last.span().end - possessive);
                let kind = if self.title.get(form.group).copied().unwrap_or(false) {
                    EntityKind::Title
                } else {
                    EntityKind::Name
                };
                found.push(Found {
                    tokens: i..j,
                    mention: sentence.mention(Key::Group(form.group), kind, span, Vec::new()),
                });
            }
            i = j;
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::test_support::side;

    /// The known names of one sentence: (form, kind, canonical form), and which tokens they
    /// used.
    fn known(table: &Equivalences, text: &str) -> (Vec<(String, EntityKind, String)>, Vec<bool>) {
        let groups = Groups::new(table);
        let side = side(text);
        let sentence = SentenceTokens {
            side: 0,
            text,
            tokens: &side.tokens,
        };
        let mut used = vec![false; side.tokens.len()];
        let found = groups
            .mentions(&sentence, &mut used)
            .into_iter()
            .map(|f| {
                let Key::Group(g) = f.mention.key else {
                    panic!("a known name keyed {:?}", f.mention.key)
                };
                (
                    f.mention.form,
                    f.mention.kind,
                    table.canonical(g).to_owned(),
                )
            })
            .collect();
        (found, used)
    }

    fn table() -> Equivalences {
        Equivalences::parse(
            "Tehreek-i-Taliban Pakistan | TTP\n\
             Foreign Minister | FM\n\
             counterterrorism | counter-terrorism\n\
             United States | US | U.S.\n",
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn forms_of_capitalised_groups_are_names_of_their_group() {
        let (found, _) = known(&table(), "The TTP and Tehreek-i-Taliban Pakistan.");
        assert_eq!(
            found,
            [
                (
                    "TTP".to_owned(),
                    EntityKind::Name,
                    "Tehreek-i-Taliban Pakistan".to_owned()
                ),
                (
                    "Tehreek-i-Taliban Pakistan".to_owned(),
                    EntityKind::Name,
                    "Tehreek-i-Taliban Pakistan".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_group_with_a_title_word_is_a_title() {
        let (found, _) = known(&table(), "The FM spoke.");
        assert_eq!(
            found,
            [(
                "FM".to_owned(),
                EntityKind::Title,
                "Foreign Minister".to_owned()
            )]
        );
    }

    #[test]
    fn lower_case_groups_and_mentions_are_used_but_not_names() {
        let (found, used) = known(&table(), "on counterterrorism with a foreign minister");
        assert!(found.is_empty());
        // Both forms are known: their tokens are not looked at again.
        assert_eq!(used, [false, true, false, false, true, true]);
    }

    #[test]
    fn a_possessive_is_left_out_of_the_span() {
        let (found, _) = known(&table(), "The United States\u{2019}s envoy.");
        assert_eq!(found[0].0, "United States");
        let (found, _) = known(&table(), "The U.S.'s envoy.");
        assert_eq!(found[0].0, "U.S.");
    }

    #[test]
    fn empty_table_and_empty_text_know_nothing() {
        let (found, used) = known(&table(), "");
        assert!(found.is_empty() && used.is_empty());
        let empty = Equivalences::parse("").unwrap_or_else(|e| panic!("{e}"));
        let (found, used) = known(&empty, "The TTP spoke.");
        assert!(found.is_empty());
        assert!(used.iter().all(|&u| !u));
    }
}
