//! Reports: golden files of the HTML and Markdown for a seed pair, escaping of hostile
//! statement text, no external references, and the CLI formats.
//!
//! To accept a deliberate change of the reports: `PARALLAX_BLESS=1 cargo test export` rewrites
//! the golden files; review them with `git diff tests/golden`.

use std::path::Path;
use std::time::{Duration, SystemTime};

use parallax::engine::{Options, compare};
use parallax::export::{Provenance, Report, html, markdown};
use parallax::load::Document;

/// A fixed time, so the reports are reproducible.
fn fixed_time() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_780_000_000)
}

/// The report of a pair as the tests write it: at [`fixed_time`], with no terms of the
/// analyst's.
fn report<'a>(
    (left, right): (&'a Document, &'a Document),
    comparison: &'a parallax::engine::Comparison,
    notes: &'a [(usize, String)],
    analysis: Option<&'a parallax::analysis::Analysis>,
) -> Report<'a> {
    Report {
        left,
        right,
        comparison,
        notes,
        terms: &[],
        analysis,
        provenance: Provenance {
            generated: fixed_time(),
        },
    }
}

fn render(left: &Document, right: &Document, notes: &[(usize, String)]) -> (String, String) {
    let comparison = compare(&left.text, &right.text, &Options::default());
    let analysis = parallax::analysis::analyse_builtin(&left.text, &right.text, &comparison);
    let report = report((left, right), &comparison, notes, Some(&analysis));
    let mut h = Vec::new();
    html::write(&mut h, &report).expect("html");
    let mut m = Vec::new();
    markdown::write(&mut m, &report).expect("markdown");
    (
        String::from_utf8(h).expect("utf-8"),
        String::from_utf8(m).expect("utf-8"),
    )
}

/// The text report of a pair, as the CLI prints it without colour.
fn render_text(left: &Document, right: &Document) -> String {
    let comparison = compare(&left.text, &right.text, &Options::default());
    let analysis = parallax::analysis::analyse_builtin(&left.text, &right.text, &comparison);
    let report = report((left, right), &comparison, &[], Some(&analysis));
    let mut out = Vec::new();
    parallax::export::write(&mut out, parallax::export::Format::Text, &report, false)
        .expect("text");
    String::from_utf8(out).expect("utf-8")
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("PARALLAX_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from tests/golden/{name}; run PARALLAX_BLESS=1 cargo test export and review the diff.\n--- actual ---\n{actual}"
    );
}

#[test]
fn seed_pair_reports_match_their_golden_files() {
    let left = parallax::samples::SAMPLES[0].document();
    let right = parallax::samples::SAMPLES[2].document();
    let notes = vec![(
        1,
        "The article adds the attribution to the embassy.".to_owned(),
    )];
    let (h, m) = render(&left, &right, &notes);
    golden("embassy-vs-article.html", &h);
    golden("embassy-vs-article.md", &m);
    for report in [&h, &m] {
        assert!(
            report.contains("The article adds the attribution to the embassy."),
            "notes appear"
        );
        assert!(report.contains(&left.sha256), "provenance has the SHA-256");
        assert!(report.contains("2026-05-28T"), "provenance has the time");
    }
    assert!(
        h.contains("<del>Today,</del>") || h.contains("<del>Today,"),
        "deletions struck through"
    );
    assert!(h.contains("<ins>their</ins>"));
    assert!(m.contains("~~our~~") && m.contains("**their**"));
}

