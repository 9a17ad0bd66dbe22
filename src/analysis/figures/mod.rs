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
use read::find_in;

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
