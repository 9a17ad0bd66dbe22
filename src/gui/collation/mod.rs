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

mod cells;
mod frame;
pub mod insights;
mod overview;
mod reading;
pub mod statements;
mod toolbar;

pub use overview::status_ui;

use std::collections::HashMap;
use std::sync::Arc;

use egui::{FontId, Rect, RichText, Ui, pos2, vec2};

use crate::analysis::{Actor, Attribution};
use crate::display::label;
use crate::engine::Span;
use crate::engine::collate::{PointKind, SentenceWords};

use cells::cell_job;

use crate::gui::Sides;
use crate::gui::collation::statements::CollationShown;
use crate::gui::commands::{CollationCommand, Command, StatementId};
use crate::gui::palette::Palette;
use crate::gui::rows::{
    CELL_PAD, CellGalley, GalleyCache, GalleyKey, MARKER_WIDTH, MarksKey, ROW_GAP, RowHeights,
    ScrollKey, actor_marker_ui, empty_cell, row_range,
};
use crate::gui::worker::FindMatch;

/// Width of the point gutter at the left of the rows.
const GUTTER: f32 = 64.0;
/// Narrowest a column gets before the rows scroll sideways.
const MIN_COLUMN: f32 = 200.0;
/// Height of the column headers.
const HEADER: f32 = 48.0;
/// Where a row's gutter names the hidden statements that have its point, below its top.
const GUTTER_HIDDEN_AT: f32 = 32.0;
pub use crate::gui::commands::PointFilter;

/// What the collation view remembers between frames.
#[derive(Default)]
pub struct CollationView {
    /// Column order, by statement id.
    order: Vec<StatementId>,
    /// Hidden columns, by statement id.
    hidden: Vec<StatementId>,
    /// The statement the points are ordered by (default: the first column).
    pivot: Option<StatementId>,
    /// The two statements the "two-text view" button compares.
    pair: Sides<Option<StatementId>>,
    /// Which points are shown.
    filter: PointFilter,
    /// Bumped whenever the rows name other points (keys find results).
    reading_generation: u64,
    /// Points shown that every shown column has.
    everywhere: usize,
    /// What the side panel shows.
    side_tab: overview::SideTab,
    /// Places an insights entry asked to highlight: (document, span), and a number that
    /// changes with them.
    highlights: Vec<(usize, Span)>,
    highlight_key: u64,
    /// Points shown, in reading order, the row of each point (`None`: filtered out),
    /// and what they were computed for (collation generation, pivot document, filter,
    /// columns).
    reading: Vec<usize>,
    /// The number each row's point has ("P7"): its place among all the points in the pivot's
    /// order, so that Show and hidden columns keep a point's number.
    numbers: Vec<usize>,
    row_of_point: Arc<Vec<Option<usize>>>,
    reading_key: (u64, usize, PointFilter, Vec<usize>),
    /// Rows some shown statement lacks, and what they were computed for.
    gaps: Vec<usize>,
    gaps_key: Option<(u64, Vec<usize>)>,
    selected: Option<usize>,
    scroll_to: Option<usize>,
    /// An offset (points from the top) to scroll to next frame.
    scroll_offset: Option<f32>,
    /// Where the rows were scrolled to last frame, and how tall their viewport was.
    offset: f32,
    viewport_height: f32,
    heights: RowHeights,
    /// Laid-out cells: (point, document) → galley.
    galleys: GalleyCache<(usize, usize), CellGalley>,
    /// Each point's words with how many statements have them, for the collation shown.
    words: HashMap<usize, Arc<Vec<SentenceWords>>>,
}

impl CollationView {
    /// The selected row.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The number row `row`'s point goes by ("P7" is 7): its place in the pivot's order of all
    /// the points, whatever Show and the hidden columns leave out.
    pub fn number(&self, row: usize) -> usize {
        self.numbers.get(row).copied().unwrap_or(row + 1)
    }

