//! The aligned view: one scroll region, one line of cells per engine row (left | gutter |
//! right). Only rows in view are laid out and painted; row heights are estimated until a row
//! is first laid out, then measured, and kept as prefix sums so finding the rows in view is a
//! binary search.

use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, pos2, vec2};

use crate::analysis::Actor;
use crate::display::CrossRef;
use crate::engine::{Comparison, Row, RowKind, Span};
use crate::load::Document;

pub use crate::gui::cells::{Palette, cell_job};
use crate::gui::commands::{Command, ViewCommand};
use crate::gui::rows::{
    CELL_PAD, CellGalley, GalleyCache, GalleyKey, MARKER_WIDTH, MarksKey, ROW_GAP, RowHeights,
    actor_marker_ui, empty_cell, row_range,
};
use crate::gui::{Side, Sides};

/// Width of the gutter between the columns.
pub const GUTTER: f32 = 76.0;

/// Everything the view needs for one frame.
pub struct ViewInput<'a> {
    /// Both documents.
    pub documents: Sides<&'a Document>,
    /// The comparison.
    pub comparison: &'a Comparison,
    /// Changes whenever the comparison does (keys the height cache).
    pub generation: u64,
    /// Colours.
    pub palette: Palette,
    /// The selected row, if any.
    pub selected: Option<usize>,
    /// Find matches sorted by row: (row, side, span, is current).
    pub find: &'a [(usize, Side, Span, bool)],
    /// Changes whenever the matches or the current match do (keys the cell cache).
    pub marks: MarksKey,
    /// Notes by row, sorted by row.
    pub notes: &'a [(usize, String)],
    /// For a moved row, the row to jump to (where its sentence sits in the other order).
    pub moved_targets: &'a [Option<crate::display::MovedTarget>],
    /// For each row, its sentences' links to sentences in other rows.
    pub cross_refs: &'a [Vec<CrossRef>],
    /// The sentence a cross-reference jumped to, outlined in its row.
    pub marked: Option<(Side, usize)>,
    /// Per side, whom each sentence credits (empty until the insights are computed).
    pub actors: Sides<&'a [Actor]>,
    /// Rows a filter leaves out (true: hidden), if a filter is on.
    pub hidden: Option<&'a [bool]>,
    /// Changes whenever the filter does (keys the heights).
    pub filter_generation: u64,
}

/// Lays out the two cells of row `i` (`None` for a side the row does not have), with its find
/// matches marked.
fn lay_out_row(
    ui: &Ui,
    input: &ViewInput<'_>,
    i: usize,
    row: &Row,
    font: &FontId,
    text_width: f32,
) -> Sides<Option<CellGalley>> {
    // Find matches are sorted by row: this row's are one slice.
    let row_find = &input.find[row_range(input.find, i, |m| m.0)];
    Sides::from_fn(|side| {
        if sentences(row, side).is_empty() {
            return None;
        }
        let find: Vec<(Span, bool)> = row_find
            .iter()
            .filter(|m| m.1 == side)
            .map(|m| (m.2, m.3))
            .collect();
        let job = cell_job(
            &input.documents[side].text,
            input.comparison,
            row,
            side,
            &input.palette,
            font,
            text_width,
            &find,
        );
        Some(CellGalley::lay_out(ui, job))
    })
}

/// A row's sentences on one side.
fn sentences(row: &Row, side: Side) -> &[usize] {
    match side {
        Side::Left => &row.left,
        Side::Right => &row.right,
    }
}

