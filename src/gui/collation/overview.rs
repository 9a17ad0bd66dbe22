//! The overview beside the collation: the statements' pairwise similarity and the presence map
//! (points × statements, by kind; only the lines in view are drawn); and the status bar.

use egui::{Color32, FontId, Rect, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

use std::sync::Arc;

use crate::analysis::CollationInsights;
use crate::display::{kind_symbol, label};
use crate::engine::collate::PointKind;

use crate::gui::collation::CollationView;
use crate::gui::collation::statements::CollationShown;
use crate::gui::commands::{CollationCommand, Command};
use crate::gui::palette::Palette;

/// What the side panel of the collation shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SideTab {
    /// Similarity and the presence map.
    #[default]
    Overview,
    /// Who names what, shared phrases, wording strength, across the statements.
    Insights,
}

impl CollationView {
    /// The side panel: tabs for the overview and the insights across the statements.
    pub fn side_panel_ui(
        &mut self,
        ui: &mut Ui,
        shown: &CollationShown,
        insights: Option<&Result<Arc<CollationInsights>, String>>,
        commands: &mut Vec<Command>,
    ) {
        ui.set_min_width(ui.available_width());
        ui.horizontal(|ui| {
            for (tab, text) in [
                (SideTab::Overview, "Overview"),
                (SideTab::Insights, "Insights"),
            ] {
                if ui.selectable_label(self.side_tab == tab, text).clicked() {
                    commands.push(Command::Collation(CollationCommand::ShowInsightsTab(
                        tab == SideTab::Insights,
                    )));
                }
            }
        });
        ui.separator();
        match self.side_tab {
            SideTab::Overview => {
                // The brief leads, once the insights are in: what an analyst reads first.
                if let Some(Ok(insights)) = insights {
                    crate::gui::collation::insights::brief_ui(
                        ui,
                        insights,
                        &shown.collation,
                        commands,
                    );
                    ui.separator();
                }
                self.overview_ui(ui, shown, commands);
            }
            SideTab::Insights => match insights {
                Some(Ok(insights)) => {
                    crate::gui::collation::insights::ui(ui, insights, &shown.names, commands);
                }
                Some(Err(message)) => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        format!(
                            "The insights could not be computed for these texts: {message}. \
                             The columns are unaffected; this is a bug in Parallax, please \
                             report it with the files."
                        ),
                    );
                }
                None => {
                    ui.spinner();
                }
            },
        }
    }

    /// The overview: the presence map and the similarity matrix.
    pub fn overview_ui(
        &mut self,
        ui: &mut Ui,
        shown: &CollationShown,
        commands: &mut Vec<Command>,
    ) {
        let palette = Palette::new(ui.visuals().dark_mode);
        let columns = self.columns(shown);
        similarity_section_ui(ui, shown, &columns);
        ui.separator();
        ui.label(RichText::new("Presence: points (rows) × statements; click to go there").weak());
        presence_legend_ui(ui, &palette);
        let cell = presence_cell(ui.available_width(), columns.len());
        let points = &shown.collation.points;
        // The columns' labels, as the column headers and the insights name the statements.
        let (header, _) = ui.allocate_exact_size(
            vec2(40.0 + (cell.x + 2.0) * columns.len() as f32, 14.0),
            Sense::hover(),
        );
        // Labels as often as they fit (every one up to about twenty statements).
        let every = (LABEL_WIDTH / (cell.x + 2.0)).ceil().max(1.0) as usize;
        for (c, &document) in columns.iter().enumerate() {
            if c % every != 0 {
                continue;
            }
            let at = pos2(
                header.min.x + 40.0 + (cell.x + 2.0) * c as f32 + cell.x / 2.0,
                header.min.y,
            );
            ui.painter().text(
                at,
                egui::Align2::CENTER_TOP,
                label(document),
                FontId::proportional(10.0),
                palette.text,
            );
        }
        egui::ScrollArea::vertical()
            .id_salt("presence")
            .auto_shrink([false, false])
            .show_rows(ui, cell.y + 1.0, self.reading.len(), |ui, rows| {
                for row in rows {
                    let Some(point) = self.reading.get(row).and_then(|&p| points.get(p)) else {
                        continue;
                    };
                    let width = 40.0 + (cell.x + 2.0) * columns.len() as f32;
                    let (rect, response) =
                        ui.allocate_exact_size(vec2(width, cell.y + 1.0), Sense::click());
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("Presence of P{}", self.number(row)),
                        )
                    });
                    let present: Vec<String> = columns
                        .iter()
                        .filter(|&&d| point.has(d))
                        .map(|&d| {
                            format!(
                                "{} {}",
                                label(d),
                                shown.names.get(d).map_or("", String::as_str)
                            )
                        })
                        .collect();
                    let response = response.on_hover_text(format!(
                        "P{} · {} · in {} of {} statements: {}",
                        self.number(row),
                        kind_word(point.kind),
                        present.len(),
                        columns.len(),
                        present.join(", ")
                    ));
                    if response.clicked() {
                        commands.push(Command::Collation(CollationCommand::JumpToPoint(row)));
                    }
                    let painter = ui.painter();
                    if self.selected == Some(row) {
                        painter.rect_filled(rect, 0.0, ui.visuals().selection.bg_fill);
                    }
                    if row % 10 == 0 {
                        painter.text(
                            rect.min,
                            egui::Align2::LEFT_TOP,
                            format!("P{}", self.number(row)),
                            FontId::proportional(9.0),
                            palette.weak,
                        );
                    }
                    presence_cells_ui(painter, rect, cell, &columns, point, &palette);
                }
            });
    }
}

