//! Columns and reading order: a recursive XY-cut on the word boxes.

use super::*;

/// The page's words grouped into regions in reading order, each with the horizontal extent of
/// the column it belongs to.
pub(super) fn reading_regions(words: &[Word]) -> Vec<(Vec<usize>, (f64, f64))> {
    let all: Vec<usize> = (0..words.len()).collect();
    if all.is_empty() {
        return Vec::new();
    }
    let extent = horizontal_extent(words, &all);
    if words.len() > MAX_WORDS_FOR_COLUMNS {
        return vec![(all, extent)];
    }
    let mut out = Vec::new();
    // Depth-first, first part first: a stack of regions still to cut, last pushed on top.
    let mut stack = vec![(all, extent)];
    while let Some((region, column)) = stack.pop() {
        if let Some((left, right)) = vertical_cut(words, &region) {
            let (left_extent, right_extent) = (
                horizontal_extent(words, &left),
                horizontal_extent(words, &right),
            );
            stack.push((right, right_extent));
            stack.push((left, left_extent));
        } else if let Some((top, bottom)) = horizontal_cut(words, &region) {
            stack.push((bottom, column));
            stack.push((top, column));
        } else {
            out.push((region, column));
        }
    }
    out
}

pub(super) fn horizontal_extent(words: &[Word], indexes: &[usize]) -> (f64, f64) {
    indexes.iter().fold((f64::MAX, f64::MIN), |(x0, x1), &i| {
        (x0.min(words[i].x0), x1.max(words[i].x1))
    })
}

/// Splits a region at a vertical gutter: an empty band at least [`GUTTER`] ems wide, each
/// side a fifth of the region's width or more with at least two rows of text, and on the rows
/// it crosses much wider than the spaces between their words (a column gap, not the aligned
/// word spaces of justified lines).
pub(super) fn vertical_cut(words: &[Word], region: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
    if region.len() < 4 {
        return None;
    }
    let mut spans: Vec<(f64, f64)> = region.iter().map(|&i| (words[i].x0, words[i].x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (x0, x1) = horizontal_extent(words, region);
    let width = x1 - x0;
    let size = median(region.iter().map(|&i| words[i].size));
    let mut candidates: Vec<(f64, f64)> = Vec::new();
    let mut reach = f64::MIN;
    for (start, end) in spans {
        if reach > f64::MIN {
            let gap = start - reach;
            if gap >= GUTTER * size && reach - x0 >= width * 0.2 && x1 - start >= width * 0.2 {
                candidates.push(((reach + start) / 2.0, gap));
            }
        }
        reach = reach.max(end);
    }
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1));
    let rows = rows(words, region);
    candidates.into_iter().take(4).find_map(|(split, _)| {
        let (left, right): (Vec<usize>, Vec<usize>) =
            region.iter().partition(|&&i| words[i].x1 <= split);
        let mut crossed = 0;
        let mut wide = 0;
        let (mut left_rows, mut right_rows) = (0, 0);
        for row in &rows {
            let (row_left, row_right): (Vec<usize>, Vec<usize>) =
                row.iter().partition(|&&i| words[i].x1 <= split);
            left_rows += usize::from(!row_left.is_empty());
            right_rows += usize::from(!row_right.is_empty());
            let (Some(&last_left), Some(&first_right)) = (row_left.last(), row_right.first())
            else {
                continue;
            };
            crossed += 1;
            let cut = words[first_right].x0 - words[last_left].x1;
            let inner = median(
                row_left
                    .windows(2)
                    .chain(row_right.windows(2))
                    .map(|pair| words[pair[1]].x0 - words[pair[0]].x1),
            )
            .max(0.25 * size);
            if cut >= 2.5 * inner {
                wide += 1;
            }
        }
        let gutter = left_rows >= 2 && right_rows >= 2 && wide * 4 >= crossed * 3;
        gutter.then_some((left, right))
    })
}

/// Splits a region at its widest horizontal gap between word boxes.
pub(super) fn horizontal_cut(words: &[Word], region: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
    if region.len() < 2 {
        return None;
    }
    let mut spans: Vec<(f64, f64)> = region
        .iter()
        .map(|&i| (words[i].top(), words[i].bottom()))
        .collect();
    spans.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut best: Option<(f64, f64)> = None;
    let mut low = f64::MAX;
    for (top, bottom) in spans {
        if low < f64::MAX {
            let gap = low - top;
            if gap > 0.0 && best.is_none_or(|(_, g)| gap > g) {
                best = Some(((low + top) / 2.0, gap));
            }
        }
        low = low.min(bottom);
    }
    let (split, _) = best?;
    let (top, bottom): (Vec<usize>, Vec<usize>) =
        region.iter().partition(|&&i| words[i].bottom() >= split);
    (!top.is_empty() && !bottom.is_empty()).then_some((top, bottom))
}
