//! The rows kit both views are built from (the two columns and the collation): row heights
//! measured or estimated with their prefix sums (only rows in view are laid out), keyboard
//! scrolling, next/previous stepping through marked rows, slicing row-sorted marks per row,
//! a cache of laid-out cells under one typed key, the hatched empty cell, and the brief's list
//! both insights panels lead with.

use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;

use egui::{Color32, Rect, Stroke, pos2};

pub use super::cells::CellGalley;

/// Vertical space between rows.
pub const ROW_GAP: f32 = 6.0;
/// Padding inside a cell.
pub const CELL_PAD: f32 = 6.0;

/// Heights of rows, measured or estimated, with their prefix sums.
#[derive(Default)]
pub struct RowHeights {
    /// What the heights were computed for: (comparison id, column width, font size).
    key: (u64, u32, u32),
    heights: Vec<f32>,
    measured: Vec<bool>,
    /// `prefix[i]` = top of row `i`; one more entry than rows.
    prefix: Vec<f32>,
    dirty: bool,
}

impl RowHeights {
    /// Makes sure the heights fit this comparison, column width and font; returns whether
    /// they were estimated again.
    pub fn prepare(
        &mut self,
        id: u64,
        width: f32,
        font_size: f32,
        lengths: impl Iterator<Item = usize>,
    ) -> bool {
        let key = (id, width.round() as u32, (font_size * 10.0) as u32);
        if key == self.key && !self.heights.is_empty() {
            return false;
        }
        self.key = key;
        let chars_per_line = (width / (font_size * 0.5)).max(8.0);
        let line = font_size * 1.3;
        self.heights = lengths
            .map(|chars| {
                (chars as f32 / chars_per_line).ceil().max(1.0) * line + 2.0 * CELL_PAD + ROW_GAP
            })
            .collect();
        self.measured = vec![false; self.heights.len()];
        self.dirty = true;
        self.refresh();
        true
    }

    /// Gives the rows `hidden` marks no height (a filter leaves them out).
    pub fn collapse(&mut self, hidden: &[bool]) {
        for ((h, m), &hide) in self.heights.iter_mut().zip(&mut self.measured).zip(hidden) {
            if hide {
                *h = 0.0;
                *m = true;
            }
        }
        self.dirty = true;
        self.refresh();
    }

    /// Records the real height of row `i` once laid out.
    pub fn measure(&mut self, i: usize, height: f32) {
        if let (Some(h), Some(m)) = (self.heights.get_mut(i), self.measured.get_mut(i))
            && (!*m || (*h - height).abs() > 0.5)
        {
            *h = height;
            *m = true;
            self.dirty = true;
        }
    }

    /// Recomputes prefix sums after measurements.
    pub fn refresh(&mut self) {
        if !self.dirty {
            return;
        }
        self.prefix.clear();
        self.prefix.reserve(self.heights.len() + 1);
        let mut y = 0.0;
        self.prefix.push(0.0);
        for h in &self.heights {
            y += h;
            self.prefix.push(y);
        }
        self.dirty = false;
    }

    /// Total height.
    pub fn total(&self) -> f32 {
        self.prefix.last().copied().unwrap_or(0.0)
    }

    /// Top of row `i`.
    pub fn top(&self, i: usize) -> f32 {
        self.prefix.get(i).copied().unwrap_or_else(|| self.total())
    }

    /// Rows that intersect `y_range`.
    pub fn visible(&self, y_min: f32, y_max: f32) -> Range<usize> {
        let n = self.heights.len();
        let first = self
            .prefix
            .partition_point(|&top| top <= y_min)
            .saturating_sub(1)
            .min(n);
        let last = self.prefix.partition_point(|&top| top < y_max).min(n);
        first..last.max(first)
    }
}

/// Keyboard scrolling of the rows (of the two columns and of the collation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScrollKey {
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// A little down.
    LineDown,
    /// A little up.
    LineUp,
    /// The first row.
    Home,
    /// The last row.
    End,
}

impl ScrollKey {
    /// Where the rows scroll to from `offset`, with a viewport `height` tall over `total`
    /// points of rows: a page (less a little context), a line, the start or the end.
    pub fn target(self, offset: f32, height: f32, total: f32) -> f32 {
        let page = (height - 60.0).max(40.0);
        let y = match self {
            Self::PageDown => offset + page,
            Self::PageUp => offset - page,
            Self::LineDown => offset + 40.0,
            Self::LineUp => offset - 40.0,
            Self::Home => 0.0,
            Self::End => total,
        };
        y.clamp(0.0, (total - height).max(0.0))
    }
}

