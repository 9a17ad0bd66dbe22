//! Equivalent terms: "US", "U.S." and "United States"; "IS-K" and "Islamic State-Khorasan";
//! "DPM/FM" and "Deputy Prime Minister and Foreign Minister".
//!
//! A table of groups (one per line, forms separated by `|`, the first form canonical) is
//! compiled into a longest-match phrase matcher over the engine's normalized token keys
//! ([`token_key`]), so the matching ignores what normalization ignores (quote and dash
//! variants, the dots of an abbreviation). Letter case is ignored too, except that a form
//! written in capitals only (an acronym) matches only in capitals: "us" is not "US". A word
//! with "'s" after the last word of a form matches as that form's possessive.
//!
//! The built-in table is `assets/equivalences.txt`; a user table [extends or
//! overrides](Equivalences::extend) it.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::OnceLock;

use super::normalize::token_key;
use super::segment::{self, Span};

/// The built-in table's text.
pub const BUILTIN: &str = include_str!("../../../assets/equivalences.txt");

/// Why a table could not be read: the line (1-based) and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct TableError {
    /// The line, counting from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl TableError {
    pub(crate) fn new(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            message: message.into(),
        }
    }
}

/// One group of equivalent forms.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Group {
    /// The forms as written, the canonical one first, without duplicates.
    forms: Vec<String>,
    /// Each form's identity: its lower-cased token keys joined by `\u{1}`.
    identities: Vec<String>,
    /// The line it was read from.
    line: usize,
}

/// A table of equivalent terms.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Equivalences {
    groups: Vec<Group>,
    /// `!form` lines: groups to remove when this table extends another.
    removals: Vec<(usize, String)>,
    /// The table compiled for matching, per setting, once asked for ([`Equivalences::matcher`]).
    compiled: Compiled,
}

/// The matchers of a table, one per setting of case and punctuation, compiled when first
/// asked for: the comparison and the names of one pair of statements use the same one (it
/// was built twice, a tenth of a statement's run). Not part of the table's value: a copy
/// starts without them, and two tables are equal whatever each has compiled.
#[derive(Default)]
struct Compiled([OnceLock<Matcher>; 4]);

impl Clone for Compiled {
    fn clone(&self) -> Self {
        Self::default()
    }
}

impl PartialEq for Compiled {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Compiled {}

impl std::fmt::Debug for Compiled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Compiled")
    }
}

/// One place where a form of a group occurs in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Where it is; a possessive "'s" after it is not included.
    pub span: Span,
    /// The group's index in the table.
    pub group: usize,
    /// Whether "'s" follows it (as in "Pakistan's").
    pub possessive: bool,
}

impl Equivalences {
    /// The built-in table (`assets/equivalences.txt`).
    pub fn builtin() -> Self {
        Self::builtin_ref().clone()
    }

