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

mod furniture;
mod regions;

use furniture::remove_furniture;
use regions::{horizontal_extent, reading_regions};

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
    use super::furniture::is_furniture_text;
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
