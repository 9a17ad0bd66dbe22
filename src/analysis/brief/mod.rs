//! The brief: a few plain lines that say what differs between the two statements, built once
//! as data (text and rows) so that the window and every report show the same lines and link
//! each to its rows. Each line names one kind of difference an analyst notes first: what one
//! side credits to both and the other to one party, what only one side reports, where one side
//! is stronger or adds a qualification, and figures given on one side only or with other
//! values.
//!
//! Invariants: at most [`MAX_LINES`] lines; every line's rows are sorted, distinct and name
//! rows of the comparison; a line's text has no row numbers (each output adds its own links).

use serde::Serialize;

use super::Stronger;
use super::entities::{Entity, EntityKind, Presence};
use super::figures::{FigureKind, FigurePresence, FiguresCompared};
use super::stance::{Actor, Attribution, Shift, ShiftKind};
use crate::engine::{Comparison, RowKind, Sentence};

mod names;

/// The most lines a brief has.
pub const MAX_LINES: usize = 8;

/// Rows a line names at most (the rest are summed up in its text).
const MAX_ROWS: usize = 12;

/// The longest a quotation in a line is, in characters.
const QUOTE_CHARS: usize = 90;

/// What a line of the brief is about, in the order the brief lists them: first how the two
/// sides put the points they share (credit, strength, qualification, figures), then what one
/// side alone reports or names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BriefTopic {
    /// One side credits to both parties what the other credits to one.
    Attribution,
    /// One side words points more strongly.
    Strength,
    /// One side adds a condition or qualification.
    Scope,
    /// Figures that differ on linked sentences.
    FigureValues,
    /// Points only one side reports.
    OnlyOneSide,
    /// Points every statement of a collation reports but one.
    LeftOut,
    /// Names only one side gives.
    Names,
    /// Figures one side gives and the other does not.
    Figures,
    /// How many sentences each side credits to both parties.
    Joint,
    /// Nothing of the above differs.
    Nothing,
}

/// One line of the brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BriefLine {
    /// What it is about.
    pub topic: BriefTopic,
    /// The line, in plain words without row numbers.
    pub text: String,
    /// The rows it speaks of (0-based), sorted, at most twelve; the first is where a click
    /// goes.
    pub rows: Vec<usize>,
    /// How many more rows it speaks of than `rows` lists.
    pub more_rows: usize,
}

impl BriefLine {
    /// "rows 3, 5 and 9" (1-based), or "row 3", or "rows 3, 5, 9 and 4 more"; empty without
    /// rows.
    pub fn rows_text(&self) -> String {
        let mut numbers: Vec<String> = self.rows.iter().map(|r| (r + 1).to_string()).collect();
        if self.more_rows > 0 {
            numbers.push(format!("{} more", self.more_rows));
        }
        match numbers.as_slice() {
            [] => String::new(),
            [one] => format!("row {one}"),
            [rest @ .., last] => format!("rows {} and {last}", rest.join(", ")),
        }
    }

    /// The line with its rows: "… (rows 3 and 5)".
    pub fn plain(&self) -> String {
        if self.rows.is_empty() {
            self.text.clone()
        } else {
            format!("{} ({})", self.text, self.rows_text())
        }
    }
}

/// What the brief is built from.
pub(super) struct Inputs<'a> {
    pub texts: [&'a str; 2],
    pub comparison: &'a Comparison,
    pub attribution: &'a [Attribution; 2],
    pub shifts: &'a [Shift],
    pub figures: &'a FiguresCompared,
    pub entities: &'a [Entity],
}

/// The brief of a comparison: its lines, most telling first.
pub(super) fn build(inputs: &Inputs<'_>) -> Vec<BriefLine> {
    let comparison = inputs.comparison;
    let brief = Brief {
        inputs,
        rows_of: [comparison.rows_of_left(), comparison.rows_of_right()],
    };
    let mut lines = Vec::new();
    brief.credited_to_both(&mut lines);
    brief.only_one_side(&mut lines);
    brief.names_one_side(&mut lines);
    brief.stronger_and_qualified(&mut lines);
    brief.figures_one_side(&mut lines);
    brief.figure_values(&mut lines);
    brief.joint_counts(&mut lines);
    if lines.is_empty() {
        lines.push(line(
            BriefTopic::Nothing,
            "No difference in who is credited, in strength, in qualifications or in figures \
             was found"
                .to_owned(),
            Vec::new(),
        ));
    }
    lines.sort_by_key(|l| l.topic);
    lines.truncate(MAX_LINES);
    lines
}