    /// The built-in table, parsed once.
    pub fn builtin_ref() -> &'static Self {
        static TABLE: OnceLock<Equivalences> = OnceLock::new();
        TABLE.get_or_init(|| {
            // The built-in table is checked by a unit test; an error here is a bug.
            Self::parse(BUILTIN).unwrap_or_else(|e| panic!("assets/equivalences.txt: {e}"))
        })
    }

    /// Reads a table: one group per line, forms separated by `|`, the first form canonical;
    /// everything after `#` is a comment; `!form` alone on a line removes, when this table
    /// [extends](Self::extend) another, the group that has that form.
    ///
    /// ```
    /// use parallax::engine::{Equivalences, TableError};
    ///
    /// let table = Equivalences::parse(
    ///     "# Who is who\n\
    ///      United States | US | U.S.   # U.S. is US: one form\n\
    ///      Tehreek-i-Taliban Pakistan | TTP\n",
    /// )?;
    /// assert_eq!(table.len(), 2);
    /// assert_eq!(table.forms(0), ["United States", "US"]);
    /// assert_eq!(table.canonical(1), "Tehreek-i-Taliban Pakistan");
    /// assert_eq!(table.group_of("TTP"), Some(1));
    /// assert_eq!(table.group_of("U.S."), Some(0));
    ///
    /// // An error names the line and what is wrong with it.
    /// let error = Equivalences::parse("US | United States\nFM | | Foreign Minister\n");
    /// assert_eq!(
    ///     error,
    ///     Err(TableError {
    ///         line: 2,
    ///         message: "form 2 is empty (two \"|\" in a row, or one at an end)".to_owned(),
    ///     })
    /// );
    /// let error = Equivalences::parse("US | United States\nAmerica | US\n").unwrap_err();
    /// assert_eq!(error.line, 2);
    /// assert!(error.to_string().starts_with("line 2: \"US\" is already in the group"));
    /// # Ok::<(), TableError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Self, TableError> {
        let mut table = Self::default();
        let mut owner: HashMap<String, usize> = HashMap::default();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let body = raw.split('#').next().unwrap_or("").trim();
            if body.is_empty() {
                continue;
            }
            if let Some(form) = body.strip_prefix('!') {
                let form = form.trim();
                if identity(form).is_none() {
                    return Err(TableError::new(
                        line,
                        "\"!\" must be followed by a form to remove",
                    ));
                }
                table.removals.push((line, form.to_owned()));
                continue;
            }
            let mut group = Group {
                forms: Vec::new(),
                identities: Vec::new(),
                line,
            };
            for (n, form) in body.split('|').enumerate() {
                let form = form.trim();
                if form.is_empty() {
                    return Err(TableError::new(
                        line,
                        format!(
                            "form {} is empty (two \"|\" in a row, or one at an end)",
                            n + 1
                        ),
                    ));
                }
                let Some(id) = identity(form) else {
                    return Err(TableError::new(
                        line,
                        format!("\"{form}\" has no letter or digit"),
                    ));
                };
                if group.identities.contains(&id) {
                    continue; // "U.S." after "US": the same form
                }
                if let Some(&other) = owner.get(&id) {
                    let other = &table.groups[other];
                    return Err(TableError::new(
                        line,
                        format!(
                            "\"{form}\" is already in the group \"{}\" (line {}); a form belongs to one group",
                            other.forms[0], other.line
                        ),
                    ));
                }
                group.forms.push(form.to_owned());
                group.identities.push(id);
            }
            for id in &group.identities {
                owner.insert(id.clone(), table.groups.len());
            }
            table.groups.push(group);
        }
        Ok(table)
    }

    /// Adds `user`'s groups to this table. A user group replaces every group here that shares
    /// a form with it (so a user line can redefine a built-in group, or move a form to another
    /// group); `!form` lines remove the group that has the form. Groups not touched keep their
    /// order; new and replacing groups come after them.
    pub fn extend(&mut self, user: Self) {
        let removed: Vec<String> = user
            .removals
            .iter()
            .filter_map(|(_, form)| identity(form))
            .collect();
        self.groups.retain(|g| {
            !g.identities.iter().any(|id| {
                removed.contains(id) || user.groups.iter().any(|u| u.identities.contains(id))
            })
        });
        self.groups.extend(user.groups);
        self.compiled = Compiled::default();
    }

    /// This table compiled for token keys made with `ignore_case` and `ignore_punctuation`
    /// ([`Matcher::new`]), once per table and setting.
    pub(crate) fn matcher(&self, ignore_case: bool, ignore_punctuation: bool) -> &Matcher {
        let slot = usize::from(ignore_case) * 2 + usize::from(ignore_punctuation);
        self.compiled.0[slot].get_or_init(|| Matcher::new(self, ignore_case, ignore_punctuation))
    }

    /// How many groups the table has.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether the table has no group.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The forms of group `group`, the canonical one first.
    pub fn forms(&self, group: usize) -> &[String] {
        &self.groups[group].forms
    }

    /// The canonical form of group `group`.
    pub fn canonical(&self, group: usize) -> &str {
        &self.groups[group].forms[0]
    }

    /// The group that has `form` (compared as the matcher compares words), if any.
    pub fn group_of(&self, form: &str) -> Option<usize> {
        let id = identity(form)?;
        self.groups.iter().position(|g| g.identities.contains(&id))
    }

    /// Every place in `text` where a form of a group occurs, in order, longest match first and
    /// without overlaps. Sentences are found as the engine finds them; a form never crosses a
    /// sentence boundary. Acronyms match only in capitals.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let matcher = self.matcher(false, false);
        let mut out = Vec::new();
        let mut raw = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        for sentence in segment::sentences(text) {
            raw.clear();
            segment::tokens(text, sentence.content, &mut raw);
            keys.clear();
            keys.extend(
                raw.iter()
                    .map(|t| token_key(&text[t.span().range()], false, false).unwrap_or_default()),
            );
            let lowers = lowered(&keys);
            let mut i = 0;
            while i < raw.len() {
                match matcher.longest_at(&keys, &lowers, i) {
                    Some(m) => {
                        let last = raw[i + m.len - 1].span();
                        // The possessive's length comes from the text, whichever apostrophe
                        // it has (the matcher saw it folded).
                        let end = if m.possessive {
                            let word = &text[last.range()];
                            let cut = super::normalize::possessive_len(word);
                            if cut < word.len() {
                                last.end - cut
                            } else {
                                last.end
                            }
                        } else {
                            last.end
                        };
                        out.push(Found {
                            span: Span::new(raw[i].span().start, end),
                            group: m.group,
                            possessive: m.possessive,
                        });
                        i += m.len;
                    }
                    None => i += 1,
                }
            }
        }
        out
    }
}

