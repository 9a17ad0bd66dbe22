//! The two-column view of a pair: column headers, the scrolled rows (drawn by [`crate::gui::pair::view`]),
//! the drop target, and what the view remembers between frames: the selected row, where it is
//! scrolled, the sentence a cross-reference marked, and the places an insights entry asked to
//! highlight. Its commands select, step through differences, and scroll.

pub mod decisions;
pub mod insights;
pub mod notes;
pub mod session;
pub mod toolbar;
pub mod view;

use std::sync::Arc;

use egui::{Color32, RichText, Ui};

use crate::analysis::{Analysis, Issuer, ShiftKind};
use crate::engine::Span;
use crate::load::Document;

use crate::gui::commands::{AppCommand, Command, ViewCommand};
use crate::gui::pair::session::Shown;
use crate::gui::rows::{self, CellGalley, GalleyCache, MarksKey, RowHeights, ScrollKey};
use crate::gui::worker::FindMatch;
use crate::gui::{Side, Sides};
use view::{Palette, ViewInput};

/// Find matches as the view marks them: (row, side, span, is the current match).
pub type ViewMark = (usize, Side, Span, bool);

/// The state of the two-column view.
pub struct PairView {
    heights: RowHeights,
    /// Laid-out cells of the rows seen recently.
    galleys: GalleyCache<usize, Sides<Option<CellGalley>>>,
    selected: Option<usize>,
    /// A row to bring into view next frame.
    scroll_to: Option<usize>,
    /// An offset (points from the top) to scroll to next frame.
    scroll_offset: Option<f32>,
    /// Where the rows were scrolled to last frame.
    offset: f32,
    /// How tall the rows' viewport was last frame.
    viewport_height: f32,
    /// Where the central panel was last frame (to tell which half a file was dropped on).
    central: egui::Rect,
    /// The sentence a cross-reference last jumped to, marked in its row.
    marked: Option<(Side, usize)>,
    /// Places an insights entry asked to highlight.
    highlights: Vec<(Side, Span)>,
    highlight_generation: u64,
    /// The marks of find matches and highlights, and the key they were built for.
    marks: Vec<ViewMark>,
    /// What the marks were built for: their key and the generation of what is shown.
    marks_key: Option<(MarksKey, u64)>,
    /// Whether only the points one side credits to both and the other to one are shown.
    credited_only: bool,
    /// The rows that filter leaves out, and what they were computed for (analysis, shown
    /// generation).
    hidden: Vec<bool>,
    hidden_key: Option<(usize, u64)>,
    /// Bumped whenever the rows shown change (keys the heights).
    filter_generation: u64,
}

impl Default for PairView {
    fn default() -> Self {
        Self {
            heights: RowHeights::default(),
            galleys: GalleyCache::bounded(),
            selected: None,
            scroll_to: None,
            scroll_offset: None,
            offset: 0.0,
            viewport_height: 0.0,
            central: egui::Rect::NOTHING,
            marked: None,
            highlights: Vec::new(),
            highlight_generation: 0,
            marks: Vec::new(),
            marks_key: None,
            credited_only: false,
            hidden: Vec::new(),
            hidden_key: None,
            filter_generation: 0,
        }
    }
}

impl PairView {
    /// The selected row.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The sentence a cross-reference last jumped to.
    pub fn marked(&self) -> Option<(Side, usize)> {
        self.marked
    }

    /// Whether only the points one side credits to both and the other to one are shown.
    pub fn credited_only(&self) -> bool {
        self.credited_only
    }

    /// Whether row `row` is shown (a filter may leave it out).
    pub fn row_shown(&self, row: usize) -> bool {
        !(self.credited_only && self.hidden.get(row).copied().unwrap_or(false))
    }

    /// Scroll position and viewport height of the rows, as of the last frame.
    pub fn viewport(&self) -> (f32, f32) {
        (self.offset, self.viewport_height)
    }

    /// Height of all rows, as measured or estimated.
    pub fn content_height(&self) -> f32 {
        self.heights.total()
    }

    /// Scrolls to this offset next frame.
    pub fn scroll_to_offset(&mut self, y: f32) {
        self.scroll_offset = Some(y.max(0.0));
    }

    /// Which column a pointer at `x` is over (for dropped files).
    pub fn side_at(&self, x: f32) -> Side {
        if x > self.central.center().x {
            Side::Right
        } else {
            Side::Left
        }
    }

    /// "n of m" position of the selected difference (n is 0 when none is selected).
    pub fn difference_position(&self, shown: Option<&Shown>) -> (usize, usize) {
        let Some(shown) = shown else { return (0, 0) };
        let differences = &shown.display.differences;
        let n = self
            .selected
            .and_then(|s| differences.iter().position(|&d| d == s))
            .map_or(0, |p| p + 1);
        (n, differences.len())
    }

