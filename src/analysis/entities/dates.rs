//! Dates and numbers: weekdays; month names with a day, a year, "of last year", or after "in",
//! "since" and the like (so "May" the verb and "Theresa May" are not dates); years alone; and
//! tokens with digits (a following "%" included).

use std::ops::Range;

use super::lexicon::{DATE_LEADS, MONTHS, WEEKDAYS, touching};
use super::{EntityKind, Found, Key, SentenceTokens};
use crate::analysis::Tok;
use crate::engine::segment::Span;

/// A day of the month: 1 to 31, digits only.
fn is_day(t: &Tok) -> bool {
    t.key().len() <= 2 && t.key().parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

/// A year: four digits from 1800 to 2199.
fn is_year(t: &Tok) -> bool {
    t.key().len() == 4
        && t.key()
            .parse::<u32>()
            .is_ok_and(|y| (1800..2200).contains(&y))
}

/// The dates and numbers of a sentence not yet taken by a known name; marks their tokens
/// `used`.
pub(super) fn mentions(sentence: &SentenceTokens<'_>, used: &mut [bool]) -> Vec<Found> {
    let tokens = sentence.tokens;
    let mut found = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if used.get(i).is_none_or(|&u| u) || !t.is_word() {
            continue;
        }
        let date = if t.is_capitalised() && WEEKDAYS.contains(&t.lower()) {
            Some(i..i + 1)
        } else if t.is_capitalised() && MONTHS.contains(&t.lower()) {
            month_date(tokens, used, i)
        } else if is_year(t) {
            Some(i..i + 1)
        } else {
            None
        };
        let (range, kind) = match date {
            Some(range) => (range, EntityKind::Date),
            None if t.key().starts_with(|c: char| c.is_ascii_digit()) => {
                let end = match tokens.get(i + 1) {
                    Some(n) if n.key() == "%" && touching(t, n) => i + 2,
                    _ => i + 1,
                };
                (i..end, EntityKind::Number)
            }
            None => continue,
        };
        let (Some(taken), Some(covered)) = (used.get_mut(range.clone()), tokens.get(range.clone()))
        else {
            continue;
        };
        if taken.iter().any(|&u| u) {
            continue;
        }
        taken.fill(true);
        let (Some(first), Some(last)) = (covered.first(), covered.last()) else {
            continue;
        };
        let span = Span::new(first.span().start, last.span().end);
        let key = if kind == EntityKind::Date {
            let words: Vec<&str> = covered
                .iter()
                .filter(|t| t.is_word())
                .map(|t| t.lower())
                .collect();
            Key::Date(words.join(" "))
        } else {
            Key::Number(covered.iter().map(|t| t.key()).collect())
        };
        found.push(Found {
            tokens: range,
            mention: sentence.mention(key, kind, span, Vec::new()),
        });
    }
    found
}

