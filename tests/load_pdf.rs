//! PDF from its layout: the corpus of tests/fixtures/pdf (official statements rendered by
//! Chromium, LibreOffice, fpdf2 and ReportLab in one and two columns, on one and several pages,
//! written by tests/fixtures/pdf/make.py, listed in corpus.tsv) compares with the text each was
//! made from as identical in every sentence; bad PDFs give one line naming the file and why.

use std::path::{Path, PathBuf};

use parallax::engine::{Options, RowKind, compare};
use parallax::load::load_file;

use super::common::parallax;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf")
}

/// Corpus PDFs that may differ from their text, with the reason. Empty: every one matches.
const EXCEPTIONS: &[(&str, &str)] = &[];

/// (pdf file, producer, layout) of every corpus entry.
fn corpus() -> Vec<(String, String, String)> {
    let listing =
        std::fs::read_to_string(corpus_dir().join("corpus.tsv")).expect("corpus.tsv is there");
    listing
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split('\t');
            Some((
                fields.next()?.to_owned(),
                fields.next()?.to_owned(),
                fields.next()?.to_owned(),
            ))
        })
        .collect()
}

#[test]
fn the_corpus_covers_three_producers_two_layouts_and_several_pages() {
    let corpus = corpus();
    let producers: std::collections::BTreeSet<&str> =
        corpus.iter().map(|(_, p, _)| p.as_str()).collect();
    assert!(producers.len() >= 3, "{producers:?}");
    assert!(corpus.iter().any(|(_, _, l)| l == "two columns"));
    assert!(corpus.iter().any(|(_, _, l)| l == "one column"));
}

#[test]
fn every_corpus_pdf_compares_identical_to_its_text() {
    let mut failures = Vec::new();
    for (pdf, producer, layout) in corpus() {
        if EXCEPTIONS.iter().any(|(name, _)| *name == pdf) {
            continue;
        }
        let path = corpus_dir().join(&pdf);
        let document = load_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(document.format, "pdf");
        let source = std::fs::read_to_string(path.with_extension("txt")).expect("its .txt");
        let comparison = compare(&source, &document.text, &Options::default());
        let odd: Vec<String> = comparison
            .rows
            .iter()
            .filter(|row| row.kind != RowKind::Identical)
            .map(|row| {
                format!(
                    "{:?}: {:?} | {:?}",
                    row.kind,
                    &source[comparison.left_span(row).range()],
                    &document.text[comparison.right_span(row).range()]
                )
            })
            .collect();
        if !odd.is_empty() || comparison.stats.similarity < 1.0 {
            failures.push(format!(
                "{pdf} ({producer}, {layout}): similarity {}\n  {}",
                comparison.stats.similarity,
                odd.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn page_furniture_and_print_stamps_stay_out_of_the_text() {
    for (pdf, _, _) in corpus() {
        let text = load_file(&corpus_dir().join(&pdf)).expect("loads").text;
        for furniture in [
            "file://",
            "Page 1 of",
            "Page 2 of",
            "Press release - Official",
            "1/2",
        ] {
            assert!(!text.contains(furniture), "{pdf}: {furniture:?} in\n{text}");
        }
        assert!(
            !text.lines().any(|l| l.trim().parse::<u32>().is_ok()),
            "{pdf}: a page number in\n{text}"
        );
    }
}

#[test]
fn wrapped_lines_come_back_as_one_paragraph_each() {
    for (pdf, _, _) in corpus() {
        let text = load_file(&corpus_dir().join(&pdf)).expect("loads").text;
        let source = std::fs::read_to_string(corpus_dir().join(&pdf).with_extension("txt"))
            .expect("its .txt");
        // Each line of the text is a whole paragraph of the source (a PDF cannot show the
        // source's occasional double space).
        let single_spaced = |s: &str| {
            s.split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let paragraphs: Vec<String> = source
            .split("\n\n")
            .map(|p| single_spaced(p.trim()))
            .collect();
        for line in text.lines().filter(|l| !l.is_empty()) {
            assert!(
                paragraphs.iter().any(|p| *p == line),
                "{pdf}: {line:?} is not a source paragraph"
            );
        }
    }
}

#[test]
fn spaces_hyphens_and_dashes_come_out_as_in_the_source() {
    let text = load_file(&corpus_dir().join("chromium-01a-mofa.pdf"))
        .expect("loads")
        .text;
    for words in ["Japan-U.S.", "COVID-19", "Japan-U.S. Alliance"] {
        assert!(text.contains(words), "{words} in {text}");
    }
    let text = load_file(&corpus_dir().join("chromium-fo-statement-twocol.pdf"))
        .expect("loads")
        .text;
    assert!(text.contains("co-chaired"), "{text}");
    assert!(text.contains("Tehreek-i-Taliban"), "{text}");
}

fn bad(name: &str) -> PathBuf {
    corpus_dir().join("bad").join(name)
}

#[test]
fn encrypted_truncated_and_bomb_pdfs_name_the_file_and_the_reason() {
    for (name, reason) in [
        ("encrypted.pdf", "encrypted and needs a password"),
        ("truncated.pdf", "truncated or damaged"),
        ("bomb.pdf", "PDF bomb"),
        ("self-drawing.pdf", "draws itself"),
    ] {
        let path = bad(name);
        let message = load_file(&path).expect_err(name).to_string();
        assert!(
            message.starts_with(&path.display().to_string()) && message.contains(reason),
            "{name}: {message}"
        );
    }
}

#[test]
fn cli_gives_one_line_for_each_bad_pdf() {
    for name in [
        "encrypted.pdf",
        "truncated.pdf",
        "bomb.pdf",
        "self-drawing.pdf",
    ] {
        let output = parallax()
            .arg("compare")
            .arg(corpus_dir().join("chromium-09a-govuk.txt"))
            .arg(bad(name))
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    }
}

#[test]
fn a_pdf_cut_anywhere_never_panics() {
    let whole = std::fs::read(corpus_dir().join("chromium-09a-govuk.pdf")).expect("reads");
    for cut in (0..whole.len()).step_by(997) {
        let _ = parallax::load::load_bytes(Path::new("cut.pdf"), &whole[..cut]);
    }
}
