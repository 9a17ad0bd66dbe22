//! The collation view: one column per statement, one row per point (sentences of several
//! statements that say, or speak of, the same thing), empty cells hatched. Inside a row, each
//! word is marked by how many of the row's statements have it: by all (green, plain), by some
//! (underlined), by this one only (italic, amber); readable without colour. Columns can be
//! reordered and hidden, and the points ordered by any statement (the pivot). Beside it, the
//! overview: a presence map of points × statements and the statements' pairwise similarity.
//!
//! Only the rows in view are laid out; row heights are estimated until a row is first laid
//! out (as in the two-text view), and the presence map draws only its visible rows, so a frame
//! costs the same on 30 points as on 1,000.

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Rect, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::engine::Span;
use crate::engine::collate::{PointKind, SentenceWords, Share};

use super::Command;
use super::collection::{CollationShown, Statement};
use super::view::{CELL_PAD, ROW_GAP, RowHeights, empty_cell};

/// Width of the point gutter at the left of the rows.
const GUTTER: f32 = 64.0;
/// Narrowest a column gets before the rows scroll sideways.
const MIN_COLUMN: f32 = 200.0;
/// Height of the column headers.
const HEADER: f32 = 48.0;

/// Colours of the collation, for the light or the dark theme.
#[derive(Clone, Copy)]
pub struct CollationPalette {
    /// Background of a word every statement of the row has.
    pub all: Color32,
    /// Underline of a word some statements of the row have.
    pub some: Color32,
    /// Background of a word only this statement has.
    pub alone: Color32,
    /// Tint of a cell whose point only its statement has.
    pub single: Color32,
    /// Presence map: identical, equivalent, related, one statement only.
    pub kinds: [Color32; 4],
    /// Text.
    pub text: Color32,
    /// Secondary text.
    pub weak: Color32,
    /// Empty cell.
    pub empty: Color32,
    /// Outline of the selected row.
    pub selected: Color32,
    /// Background of find matches, and of the current one.
    pub find: Color32,
    /// Background of the current find match.
    pub find_current: Color32,
}

impl CollationPalette {
    /// The palette of a theme.
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                all: Color32::from_rgb(28, 70, 40),
                some: Color32::from_rgb(120, 170, 240),
                alone: Color32::from_rgb(96, 66, 20),
                single: Color32::from_rgb(48, 44, 36),
                kinds: [
                    Color32::from_rgb(90, 170, 110),
                    Color32::from_rgb(100, 150, 230),
                    Color32::from_rgb(220, 170, 80),
                    Color32::from_gray(120),
                ],
                text: Color32::from_gray(225),
                weak: Color32::from_gray(150),
                empty: Color32::from_gray(32),
                selected: Color32::from_rgb(120, 170, 255),
                find: Color32::from_rgb(110, 90, 20),
                find_current: Color32::from_rgb(170, 120, 0),
            }
        } else {
            Self {
                all: Color32::from_rgb(214, 240, 218),
                some: Color32::from_rgb(30, 90, 200),
                alone: Color32::from_rgb(255, 226, 170),
                single: Color32::from_rgb(246, 242, 232),
                kinds: [
                    Color32::from_rgb(40, 140, 70),
                    Color32::from_rgb(50, 100, 210),
                    Color32::from_rgb(190, 120, 0),
                    Color32::from_gray(150),
                ],
                text: Color32::from_gray(20),
                weak: Color32::from_gray(100),
                empty: Color32::from_gray(248),
                selected: Color32::from_rgb(40, 90, 220),
                find: Color32::from_rgb(255, 240, 120),
                find_current: Color32::from_rgb(255, 190, 60),
            }
        }
    }

    fn kind(&self, kind: PointKind) -> Color32 {
        match kind {
            PointKind::Identical => self.kinds[0],
            PointKind::Equivalent => self.kinds[1],
            PointKind::Related => self.kinds[2],
            PointKind::Single => self.kinds[3],
        }
    }
}