/// The presence map's legend: a chip per point kind.
fn presence_legend_ui(ui: &mut Ui, palette: &Palette) {
    ui.horizontal_wrapped(|ui| {
        for kind in [
            PointKind::Identical,
            PointKind::Equivalent,
            PointKind::Related,
            PointKind::Single,
        ] {
            ui.add(
                egui::Label::new(
                    RichText::new(format!(" {} {} ", kind_symbol(kind), kind_word(kind)))
                        .background_color(palette.point_kind(kind))
                        .color(Color32::WHITE),
                )
                .wrap_mode(egui::TextWrapMode::Extend),
            );
        }
        ui.label("blank: absent");
    });
}

/// Most height the similarity table takes before it scrolls.
const SIMILARITY_HEIGHT: f32 = 200.0;

/// Width a statement's label in the presence map's header needs.
const LABEL_WIDTH: f32 = 20.0;

/// A cell of the presence map: 22 points wide, narrower when that many statements would not
/// fit `width` (the panel's), never under 4.
fn presence_cell(width: f32, statements: usize) -> egui::Vec2 {
    let fits = (width - 40.0) / statements.max(1) as f32 - 2.0;
    vec2(fits.clamp(4.0, 22.0), 12.0)
}

/// One point's cells of the presence map: the kind's colour and sign where a statement has
/// the point, an outline where it does not.
fn presence_cells_ui(
    painter: &egui::Painter,
    rect: Rect,
    cell: egui::Vec2,
    columns: &[usize],
    point: &crate::engine::Point,
    palette: &Palette,
) {
    for (c, &document) in columns.iter().enumerate() {
        let at = Rect::from_min_size(
            pos2(rect.min.x + 40.0 + (cell.x + 2.0) * c as f32, rect.min.y),
            cell,
        );
        if point.has(document) {
            painter.rect_filled(at, 1.0, palette.point_kind(point.kind));
            if cell.x < 10.0 {
                continue; // too narrow for the sign: the colour alone
            }
            // The kind as a sign too, readable without colour.
            painter.text(
                at.center(),
                egui::Align2::CENTER_CENTER,
                kind_symbol(point.kind),
                FontId::proportional(10.0),
                Color32::WHITE,
            );
        } else {
            painter.rect_stroke(
                at,
                1.0,
                Stroke::new(1.0, palette.weak.gamma_multiply(0.5)),
                StrokeKind::Inside,
            );
        }
    }
}

/// A point's kind as the window says it ("one only" for a point one statement alone has).
pub fn kind_word(kind: PointKind) -> &'static str {
    match kind {
        PointKind::Single => "one only",
        other => other.name(),
    }
}

/// The status bar of the collation: each statement's origin, format and sentences.
pub fn status_ui(ui: &mut Ui, shown: &CollationShown) {
    ui.horizontal(|ui| {
        let each = (ui.available_width() / shown.documents.len().max(1) as f32 - 12.0).max(80.0);
        for (d, document) in shown.documents.iter().enumerate() {
            let sentences = shown.collation.sentences.get(d).map_or(0, Vec::len);
            let origin = document
                .path
                .as_ref()
                .map_or("bundled sample".to_owned(), |p| p.display().to_string());
            ui.scope(|ui| {
                ui.set_max_width(each);
                ui.add(
                    egui::Label::new(format!(
                        "{} {origin} · {} · {} · {sentences} sentences",
                        label(d),
                        document.format,
                        document.encoding
                    ))
                    .truncate(),
                );
            });
            ui.separator();
        }
    });
}

/// The similarity table under its label: each pair of statements compared as two texts.
fn similarity_section_ui(ui: &mut Ui, shown: &CollationShown, columns: &[usize]) {
    ui.label(
        RichText::new(
            "Similarity: share of sentences with a counterpart, each pair compared as two \
             texts",
        )
        .weak(),
    )
    .on_hover_text(
        "Each pair of statements compared on its own, as the two-text view does: two \
         statements can share sentences there that the points do not group (a point needs \
         most of its sentences linked to each other)",
    );
    // Many statements make a wide table: it scrolls inside the panel, which keeps its
    // width (a wider table pushed the whole panel out of the window).
    egui::ScrollArea::both()
        .id_salt("similarity")
        .max_height(SIMILARITY_HEIGHT)
        .show(ui, |ui| similarity_ui(ui, shown, columns));
}

/// The pairwise similarity of the shown statements, as a small table of percentages.
fn similarity_ui(ui: &mut Ui, shown: &CollationShown, columns: &[usize]) {
    let name = |d: usize| shown.names.get(d).cloned().unwrap_or_default();
    egui::Grid::new("similarity")
        .num_columns(columns.len() + 1)
        .spacing([6.0, 2.0])
        .show(ui, |ui| {
            ui.label("");
            for &d in columns {
                ui.label(RichText::new(label(d)).small().strong())
                    .on_hover_text(name(d));
            }
            ui.end_row();
            for &row in columns {
                let short: String = name(row).chars().take(12).collect();
                ui.label(RichText::new(format!("{} {short}", label(row))).small())
                    .on_hover_text(name(row));
                for &col in columns {
                    let value = shown
                        .collation
                        .similarity
                        .get(row)
                        .and_then(|r| r.get(col))
                        .copied()
                        .unwrap_or(0.0);
                    let text = if row == col {
                        "—".to_owned()
                    } else {
                        format!("{:.0}%", value * 100.0)
                    };
                    let tint = if row == col {
                        Color32::TRANSPARENT
                    } else {
                        ui.visuals()
                            .selection
                            .bg_fill
                            .gamma_multiply(value.clamp(0.0, 1.0))
                    };
                    ui.label(RichText::new(text).small().background_color(tint));
                }
                ui.end_row();
            }
        });
}
