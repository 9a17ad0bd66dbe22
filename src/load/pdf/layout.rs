//! From positioned glyphs to the statement's text: words, lines, columns, paragraphs.
//!
//! Every threshold is relative to the font size, so the rules hold for any page size, margin
//! and type size:
//!
//! - **Words.** Glyphs follow each other in drawing order; a gap wider than [`WORD_GAP`] of the
//!   font size, a space character, a change of baseline or a step back starts a new word.
//!   Words that touch (a run split in the middle of "G7") are joined without a space.
//! - **Page furniture.** The top two and bottom two rows of each page are dropped when they are
//!   a page number ("3", "Page 2 of 3", "2/3", "- 2 -"), a browser's printed date and title
//!   or address line, or the same text (digits aside) at the same height on most pages; the
//!   top row also when it is in a smaller type than the body and set apart from it (a
//!   running header, recognisable even on a single page).
//! - **Columns and reading order.** A recursive XY-cut on the word boxes: a region is split at
//!   a vertical gutter when one runs through all of it with lines on both sides (columns are
//!   then read one after the other), otherwise at its widest horizontal gap.
//! - **Paragraphs.** A line continues the paragraph above it unless the gap between them is
//!   wider than the document's usual line pitch, the font size changes (a heading), the line
//!   starts with a bullet, it is indented under a line at the margin (outside a list item,
//!   whose continuation lines hang indented), or the line above ended early: its first word would have fitted
//!   at the end of the line above, so the break there was the author's, not the wrapper's
//!   (and the line above ended a sentence, or the line is indented, or the line above stopped
//!   well short of the margin as a title does: plain text wrapped at a count of characters
//!   leaves room at its line ends too).
//!   This last test also joins paragraphs across page and column breaks.
//! - **Line ends.** Wrapped lines are joined with a space. A soft hyphen at a line end is
//!   dropped and the word joined. A hard hyphen between letters is dropped only when the
//!   document itself spells the joined word elsewhere and never the hyphenated one ("co-" +
//!   "operation" where "cooperation" occurs); otherwise it is kept and the halves joined
//!   ("co-chaired", "Japan-U.S."), because the browsers and word processors that make
//!   statements' PDFs break lines after real hyphens and rarely hyphenate on their own.
//!
//! Paragraphs are separated by one blank line; each paragraph is one line of text.

use std::collections::{HashMap, HashSet};

use super::glyphs::{Glyph, Page};

/// A gap between two glyphs wider than this share of the font size separates words. Spaces
/// are a quarter of an em or more in text faces; kerning and rounding in the producers'
/// positioning stay well under a tenth.
const WORD_GAP: f64 = 0.2;

/// A vertical gutter must be at least this many ems wide to split columns.
const GUTTER: f64 = 0.9;

/// Pages with more words than this are read in plain row order (no column analysis), which
/// keeps a page of garbage from costing quadratic time.
const MAX_WORDS_FOR_COLUMNS: usize = 20_000;

/// Glyphs joined into a word, with its box.
#[derive(Debug, Clone)]
struct Word {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
    space_before: bool,
}

impl Word {
    fn top(&self) -> f64 {
        self.y + 0.75 * self.size
    }
    fn bottom(&self) -> f64 {
        self.y - 0.2 * self.size
    }
}

/// Words on one baseline within one column region, left to right.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    /// The column region the line was read in (from the nearest vertical cut).
    column: (f64, f64),
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
    /// Width of the line's first word.
    first_word_width: f64,
    /// The first word's text.
    first_word: String,
}

/// The statement's text from its pages' glyphs: paragraphs separated by a blank line, each
/// paragraph's wrapped lines joined, with a final newline. Empty when there is no text.
pub fn text(pages: &[Page]) -> String {
    let mut page_words: Vec<Vec<Word>> = pages.iter().map(|p| words(&p.glyphs)).collect();
    remove_furniture(&mut page_words);
    let mut lines = Vec::new();
    for (page, words) in page_words.iter().enumerate() {
        for (indexes, column) in reading_regions(words) {
            lines.extend(region_lines(page, words, &indexes, column));
        }
    }
    paragraphs(&lines)
}