    /// Why Show leaves no point, in words ("No point is said by X alone: ..."); `None` when
    /// some point is shown or every point is asked for.
    pub fn empty_reason(&self, shown: &CollationShown) -> Option<String> {
        if !self.reading.is_empty() {
            return None;
        }
        let columns = self.columns(shown);
        let name = |d: usize| shown.names.get(d).cloned().unwrap_or_default();
        let points = &shown.collation.points;
        match self.filter {
            PointFilter::All => None,
            PointFilter::OnlyIn(id) => {
                let d = shown.index_of(id)?;
                let own: Vec<_> = points.iter().filter(|p| p.has(d)).collect();
                if own.is_empty() {
                    return Some(format!("{} has no point.", name(d)));
                }
                let also: Vec<String> = columns
                    .iter()
                    .filter(|&&o| o != d)
                    .filter_map(|&o| {
                        let k = own.iter().filter(|p| p.has(o)).count();
                        (k > 0).then(|| format!("{} ({k})", name(o)))
                    })
                    .collect();
                Some(format!(
                    "Nothing is said by {} alone among the statements shown: each of its {} \
                     points is also in another. Its points are also in: {}. Hide a column to \
                     see what it says that the others shown do not.",
                    name(d),
                    own.len(),
                    also.join(", ")
                ))
            }
            PointFilter::MissingFrom(id) => {
                let d = shown.index_of(id)?;
                Some(format!(
                    "{} lacks no point: it has every point of the statements shown.",
                    name(d)
                ))
            }
        }
    }