/// What the collation view remembers between frames.
#[derive(Default)]
pub struct CollationView {
    /// Column order, by statement id.
    order: Vec<u64>,
    /// Hidden columns, by statement id.
    hidden: Vec<u64>,
    /// The statement the points are ordered by (default: the first column).
    pivot: Option<u64>,
    /// The two statements the "two-text view" button compares.
    pair: (Option<u64>, Option<u64>),
    /// Points in reading order, the row of each point, and what they were computed for
    /// (collation generation, pivot document).
    reading: Vec<usize>,
    row_of_point: Arc<Vec<usize>>,
    reading_key: (u64, usize),
    /// Rows some shown statement lacks, and what they were computed for.
    gaps: Vec<usize>,
    gaps_key: (u64, Vec<usize>),
    selected: Option<usize>,
    scroll_to: Option<usize>,
    /// An offset (points from the top) to scroll to next frame.
    scroll_offset: Option<f32>,
    /// Where the rows were scrolled to last frame.
    offset: f32,
    heights: RowHeights,
    /// Laid-out cells: (point, document) → galley, valid for `galley_key`.
    galleys: HashMap<(usize, usize), Arc<Galley>>,
    /// Each point's words with how many statements have them, for the collation shown.
    words: HashMap<usize, Arc<Vec<SentenceWords>>>,
    galley_key: (u64, u32, u32, bool, u64),
}

impl CollationView {
    /// The selected row.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The statements shown as columns, in order (document indexes of `shown`).
    pub fn columns(&self, shown: &CollationShown) -> Vec<usize> {
        self.order
            .iter()
            .filter(|id| !self.hidden.contains(id))
            .filter_map(|&id| shown.index_of(id))
            .collect()
    }

    /// Scrolls the rows to this offset next frame.
    pub fn scroll_to_offset(&mut self, y: f32) {
        self.scroll_offset = Some(y.max(0.0));
    }

    /// How far the rows are scrolled (as of the last frame).
    pub fn scroll_position(&self) -> f32 {
        self.offset
    }

    /// Height of all rows, as measured or estimated.
    pub fn content_height(&self) -> f32 {
        self.heights.total()
    }

    /// The column order, by statement id (hidden ones included).
    pub fn order(&self) -> &[u64] {
        &self.order
    }

    /// The pivot's document index.
    pub fn pivot(&self, shown: &CollationShown) -> usize {
        self.pivot
            .and_then(|id| shown.index_of(id))
            .or_else(|| self.columns(shown).first().copied())
            .unwrap_or(0)
    }

    /// Points in reading order.
    pub fn reading(&self) -> &[usize] {
        &self.reading
    }

    /// The row of each point in the reading order.
    pub fn row_of_point(&self) -> Arc<Vec<usize>> {
        self.row_of_point.clone()
    }

    /// Rows that some shown statement lacks.
    pub fn gaps(&self) -> &[usize] {
        &self.gaps
    }

    /// Brings the derived state up to date with `shown`: columns for new statements, the
    /// reading order for the pivot, the rows with gaps.
    pub fn sync(&mut self, shown: &CollationShown) {
        self.order.retain(|id| shown.ids.contains(id));
        for &id in &shown.ids {
            if !self.order.contains(&id) {
                self.order.push(id);
            }
        }
        self.hidden.retain(|id| shown.ids.contains(id));
        if self.pivot.is_some_and(|id| !shown.ids.contains(&id)) {
            self.pivot = None;
        }
        let pivot = self.pivot(shown);
        if self.reading_key != (shown.generation, pivot) {
            self.reading = shown.collation.reading_order(pivot);
            let mut row_of_point = vec![0; self.reading.len()];
            for (row, &point) in self.reading.iter().enumerate() {
                if let Some(slot) = row_of_point.get_mut(point) {
                    *slot = row;
                }
            }
            self.row_of_point = Arc::new(row_of_point);
            if self.reading_key.0 != shown.generation {
                self.selected = None;
            }
            self.reading_key = (shown.generation, pivot);
            self.heights = RowHeights::default();
            self.galleys.clear();
        }
        let columns = self.columns(shown);
        if self.gaps_key.0 != shown.generation || self.gaps_key.1 != columns {
            let points = &shown.collation.points;
            self.gaps = self
                .reading
                .iter()
                .enumerate()
                .filter(|&(_, &p)| {
                    points
                        .get(p)
                        .is_some_and(|point| columns.iter().any(|&d| !point.has(d)))
                })
                .map(|(row, _)| row)
                .collect();
            self.gaps_key = (shown.generation, columns);
        }
    }