/// Draws the rows in view inside a scroll area's viewport callback; returns commands.
pub fn rows_ui(
    ui: &mut Ui,
    viewport: Rect,
    heights: &mut RowHeights,
    galleys: &mut GalleyCache<usize, Sides<Option<CellGalley>>>,
    input: &ViewInput<'_>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let full = ui.available_width();
    let column = ((full - GUTTER) / 2.0).max(80.0);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text_width = column - 2.0 * CELL_PAD - MARKER_WIDTH;
    let comparison = input.comparison;
    let rebuilt = heights.prepare(
        input.generation ^ input.filter_generation.rotate_left(40),
        text_width,
        font.size,
        comparison.rows.iter().map(|row| {
            let l = comparison.left_span(row).len();
            let r = comparison.right_span(row).len();
            l.max(r)
        }),
    );
    if rebuilt && let Some(hidden) = input.hidden {
        heights.collapse(hidden);
    }
    galleys.validate(GalleyKey::new(
        ui,
        input.generation,
        text_width,
        font.size,
        input.marks,
    ));
    ui.set_height(heights.total());
    let origin = ui.max_rect().min;
    let visible = heights.visible(viewport.min.y, viewport.max.y);
    let dark = ui.visuals().dark_mode;
    for i in visible {
        let Some(row) = comparison.rows.get(i) else {
            break;
        };
        if input
            .hidden
            .is_some_and(|hidden| hidden.get(i).copied().unwrap_or(false))
        {
            continue;
        }
        let mut cells = match galleys.get(&i) {
            Some(cached) => cached,
            None => {
                let laid = lay_out_row(ui, input, i, row, &font, text_width);
                galleys.insert(i, laid.clone());
                laid
            }
        };
        let note = input
            .notes
            .binary_search_by_key(&i, |(row, _)| *row)
            .ok()
            .and_then(|k| input.notes.get(k))
            .map(|(_, note)| note.as_str());
        // Tall enough for what the gutter shows: the moved link below the similarity, the
        // note marker below that, the cross-references below those.
        let refs = input.cross_refs.get(i).map_or(&[][..], Vec::as_slice);
        let gutter = if !refs.is_empty() {
            xref_at(row, note.is_some(), refs.len().min(XREF_LINES + 1) - 1) + XREF_HEIGHT / 2.0
        } else if note.is_some() {
            NOTE_AT + NOTE_HEIGHT / 2.0
        } else if row.moved {
            LINK_AT + LINK_HEIGHT / 2.0
        } else {
            0.0
        };
        let content = cells
            .iter()
            .flatten()
            .map(|g| g.size().y)
            .fold((font.size * 1.3).max(gutter), f32::max);
        let height = content + 2.0 * CELL_PAD + ROW_GAP;
        heights.measure(i, height);
        let top = origin.y + heights.top(i);
        let row_rect = Rect::from_min_size(pos2(origin.x, top), vec2(full, height - ROW_GAP));
        let left_rect = Rect::from_min_size(row_rect.min, vec2(column, row_rect.height()));
        let right_rect = Rect::from_min_size(
            pos2(row_rect.max.x - column, top),
            vec2(column, row_rect.height()),
        );
        let gutter_rect =
            Rect::from_x_y_ranges(left_rect.max.x..=right_rect.min.x, row_rect.y_range());

        // A click on the row's background selects it (registered first, so the text and the
        // gutter link above it keep their own clicks).
        let response = ui.interact(row_rect, ui.scope_id().with(("row", i)), Sense::click());
        if response.clicked() {
            commands.push(Command::View(ViewCommand::SelectRow(i)));
        }

        // Backgrounds: one-sided rows tinted, their empty counterpart hatched grey.
        let painter = ui.painter();
        match row.kind {
            RowKind::LeftOnly => {
                painter.rect_filled(left_rect, 3.0, input.palette.left_only);
                empty_cell(painter, right_rect, input.palette.empty, dark);
            }
            RowKind::RightOnly => {
                painter.rect_filled(right_rect, 3.0, input.palette.right_only);
                empty_cell(painter, left_rect, input.palette.empty, dark);
            }
            RowKind::Related => {
                // Same topic, different statements: both cells tinted alike (the shared
                // terms are underlined in the text).
                painter.rect_filled(left_rect, 3.0, input.palette.related);
                painter.rect_filled(right_rect, 3.0, input.palette.related);
            }
            RowKind::Modified if row.paraphrase => {
                // The same statement in other words: its own tint, not the related one.
                painter.rect_filled(left_rect, 3.0, input.palette.paraphrase);
                painter.rect_filled(right_rect, 3.0, input.palette.paraphrase);
            }
            _ => {}
        }
        if let Some((side, sentence)) = input.marked
            && sentences(row, side).contains(&sentence)
        {
            let rect = if side == Side::Left {
                left_rect
            } else {
                right_rect
            };
            painter.rect_stroke(
                rect.shrink(1.0),
                3.0,
                Stroke::new(2.0, input.palette.shared_line),
                StrokeKind::Inside,
            );
        }
        if row.moved {
            let bar = Rect::from_min_size(left_rect.min, vec2(3.0, left_rect.height()));
            painter.rect_filled(bar, 0.0, input.palette.moved);
            let bar = Rect::from_min_size(
                pos2(right_rect.max.x - 3.0, right_rect.min.y),
                vec2(3.0, right_rect.height()),
            );
            painter.rect_filled(bar, 0.0, input.palette.moved);
        }
        if input.selected == Some(i) {
            painter.rect_stroke(
                row_rect.expand(2.0),
                4.0,
                Stroke::new(2.0, input.palette.selected),
                StrokeKind::Outside,
            );
        }

        let rects = Sides::new(left_rect, right_rect);
        for (side, rect) in rects.iter_with_side() {
            if let Some(galley) = cells[side].take() {
                let mut inner = rect.shrink(CELL_PAD);
                // The marker sits beside the gutter: at the left cell's right, the right
                // cell's left.
                let marker_rect = if side == Side::Left {
                    let x = inner.max.x - MARKER_WIDTH;
                    Rect::from_min_size(pos2(x, inner.min.y), vec2(MARKER_WIDTH, 16.0))
                } else {
                    let rect = Rect::from_min_size(inner.min, vec2(MARKER_WIDTH, 16.0));
                    inner.min.x += MARKER_WIDTH;
                    rect
                };
                pair_marker_ui(ui, marker_rect, side, sentences(row, side), input);
                // A click on a sentence selects its row, as on the row's background; a drag
                // still selects text to copy.
                let text = galley.put(
                    ui,
                    Rect::from_min_size(
                        inner.min,
                        vec2(galley.size().x.min(inner.width()), galley.size().y),
                    ),
                );
                if text.clicked() {
                    commands.push(Command::View(ViewCommand::SelectRow(i)));
                }
            }
        }
        gutter_ui(ui, gutter_rect, row, i, note, input, &mut commands);
    }
    commands
}