/// A comparison's brief in the making: its inputs and where each sentence is shown.
struct Brief<'a> {
    inputs: &'a Inputs<'a>,
    /// Per side, the row of each sentence.
    rows_of: [Vec<usize>; 2],
}

impl Brief<'_> {
    /// The row that shows sentence `sentence` of a side (0 left, 1 right).
    fn row_of(&self, side: usize, sentence: usize) -> Option<usize> {
        self.rows_of.get(side)?.get(sentence).copied()
    }

    /// A side's sentences (0 left, 1 right).
    fn sentences(&self, side: usize) -> &[Sentence] {
        let comparison = self.inputs.comparison;
        if side == 0 {
            &comparison.left_sentences
        } else {
            &comparison.right_sentences
        }
    }

    /// A sentence's content, as its side writes it.
    fn content(&self, side: usize, sentence: usize) -> Option<&str> {
        let s = self.sentences(side).get(sentence)?;
        self.inputs.texts.get(side)?.get(s.content.range())
    }

    /// A sentence's text, quoted for a line (cut at a word when long).
    fn sentence_text(&self, side: usize, sentence: usize) -> String {
        self.content(side, sentence).map(quote).unwrap_or_default()
    }

    /// How much a sentence of a side tells as an example ([`telling_weight`]).
    fn telling_weight(&self, side: usize, sentence: usize) -> usize {
        self.content(side, sentence).map_or(0, telling_weight)
    }

    /// 1. Points credited to both on one side, to one party on the other.
    fn credited_to_both(&self, lines: &mut Vec<BriefLine>) {
        for (joint_side, side_name, other_name) in [(0, "left", "right"), (1, "right", "left")] {
            let found: Vec<&Shift> = self
                .inputs
                .shifts
                .iter()
                .filter(|s| s.kind == ShiftKind::Attribution)
                .filter(|s| {
                    let actors = [
                        actor(self.inputs.attribution, 0, s.left),
                        actor(self.inputs.attribution, 1, s.right),
                    ];
                    actors.get(joint_side) == Some(&Some(Actor::Joint))
                })
                .collect();
            // The example quoted: the first whose other side names who it credits ("We"), else
            // the first ("our shared resolve" has no word of its own to quote).
            let one_side = 1 - joint_side;
            let Some(first) = found
                .iter()
                .find(|s| !s.on_side(one_side).1.trim().is_empty())
                .or(found.first())
            else {
                continue;
            };
            let (one_sentence, one_words) = first.on_side(one_side);
            let (_, joint_words) = first.on_side(joint_side);
            let one_party = match actor(self.inputs.attribution, one_side, one_sentence) {
                Some(Actor::Issuer) => "its own side",
                Some(Actor::Counterpart) => "the other party",
                _ => "one party",
            };
            let points = count(found.len(), "point", "points");
            let mut text = format!(
                "The {side_name} credits {points} to both sides that the {other_name} credits to \
                 {one_party}: “{}”",
                quote(joint_words)
            );
            // A sentence credited to its own side by "we" or "our" alone has no words to quote.
            if !one_words.trim().is_empty() {
                text.push_str(&format!(" against “{}”", quote(one_words)));
            }
            let rows = found
                .iter()
                .filter_map(|s| self.row_of(0, s.left))
                .collect::<Vec<_>>();
            lines.push(line(BriefTopic::Attribution, text, rows));
        }
    }

    /// What only one side reports (2.): one-sided rows with no counterpart anywhere, that
    /// credit someone (not a heading or a date line).
    fn only_one_side(&self, lines: &mut Vec<BriefLine>) {
        for (side, side_name, kind) in [
            (0, "left", RowKind::LeftOnly),
            (1, "right", RowKind::RightOnly),
        ] {
            let linked: Vec<bool> = {
                let mut linked = vec![false; self.sentences(side).len()];
                for link in &self.inputs.comparison.links {
                    let s = if side == 0 { link.left } else { link.right };
                    if let Some(flag) = linked.get_mut(s) {
                        *flag = true;
                    }
                }
                linked
            };
            let mut rows = Vec::new();
            let mut first = None;
            for (index, row) in self.inputs.comparison.rows.iter().enumerate() {
                if row.kind != kind {
                    continue;
                }
                let sentences = if side == 0 { &row.left } else { &row.right };
                let telling = sentences.iter().any(|&s| {
                    !linked.get(s).copied().unwrap_or(false)
                        && actor(self.inputs.attribution, side, s)
                            .is_some_and(|a| a != Actor::Other)
                });
                if telling {
                    rows.push(index);
                    for &s in sentences {
                        let weight = self.telling_weight(side, s);
                        if first.is_none_or(|(_, best)| weight > best) {
                            first = Some((s, weight));
                        }
                    }
                }
            }
            // One-sided formulas alone ("And with that I can take a few questions.") are no
            // point worth a line.
            let Some((first, _)) = first.filter(|&(_, weight)| weight > 1) else {
                continue;
            };
            let points = count(rows.len(), "point", "points");
            let other_name = if side == 0 { "right" } else { "left" };
            let text = format!(
                "Only the {side_name} reports {points} (no counterpart found on the \
                 {other_name}), such as “{}”",
                self.sentence_text(side, first)
            );
            lines.push(line(BriefTopic::OnlyOneSide, text, rows));
        }
    }

    /// 3. Stronger wording, then 4. qualifications, per side.
    fn stronger_and_qualified(&self, lines: &mut Vec<BriefLine>) {
        for (kind, topic) in [
            (ShiftKind::Strength, BriefTopic::Strength),
            (ShiftKind::Scope, BriefTopic::Scope),
        ] {
            for (stronger, side_name) in [(Stronger::Left, "left"), (Stronger::Right, "right")] {
                let found: Vec<&Shift> = self
                    .inputs
                    .shifts
                    .iter()
                    .filter(|s| s.kind == kind && s.stronger == Some(stronger))
                    .collect();
                let Some(first) = found.first() else { continue };
                let points = count(found.len(), "point", "points");
                let (own, other) = match stronger {
                    Stronger::Left => (&first.left_words, &first.right_words),
                    Stronger::Right => (&first.right_words, &first.left_words),
                };
                let text = if kind == ShiftKind::Strength {
                    format!(
                        "The {side_name} words {points} more strongly: “{}” against “{}”",
                        quote(own),
                        quote(other)
                    )
                } else {
                    format!("Only the {side_name} qualifies {points}: “{}”", quote(own))
                };
                let rows = found
                    .iter()
                    .filter_map(|s| self.row_of(0, s.left))
                    .collect();
                lines.push(line(topic, text, rows));
            }
        }
    }

    /// 5. Figures one side gives and the other does not.
    fn figures_one_side(&self, lines: &mut Vec<BriefLine>) {
        for (presence, side, side_name) in [
            (FigurePresence::LeftOnly, 0, "left"),
            (FigurePresence::RightOnly, 1, "right"),
        ] {
            let mut figures: Vec<_> = self.inputs.figures.one_sided(presence).collect();
            if figures.is_empty() {
                continue;
            }
            // What an analyst quotes first: amounts, shares and counts before dates and
            // times of day.
            figures.sort_by_key(|f| match f.kind {
                FigureKind::Amount => 0,
                FigureKind::Percent => 1,
                FigureKind::Number => 2,
                FigureKind::Duration => 3,
                FigureKind::Date => 4,
                FigureKind::Time => 5,
            });
            let mut values: Vec<String> = figures
                .iter()
                .take(5)
                .map(|f| {
                    let mentions = if side == 0 { &f.left } else { &f.right };
                    mentions
                        .first()
                        .map_or_else(|| f.value.clone(), |m| quote(&m.text))
                })
                .collect();
            if figures.len() > values.len() {
                values.push(format!("{} more", figures.len() - values.len()));
            }
            // "; " between figures: a date has a comma of its own ("May 5, 2022").
            let text = format!("Figures only the {side_name} gives: {}", values.join("; "));
            let rows = figures
                .iter()
                .flat_map(|f| if side == 0 { &f.left } else { &f.right })
                .filter_map(|m| self.row_of(side, m.sentence))
                .collect();
            lines.push(line(BriefTopic::Figures, text, rows));
        }
    }

    /// 6. Different values on linked sentences.
    fn figure_values(&self, lines: &mut Vec<BriefLine>) {
        if let Some(first) = self.inputs.figures.differences.first() {
            let n = self.inputs.figures.differences.len();
            let text = format!(
                "{} on linked sentences: left “{}” against right “{}”",
                if n == 1 {
                    "A figure differs".to_owned()
                } else {
                    format!("{n} figures differ")
                },
                quote(&first.left.text),
                quote(&first.right.text)
            );
            let rows = self
                .inputs
                .figures
                .differences
                .iter()
                .filter_map(|d| self.row_of(0, d.left.sentence))
                .collect();
            lines.push(line(BriefTopic::FigureValues, text, rows));
        }
    }

    /// 7. How many sentences each side credits to both parties, when they differ.
    fn joint_counts(&self, lines: &mut Vec<BriefLine>) {
        let joint: [Vec<usize>; 2] = [0, 1].map(|side| {
            self.inputs
                .attribution
                .get(side)
                .map(|a| {
                    a.actors
                        .iter()
                        .enumerate()
                        .filter(|(_, a)| **a == Actor::Joint)
                        .map(|(s, _)| s)
                        .collect()
                })
                .unwrap_or_default()
        });
        if joint[0].len() != joint[1].len() {
            let text = format!(
                "The left credits {} to both sides, the right {}",
                count(joint[0].len(), "sentence", "sentences"),
                joint[1].len()
            );
            let rows = joint[0]
                .iter()
                .filter_map(|&s| self.row_of(0, s))
                .chain(joint[1].iter().filter_map(|&s| self.row_of(1, s)))
                .collect();
            lines.push(line(BriefTopic::Joint, text, rows));
        }
    }
}