    /// Carries out the view's commands; returns whether `command` was one.
    pub fn apply(&mut self, command: &Command, shown: Option<&CollationShown>) -> bool {
        match command {
            Command::MoveColumn(id, by) => {
                if let Some(at) = self.order.iter().position(|i| i == id) {
                    let to = (at as i64 + i64::from(*by)).clamp(0, self.order.len() as i64 - 1);
                    let moved = self.order.remove(at);
                    self.order.insert(to as usize, moved);
                }
            }
            Command::ToggleColumn(id) => {
                if let Some(at) = self.hidden.iter().position(|i| i == id) {
                    self.hidden.remove(at);
                } else {
                    let shown_columns = self.order.iter().filter(|i| !self.hidden.contains(i));
                    // The last column shown stays.
                    if shown_columns.count() > 1 {
                        self.hidden.push(*id);
                    }
                }
            }
            Command::SetPivot(id) => self.pivot = Some(*id),
            Command::NextGap | Command::PreviousGap => {
                if let Some(shown) = shown {
                    self.sync(shown);
                }
                let forward = *command == Command::NextGap;
                let next = match (self.selected, forward) {
                    (None, true) => self.gaps.first(),
                    (None, false) => self.gaps.last(),
                    (Some(at), true) => self.gaps.iter().find(|&&g| g > at).or(self.gaps.first()),
                    (Some(at), false) => self
                        .gaps
                        .iter()
                        .rev()
                        .find(|&&g| g < at)
                        .or(self.gaps.last()),
                };
                if let Some(&row) = next {
                    self.selected = Some(row);
                    self.scroll_to = Some(row);
                }
            }
            Command::JumpToPoint(row) => {
                self.selected = Some(*row);
                self.scroll_to = Some(*row);
            }
            _ => return false,
        }
        true
    }

    /// The toolbar of the collation: summary, gap stepping, pivot, columns, two-text view.
    pub fn toolbar_ui(
        &mut self,
        ui: &mut Ui,
        shown: &CollationShown,
        statements: &[Statement],
        commands: &mut Vec<Command>,
    ) {
        let name = |id: u64| {
            shown
                .index_of(id)
                .and_then(|d| shown.names.get(d).cloned())
                .unwrap_or_default()
        };
        ui.horizontal_wrapped(|ui| {
            let points = &shown.collation.points;
            let columns = self.columns(shown);
            let everywhere = points
                .iter()
                .filter(|p| columns.iter().all(|&d| p.has(d)))
                .count();
            ui.label(
                RichText::new(format!(
                    "Collation: {} statements, {} points",
                    shown.documents.len(),
                    points.len()
                ))
                .strong(),
            );
            ui.label(format!(
                "· {everywhere} in every column · {} missing from some",
                self.gaps.len()
            ));
            ui.separator();
            if ui
                .button("Previous gap")
                .on_hover_text("The previous point some shown statement lacks")
                .clicked()
            {
                commands.push(Command::PreviousGap);
            }
            let position = self
                .selected
                .and_then(|s| self.gaps.iter().position(|&g| g == s))
                .map_or_else(
                    || format!("{} gaps", self.gaps.len()),
                    |p| format!("Gap {} of {}", p + 1, self.gaps.len()),
                );
            ui.add_sized(
                [110.0, ui.spacing().interact_size.y],
                egui::Label::new(RichText::new(position).strong()),
            );
            if ui
                .button("Next gap")
                .on_hover_text("The next point some shown statement lacks")
                .clicked()
            {
                commands.push(Command::NextGap);
            }
            ui.separator();
            let pivot = self.pivot(shown);
            let pivot_id = shown.ids.get(pivot).copied().unwrap_or(0);
            let label = ui.label("Order by:");
            egui::ComboBox::from_id_salt("pivot")
                .selected_text(name(pivot_id))
                .show_ui(ui, |ui| {
                    for &id in &shown.ids {
                        if ui.selectable_label(id == pivot_id, name(id)).clicked() {
                            commands.push(Command::SetPivot(id));
                        }
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "Points follow this statement's order; points it lacks sit where the others \
                     put them",
                );
            ui.menu_button("Columns", |ui| {
                for &id in &self.order {
                    let mut visible = !self.hidden.contains(&id);
                    if ui.checkbox(&mut visible, name(id)).changed() {
                        commands.push(Command::ToggleColumn(id));
                    }
                }
            });
            ui.separator();
            ui.label("Two-text view:");
            let first = self.pair.0.or(shown.ids.first().copied());
            let second = self.pair.1.or(shown.ids.get(1).copied());
            for (slot, chosen, salt) in [(0, first, "pair-a"), (1, second, "pair-b")] {
                egui::ComboBox::from_id_salt(salt)
                    .selected_text(chosen.map_or_else(String::new, name))
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        for statement in statements {
                            let picked = chosen == Some(statement.id);
                            if ui.selectable_label(picked, name(statement.id)).clicked() {
                                if slot == 0 {
                                    self.pair.0 = Some(statement.id);
                                } else {
                                    self.pair.1 = Some(statement.id);
                                }
                            }
                        }
                    });
            }
            if let (Some(a), Some(b)) = (first, second)
                && ui
                    .add_enabled(a != b, egui::Button::new("Compare these two"))
                    .on_hover_text("Open the two statements in the two-column view")
                    .clicked()
            {
                commands.push(Command::ShowPair(a, b));
            }
        });
        ui.horizontal_wrapped(|ui| {
            legend_ui(ui);
            ui.separator();
            if ui
                .button("Add statement…")
                .on_hover_text("Open one more statement in the collation")
                .clicked()
            {
                commands.push(Command::AddStatement);
            }
        });
    }