/// Words from glyphs in drawing order.
fn words(glyphs: &[Glyph]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for glyph in glyphs {
        if let Some(word) = words.last_mut() {
            let size = word.size.max(glyph.size);
            let continues = !glyph.space_before
                && (glyph.y - word.y).abs() <= 0.3 * size
                && glyph.x0 >= word.x1 - 0.5 * size
                && glyph.x0 - word.x1 <= WORD_GAP * glyph.size;
            if continues {
                word.x1 = word.x1.max(glyph.x1);
                word.size = size;
                word.text.push_str(&glyph.text);
                continue;
            }
        }
        words.push(Word {
            x0: glyph.x0,
            x1: glyph.x1.max(glyph.x0),
            y: glyph.y,
            size: glyph.size,
            text: glyph.text.clone(),
            space_before: glyph.space_before,
        });
    }
    words
}

/// Rows of a page: indexes of words sharing a baseline, top row first, each left to right.
fn rows(words: &[Word], indexes: &[usize]) -> Vec<Vec<usize>> {
    let mut sorted: Vec<usize> = indexes.to_vec();
    sorted.sort_by(|&a, &b| words[b].y.total_cmp(&words[a].y));
    let mut rows: Vec<(f64, f64, Vec<usize>)> = Vec::new();
    for i in sorted {
        let word = &words[i];
        match rows.last_mut() {
            Some((y, size, members)) if (*y - word.y).abs() <= 0.5 * size.max(word.size) => {
                if word.size > *size {
                    *size = word.size;
                }
                // The row's baseline is its biggest word's (a superscript does not move it).
                if word.size >= *size {
                    *y = word.y;
                }
                members.push(i);
            }
            _ => rows.push((word.y, word.size, vec![i])),
        }
    }
    rows.into_iter()
        .map(|(_, _, mut members)| {
            members.sort_by(|&a, &b| words[a].x0.total_cmp(&words[b].x0));
            members
        })
        .collect()
}

/// A row's words as text, spaced by their gaps.
fn row_text(words: &[Word], row: &[usize]) -> String {
    let mut text = String::new();
    let mut previous: Option<&Word> = None;
    for &i in row {
        let word = &words[i];
        if let Some(previous) = previous {
            let gap = word.x0 - previous.x1;
            if word.space_before || gap > WORD_GAP * word.size.min(previous.size) {
                text.push(' ');
            }
        }
        text.push_str(&word.text);
        previous = Some(word);
    }
    text
}

/// Drops running headers and footers, page numbers and a browser's printed date, title and
/// address lines from the top two and bottom two rows of every page.
fn remove_furniture(pages: &mut [Vec<Word>]) {
    struct Edge {
        page: usize,
        row: Vec<usize>,
        key: String,
        y: f64,
        furniture: bool,
    }
    let body_size = median(pages.iter().flatten().map(|w| w.size));
    let mut edges = Vec::new();
    for (page, words) in pages.iter().enumerate() {
        let all: Vec<usize> = (0..words.len()).collect();
        let rows = rows(words, &all);
        let count = rows.len();
        let baseline = |row: &[usize]| row.first().map_or(0.0, |&i| words[i].y);
        let row_size = |row: &[usize]| row.iter().map(|&i| words[i].size).fold(0.0, f64::max);
        // A small row set apart above the text: a running header, even on a single page.
        let small_header = match (rows.first(), rows.get(1)) {
            (Some(top), Some(next)) => {
                row_size(top) <= 0.85 * body_size
                    && baseline(top) - baseline(next) >= 1.8 * body_size
            }
            _ => false,
        };
        for (n, row) in rows.into_iter().enumerate() {
            if n >= 2 && n + 2 < count {
                continue;
            }
            let text = row_text(words, &row);
            let y = baseline(&row);
            edges.push(Edge {
                page,
                furniture: is_furniture_text(&text) || (n == 0 && small_header),
                key: text
                    .chars()
                    .map(|c| if c.is_ascii_digit() { '#' } else { c })
                    .collect(),
                row,
                y,
            });
        }
    }
    // The same row (digits aside) at the same height on most pages is a running header.
    if pages.len() >= 2 {
        let mut pages_of: HashMap<(&str, i64), HashSet<usize>> = HashMap::new();
        for edge in &edges {
            pages_of
                .entry((edge.key.as_str(), (edge.y / 4.0).round() as i64))
                .or_default()
                .insert(edge.page);
        }
        let needed = (pages.len() * 3).div_ceil(5).max(2);
        let running: Vec<bool> = edges
            .iter()
            .map(|edge| {
                pages_of
                    .get(&(edge.key.as_str(), (edge.y / 4.0).round() as i64))
                    .is_some_and(|p| p.len() >= needed)
            })
            .collect();
        for (edge, running) in edges.iter_mut().zip(running) {
            edge.furniture |= running;
        }
    }
    let mut dropped: Vec<HashSet<usize>> = vec![HashSet::new(); pages.len()];
    for edge in edges.iter().filter(|e| e.furniture) {
        if let Some(set) = dropped.get_mut(edge.page) {
            set.extend(edge.row.iter().copied());
        }
    }
    for (words, dropped) in pages.iter_mut().zip(dropped) {
        if dropped.is_empty() {
            continue;
        }
        let mut index = 0;
        words.retain(|_| {
            let keep = !dropped.contains(&index);
            index += 1;
            keep
        });
    }
}

