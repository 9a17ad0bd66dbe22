//! Wording strength: in each paired row, the strongest word of each kind on each side
//! ("agreed" on the left, "discussed" on the right), compared by grade.

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use serde::Serialize;

use super::{SideTokens, Tok, span_pair};
use crate::engine::segment::Span;
use crate::engine::{Comparison, RowKind, TableError, token_key};

/// The built-in lexicon's text.
pub const BUILTIN: &str = include_str!("../../assets/strength.txt");

/// Which side words a thing more strongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stronger {
    /// The left side.
    Left,
    /// The right side.
    Right,
}

/// A paired row whose two sides use different grades of one kind of word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StrengthDifference {
    /// Index of the row in the comparison's rows.
    pub row: usize,
    /// The left side's word, as written.
    pub left: String,
    /// The right side's word, as written.
    pub right: String,
    /// Which side is stronger.
    pub stronger: Stronger,
    /// The kind of word ("agreement", "modality", ...).
    pub kind: String,
    /// Where the left word is.
    #[serde(serialize_with = "span_pair")]
    pub left_span: Span,
    /// Where the right word is.
    #[serde(serialize_with = "span_pair")]
    pub right_span: Span,
}

/// One form of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Form {
    /// Its words in lower case.
    words: Vec<String>,
    /// Index of its kind in `kinds`.
    kind: usize,
    /// Its grade (higher is stronger).
    grade: u32,
}

/// A lexicon of graded words: `kind grade: form | form` per line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StrengthLexicon {
    kinds: Vec<String>,
    forms: Vec<Form>,
    /// Forms by first word, longest first.
    by_first: HashMap<String, Vec<usize>>,
}

impl StrengthLexicon {
    /// The built-in lexicon (`assets/strength.txt`).
    pub fn builtin() -> Self {
        Self::builtin_ref().clone()
    }

    /// The built-in lexicon, parsed once.
    pub fn builtin_ref() -> &'static Self {
        static LEXICON: OnceLock<StrengthLexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            // The built-in lexicon is checked by a unit test; an error here is a bug.
            Self::parse(BUILTIN).unwrap_or_else(|e| panic!("assets/strength.txt: {e}"))
        })
    }

    /// Reads a lexicon: one grade per line, `kind grade: form | form | ...`, a higher grade
    /// stronger; everything after `#` is a comment.
    pub fn parse(text: &str) -> Result<Self, TableError> {
        let mut lexicon = Self::default();
        let mut seen: HashMap<Vec<String>, usize> = HashMap::default();
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            let body = raw.split('#').next().unwrap_or("").trim();
            if body.is_empty() {
                continue;
            }
            let Some((head, forms)) = body.split_once(':') else {
                return Err(TableError::new(
                    line,
                    "expected \"kind grade: form | form\" (no \":\")",
                ));
            };
            let mut head = head.split_whitespace();
            let (Some(kind), Some(grade), None) = (head.next(), head.next(), head.next()) else {
                return Err(TableError::new(
                    line,
                    "expected a kind and a grade before \":\", as in \"agreement 3:\"",
                ));
            };
            let Ok(grade) = grade.parse::<u32>() else {
                return Err(TableError::new(
                    line,
                    format!("the grade \"{grade}\" is not a whole number"),
                ));
            };
            let kind_index = match lexicon.kinds.iter().position(|k| k == kind) {
                Some(i) => i,
                None => {
                    lexicon.kinds.push(kind.to_owned());
                    lexicon.kinds.len() - 1
                }
            };
            for (n, form) in forms.split('|').enumerate() {
                let form = form.trim();
                let words = words_of(form);
                if words.is_empty() {
                    return Err(TableError::new(line, format!("form {} has no word", n + 1)));
                }
                if let Some(&other) = seen.get(&words) {
                    return Err(TableError::new(
                        line,
                        format!("\"{form}\" is already listed on line {other}"),
                    ));
                }
                seen.insert(words.clone(), line);
                lexicon.forms.push(Form {
                    words,
                    kind: kind_index,
                    grade,
                });
            }
        }
        for (i, form) in lexicon.forms.iter().enumerate() {
            lexicon
                .by_first
                .entry(form.words[0].clone())
                .or_default()
                .push(i);
        }
        let forms = &lexicon.forms;
        for list in lexicon.by_first.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(forms[i].words.len()));
        }
        Ok(lexicon)
    }

    /// The kinds, in the order the lexicon lists them (a kind's index is its place here).
    pub fn kinds(&self) -> &[String] {
        &self.kinds
    }

    /// The kind and grade of `phrase` (matched as in a text), if the lexicon has it.
    pub fn grade_of(&self, phrase: &str) -> Option<(&str, u32)> {
        let words = words_of(phrase);
        self.forms
            .iter()
            .find(|f| f.words == words)
            .map(|f| (self.kinds[f.kind].as_str(), f.grade))
    }

    /// The kind index, grade and length in words of the longest form starting at word `i` of
    /// `words` (lower-case keys).
    pub(super) fn match_at(&self, words: &[&str], i: usize) -> Option<(usize, u32, usize)> {
        self.longest_at(words, i)
            .map(|form| (form.kind, form.grade, form.words.len()))
    }

    /// [`match_at`](Self::match_at) among the forms of the kinds `kinds` only: a form of
    /// another kind does not hide them ("talked" inside the opener form "talked to").
    pub(super) fn match_at_kinds(
        &self,
        words: &[&str],
        i: usize,
        kinds: &[usize],
    ) -> Option<(usize, u32, usize)> {
        let first = words.get(i)?;
        self.by_first.get(*first)?.iter().find_map(|&f| {
            let form = self.forms.get(f)?;
            let n = form.words.len();
            (kinds.contains(&form.kind)
                && words
                    .get(i..i + n)
                    .is_some_and(|run| form.words.iter().zip(run).all(|(a, b)| a == b)))
            .then_some((form.kind, form.grade, n))
        })
    }

    /// The index of the kind named `name`, if the lexicon has it.
    pub(super) fn kind_index(&self, name: &str) -> Option<usize> {
        self.kinds.iter().position(|k| k == name)
    }

    /// The longest form starting at word `i` of `words` (lower-case keys).
    fn longest_at(&self, words: &[&str], i: usize) -> Option<&Form> {
        self.by_first.get(words[i])?.iter().find_map(|&f| {
            let form = &self.forms[f];
            let n = form.words.len();
            (i + n <= words.len() && form.words.iter().zip(&words[i..i + n]).all(|(a, b)| a == b))
                .then_some(form)
        })
    }
}