    /// The column headers and the rows.
    /// `find` is (matches as (row, document, span), the current match, a key that changes
    /// with them).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        shown: &CollationShown,
        find: (&[(usize, usize, Span)], usize, u64),
        commands: &mut Vec<Command>,
    ) {
        let (matches, current, find_key) = find;
        self.sync(shown);
        let palette = CollationPalette::new(ui.visuals().dark_mode);
        let columns = self.columns(shown);
        let n = columns.len().max(1) as f32;
        let available = ui.available_width() - 12.0;
        let column = ((available - GUTTER) / n).max(MIN_COLUMN);
        let content_width = GUTTER + column * n;
        let font = egui::TextStyle::Body.resolve(ui.style());
        let text_width = column - 2.0 * CELL_PAD;
        let collation = &shown.collation;
        self.heights.prepare(
            shown.generation ^ (columns.len() as u64).rotate_left(40),
            text_width,
            font.size,
            self.reading.iter().map(|&p| {
                columns
                    .iter()
                    .filter_map(|&d| collation.span(p, d).map(|s| s.len()))
                    .max()
                    .unwrap_or(0)
            }),
        );
        let galley_key = (
            shown.generation,
            text_width.round() as u32,
            (font.size * 10.0) as u32,
            ui.visuals().dark_mode,
            find_key,
        );
        if self.galley_key != galley_key {
            if self.galley_key.0 != galley_key.0 {
                self.words.clear();
            }
            self.galleys.clear();
            self.galley_key = galley_key;
        }
        let mut area = egui::ScrollArea::both()
            .auto_shrink([false, false])
            .id_salt("collation-rows");
        if let Some(y) = self.scroll_offset.take() {
            area = area.vertical_scroll_offset(y);
        }
        if let Some(row) = self.scroll_to.take() {
            area = area.vertical_scroll_offset((self.heights.top(row) - 40.0).max(0.0));
        }
        let output = area.show_viewport(ui, |ui, viewport| {
            ui.set_width(content_width);
            ui.set_height(self.heights.total() + HEADER);
            let origin = ui.max_rect().min;
            let rows_view = viewport.translate(vec2(0.0, -HEADER));
            let visible = self
                .heights
                .visible(rows_view.min.y.max(0.0), rows_view.max.y);
            for row in visible {
                let Some(&point) = self.reading.get(row) else {
                    break;
                };
                let top = origin.y + HEADER + self.heights.top(row);
                let mut tallest: f32 = 0.0;
                let mut cells = Vec::with_capacity(columns.len());
                for (c, &document) in columns.iter().enumerate() {
                    let x = origin.x + GUTTER + column * c as f32;
                    // Find matches are sorted by row: this row's are one slice.
                    let from = matches.partition_point(|m| m.0 < row);
                    let to = matches.partition_point(|m| m.0 <= row);
                    let found: Vec<(Span, bool)> = matches
                        .get(from..to)
                        .unwrap_or_default()
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| m.1 == document)
                        .map(|(k, m)| (m.2, from + k == current))
                        .collect();
                    let galley = self.cell_galley(
                        ui, shown, point, document, text_width, &font, &palette, &found,
                    );
                    tallest = tallest.max(galley.as_ref().map_or(0.0, |g| g.size().y));
                    cells.push((x, document, galley));
                }
                let height = tallest.max(font.size * 1.3) + 2.0 * CELL_PAD;
                self.heights.measure(row, height + ROW_GAP);
                let painter = ui.painter();
                let dark = ui.visuals().dark_mode;
                let single = collation
                    .points
                    .get(point)
                    .is_some_and(|p| p.kind == PointKind::Single);
                for (x, _document, galley) in cells {
                    let rect = Rect::from_min_size(pos2(x + 2.0, top), vec2(column - 4.0, height));
                    match galley {
                        Some(galley) => {
                            if single {
                                painter.rect_filled(rect, 3.0, palette.single);
                            }
                            painter.galley(
                                rect.min + vec2(CELL_PAD, CELL_PAD),
                                galley,
                                palette.text,
                            );
                        }
                        None => empty_cell(painter, rect, palette.empty, dark),
                    }
                }
                let row_rect =
                    Rect::from_min_size(pos2(origin.x, top), vec2(content_width, height));
                self.gutter_ui(ui, row_rect, row, point, shown, &palette, commands);
            }
            self.headers_ui(
                ui,
                shown,
                &columns,
                origin.x,
                viewport.min.y + origin.y,
                column,
                commands,
            );
        });
        self.offset = output.state.clamped_offset().y;
        self.heights.refresh();
    }

    #[allow(clippy::too_many_arguments)]
    fn gutter_ui(
        &self,
        ui: &mut Ui,
        row_rect: Rect,
        row: usize,
        point: usize,
        shown: &CollationShown,
        palette: &CollationPalette,
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
            commands.push(Command::JumpToPoint(row));
        }
        let painter = ui.painter();
        painter.text(
            gutter.min + vec2(4.0, CELL_PAD),
            egui::Align2::LEFT_TOP,
            format!("P{}", row + 1),
            FontId::proportional(13.0),
            palette.text,
        );
        painter.text(
            gutter.min + vec2(4.0, CELL_PAD + 16.0),
            egui::Align2::LEFT_TOP,
            kind.name(),
            FontId::proportional(11.0),
            palette.kind(kind),
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
    fn headers_ui(
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
            ui.scope_builder(egui::UiBuilder::new().max_rect(name_rect), |ui| {
                let pivot = if document == self.pivot(shown) {
                    " (order)"
                } else {
                    ""
                };
                ui.add(
                    egui::Label::new(
                        RichText::new(format!(
                            "{}{pivot}",
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
            let buttons_rect =
                Rect::from_min_size(rect.min + vec2(4.0, 24.0), vec2(column - 8.0, 22.0));
            ui.scope_builder(
                egui::UiBuilder::new()
                    .max_rect(buttons_rect)
                    .layout(egui::Layout::left_to_right(egui::Align::Center)),
                |ui| {
                    for (text, hover, command) in [
                        ("<", "Move this column left", Command::MoveColumn(id, -1)),
                        (">", "Move this column right", Command::MoveColumn(id, 1)),
                        (
                            "Hide",
                            "Hide this column (show it again from Columns)",
                            Command::ToggleColumn(id),
                        ),
                    ] {
                        if ui.small_button(text).on_hover_text(hover).clicked() {
                            commands.push(command);
                        }
                    }
                    ui.menu_button("More", |ui| {
                        if ui.button("Order the points by this statement").clicked() {
                            commands.push(Command::SetPivot(id));
                        }
                        if ui.button("Replace with another file…").clicked() {
                            commands.push(Command::ReplaceStatement(id));
                        }
                        if ui.button("Remove from the collation").clicked() {
                            commands.push(Command::RemoveStatement(id));
                        }
                    });
                },
            );
        }
    }

    /// The laid-out text of one cell (`None` for a statement that lacks the point).
    #[allow(clippy::too_many_arguments)]
    fn cell_galley(
        &mut self,
        ui: &Ui,
        shown: &CollationShown,
        point: usize,
        document: usize,
        width: f32,
        font: &FontId,
        palette: &CollationPalette,
        found: &[(Span, bool)],
    ) -> Option<Arc<Galley>> {
        let collation = &shown.collation;
        if !collation.points.get(point)?.has(document) {
            return None;
        }
        if let Some(galley) = self.galleys.get(&(point, document)) {
            return Some(galley.clone());
        }
        let words = match self.words.get(&point) {
            Some(words) => words.clone(),
            None => {
                let words = if collation.points.get(point)?.documents() > 1 {
                    let texts: Vec<&str> =
                        shown.documents.iter().map(|d| d.text.as_str()).collect();
                    collation.point_words(&texts, point)
                } else {
                    Vec::new()
                };
                let words = Arc::new(words);
                self.words.insert(point, words.clone());
                words
            }
        };
        let job = cell_job(shown, point, document, &words, width, font, palette, found);
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        self.galleys.insert((point, document), galley.clone());
        Some(galley)
    }

    /// The overview: the presence map and the similarity matrix.
    pub fn overview_ui(
        &mut self,
        ui: &mut Ui,
        shown: &CollationShown,
        commands: &mut Vec<Command>,
    ) {
        self.sync(shown);
        let palette = CollationPalette::new(ui.visuals().dark_mode);
        let columns = self.columns(shown);
        ui.heading("Overview");
        ui.label(RichText::new("Similarity: share of sentences with a counterpart").weak());
        similarity_ui(ui, shown, &columns);
        ui.separator();
        ui.label(RichText::new("Presence: points (rows) × statements; click to go there").weak());
        ui.horizontal_wrapped(|ui| {
            for (kind, text) in [
                (PointKind::Identical, "identical"),
                (PointKind::Equivalent, "equivalent"),
                (PointKind::Related, "related"),
                (PointKind::Single, "one only"),
            ] {
                ui.label(
                    RichText::new(format!(" {text} "))
                        .background_color(palette.kind(kind))
                        .color(Color32::WHITE),
                );
            }
            ui.label("blank: absent");
        });
        let cell = vec2(16.0, 9.0);
        let points = &shown.collation.points;
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
                            format!("Presence of P{}", row + 1),
                        )
                    });
                    let response = response.on_hover_text(format!(
                        "P{} · {} · in {} of {} statements",
                        row + 1,
                        point.kind.name(),
                        columns.iter().filter(|&&d| point.has(d)).count(),
                        columns.len()
                    ));
                    if response.clicked() {
                        commands.push(Command::JumpToPoint(row));
                    }
                    let painter = ui.painter();
                    if self.selected == Some(row) {
                        painter.rect_filled(rect, 0.0, ui.visuals().selection.bg_fill);
                    }
                    if row % 10 == 0 {
                        painter.text(
                            rect.min,
                            egui::Align2::LEFT_TOP,
                            format!("P{}", row + 1),
                            FontId::proportional(9.0),
                            palette.weak,
                        );
                    }
                    for (c, &document) in columns.iter().enumerate() {
                        let at = Rect::from_min_size(
                            pos2(rect.min.x + 40.0 + (cell.x + 2.0) * c as f32, rect.min.y),
                            cell,
                        );
                        if point.has(document) {
                            painter.rect_filled(at, 1.0, palette.kind(point.kind));
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
            });
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
                        "{origin} · {} · {} · {sentences} sentences",
                        document.format, document.encoding
                    ))
                    .truncate(),
                );
            });
            ui.separator();
        }
    });
}