/// The marker of whom a cell's sentences credit ([`actor_marker_ui`]), from the pair's actors.
fn pair_marker_ui(ui: &mut Ui, rect: Rect, side: Side, sentences: &[usize], input: &ViewInput<'_>) {
    let actors = input.actors[side];
    let credited: Vec<(usize, Actor)> = sentences
        .iter()
        .filter_map(|&s| Some((s, *actors.get(s)?)))
        .collect();
    let initial = match side {
        Side::Left => "L",
        Side::Right => "R",
    };
    actor_marker_ui(
        ui,
        rect,
        side == Side::Left,
        (&credited, || initial.to_owned()),
        (input.palette.moved, input.palette.shared_line),
    );
}

/// Where the moved link and the note marker sit in the gutter (centre below the cell's top
/// padding), and their heights.
const LINK_AT: f32 = 24.0;
const LINK_HEIGHT: f32 = 18.0;
const NOTE_AT: f32 = 42.0;
const NOTE_HEIGHT: f32 = 16.0;
/// Cross-references ("also R7"): one per line below the rest, at most this many lines (then
/// "+n more").
const XREF_LINES: usize = 3;
const XREF_HEIGHT: f32 = 16.0;

/// Where cross-reference line `k` of a row's gutter is centred.
fn xref_at(row: &Row, note: bool, k: usize) -> f32 {
    let above = if note {
        NOTE_AT + NOTE_HEIGHT / 2.0
    } else if row.moved {
        LINK_AT + LINK_HEIGHT / 2.0
    } else {
        14.0
    };
    above + 4.0 + XREF_HEIGHT / 2.0 + k as f32 * XREF_HEIGHT
}

/// Puts a gutter widget in `rect`, centred and unjustified (`Ui::put` justifies, which
/// spreads the letters of a short wrapped line across the gutter); a line too long is cut.
fn put_unjustified(ui: &mut Ui, rect: Rect, widget: impl egui::Widget) -> egui::Response {
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::top_down(egui::Align::Center)),
        |ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
            ui.add(widget)
        },
    )
    .inner
}