/// Steps from `selected` to the next (`forward`) or previous row of `targets` (sorted),
/// wrapping around; from no selection, to the first or the last. `None` when there are none.
pub fn step(targets: &[usize], selected: Option<usize>, forward: bool) -> Option<usize> {
    let (&first, &last) = (targets.first()?, targets.last()?);
    Some(match (selected, forward) {
        (None, true) => first,
        (None, false) => last,
        (Some(at), true) => targets.iter().copied().find(|&t| t > at).unwrap_or(first),
        (Some(at), false) => targets
            .iter()
            .rev()
            .copied()
            .find(|&t| t < at)
            .unwrap_or(last),
    })
}

/// The indexes of the marks of row `row` among `marks`, sorted by row (`row_of` reads a
/// mark's row): one slice, found by two binary searches.
pub fn row_range<T>(marks: &[T], row: usize, row_of: impl Fn(&T) -> usize) -> Range<usize> {
    let from = marks.partition_point(|m| row_of(m) < row);
    let to = marks.partition_point(|m| row_of(m) <= row);
    from..to
}

/// What laid-out cells depend on: what is shown (its generation), the text width and font
/// size, the theme, and the marks over the text (find matches, highlights). A cache of cells
/// is valid for one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GalleyKey {
    /// The generation of what is shown.
    pub shown: u64,
    /// The text width, in whole points.
    pub width: u32,
    /// The font size, in tenths of a point.
    pub font: u32,
    /// Whether the theme is dark.
    pub dark: bool,
    /// Changes whenever the marks over the text do.
    pub marks: MarksKey,
}

/// What the marks over a view's text depend on: the find bar's matches ([`Find::version`]) and
/// the view's own highlights (a counter each view bumps when they change).
///
/// [`Find::version`]: crate::gui::find::Find::version
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MarksKey {
    /// The version of the find matches.
    pub find: u64,
    /// The version of the view's highlights.
    pub highlights: u64,
}

impl GalleyKey {
    /// The key of cells `text_width` wide in `font_size` in `ui`'s theme.
    pub fn new(
        ui: &egui::Ui,
        shown: u64,
        text_width: f32,
        font_size: f32,
        marks: MarksKey,
    ) -> Self {
        Self {
            shown,
            width: text_width.round() as u32,
            font: (font_size * 10.0) as u32,
            dark: ui.visuals().dark_mode,
            marks,
        }
    }
}

/// Cells kept laid out at most; past it the cache starts over (rows far from view go).
const GALLEY_CACHE_MAX: usize = 4096;

/// Laid-out cells by their place (`K`), valid for one [`GalleyKey`].
pub struct GalleyCache<K, V> {
    key: Option<GalleyKey>,
    cells: HashMap<K, V>,
    /// Most cells kept (`None`: every cell laid out stays until the key changes).
    limit: Option<usize>,
}

/// A cache that keeps every cell laid out until its key changes (the collation's: a scroll
/// back lays nothing out again).
impl<K, V> Default for GalleyCache<K, V> {
    fn default() -> Self {
        Self {
            key: None,
            cells: HashMap::new(),
            limit: None,
        }
    }
}

impl<K, V> GalleyCache<K, V> {
    /// A cache of at most [`GALLEY_CACHE_MAX`] cells, then it starts over (the pair's rows:
    /// a 1 MiB pair has far more rows than are ever in view).
    pub fn bounded() -> Self {
        Self {
            limit: Some(GALLEY_CACHE_MAX),
            ..Self::default()
        }
    }
}

impl<K: Eq + Hash, V: Clone> GalleyCache<K, V> {
    /// Keeps the cells if they were laid out for `key`, else drops them; returns whether they
    /// were dropped, with the key they had been laid out for.
    pub fn validate(&mut self, key: GalleyKey) -> Option<Option<GalleyKey>> {
        if self.key == Some(key) {
            return None;
        }
        self.cells.clear();
        Some(self.key.replace(key))
    }

    /// The cell laid out at `place`, if any.
    pub fn get(&self, place: &K) -> Option<V> {
        self.cells.get(place).cloned()
    }

    /// Keeps a cell laid out (past the cache's limit it starts over).
    pub fn insert(&mut self, place: K, cell: V) {
        if self.limit.is_some_and(|limit| self.cells.len() >= limit) {
            self.cells.clear();
        }
        self.cells.insert(place, cell);
    }

    /// Drops every cell.
    pub fn clear(&mut self) {
        self.cells.clear();
    }
}

/// A hatched cell: the other side (or statement) has nothing here.
pub fn empty_cell(painter: &egui::Painter, rect: Rect, colour: Color32, dark: bool) {
    painter.rect_filled(rect, 3.0, colour);
    let stroke = Stroke::new(
        1.0,
        if dark {
            Color32::from_gray(55)
        } else {
            Color32::from_gray(225)
        },
    );
    let step = 10.0;
    let mut x = rect.min.x - rect.height();
    while x < rect.max.x {
        let a = pos2(x.max(rect.min.x), rect.max.y - (x.max(rect.min.x) - x));
        let b_x = (x + rect.height()).min(rect.max.x);
        let b = pos2(b_x, rect.max.y - (b_x - x));
        painter.line_segment([a, b], stroke);
        x += step;
    }
}