    /// A new comparison is shown: marks and highlights of the old one go.
    pub fn on_shown(&mut self, shown: &Shown) {
        self.marked = None;
        if self
            .selected
            .is_some_and(|s| s >= shown.comparison.rows.len())
        {
            self.selected = None;
        }
        self.highlights.clear();
        self.highlight_generation += 1;
    }

    /// Carries out the view's commands.
    pub fn apply(&mut self, command: &ViewCommand, shown: Option<&Shown>) {
        match command {
            ViewCommand::NextDifference => self.step_difference(shown, true),
            ViewCommand::PreviousDifference => self.step_difference(shown, false),
            ViewCommand::SelectRow(i) => self.selected = Some(*i),
            ViewCommand::JumpToRow(i) => {
                self.selected = Some(*i);
                self.scroll_to = Some(*i);
            }
            ViewCommand::JumpToSentence(side, sentence) => {
                if let Some(row) = shown.and_then(|s| s.display.row_of(*side, *sentence)) {
                    self.selected = Some(row);
                    self.scroll_to = Some(row);
                    self.marked = Some((*side, *sentence));
                }
            }
            ViewCommand::ScrollToRow(row) => self.scroll_to = Some(*row),
            ViewCommand::Highlight(places) => {
                self.highlights = places.clone();
                self.highlight_generation += 1;
            }
            ViewCommand::CreditedDifferentlyOnly(on) => {
                self.credited_only = *on;
                self.filter_generation += 1;
            }
        }
    }

    fn step_difference(&mut self, shown: Option<&Shown>, forward: bool) {
        let Some(all) = shown.map(|s| &s.display.differences) else {
            return;
        };
        let differences: Vec<usize> = all.iter().copied().filter(|&d| self.row_shown(d)).collect();
        let Some(next) = rows::step(&differences, self.selected, forward) else {
            return;
        };
        self.selected = Some(next);
        self.scroll_to = Some(next);
    }

    /// Where a page, a line, Home or End scrolls to from here (keyboard scrolling).
    pub fn scroll_by_keys(&mut self, key: ScrollKey) {
        let total = self.heights.total();
        self.scroll_offset = Some(key.target(self.offset, self.viewport_height, total));
    }

    /// Rebuilds the marks the rows show (find matches, then highlights) when either changed.
    fn update_marks(
        &mut self,
        shown: &Shown,
        find: &[FindMatch],
        current: usize,
        find_version: u64,
    ) {
        let key = MarksKey {
            find: find_version,
            highlights: self.highlight_generation,
        };
        if self.marks_key == Some((key, shown.generation)) {
            return;
        }
        let mut marks: Vec<ViewMark> = find
            .iter()
            .enumerate()
            .map(
                |(
                    k,
                    &FindMatch {
                        row,
                        document,
                        span,
                    },
                )| {
                    let side = if document == 0 {
                        Side::Left
                    } else {
                        Side::Right
                    };
                    (row, side, span, k == current)
                },
            )
            .collect();
        for &(side, span) in &self.highlights {
            if let Some(row) = shown.display.row_at(side, span.start) {
                marks.push((row, side, span, true));
            }
        }
        marks.sort_by_key(|m| (m.0, m.1.index(), m.2.start));
        self.marks = marks;
        self.marks_key = Some((key, shown.generation));
    }

