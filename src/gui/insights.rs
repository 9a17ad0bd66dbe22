//! The summary panel of what an analyst looks for: who and what each side names (shared, only
//! left, only right), the phrases both share, and the rows where one side words a thing more
//! strongly. Clicking an entry highlights its places in both texts and scrolls to the first.
//!
//! Colours come from the current [`egui::Visuals`], so the panel follows the theme. Labels use
//! only Latin text (the default fonts have no arrows or emoji).

use egui::{CollapsingHeader, Color32, Grid, RichText, TextWrapMode};

use super::{Command, Side};
use crate::analysis::{Analysis, Entity, EntityKind, Presence, Stronger};
use crate::engine::segment::Span;
use crate::engine::{Comparison, Sentence};
use crate::load::Document;

/// Most phrases listed in the panel (the longest); the JSON output has them all.
const PHRASES_SHOWN: usize = 40;

/// Most entities listed per group (the frame's cost must not grow with document length); the
/// JSON output and the reports have them all.
const ENTITIES_SHOWN: usize = 40;

/// The panel. Returns the commands its clicks ask for: [`Command::Highlight`] with every place
/// of the entry, and [`Command::JumpToRow`] to the row of its first place.
pub fn insights_ui(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    comparison: &Comparison,
    documents: [&Document; 2],
) -> Vec<Command> {
    let mut commands = Vec::new();
    let selected_id = ui.scope_id().with("parallax-insights-selected");
    let mut selected: Option<Selection> = ui.data(|d| d.get_temp(selected_id));
    let before = selected;

    let count = |p: Presence| {
        analysis
            .entities
            .iter()
            .filter(|e| e.presence() == p)
            .count()
    };
    ui.label(format!(
        "Named: {} in both, {} only left, {} only right. Shared phrases: {}. Wording strength: {}.",
        count(Presence::Both),
        count(Presence::LeftOnly),
        count(Presence::RightOnly),
        analysis.phrases.len(),
        analysis.strength.len(),
    ));

    CollapsingHeader::new(format!(
        "Who and what is named ({})",
        analysis.entities.len()
    ))
    .id_salt("parallax-insights-entities")
    .default_open(true)
    .show(ui, |ui| {
        for (presence, heading) in [
            (Presence::Both, "Named in both".to_owned()),
            (
                Presence::LeftOnly,
                format!("Named only left ({})", documents[0].name),
            ),
            (
                Presence::RightOnly,
                format!("Named only right ({})", documents[1].name),
            ),
        ] {
            entity_table(
                ui,
                analysis,
                comparison,
                presence,
                &heading,
                &mut selected,
                &mut commands,
            );
        }
    });

    CollapsingHeader::new(format!("Shared phrases ({})", analysis.phrases.len()))
        .id_salt("parallax-insights-phrases")
        .default_open(true)
        .show(ui, |ui| {
            if analysis.phrases.is_empty() {
                ui.weak("No run of three or more words is in both texts.");
            }
            for (i, phrase) in analysis.phrases.iter().take(PHRASES_SHOWN).enumerate() {
                let text = format!(
                    "\"{}\"  ({} words; left {}, right {})",
                    phrase.text,
                    phrase.words,
                    phrase.left.len(),
                    phrase.right.len()
                );
                let this = Selection::Phrase(i);
                let response = ui
                    .add(
                        egui::Button::selectable(selected == Some(this), text)
                            .wrap_mode(TextWrapMode::Wrap),
                    )
                    .on_hover_ui(|ui| {
                        places_tooltip(ui, comparison, documents, &phrase.left, &phrase.right);
                    });
                if response.clicked() {
                    selected = Some(this);
                    highlight(comparison, &phrase.left, &phrase.right, &mut commands);
                }
            }
            if analysis.phrases.len() > PHRASES_SHOWN {
                ui.weak(format!(
                    "And {} shorter phrases (all are in the JSON output).",
                    analysis.phrases.len() - PHRASES_SHOWN
                ));
            }
        });

    CollapsingHeader::new(format!("Wording strength ({})", analysis.strength.len()))
        .id_salt("parallax-insights-strength")
        .default_open(true)
        .show(ui, |ui| {
            if analysis.strength.is_empty() {
                ui.weak("No paired row says a thing more strongly on one side.");
            }
            if analysis.strength.len() > ENTITIES_SHOWN {
                ui.weak(format!(
                    "The first {ENTITIES_SHOWN} of {} (all are in the JSON output and the reports).",
                    analysis.strength.len()
                ));
            }
            for (i, d) in analysis.strength.iter().enumerate().take(ENTITIES_SHOWN) {
                let sign = match d.stronger {
                    Stronger::Left => ">",
                    Stronger::Right => "<",
                };
                let text = format!(
                    "row {}: left '{}' {sign} right '{}' ({})",
                    d.row + 1,
                    d.left,
                    d.right,
                    d.kind
                );
                let this = Selection::Strength(i);
                let stronger = match d.stronger {
                    Stronger::Left => "the left side",
                    Stronger::Right => "the right side",
                };
                if ui
                    .selectable_label(selected == Some(this), text)
                    .on_hover_text(format!("Stronger on {stronger}. Click to go to the row."))
                    .clicked()
                {
                    selected = Some(this);
                    commands.push(Command::Highlight(vec![
                        (Side::Left, d.left_span),
                        (Side::Right, d.right_span),
                    ]));
                    commands.push(Command::JumpToRow(d.row));
                }
            }
        });

    if selected != before {
        ui.data_mut(|d| match selected {
            Some(s) => {
                d.insert_temp(selected_id, s);
            }
            None => d.remove::<Selection>(selected_id),
        });
    }
    commands
}

