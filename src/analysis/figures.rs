//! Figures compared: the numbers, amounts of money, percentages, dates and durations each side
//! gives, normalised so that one figure written two ways is one ("£26 billion" and "GBP 26bn"
//! are both `GBP 26bn`; "5 July 2025" and "July 5, 2025" are both `5 July 2025`, a date keeps
//! its day), then listed as given by both sides, by one side only, or with different values on
//! two linked sentences ("3%" against "4%").
//!
//! Pure and linear: one pass over each side's tokens, one over the links.
//!
//! Invariants: every mention's span lies inside its sentence; a figure is listed once per
//! normalised value; a difference pairs two figures of one kind on one link, each given by its
//! side only.

use std::collections::HashMap;

use serde::Serialize;

use super::entities::MONTHS;
use super::{SideTokens, Tok, span_pair};
use crate::engine::Comparison;
use crate::engine::segment::Span;

/// What kind of figure a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// An amount of money ("£26 billion").
    Amount,
    /// A percentage ("5%", "5 per cent").
    Percent,
    /// A date ("5 July 2025", "July 2025").
    Date,
    /// A duration ("ten years" is not read; "10 years" is).
    Duration,
    /// A time of day ("11:25").
    Time,
    /// Any other number ("3,000 troops").
    Number,
}

impl FigureKind {
    /// "amount", "percent", "date", "duration" or "number".
    pub fn name(self) -> &'static str {
        match self {
            Self::Amount => "amount",
            Self::Percent => "percent",
            Self::Date => "date",
            Self::Duration => "duration",
            Self::Time => "time",
            Self::Number => "number",
        }
    }
}

/// One place a side gives a figure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The sentence it is in.
    pub sentence: usize,
    /// The words as written ("£26 billion").
    pub text: String,
    /// Where they are.
    #[serde(serialize_with = "span_pair")]
    pub span: Span,
}

/// Which sides give a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigurePresence {
    /// Both sides.
    Both,
    /// The left side only.
    LeftOnly,
    /// The right side only.
    RightOnly,
}

/// One figure, by its normalised value, with where each side gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// What kind of figure.
    pub kind: FigureKind,
    /// Its normalised value: "GBP 26bn", "5%", "5 July 2025", "10 years", "3000".
    pub value: String,
    /// Which sides give it.
    pub presence: FigurePresence,
    /// Where the left side gives it.
    pub left: Vec<Mention>,
    /// Where the right side gives it.
    pub right: Vec<Mention>,
}

impl Figure {
    /// One plain line for a report: "GBP 26bn (amount): only left, “£26 billion” (L3)".
    pub fn summary(&self) -> String {
        let presence = match self.presence {
            FigurePresence::Both => "both",
            FigurePresence::LeftOnly => "only left",
            FigurePresence::RightOnly => "only right",
        };
        let places: Vec<String> = self
            .left
            .iter()
            .map(|m| format!("“{}” (L{})", m.text, m.sentence + 1))
            .chain(
                self.right
                    .iter()
                    .map(|m| format!("“{}” (R{})", m.text, m.sentence + 1)),
            )
            .collect();
        format!(
            "{} ({}): {presence}, {}",
            self.value,
            self.kind.name(),
            places.join(", ")
        )
    }
}

/// Two figures of one kind on a link, each given by its side only: the same point with
/// different values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureDifference {
    /// What kind of figure.
    pub kind: FigureKind,
    /// The left figure's normalised value.
    pub left_value: String,
    /// The right figure's normalised value.
    pub right_value: String,
    /// Where the left side gives it.
    pub left: Mention,
    /// Where the right side gives it.
    pub right: Mention,
}

impl FigureDifference {
    /// One plain line for a report: "L3 ↔ R2 amount differs: left “£26 billion”, right
    /// “£20 billion”".
    pub fn summary(&self) -> String {
        format!(
            "L{} ↔ R{} {} differs: left “{}”, right “{}”",
            self.left.sentence + 1,
            self.right.sentence + 1,
            self.kind.name(),
            self.left.text,
            self.right.text
        )
    }
}