/// The words of a form, in lower case.
fn words_of(form: &str) -> Vec<String> {
    let mut raw = Vec::new();
    crate::engine::segment::tokens(form, Span::new(0, form.len()), &mut raw);
    raw.iter()
        .filter(|t| t.is_word())
        .filter_map(|t| token_key(&form[t.span().range()], true, false))
        .collect()
}

/// Words after which a lexicon word is not counted: a denial, or a determiner that makes it a
/// noun or an adjective.
const NOT_AFTER: &[&str] = &[
    "not",
    "never",
    "no",
    "the",
    "a",
    "an",
    "its",
    "their",
    "our",
    "his",
    "her",
    "political",
    "good",
];

/// One use of a lexicon word in a row side.
#[derive(Debug, Clone, Copy)]
pub(super) struct Use {
    /// Index of its kind in the lexicon's kinds.
    pub(super) kind: usize,
    /// Its grade (higher is stronger).
    pub(super) grade: u32,
    /// Where it is.
    pub(super) span: Span,
}

/// The strongest use of each kind among the sentences `sentences` of a side (indexes out of
/// range are skipped).
pub(super) fn strongest(
    side: &SideTokens<'_>,
    sentences: impl IntoIterator<Item = usize>,
    lexicon: &StrengthLexicon,
) -> Vec<Option<Use>> {
    let mut best: Vec<Option<Use>> = vec![None; lexicon.kinds.len()];
    for s in sentences {
        let Some(tokens) = side
            .sentences
            .get(s)
            .and_then(|range| side.tokens.get(range.clone()))
        else {
            continue;
        };
        let words: Vec<&Tok> = tokens.iter().filter(|t| t.is_word()).collect();
        let lowers: Vec<&str> = words.iter().map(|t| t.lower()).collect();
        let mut i = 0;
        while i < words.len() {
            let Some(form) = lexicon.longest_at(&lowers, i) else {
                i += 1;
                continue;
            };
            let n = form.words.len();
            let named = words[i].is_capitalised() && !words[i].initial();
            let blocked = i > 0 && NOT_AFTER.contains(&lowers[i - 1]);
            if !named && !blocked {
                let found = Use {
                    kind: form.kind,
                    grade: form.grade,
                    span: Span::new(words[i].span().start, words[i + n - 1].span().end),
                };
                let slot = &mut best[form.kind];
                if slot.is_none_or(|b| found.grade > b.grade) {
                    *slot = Some(found);
                }
            }
            i += n;
        }
    }
    best
}