    /// The labels ("D4") of the hidden statements that have `point`: the words' marks count
    /// them too.
    pub fn hidden_having(&self, shown: &CollationShown, point: usize) -> Vec<String> {
        let Some(point) = shown.collation.points.get(point) else {
            return Vec::new();
        };
        self.hidden
            .iter()
            .filter_map(|&id| shown.index_of(id))
            .filter(|&d| point.has(d))
            .map(crate::display::label)
            .collect()
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

    /// Scrolls a page, a line, to the start or to the end (keyboard scrolling).
    pub fn scroll_by_keys(&mut self, key: ScrollKey) {
        let total = self.heights.total();
        self.scroll_offset = Some(key.target(self.offset, self.viewport_height, total));
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
    pub fn order(&self) -> &[StatementId] {
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

    /// Which points are shown.
    pub fn filter(&self) -> PointFilter {
        self.filter
    }

    /// Changes whenever the rows name other points (pivot, filter, columns, collation).
    pub fn reading_generation(&self) -> u64 {
        self.reading_generation
    }

    /// The row of each point in the reading order (`None`: not shown).
    pub fn row_of_point(&self) -> Arc<Vec<Option<usize>>> {
        self.row_of_point.clone()
    }

    /// Whether an insights entry's places are highlighted.
    pub fn has_highlights(&self) -> bool {
        !self.highlights.is_empty()
    }

    /// Rows that some shown statement lacks.
    pub fn gaps(&self) -> &[usize] {
        &self.gaps
    }

    /// Carries out the view's commands.
    pub fn apply(&mut self, command: &CollationCommand, shown: Option<&CollationShown>) {
        match command {
            CollationCommand::MoveColumn(id, by) => {
                // Past as many shown columns as asked (hidden ones do not count), then swap.
                let mut at = self.order.iter().position(|i| i == id);
                for _ in 0..by.unsigned_abs() {
                    let Some(from) = at else { break };
                    let next = if *by < 0 {
                        (0..from)
                            .rev()
                            .find(|&k| !self.hidden.contains(&self.order[k]))
                    } else {
                        (from + 1..self.order.len())
                            .find(|&k| !self.hidden.contains(&self.order[k]))
                    };
                    let Some(to) = next else { break };
                    self.order.swap(from, to);
                    at = Some(to);
                }
            }
            CollationCommand::ToggleColumn(id) => {
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
            CollationCommand::SetPivot(id) => self.pivot = Some(*id),
            CollationCommand::SetPointFilter(filter) => self.filter = *filter,
            CollationCommand::ShowInsightsTab(on) => {
                self.side_tab = if *on {
                    overview::SideTab::Insights
                } else {
                    overview::SideTab::Overview
                };
            }
            CollationCommand::ChooseForPair(side, id) => self.pair[*side] = Some(*id),
            CollationCommand::ClearHighlights => {
                self.highlights.clear();
                self.highlight_key += 1;
            }
            CollationCommand::HighlightInStatements(places) => {
                self.highlights = places.clone();
                self.highlight_key += 1;
                let first = shown.and_then(|shown| {
                    places
                        .iter()
                        .filter_map(|&(document, span)| {
                            let sentences = shown.collation.sentences.get(document)?;
                            let sentence = sentences.partition_point(|s| s.span.end <= span.start);
                            let point = shown.collation.point_of(document, sentence)?;
                            self.row_of_point.get(point).copied().flatten()
                        })
                        .min()
                });
                if let Some(row) = first {
                    self.selected = Some(row);
                    self.scroll_to = Some(row);
                }
            }
            CollationCommand::NextGap | CollationCommand::PreviousGap => {
                if let Some(shown) = shown {
                    self.sync(shown);
                }
                let forward = *command == CollationCommand::NextGap;
                if let Some(row) = crate::gui::rows::step(&self.gaps, self.selected, forward) {
                    self.selected = Some(row);
                    self.scroll_to = Some(row);
                }
            }
            CollationCommand::JumpToPoint(row) => {
                self.selected = Some(*row);
                self.scroll_to = Some(*row);
            }
        }
    }
    /// The column headers and the rows.
    /// `find` is (matches as (row, document, span), the current match, a key that changes
    /// with them).
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        shown: &CollationShown,
        find: (&[FindMatch], usize, u64),
        attribution: Option<&[Attribution]>,
        commands: &mut Vec<Command>,
    ) {
        let (matches, current, find_version) = find;
        let palette = Palette::new(ui.visuals().dark_mode);
        let columns = self.columns(shown);
        let n = columns.len().max(1) as f32;
        let available = ui.available_width() - 12.0;
        let column = ((available - GUTTER) / n).max(MIN_COLUMN);
        let content_width = GUTTER + column * n;
        let font = egui::TextStyle::Body.resolve(ui.style());
        // Each cell keeps room at its left for the marker of whom its sentences credit.
        let text_width = column - 2.0 * CELL_PAD - MARKER_WIDTH;
        let collation = &shown.collation;
        self.prepare_caches(ui, shown, &columns, (text_width, font.size), find_version);
        if let Some(reason) = self.empty_reason(shown) {
            ui.label(RichText::new(reason).strong());
        }
        let output = self.scroll_area().show_viewport(ui, |ui, viewport| {
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
                    let found = self.marks_in(matches, current, row, document);
                    let galley = self.cell_galley(
                        ui, shown, point, document, text_width, &font, &palette, &found,
                    );
                    tallest = tallest.max(galley.as_ref().map_or(0.0, |g| g.size().y));
                    cells.push((x, document, galley));
                }
                let gutter = self.gutter_height(shown, point);
                let height = tallest.max(font.size * 1.3).max(gutter) + 2.0 * CELL_PAD;
                self.heights.measure(row, height + ROW_GAP);
                let dark = ui.visuals().dark_mode;
                let single = collation
                    .points
                    .get(point)
                    .is_some_and(|p| p.kind == PointKind::Single);
                let row_rect =
                    Rect::from_min_size(pos2(origin.x, top), vec2(content_width, height));
                // The gutter and the row's click area first; the cells' text on top of them
                // (selectable, and read by screen readers).
                self.gutter_ui(ui, row_rect, row, point, shown, &palette, commands);
                for (x, document, galley) in cells {
                    let rect = Rect::from_min_size(pos2(x + 2.0, top), vec2(column - 4.0, height));
                    match galley {
                        Some(galley) => {
                            if single {
                                ui.painter().rect_filled(rect, 3.0, palette.single);
                            }
                            let actors = attribution.and_then(|a| a.get(document));
                            let sentences = collation
                                .points
                                .get(point)
                                .and_then(|p| p.sentences.get(document))
                                .map_or(&[][..], Vec::as_slice);
                            cell_ui(ui, rect, &galley, document, sentences, actors, &palette);
                        }
                        None => empty_cell(ui.painter(), rect, palette.empty, dark),
                    }
                }
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
        self.viewport_height = output.inner_rect.height();
        self.heights.refresh();
    }

    /// Makes the row heights and the laid-out cells fit this frame (`text` is the cells' text
    /// width and font size); a new collation's words are taken again.
    fn prepare_caches(
        &mut self,
        ui: &Ui,
        shown: &CollationShown,
        columns: &[usize],
        (text_width, font_size): (f32, f32),
        find_version: u64,
    ) {
        let collation = &shown.collation;
        self.heights.prepare(
            shown.generation ^ (columns.len() as u64).rotate_left(40),
            text_width,
            font_size,
            self.reading.iter().map(|&p| {
                columns
                    .iter()
                    .filter_map(|&d| collation.span(p, d).map(|s| s.len()))
                    .max()
                    .unwrap_or(0)
            }),
        );
        let key = GalleyKey::new(
            ui,
            shown.generation,
            text_width,
            font_size,
            MarksKey {
                find: find_version,
                highlights: self.highlight_key,
            },
        );
        if let Some(before) = self.galleys.validate(key)
            && before.is_none_or(|before| before.shown != key.shown)
        {
            // The words of another collation's points.
            self.words.clear();
        }
    }

    /// The rows' scroll area, scrolled to the offset or the row asked for, if any.
    fn scroll_area(&mut self) -> egui::ScrollArea {
        let mut area = egui::ScrollArea::both()
            .auto_shrink([false, false])
            .id_salt("collation-rows");
        if let Some(y) = self.scroll_offset.take() {
            area = area.vertical_scroll_offset(y);
        }
        if let Some(row) = self.scroll_to.take() {
            area = area.vertical_scroll_offset((self.heights.top(row) - 40.0).max(0.0));
        }
        area
    }

    /// The places marked in one cell: its find matches (the current one apart), then the
    /// highlights of the insights entry clicked.
    fn marks_in(
        &self,
        matches: &[FindMatch],
        current: usize,
        row: usize,
        document: usize,
    ) -> Vec<(Span, bool)> {
        // Find matches are sorted by row: this row's are one slice.
        let range = row_range(matches, row, |m| m.row);
        let from = range.start;
        matches
            .get(range)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .filter(|(_, m)| m.document == document)
            .map(|(k, m)| (m.span, from + k == current))
            .chain(
                self.highlights
                    .iter()
                    .filter(|h| h.0 == document)
                    .map(|h| (h.1, true)),
            )
            .collect()
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
        palette: &Palette,
        found: &[(Span, bool)],
    ) -> Option<CellGalley> {
        let collation = &shown.collation;
        if !collation.points.get(point)?.has(document) {
            return None;
        }
        if let Some(galley) = self.galleys.get(&(point, document)) {
            return Some(galley);
        }
        let words = match self.words.get(&point) {
            Some(words) => words.clone(),
            None => {
                let texts: Vec<&str> = shown.documents.iter().map(|d| d.text.as_str()).collect();
                let words = collation.point_words(&texts, point);
                let words = Arc::new(words);
                self.words.insert(point, words.clone());
                words
            }
        };
        let job = cell_job(shown, point, document, &words, width, font, palette, found);
        let galley = CellGalley::lay_out(ui, job);
        self.galleys.insert((point, document), galley.clone());
        Some(galley)
    }
}

/// Draws a statement's cell of a point: the marker of whom its sentences credit (when the
/// insights are computed) and its text.
fn cell_ui(
    ui: &mut Ui,
    rect: Rect,
    galley: &CellGalley,
    document: usize,
    sentences: &[usize],
    attribution: Option<&Attribution>,
    palette: &Palette,
) {
    let mut inner = rect.shrink(CELL_PAD);
    if let Some(actors) = attribution.map(|a| &a.actors) {
        let credited: Vec<(usize, Actor)> = sentences
            .iter()
            .filter_map(|&s| Some((s, *actors.get(s)?)))
            .collect();
        let marker = Rect::from_min_size(inner.min, vec2(MARKER_WIDTH, 16.0));
        actor_marker_ui(
            ui,
            marker,
            false,
            (&credited, || format!("{} sentence ", label(document))),
            (palette.kinds[1], palette.kinds[2]),
        );
    }
    inner.min.x += MARKER_WIDTH;
    galley.put(
        ui,
        Rect::from_min_size(
            inner.min,
            vec2(galley.size().x.min(inner.width()), galley.size().y),
        ),
    );
}