/// The pairwise similarity of the shown statements, as a small table of percentages.
fn similarity_ui(ui: &mut Ui, shown: &CollationShown, columns: &[usize]) {
    let short = |d: usize| {
        let name = shown.names.get(d).map_or("", String::as_str);
        let name = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        name.chars().take(12).collect::<String>()
    };
    egui::Grid::new("similarity")
        .num_columns(columns.len() + 1)
        .spacing([6.0, 2.0])
        .show(ui, |ui| {
            ui.label("");
            for &d in columns {
                ui.label(RichText::new(short(d)).small());
            }
            ui.end_row();
            for &row in columns {
                ui.label(RichText::new(short(row)).small());
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

/// The legend of the word marks.
fn legend_ui(ui: &mut Ui) {
    let palette = CollationPalette::new(ui.visuals().dark_mode);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Words:").weak());
        ui.label(
            RichText::new(" said by all in the row ")
                .background_color(palette.all)
                .color(palette.text),
        );
        ui.label(RichText::new(" by some ").underline().color(palette.text));
        ui.label(
            RichText::new(" by this one only ")
                .italics()
                .background_color(palette.alone)
                .color(palette.text),
        );
        let (rect, _) = ui.allocate_exact_size(vec2(40.0, 16.0), Sense::hover());
        empty_cell(ui.painter(), rect, palette.empty, ui.visuals().dark_mode);
        ui.label("the statement lacks the point");
    });
}

/// The layout job of one cell: the point's sentences in `document`, each word marked by how
/// many of the point's statements have it.
#[allow(clippy::too_many_arguments)]
fn cell_job(
    shown: &CollationShown,
    point: usize,
    document: usize,
    words: &[SentenceWords],
    width: f32,
    font: &FontId,
    palette: &CollationPalette,
    found: &[(Span, bool)],
) -> LayoutJob {
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    let collation = &shown.collation;
    let Some(text) = shown.documents.get(document).map(|d| d.text.as_str()) else {
        return job;
    };
    let plain = TextFormat::simple(font.clone(), palette.text);
    let Some(p) = collation.points.get(point) else {
        return job;
    };
    let of = p.documents();
    let sentences = p.sentences.get(document).map_or(&[][..], Vec::as_slice);
    for (k, &index) in sentences.iter().enumerate() {
        let Some(sentence) = collation.sentences.get(document).and_then(|s| s.get(index)) else {
            continue;
        };
        if k > 0 {
            job.append(" ", 0.0, plain.clone());
        }
        let span = sentence.content;
        let mut at = span.start;
        let marks = words
            .iter()
            .find(|w| w.document == document && w.sentence == index)
            .map_or(&[][..], |w| w.words.as_slice());
        for word in marks {
            let start = word.span.start.clamp(at, span.end);
            let end = word.span.end.clamp(start, span.end);
            if start > at {
                job.append(
                    &flat(text.get(at..start).unwrap_or_default()),
                    0.0,
                    plain.clone(),
                );
            }
            let mut format = plain.clone();
            match word.share(of) {
                Share::All => format.background = palette.all,
                Share::Some => format.underline = Stroke::new(1.5, palette.some),
                Share::Alone => {
                    format.italics = true;
                    format.background = palette.alone;
                }
                Share::Function => {}
            }
            append(&mut job, text, start..end, &format, found, palette);
            at = end;
        }
        if at < span.end {
            job.append(
                &flat(text.get(at..span.end).unwrap_or_default()),
                0.0,
                plain.clone(),
            );
        }
    }
    job
}

/// Appends `text[range]` with `format`, cut at find matches, which get the find background.
fn append(
    job: &mut LayoutJob,
    text: &str,
    range: std::ops::Range<usize>,
    format: &TextFormat,
    found: &[(Span, bool)],
    palette: &CollationPalette,
) {
    let mut at = range.start;
    while at < range.end {
        let hit = found.iter().find(|(m, _)| m.start <= at && at < m.end);
        let next = match hit {
            Some((m, _)) => m.end.min(range.end),
            None => found
                .iter()
                .filter(|(m, _)| m.start > at)
                .map(|(m, _)| m.start)
                .min()
                .unwrap_or(range.end)
                .min(range.end),
        };
        let mut piece_format = format.clone();
        if let Some((_, current)) = hit {
            piece_format.background = if *current {
                palette.find_current
            } else {
                palette.find
            };
        }
        job.append(
            &flat(text.get(at..next).unwrap_or_default()),
            0.0,
            piece_format,
        );
        at = next.max(at + 1);
    }
}

/// Line breaks inside a sentence become spaces (the text wraps to the column).
fn flat(text: &str) -> String {
    text.replace(['\r', '\n'], " ")
}