/// Whether a row at a page's edge reads as page furniture: a page number, a browser's print
/// stamp (date and time, then the title) or an address line (then the page number).
pub fn is_furniture_text(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_lowercase();
    is_page_number(&lower) || starts_with_print_stamp(&lower) || is_address_line(&lower)
}

/// "3", "- 3 -", "Page 3", "Page 3 of 9", "3 of 9", "3/9", "p. 3".
fn is_page_number(text: &str) -> bool {
    let text = text
        .trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace())
        .trim();
    let text = text
        .strip_prefix("page")
        .or_else(|| text.strip_prefix("p."))
        .unwrap_or(text)
        .trim();
    let mut parts = text.splitn(2, ['/']);
    let (first, second) = match (parts.next(), parts.next()) {
        (Some(first), Some(second)) => (first.trim(), Some(second.trim())),
        _ => match text.split_once(" of ") {
            Some((first, second)) => (first.trim(), Some(second.trim())),
            None => (text, None),
        },
    };
    let number = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    number(first) && second.is_none_or(number)
}

/// "5/8/26, 10:03 AM ..." or "08/05/2026, 10:03 ...": the date and time a browser prints at
/// the top of each page.
fn starts_with_print_stamp(text: &str) -> bool {
    let Some((date, rest)) = text.split_once(|c: char| c == ',' || c.is_whitespace()) else {
        return false;
    };
    let fields: Vec<&str> = date.split(['/', '.', '-']).collect();
    let date_like = fields.len() == 3
        && fields
            .iter()
            .all(|f| (1..=4).contains(&f.len()) && f.chars().all(|c| c.is_ascii_digit()));
    let time = rest.trim_start_matches([',', ' ']);
    let time_like = time.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && h.chars().all(|c| c.is_ascii_digit())
            && m.len() >= 2
            && m.chars().take(2).all(|c| c.is_ascii_digit())
    });
    date_like && time_like
}

/// An address (http, https, file, www) alone or followed by a page number.
fn is_address_line(text: &str) -> bool {
    let mut parts = text.split_whitespace();
    let Some(first) = parts.next() else {
        return false;
    };
    let address = ["http://", "https://", "file://", "www."]
        .iter()
        .any(|p| first.starts_with(p));
    let rest: Vec<&str> = parts.collect();
    address && (rest.is_empty() || is_page_number(&rest.join(" ")))
}

