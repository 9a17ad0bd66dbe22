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

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;

use super::{SideTokens, span_pair};
use crate::engine::Comparison;
use crate::engine::segment::Span;

mod read;
use read::find_side;

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

/// The figures of both sides: given by both first, then by the left only, then by the right
/// only. What is read of the texts alone (the insights read it while the comparison runs).
pub(super) fn read(sides: &[SideTokens<'_>; 2]) -> Vec<Figure> {
    let found = [find_side(&sides[0]), find_side(&sides[1])];
    let mut by_value: HashMap<(FigureKind, &str), usize> = HashMap::default();
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
    let mut figures = merge_yearless(figures);
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
    figures
}

/// The figures of both sides compared: the figures [`read`] of the texts, and their
/// differences on the comparison's links.
pub(super) fn compare_read(figures: Vec<Figure>, comparison: &Comparison) -> FiguresCompared {
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
    let mut one_sided: [HashMap<usize, Vec<usize>>; 2] = [HashMap::default(), HashMap::default()];
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
            // One date written with and without its year, or a day inside a range of days,
            // is no difference.
            if figures
                .get(r)
                .is_some_and(|rf| lf.kind == FigureKind::Date && dates_agree(&lf.value, &rf.value))
            {
                used.push(r);
                continue;
            }
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

/// A normalised date's parts ("24–26 August 2022").
struct DateParts<'v> {
    /// First and last day; none for "July 2025".
    days: Option<(u32, u32)>,
    /// The month's name.
    month: &'v str,
    /// The year, when given.
    year: Option<&'v str>,
}

impl<'v> DateParts<'v> {
    /// The parts of a normalised date ([`read`]'s form), if `value` is one.
    fn of(value: &'v str) -> Option<Self> {
        let mut words = value.split(' ');
        let first = words.next()?;
        let (days, month) = if first.starts_with(|c: char| c.is_ascii_digit()) {
            let (from, to) = first.split_once('–').unwrap_or((first, first));
            (Some((from.parse().ok()?, to.parse().ok()?)), words.next()?)
        } else {
            (None, first)
        };
        Some(Self {
            days,
            month,
            year: words.next(),
        })
    }

    /// The days and month without the year ("24–26 August"), when the days are given.
    fn day_key(&self) -> Option<String> {
        let (from, to) = self.days?;
        Some(format!("{from}–{to} {}", self.month))
    }
}

/// Whether two normalised dates can name the same day: one month, years equal where both
/// give one, and days that overlap where both give them ("26 August" and "26 August 2022";
/// "24–26 August" and "26 August 2022").
fn dates_agree(a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (DateParts::of(a), DateParts::of(b)) else {
        return false;
    };
    let years = match (a.year, b.year) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    };
    let days = match (a.days, b.days) {
        (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
        _ => false,
    };
    a.month == b.month && years && days
}

/// A date figure's parts.
fn date_of(f: &Figure) -> Option<DateParts<'_>> {
    (f.kind == FigureKind::Date)
        .then(|| DateParts::of(&f.value))
        .flatten()
}

