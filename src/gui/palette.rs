//! The colours of the window's views, for the light and the dark theme.

use egui::Color32;

use crate::engine::collate::PointKind;

/// The colours of both views (the two columns and the collation), for the light or the dark
/// theme: one table, so a colour both views use (text, find matches, the selected row, an
/// empty cell) is the same in both.
#[derive(Clone, Copy)]
pub struct Palette {
    /// Background of deleted words (left).
    pub deleted: Color32,
    /// Background of inserted words (right).
    pub inserted: Color32,
    /// Tint of a left-only cell.
    pub left_only: Color32,
    /// Tint of a right-only cell.
    pub right_only: Color32,
    /// Strike/underline colour of deleted words.
    pub deleted_line: Color32,
    /// Underline colour of inserted words.
    pub inserted_line: Color32,
    /// Marker of moved rows.
    pub moved: Color32,
    /// Background of equivalent wording (same thing, different words).
    pub equivalent: Color32,
    /// Background of find matches.
    pub find: Color32,
    /// Background of the current find match.
    pub find_current: Color32,
    /// Outline of the selected row.
    pub selected: Color32,
    /// Text colour.
    pub text: Color32,
    /// Secondary text (gutter).
    pub weak: Color32,
    /// Empty counterpart cell.
    pub empty: Color32,
    /// Tint of a related pair's cells (same topic, different statements).
    pub related: Color32,
    /// Background of a term a related pair shares.
    pub shared: Color32,
    /// Underline of a term a related pair shares, and the gutter's "related" label.
    pub shared_line: Color32,
    /// Tint of a paraphrase's cells (the same statement in mostly other words).
    pub paraphrase: Color32,
    /// The gutter's "paraphrase" label and the legend's.
    pub paraphrase_line: Color32,
    /// Collation: background of a word every statement of the row has.
    pub all: Color32,
    /// Collation: underline of a word some statements of the row have.
    pub some: Color32,
    /// Collation: background of a word only this statement has.
    pub alone: Color32,
    /// Collation: tint of a cell whose point only its statement has.
    pub single: Color32,
    /// Collation's presence map: identical, equivalent, related, one statement only.
    pub kinds: [Color32; 4],
}

impl Palette {
    /// The palette for dark or light visuals.
    pub fn new(dark: bool) -> Self {
        if dark {
            Self {
                deleted: Color32::from_rgb(110, 38, 38),
                inserted: Color32::from_rgb(28, 84, 48),
                left_only: Color32::from_rgb(62, 30, 32),
                right_only: Color32::from_rgb(24, 52, 34),
                deleted_line: Color32::from_rgb(255, 150, 150),
                inserted_line: Color32::from_rgb(140, 230, 160),
                moved: Color32::from_rgb(140, 170, 255),
                equivalent: Color32::from_rgb(40, 60, 110),
                find: Color32::from_rgb(120, 100, 20),
                find_current: Color32::from_rgb(200, 140, 0),
                selected: Color32::from_rgb(120, 160, 255),
                text: Color32::from_gray(225),
                weak: Color32::from_gray(150),
                empty: Color32::from_gray(38),
                related: Color32::from_rgb(48, 42, 28),
                shared: Color32::from_rgb(96, 72, 20),
                shared_line: Color32::from_rgb(240, 190, 90),
                paraphrase: Color32::from_rgb(44, 36, 62),
                paraphrase_line: Color32::from_rgb(200, 165, 255),
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
            }
        } else {
            Self {
                deleted: Color32::from_rgb(255, 205, 205),
                inserted: Color32::from_rgb(190, 240, 200),
                left_only: Color32::from_rgb(255, 236, 236),
                right_only: Color32::from_rgb(230, 248, 234),
                deleted_line: Color32::from_rgb(170, 20, 20),
                inserted_line: Color32::from_rgb(20, 120, 50),
                moved: Color32::from_rgb(40, 80, 200),
                equivalent: Color32::from_rgb(214, 226, 255),
                find: Color32::from_rgb(255, 240, 140),
                find_current: Color32::from_rgb(255, 180, 40),
                selected: Color32::from_rgb(40, 90, 220),
                text: Color32::from_gray(20),
                weak: Color32::from_gray(95),
                empty: Color32::from_gray(244),
                related: Color32::from_rgb(251, 246, 234),
                shared: Color32::from_rgb(255, 232, 180),
                shared_line: Color32::from_rgb(150, 95, 0),
                paraphrase: Color32::from_rgb(244, 238, 252),
                paraphrase_line: Color32::from_rgb(115, 55, 170),
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
            }
        }
    }

    /// The colour of a collation point's kind in the presence map.
    pub fn point_kind(&self, kind: PointKind) -> Color32 {
        match kind {
            PointKind::Identical => self.kinds[0],
            PointKind::Equivalent => self.kinds[1],
            PointKind::Related => self.kinds[2],
            PointKind::Single => self.kinds[3],
        }
    }
}