/// The page's words grouped into regions in reading order, each with the horizontal extent of
/// the column it belongs to.
fn reading_regions(words: &[Word]) -> Vec<(Vec<usize>, (f64, f64))> {
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

fn horizontal_extent(words: &[Word], indexes: &[usize]) -> (f64, f64) {
    indexes.iter().fold((f64::MAX, f64::MIN), |(x0, x1), &i| {
        (x0.min(words[i].x0), x1.max(words[i].x1))
    })
}

/// Splits a region at a vertical gutter: an empty band at least [`GUTTER`] ems wide, each
/// side a fifth of the region's width or more with at least two rows of text, and on the rows
/// it crosses much wider than the spaces between their words (a column gap, not the aligned
/// word spaces of justified lines).
fn vertical_cut(words: &[Word], region: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
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
fn horizontal_cut(words: &[Word], region: &[usize]) -> Option<(Vec<usize>, Vec<usize>)> {
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

fn median(values: impl Iterator<Item = f64>) -> f64 {
    let mut values: Vec<f64> = values.filter(|v| v.is_finite()).collect();
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// The lines of one region, top to bottom.
fn region_lines(page: usize, words: &[Word], region: &[usize], column: (f64, f64)) -> Vec<Line> {
    rows(words, region)
        .into_iter()
        .filter_map(|row| {
            let first = words.get(*row.first()?)?;
            let (x0, x1) = horizontal_extent(words, &row);
            // The line's size is its longest word's: a superscript or a bullet does not set it.
            let main = row
                .iter()
                .map(|&i| &words[i])
                .max_by(|a, b| a.text.chars().count().cmp(&b.text.chars().count()))?;
            Some(Line {
                page,
                column,
                x0,
                x1,
                y: main.y,
                size: main.size,
                text: row_text(words, &row),
                first_word_width: first.x1 - first.x0,
                first_word: first.text.clone(),
            })
        })
        .collect()
}

/// The document's usual distance between the baselines of a paragraph's lines, in ems: the
/// lower quartile of the pitches between successive lines of one column and size.
fn usual_pitch(lines: &[Line]) -> Option<f64> {
    let mut pitches: Vec<f64> = lines
        .windows(2)
        .filter_map(|pair| {
            let (above, below) = (&pair[0], &pair[1]);
            let same_place = above.page == below.page && above.column == below.column;
            let same_size = (above.size - below.size).abs() <= 0.1 * above.size;
            let pitch = (above.y - below.y) / above.size;
            (same_place && same_size && pitch > 0.5 && pitch.is_finite()).then_some(pitch)
        })
        .collect();
    if pitches.is_empty() {
        return None;
    }
    pitches.sort_by(f64::total_cmp);
    pitches.get(pitches.len() / 4).copied()
}

/// Left and right edges of each column across the document: a column on a short last page,
/// or one whose every line is indented, is as wide as on the full pages.
fn column_edges(lines: &[Line]) -> HashMap<i64, (f64, f64)> {
    let mut edges: HashMap<i64, (f64, f64)> = HashMap::new();
    for line in lines {
        let key = (line.column.0 / 12.0).round() as i64;
        let edge = edges.entry(key).or_insert((f64::MAX, f64::MIN));
        *edge = (edge.0.min(line.x0), edge.1.max(line.x1));
    }
    edges
}

/// The (left, right) edges of the column `line` was read in.
fn column_of(edges: &HashMap<i64, (f64, f64)>, line: &Line) -> (f64, f64) {
    let key = (line.column.0 / 12.0).round() as i64;
    (key - 2..=key + 2)
        .filter_map(|k| edges.get(&k))
        .fold(line.column, |(left, right), &(l, r)| {
            (left.min(l), right.max(r))
        })
}

/// Whether `text` starts a list item: a bullet, or a number or letter marker such as "1.",
/// "(2)", "a)", "iv.".
fn is_bullet(first_word: &str) -> bool {
    let mut chars = first_word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if matches!(
        first,
        '•' | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '‣'
            | '⁃'
            | '∙'
            | '·'
            | '➢'
            | '►'
            | '✓'
    ) {
        return true;
    }
    matches!(first, '-' | '–' | '—' | '*') && chars.next().is_none()
}

fn is_enumerator(first_word: &str) -> bool {
    let inner = first_word
        .strip_prefix('(')
        .unwrap_or(first_word)
        .strip_suffix(['.', ')'])
        .unwrap_or("");
    let numeric =
        !inner.is_empty() && inner.len() <= 2 && inner.chars().all(|c| c.is_ascii_digit());
    let letter = inner.len() == 1 && inner.chars().all(|c| c.is_ascii_alphabetic());
    let roman = !inner.is_empty() && inner.len() <= 4 && inner.chars().all(|c| "ivx".contains(c));
    numeric || letter || roman
}

/// Whether the line `below` starts a new paragraph after `above`.
fn starts_paragraph(
    above: &Line,
    below: &Line,
    pitch: Option<f64>,
    (above_left, right): (f64, f64),
    below_left: f64,
    in_list: bool,
) -> bool {
    if is_bullet(&below.first_word) {
        return true;
    }
    let ends_sentence = above
        .text
        .trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '”', ')']);
    if ends_sentence && is_enumerator(&below.first_word) {
        return true;
    }
    let size = above.size.min(below.size);
    if (above.size - below.size).abs() > 0.12 * size {
        return true;
    }
    if above.page == below.page && above.column == below.column && below.y < above.y {
        let gap = (above.y - below.y) / above.size;
        let limit = pitch.map_or(1.6, |p| p * 1.15);
        if gap > limit {
            return true;
        }
    }
    // A first-line indent under a line at the margin (not the hanging indent of a list item).
    let indented = !in_list && below.x0 >= below_left + 0.8 * size;
    if indented && above.x0 < above_left + 0.5 * size {
        return true;
    }
    if ends_with_hyphen(&above.text) {
        return false;
    }
    // Would the first word have fitted at the end of the line above? Then the break was the
    // author's: a paragraph or a heading ends there. Lines wrapped by a count of characters
    // (plain text set in a proportional face) leave room too, so a line that did not end a
    // sentence must also have ended well short of the margin (a title, a date line).
    let space = 0.28 * above.size;
    let room = right - 0.15 * size - above.x1 - space;
    let fits = below.first_word_width < room;
    let column_width = (right - above_left).max(above.size);
    fits && (ends_sentence || indented || room >= 0.4 * column_width)
}

fn ends_with_hyphen(text: &str) -> bool {
    let mut chars = text.trim_end().chars().rev();
    matches!(chars.next(), Some('-' | '\u{2010}' | '\u{AD}'))
        && chars.next().is_some_and(char::is_alphabetic)
}

/// Joins lines into paragraphs separated by blank lines.
fn paragraphs(lines: &[Line]) -> String {
    let pitch = usual_pitch(lines);
    let edges = column_edges(lines);
    let vocabulary = vocabulary(lines);
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut in_list = false;
    for (n, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if text.is_empty() {
            continue;
        }
        let previous = n.checked_sub(1).and_then(|p| lines.get(p));
        let continues = previous.is_some_and(|above| {
            !paragraph.is_empty()
                && !starts_paragraph(
                    above,
                    line,
                    pitch,
                    column_of(&edges, above),
                    column_of(&edges, line).0,
                    in_list,
                )
        });
        if continues {
            join_line(&mut paragraph, text, &vocabulary);
        } else {
            flush(&mut out, &mut paragraph);
            paragraph.push_str(text);
            in_list = is_bullet(&line.first_word) || is_enumerator(&line.first_word);
        }
    }
    flush(&mut out, &mut paragraph);
    out
}

fn flush(out: &mut String, paragraph: &mut String) {
    let text: String = paragraph.chars().filter(|&c| c != '\u{AD}').collect();
    let text = text.trim();
    if !text.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(text);
        out.push('\n');
    }
    paragraph.clear();
}

/// Every word of the document, lower-cased, for the hyphenation evidence.
fn vocabulary(lines: &[Line]) -> HashSet<String> {
    lines
        .iter()
        .flat_map(|line| line.text.split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Appends a wrapped line to its paragraph (see the module notes on line ends).
fn join_line(paragraph: &mut String, next: &str, vocabulary: &HashSet<String>) {
    if paragraph.ends_with('\u{AD}') {
        paragraph.pop();
        paragraph.push_str(next);
        return;
    }
    let last_char = paragraph.chars().last();
    let last_word = paragraph.split_whitespace().last().unwrap_or("");
    if ends_with_hyphen(paragraph) {
        let stem: String = last_word
            .trim_end_matches(['-', '\u{2010}'])
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric())
            .collect::<Vec<char>>()
            .into_iter()
            .rev()
            .collect();
        let tail: String = next.chars().take_while(|c| c.is_alphanumeric()).collect();
        let lower_start = tail.chars().next().is_some_and(char::is_lowercase);
        let joined = format!("{stem}{tail}").to_lowercase();
        let hyphenated = format!("{stem}-{tail}").to_lowercase();
        if lower_start && vocabulary.contains(&joined) && !vocabulary.contains(&hyphenated) {
            paragraph.pop();
        }
        paragraph.push_str(next);
        return;
    }
    // A dash or slash glued to the word before it: the line broke after it, inside a compound.
    let glued = matches!(last_char, Some('–' | '—' | '/')) && last_word.chars().count() > 1;
    if !glued {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs for `text` set in a 10-point face with 5-point advances, starting at `x`.
    fn set(text: &str, x: f64, y: f64) -> Vec<Glyph> {
        let mut glyphs = Vec::new();
        let mut position = x;
        let mut space = false;
        for c in text.chars() {
            if c == ' ' {
                position += 3.0;
                space = true;
                continue;
            }
            glyphs.push(Glyph {
                x0: position,
                x1: position + 5.0,
                y,
                size: 10.0,
                text: c.to_string(),
                space_before: std::mem::take(&mut space),
            });
            position += 5.0;
        }
        glyphs
    }

    fn page(lines: &[(&str, f64, f64)]) -> Page {
        Page {
            glyphs: lines
                .iter()
                .flat_map(|&(text, x, y)| set(text, x, y))
                .collect(),
        }
    }

    #[test]
    fn wrapped_lines_join_and_a_short_line_ends_its_paragraph() {
        let pages = [page(&[
            ("The ministers met in Tokyo and agreed to", 50.0, 700.0),
            ("deepen their cooperation.", 50.0, 688.0),
            ("They spoke again later that week about the", 50.0, 664.0),
            ("talks.", 50.0, 652.0),
        ])];
        assert_eq!(
            text(&pages),
            "The ministers met in Tokyo and agreed to deepen their cooperation.\n\n\
             They spoke again later that week about the talks.\n"
        );
    }

    #[test]
    fn page_numbers_and_print_stamps_are_furniture() {
        for furniture in [
            "1",
            "Page 2 of 3",
            "2/3",
            "- 4 -",
            "5/8/26, 10:03 AM Joint Statement",
            "https://www.mofa.go.jp/press/release 1/2",
            "file:///tmp/statement.html",
        ] {
            assert!(is_furniture_text(furniture), "{furniture}");
        }
        for body in [
            "G7 Leaders' Summit",
            "The talks were held on 5/8/26.",
            "1. Introduction",
        ] {
            assert!(!is_furniture_text(body), "{body} taken for furniture");
        }
    }

    #[test]
    fn a_hyphen_is_dropped_only_with_the_joined_word_elsewhere() {
        let vocabulary: HashSet<String> = ["cooperation".to_owned()].into_iter().collect();
        let mut paragraph = "deepen their co-".to_owned();
        join_line(&mut paragraph, "operation today", &vocabulary);
        assert_eq!(paragraph, "deepen their cooperation today");
        let mut paragraph = "the dialogue was co-".to_owned();
        join_line(&mut paragraph, "chaired by", &vocabulary);
        assert_eq!(paragraph, "the dialogue was co-chaired by");
        let mut paragraph = "the Japan-".to_owned();
        join_line(&mut paragraph, "U.S. Alliance", &vocabulary);
        assert_eq!(paragraph, "the Japan-U.S. Alliance");
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let pages = [page(&[
            ("Left column first line of", 50.0, 700.0),
            ("text goes on and on here", 50.0, 688.0),
            ("to the end.", 50.0, 676.0),
            ("Right column first line of", 250.0, 700.0),
            ("more text that goes on and", 250.0, 688.0),
            ("on too.", 250.0, 676.0),
        ])];
        assert_eq!(
            text(&pages),
            "Left column first line of text goes on and on here to the end.\n\n\
             Right column first line of more text that goes on and on too.\n"
        );
    }
}
