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
pub const GUTTER: f32 = 96.0;

/// Width of the row's number at the gutter's left, the number the brief, the reports and the
/// note field use ("rows 4 and 5").
const NUMBER_WIDTH: f32 = 20.0;

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
    prepare_caches(ui, heights, galleys, input, text_width, &font);
    ui.set_height(heights.total());
    let origin = ui.max_rect().min;
    let visible = heights.visible(viewport.min.y, viewport.max.y);
    for i in visible {
        let Some(row) = input.comparison.rows.get(i) else {
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
        let note = note_of(input.notes, i);
        let refs = input.cross_refs.get(i).map_or(&[][..], Vec::as_slice);
        let content = cells.iter().flatten().map(|g| g.size().y).fold(
            (font.size * 1.3).max(gutter_height(row, note, refs)),
            f32::max,
        );
        let height = content + 2.0 * CELL_PAD + ROW_GAP;
        heights.measure(i, height);
        let top = origin.y + heights.top(i);
        let rects = RowRects::new(pos2(origin.x, top), full, column, height - ROW_GAP);

        // A click on the row's background selects it (registered first, so the text and the
        // gutter link above it keep their own clicks).
        let response = ui.interact(rects.row, ui.scope_id().with(("row", i)), Sense::click());
        if response.clicked() {
            commands.push(Command::View(ViewCommand::SelectRow(i)));
        }
        backgrounds_ui(ui, &rects, row, i, input);
        for (side, rect) in rects.cells.iter_with_side() {
            if let Some(galley) = cells[side].take()
                && cell_ui(ui, *rect, side, galley, row, input)
            {
                commands.push(Command::View(ViewCommand::SelectRow(i)));
            }
        }
        gutter_ui(ui, rects.gutter, row, i, note, input, &mut commands);
    }
    commands
}

/// Makes the row heights and the laid-out cells fit this frame: measured again when the
/// comparison, the filter or the width changed; cells laid out again when the font, the width
/// or the marks did.
fn prepare_caches(
    ui: &Ui,
    heights: &mut RowHeights,
    galleys: &mut GalleyCache<usize, Sides<Option<CellGalley>>>,
    input: &ViewInput<'_>,
    text_width: f32,
    font: &FontId,
) {
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
}

/// The note on row `i`, if any (`notes` is sorted by row).
fn note_of(notes: &[(usize, String)], i: usize) -> Option<&str> {
    notes
        .binary_search_by_key(&i, |(row, _)| *row)
        .ok()
        .and_then(|k| notes.get(k))
        .map(|(_, note)| note.as_str())
}

/// How tall the gutter's content is: the moved link below the similarity, the note marker
/// below that, the cross-references below those.
fn gutter_height(row: &Row, note: Option<&str>, refs: &[CrossRef]) -> f32 {
    if !refs.is_empty() {
        xref_at(row, note.is_some(), refs.len().min(XREF_LINES + 1) - 1) + XREF_HEIGHT / 2.0
    } else if note.is_some() {
        NOTE_AT + NOTE_HEIGHT / 2.0
    } else if row.moved {
        LINK_AT + LINK_HEIGHT / 2.0
    } else {
        0.0
    }
}

/// Where a row's parts sit: the whole row, its two cells and the gutter between them.
struct RowRects {
    row: Rect,
    cells: Sides<Rect>,
    gutter: Rect,
}

impl RowRects {
    /// The parts of a row at `min`, `full` wide and `height` tall, with cells `column` wide.
    fn new(min: egui::Pos2, full: f32, column: f32, height: f32) -> Self {
        let row = Rect::from_min_size(min, vec2(full, height));
        let left = Rect::from_min_size(row.min, vec2(column, height));
        let right = Rect::from_min_size(pos2(row.max.x - column, min.y), vec2(column, height));
        let gutter = Rect::from_x_y_ranges(left.max.x..=right.min.x, row.y_range());
        Self {
            row,
            cells: Sides::new(left, right),
            gutter,
        }
    }
}

/// Paints a row's backgrounds: its kind's tints (a one-sided row's empty counterpart hatched
/// grey), the outline of a sentence a cross-reference jumped to, the moved bars and the
/// selection.
fn backgrounds_ui(ui: &Ui, rects: &RowRects, row: &Row, i: usize, input: &ViewInput<'_>) {
    let dark = ui.visuals().dark_mode;
    let painter = ui.painter();
    let Sides { left, right } = rects.cells;
    let palette = &input.palette;
    match row.kind {
        RowKind::LeftOnly => {
            painter.rect_filled(left, 3.0, palette.left_only);
            empty_cell(painter, right, palette.empty, dark);
        }
        RowKind::RightOnly => {
            painter.rect_filled(right, 3.0, palette.right_only);
            empty_cell(painter, left, palette.empty, dark);
        }
        RowKind::Related => {
            // Same topic, different statements: both cells tinted alike (the shared
            // terms are underlined in the text).
            painter.rect_filled(left, 3.0, palette.related);
            painter.rect_filled(right, 3.0, palette.related);
        }
        RowKind::Modified if row.paraphrase => {
            // The same statement in other words: its own tint, not the related one.
            painter.rect_filled(left, 3.0, palette.paraphrase);
            painter.rect_filled(right, 3.0, palette.paraphrase);
        }
        _ => {}
    }
    if let Some((side, sentence)) = input.marked
        && sentences(row, side).contains(&sentence)
    {
        painter.rect_stroke(
            rects.cells[side].shrink(1.0),
            3.0,
            Stroke::new(2.0, palette.shared_line),
            StrokeKind::Inside,
        );
    }
    if row.moved {
        let bar = Rect::from_min_size(left.min, vec2(3.0, left.height()));
        painter.rect_filled(bar, 0.0, palette.moved);
        let bar = Rect::from_min_size(
            pos2(right.max.x - 3.0, right.min.y),
            vec2(3.0, right.height()),
        );
        painter.rect_filled(bar, 0.0, palette.moved);
    }
    if input.selected == Some(i) {
        painter.rect_stroke(
            rects.row.expand(2.0),
            4.0,
            Stroke::new(2.0, palette.selected),
            StrokeKind::Outside,
        );
    }
}

