//! HTML saved from a ministry's site and Word documents: the statement without the site's
//! chrome, and a .docx with nothing of its body dropped and its notes at the end. The pages are
//! written by tests/fixtures/make_pages.py, the .docx by tests/fixtures/make_docx.sh.

use std::path::{Path, PathBuf};

use parallax::engine::{Options, RowKind, compare};
use parallax::load::{LoadError, load_bytes, load_file};

use super::common::FO as STATEMENT;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// What a ministry's site puts around a statement; none of it may reach the text.
const CHROME: &[&str] = &[
    "Skip to",
    "cookies",
    "Accept",
    "Privacy policy",
    "archived",
    "Ministry of Foreign Affairs",
    "Menu",
    "Home",
    "The Ministry",
    "Press Releases",
    "Contact Us",
    "Search",
    "Share this",
    "Facebook",
    "Email",
    "Print",
    "Back to top",
    "Related",
    "Foreign Secretary meets",
    "Latest News",
    "weekly briefing",
    "Stay informed",
    "Subscribe",
    "Sitemap",
    "Copyright",
    "All rights reserved",
    "dataLayer",
    "position:fixed",
];

fn assert_identical_to_the_statement(name: &str, text: &str) {
    let comparison = compare(STATEMENT, text, &Options::default());
    let kinds: Vec<RowKind> = comparison.rows.iter().map(|r| r.kind).collect();
    assert!(
        kinds.iter().all(|&k| k == RowKind::Identical),
        "{name}: {kinds:?}\n{text}"
    );
    assert_eq!(comparison.rows.len(), 7, "{name}:\n{text}");
}

#[test]
fn a_ministry_page_loads_as_its_statement_without_the_site() {
    for name in ["ministry-page.html", "ministry-page-no-main.html"] {
        let document = load_file(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(document.format, "html", "{name}");
        for chrome in CHROME {
            assert!(
                !document.text.contains(chrome),
                "{name}: {chrome:?} leaked into\n{}",
                document.text
            );
        }
        assert_identical_to_the_statement(name, &document.text);
        // The blocks stay blocks: the heading and each paragraph, a blank line between them.
        assert_eq!(document.text.split("\n\n").count(), 6, "{name}");
    }
}

#[test]
fn a_page_of_only_chrome_is_a_clear_error() {
    let page = "<!DOCTYPE html><html><body><a class=skip-link href=#c>Skip to content</a>\
        <div class=cookie-banner>We use cookies. <button>Accept</button></div>\
        <header><nav><a href=/>Home</a> <a href=/press>Press</a></nav></header>\
        <main><p>Share this</p><p><a href=#top>Back to top</a></p></main>\
        <footer>Copyright Ministry</footer></body></html>";
    let path = Path::new("/downloads/empty-page.html");
    let error: LoadError = load_bytes(path, page.as_bytes()).expect_err("nothing to compare");
    let message = error.to_string();
    assert!(
        message.starts_with("/downloads/empty-page.html: the page has no statement text"),
        "{message}"
    );
    // No body at all, or only markup: the same, never a panic.
    for page in [
        "<html></html>",
        "<!doctype html><body><script>x()</script></body>",
    ] {
        let error = load_bytes(path, page.as_bytes()).expect_err("nothing to compare");
        assert!(error.to_string().contains("no statement text"), "{error}");
    }
}

#[test]
fn a_page_keeps_lists_tables_and_an_article_s_own_header() {
    let page = "<!DOCTYPE html><html><body><header class=site-header>Ministry</header>\
        <article><header><h1>Joint Statement</h1></header>\
        <p>The sides agreed on the following:</p>\
        <ol><li>to meet again in Islamabad;</li><li>to set up a working group.</li></ol>\
        <table><caption>Delegations</caption><tr><th>Side</th><th>Head</th></tr>\
        <tr><td>Pakistan</td><td>Nabeel Munir</td></tr></table>\
        <footer><div class=share>Share this</div></footer></article>\
        <article class=teaser><p>Other news.</p></article></body></html>";
    let document = load_bytes(Path::new("page.html"), page.as_bytes()).expect("loads");
    assert_eq!(
        document.text,
        "Joint Statement\n\nThe sides agreed on the following:\n\nto meet again in Islamabad;\n\n\
         to set up a working group.\n\nDelegations\n\nSide | Head\nPakistan | Nabeel Munir\n"
    );
}

#[test]
fn a_docx_keeps_its_lists_its_table_and_its_footnote_at_the_end() {
    let document = load_file(&fixture("statement-notes.docx")).expect("statement-notes.docx loads");
    assert_eq!(document.format, "docx");
    let text = &document.text;
    // Every paragraph of the statement, the first with its footnote mark.
    for paragraph in STATEMENT.split("\n\n").map(str::trim) {
        let paragraph = paragraph.replace(
            "Tehreek-i-Taliban Pakistan.",
            "Tehreek-i-Taliban Pakistan.[1]",
        );
        assert!(
            text.contains(&paragraph),
            "missing {paragraph:?} in\n{text}"
        );
    }
    // The numbered list with its numbers, the bulleted one with bullets.
    for item in [
        "The two sides agreed to:\n\n1. hold the next round of the dialogue in Islamabad;",
        "\n\n2. exchange information on terrorist financing;\n\n",
        "\n\n3. review progress at the end of the year.\n\n",
        "The delegations were led by:\n\n• the Special Secretary (UN) for Pakistan;\n\n",
        "\n\n• the Acting Coordinator for Counterterrorism for the United States.\n\n",
    ] {
        assert!(text.contains(item), "missing {item:?} in\n{text}");
    }
    // The table: a row per line, every cell.
    assert!(
        text.contains(
            "Delegation | Head | Members\nPakistan | Ambassador Nabeel Munir | 6\n\
             United States | Gregory D. LoGerfo | 5\n"
        ),
        "{text}"
    );
    // The footnote after the body, under its heading.
    assert!(
        text.ends_with("\n\nNotes\n\n[1] The dialogue was held in Washington on 12 August 2025.\n"),
        "{text}"
    );
    assert_eq!(text.matches("[1]").count(), 2, "{text}");
    // The statement's sentences still compare as identical, the additions one-sided.
    let comparison = compare(STATEMENT, text, &Options::default());
    let identical = comparison
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Identical)
        .count();
    assert!(identical >= 6, "{:?}", comparison.rows);
}
