//! The list each tab shows, built once per analysis, tab and filter: headings, remarks, column
//! titles and one entry a line, each entry keeping its index in the analysis.

use crate::analysis::{Analysis, Entity, Presence, Stronger};
use crate::gui::Sides;

/// One line of the list.
pub(super) enum Line {
    /// A group heading ("Named in both: 735").
    Heading(String),
    /// A remark in weak text.
    Remark(String),
    /// The column titles of a table: the first column's, then "Left" and "Right" (counts).
    Columns(&'static str),
    /// An entity: its index in the analysis, its label, whether only one side names it.
    Entity {
        index: usize,
        label: String,
        presence: Presence,
    },
    /// A shared phrase: its index and label.
    Phrase { index: usize, label: String },
    /// A wording-strength difference: its index and label.
    Strength { index: usize, label: String },
    /// A stance shift: its index and label.
    Shift { index: usize, label: String },
    /// A figure: its index and label.
    Figure { index: usize, label: String },
    /// Figures that differ on a link: its index and label.
    Difference { index: usize, label: String },
}

/// The Names tab: who and what both sides name, then each side only, each group a table.
pub(super) fn names_lines(analysis: &Analysis, names: &Sides<String>, filter: &str) -> Vec<Line> {
    let keep = |text: &str| filter.is_empty() || matches_word_start(text, filter);
    let mut lines = Vec::new();
    // The count before the file name, which a narrow panel cuts.
    for (presence, heading, name) in [
        (Presence::Both, "Named in both", String::new()),
        (
            Presence::LeftOnly,
            "Named only left",
            format!(" ({})", names.left),
        ),
        (
            Presence::RightOnly,
            "Named only right",
            format!(" ({})", names.right),
        ),
    ] {
        let group: Vec<(usize, &Entity)> = analysis
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.presence() == presence)
            .collect();
        if !lines.is_empty() {
            lines.push(Line::Remark(String::new()));
        }
        let heading_at = lines.len();
        lines.push(Line::Heading(format!("{heading}: {}{name}", group.len())));
        let shown: Vec<Line> = group
            .iter()
            .map(|&(index, entity)| (index, entity, entity_label(entity)))
            .filter(|(_, entity, label)| keep(label) || entity.forms.iter().any(|f| keep(f)))
            .map(|(index, _, label)| Line::Entity {
                index,
                label,
                presence,
            })
            .collect();
        if !filter.is_empty() && !shown.is_empty() {
            lines[heading_at] = Line::Heading(format!(
                "{heading}: {} of {}{name}",
                shown.len(),
                group.len()
            ));
        }
        if shown.is_empty() {
            lines.push(Line::Remark(
                if group.is_empty() {
                    "None."
                } else {
                    "None matches the filter."
                }
                .to_owned(),
            ));
        } else {
            lines.push(Line::Columns("Entity"));
            lines.extend(shown);
        }
    }
    lines
}

/// The Phrases tab: runs of words both texts share, longest first.
pub(super) fn phrases_lines(analysis: &Analysis, filter: &str) -> Vec<Line> {
    let keep = |text: &str| filter.is_empty() || matches_word_start(text, filter);
    let mut lines = Vec::new();
    if analysis.phrases.is_empty() {
        lines.push(Line::Remark(
            "No run of three or more words is in both texts.".to_owned(),
        ));
    } else {
        lines.push(Line::Columns("Phrase (longest first)"));
    }
    lines.extend(
        analysis
            .phrases
            .iter()
            .enumerate()
            .filter(|(_, p)| keep(&p.text))
            .map(|(index, phrase)| Line::Phrase {
                index,
                label: if phrase.whole_sentence {
                    format!("\"{}\" [whole sentence]", phrase.text)
                } else {
                    format!("\"{}\"", phrase.text)
                },
            }),
    );
    lines
}

/// The Strength tab: rows where one side words a thing more strongly (what it looks for, when
/// none).
pub(super) fn strength_lines(analysis: &Analysis, filter: &str) -> Vec<Line> {
    let keep = |text: &str| filter.is_empty() || matches_word_start(text, filter);
    let mut lines = Vec::new();
    if analysis.strength.is_empty() {
        lines.push(Line::Remark(
            "No paired row says a thing more strongly on one side.".to_owned(),
        ));
        // What it would find, so that an empty list is not a mystery.
        for example in [
            "Looks for graded wording in reworded pairs:",
            "agreed > discussed, pledged > welcomed > noted,",
            "condemned > expressed concern, must > should > may",
            "(assets/strength.txt).",
        ] {
            lines.push(Line::Remark(example.to_owned()));
        }
    }
    lines.extend(
        analysis
            .strength
            .iter()
            .enumerate()
            .filter_map(|(index, d)| {
                let sign = match d.stronger {
                    Stronger::Left => ">",
                    Stronger::Right => "<",
                };
                let label = format!(
                    "row {}: left '{}' {sign} right '{}' ({})",
                    d.row + 1,
                    d.left,
                    d.right,
                    d.kind
                );
                keep(&label).then_some(Line::Strength { index, label })
            }),
    );
    lines
}