/// The figures of both sides compared.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct FiguresCompared {
    /// Every figure: given by both sides first, then by the left only, then by the right
    /// only; in order of first mention within each group.
    pub figures: Vec<Figure>,
    /// Different values on linked sentences, in link order.
    pub differences: Vec<FigureDifference>,
}

impl FiguresCompared {
    /// The figures one side gives and the other does not.
    pub fn one_sided(&self, presence: FigurePresence) -> impl Iterator<Item = &Figure> {
        self.figures.iter().filter(move |f| f.presence == presence)
    }
}

/// A figure found in one side's text, normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// What kind.
    pub kind: FigureKind,
    /// Normalised value.
    pub value: String,
    /// Where, first token to last.
    pub span: Span,
}

/// Finds and compares the figures of both sides.
pub(super) fn compare(sides: &[SideTokens<'_>; 2], comparison: &Comparison) -> FiguresCompared {
    let found = [find_side(&sides[0]), find_side(&sides[1])];
    let mut by_value: HashMap<(FigureKind, &str), usize> = HashMap::new();
    let mut figures: Vec<Figure> = Vec::new();
    for (side, mentions) in found.iter().enumerate() {
        for (sentence, f) in mentions {
            let text = sides[side]
                .text
                .get(f.span.range())
                .map(super::one_line)
                .unwrap_or_default();
            let mention = Mention {
                sentence: *sentence,
                text,
                span: f.span,
            };
            let index = *by_value
                .entry((f.kind, f.value.as_str()))
                .or_insert_with(|| {
                    figures.push(Figure {
                        kind: f.kind,
                        value: f.value.clone(),
                        presence: FigurePresence::Both,
                        left: Vec::new(),
                        right: Vec::new(),
                    });
                    figures.len() - 1
                });
            if let Some(figure) = figures.get_mut(index) {
                if side == 0 {
                    figure.left.push(mention);
                } else {
                    figure.right.push(mention);
                }
            }
        }
    }
    for figure in &mut figures {
        figure.presence = match (figure.left.is_empty(), figure.right.is_empty()) {
            (false, false) => FigurePresence::Both,
            (false, true) => FigurePresence::LeftOnly,
            _ => FigurePresence::RightOnly,
        };
    }
    let rank = |p: FigurePresence| match p {
        FigurePresence::Both => 0,
        FigurePresence::LeftOnly => 1,
        FigurePresence::RightOnly => 2,
    };
    figures.sort_by_key(|f| rank(f.presence));

    let differences = differences(&figures, comparison);
    FiguresCompared {
        figures,
        differences,
    }
}

/// Figures of one kind that each side of a link gives and the other does not: one value
/// against another on two linked sentences, paired in order of appearance.
fn differences(figures: &[Figure], comparison: &Comparison) -> Vec<FigureDifference> {
    // Per side and sentence, the one-sided figures there (index into `figures`).
    let mut one_sided: [HashMap<usize, Vec<usize>>; 2] = [HashMap::new(), HashMap::new()];
    for (index, figure) in figures.iter().enumerate() {
        let (slot, mentions) = match figure.presence {
            FigurePresence::Both => continue,
            FigurePresence::LeftOnly => (0, &figure.left),
            FigurePresence::RightOnly => (1, &figure.right),
        };
        for mention in mentions {
            let list = one_sided[slot].entry(mention.sentence).or_default();
            if !list.contains(&index) {
                list.push(index);
            }
        }
    }
    let mut differences = Vec::new();
    if one_sided[0].is_empty() || one_sided[1].is_empty() {
        return differences;
    }
    let mention =
        |list: &[Mention], sentence: usize| list.iter().find(|m| m.sentence == sentence).cloned();
    for link in &comparison.links {
        let (Some(left), Some(right)) =
            (one_sided[0].get(&link.left), one_sided[1].get(&link.right))
        else {
            continue;
        };
        let mut used = Vec::new();
        for &l in left {
            let Some(lf) = figures.get(l) else { continue };
            let partner = right.iter().copied().find(|&r| {
                !used.contains(&r) && figures.get(r).is_some_and(|rf| rf.kind == lf.kind)
            });
            let Some(r) = partner else { continue };
            used.push(r);
            let Some(rf) = figures.get(r) else { continue };
            if let (Some(lm), Some(rm)) =
                (mention(&lf.left, link.left), mention(&rf.right, link.right))
            {
                differences.push(FigureDifference {
                    kind: lf.kind,
                    left_value: lf.value.clone(),
                    right_value: rf.value.clone(),
                    left: lm,
                    right: rm,
                });
            }
        }
    }
    differences
}

/// Every figure of one side, with its sentence, in text order.
fn find_side(side: &SideTokens<'_>) -> Vec<(usize, Found)> {
    let mut out = Vec::new();
    for (sentence, range) in side.sentences.iter().enumerate() {
        let Some(tokens) = side.tokens.get(range.clone()) else {
            continue;
        };
        for found in find_in(tokens) {
            out.push((sentence, found));
        }
    }
    out
}

/// Currency symbols and codes, and the code each stands for.
const CURRENCIES: &[(&str, &str)] = &[
    ("£", "GBP"),
    ("$", "USD"),
    ("us$", "USD"),
    ("€", "EUR"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₨", "PKR"),
    ("gbp", "GBP"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("jpy", "JPY"),
    ("cny", "CNY"),
    ("rmb", "CNY"),
    ("inr", "INR"),
    ("pkr", "PKR"),
    ("rs", "PKR"),
    ("cad", "CAD"),
    ("aud", "AUD"),
    ("chf", "CHF"),
];

/// Currency words after a figure ("26 billion pounds").
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("sterling", "GBP"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("rupees", "PKR"),
];

/// Scale words and suffixes, as powers of a thousand: ("million", 2).
const SCALES: &[(&str, u32)] = &[
    ("thousand", 1),
    ("k", 1),
    ("million", 2),
    ("millions", 2),
    ("m", 2),
    ("mn", 2),
    ("mln", 2),
    ("billion", 3),
    ("billions", 3),
    ("bn", 3),
    ("b", 3),
    ("trillion", 4),
    ("tn", 4),
];

/// Units of a duration, by their singular.
const DURATIONS: &[(&str, &str)] = &[
    ("year", "years"),
    ("years", "years"),
    ("month", "months"),
    ("months", "months"),
    ("week", "weeks"),
    ("weeks", "weeks"),
    ("day", "days"),
    ("days", "days"),
    ("hour", "hours"),
    ("hours", "hours"),
    ("minute", "minutes"),
    ("minutes", "minutes"),
    ("decade", "decades"),
    ("decades", "decades"),
];

/// The figures among a sentence's tokens, in order.
pub(super) fn find_in(tokens: &[Tok]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match figure_at(tokens, i) {
            Some((found, next)) => {
                out.push(found);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// The next word token at or after `i` (skipping nothing but hyphens), and its index.
fn word_at(tokens: &[Tok], i: usize) -> Option<(usize, &Tok)> {
    let t = tokens.get(i)?;
    if t.is_word {
        return Some((i, t));
    }
    if t.key == "-" {
        let next = tokens.get(i + 1)?;
        return next.is_word.then_some((i + 1, next));
    }
    None
}

/// A number's value and its scale suffix if written in one word ("26bn": 26, Some(3);
/// "3,000": 3000; "5th": 5).
fn parse_number(word: &str) -> Option<(f64, Option<u32>)> {
    if !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits_end = word
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(word.len());
    let (digits, suffix) = word.split_at(digits_end);
    let digits = digits.trim_end_matches(['.', ',']);
    // "1,000": a thousands separator, "1.5": a decimal point.
    let value: f64 = digits.replace(',', "").parse().ok()?;
    let suffix = suffix.to_lowercase();
    if suffix.is_empty() {
        return Some((value, None));
    }
    if matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
        return Some((value, None));
    }
    let scale = SCALES.iter().find(|(s, _)| *s == suffix).map(|(_, p)| *p)?;
    Some((value, Some(scale)))
}

/// The month's number (1 for January), if `lower` is a month's name.
fn month_of(lower: &str) -> Option<usize> {
    MONTHS.iter().position(|m| *m == lower).map(|p| p + 1)
}

/// The figure starting at token `i`, if any, and the index after it.
fn figure_at(tokens: &[Tok], i: usize) -> Option<(Found, usize)> {
    let t = tokens.get(i)?;
    // A figure opens with a number, a currency or a month: most tokens stop here.
    let digit = t.key.starts_with(|c: char| c.is_ascii_digit());
    if !digit && !t.is_capitalised() && currency_code(t).is_none() {
        return None;
    }
    if t.is_word
        && t.is_capitalised()
        && let Some(month) = month_of(&t.lower)
    {
        return month_date_at(tokens, i, month);
    }
    let (mut currency, at) = currency_before(tokens, i);
    let number = tokens.get(at).filter(|n| n.is_word)?;
    if currency.is_none()
        && let Some(time) = time_at(tokens, at, number)
    {
        return Some(time);
    }
    let (value, mut scale) = parse_number(&number.key)?;
    let start = if currency.is_none() { at } else { i };
    let mut end = at;
    // A list marker opening a sentence ("1." or "2)") is no figure.
    if currency.is_none()
        && number.initial
        && tokens
            .get(at + 1)
            .is_some_and(|n| matches!(n.key.as_str(), "." | ")"))
    {
        return None;
    }
    if currency.is_none()
        && scale.is_none()
        && let Some(date) = day_date_at(tokens, at, value)
    {
        return Some(date);
    }
    // A scale word after the number: "26 billion".
    if scale.is_none()
        && let Some((n, word)) = word_at(tokens, at + 1)
        && let Some((_, power)) = SCALES.iter().find(|(s, _)| *s == word.lower && s.len() > 2)
    {
        scale = Some(*power);
        end = n;
    }
    // A currency word after: "26 billion pounds".
    if currency.is_none()
        && let Some((n, word)) = word_at(tokens, end + 1)
        && let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == word.lower)
    {
        currency = Some(code);
        end = n;
    }
    if let Some(code) = currency {
        let value = format!("{code} {}", amount(value, scale));
        return found(tokens, FigureKind::Amount, value, start, end);
    }
    if let Some(unit) = unit_after(tokens, start, end, value, scale) {
        return Some(unit);
    }
    found(tokens, FigureKind::Number, amount(value, scale), start, end)
}

/// A figure of `kind` and `value` over tokens `from..=to`, and the token after it.
fn found(
    tokens: &[Tok],
    kind: FigureKind,
    value: String,
    from: usize,
    to: usize,
) -> Option<(Found, usize)> {
    let first = tokens.get(from)?;
    let last = tokens.get(to)?;
    let span = Span::new(first.span.start, last.span.end);
    Some((Found { kind, value, span }, to + 1))
}

/// A date opening with its month at token `i`: "July 5, 2025", "July 5", "July 2025".
fn month_date_at(tokens: &[Tok], i: usize, month: usize) -> Option<(Found, usize)> {
    let (n, next) = word_at(tokens, i + 1)?;
    let (value, _) = parse_number(&next.key)?;
    if is_year(value, &next.key) {
        let date = format!("{} {}", month_name(month), value as u32);
        return found(tokens, FigureKind::Date, date, i, n);
    }
    if !(1.0..=31.0).contains(&value) || value.fract() != 0.0 {
        return None;
    }
    // ", 2025" after the day.
    let comma = tokens.get(n + 1).is_some_and(|c| c.key == ",");
    let at = if comma { n + 2 } else { n + 1 };
    if let Some(year) = tokens.get(at).filter(|y| y.is_word)
        && let Some((y, _)) = parse_number(&year.key)
        && is_year(y, &year.key)
    {
        let date = format!("{} {} {}", value as u32, month_name(month), y as u32);
        return found(tokens, FigureKind::Date, date, i, at);
    }
    let date = format!("{} {}", value as u32, month_name(month));
    found(tokens, FigureKind::Date, date, i, n)
}

/// A currency before the number at token `i` ("£26", "US$ 5", "GBP 26bn", "Rs. 500"): its
/// code, and the token where the number should be (`i` when there is none).
fn currency_before(tokens: &[Tok], i: usize) -> (Option<&'static str>, usize) {
    let Some(code) = tokens.get(i).and_then(currency_code) else {
        return (None, i);
    };
    let mut currency = code;
    let mut at = i + 1;
    // "Rs." and "US $".
    while tokens
        .get(at)
        .is_some_and(|n| !n.is_word && n.key != "-" && currency_code(n).is_none() && n.key == ".")
    {
        at += 1;
    }
    if let Some(n) = tokens.get(at)
        && !n.is_word
        && let Some(code) = currency_code(n)
    {
        currency = code;
        at += 1;
    }
    (Some(currency), at)
}

/// A time of day at token `at`: "11:25" (one token, or three).
fn time_at(tokens: &[Tok], at: usize, number: &Tok) -> Option<(Found, usize)> {
    let (hours, minutes) = number.key.split_once(':').or_else(|| {
        tokens.get(at + 1).filter(|c| c.key == ":")?;
        let minutes = tokens.get(at + 2).filter(|m| m.is_word)?;
        Some((number.key.as_str(), minutes.key.as_str()))
    })?;
    let digits = hours
        .chars()
        .chain(minutes.chars())
        .all(|c| c.is_ascii_digit());
    if hours.len() > 2 || minutes.len() != 2 || !digits {
        return None;
    }
    let last = if number.key.contains(':') { at } else { at + 2 };
    found(
        tokens,
        FigureKind::Time,
        format!("{hours}:{minutes}"),
        at,
        last,
    )
}

/// A date opening with its day `value` at token `at`: "5 July 2025", "5 July".
fn day_date_at(tokens: &[Tok], at: usize, value: f64) -> Option<(Found, usize)> {
    if !(1.0..=31.0).contains(&value) || value.fract() != 0.0 {
        return None;
    }
    let month_tok = tokens.get(at + 1).filter(|m| m.is_word)?;
    let month = month_of(&month_tok.lower)?;
    let mut last = at + 1;
    let mut date = format!("{} {}", value as u32, month_name(month));
    if let Some(year) = tokens.get(at + 2).filter(|y| y.is_word)
        && let Some((y, _)) = parse_number(&year.key)
        && is_year(y, &year.key)
    {
        last = at + 2;
        date.push_str(&format!(" {}", y as u32));
    }
    found(tokens, FigureKind::Date, date, at, last)
}

/// A percentage ("5%", "5 per cent", "5 percent") or a duration ("10 years") made of the
/// number over tokens `start..=end` and what follows it.
fn unit_after(
    tokens: &[Tok],
    start: usize,
    end: usize,
    value: f64,
    scale: Option<u32>,
) -> Option<(Found, usize)> {
    if tokens.get(end + 1).is_some_and(|sign| sign.key == "%") {
        let value = format!("{}%", amount(value, scale));
        return found(tokens, FigureKind::Percent, value, start, end + 1);
    }
    let (n, word) = word_at(tokens, end + 1)?;
    let percent = match word.lower.as_str() {
        "percent" => Some(n),
        "per" => word_at(tokens, n + 1)
            .filter(|(_, c)| c.lower == "cent")
            .map(|(c, _)| c),
        _ => None,
    };
    if let Some(last) = percent {
        let value = format!("{}%", amount(value, scale));
        return found(tokens, FigureKind::Percent, value, start, last);
    }
    // A duration: "10 years", "10-year".
    if scale.is_none()
        && let Some((_, unit)) = DURATIONS.iter().find(|(u, _)| *u == word.lower)
    {
        let unit = if value == 1.0 {
            unit.trim_end_matches('s')
        } else {
            unit
        };
        let value = format!("{} {unit}", amount(value, None));
        return found(tokens, FigureKind::Duration, value, start, n);
    }
    None
}

/// The currency code a token stands for ("£": GBP), if any.
fn currency_code(t: &Tok) -> Option<&'static str> {
    // Every symbol and code is at most three bytes: most tokens stop here.
    if t.key.len() > 3 {
        return None;
    }
    let lower = t.lower.as_str();
    // A code is written in capitals ("GBP"), a symbol is not a word.
    if t.is_word && !(t.key.chars().all(|c| c.is_uppercase()) || lower == "rs" || lower == "us") {
        return None;
    }
    CURRENCIES
        .iter()
        .find(|(s, _)| *s == lower)
        .map(|(_, code)| *code)
}

/// Whether a number is written as a year (four digits, 1800 to 2199).
fn is_year(value: f64, word: &str) -> bool {
    word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) && (1800.0..2200.0).contains(&value)
}

/// "July" for 7.
fn month_name(month: usize) -> String {
    let name = MONTHS.get(month.saturating_sub(1)).copied().unwrap_or("");
    let mut chars = name.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A value with its scale in the shortest usual form: "26bn" for 26 billion, "1.5m",
/// "3000", "2.5".
fn amount(value: f64, scale: Option<u32>) -> String {
    let mut total = value * 1000f64.powi(scale.unwrap_or(0) as i32);
    let mut suffix = "";
    for (power, name) in [(4, "tn"), (3, "bn"), (2, "m")] {
        let unit = 1000f64.powi(power);
        if total >= unit {
            total /= unit;
            suffix = name;
            break;
        }
    }
    let mut digits = format!("{total:.3}");
    if digits.contains('.') {
        digits = digits
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned();
    }
    format!("{digits}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::SideTokens;
    use crate::engine::segment::Sentence;

    /// The normalised figures of one sentence.
    fn values(text: &str) -> Vec<(FigureKind, String, String)> {
        let sentence = Sentence {
            span: Span::new(0, text.len()),
            content: Span::new(0, text.len()),
            ends_paragraph: true,
        };
        let side = SideTokens::new(text, std::slice::from_ref(&sentence));
        find_side(&side)
            .into_iter()
            .map(|(_, f)| (f.kind, f.value, text[f.span.range()].to_owned()))
            .collect()
    }

    fn one(text: &str) -> (FigureKind, String) {
        let found = values(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let (kind, value, _) = found.into_iter().next().expect("one");
        (kind, value)
    }

    #[test]
    fn amounts_in_symbols_codes_and_words_are_one_value() {
        let gbp = (FigureKind::Amount, "GBP 26bn".to_owned());
        assert_eq!(one("A deal worth £26 billion was signed."), gbp);
        assert_eq!(one("A deal worth GBP 26bn was signed."), gbp);
        assert_eq!(one("A deal worth £26bn was signed."), gbp);
        assert_eq!(one("A deal worth 26 billion pounds was signed."), gbp);
        assert_eq!(one("A deal worth £26,000 million was signed."), gbp);
        assert_eq!(
            one("It gave $1.5 million in aid."),
            (FigureKind::Amount, "USD 1.5m".to_owned())
        );
    }

    #[test]
    fn dates_keep_their_day() {
        let day = (FigureKind::Date, "5 July 2025".to_owned());
        assert_eq!(one("They met on 5 July 2025 in London."), day);
        assert_eq!(one("They met on July 5, 2025 in London."), day);
        assert_eq!(
            one("They met in July 2025 in London."),
            (FigureKind::Date, "July 2025".to_owned())
        );
        assert_ne!(one("They met on 6 July 2025.").1, day.1);
    }

    #[test]
    fn percentages_durations_and_numbers() {
        let five = (FigureKind::Percent, "5%".to_owned());
        assert_eq!(one("Trade grew by 5% last year."), five);
        assert_eq!(one("Trade grew by 5 per cent last year."), five);
        assert_eq!(one("Trade grew by 5 percent last year."), five);
        assert_eq!(
            one("A 10-year partnership was agreed."),
            (FigureKind::Duration, "10 years".to_owned())
        );
        let found: Vec<(FigureKind, String)> = values("They met at 11:25 for 45 minutes.")
            .into_iter()
            .map(|(kind, value, _)| (kind, value))
            .collect();
        assert_eq!(
            found,
            [
                (FigureKind::Time, "11:25".to_owned()),
                (FigureKind::Duration, "45 minutes".to_owned())
            ]
        );
        assert_eq!(
            one("They sent 3,000 troops."),
            (FigureKind::Number, "3000".to_owned())
        );
    }

    #[test]
    fn a_list_marker_is_no_figure() {
        assert!(values("1. Introduction of the plan.").is_empty());
    }
}
