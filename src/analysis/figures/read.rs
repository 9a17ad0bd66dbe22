//! Reading figures in a side's tokens: numbers, amounts with their currency and scale,
//! percentages, dates, times of day and durations, each normalised to one value.

use rustc_hash::FxHashMap;

use super::super::entities::MONTHS;
use super::super::{SideTokens, Tok};
use super::{FigureKind, Found};
use crate::engine::segment::Span;

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

/// Every figure of one side, with its sentence, in text order. The figures of a sentence
/// depend on its words alone: a repeated sentence (a long text's boilerplate) takes its
/// first's, moved to its place, instead of reading them again.
pub(super) fn find_side(side: &SideTokens<'_>) -> Vec<(usize, Found)> {
    let mut out: Vec<(usize, Found)> = Vec::new();
    // Per distinct sentence: its figures in `out` and where its words start.
    let mut first_of: FxHashMap<&str, (std::ops::Range<usize>, usize)> = FxHashMap::default();
    for (sentence, range) in side.sentences.iter().enumerate() {
        if side.tokens.get(range.clone()).is_none() {
            continue;
        }
        let (tokens, extent, content) = side.extent(range);
        if let Some((found, start)) = first_of.get(content).cloned() {
            let at = out.len();
            out.extend_from_within(found);
            for (n, f) in &mut out[at..] {
                *n = sentence;
                f.span = Span::new(
                    f.span.start - start + extent.start,
                    f.span.end - start + extent.start,
                );
            }
            continue;
        }
        let at = out.len();
        out.extend(find_in(tokens).into_iter().map(|found| (sentence, found)));
        if !content.is_empty() {
            first_of.insert(content, (at..out.len(), extent.start));
        }
    }
    out
}

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
    if t.is_word() {
        return Some((i, t));
    }
    if t.key() == "-" {
        let next = tokens.get(i + 1)?;
        return next.is_word().then_some((i + 1, next));
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
    let digit = t.key().starts_with(|c: char| c.is_ascii_digit());
    if !digit && !t.is_capitalised() && currency_code(t).is_none() {
        return None;
    }
    if t.is_word()
        && t.is_capitalised()
        && let Some(month) = month_of(t.lower())
    {
        return month_date_at(tokens, i, month);
    }
    let (mut currency, at) = currency_before(tokens, i);
    let number = tokens.get(at).filter(|n| n.is_word())?;
    if currency.is_none()
        && let Some(time) = time_at(tokens, at, number)
    {
        return Some(time);
    }
    let (value, mut scale) = parse_number(number.key())?;
    let start = if currency.is_none() { at } else { i };
    let mut end = at;
    // A list marker opening a sentence ("1.", "2)" or "(3)") is no figure.
    // `tokens` are one sentence's: "(" as its first token opens a marker.
    let opens = number.initial() || (at == 1 && tokens.first().is_some_and(|p| p.key() == "("));
    if currency.is_none()
        && opens
        && tokens
            .get(at + 1)
            .is_some_and(|n| matches!(n.key(), "." | ")"))
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
        && let Some((_, power)) = SCALES
            .iter()
            .find(|(s, _)| *s == word.lower() && s.len() > 2)
    {
        scale = Some(*power);
        end = n;
    }
    // A currency word after: "26 billion pounds".
    if currency.is_none()
        && let Some((n, word)) = word_at(tokens, end + 1)
        && let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == word.lower())
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
    if scale.is_none() && in_name(tokens, start, end) {
        return None;
    }
    found(tokens, FigureKind::Number, amount(value, scale), start, end)
}

