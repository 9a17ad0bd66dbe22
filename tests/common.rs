//! Helpers shared by the test modules: the sample statements, the CLI command, scratch
//! folders, and checks more than one area makes.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use parallax::analysis::{Analysis, StrengthLexicon, analyse};
use parallax::engine::segment::{self, Span};
use parallax::engine::{Comparison, Equivalences, OpTag, Options, Row, compare, token_key};
use parallax::samples::SAMPLES;

/// The bundled sample statements (samples/README.md says where each comes from), as the
/// library bundles them: a sample renamed or removed there fails the build here.
pub const EMBASSY: &str = sample_text("us-embassy-x-post.txt");
pub const EMBASSY_PARAPHRASE: &str = sample_text("article-paraphrase-of-embassy-post.txt");
pub const MOFA: &str = sample_text("pakistan-mofa-post-call-on-dar.txt");
pub const MOFA_PARAPHRASE: &str = sample_text("article-paraphrase-of-mofa-post.txt");
pub const FO: &str = sample_text("fo-joint-press-statement.txt");
pub const ARTICLE: &str = sample_text("article-full.txt");

/// The text of the bundled sample whose file is `file`; evaluated at compile time.
const fn sample_text(file: &str) -> &'static str {
    let mut i = 0;
    while i < SAMPLES.len() {
        if same_bytes(SAMPLES[i].file.as_bytes(), file.as_bytes()) {
            return SAMPLES[i].text;
        }
        i += 1;
    }
    panic!("no bundled sample of that name")
}

/// `left == right`, which `const fn` cannot call on slices yet.
const fn same_bytes(left: &[u8], right: &[u8]) -> bool {
    if left.len() != right.len() {
        return false;
    }
    let mut i = 0;
    while i < left.len() {
        if left[i] != right[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The built `parallax` binary, ready for arguments (and an environment or a working folder
/// where a test needs them).
pub fn parallax() -> Command {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
}

/// Runs `parallax compare` with `args` and waits for its status and output.
pub fn run_compare(args: &[&OsStr]) -> Output {
    parallax()
        .arg("compare")
        .args(args)
        .output()
        .expect("run parallax")
}

/// A bundled sample statement.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

/// A fresh, empty scratch folder for one test of an area ("cli", "gui", ...).
pub fn scratch(area: &str, test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(area).join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// `(tag, left text, right text)` of a row's ops, trimmed.
pub fn op_texts<'a>(row: &Row, left: &'a str, right: &'a str) -> Vec<(OpTag, &'a str, &'a str)> {
    row.ops
        .iter()
        .map(|o| {
            (
                o.tag,
                left[o.left.range()].trim(),
                right[o.right.range()].trim(),
            )
        })
        .collect()
}

/// Compares two texts with the built-in equivalences and analyses them with the built-in
/// tables.
pub fn analysed(left: &str, right: &str, options: &Options) -> (Comparison, Analysis) {
    let c = compare(left, right, options);
    let a = analyse(
        left,
        right,
        &c,
        Equivalences::builtin_ref(),
        StrengthLexicon::builtin_ref(),
    );
    (c, a)
}

/// The lower-cased words of a text, for comparing phrase occurrences.
fn words(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    segment::tokens(text, Span::new(0, text.len()), &mut tokens);
    tokens
        .iter()
        .filter(|t| t.is_word())
        .filter_map(|t| token_key(&text[t.span().range()], true, false))
        .collect()
}

/// Asserts what every phrase promises: three words or more, on both sides, each place spelling
/// its words, longest first.
/// The samples' attribution shift (the FO's "both sides" against the embassy's "We"), and the
/// row of its left sentence.
pub fn samples_attribution_shift(
    c: &Comparison,
    a: &Analysis,
) -> (parallax::analysis::Shift, usize) {
    let shift = a
        .shifts
        .iter()
        .find(|s| s.kind == parallax::analysis::ShiftKind::Attribution)
        .expect("the samples' attribution shift")
        .clone();
    let row = c.rows_of_left()[shift.left];
    (shift, row)
}

pub fn check_phrases(left: &str, right: &str, a: &Analysis) {
    for p in &a.phrases {
        assert!(p.words >= 3);
        assert!(!p.left.is_empty() && !p.right.is_empty(), "{p:?}");
        let expected = words(&p.text);
        assert_eq!(expected.len(), p.words);
        for (text, spans) in [(left, &p.left), (right, &p.right)] {
            for span in spans {
                assert_eq!(words(&text[span.range()]), expected, "{p:?}");
            }
        }
    }
    for pair in a.phrases.windows(2) {
        assert!(pair[0].words >= pair[1].words, "not longest first");
    }
}

/// Steps the window's frames until its background work is done and the UI has caught up.
#[cfg(feature = "gui")]
pub fn settle(harness: &mut egui_kittest::Harness<'static, parallax::gui::ParallaxApp>) {
    let started = std::time::Instant::now();
    harness.step();
    // A frame can hand the worker a job that an earlier frame's input asked for (a search
    // after typing): the window has settled only when it is idle after the last frames too.
    loop {
        while harness.state().is_busy() {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(60),
                "background work did not finish"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
            harness.step();
        }
        harness.run_steps(3);
        if !harness.state().is_busy() {
            break;
        }
    }
}

/// Sets options off their defaults and checks that the window names them and that Reset
/// options sets them all back (both views show the same strip).
#[cfg(feature = "gui")]
pub fn options_are_named_and_reset(
    harness: &mut egui_kittest::Harness<'static, parallax::gui::ParallaxApp>,
) {
    use egui_kittest::kittest::Queryable;
    let options = Options {
        threshold: 0.38,
        ignore_case: true,
        ..Default::default()
    };
    harness
        .state_mut()
        .push(parallax::gui::commands::AppCommand::SetOptions(options));
    settle(harness);
    harness.get_by_label_contains("Reworded pairing 0.38 (default 0.40)");
    harness.get_by_label_contains("Ignore case on");
    harness.get_by_label("Reset options").click();
    settle(harness);
    assert_eq!(harness.state().settings().options, Options::default());
    assert!(harness.query_by_label("Reset options").is_none());
    assert!(harness.query_by_label_contains("(default 0.40)").is_none());
}

/// Every text painted in the window's last frame, in painting order.
#[cfg(feature = "gui")]
pub fn painted_texts(
    harness: &egui_kittest::Harness<'static, parallax::gui::ParallaxApp>,
) -> Vec<std::sync::Arc<egui::Galley>> {
    fn collect(shape: &egui::Shape, out: &mut Vec<std::sync::Arc<egui::Galley>>) {
        match shape {
            egui::Shape::Text(text) => out.push(text.galley.clone()),
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| collect(s, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut out);
    }
    out
}