    /// The column headers and the rows.
    pub fn ui(&mut self, ui: &mut Ui, input: PairInput<'_>, commands: &mut Vec<Command>) {
        self.central = ui.max_rect();
        let mut palette = Palette::new(ui.visuals().dark_mode);
        if input.awaiting {
            // Nothing is compared yet: one side's sentences are not "only" that side's.
            palette.left_only = ui.visuals().extreme_bg_color;
            palette.right_only = ui.visuals().extreme_bg_color;
            palette.deleted_line = palette.weak;
            palette.inserted_line = palette.weak;
        }
        headers_ui(ui, input.documents, input.analysis.map(|a| &**a), commands);
        ui.separator();

        let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());
        let Some(shown) = input.shown else {
            ui.centered_and_justified(|ui| {
                ui.spinner();
            });
            return;
        };
        // The bar always shows: a solid bar that came and went with the content's height would
        // change the columns' width, rewrap the rows and flip again (laying out every row on
        // every frame).
        let mut area = egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .id_salt("rows");
        if let Some(y) = self.scroll_offset.take() {
            area = area.vertical_scroll_offset(y);
        }
        if let Some(row) = self.scroll_to.take() {
            // Leave a little context above the row.
            area = area.vertical_scroll_offset((self.heights.top(row) - 40.0).max(0.0));
        }
        self.update_marks(shown, input.find, input.find_current, input.find_version);
        self.filter_ui(ui, shown, input.analysis, commands);
        let comparison = &shown.comparison;
        let actors: Sides<&[crate::analysis::Actor]> = match input.analysis.map(|a| &**a) {
            Some(Analysis {
                attribution: [left, right],
                ..
            }) => Sides::new(&left.actors, &right.actors),
            None => Sides::new(&[], &[]),
        };
        let view_input = ViewInput {
            documents: shown.documents.as_deref(),
            comparison,
            generation: shown.generation,
            palette,
            selected: self.selected,
            find: &self.marks,
            marks: self
                .marks_key
                .map_or_else(MarksKey::default, |(key, _)| key),
            moved_targets: &shown.display.moved_targets,
            cross_refs: &shown.display.cross_refs,
            marked: self.marked,
            notes: input.notes,
            actors,
            hidden: (self.credited_only
                && self.hidden_key.is_some_and(|k| k.1 == shown.generation))
            .then_some(self.hidden.as_slice()),
            filter_generation: self.filter_generation,
        };
        let heights = &mut self.heights;
        let galleys = &mut self.galleys;
        // A solid scroll bar in its own column (a floating one covered the moved bars at the
        // right edge), with a thumb still big enough to grab on a megabyte document.
        ui.spacing_mut().scroll = egui::style::ScrollStyle {
            bar_width: 10.0,
            handle_min_length: 32.0,
            ..egui::style::ScrollStyle::solid()
        };
        let output = area.show_viewport(ui, |ui, viewport| {
            view::rows_ui(ui, viewport, heights, galleys, &view_input)
        });
        self.offset = output.state.clamped_offset().y;
        self.viewport_height = output.inner_rect.height();
        self.heights.refresh();
        commands.extend(output.inner);
        if comparison.rows.is_empty() {
            ui.label("Both documents are empty.");
        }
        if hovering {
            self.drop_target_ui(ui);
        }
    }

    /// The filter of points credited differently: a checkbox over the rows, once the
    /// insights are there; keeps the rows it hides up to date.
    fn filter_ui(
        &mut self,
        ui: &mut Ui,
        shown: &Shown,
        analysis: Option<&Arc<Analysis>>,
        commands: &mut Vec<Command>,
    ) {
        let Some(analysis) = analysis else {
            return;
        };
        let key = (Arc::as_ptr(analysis) as usize, shown.generation);
        if self.hidden_key != Some(key) {
            self.hidden = credited_differently_hidden(analysis, shown);
            self.hidden_key = Some(key);
            self.filter_generation += 1;
        }
        let points = self.hidden.iter().filter(|h| !**h).count();
        let mut on = self.credited_only;
        ui.horizontal(|ui| {
            ui.add_enabled(
                points > 0 || on,
                egui::Checkbox::new(
                    &mut on,
                    format!("Only points one side credits to both and the other to one ({points})"),
                ),
            )
            .on_hover_text(
                "Show only the rows where one statement credits a point to both sides and the \
                 other to one party (its own side or the counterpart)",
            )
            .on_disabled_hover_text(
                "No point is credited to both sides by one statement and to one party by the \
                 other",
            );
            if self.credited_only && points == 0 {
                ui.weak("No such point: no row is shown.");
            }
        });
        if on != self.credited_only {
            commands.push(Command::View(ViewCommand::CreditedDifferentlyOnly(on)));
        }
    }

    /// The half of the window a file being dragged would open in.
    fn drop_target_ui(&self, ui: &Ui) {
        let rect = self.central;
        let right = ui
            .ctx()
            .input(|i| i.pointer.latest_pos())
            .is_some_and(|p| p.x > rect.center().x);
        let half = if right {
            egui::Rect::from_min_max(egui::pos2(rect.center().x, rect.min.y), rect.max)
        } else {
            egui::Rect::from_min_max(rect.min, egui::pos2(rect.center().x, rect.max.y))
        };
        let painter = ui.painter();
        painter.rect_filled(half, 6.0, Color32::from_rgba_unmultiplied(60, 110, 220, 60));
        painter.text(
            half.center(),
            egui::Align2::CENTER_CENTER,
            "Drop to open here",
            egui::FontId::proportional(22.0),
            ui.visuals().strong_text_color(),
        );
    }
}