/// The strength differences of every paired row.
pub(super) fn find(
    sides: &[SideTokens<'_>; 2],
    comparison: &Comparison,
    lexicon: &StrengthLexicon,
) -> Vec<StrengthDifference> {
    let mut out = Vec::new();
    for (index, row) in comparison.rows.iter().enumerate() {
        if !matches!(row.kind, RowKind::Identical | RowKind::Modified) {
            continue;
        }
        let (Some(&l0), Some(&l1), Some(&r0), Some(&r1)) = (
            row.left.first(),
            row.left.last(),
            row.right.first(),
            row.right.last(),
        ) else {
            continue;
        };
        if same_words(sides, l0..l1 + 1, r0..r1 + 1) {
            continue;
        }
        let left = strongest(&sides[0], l0..l1 + 1, lexicon);
        let right = strongest(&sides[1], r0..r1 + 1, lexicon);
        for (l, r) in left.into_iter().zip(right) {
            let (Some(l), Some(r)) = (l, r) else { continue };
            if l.grade == r.grade {
                continue;
            }
            out.push(StrengthDifference {
                row: index,
                left: super::one_line(&sides[0].text[l.span.range()]),
                right: super::one_line(&sides[1].text[r.span.range()]),
                stronger: if l.grade > r.grade {
                    Stronger::Left
                } else {
                    Stronger::Right
                },
                kind: lexicon.kinds[l.kind].clone(),
                left_span: l.span,
                right_span: r.span,
            });
        }
    }
    out
}

/// Whether left sentences `left` and right sentences `right` are the same sentences, word for
/// word from the first to the last: their strongest words are then the same (most rows of a
/// long text and its edit), and are not looked up.
fn same_words<'a>(sides: &[SideTokens<'a>; 2], left: Range<usize>, right: Range<usize>) -> bool {
    left.len() == right.len()
        && left.zip(right).all(|(l, r)| {
            let extent = |side: &SideTokens<'a>, s: usize| -> Option<&'a str> {
                side.sentences.get(s).map(|range| side.extent(range).2)
            };
            matches!((extent(&sides[0], l), extent(&sides[1], r)), (Some(a), Some(b)) if a == b)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_and_grades() {
        let lexicon = StrengthLexicon::parse(BUILTIN).expect("built-in lexicon");
        let grade = |w: &str| lexicon.grade_of(w).unwrap_or_else(|| panic!("{w}"));
        assert!(grade("noted").1 < grade("welcomed").1);
        assert!(grade("welcomed").1 < grade("reaffirmed").1);
        assert_eq!(grade("affirmed"), grade("reaffirmed"));
        assert!(grade("discussed").1 < grade("explored").1);
        assert!(grade("explored").1 < grade("agreed").1);
        assert!(grade("expressed concern").1 < grade("deplored").1);
        assert!(grade("deplored").1 < grade("condemned").1);
        assert!(grade("may").1 < grade("should").1);
        assert!(grade("should").1 < grade("will").1);
        assert!(grade("will").1 < grade("must").1);
        assert!(grade("acknowledged").1 < grade("appreciated").1);
        assert!(grade("appreciated").1 < grade("applauded").1);
        assert_eq!(grade("lauded"), grade("applauded"));
        assert!(grade("applauded").1 < grade("praised").1);
        assert!(grade("mentioned").1 < grade("stressed").1);
        assert_eq!(grade("Emphasized"), grade("underscored"));
        assert_eq!(grade("agreed").0, "agreement");
        assert_eq!(lexicon.grade_of("said"), None);
    }

    #[test]
    fn parse_errors_name_the_line() {
        let err = StrengthLexicon::parse("# c\nagreement 1 discussed\n").expect_err("no colon");
        assert_eq!(err.line, 2);
        let err = StrengthLexicon::parse("agreement one: discussed\n").expect_err("grade");
        assert_eq!((err.line, err.message.contains("\"one\"")), (1, true));
        let err = StrengthLexicon::parse("agreement: discussed\n").expect_err("no grade");
        assert_eq!(err.line, 1);
        let err = StrengthLexicon::parse("a 1: x | y\nb 2: X\n").expect_err("twice");
        assert_eq!(err.line, 2);
        assert!(err.message.contains("line 1"), "{err}");
        let err = StrengthLexicon::parse("a 1: x | | y\n").expect_err("empty form");
        assert_eq!(err.to_string(), "line 1: form 2 has no word");
    }
}