/// How much a sentence tells an analyst who reads it as the example of what one side alone
/// reports: the names and figures in it (capitalised words but its first, words with digits),
/// a little for its length; a lead-in ("As stated by the Spokesperson:") or a question tells
/// nothing of its own.
pub(super) fn telling_weight(text: &str) -> usize {
    let text = text.trim_end();
    if text.ends_with([':', '?']) {
        return 0;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let named = words
        .iter()
        .skip(1)
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.chars().filter(|c| c.is_alphanumeric()).count() > 1
                && w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    1 + 4 * named + words.len().min(30) / 10
}

/// Whether a one-word name is a common noun capitalised where it starts a sentence or a
/// heading ("Dialogue"): some text also writes it in lower case as a word of its own
/// (`written_in_lower_case`, as the entities found it).
pub(super) fn common_noun(forms: &[String], written_in_lower_case: bool) -> bool {
    written_in_lower_case && !forms.iter().any(|f| f.contains(' '))
}

/// A name as the texts write it: its canonical form when they use it, else the form they use
/// with the canonical one after it ("BLA (Balochistan Liberation Army)"), so that a line
/// never puts words in a text's mouth.
pub(super) fn as_written(text: &str, forms: &[String]) -> String {
    match forms.first() {
        Some(form) if !forms.iter().any(|f| f.eq_ignore_ascii_case(text)) => {
            format!("{form} ({text})")
        }
        _ => text.to_owned(),
    }
}

/// The actor of a sentence of a side (0 left, 1 right).
fn actor(attribution: &[Attribution; 2], side: usize, sentence: usize) -> Option<Actor> {
    attribution.get(side)?.actors.get(sentence).copied()
}

/// A line with its rows sorted, distinct and at most [`MAX_ROWS`].
fn line(topic: BriefTopic, text: String, mut rows: Vec<usize>) -> BriefLine {
    rows.sort_unstable();
    rows.dedup();
    let more_rows = rows.len().saturating_sub(MAX_ROWS);
    rows.truncate(MAX_ROWS);
    BriefLine {
        topic,
        text,
        rows,
        more_rows,
    }
}

/// "1 point", "3 points".
pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Text on one line, cut to [`QUOTE_CHARS`] characters at a word with "…".
pub(super) fn quote(text: &str) -> String {
    let text = super::one_line(text);
    if text.chars().count() <= QUOTE_CHARS {
        return text;
    }
    let cut: String = text.chars().take(QUOTE_CHARS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!(
        "{}…",
        cut.get(..at)
            .unwrap_or(&cut)
            .trim_end_matches([',', ';', ':'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_named_in_words() {
        let mut line = line(BriefTopic::Joint, "x".to_owned(), vec![4, 2, 2, 8]);
        assert_eq!(line.rows, [2, 4, 8]);
        assert_eq!(line.rows_text(), "rows 3, 5 and 9");
        assert_eq!(line.plain(), "x (rows 3, 5 and 9)");
        line.rows = vec![0];
        assert_eq!(line.rows_text(), "row 1");
        let many = super::line(BriefTopic::Joint, "x".to_owned(), (0..20).collect());
        assert_eq!(many.rows.len(), MAX_ROWS);
        assert!(
            many.rows_text().ends_with("12 and 8 more"),
            "{}",
            many.rows_text()
        );
    }

    #[test]
    fn long_quotes_are_cut_at_a_word() {
        let long = "word ".repeat(40);
        let cut = quote(&long);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= QUOTE_CHARS + 1);
    }
}
