//! CLI tests: run the built `parallax` binary on the sample statements and on broken input.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use super::common::{parallax, run_compare, sample, scratch};

fn compare_json(left: &Path, right: &Path, extra: &[&str]) -> Value {
    let mut args = vec![left.as_os_str(), right.as_os_str()];
    args.extend(["--format", "json"].iter().map(std::ffi::OsStr::new));
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    let out = run_compare(&args);
    assert!(
        out.status.success(),
        "parallax failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// Asserts the failure shape the CLI promises: exit code 2, nothing on stdout, and exactly one
/// line on stderr, which mentions `names`.
fn assert_one_line_error(out: &Output, names: &str) -> String {
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr.clone()).expect("UTF-8 stderr");
    assert!(stderr.ends_with('\n'), "{stderr:?}");
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr:?}");
    assert!(stderr.contains(names), "{stderr:?} does not name {names:?}");
    stderr
}

fn span(value: &Value) -> (usize, usize) {
    let pair = value.as_array().expect("span is [start, end]");
    assert_eq!(pair.len(), 2);
    (
        pair[0].as_u64().expect("start") as usize,
        pair[1].as_u64().expect("end") as usize,
    )
}

/// The sentences of one side as `(start, end)`, checked to partition its `text`, which must
/// be the input file.
fn check_side(side: &Value, file: &Path) -> Vec<(usize, usize)> {
    let text = side["text"].as_str().expect("side text");
    assert_eq!(
        text,
        std::fs::read_to_string(file).expect("input"),
        "text is the input"
    );
    assert_eq!(
        side["name"].as_str(),
        file.file_name().and_then(|n| n.to_str())
    );
    let sentences: Vec<(usize, usize)> = side["sentences"]
        .as_array()
        .expect("sentences")
        .iter()
        .map(|s| {
            (
                s["start"].as_u64().expect("start") as usize,
                s["end"].as_u64().expect("end") as usize,
            )
        })
        .collect();
    let mut at = 0;
    for &(start, end) in &sentences {
        assert_eq!(start, at, "sentences not contiguous");
        assert!(end > start, "empty sentence");
        assert!(text.is_char_boundary(end));
        at = end;
    }
    assert_eq!(at, text.len(), "sentences do not cover the text");
    sentences
}

/// Checks a whole JSON comparison of `left` and `right`.
fn check_json(json: &Value, left: &Path, right: &Path) {
    assert_eq!(json["format"], "parallax-comparison");
    assert_eq!(json["version"], 2);
    for link in json["links"].as_array().expect("links") {
        assert!(link["left"].is_u64() && link["right"].is_u64(), "{link}");
        assert!(
            ["identical", "equivalent", "related"].contains(&link["kind"].as_str().unwrap_or("")),
            "{link}"
        );
        assert!(
            link["score"].is_f64() && link["shared"].is_array(),
            "{link}"
        );
    }
    let left_sentences = check_side(&json["left"], left);
    let right_sentences = check_side(&json["right"], right);
    // Provenance, as every export carries it: each file's size and SHA-256, the time, notes.
    for (key, path) in [("left", left), ("right", right)] {
        let bytes = std::fs::read(path).expect("input");
        assert_eq!(
            json[key]["sha256"].as_str(),
            Some(parallax::load::sha256_hex(&bytes).as_str())
        );
        assert_eq!(json[key]["size"].as_u64(), Some(bytes.len() as u64));
    }
    assert!(json["generated"].is_string());
    assert!(json["notes"].as_array().is_some_and(Vec::is_empty));
    let rows = json["rows"].as_array().expect("rows");
    let mut left_seen = vec![0; left_sentences.len()];
    let mut right_seen = vec![0; right_sentences.len()];
    let mut kinds = std::collections::HashMap::new();
    for row in rows {
        let kind = row["kind"].as_str().expect("kind");
        *kinds.entry(kind.to_owned()).or_insert(0u64) += 1;
        let indexes = |side: &str| -> Vec<usize> {
            row[side]
                .as_array()
                .expect("indexes")
                .iter()
                .map(|i| i.as_u64().expect("index") as usize)
                .collect()
        };
        let (l, r) = (indexes("left"), indexes("right"));
        for &i in &l {
            left_seen[i] += 1;
        }
        for &i in &r {
            right_seen[i] += 1;
        }
        let ops = row["ops"].as_array().expect("ops");
        match kind {
            "left_only" => assert!(!l.is_empty() && r.is_empty() && ops.is_empty()),
            "right_only" => assert!(l.is_empty() && !r.is_empty() && ops.is_empty()),
            "identical" | "modified" => {
                assert!(!l.is_empty() && !r.is_empty() && !ops.is_empty());
                // Ops partition the row's bytes on each side.
                let mut at_l = left_sentences[l[0]].0;
                let mut at_r = right_sentences[r[0]].0;
                for op in ops {
                    let tag = op["tag"].as_str().expect("tag");
                    assert!(
                        ["equal", "delete", "insert", "replace", "equivalent"].contains(&tag),
                        "unknown op tag {tag:?}"
                    );
                    let (ls, le) = span(&op["left"]);
                    let (rs, re) = span(&op["right"]);
                    assert_eq!((ls, rs), (at_l, at_r), "ops not contiguous in {row}");
                    (at_l, at_r) = (le, re);
                }
                assert_eq!(at_l, left_sentences[*l.last().expect("left")].1);
                assert_eq!(at_r, right_sentences[*r.last().expect("right")].1);
            }
            other => panic!("unknown row kind {other:?}"),
        }
    }
    assert!(left_seen.iter().all(|&n| n == 1), "{left_seen:?}");
    assert!(right_seen.iter().all(|&n| n == 1), "{right_seen:?}");
    let stats = &json["stats"];
    for kind in ["identical", "modified", "left_only", "right_only"] {
        assert_eq!(
            stats[kind].as_u64(),
            Some(kinds.get(kind).copied().unwrap_or(0)),
            "stats.{kind}"
        );
    }
}

