//! HTML saved from a ministry's site and Word documents: the statement without the site's
//! chrome, and a .docx with nothing of its body dropped and its notes at the end. The pages are
//! written by tests/fixtures/make_pages.py, the .docx by tests/fixtures/make_docx.sh.

use std::path::{Path, PathBuf};

use parallax::engine::{Options, RowKind, compare};
use parallax::load::{LoadError, load_bytes, load_file};

use super::common::{FO as STATEMENT, parallax};

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
    for name in ["statement-notes.docx", "statement-notes-libreoffice.docx"] {
        let document = load_file(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(document.format, "docx");
        assert_docx_fixture(&document.text);
    }
}

/// The checks on statement-notes.docx, whichever producer wrote it.
fn assert_docx_fixture(text: &str) {
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

/// A .docx holding `parts` (name, XML), stored uncompressed, as Word lays them out.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, xml) in parts {
        zip.start_file(*name, options).expect("start part");
        zip.write_all(xml.as_bytes()).expect("write part");
    }
    zip.finish().expect("finish").into_inner()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

#[test]
fn a_docx_numbers_style_lists_folds_nested_tables_and_shares_one_note_sequence() {
    let styles = format!(
        r#"<w:styles {W}><w:style w:type="paragraph" w:styleId="ListNumber"><w:basedOn w:val="Normal"/>
        <w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="ListNumber2"><w:basedOn w:val="ListNumber"/>
        <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#
    );
    let numbering = format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
        </w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let p = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#
        )
    };
    let cell = |inner: &str| format!("<w:tc><w:tcPr/>{inner}</w:tc>");
    let nested = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>",
        cell(&p("Normal", "x")),
        cell(&p("Normal", "1")),
        cell(&p("Normal", "y")),
        cell(&p("Normal", "2"))
    );
    let body = format!(
        r#"<w:document {W}><w:body>{}{}{}{}
        <w:p><w:r><w:t xml:space="preserve">Both sides met.</w:t></w:r><w:r><w:endnoteReference w:id="2"/></w:r>
        <w:r><w:t xml:space="preserve"> They agreed &amp; signed.</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r></w:p>
        <w:tbl><w:tr>{}{}</w:tr><w:tr>{}<w:tc/></w:tr></w:tbl><w:sectPr/></w:body></w:document>"#,
        p("ListNumber", "First point."),
        p("ListNumber2", "A detail."),
        p("ListNumber", "Second point."),
        p("Normal", "After the list."),
        cell(&p("Normal", "Annex")),
        cell(&nested),
        cell(&p("Normal", "Total")),
    );
    let note = |tag: &str, id: &str, text: &str| {
        format!(
            r#"<w:{tag} w:id="{id}"><w:p><w:r><w:{tag}Ref/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{tag}>"#
        )
    };
    let separator = r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"#;
    let footnotes = format!(
        "<w:footnotes {W}>{separator}{}</w:footnotes>",
        note("footnote", "5", "Signed in Islamabad.")
    );
    let endnotes = format!(
        "<w:endnotes {W}>{}</w:endnotes>",
        note("endnote", "2", "On 12 August.")
    );
    let bytes = docx(&[
        ("word/document.xml", &body),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
        ("word/footnotes.xml", &footnotes),
        ("word/endnotes.xml", &endnotes),
    ]);
    let document = load_bytes(Path::new("notes.docx"), &bytes).expect("loads");
    assert_eq!(
        document.text,
        "I. First point.\n\nI.1 A detail.\n\nII. Second point.\n\nAfter the list.\n\n\
         Both sides met.[1] They agreed & signed.[2]\n\n\
         Annex | x | 1; y | 2\nTotal |\n\n\
         Notes\n\n[1] On 12 August.\n\n[2] Signed in Islamabad.\n"
    );
}

#[test]
fn a_docx_with_a_damaged_notes_part_names_it() {
    let body = format!(
        r#"<w:document {W}><w:body><w:p><w:r><w:t>Text.</w:t></w:r></w:p></w:body></w:document>"#
    );
    let bytes = docx(&[
        ("word/document.xml", &body),
        (
            "word/footnotes.xml",
            "<w:footnotes><w:footnote></w:endnote>",
        ),
    ]);
    let error = load_bytes(Path::new("bad.docx"), &bytes).expect_err("refused");
    assert!(
        error
            .to_string()
            .starts_with("bad.docx: corrupt .docx (bad XML in word/footnotes.xml"),
        "{error}"
    );
}

#[test]
fn deeply_nested_chrome_and_articles_load_without_overflow() {
    // Every walk of the loader is iterative; the depth is kept moderate because html5ever's
    // tree building itself grows with the square of the nesting (about 9 s at 5,000 levels in
    // a debug build).
    let depth = 2_000;
    let mut page = String::from("<!DOCTYPE html><html><body>");
    for i in 0..depth {
        let class = if i % 2 == 0 { "share" } else { "content" };
        page.push_str(&format!("<article class={class}><div>"));
    }
    page.push_str("<p>The talks were held in Islamabad.</p>");
    let document = load_bytes(Path::new("deep.html"), page.as_bytes()).expect("loads");
    assert_eq!(document.text, "The talks were held in Islamabad.\n");
}

#[test]
fn the_cli_says_in_one_line_that_a_page_of_chrome_has_no_statement() {
    let dir = super::common::scratch("formats", "a_page_of_chrome_has_no_statement");
    let page = dir.join("cookie-wall.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><body><div id=cookie-consent role=dialog>We use cookies.\
         <button>Accept all</button></div><nav>Home | Press</nav></body></html>",
    )
    .expect("write");
    let output = parallax()
        .arg("compare")
        .arg(fixture("statement.txt"))
        .arg(&page)
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("cookie-wall.html: the page has no statement text"),
        "{stderr}"
    );
}