/// The Shifts tab: links where the sides credit, word or qualify a point differently.
pub(super) fn shifts_lines(analysis: &Analysis, filter: &str) -> Vec<Line> {
    let keep = |text: &str| filter.is_empty() || matches_word_start(text, filter);
    let mut lines = Vec::new();
    if analysis.shifts.is_empty() {
        lines.push(Line::Remark(
            "No link credits, words or qualifies a point differently.".to_owned(),
        ));
    }
    lines.extend(
        analysis
            .shifts
            .iter()
            .enumerate()
            .filter_map(|(index, shift)| {
                let label = shift_label(shift);
                keep(&label).then_some(Line::Shift { index, label })
            }),
    );
    lines
}

/// The Figures tab: figures in both, on the left only, on the right only, then other values on
/// linked sentences.
pub(super) fn figures_lines(analysis: &Analysis, names: &Sides<String>, filter: &str) -> Vec<Line> {
    let keep = |text: &str| filter.is_empty() || matches_word_start(text, filter);
    let mut lines = Vec::new();
    use crate::analysis::FigurePresence;
    let compared = &analysis.figures_compared;
    for (presence, heading, name) in [
        (FigurePresence::Both, "In both", String::new()),
        (
            FigurePresence::LeftOnly,
            "Only left",
            format!(" ({})", names.left),
        ),
        (
            FigurePresence::RightOnly,
            "Only right",
            format!(" ({})", names.right),
        ),
    ] {
        let group: Vec<Line> = compared
            .figures
            .iter()
            .enumerate()
            .filter(|(_, f)| f.presence == presence)
            .map(|(index, f)| (index, format!("{} [{}]", f.value, f.kind.name())))
            .filter(|(index, label)| {
                keep(label)
                    || compared
                        .figures
                        .get(*index)
                        .is_some_and(|f| f.left.iter().chain(&f.right).any(|m| keep(&m.text)))
            })
            .map(|(index, label)| Line::Figure { index, label })
            .collect();
        if !lines.is_empty() {
            lines.push(Line::Remark(String::new()));
        }
        lines.push(Line::Heading(format!("{heading}: {}{name}", group.len())));
        if group.is_empty() {
            lines.push(Line::Remark("None.".to_owned()));
        } else {
            lines.push(Line::Columns("Figure"));
            lines.extend(group);
        }
    }
    lines.push(Line::Remark(String::new()));
    lines.push(Line::Heading(format!(
        "Other values on linked sentences: {}",
        compared.differences.len()
    )));
    lines.extend(
        compared
            .differences
            .iter()
            .enumerate()
            .filter_map(|(index, d)| {
                let label = format!(
                    "L{}-R{}: {} against {}",
                    d.left.sentence + 1,
                    d.right.sentence + 1,
                    d.left.text,
                    d.right.text
                );
                keep(&label).then_some(Line::Difference { index, label })
            }),
    );
    lines
}

/// "L6-R1 attribution: “both sides” / “We”", with the stronger side (no arrow: the default
/// fonts have none).
fn shift_label(shift: &crate::analysis::Shift) -> String {
    shift
        .summary()
        .replacen(" ↔ ", "-", 1)
        .replacen(" left ", " ", 1)
        .replacen(", right ", " / ", 1)
}

/// Whether `filter` (in lower case) starts a word of `text` ("dar" finds "Ishaq Dar", not
/// "Khuzdar").
fn matches_word_start(text: &str, filter: &str) -> bool {
    let text = text.to_lowercase();
    text.match_indices(filter).any(|(at, _)| {
        text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// "Tehreek-i-Taliban Pakistan (TTP)", with the kind for titles, dates and numbers.
fn entity_label(entity: &Entity) -> String {
    let others = entity.other_forms();
    let mut text = entity.text.clone();
    if !others.is_empty() {
        text.push_str(&format!(" ({})", others.join(", ")));
    }
    text.push_str(&crate::display::entity_kind_tag(entity.kind));
    text
}
