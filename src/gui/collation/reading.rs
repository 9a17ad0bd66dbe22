//! The collation view's derived state: which statements are columns, the points' reading
//! order under the pivot and the filter, and the rows with gaps.

use std::sync::Arc;

use super::{CollationView, PointFilter};
use crate::gui::collation::statements::CollationShown;
use crate::gui::commands::StatementId;
use crate::gui::rows::RowHeights;

impl CollationView {
    /// Brings the derived state up to date with `shown`: columns for new statements, the
    /// reading order for the pivot, the rows with gaps.
    pub fn sync(&mut self, shown: &CollationShown) {
        self.forget_gone(shown);
        let pivot = self.pivot(shown);
        let columns = self.columns(shown);
        let key = (shown.generation, pivot, self.filter, columns.clone());
        if self.reading_key != key {
            self.rebuild_reading(shown, pivot, columns, key);
        }
        self.update_gaps(shown);
    }

    /// Drops what names a statement the collation no longer has (and adds columns for new
    /// ones).
    fn forget_gone(&mut self, shown: &CollationShown) {
        self.order.retain(|id| shown.ids.contains(id));
        for &id in &shown.ids {
            if !self.order.contains(&id) {
                self.order.push(id);
            }
        }
        self.hidden.retain(|id| shown.ids.contains(id));
        if let PointFilter::OnlyIn(id) | PointFilter::MissingFrom(id) = self.filter
            && !shown.ids.contains(&id)
        {
            self.filter = PointFilter::All;
        }
        for slot in self.pair.as_mut() {
            if slot.is_some_and(|id| !shown.ids.contains(&id)) {
                *slot = None;
            }
        }
        if self.pivot.is_some_and(|id| !shown.ids.contains(&id)) {
            self.pivot = None;
        }
    }

    /// The reading order of the points under the pivot, filtered, and, per point, its number
    /// in the full order.
    fn reading_points(
        &self,
        shown: &CollationShown,
        pivot: usize,
        columns: &[usize],
    ) -> (Vec<usize>, Vec<usize>) {
        let points = &shown.collation.points;
        let filter = self.filter;
        let index = |id: StatementId| shown.index_of(id);
        let order = shown.collation.reading_order(pivot);
        let mut number_of_point = vec![0; points.len()];
        for (k, &point) in order.iter().enumerate() {
            if let Some(slot) = number_of_point.get_mut(point) {
                *slot = k + 1;
            }
        }
        let reading = order
            .into_iter()
            .filter(|&p| {
                let Some(point) = points.get(p) else {
                    return false;
                };
                // A point only hidden statements have would be a row of hatched cells.
                if !columns.iter().any(|&d| point.has(d)) {
                    return false;
                }
                match filter {
                    PointFilter::All => true,
                    PointFilter::OnlyIn(id) => index(id).is_some_and(|d| {
                        point.has(d) && columns.iter().all(|&o| o == d || !point.has(o))
                    }),
                    PointFilter::MissingFrom(id) => index(id).is_some_and(|d| !point.has(d)),
                }
            })
            .collect();
        (reading, number_of_point)
    }

    /// Rebuilds the rows for a new reading order; the point selected stays selected (and in
    /// view) when still shown.
    fn rebuild_reading(
        &mut self,
        shown: &CollationShown,
        pivot: usize,
        columns: Vec<usize>,
        key: (u64, usize, PointFilter, Vec<usize>),
    ) {
        // The point selected stays selected (and in view) in the new order, when shown.
        let selected_point = if self.reading_key.0 == shown.generation {
            self.selected.and_then(|row| self.reading.get(row).copied())
        } else {
            None
        };
        let (reading, number_of_point) = self.reading_points(shown, pivot, &columns);
        self.reading = reading;
        let points = &shown.collation.points;
        self.numbers = self
            .reading
            .iter()
            .map(|&p| number_of_point.get(p).copied().unwrap_or(0))
            .collect();
        let mut row_of_point = vec![None; points.len()];
        for (row, &point) in self.reading.iter().enumerate() {
            if let Some(slot) = row_of_point.get_mut(point) {
                *slot = Some(row);
            }
        }
        self.selected = selected_point.and_then(|point| row_of_point.get(point).copied().flatten());
        self.scroll_to = self.selected;
        self.row_of_point = Arc::new(row_of_point);
        self.reading_generation += 1;
        if self.reading_key.0 != shown.generation {
            // Places in the statements of another collation.
            self.highlights.clear();
            self.highlight_key += 1;
        }
        self.reading_key = key;
        self.heights = RowHeights::default();
        self.galleys.clear();
        self.gaps_key = None;
    }

    /// The rows where some shown statement lacks the point.
    fn update_gaps(&mut self, shown: &CollationShown) {
        let columns = self.columns(shown);
        let computed = self
            .gaps_key
            .as_ref()
            .is_some_and(|(generation, of)| *generation == shown.generation && *of == columns);
        if !computed {
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
            self.everywhere = self.reading.len() - self.gaps.len();
            self.gaps_key = Some((shown.generation, columns));
        }
    }
}
