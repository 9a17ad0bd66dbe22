//! The three markups render one outline: the same headings, in the same order.

use std::time::{Duration, SystemTime};

use super::{Block, Outline};
use crate::engine::{Options, compare};
use crate::export::collation::CollationReport;
use crate::export::{Provenance, Report, html, markdown, text};

fn fixed_time() -> Provenance {
    Provenance {
        generated: SystemTime::UNIX_EPOCH + Duration::from_secs(1_780_000_000),
    }
}

/// The outline's headings, the title first.
fn headings(outline: &Outline) -> Vec<String> {
    outline.blocks.iter().filter_map(Block::heading).collect()
}

/// The headings as the text writer prints them: a heading with its detail in parentheses.
fn text_headings(outline: &Outline) -> Vec<String> {
    outline
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Title(_) => block.heading(),
            Block::Heading(heading, Some(detail)) => Some(format!("{heading} ({detail})")),
            Block::Heading(heading, None) => Some(heading.clone()),
            _ => None,
        })
        .collect()
}

/// The text of every `<h1>` and `<h2>` element, in order, markup inside them removed.
fn html_headings(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = [rest.find("<h1>"), rest.find("<h2>")]
        .into_iter()
        .flatten()
        .min()
    {
        let Some(end) = rest[start..].find("</h") else {
            break;
        };
        let inner = &rest[start + 4..start + end];
        let mut words = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => words.push(c),
                _ => {}
            }
        }
        found.push(words);
        rest = &rest[start + end..];
    }
    found
}

/// The lines that start with "# " or "## ", their markers removed.
fn markdown_headings(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter_map(|line| {
            line.strip_prefix("# ")
                .or_else(|| line.strip_prefix("## "))
                .map(|heading| heading.replace('\\', ""))
        })
        .collect()
}

/// Renders `outline` in the three markups and checks each has the outline's headings, in
/// order: HTML's and Markdown's heading elements are exactly those, and each of text's is a
/// whole line, after the one before.
fn assert_same_sections(outline: &Outline) {
    let expected = headings(outline);
    assert!(expected.len() > 2, "{expected:?}");

    let mut out = Vec::new();
    html::write_outline(&mut out, outline).expect("html");
    let html = String::from_utf8(out).expect("utf-8");
    assert_eq!(html_headings(&html), expected, "HTML");

    let mut out = Vec::new();
    markdown::write_outline(&mut out, outline).expect("markdown");
    let markdown = String::from_utf8(out).expect("utf-8");
    assert_eq!(markdown_headings(&markdown), expected, "Markdown");

    let mut out = Vec::new();
    text::write_outline(&mut out, outline, false).expect("text");
    let text = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    let mut at = 0;
    for heading in text_headings(outline) {
        let found = lines
            .iter()
            .skip(at)
            .position(|line| *line == heading)
            .unwrap_or_else(|| panic!("text lacks the heading {heading:?} in order:\n{text}"));
        at += found + 1;
    }
}

#[test]
fn the_three_markups_render_the_default_pairs_sections_in_the_same_order() {
    let (left, right) = crate::samples::default_pair();
    let comparison = compare(&left.text, &right.text, &Options::default());
    let analysis = crate::analysis::analyse_builtin(&left.text, &right.text, &comparison);
    let notes = vec![(0, "A note.".to_owned())];
    for analysis in [Some(&analysis), None] {
        let report = Report {
            left: &left,
            right: &right,
            comparison: &comparison,
            notes: &notes,
            terms: &[],
            analysis,
            provenance: fixed_time(),
        };
        assert_same_sections(&super::pair(&report));
    }
}

#[test]
fn the_three_markups_render_a_collations_sections_in_the_same_order() {
    let documents: Vec<_> = crate::samples::SAMPLES
        .iter()
        .take(4)
        .map(|s| s.document())
        .collect();
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let equivalences = crate::engine::Equivalences::builtin();
    let collated = crate::engine::collate::collate_with(&texts, &Options::default(), &equivalences);
    let insights = crate::analysis::analyse_collation(
        &texts,
        &collated,
        &equivalences,
        crate::analysis::StrengthLexicon::builtin_ref(),
    );
    let documents: Vec<_> = documents.iter().collect();
    for insights in [Some(&insights), None] {
        let report = CollationReport {
            documents: &documents,
            collation: &collated,
            pivot: 0,
            provenance: fixed_time(),
            insights,
        };
        assert_same_sections(&super::collation(&report));
    }
}