/// Whether a bare number over tokens `start..=end` is part of a name or a marker, not a
/// figure: joined to a word by a hyphen ("COVID-19", "F-35"), after an acronym ("COP 26", "G
/// 7"), before a capitalised word that is no month ("4 Wing Cold Lake", "10 Downing Street"),
/// or an enumeration in brackets ("(2)").
fn in_name(tokens: &[Tok], start: usize, end: usize) -> bool {
    let before = |k: usize| start.checked_sub(k).and_then(|i| tokens.get(i));
    let touching = |a: &Tok, b: &Tok| a.span().end == b.span().start;
    let number = tokens.get(start);
    let hyphenated = match (before(2), before(1), number) {
        (Some(word), Some(hyphen), Some(n)) => {
            hyphen.key() == "-"
                && word.is_word()
                && !word.key().starts_with(|c: char| c.is_ascii_digit())
                && touching(word, hyphen)
                && touching(hyphen, n)
        }
        _ => false,
    };
    let after_acronym = before(1).is_some_and(|w| {
        w.is_word()
            && w.key().chars().count() >= 2
            && w.key().chars().all(|c| c.is_uppercase())
            && currency_code(w).is_none()
    });
    let before_name = tokens.get(end + 1).is_some_and(|w| {
        w.is_word() && w.is_capitalised() && !w.initial() && month_of(w.lower()).is_none()
    });
    // An enumeration inside a sentence: "(1) … (2) …".
    let enumerated = start == end
        && matches!((before(1), number, tokens.get(end + 1)), (Some(open), Some(n), Some(close))
            if open.key() == "(" && close.key() == ")" && touching(open, n) && touching(n, close)
                && n.key().len() <= 2);
    hyphenated || after_acronym || before_name || enumerated
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
    let span = Span::new(first.span().start, last.span().end);
    Some((Found { kind, value, span }, to + 1))
}

/// A date opening with its month at token `i`: "July 5, 2025", "July 5", "July 2025".
fn month_date_at(tokens: &[Tok], i: usize, month: usize) -> Option<(Found, usize)> {
    let (n, next) = word_at(tokens, i + 1)?;
    let (value, _) = parse_number(next.key())?;
    if is_year(value, next.key()) {
        let date = format!("{} {}", month_name(month), value as u32);
        return found(tokens, FigureKind::Date, date, i, n);
    }
    if !(1.0..=31.0).contains(&value) || value.fract() != 0.0 {
        return None;
    }
    // A range of days: "August 24 to 26", "August 24-26".
    let (days, n) = match range_end(tokens, n, value) {
        Some((last, at)) => (format!("{}–{last}", value as u32), at),
        None => ((value as u32).to_string(), n),
    };
    // ", 2025" after the day.
    let comma = tokens.get(n + 1).is_some_and(|c| c.key() == ",");
    let at = if comma { n + 2 } else { n + 1 };
    if let Some(year) = tokens.get(at).filter(|y| y.is_word())
        && let Some((y, _)) = parse_number(year.key())
        && is_year(y, year.key())
    {
        let date = format!("{days} {} {}", month_name(month), y as u32);
        return found(tokens, FigureKind::Date, date, i, at);
    }
    let date = format!("{days} {}", month_name(month));
    found(tokens, FigureKind::Date, date, i, n)
}

/// The last day of a range of days whose first day `first` is at token `n` ("24 to 26",
/// "24-26", "24–26"), and the token it is at.
fn range_end(tokens: &[Tok], n: usize, first: f64) -> Option<(u32, usize)> {
    let joint = tokens.get(n + 1)?;
    if !matches!(joint.key(), "to" | "-" | "–" | "—") {
        return None;
    }
    let last = tokens.get(n + 2).filter(|t| t.is_word())?;
    let (value, scale) = parse_number(last.key())?;
    let day = scale.is_none() && value.fract() == 0.0 && value > first && value <= 31.0;
    day.then_some((value as u32, n + 2))
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
    while tokens.get(at).is_some_and(|n| {
        !n.is_word() && n.key() != "-" && currency_code(n).is_none() && n.key() == "."
    }) {
        at += 1;
    }
    if let Some(n) = tokens.get(at)
        && !n.is_word()
        && let Some(code) = currency_code(n)
    {
        currency = code;
        at += 1;
    }
    (Some(currency), at)
}

/// A time of day at token `at`: "11:25" (one token, or three).
fn time_at(tokens: &[Tok], at: usize, number: &Tok) -> Option<(Found, usize)> {
    let (hours, minutes) = number.key().split_once(':').or_else(|| {
        tokens.get(at + 1).filter(|c| c.key() == ":")?;
        let minutes = tokens.get(at + 2).filter(|m| m.is_word())?;
        Some((number.key(), minutes.key()))
    })?;
    let digits = hours
        .chars()
        .chain(minutes.chars())
        .all(|c| c.is_ascii_digit());
    if hours.len() > 2 || minutes.len() != 2 || !digits {
        return None;
    }
    let mut last = if number.key().contains(':') {
        at
    } else {
        at + 2
    };
    // On the 24-hour clock, so that "6:08 p.m." and "18:08" are one time; the span keeps
    // "a.m."/"p.m." as written.
    let mut hour: u32 = hours.parse().ok()?;
    if let Some((half, end)) = half_of_day(tokens, last + 1) {
        if hour == 0 || hour > 12 {
            return None;
        }
        hour = match (half, hour) {
            (HalfOfDay::Morning, 12) => 0,
            (HalfOfDay::Afternoon, h) if h < 12 => h + 12,
            (_, h) => h,
        };
        last = end;
    }
    found(
        tokens,
        FigureKind::Time,
        format!("{hour}:{minutes}"),
        at,
        last,
    )
}