fn gutter_ui(
    ui: &mut Ui,
    rect: Rect,
    row: &Row,
    index: usize,
    note: Option<&str>,
    input: &ViewInput<'_>,
    commands: &mut Vec<Command>,
) {
    let painter = ui.painter();
    let weak = input.palette.weak;
    let small = FontId::proportional(11.0);
    // The label is the display model's (the reports write the same); its colour is the
    // window's.
    let linked_elsewhere = input.cross_refs.get(index).is_some_and(|r| !r.is_empty());
    let label = crate::display::gutter_label(row, linked_elsewhere);
    let colour = match row.kind {
        RowKind::LeftOnly | RowKind::RightOnly if linked_elsewhere => weak,
        RowKind::Identical => weak,
        RowKind::Modified if row.paraphrase => input.palette.paraphrase_line,
        RowKind::Modified => input.palette.text,
        RowKind::Related => input.palette.shared_line,
        RowKind::LeftOnly => input.palette.deleted_line,
        RowKind::RightOnly => input.palette.inserted_line,
    };
    // A pair the analyst linked or confirmed says so.
    let by_analyst = row.left.iter().any(|&l| {
        row.right.iter().any(|&r| {
            input
                .comparison
                .link(l, r)
                .is_some_and(|link| link.source == crate::engine::LinkSource::Analyst)
        })
    });
    let label = if by_analyst {
        format!("you: {label}")
    } else {
        label
    };
    painter.text(
        rect.center_top() + Vec2::new(0.0, CELL_PAD),
        Align2::CENTER_TOP,
        label,
        small.clone(),
        colour,
    );
    if let Some(note) = note {
        let note_rect = Rect::from_center_size(
            rect.center_top() + Vec2::new(0.0, CELL_PAD + NOTE_AT),
            vec2(rect.width() - 4.0, NOTE_HEIGHT),
        );
        ui.put(
            note_rect,
            egui::Label::new(
                egui::RichText::new("note")
                    .size(11.0)
                    .background_color(Color32::from_rgb(255, 236, 150))
                    .color(Color32::BLACK),
            ),
        )
        .on_hover_text(note);
    }
    let refs = input.cross_refs.get(index).map_or(&[][..], Vec::as_slice);
    for (k, r) in refs.iter().take(XREF_LINES).enumerate() {
        let rect_k = Rect::from_center_size(
            rect.center_top() + Vec2::new(0.0, CELL_PAD + xref_at(row, note.is_some(), k)),
            vec2(rect.width() - 4.0, XREF_HEIGHT),
        );
        let colour = match r.kind {
            crate::engine::LinkKind::Related => input.palette.shared_line,
            _ => input.palette.moved,
        };
        let side = match r.side {
            Side::Left => "left",
            Side::Right => "right",
        };
        let response = ui
            .put(
                rect_k,
                egui::Link::new(
                    egui::RichText::new(format!("also {}", r.label()))
                        .size(11.0)
                        .color(colour),
                ),
            )
            .on_hover_text(format!(
                "Also linked ({}): the {side} document's sentence {}, in row {}. Click to go \
                 there; the sentence is outlined.",
                r.kind.name(),
                r.sentence + 1,
                r.row + 1
            ));
        if response.clicked() {
            commands.push(Command::View(ViewCommand::JumpToSentence(
                r.side, r.sentence,
            )));
        }
    }
    if refs.len() > XREF_LINES {
        let rect_k = Rect::from_center_size(
            rect.center_top() + Vec2::new(0.0, CELL_PAD + xref_at(row, note.is_some(), XREF_LINES)),
            vec2(rect.width() - 4.0, XREF_HEIGHT),
        );
        let all = crate::display::cross_refs_text(refs);
        ui.put(
            rect_k,
            egui::Label::new(
                egui::RichText::new(format!("+{} more", refs.len() - XREF_LINES))
                    .size(11.0)
                    .color(weak),
            ),
        )
        .on_hover_text(all);
    }
    if row.moved
        && let Some(Some(target)) = input.moved_targets.get(index)
    {
        let link_rect = Rect::from_center_size(
            rect.center_top() + Vec2::new(0.0, CELL_PAD + LINK_AT),
            vec2(rect.width() - 4.0, LINK_HEIGHT),
        );
        let right_sentence = row.right.first().map_or(0, |r| r + 1);
        // "moved: after R6" where it fits on one line, else "after R6" (the bar at the edges
        // says moved): never a justified line with its letters spread.
        let full = format!("moved: {}", target.label());
        let width = ui.fonts_mut(|f| {
            f.layout_no_wrap(full.clone(), small.clone(), input.palette.moved)
                .size()
                .x
        });
        let text = if width <= link_rect.width() {
            full
        } else {
            target.label()
        };
        let response = put_unjustified(
            ui,
            link_rect,
            egui::Link::new(
                egui::RichText::new(text)
                    .size(11.0)
                    .color(input.palette.moved),
            ),
        )
        .on_hover_text(format!(
            "Out of order: on the right this is sentence {right_sentence}, which comes {} \
                 in the right document. Click to go to row {}, where R{} is (outlined).",
            target.label(),
            target.row + 1,
            target.sentence + 1
        ));
        if response.clicked() {
            commands.push(Command::View(ViewCommand::JumpToSentence(
                Side::Right,
                target.sentence,
            )));
        }
    }
}
