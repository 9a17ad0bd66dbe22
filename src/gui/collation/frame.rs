//! The frame around the collation's cells: the column headers (name, move, hide, more) and
//! each row's gutter (its number and kind, its click area, the selection outline).

use egui::{FontId, Rect, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::engine::collate::PointKind;

use crate::gui::collation::statements::CollationShown;
use crate::gui::collation::{CELL_PAD, CollationView, GUTTER, HEADER, overview};
use crate::gui::commands::{CollationCommand, Command, DialogCommand, Slot, StatementsCommand};
use crate::gui::palette::Palette;

impl CollationView {
    /// The statement that alone has point `point`, when the point is one statement's and its
    /// column is shown.
    pub(super) fn single_holder(&self, shown: &CollationShown, point: usize) -> Option<usize> {
        let point = shown.collation.points.get(point)?;
        if point.kind != PointKind::Single {
            return None;
        }
        let holder = (0..shown.documents.len()).find(|&d| point.has(d))?;
        let hidden = (shown.ids.get(holder)).is_some_and(|id| self.hidden.contains(id));
        (!hidden).then_some(holder)
    }

    /// How tall the gutter of point `point` needs its row: number and kind, and under them the
    /// hidden statements that have the point or the one statement that alone has it.
    pub(super) fn gutter_height(&self, shown: &CollationShown, point: usize) -> f32 {
        if self.hidden_having(shown, point).is_empty() && self.single_holder(shown, point).is_none()
        {
            0.0
        } else {
            crate::gui::collation::GUTTER_HIDDEN_AT + 14.0
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn gutter_ui(
        &self,
        ui: &mut Ui,
        row_rect: Rect,
        row: usize,
        point: usize,
        shown: &CollationShown,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        let gutter = Rect::from_min_size(row_rect.min, vec2(GUTTER - 4.0, row_rect.height()));
        let kind = shown
            .collation
            .points
            .get(point)
            .map_or(PointKind::Single, |p| p.kind);
        let response = ui.interact(row_rect, ui.scope_id().with(("point", row)), Sense::click());
        if response.clicked() {
            commands.push(Command::Collation(CollationCommand::JumpToPoint(row)));
        }
        // The point's number, as a label (read by screen readers and tests).
        let number =
            Rect::from_min_size(gutter.min + vec2(4.0, CELL_PAD), vec2(GUTTER - 8.0, 16.0));
        ui.put(
            number,
            egui::Label::new(
                RichText::new(format!("P{}", self.number(row)))
                    .size(13.0)
                    .color(palette.text),
            )
            .selectable(false),
        );
        let hidden = self.hidden_having(shown, point);
        if !hidden.is_empty() {
            let note = Rect::from_min_size(
                gutter.min + vec2(4.0, CELL_PAD + crate::gui::collation::GUTTER_HIDDEN_AT),
                vec2(GUTTER - 8.0, 14.0),
            );
            ui.put(
                note,
                egui::Label::new(
                    RichText::new(format!("+{} hidden", hidden.join(",")))
                        .size(11.0)
                        .color(palette.weak),
                )
                .selectable(false),
            )
            .on_hover_text(format!(
                "Hidden columns that have this point too: {}. The words' marks count them \
                 (\"said by all\" is by every statement with the point, shown or hidden).",
                hidden.join(", ")
            ));
        }
        // A point one statement alone has: which one, since its column may be scrolled out of
        // view and the row then shows only hatched cells.
        if let Some(holder) = hidden
            .is_empty()
            .then(|| self.single_holder(shown, point))
            .flatten()
        {
            let note = Rect::from_min_size(
                gutter.min + vec2(4.0, CELL_PAD + crate::gui::collation::GUTTER_HIDDEN_AT),
                vec2(GUTTER - 8.0, 14.0),
            );
            let label = crate::display::label(holder);
            ui.put(
                note,
                egui::Label::new(
                    RichText::new(format!("in {label}"))
                        .size(11.0)
                        .color(palette.weak),
                )
                .selectable(false),
            )
            .on_hover_text(format!(
                "Only {label} has this point (its column may be out of view: scroll sideways)"
            ));
        }
        let painter = ui.painter();
        painter.text(
            gutter.min + vec2(4.0, CELL_PAD + 16.0),
            egui::Align2::LEFT_TOP,
            overview::kind_word(kind),
            FontId::proportional(11.0),
            palette.point_kind(kind),
        );
        if self.selected == Some(row) {
            painter.rect_stroke(
                row_rect.expand(1.0),
                3.0,
                Stroke::new(2.0, palette.selected),
                StrokeKind::Outside,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn headers_ui(
        &self,
        ui: &mut Ui,
        shown: &CollationShown,
        columns: &[usize],
        left: f32,
        top: f32,
        column: f32,
        commands: &mut Vec<Command>,
    ) {
        let bar = Rect::from_min_size(
            pos2(left, top),
            vec2(GUTTER + column * columns.len() as f32, HEADER),
        );
        ui.painter().rect_filled(bar, 0.0, ui.visuals().panel_fill);
        for (c, &document) in columns.iter().enumerate() {
            let (Some(doc), Some(&id)) = (shown.documents.get(document), shown.ids.get(document))
            else {
                continue;
            };
            let rect = Rect::from_min_size(
                pos2(left + GUTTER + column * c as f32, top),
                vec2(column, HEADER),
            );
            let name_rect =
                Rect::from_min_size(rect.min + vec2(4.0, 2.0), vec2(column - 8.0, 20.0));
            let pivot = document == self.pivot(shown);
            name_line(ui, name_rect, shown, document, doc, pivot);
            let buttons_rect =
                Rect::from_min_size(rect.min + vec2(4.0, 24.0), vec2(column - 8.0, 22.0));
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(buttons_rect)
                    .layout(egui::Layout::left_to_right(egui::Align::Center)),
                |ui| {
                    for (text, hover, command) in [
                        (
                            "<",
                            "Move this column left",
                            Command::Collation(CollationCommand::MoveColumn(id, -1)),
                        ),
                        (
                            ">",
                            "Move this column right",
                            Command::Collation(CollationCommand::MoveColumn(id, 1)),
                        ),
                        (
                            "Hide",
                            "Hide this column (show it again from Columns)",
                            Command::Collation(CollationCommand::ToggleColumn(id)),
                        ),
                    ] {
                        if ui.small_button(text).on_hover_text(hover).clicked() {
                            commands.push(command);
                        }
                    }
                    ui.menu_button("More", |ui| {
                        if ui.button("Order the points by this statement").clicked() {
                            commands.push(Command::Collation(CollationCommand::SetPivot(id)));
                        }
                        if ui.button("Replace with another file…").clicked() {
                            commands
                                .push(Command::Dialog(DialogCommand::Open(Slot::Statement(id))));
                        }
                        if ui.button("Remove from the collation").clicked() {
                            commands.push(Command::Statements(StatementsCommand::Remove(id)));
                        }
                    });
                },
            );
        }
    }
}

/// A column's name line: its label and name, truncated to fit, and at its right the
/// reading-order marker on the pivot's column.
fn name_line(
    ui: &mut Ui,
    rect: Rect,
    shown: &CollationShown,
    document: usize,
    doc: &crate::load::Document,
    pivot: bool,
) {
    // The reading-order marker sits at the right of the name line, which truncates the
    // name to make room: in the buttons' line it ran into the next column.
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::right_to_left(egui::Align::Center)),
        |ui| {
            if pivot {
                ui.label(RichText::new("reading order").weak().small())
                    .on_hover_text(
                        "The points follow this statement's order; points it lacks sit \
                         where the others put them",
                    );
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "{} {}",
                            crate::display::label(document),
                            shown.names.get(document).unwrap_or(&doc.name)
                        ))
                        .strong(),
                    )
                    .truncate(),
                )
                .on_hover_text(
                    doc.path
                        .as_ref()
                        .map_or_else(|| "bundled sample".to_owned(), |p| p.display().to_string()),
                );
            });
        },
    );
}