/// A form's tokens as the matcher sees them: keys, punctuation included.
pub(crate) fn form_keys(form: &str, ignore_punctuation: bool) -> Vec<String> {
    // Most forms of a table are words of ASCII letters with one space between them, whose
    // keys are those words: the tables were a tenth of a statement's run at every start, a
    // third of that in tokenising their forms.
    if is_plain(form) {
        return form.split(' ').map(str::to_owned).collect();
    }
    tokenised_form_keys(form, ignore_punctuation)
}

/// Whether `form` is words of ASCII letters with one space between them.
pub(crate) fn is_plain(form: &str) -> bool {
    !form.is_empty()
        && !form.starts_with(' ')
        && !form.ends_with(' ')
        && !form.contains("  ")
        && form.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ')
}

/// [`form_keys`] by the tokeniser, whatever the form.
fn tokenised_form_keys(form: &str, ignore_punctuation: bool) -> Vec<String> {
    let mut raw = Vec::new();
    segment::tokens(form, Span::new(0, form.len()), &mut raw);
    raw.iter()
        .filter_map(|t| token_key(&form[t.span().range()], false, ignore_punctuation))
        .collect()
}

/// What identifies a form: its lower-cased token keys; `None` when it has no word.
fn identity(form: &str) -> Option<String> {
    let keys = form_keys(form, false);
    if !keys.iter().any(|k| k.chars().any(char::is_alphanumeric)) {
        return None;
    }
    Some(
        keys.iter()
            .map(|k| k.to_lowercase())
            .collect::<Vec<_>>()
            .join("\u{1}"),
    )
}

/// Lower-cased keys, borrowing those already in lower case.
pub(crate) fn lowered<S: AsRef<str>>(keys: &[S]) -> Vec<Cow<'_, str>> {
    keys.iter()
        .map(|k| {
            let k = k.as_ref();
            if k.chars().any(char::is_uppercase) {
                Cow::Owned(k.to_lowercase())
            } else {
                Cow::Borrowed(k)
            }
        })
        .collect()
}

/// One token of a compiled form.
#[derive(Debug)]
struct FormToken {
    /// The key in lower case.
    lower: String,
    /// For an acronym (capitals only) when case matters: the key that must match exactly.
    exact: Option<String>,
}

/// One compiled form.
#[derive(Debug)]
struct Phrase {
    tokens: Vec<FormToken>,
    group: usize,
}

/// A match of a form at a token position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Match {
    /// How many tokens it covers.
    pub len: usize,
    /// The group.
    pub group: usize,
    /// Whether its last token carries a possessive "'s".
    pub possessive: bool,
}

/// A table compiled for matching: forms keyed by their first token, longest first.
#[derive(Debug)]
pub(crate) struct Matcher {
    by_first: HashMap<String, Vec<Phrase>>,
    /// A bit per [`first_bucket`] of the keys of `by_first`: a key whose bucket has no bit is
    /// not a first token, without hashing it (most tokens of a text are not).
    first_buckets: Vec<u64>,
    /// Per group, the words of its canonical form in lower case.
    canonical_words: Vec<Vec<String>>,
}

impl Matcher {
    /// Compiles `table` for token keys made with `ignore_punctuation` (punctuation tokens of a
    /// form drop out as they drop out of the text). With `ignore_case`, acronyms match in any
    /// case, so that a case-only change stays a case-only change.
    pub fn new(table: &Equivalences, ignore_case: bool, ignore_punctuation: bool) -> Self {
        let mut by_first: HashMap<String, Vec<Phrase>> = HashMap::default();
        for (group, g) in table.groups.iter().enumerate() {
            for form in &g.forms {
                let keys = form_keys(form, ignore_punctuation);
                let Some(first) = keys.first() else { continue };
                let tokens: Vec<FormToken> = keys
                    .iter()
                    .map(|k| FormToken {
                        lower: k.to_lowercase(),
                        exact: (!ignore_case && is_acronym(k)).then(|| k.clone()),
                    })
                    .collect();
                let list = by_first.entry(first.to_lowercase()).or_default();
                let same = |p: &Phrase| {
                    p.tokens.len() == tokens.len()
                        && p.tokens
                            .iter()
                            .zip(&tokens)
                            .all(|(a, b)| a.lower == b.lower && a.exact == b.exact)
                };
                if !list.iter().any(same) {
                    list.push(Phrase { tokens, group });
                }
            }
        }
        for list in by_first.values_mut() {
            // Longest first; between equals, the earlier group (a stable sort keeps table order).
            list.sort_by_key(|p| std::cmp::Reverse(p.tokens.len()));
        }
        let mut first_buckets = vec![0u64; FIRST_BUCKETS / 64];
        for first in by_first.keys() {
            let bucket = first_bucket(first);
            first_buckets[bucket / 64] |= 1u64 << (bucket % 64);
        }
        let canonical_words = table
            .groups
            .iter()
            .map(|g| {
                form_keys(&g.forms[0], true)
                    .into_iter()
                    .map(|k| k.to_lowercase())
                    .collect()
            })
            .collect();
        Self {
            by_first,
            first_buckets,
            canonical_words,
        }
    }