/// Puts `widget` in `rect`, left-aligned and centred vertically (`Ui::put` centres it).
pub fn put_left(ui: &mut egui::Ui, rect: Rect, widget: impl egui::Widget) -> egui::Response {
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
        |ui| ui.add(widget),
    )
    .inner
}

/// The legend of the credit markers beside the cells ([`actor_marker_ui`]), in their colours
/// (`both`, `them`, and the weak colour of the word "credit:"), named so that a newcomer knows
/// what the small words beside the cells are; `tooltip` says what they mean in the view.
pub fn credit_legend_ui(
    ui: &mut egui::Ui,
    (joint, counterpart, weak): (Color32, Color32, Color32),
    tooltip: &str,
) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let small = |text: &str, colour: Color32| egui::RichText::new(text).small().color(colour);
        ui.label(small("credit:", weak));
        ui.label(small("both", joint));
        ui.label(small("own", ui.visuals().strong_text_color()));
        ui.label(small("them", counterpart));
    })
    .response
    .on_hover_text(tooltip);
}

/// Width of the marker of whom a cell's sentences credit.
pub const MARKER_WIDTH: f32 = 34.0;

/// The marker of whom a cell's sentences credit, small in `rect` (against its right edge when
/// `right_aligned`): the first actor that is not `other`, with a tooltip naming each
/// sentence's. `credited` is each of the cell's sentences with its actor, and what makes the
/// prefix of its label in the tooltip ("L" for L3; made only when hovered); `colours` are
/// those of `both` and `them` (the
/// issuer's own is in the strong text colour: the weak one was hard to read on the tinted
/// cells of the dark theme).
pub fn actor_marker_ui(
    ui: &mut egui::Ui,
    rect: Rect,
    right_aligned: bool,
    (credited, prefix): (&[(usize, crate::analysis::Actor)], impl Fn() -> String),
    (joint, counterpart): (Color32, Color32),
) {
    use crate::analysis::Actor;
    use crate::display::actor_marker;
    let credited: Vec<(usize, Actor)> = credited
        .iter()
        .copied()
        .filter(|(_, a)| *a != Actor::Other)
        .collect();
    let Some(&(_, first)) = credited.first() else {
        return;
    };
    let Some((label, _)) = actor_marker(first) else {
        return;
    };
    let colour = match first {
        Actor::Joint => joint,
        Actor::Counterpart => counterpart,
        _ => ui.visuals().strong_text_color(),
    };
    // The tooltip is written only when the marker is hovered, not every frame.
    let tooltip = || -> String {
        let prefix = prefix();
        credited
            .iter()
            .filter_map(|&(s, a)| {
                let (_, tip) = actor_marker(a)?;
                Some(if credited.len() > 1 {
                    format!("{prefix}{}: {tip}", s + 1)
                } else {
                    let mut tip = tip.to_owned();
                    if let Some(c) = tip.get_mut(0..1) {
                        c.make_ascii_uppercase();
                    }
                    tip
                })
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    let align = if right_aligned {
        egui::Layout::right_to_left(egui::Align::Min)
    } else {
        egui::Layout::left_to_right(egui::Align::Min)
    };
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect).layout(align), |ui| {
        ui.add(
            egui::Label::new(egui::RichText::new(label).size(10.0).color(colour).strong())
                .sense(egui::Sense::hover()),
        )
        .on_hover_ui(|ui| {
            ui.label(tooltip());
        });
    });
}

/// One line of a brief as an insights panel lists it.
pub struct BriefEntry {
    /// The line as shown.
    pub text: String,
    /// What hovering it says (where a click goes).
    pub hover: String,
    /// Whether it is the line last clicked.
    pub selected: bool,
}

/// A brief under a collapsing "Brief: what differs" header, open at first, its lines in a
/// scroll area at most `max_height` high (`id_salt` keeps both apart from another panel's):
/// the index of the line clicked, if one was.
pub fn brief_ui(
    ui: &mut egui::Ui,
    id_salt: &str,
    max_height: f32,
    entries: impl Iterator<Item = BriefEntry>,
) -> Option<usize> {
    let mut clicked = None;
    egui::CollapsingHeader::new(egui::RichText::new("Brief: what differs").strong())
        .id_salt(id_salt)
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt((id_salt, "lines"))
                .max_height(max_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (index, entry) in entries.enumerate() {
                        let response = ui
                            .add(
                                egui::Button::selectable(entry.selected, entry.text)
                                    .wrap_mode(egui::TextWrapMode::Wrap),
                            )
                            .on_hover_text(entry.hover);
                        if response.clicked() {
                            clicked = Some(index);
                        }
                    }
                });
        });
    clicked
}