/// What the view shows this frame, from the other parts.
pub struct PairInput<'a> {
    /// The open documents (their names head the columns).
    pub documents: &'a Sides<Arc<Document>>,
    /// The comparison shown, if any yet.
    pub shown: Option<&'a Shown>,
    /// Find matches (row, document 0 or 1, span), by row.
    pub find: &'a [FindMatch],
    /// Which of them is current.
    pub find_current: usize,
    /// Changes whenever the matches or the current match do ([`Find::version`]).
    ///
    /// [`Find::version`]: crate::gui::find::Find::version
    pub find_version: u64,
    /// Notes by row.
    pub notes: &'a [(usize, String)],
    /// Whether a side waits for a statement: the other's sentences are shown plainly, not as
    /// differences.
    pub awaiting: bool,
    /// The insights, once computed (whom each sentence credits, the filter's points).
    pub analysis: Option<&'a Arc<Analysis>>,
}

/// Per row, whether the filter of points credited differently hides it: every row but those
/// holding a sentence of an attribution shift.
pub fn credited_differently_hidden(analysis: &Analysis, shown: &Shown) -> Vec<bool> {
    let mut hidden = vec![true; shown.comparison.rows.len()];
    for shift in analysis
        .shifts
        .iter()
        .filter(|s| s.kind == ShiftKind::Attribution)
    {
        for row in [
            shown.display.row_of(Side::Left, shift.left),
            shown.display.row_of(Side::Right, shift.right),
        ]
        .into_iter()
        .flatten()
        {
            if let Some(h) = hidden.get_mut(row) {
                *h = false;
            }
        }
    }
    hidden
}

/// Each document's name (cut with "…" when longer than its column; hovering shows the path)
/// and its open button, over the column they name; below, who issued it as its opener names
/// them (the official whose "own" sentences the credit markers mean), when it was found.
fn headers_ui(
    ui: &mut Ui,
    documents: &Sides<Arc<Document>>,
    analysis: Option<&Analysis>,
    commands: &mut Vec<Command>,
) {
    let issuers: Sides<Option<&Issuer>> = match analysis {
        Some(a) => {
            let [left, right] = &a.attribution;
            Sides::new(known(&left.issuer), known(&right.issuer))
        }
        None => Sides::new(None, None),
    };
    let any_issuer = issuers.iter_with_side().any(|(_, i)| i.is_some());
    let height = if any_issuer { 42.0 } else { 24.0 };
    let width = ui.available_width();
    let column = ((width - view::GUTTER) / 2.0).max(80.0);
    let (header, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    for (side, doc) in documents.iter_with_side() {
        let x = match side {
            Side::Left => header.min.x,
            Side::Right => header.max.x - column,
        };
        let rect = egui::Rect::from_min_size(egui::pos2(x, header.min.y), egui::vec2(column, 24.0));
        ui.scope_builder(
            egui::UiBuilder::new()
                .max_rect(rect)
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
            |ui| {
                let button_width = 64.0;
                ui.scope(|ui| {
                    ui.set_max_width((column - button_width).max(40.0));
                    ui.add(
                        egui::Label::new(RichText::new(&doc.name).strong().size(15.0)).truncate(),
                    )
                    .on_hover_text(
                        doc.path
                            .as_ref()
                            .map_or("bundled sample".to_owned(), |p| p.display().to_string()),
                    );
                });
                if ui
                    .small_button("Open…")
                    .on_hover_text(format!("Open the {} statement", side.name()))
                    .clicked()
                {
                    commands.push(Command::App(AppCommand::Open(side)));
                }
            },
        );
        if let Some(issuer) = issuers[side] {
            let below = egui::Rect::from_min_size(
                egui::pos2(x, header.min.y + 24.0),
                egui::vec2(column, height - 24.0),
            );
            issuer_ui(ui, below, issuer);
        }
    }
    // Each scope moved the cursor below what it held: the header ends below all of it.
    ui.advance_cursor_after_rect(header);
}

/// The issuer, when its opener named one.
fn known(issuer: &Issuer) -> Option<&Issuer> {
    (!issuer.official.is_empty()).then_some(issuer)
}

/// One line under a document's name: "Issued by Secretary of State Antony J. Blinken, with
/// Japanese Foreign Minister Hayashi" (cut with "…"; the whole on hover).
fn issuer_ui(ui: &mut Ui, rect: egui::Rect, issuer: &Issuer) {
    let mut line = format!("Issued by {}", issuer.official);
    if !issuer.counterpart.is_empty() {
        line.push_str(&format!(", with {}", issuer.counterpart));
    }
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
        |ui| {
            ui.add(egui::Label::new(RichText::new(&line).size(12.0).weak()).truncate())
                .on_hover_text(format!(
                    "{line}.\nAs the statement's opening sentence names them: a sentence marked \
                     \"own\" credits this side's official, \"them\" the other party's."
                ));
        },
    );
}