/// A month name at `i` as a date, with its day and year, or `None` when it is not a date.
fn month_date(tokens: &[Tok], used: &[bool], i: usize) -> Option<Range<usize>> {
    let free = |k: usize| k < tokens.len() && !used[k];
    let word = |k: usize| free(k) && tokens[k].is_word();
    let mut start = i;
    let mut end = i + 1;
    let mut dated = false;
    // "5 July"
    if i > 0 && word(i - 1) && is_day(&tokens[i - 1]) {
        start = i - 1;
        dated = true;
    }
    // "July 5", "July 5, 2025", "July 2025"
    if word(end) && is_day(&tokens[end]) {
        end += 1;
        dated = true;
        if free(end) && tokens[end].key() == "," && word(end + 1) && is_year(&tokens[end + 1]) {
            end += 2;
        }
    } else if free(end) && tokens[end].key() == "," && word(end + 1) && is_year(&tokens[end + 1]) {
        end += 2;
        dated = true;
    }
    if word(end) && is_year(&tokens[end]) {
        end += 1;
        dated = true;
    }
    // "May of last year"
    if word(end)
        && tokens[end].lower() == "of"
        && word(end + 1)
        && matches!(tokens[end + 1].lower(), "last" | "this" | "next" | "that")
        && word(end + 2)
        && tokens[end + 2].lower() == "year"
    {
        end += 3;
        dated = true;
    }
    let led = i > 0 && tokens[i - 1].is_word() && DATE_LEADS.contains(&tokens[i - 1].lower());
    // "May" at a sentence start is the verb unless a day or a year says otherwise.
    let ambiguous = tokens[i].lower() == "may" && tokens[i].initial();
    (dated || (led && !ambiguous)).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::test_support::side;

    /// The dates and numbers of a one-sentence text: (form, kind).
    fn found(text: &str) -> Vec<(String, EntityKind)> {
        let side = side(text);
        let mut out = Vec::new();
        for range in &side.sentences {
            let sentence = SentenceTokens {
                side: 0,
                text,
                tokens: &side.tokens[range.clone()],
            };
            let mut used = vec![false; sentence.tokens.len()];
            out.extend(
                mentions(&sentence, &mut used)
                    .into_iter()
                    .map(|f| (f.mention.form, f.mention.kind)),
            );
        }
        out
    }

    fn dates(text: &str) -> Vec<String> {
        found(text)
            .into_iter()
            .filter(|(_, kind)| *kind == EntityKind::Date)
            .map(|(form, _)| form)
            .collect()
    }

    #[test]
    fn month_dates_take_their_day_and_year() {
        // A day before the month is read first, as a number: the date is the rest. (So the
        // "5 July" case of `month_date` only applies to a day no earlier phase took.)
        assert_eq!(
            found("They met on 5 July 2025 in Doha."),
            [
                ("5".to_owned(), EntityKind::Number),
                ("July 2025".to_owned(), EntityKind::Date)
            ]
        );
        assert_eq!(dates("They met on July 5, 2025 in Doha."), ["July 5, 2025"]);
        assert_eq!(dates("They met in July, 2025."), ["July, 2025"]);
        assert_eq!(dates("They met in May of last year."), ["May of last year"]);
    }

    #[test]
    fn a_month_alone_needs_a_leading_word() {
        assert_eq!(dates("Talks resumed in May."), ["May"]);
        assert_eq!(dates("Theresa May spoke."), Vec::<String>::new());
        assert_eq!(dates("May the talks succeed."), Vec::<String>::new());
        assert_eq!(dates("May 2025 was busy."), ["May 2025"]);
        assert_eq!(
            dates("the talks in may"),
            Vec::<String>::new(),
            "lower case"
        );
    }

    #[test]
    fn weekdays_and_years_are_dates_on_their_own() {
        assert_eq!(dates("On Monday, in 2024, they met."), ["Monday", "2024"]);
        assert_eq!(dates("monday"), Vec::<String>::new(), "not capitalised");
        assert_eq!(
            dates("The year 1799 and 2200 are numbers."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn numbers_keep_a_touching_percent_sign() {
        assert_eq!(
            found("Turnout rose 45% to 3,000 voters, not 12 %."),
            [
                ("45%".to_owned(), EntityKind::Number),
                ("3,000".to_owned(), EntityKind::Number),
                ("12".to_owned(), EntityKind::Number),
            ]
        );
    }

    #[test]
    fn used_tokens_are_left_alone() {
        let text = "Talks on 5 July 2025.";
        let side = side(text);
        let sentence = SentenceTokens {
            side: 0,
            text,
            tokens: &side.tokens,
        };
        let mut used = vec![true; sentence.tokens.len()];
        assert!(mentions(&sentence, &mut used).is_empty());
        let mut used = vec![false; sentence.tokens.len()];
        let all = mentions(&sentence, &mut used);
        let ranges: Vec<Range<usize>> = all.iter().map(|f| f.tokens.clone()).collect();
        assert_eq!(ranges, [2..3, 3..5], "the day, then the month and year");
        assert_eq!(used, [false, false, true, true, true, false]);
    }

    #[test]
    fn no_dates_in_empty_or_caseless_text() {
        assert!(found("").is_empty());
        assert!(found("مئی میں ملاقات ہوئی۔").is_empty());
    }
}
