//! Page furniture: page numbers, a browser's printed date, title and address lines, and
//! running headers and footers repeated on most pages, dropped from the top and bottom rows.

use super::*;

/// Drops running headers and footers, page numbers and a browser's printed date, title and
/// address lines from the top two and bottom two rows of every page.
pub(super) fn remove_furniture(pages: &mut [Vec<Word>]) {
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
pub(super) fn is_furniture_text(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_lowercase();
    is_page_number(&lower) || starts_with_print_stamp(&lower) || is_address_line(&lower)
}

/// "3", "- 3 -", "Page 3", "Page 3 of 9", "3 of 9", "3/9", "p. 3".
pub(super) fn is_page_number(text: &str) -> bool {
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
pub(super) fn starts_with_print_stamp(text: &str) -> bool {
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
pub(super) fn is_address_line(text: &str) -> bool {
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