/// Which entry was clicked last (kept in egui's memory so it shows as selected).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Selection {
    Entity(usize),
    Phrase(usize),
    Strength(usize),
}

/// One group of the entity table: entity | left count | right count.
fn entity_table(
    ui: &mut egui::Ui,
    analysis: &Analysis,
    comparison: &Comparison,
    presence: Presence,
    heading: &str,
    selected: &mut Option<Selection>,
    commands: &mut Vec<Command>,
) {
    let rows: Vec<(usize, &Entity)> = analysis
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.presence() == presence)
        .collect();
    ui.add_space(4.0);
    ui.strong(format!("{heading}: {}", rows.len()));
    if rows.is_empty() {
        ui.weak("None.");
        return;
    }
    // Entities only one side names are tinted.
    let one_sided = presence != Presence::Both;
    // The entity column takes what the two count columns leave.
    let entity_width = (ui.available_width() - 110.0).max(120.0);
    Grid::new(("parallax-insights-entity-grid", presence as u8))
        .num_columns(3)
        .spacing([12.0, 2.0])
        .with_row_color(move |row, style| {
            (one_sided && row > 0).then(|| tint(style.visuals.warn_fg_color))
        })
        .show(ui, |ui| {
            ui.strong("Entity");
            ui.strong("Left");
            ui.strong("Right");
            ui.end_row();
            for &(index, entity) in rows.iter().take(ENTITIES_SHOWN) {
                let this = Selection::Entity(index);
                let response = ui
                    .add(
                        // The growing atom after the text keeps it left-aligned in the cell.
                        egui::Button::selectable(
                            *selected == Some(this),
                            (entity_label(entity), egui::Atom::grow()),
                        )
                        .wrap_mode(TextWrapMode::Wrap)
                        .min_size(egui::vec2(entity_width, 0.0)),
                    )
                    .on_hover_ui(|ui| {
                        if entity.forms.len() > 1 {
                            ui.label(format!("Written as: {}", entity.forms.join("; ")));
                        }
                        ui.label("Click to highlight every place in both texts.");
                    });
                if response.clicked() {
                    *selected = Some(this);
                    highlight(
                        comparison,
                        &entity.left_spans,
                        &entity.right_spans,
                        commands,
                    );
                }
                ui.label(count_text(entity.left));
                ui.label(count_text(entity.right));
                ui.end_row();
            }
        });
    if rows.len() > ENTITIES_SHOWN {
        ui.weak(format!(
            "And {} more (all are in the JSON output and the reports).",
            rows.len() - ENTITIES_SHOWN
        ));
    }
}

/// A light tint of `colour` for a row background.
fn tint(colour: Color32) -> Color32 {
    colour.gamma_multiply(0.15)
}

/// "Tehreek-i-Taliban Pakistan (TTP)", with the kind for titles, dates and numbers.
fn entity_label(entity: &Entity) -> RichText {
    let others = entity.other_forms();
    let mut text = entity.text.clone();
    if !others.is_empty() {
        text.push_str(&format!(" ({})", others.join(", ")));
    }
    match entity.kind {
        EntityKind::Name => {}
        EntityKind::Title => text.push_str(" - title"),
        EntityKind::Date => text.push_str(" - date"),
        EntityKind::Number => text.push_str(" - number"),
    }
    RichText::new(text)
}

fn count_text(n: usize) -> String {
    if n == 0 {
        "-".to_owned()
    } else {
        n.to_string()
    }
}

/// Highlights every place on both sides and jumps to the row of the first (left first).
fn highlight(comparison: &Comparison, left: &[Span], right: &[Span], commands: &mut Vec<Command>) {
    let places: Vec<(Side, Span)> = left
        .iter()
        .map(|&s| (Side::Left, s))
        .chain(right.iter().map(|&s| (Side::Right, s)))
        .collect();
    let first = places.first().copied();
    commands.push(Command::Highlight(places));
    if let Some((side, span)) = first
        && let Some(row) = row_at(comparison, side, span.start)
    {
        commands.push(Command::JumpToRow(row));
    }
}

/// The row holding the byte `offset` of a side.
fn row_at(comparison: &Comparison, side: Side, offset: usize) -> Option<usize> {
    let (sentences, rows): (&[Sentence], Vec<usize>) = match side {
        Side::Left => (&comparison.left_sentences, comparison.rows_of_left()),
        Side::Right => (&comparison.right_sentences, comparison.rows_of_right()),
    };
    let sentence = sentences.partition_point(|s| s.span.end <= offset);
    rows.get(sentence).copied()
}

/// A tooltip naming the rows of a phrase's first place on each side, with the sentences.
fn places_tooltip(
    ui: &mut egui::Ui,
    comparison: &Comparison,
    documents: [&Document; 2],
    left: &[Span],
    right: &[Span],
) {
    ui.set_max_width(480.0);
    for (side, spans, document) in [
        (Side::Left, left, documents[0]),
        (Side::Right, right, documents[1]),
    ] {
        let Some(first) = spans.first() else { continue };
        let row = row_at(comparison, side, first.start).map_or(0, |r| r + 1);
        let more = if spans.len() > 1 {
            format!(" and {} more", spans.len() - 1)
        } else {
            String::new()
        };
        ui.strong(format!(
            "{} ({}), row {row}{more}:",
            side.name(),
            document.name
        ));
        let sentences = match side {
            Side::Left => &comparison.left_sentences,
            Side::Right => &comparison.right_sentences,
        };
        let at = sentences.partition_point(|s| s.span.end <= first.start);
        if let Some(sentence) = sentences.get(at)
            && let Some(text) = document.text.get(sentence.content.range())
        {
            ui.label(text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    ui.weak("Click to highlight every place in both texts.");
}