#[test]
fn hostile_statement_text_is_shown_as_text() {
    let attack = "Both sides met. <script>alert(1)</script> \"><img src=x onerror=alert(1)> ended.";
    let left = Document::from_text("evil <b>name</b>.txt", attack);
    let right = Document::from_text("right.txt", "Both sides met. They agreed <iframe src=//x>.");
    let notes = vec![(0, "<script>alert('note')</script>".to_owned())];
    let (h, m) = render(&left, &right, &notes);
    for needle in [
        "<script>alert",
        "<img src=x",
        "<iframe",
        "<b>name</b>",
        "onerror=alert(1)>",
    ] {
        assert!(!h.contains(needle), "HTML report contains raw {needle}");
    }
    assert!(h.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(h.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    // In Markdown every `<` of statement text is backslash-escaped, so none starts a tag.
    let bare = m
        .match_indices('<')
        .filter(|(i, _)| !m[..*i].ends_with('\\'))
        .count();
    assert_eq!(bare, 0, "Markdown has a bare <:\n{m}");
}

#[test]
fn html_report_has_no_external_references_and_no_script() {
    let left = parallax::samples::SAMPLES[0].document();
    let right = parallax::samples::SAMPLES[1].document();
    let (h, _) = render(&left, &right, &[]);
    let lower = h.to_lowercase();
    for needle in [
        "<script", "<link", "src=", "@import", "url(", "http://", "https://",
    ] {
        assert!(!lower.contains(needle), "HTML report has {needle}");
    }
    // Links only to rows of the report itself ("moved: after R1", "also R7").
    let links: Vec<&str> = lower.split("href=").skip(1).collect();
    assert!(
        links.iter().all(|l| l.starts_with("\"#row-")),
        "HTML report links outside itself"
    );
}

#[test]
fn cli_writes_html_and_markdown_to_a_file() {
    let dir = super::common::scratch("export", "cli_writes_html_and_markdown_to_a_file");
    for (format, name, marker) in [
        ("html", "r.html", "</html>"),
        ("markdown", "r.md", "## Side by side"),
    ] {
        let out = dir.join(name);
        let status = super::common::parallax()
            .args([
                "compare",
                "samples/us-embassy-x-post.txt",
                "samples/article-paraphrase-of-embassy-post.txt",
            ])
            .args(["--format", format, "-o"])
            .arg(&out)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("runs");
        assert!(status.success());
        let text = std::fs::read_to_string(&out).expect("written");
        assert!(text.contains(marker), "{format}");
        assert!(
            text.contains("samples/us-embassy-x-post.txt"),
            "{format} names the file"
        );
    }
}

#[test]
fn counterparts_report_matches_its_golden_files() {
    // The embassy post against the full article: the verbatim copy is the row, the quote and
    // the paraphrase are cross-references on it.
    let find = |name: &str| {
        parallax::samples::SAMPLES
            .iter()
            .find(|s| s.file == name)
            .expect("sample")
            .document()
    };
    let left = find("us-embassy-x-post.txt");
    let right = find("article-full.txt");
    let (h, m) = render(&left, &right, &[]);
    golden("embassy-vs-full-article.html", &h);
    golden("embassy-vs-full-article.md", &m);
    golden("embassy-vs-full-article.txt", &render_text(&left, &right));
    assert!(
        h.contains("<span class=\"xref\">also"),
        "cross-references in the HTML"
    );
    assert!(m.contains("also R"), "cross-references in the Markdown");
    assert!(
        h.contains("have a counterpart on the right"),
        "coverage in the summary"
    );
}

/// The default pair (the window's first view) in the text and JSON formats, and the seed's
/// statements collated, in every format: what a reviewer should see change when a report's
/// layout does.
#[test]
fn default_pair_text_and_json_match_their_golden_files() {
    let (left, right) = parallax::samples::default_pair();
    let comparison = compare(&left.text, &right.text, &Options::default());
    let analysis = parallax::analysis::analyse_builtin(&left.text, &right.text, &comparison);
    let notes = vec![(0, "A note on the first row.".to_owned())];
    let report = report((&left, &right), &comparison, &notes, Some(&analysis));
    for (format, name) in [
        (parallax::export::Format::Text, "default-pair.txt"),
        (parallax::export::Format::Json, "default-pair.json"),
        (parallax::export::Format::Html, "default-pair.html"),
        (parallax::export::Format::Markdown, "default-pair.md"),
    ] {
        let mut out = Vec::new();
        parallax::export::write(&mut out, format, &report, false).expect("write");
        golden(name, &String::from_utf8(out).expect("utf-8"));
    }
}

#[test]
fn seed_collation_reports_match_their_golden_files() {
    use parallax::export::collation::{self, CollationReport};
    let names = [
        "us-embassy-x-post.txt",
        "fo-joint-press-statement.txt",
        "pakistan-mofa-post-call-on-dar.txt",
        "article-full.txt",
    ];
    let documents: Vec<Document> = names
        .iter()
        .filter_map(|name| parallax::samples::SAMPLES.iter().find(|s| s.file == *name))
        .map(|s| s.document())
        .collect();
    assert_eq!(
        documents.len(),
        names.len(),
        "every seed statement is bundled"
    );
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let equivalences = parallax::engine::Equivalences::builtin();
    let collated =
        parallax::engine::collate::collate_with(&texts, &Options::default(), &equivalences);
    let insights = parallax::analysis::analyse_collation(
        &texts,
        &collated,
        &equivalences,
        parallax::analysis::StrengthLexicon::builtin_ref(),
    );
    let documents: Vec<&Document> = documents.iter().collect();
    let report = CollationReport {
        documents: &documents,
        collation: &collated,
        pivot: 1,
        provenance: Provenance {
            generated: fixed_time(),
        },
        insights: Some(&insights),
    };
    for (format, name) in [
        (parallax::export::Format::Text, "seed-collation.txt"),
        (parallax::export::Format::Json, "seed-collation.json"),
        (parallax::export::Format::Html, "seed-collation.html"),
        (parallax::export::Format::Markdown, "seed-collation.md"),
    ] {
        let mut out = Vec::new();
        collation::write(&mut out, format, &report, false).expect("write");
        golden(name, &String::from_utf8(out).expect("utf-8"));
    }
}

/// A JSON report written with its texts, rows and links written ahead (as the CLI writes
/// them while the insights are finished) is byte for byte the report written at once: with
/// and without insights, notes and rejected links, texts with quotes, tabs and non-ASCII.
#[test]
fn a_json_report_written_ahead_is_the_report_written_at_once() {
    use parallax::export::json::{Ahead, write, write_ahead};
    use parallax::samples::SAMPLES;
    let awkward = "He said: \"Yes.\"\tThe “envoy” met Ishaq Dar — twice.\n\nZoë left.\u{7}";
    let texts = [SAMPLES[0].text, SAMPLES[2].text, awkward];
    for (index, left) in texts.iter().enumerate() {
        let right = texts[(index + 1) % texts.len()];
        let (left, right) = (
            Document::from_text("left.txt", *left),
            Document::from_text("right.txt", right),
        );
        let mut comparison = compare(&left.text, &right.text, &Options::default());
        comparison.rejected.push((0, 0));
        let analysis = parallax::analysis::analyse_builtin(&left.text, &right.text, &comparison);
        let notes = [(0, "Check \"this\".".to_owned())];
        for analysis in [Some(&analysis), None] {
            let report = report((&left, &right), &comparison, &notes, analysis);
            let mut at_once = Vec::new();
            write(&mut at_once, &report).expect("json");
            let mut ahead = Vec::new();
            let parts = Ahead::new(&left, &right, &comparison);
            write_ahead(&mut ahead, &report, Some(&parts)).expect("json");
            let at_once = String::from_utf8(at_once).expect("utf-8");
            assert_eq!(String::from_utf8(ahead).expect("utf-8"), at_once);
            let value: serde_json::Value = serde_json::from_str(&at_once).expect("valid JSON");
            assert_eq!(value["left"]["text"], left.text.as_str());
            assert_eq!(value["rejected"][0]["left"], 0);
            assert!(at_once.starts_with("{\n  \"format\": \"parallax-comparison\",\n"));
            assert!(at_once.ends_with("\n}\n"));
        }
    }
}