#[test]
fn json_output_is_the_whole_comparison() {
    for (left, right) in [
        (
            "us-embassy-x-post.txt",
            "article-paraphrase-of-embassy-post.txt",
        ),
        (
            "pakistan-mofa-post-call-on-dar.txt",
            "article-paraphrase-of-mofa-post.txt",
        ),
        ("fo-joint-press-statement.txt", "article-full.txt"),
        ("article-full.txt", "article-full.txt"),
    ] {
        let (left, right) = (sample(left), sample(right));
        let json = compare_json(&left, &right, &[]);
        check_json(&json, &left, &right);
        assert_eq!(json["options"]["ignore_case"], false);
    }
}

#[test]
fn json_output_records_the_options() {
    let (left, right) = (
        sample("us-embassy-x-post.txt"),
        sample("article-paraphrase-of-embassy-post.txt"),
    );
    let json = compare_json(
        &left,
        &right,
        &[
            "--ignore-case",
            "--ignore-punctuation",
            "--threshold",
            "0.5",
        ],
    );
    check_json(&json, &left, &right);
    assert_eq!(json["options"]["ignore_case"], true);
    assert_eq!(json["options"]["ignore_punctuation"], true);
    assert_eq!(json["options"]["threshold"].as_f64(), Some(0.5));
}

#[test]
fn missing_file_is_one_line_and_exit_2() {
    let dir = scratch("cli", "missing");
    let missing = dir.join("no-such-statement.txt");
    let out = run_compare(&[
        missing.as_os_str(),
        sample("us-embassy-x-post.txt").as_os_str(),
    ]);
    assert_one_line_error(&out, "no-such-statement.txt");
    // The right side is checked as well.
    let out = run_compare(&[
        sample("us-embassy-x-post.txt").as_os_str(),
        missing.as_os_str(),
    ]);
    assert_one_line_error(&out, "no-such-statement.txt");
}

#[test]
fn directory_is_one_line_and_exit_2() {
    let dir = scratch("cli", "directory");
    let out = run_compare(&[dir.as_os_str(), sample("us-embassy-x-post.txt").as_os_str()]);
    assert_one_line_error(&out, &dir.display().to_string());
}

#[test]
fn empty_and_binary_files_are_refused() {
    let dir = scratch("cli", "unreadable");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n\n").expect("write");
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, b"PK\x03\x04\x00\x00binary").expect("write");
    let other = sample("us-embassy-x-post.txt");
    for bad in [&empty, &binary] {
        let out = run_compare(&[bad.as_os_str(), other.as_os_str()]);
        assert_one_line_error(&out, &bad.file_name().unwrap().to_string_lossy());
    }
}