/// Before or after noon.
enum HalfOfDay {
    Morning,
    Afternoon,
}

/// "a.m." or "p.m." (also "am", "PM", "a.m" with its closing dot apart) at token `at`: which,
/// and its last token.
fn half_of_day(tokens: &[Tok], at: usize) -> Option<(HalfOfDay, usize)> {
    let word = tokens.get(at).filter(|t| t.is_word())?;
    let letters: String = word.lower().chars().filter(|c| *c != '.').collect();
    let half = match letters.as_str() {
        "am" => HalfOfDay::Morning,
        "pm" => HalfOfDay::Afternoon,
        _ => return None,
    };
    // "p.m" and a touching "." the tokenizer split off.
    let dot = word.lower().contains('.')
        && !word.lower().ends_with('.')
        && tokens
            .get(at + 1)
            .is_some_and(|t| t.key() == "." && t.span().start == word.span().end);
    Some((half, if dot { at + 1 } else { at }))
}

/// A date opening with its day `value` at token `at`: "5 July 2025", "5 July".
fn day_date_at(tokens: &[Tok], at: usize, value: f64) -> Option<(Found, usize)> {
    if !(1.0..=31.0).contains(&value) || value.fract() != 0.0 {
        return None;
    }
    // A range of days first: "24 to 26 August".
    let (days, m) = match range_end(tokens, at, value) {
        Some((last, end)) => (format!("{}–{last}", value as u32), end),
        None => ((value as u32).to_string(), at),
    };
    let month_tok = tokens.get(m + 1).filter(|m| m.is_word())?;
    let month = month_of(month_tok.lower())?;
    let mut last = m + 1;
    let mut date = format!("{days} {}", month_name(month));
    if let Some(year) = tokens.get(m + 2).filter(|y| y.is_word())
        && let Some((y, _)) = parse_number(year.key())
        && is_year(y, year.key())
    {
        last = m + 2;
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
    if tokens.get(end + 1).is_some_and(|sign| sign.key() == "%") {
        let value = format!("{}%", amount(value, scale));
        return found(tokens, FigureKind::Percent, value, start, end + 1);
    }
    let (n, word) = word_at(tokens, end + 1)?;
    let percent = match word.lower() {
        "percent" => Some(n),
        "per" => word_at(tokens, n + 1)
            .filter(|(_, c)| c.lower() == "cent")
            .map(|(c, _)| c),
        _ => None,
    };
    if let Some(last) = percent {
        let value = format!("{}%", amount(value, scale));
        return found(tokens, FigureKind::Percent, value, start, last);
    }
    // A duration: "10 years", "10-year".
    if scale.is_none()
        && let Some((_, unit)) = DURATIONS.iter().find(|(u, _)| *u == word.lower())
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
    if t.key().len() > 3 {
        return None;
    }
    let lower = t.lower();
    // A code is written in capitals ("GBP"), a symbol is not a word.
    if t.is_word() && !(t.key().chars().all(|c| c.is_uppercase()) || lower == "rs" || lower == "us")
    {
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
    use crate::engine::segment;

    /// A repeated sentence's figures are what reading it again gives, at its place.
    #[test]
    fn a_repeated_sentence_has_its_firsts_figures() {
        let text = "Trade rose 12% to $4.5 billion in May 2025. It fell.\n\n\
                    Trade rose 12% to $4.5 billion in May 2025. Some 300 people came.\n\n\
                    Trade rose 12% to $4.5 billion in May 2025.";
        let side = SideTokens::new(text, &segment::sentences(text));
        let mut fresh: Vec<(usize, Found)> = Vec::new();
        for (sentence, range) in side.sentences.iter().enumerate() {
            let found = find_in(&side.tokens[range.clone()]);
            fresh.extend(found.into_iter().map(|f| (sentence, f)));
        }
        let copied = find_side(&side);
        assert_eq!(copied, fresh);
        assert_eq!(
            copied.iter().filter(|(s, _)| *s == 4).count(),
            copied.iter().filter(|(s, _)| *s == 0).count()
        );
        assert!(copied.len() >= 7, "{copied:?}");
    }
}