/// Draws one cell: the marker of whom its sentences credit, beside the gutter, and its text.
/// Says whether the text was clicked (a click on a sentence selects its row, as on the row's
/// background; a drag still selects text to copy).
fn cell_ui(
    ui: &mut Ui,
    rect: Rect,
    side: Side,
    galley: CellGalley,
    row: &Row,
    input: &ViewInput<'_>,
) -> bool {
    let mut inner = rect.shrink(CELL_PAD);
    // The marker sits beside the gutter: at the left cell's right, the right cell's left.
    let marker_rect = if side == Side::Left {
        let x = inner.max.x - MARKER_WIDTH;
        Rect::from_min_size(pos2(x, inner.min.y), vec2(MARKER_WIDTH, 16.0))
    } else {
        let rect = Rect::from_min_size(inner.min, vec2(MARKER_WIDTH, 16.0));
        inner.min.x += MARKER_WIDTH;
        rect
    };
    pair_marker_ui(ui, marker_rect, side, sentences(row, side), input);
    let text = galley.put(
        ui,
        Rect::from_min_size(
            inner.min,
            vec2(galley.size().x.min(inner.width()), galley.size().y),
        ),
    );
    text.clicked()
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

/// Draws a row's gutter: its label, the note marker, the cross-references and the moved link.
fn gutter_ui(
    ui: &mut Ui,
    rect: Rect,
    row: &Row,
    index: usize,
    note: Option<&str>,
    input: &ViewInput<'_>,
    commands: &mut Vec<Command>,
) {
    let number = (index + 1).to_string();
    ui.painter().text(
        rect.left_top() + Vec2::new(1.0, CELL_PAD + 1.0),
        Align2::LEFT_TOP,
        number,
        FontId::proportional(10.0),
        input.palette.weak,
    );
    let rect = Rect::from_min_max(rect.min + Vec2::new(NUMBER_WIDTH, 0.0), rect.max);
    gutter_label_ui(ui, rect, row, index, input);
    if let Some(note) = note {
        note_marker_ui(ui, rect, note);
    }
    let refs = input.cross_refs.get(index).map_or(&[][..], Vec::as_slice);
    cross_refs_ui(ui, rect, row, refs, note.is_some(), input, commands);
    if row.moved
        && let Some(Some(target)) = input.moved_targets.get(index)
    {
        moved_link_ui(ui, rect, row, target, input, commands);
    }
}

/// The gutter's label (the display model's, as the reports write it) in the window's colour
/// for the row's kind, "you: " first when the analyst linked or confirmed the pair.
fn gutter_label_ui(ui: &Ui, rect: Rect, row: &Row, index: usize, input: &ViewInput<'_>) {
    let weak = input.palette.weak;
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
    ui.painter().text(
        rect.center_top() + Vec2::new(0.0, CELL_PAD),
        Align2::CENTER_TOP,
        label,
        FontId::proportional(11.0),
        colour,
    );
}

/// The "note" marker, the note whole on hover.
fn note_marker_ui(ui: &mut Ui, rect: Rect, note: &str) {
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

/// The row's cross-references, "also R7" links one per line, then "+n more" past
/// [`XREF_LINES`].
fn cross_refs_ui(
    ui: &mut Ui,
    rect: Rect,
    row: &Row,
    refs: &[CrossRef],
    note: bool,
    input: &ViewInput<'_>,
    commands: &mut Vec<Command>,
) {
    let line_rect = |k: usize| {
        Rect::from_center_size(
            rect.center_top() + Vec2::new(0.0, CELL_PAD + xref_at(row, note, k)),
            vec2(rect.width() - 4.0, XREF_HEIGHT),
        )
    };
    for (k, r) in refs.iter().take(XREF_LINES).enumerate() {
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
                line_rect(k),
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
        let all = crate::display::cross_refs_text(refs);
        ui.put(
            line_rect(XREF_LINES),
            egui::Label::new(
                egui::RichText::new(format!("+{} more", refs.len() - XREF_LINES))
                    .size(11.0)
                    .color(input.palette.weak),
            ),
        )
        .on_hover_text(all);
    }
}

/// A moved row's link to where its right sentence sits in the other order: "moved: after R6"
/// where it fits on one line, else "after R6" (the bar at the edges says moved), never a
/// justified line with its letters spread.
fn moved_link_ui(
    ui: &mut Ui,
    rect: Rect,
    row: &Row,
    target: &crate::display::MovedTarget,
    input: &ViewInput<'_>,
    commands: &mut Vec<Command>,
) {
    let link_rect = Rect::from_center_size(
        rect.center_top() + Vec2::new(0.0, CELL_PAD + LINK_AT),
        vec2(rect.width() - 4.0, LINK_HEIGHT),
    );
    let right_sentence = row.right.first().map_or(0, |r| r + 1);
    let full = format!("moved: {}", target.label());
    let width = ui.fonts_mut(|f| {
        f.layout_no_wrap(
            full.clone(),
            FontId::proportional(11.0),
            input.palette.moved,
        )
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