#[test]
fn threshold_out_of_range_is_one_line_and_exit_2() {
    let other = sample("us-embassy-x-post.txt");
    let out = parallax()
        .args(["compare", "--threshold", "1.5"])
        .args([&other, &other])
        .output()
        .expect("run");
    assert_one_line_error(&out, "threshold");
}

/// Copies of two samples in a scratch folder, so a failure cannot touch `samples/`.
fn copies(test: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = scratch("cli", test);
    let left = dir.join("left.txt");
    let right = dir.join("right.txt");
    std::fs::copy(sample("us-embassy-x-post.txt"), &left).expect("copy");
    std::fs::copy(sample("article-paraphrase-of-embassy-post.txt"), &right).expect("copy");
    (dir, left, right)
}

#[test]
fn output_onto_an_input_is_refused_and_the_input_is_unchanged() {
    let (dir, left, right) = copies("overwrite");
    let before = (
        std::fs::read(&left).unwrap(),
        std::fs::read(&right).unwrap(),
    );
    std::os::unix::fs::symlink(&left, dir.join("link-to-left.txt")).expect("symlink");
    for target in [
        left.clone(),
        right.clone(),
        dir.join(".").join("right.txt"),
        dir.join("link-to-left.txt"),
    ] {
        for format in ["json", "text"] {
            let out = run_compare(&[
                left.as_os_str(),
                right.as_os_str(),
                "--format".as_ref(),
                format.as_ref(),
                "-o".as_ref(),
                target.as_os_str(),
            ]);
            let message = assert_one_line_error(&out, &target.display().to_string());
            assert!(message.contains("input"), "{message}");
            assert_eq!(std::fs::read(&left).unwrap(), before.0, "left changed");
            assert_eq!(std::fs::read(&right).unwrap(), before.1, "right changed");
        }
    }
}

/// Known CLI bug, kept as a failing test: the input check compares canonical paths, so a
/// hard link to an input is not recognised and `-o` truncates the input through it.
#[test]
fn output_onto_a_hard_link_of_an_input_is_refused() {
    let (dir, left, right) = copies("hard-link");
    let before = std::fs::read(&left).unwrap();
    let link = dir.join("hard-link-to-left.txt");
    std::fs::hard_link(&left, &link).expect("hard link");
    let out = run_compare(&[
        left.as_os_str(),
        right.as_os_str(),
        "-o".as_ref(),
        link.as_os_str(),
    ]);
    assert_eq!(
        std::fs::read(&left).unwrap(),
        before,
        "the input was overwritten"
    );
    assert_one_line_error(&out, &link.display().to_string());
}

#[test]
fn output_file_holds_what_stdout_would() {
    let (dir, left, right) = copies("output");
    let target = dir.join("comparison.json");
    let args = [
        left.as_os_str(),
        right.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ];
    let to_stdout = run_compare(&args);
    assert!(to_stdout.status.success());
    let mut with_o = args.to_vec();
    with_o.extend(["-o".as_ref(), target.as_os_str()]);
    let to_file = run_compare(&with_o);
    assert!(to_file.status.success(), "{to_file:?}");
    assert!(to_file.stdout.is_empty() && to_file.stderr.is_empty());
    // The same JSON but for when it was made: the two runs can fall on either side of a second.
    let without_time = |bytes: &[u8]| -> Value {
        let mut json: Value = serde_json::from_slice(bytes).expect("JSON");
        if let Some(object) = json.as_object_mut() {
            assert!(object.remove("generated").is_some(), "a generated time");
        }
        json
    };
    let written = std::fs::read(&target).unwrap();
    assert_eq!(without_time(&written), without_time(&to_stdout.stdout));
    let json: Value = serde_json::from_slice(&to_stdout.stdout).unwrap();
    check_json(&json, &left, &right);
}

