//! Loaders: every format a statement arrives in, every bad input, through the library and the
//! CLI. Fixtures are written by tests/fixtures/make.py from samples/fo-joint-press-statement.txt.

use std::path::{Path, PathBuf};

use parallax::engine::{Options, RowKind, compare};
use parallax::load::{LoadError, MAX_FILE_BYTES, load_file};

use super::common::{FO as STATEMENT, parallax, scratch};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A path `name` in a scratch folder of its own (under the build's target folder).
fn temp(name: &str) -> PathBuf {
    scratch("load", name).join(name)
}

#[test]
fn every_format_compares_identical_to_the_plain_text() {
    for (name, format, encoding) in [
        ("statement.txt", "text", "UTF-8"),
        ("statement-bom.txt", "text", "UTF-8 (BOM)"),
        ("statement-cp1252.txt", "text", "windows-1252"),
        ("statement-utf16.txt", "text", "UTF-16LE (BOM)"),
        ("statement.html", "html", "UTF-8"),
        ("statement.docx", "docx", "UTF-8 (XML)"),
        ("statement.pdf", "pdf", "PDF text layer"),
        ("statement-wrapped.pdf", "pdf", "PDF text layer"),
    ] {
        let document = load_file(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            (
                document.format.as_str(),
                document.encoding.to_string().as_str()
            ),
            (format, encoding),
            "{name}"
        );
        let comparison = compare(STATEMENT, &document.text, &Options::default());
        let kinds: Vec<RowKind> = comparison.rows.iter().map(|r| r.kind).collect();
        assert!(
            kinds.iter().all(|&k| k == RowKind::Identical),
            "{name}: {kinds:?}\n{}",
            document.text
        );
        assert_eq!(comparison.rows.len(), 7, "{name}");
    }
}

#[test]
fn html_drops_scripts_and_navigation() {
    let document = load_file(&fixture("statement.html")).expect("loads");
    for chrome in [
        "Home",
        "Press releases",
        "not text",
        "Copyright Ministry",
        "font:14px",
    ] {
        assert!(
            !document.text.contains(chrome),
            "{chrome} leaked into {}",
            document.text
        );
    }
}

/// Loads `path` and returns the error message, which must name the file.
fn error_of(path: &Path) -> String {
    let error: LoadError = load_file(path).expect_err("must fail");
    let message = error.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    message
}

#[test]
fn bad_inputs_give_a_clear_reason() {
    let cases = [
        ("missing.txt", "no such file"),
        ("empty.txt", "file is empty"),
        ("whitespace.txt", "only whitespace"),
        ("nul.txt", "1 damaged byte (invalid UTF-8 or NUL)"),
        ("image.png", "PNG image"),
        ("broken-utf8.txt", "damaged bytes (invalid UTF-8 or NUL)"),
        ("scanned.pdf", "no text layer"),
        ("corrupt.docx", "bad zip archive"),
        ("no-text.docx", "no text"),
    ];
    for (name, reason) in cases {
        let message = error_of(&fixture(name));
        assert!(message.contains(reason), "{name}: {message}");
    }
    let directory = fixture("");
    assert!(error_of(&directory).contains("is a directory"));
}

#[test]
fn a_file_over_the_limit_is_refused_without_reading_it() {
    let path = temp("huge.txt");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: no memory or disk is used, and the loader must not read it.
    file.set_len(MAX_FILE_BYTES + 1).expect("set_len");
    assert!(error_of(&path).contains("over the limit"));
}

#[test]
fn unreadable_file_names_the_permission_problem() {
    use std::os::unix::fs::PermissionsExt;
    let path = temp("locked.txt");
    std::fs::write(&path, "The talks were held.").expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reads, nothing to check.
        return;
    }
    assert!(error_of(&path).contains("permission denied"));
}

#[test]
fn a_megabyte_without_line_breaks_loads_and_compares_in_bounded_rows() {
    let path = temp("one-line.txt");
    let line: String = (0..150_000).map(|i| format!("word{} ", i % 997)).collect();
    std::fs::write(&path, &line[..1_000_000]).expect("write");
    let document = load_file(&path).expect("loads");
    let comparison = compare(STATEMENT, &document.text, &Options::default());
    let longest = comparison
        .right_sentences
        .iter()
        .map(|s| s.span.len())
        .max()
        .unwrap_or(0);
    assert!(longest <= 2100, "sentences are capped, got {longest}");
    assert_eq!(
        comparison
            .right_sentences
            .iter()
            .map(|s| s.span.len())
            .sum::<usize>(),
        document.text.len()
    );
}

#[test]
fn cli_exits_2_with_one_line_for_every_bad_input_and_leaves_files_alone() {
    for name in [
        "missing.txt",
        "empty.txt",
        "nul.txt",
        "image.png",
        "broken-utf8.txt",
        "scanned.pdf",
        "corrupt.docx",
        "no-text.docx",
    ] {
        let path = fixture(name);
        let before = std::fs::read(&path).ok();
        let output = parallax()
            .arg("compare")
            .arg(fixture("statement.txt"))
            .arg(&path)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
        assert!(stderr.contains(name), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert_eq!(std::fs::read(&path).ok(), before, "{name} was modified");
    }
}

#[test]
fn json_reports_format_and_encoding() {
    let output = parallax()
        .args(["compare", "--format", "json"])
        .arg(fixture("statement.docx"))
        .arg(fixture("statement-cp1252.txt"))
        .output()
        .expect("runs");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["left"]["format"], "docx");
    assert_eq!(json["right"]["encoding"], "windows-1252");
}

#[test]
fn a_file_with_a_few_damaged_bytes_opens_anyway_when_asked() {
    use parallax::load::{LoadOptions, load_file_with};
    for (name, count) in [("broken-utf8.txt", 3), ("nul.txt", 1)] {
        let path = fixture(name);
        let refused = load_file(&path).expect_err("refused without asking");
        assert!(
            matches!(refused, parallax::load::LoadError::Damaged { count: c, .. } if c == count),
            "{refused:?}"
        );
        let opened = load_file_with(&path, LoadOptions { open_anyway: true }).expect("opened");
        assert_eq!(
            opened.text.matches('\u{FFFD}').count(),
            count,
            "{:?}",
            opened.text
        );
        assert!(
            opened.encoding.to_string().contains("replaced with U+FFFD"),
            "{}",
            opened.encoding
        );
    }
    // Real binary data stays refused, asked or not.
    let png = load_file_with(&fixture("image.png"), LoadOptions { open_anyway: true });
    assert!(png.is_err());
}