/// Dates given without their year joined to the one figure of that day with its year ("6
/// January" into "6 January 2022"), when only one such figure is there: one date, not two.
fn merge_yearless(mut figures: Vec<Figure>) -> Vec<Figure> {
    // Per day and month, the index of the dated figure, or none when two years share it.
    let mut by_day: HashMap<String, Option<usize>> = HashMap::default();
    for (index, f) in figures.iter().enumerate() {
        if let Some(parts) = date_of(f)
            && parts.year.is_some()
            && let Some(key) = parts.day_key()
        {
            by_day
                .entry(key)
                .and_modify(|slot| *slot = None)
                .or_insert(Some(index));
        }
    }
    // Per figure, the dated figure it joins.
    let targets: Vec<Option<usize>> = figures
        .iter()
        .map(|f| {
            let parts = date_of(f).filter(|p| p.year.is_none())?;
            by_day.get(&parts.day_key()?).copied().flatten()
        })
        .collect();
    for (index, target) in targets.iter().enumerate() {
        let (Some(target), Some(f)) = (*target, figures.get_mut(index)) else {
            continue;
        };
        let (left, right) = (std::mem::take(&mut f.left), std::mem::take(&mut f.right));
        if let Some(t) = figures.get_mut(target) {
            t.left.extend(left);
            t.right.extend(right);
            t.left.sort_by_key(|m| m.span.start);
            t.right.sort_by_key(|m| m.span.start);
        }
    }
    figures
        .into_iter()
        .zip(targets)
        .filter_map(|(f, target)| target.is_none().then_some(f))
        .collect()
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
    fn a_time_with_a_m_or_p_m_is_on_the_24_hour_clock_and_keeps_its_words() {
        let evening = values("The call began at 6:08 p.m. and ended at 6:30 PM.");
        let found: Vec<(&str, &str)> = evening
            .iter()
            .map(|(_, value, text)| (value.as_str(), text.as_str()))
            .collect();
        assert_eq!(found, [("18:08", "6:08 p.m."), ("18:30", "6:30 PM")]);
        assert_eq!(one("They met at 18:08 in Tokyo.").1, "18:08");
        assert_eq!(one("They met at 12:15 a.m. in Tokyo.").1, "0:15");
        assert_eq!(one("They met at 06:05 in Tokyo.").1, "6:05");
        assert_eq!(one("They met at 12:15 pm in Tokyo.").1, "12:15");
    }

    #[test]
    fn a_list_marker_is_no_figure() {
        assert!(values("1. Introduction of the plan.").is_empty());
        assert!(values("(1) Regarding North Korea, they spoke.").is_empty());
        let inline = values("It said that (1) it would pay $60 billion; and (2) it would stay.");
        assert_eq!(inline.len(), 1, "{inline:?}");
    }

    #[test]
    fn numbers_inside_names_are_no_figures() {
        for text in [
            "They discussed the COVID-19 pandemic.",
            "They met at COP 26 in Glasgow.",
            "They travelled to 4 Wing Cold Lake.",
            "He spoke at 10 Downing Street.",
            "They ordered more F-35 jets.",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
        assert_eq!(
            one("They sent 26 more officers."),
            (FigureKind::Number, "26".to_owned())
        );
    }

    #[test]
    fn a_range_of_days_is_one_date() {
        let range = (FigureKind::Date, "24–26 August 2022".to_owned());
        assert_eq!(
            one("The visit ran August 24 to 26, 2022 in the north."),
            range
        );
        assert_eq!(one("The visit ran 24-26 August 2022 in the north."), range);
        assert_eq!(
            one("The visit ran August 24 to 26 in the north."),
            (FigureKind::Date, "24–26 August".to_owned())
        );
    }

    #[test]
    fn a_date_without_its_year_joins_the_one_with_it() {
        let date = |value: &str, left: &[usize], right: &[usize]| {
            let mention = |sentence: &usize| Mention {
                sentence: *sentence,
                text: value.to_owned(),
                span: Span::new(*sentence, *sentence + 1),
            };
            Figure {
                kind: FigureKind::Date,
                value: value.to_owned(),
                presence: FigurePresence::Both,
                left: left.iter().map(mention).collect(),
                right: right.iter().map(mention).collect(),
            }
        };
        let merged = merge_yearless(vec![
            date("6 January 2022", &[0], &[]),
            date("6 January", &[2], &[1]),
            date("5 January", &[3], &[]),
        ]);
        let values: Vec<&str> = merged.iter().map(|f| f.value.as_str()).collect();
        assert_eq!(values, ["6 January 2022", "5 January"]);
        assert_eq!(merged[0].left.len(), 2);
        assert_eq!(merged[0].right.len(), 1);
        // Two years on one day: the yearless date stays apart.
        let apart = merge_yearless(vec![
            date("6 January 2022", &[0], &[]),
            date("6 January 2021", &[1], &[]),
            date("6 January", &[2], &[]),
        ]);
        assert_eq!(apart.len(), 3);
    }

    #[test]
    fn a_date_with_and_without_its_year_agrees() {
        assert!(dates_agree("26 August", "26 August 2022"));
        assert!(dates_agree("24–26 August", "26 August 2022"));
        assert!(!dates_agree("25 August", "26 August 2022"));
        assert!(!dates_agree("26 August 2021", "26 August 2022"));
        assert!(!dates_agree("August 2022", "26 August 2022"));
    }
}