#[test]
fn text_output_marks_words_without_colour_when_piped() {
    let out = run_compare(&[
        sample("us-embassy-x-post.txt").as_os_str(),
        sample("article-paraphrase-of-embassy-post.txt").as_os_str(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!text.contains('\x1b'), "ANSI escape in piped output");
    assert!(text.contains("[-Today,-]"), "{text}");
    assert!(
        text.contains("[-our-]") && text.contains("{+their+}"),
        "{text}"
    );
    assert!(text.contains("{+,” the embassy said+}"), "{text}");
    assert!(text.contains("~ reworded"), "{text}");

    // A statement against itself has nothing to mark.
    let same = sample("fo-joint-press-statement.txt");
    let out = run_compare(&[same.as_os_str(), same.as_os_str()]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!text.contains("[-") && !text.contains("{+"), "{text}");
    assert!(!text.contains('\x1b'));
    assert!(text.contains("7 identical"), "{text}");
}

#[test]
fn a_curly_quote_typo_goes_through_every_format() {
    // "U‘S." (an opening curly quote where a dot was) once panicked in the possessive check.
    let dir = scratch("cli", "typo");
    let typo = dir.join("typo.txt");
    std::fs::write(&typo, "The U\u{2018}S. Acting Coordinator met officials.\n").expect("write");
    let embassy = sample("us-embassy-x-post.txt");
    for format in ["text", "json", "html", "markdown"] {
        for (left, right) in [(&typo, &embassy), (&embassy, &typo)] {
            let out = run_compare(&[
                left.as_os_str(),
                right.as_os_str(),
                "--format".as_ref(),
                format.as_ref(),
            ]);
            assert_eq!(out.status.code(), Some(0), "{format}: {out:?}");
        }
    }
}

#[test]
fn a_bug_is_one_line_naming_the_files_with_its_own_exit_status() {
    let left = sample("us-embassy-x-post.txt");
    let right = sample("fo-joint-press-statement.txt");
    let out = parallax()
        .args(["compare".as_ref(), left.as_os_str(), right.as_os_str()])
        .env("PARALLAX_TEST_PANIC", "1")
        .output()
        .expect("run parallax");
    assert_eq!(
        out.status.code(),
        Some(i32::from(parallax::cli::EXIT_INTERNAL)),
        "{out:?}"
    );
    let stderr = String::from_utf8(out.stderr).expect("UTF-8 stderr");
    assert_eq!(stderr.lines().count(), 1, "not one line: {stderr:?}");
    for part in [
        "us-embassy-x-post.txt",
        "fo-joint-press-statement.txt",
        "internal error while comparing",
        "please report it",
    ] {
        assert!(stderr.contains(part), "{part:?} missing from {stderr:?}");
    }
    assert!(
        !stderr.contains("RUST_BACKTRACE"),
        "raw panic text: {stderr:?}"
    );
}

#[cfg(unix)]
#[test]
fn an_io_error_prints_its_cause_once() {
    let dir = scratch("cli", "symlink-loop");
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    std::os::unix::fs::symlink(&b, &a).expect("symlink");
    std::os::unix::fs::symlink(&a, &b).expect("symlink");
    let out = run_compare(&[a.as_os_str(), sample("us-embassy-x-post.txt").as_os_str()]);
    let stderr = assert_one_line_error(&out, "a.txt");
    assert_eq!(
        stderr.matches("symbolic links").count(),
        1,
        "the cause twice: {stderr:?}"
    );
}

#[test]
fn a_file_with_damaged_bytes_is_refused_with_the_flag_that_opens_it() {
    let damaged = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken-utf8.txt");
    let embassy = sample("us-embassy-x-post.txt");
    let out = run_compare(&[damaged.as_os_str(), embassy.as_os_str()]);
    let stderr = assert_one_line_error(&out, "broken-utf8.txt");
    assert!(stderr.contains("3 damaged bytes"), "{stderr}");
    assert!(stderr.contains("--open-anyway"), "{stderr}");

    let json = compare_json(&damaged, &embassy, &["--open-anyway"]);
    let encoding = json["left"]["encoding"].as_str().expect("encoding");
    assert_eq!(encoding, "UTF-8, 3 damaged bytes replaced with U+FFFD");
}

#[test]
fn standard_input_and_a_missing_output_folder_say_what_to_do() {
    let right = sample("fo-joint-press-statement.txt");
    let out = run_compare(&["-".as_ref(), right.as_os_str()]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("-: reading a statement from standard input is not supported"),
        "{stderr}"
    );

    let left = sample("us-embassy-x-post.txt");
    let nowhere = scratch("cli", "no-folder").join("missing").join("out.html");
    let out = run_compare(&[
        left.as_os_str(),
        right.as_os_str(),
        "-o".as_ref(),
        nowhere.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot write the report there: the folder")
            && stderr.contains("does not exist"),
        "{stderr}"
    );
    assert!(!nowhere.exists());
}