    /// The forms whose first token is `first` (a key in lower case).
    fn starting_with(&self, first: &str) -> Option<&Vec<Phrase>> {
        let bucket = first_bucket(first);
        let maybe = self
            .first_buckets
            .get(bucket / 64)
            .is_some_and(|bits| bits & (1u64 << (bucket % 64)) != 0);
        if maybe {
            self.by_first.get(first)
        } else {
            None
        }
    }

    /// The words of group `group`'s canonical form, in lower case.
    pub fn canonical_words(&self, group: usize) -> &[String] {
        &self.canonical_words[group]
    }

    /// The longest form starting at token `i`, given the tokens' keys (as made with this
    /// matcher's `ignore_punctuation`, case kept) and the same keys in lower case.
    pub fn longest_at<S: AsRef<str>, L: AsRef<str>>(
        &self,
        keys: &[S],
        lowers: &[L],
        i: usize,
    ) -> Option<Match> {
        let first = lowers.get(i)?.as_ref();
        // A possessive on a one-word form: "Pakistan's" looks up "pakistan".
        let stem = strip_possessive_key(first);
        let lists = [
            self.starting_with(first),
            stem.and_then(|s| self.starting_with(s)),
        ];
        // Each list is longest first; across the two, keep the longest hit.
        let mut best: Option<Match> = None;
        for phrase in lists.into_iter().flatten().flatten() {
            if best.is_some_and(|b| phrase.tokens.len() <= b.len) {
                continue;
            }
            if let Some(m) = phrase.match_at(keys, lowers, i) {
                best = Some(m);
            }
        }
        best
    }
}

impl Phrase {
    fn match_at<S: AsRef<str>, L: AsRef<str>>(
        &self,
        keys: &[S],
        lowers: &[L],
        i: usize,
    ) -> Option<Match> {
        let n = self.tokens.len();
        if i + n > keys.len() {
            return None;
        }
        let mut possessive = false;
        for (k, token) in self.tokens.iter().enumerate() {
            let key = keys[i + k].as_ref();
            let lower = lowers[i + k].as_ref();
            let plain = match &token.exact {
                Some(exact) => key == exact,
                None => lower == token.lower,
            };
            if plain {
                continue;
            }
            // Only the last token may carry "'s".
            let owned = k + 1 == n
                && match &token.exact {
                    Some(exact) => strip_possessive_key(key) == Some(exact.as_str()),
                    None => strip_possessive_key(lower) == Some(token.lower.as_str()),
                };
            if !owned {
                return None;
            }
            possessive = true;
        }
        Some(Match {
            len: n,
            group: self.group,
            possessive,
        })
    }
}

/// A key without its possessive "'s" (keys have straight apostrophes).
/// How many buckets [`first_bucket`] sorts keys into.
const FIRST_BUCKETS: usize = 1 << 16;

/// A key's bucket for [`Matcher::starting_with`]: its length, first and last bytes.
fn first_bucket(key: &str) -> usize {
    let bytes = key.as_bytes();
    let (first, last) = (bytes.first().copied(), bytes.last().copied());
    let byte = |b: Option<u8>| usize::from(b.unwrap_or(0) & 0x3f);
    ((bytes.len() & 0xf) << 12) | (byte(first) << 6) | byte(last)
}

fn strip_possessive_key(key: &str) -> Option<&str> {
    key.strip_suffix("'s")
        .or_else(|| key.strip_suffix("'S"))
        .filter(|s| !s.is_empty() && !s.ends_with('\''))
}

/// Whether a key is an acronym: it has a letter and no lower-case letter ("US", "IS", "K").
fn is_acronym(key: &str) -> bool {
    key.chars().any(char::is_alphabetic) && !key.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests;
