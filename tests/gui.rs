//! The window, driven through egui_kittest's accessibility tree: find widgets by label, click,
//! type, and check what is shown.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parallax::gui::commands::{AppCommand, DialogCommand, NotesCommand, PairCommand, ViewCommand};
use parallax::gui::{Command, ParallaxApp, Side};

use super::common::{painted_texts, scratch, settle};

fn harness(left: Option<PathBuf>, right: Option<PathBuf>) -> Harness<'static, ParallaxApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_eframe(move |cc| ParallaxApp::new(cc, left, right));
    settle(&mut harness);
    harness
}

#[test]
fn starts_on_the_bundled_pair_and_shows_both_names() {
    let harness = harness(None, None);
    harness.get_by_label("us-embassy-x-post.txt");
    harness.get_by_label("fo-joint-press-statement.txt");
    let comparison = harness.state().comparison().expect("compared at start");
    assert!(!comparison.rows.is_empty());
    harness.get_by_label_contains("Similarity");
    harness.get_by_label_contains("We remain committed to countering terrorism");
}

#[test]
fn next_difference_moves_the_selection_and_the_counter() {
    let mut harness = harness(None, None);
    let (_, total) = harness.state().difference_position();
    assert!(total > 2, "the default pair has differences");
    harness.get_by_label(&format!("{total} differences"));
    assert_eq!(harness.state().selected(), None);

    harness.get_by_label("Next").click();
    settle(&mut harness);
    harness.get_by_label(&format!("Difference 1 of {total}"));
    let first = harness.state().selected().expect("a row is selected");

    harness.key_press(egui::Key::F7);
    settle(&mut harness);
    harness.get_by_label(&format!("Difference 2 of {total}"));
    assert!(harness.state().selected().expect("selected") > first);

    harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F7);
    settle(&mut harness);
    harness.get_by_label(&format!("Difference 1 of {total}"));

    harness.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    settle(&mut harness);
    harness.get_by_label(&format!("Difference {total} of {total}"));
}

#[test]
fn ignore_case_changes_the_counts_for_a_pair_differing_only_in_case() {
    let dir = scratch("gui", "case");
    let left = dir.join("left.txt");
    let right = dir.join("right.txt");
    std::fs::write(
        &left,
        "The talks were held in Islamabad. Both sides agreed to meet again.\n",
    )
    .expect("write");
    std::fs::write(
        &right,
        "the talks were held in ISLAMABAD. Both sides agreed to meet again.\n",
    )
    .expect("write");
    let mut harness = harness(Some(left), Some(right));
    harness.get_by_label_contains("1 identical · 1 reworded");

    harness.get_by_label("Ignore case").click();
    settle(&mut harness);
    harness.get_by_label_contains("2 identical · 0 reworded");
    assert!(harness.state().settings().options.ignore_case);
}

#[test]
fn opening_a_missing_file_shows_the_error_and_keeps_the_old_document() {
    let mut harness = harness(None, None);
    let missing = scratch("gui", "missing").join("no-such-statement.txt");
    // Through the path field the window offers where no native dialog exists (no desktop
    // portal in a test), as a user would.
    harness
        .state_mut()
        .push(Command::App(AppCommand::Open(Side::Left)));
    settle(&mut harness);
    if harness.query_by_label("Path:").is_some() {
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, "Path:")
            .type_text(&missing.display().to_string());
        harness.run_steps(2);
        harness.get_by_label("Open").click();
    } else {
        harness
            .state_mut()
            .push(Command::Pair(PairCommand::OpenPath(
                Side::Left,
                missing.clone(),
            )));
    }
    settle(&mut harness);
    harness.get_by_label_contains("no-such-statement.txt: no such file");
    assert_eq!(
        harness.state().documents().left.name,
        "us-embassy-x-post.txt"
    );
    harness.get_by_label("us-embassy-x-post.txt");
    assert!(harness.state().comparison().is_some());
}

#[test]
fn swap_exchanges_the_sides() {
    let mut harness = harness(None, None);
    let before = harness.state().comparison().expect("compared").stats;
    harness.get_by_label("Swap sides").click();
    settle(&mut harness);
    let names: Vec<String> = harness
        .state()
        .documents()
        .iter()
        .map(|d| d.name.clone())
        .collect();
    assert_eq!(
        names,
        ["fo-joint-press-statement.txt", "us-embassy-x-post.txt"]
    );
    let after = harness.state().comparison().expect("compared").stats;
    assert_eq!(
        (after.left_only, after.right_only),
        (before.right_only, before.left_only)
    );
}

/// Swap sides shows the mirror of the comparison: the same summary, and each row the same
/// percentage and word diff with its sides exchanged (a real readout pair whose title pair
/// read 21% one way and 14% the other).
#[test]
fn swap_sides_is_a_mirror_of_the_rows_and_the_summary() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/readouts/14-uk-ireland-pm-call-2023-01-23");
    let mut harness = harness(Some(dir.join("a.txt")), Some(dir.join("b.txt")));
    let rows = |harness: &Harness<'static, ParallaxApp>, swapped: bool| {
        let c = harness.state().comparison().expect("compared");
        let mut out: Vec<(Vec<usize>, Vec<usize>, String, usize)> = c
            .rows
            .iter()
            .map(|r| {
                let (l, rt) = if swapped {
                    (r.right.clone(), r.left.clone())
                } else {
                    (r.left.clone(), r.right.clone())
                };
                (l, rt, format!("{:.0}%", r.similarity * 100.0), r.ops.len())
            })
            .collect();
        out.sort();
        (
            out,
            format!("Similarity {:.0}%", c.stats.similarity * 100.0),
        )
    };
    let (before, summary) = rows(&harness, false);
    harness.get_by_label_contains(&summary);
    harness.get_by_label("Swap sides").click();
    settle(&mut harness);
    let (after, summary_after) = rows(&harness, true);
    assert_eq!(summary_after, summary);
    harness.get_by_label_contains(&summary);
    assert_eq!(after, before);
}

/// A numbered heading ("1. Introduction") is one sentence of one row, not "1." and
/// "Introduction".
#[test]
fn a_numbered_heading_is_one_row() {
    let dir = scratch("gui", "numbered-heading");
    let (left, right) = (dir.join("left.txt"), dir.join("right.txt"));
    std::fs::write(&left, "1. Introduction\n\nThe ministers met in Paris.\n").expect("write");
    std::fs::write(&right, "1. Introduction\n\nThe ministers met in Rome.\n").expect("write");
    let harness = harness(Some(left), Some(right));
    let c = harness.state().comparison().expect("compared");
    assert_eq!(c.left_sentences.len(), 2, "{:?}", c.left_sentences);
    assert_eq!(c.rows.len(), 2);
    assert!(
        !harness
            .get_all_by_label("1. Introduction")
            .collect::<Vec<_>>()
            .is_empty()
    );
}

#[test]
fn find_counts_matches_in_both_documents() {
    let mut harness = harness(None, None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Find:")
        .type_text("terror");
    settle(&mut harness);
    // "terror" occurs in both statements: "Counterterrorism", "terrorism", "terrorist" ...
    let left = parallax::samples::SAMPLES[0]
        .text
        .to_lowercase()
        .matches("terror")
        .count();
    let right = parallax::samples::SAMPLES[1]
        .text
        .to_lowercase()
        .matches("terror")
        .count();
    harness.get_by_label(&format!("match 1 of {}", left + right));
    harness.get_by_label("Next match").click();
    settle(&mut harness);
    harness.get_by_label(&format!("match 2 of {}", left + right));
}

#[test]
fn samples_menu_opens_a_sample_on_one_side() {
    let mut harness = harness(None, None);
    harness
        .state_mut()
        .push(Command::Pair(PairCommand::OpenSample(Side::Right, 2)));
    settle(&mut harness);
    harness.get_by_label("article-paraphrase-of-embassy-post.txt");
    let stats = harness.state().comparison().expect("compared").stats;
    assert_eq!(
        stats.modified, 2,
        "both embassy sentences pair with the paraphrase"
    );
    assert_eq!(stats.moved, 1);
}

#[test]
fn pasted_text_becomes_an_untitled_document_and_is_compared() {
    let mut harness = harness(None, None);
    harness
        .state_mut()
        .push(Command::Dialog(DialogCommand::EditText(Side::Right, false)));
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Statement text:")
        .type_text("We remain committed to countering terrorism in all its forms.");
    harness.run_steps(2);
    harness.get_by_label("Compare with this text").click();
    settle(&mut harness);
    assert_eq!(harness.state().documents().right.name, "untitled (right)");
    harness.get_by_label("untitled (right)");
    let stats = harness.state().comparison().expect("compared").stats;
    assert_eq!(
        stats.identical, 1,
        "the pasted sentence is identical to the post's first"
    );
}

#[test]
fn a_file_changed_on_disk_is_offered_for_reload() {
    let dir = scratch("gui", "watch");
    let left = dir.join("left.txt");
    let right = dir.join("right.txt");
    std::fs::write(&left, "Both sides met in Islamabad.\n").expect("write");
    std::fs::write(&right, "Both sides met in Islamabad.\n").expect("write");
    let mut harness = harness(Some(left), Some(right.clone()));
    assert_eq!(
        harness
            .state()
            .comparison()
            .expect("compared")
            .stats
            .identical,
        1
    );

    std::fs::write(
        &right,
        "Both sides met in Washington and agreed to meet again.\n",
    )
    .expect("write");
    let started = Instant::now();
    while harness
        .query_by_label("right.txt changed on disk.")
        .is_none()
    {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "change not noticed"
        );
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    harness.get_by_label("Reload").click();
    settle(&mut harness);
    assert!(
        harness
            .state()
            .documents()
            .right
            .text
            .contains("Washington")
    );
    assert_eq!(
        harness
            .state()
            .comparison()
            .expect("compared")
            .stats
            .modified,
        1
    );
}

#[test]
fn a_binary_file_is_refused_with_its_reason_and_the_old_document_stays() {
    let mut harness = harness(None, None);
    let png = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/image.png");
    harness
        .state_mut()
        .push(Command::Pair(PairCommand::OpenPath(Side::Right, png)));
    settle(&mut harness);
    harness
        .get_by_label_contains("image.png: not a text file (binary data: looks like a PNG image)");
    assert_eq!(
        harness.state().documents().right.name,
        "fo-joint-press-statement.txt"
    );
}

#[test]
fn notes_round_trip_through_the_sidecar_and_appear_in_exports() {
    let dir = scratch("gui", "notes");
    let left = dir.join("embassy.txt");
    let right = dir.join("article.txt");
    let _ = std::fs::remove_file(dir.join("embassy.txt.parallax-notes.json"));
    std::fs::write(&left, parallax::samples::SAMPLES[0].text).expect("write");
    std::fs::write(&right, parallax::samples::SAMPLES[2].text).expect("write");

    let mut app = harness(Some(left.clone()), Some(right.clone()));
    app.get_by_label("Next").click();
    settle(&mut app);
    let row = app.state().selected().expect("selected");
    let note_label = format!("Note on row {}:", row + 1);
    app.get_by_role_and_label(egui::accesskit::Role::TextInput, &note_label)
        .focus();
    app.run_steps(1);
    app.get_by_role_and_label(egui::accesskit::Role::TextInput, &note_label)
        .type_text("Embassy drops the attribution");
    app.run_steps(2);
    assert!(
        app.query_all_by_value("Embassy drops the attribution")
            .count()
            > 0
    );
    app.get_by_label("Save note").click();
    settle(&mut app);
    assert!(
        dir.join("embassy.txt.parallax-notes.json").exists(),
        "sidecar written next to the left file"
    );
    drop(app);

    // Reopen the same pair: the note is back, on the same row.
    let mut app = harness(Some(left.clone()), Some(right.clone()));
    assert_eq!(
        app.state().row_notes(),
        [(row, "Embassy drops the attribution".to_owned())]
    );
    let report = dir.join("report.html");
    app.state_mut().push(Command::App(AppCommand::Export(
        parallax::export::Format::Html,
        report.clone(),
    )));
    settle(&mut app);
    let started = Instant::now();
    while !report.exists()
        || std::fs::read_to_string(&report).map_or(true, |h| !h.contains("</html>"))
    {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "report not written"
        );
        std::thread::sleep(Duration::from_millis(20));
        app.step();
    }
    let html = std::fs::read_to_string(&report).expect("report");
    assert!(html.contains("Embassy drops the attribution"));
    drop(app);

    // The left file changes: the note is still restored, and the change is flagged.
    let changed = format!(
        "{}\nA new closing line.\n",
        parallax::samples::SAMPLES[0].text
    );
    std::fs::write(&left, changed).expect("write");
    let app = harness(Some(left), Some(right));
    app.get_by_label_contains("embassy.txt changed since they were written");
    assert_eq!(app.state().row_notes().len(), 1);
}

#[test]
fn open_shortcuts_ask_for_the_side_they_name() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
        // A desktop session would show the native dialog instead of the path field.
        eprintln!("skipped: a desktop session bus is present");
        return;
    }
    let mut harness = harness(None, None);
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::O,
    );
    settle(&mut harness);
    harness.get_by_label("Open the right statement");
    assert!(harness.query_by_label("Open the left statement").is_none());
    harness.get_by_label("Cancel").click();
    settle(&mut harness);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    settle(&mut harness);
    harness.get_by_label("Open the left statement");
}

#[test]
fn page_keys_scroll_the_rows() {
    let dir = scratch("gui", "scroll");
    let (left, right) = (dir.join("left.txt"), dir.join("right.txt"));
    let long: String = (0..400)
        .map(|i| format!("Sentence number {i} of a long statement about the talks.\n\n"))
        .collect();
    std::fs::write(&left, &long).expect("write");
    std::fs::write(&right, long.replace("talks", "meeting")).expect("write");
    let mut harness = harness(Some(left), Some(right));
    assert_eq!(harness.state().scroll_position(), 0.0);

    harness.key_press(egui::Key::PageDown);
    settle(&mut harness);
    let page = harness.state().scroll_position();
    assert!(page > 200.0, "Page Down scrolled {page}");

    harness.key_press(egui::Key::ArrowDown);
    settle(&mut harness);
    assert!((harness.state().scroll_position() - page - 40.0).abs() < 1.0);

    harness.key_press(egui::Key::End);
    settle(&mut harness);
    let end = harness.state().scroll_position();
    assert!(end > page * 10.0, "End scrolled to {end}");
    // Only rows in view are laid out: the last one is there now, on both sides.
    assert_eq!(
        harness
            .query_all_by_label_contains("Sentence number 399")
            .count(),
        2
    );

    harness.key_press(egui::Key::Home);
    settle(&mut harness);
    assert_eq!(harness.state().scroll_position(), 0.0);
    assert_eq!(
        harness
            .query_all_by_label_contains("Sentence number 0 ")
            .count(),
        2
    );
    assert_eq!(
        harness
            .query_all_by_label_contains("Sentence number 399")
            .count(),
        0
    );
}

#[test]
fn the_default_pair_shows_its_counterparts_as_related_rows() {
    let harness = harness(None, None);
    let stats = harness.state().comparison().expect("compared").stats;
    assert!(stats.related >= 2, "{stats:?}");
    harness.get_by_label_contains(&format!("{} related", stats.related));
    harness.get_by_label_contains("counterparts: left 2 of 2");
}

#[test]
fn a_cross_reference_jumps_to_the_linked_sentence_and_marks_it() {
    let mut harness = harness(
        Some(super::common::sample("us-embassy-x-post.txt")),
        Some(super::common::sample("article-full.txt")),
    );
    let comparison = harness.state().comparison().expect("compared").clone();
    let article = std::fs::read_to_string(super::common::sample("article-full.txt"))
        .expect("the article sample");
    // The embassy's first sentence sits with its verbatim copy; its quote ("… the embassy
    // said") is another row, named on the copy's row as a cross-reference.
    let quote = comparison
        .right_sentences
        .iter()
        .position(|s| article[s.content.range()].starts_with("“We remain committed"))
        .expect("the quote");
    let label = format!("also R{}", quote + 1);
    harness.get_by_label(&label).click();
    settle(&mut harness);
    let rows_of_right = comparison.rows_of_right();
    assert_eq!(harness.state().selected(), Some(rows_of_right[quote]));
    assert_eq!(harness.state().marked(), Some((Side::Right, quote)));
}

fn panicking_analyser(
    _: &str,
    _: &str,
    _: &parallax::engine::Comparison,
    _: &parallax::engine::Equivalences,
) -> parallax::analysis::Analysis {
    panic!("an analysis bug injected by the test")
}

#[test]
fn a_panic_in_the_insights_says_so_in_the_panel_and_the_rows_stay() {
    let mut harness = harness(None, None);
    let rows = harness.state().comparison().expect("compared").rows.len();
    harness
        .state_mut()
        .set_analyser_for_tests(panicking_analyser);
    settle(&mut harness);
    let failed = harness
        .state()
        .analysis_failed()
        .expect("the failure is kept")
        .to_owned();
    assert!(failed.contains("an analysis bug injected"), "{failed}");
    harness.get_by_label_contains("The insights could not be computed for these texts");
    harness.get_by_label("Copy details");
    // The rows, the summary and the documents are all still there.
    assert_eq!(
        harness
            .state()
            .comparison()
            .expect("still compared")
            .rows
            .len(),
        rows
    );
    harness.get_by_label_contains("Similarity");
    harness.get_by_label_contains("We remain committed to countering terrorism");
    harness.get_by_label("us-embassy-x-post.txt");
}

#[test]
fn a_file_with_damaged_bytes_is_offered_open_anyway() {
    // U+FFFD is drawn as the window draws any glyph its fonts lack: as a box, not a panic
    // (the harness panics on a missing glyph unless told otherwise).
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .allow_missing_glyphs()
        .build_eframe(|cc| ParallaxApp::new(cc, None, None));
    settle(&mut harness);
    let damaged =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken-utf8.txt");
    harness
        .state_mut()
        .push(Command::Pair(PairCommand::OpenPath(
            Side::Left,
            damaged.clone(),
        )));
    settle(&mut harness);
    harness.get_by_label_contains("3 damaged bytes");
    assert_eq!(
        harness.state().documents().left.name,
        "us-embassy-x-post.txt"
    );

    harness.get_by_label("Open anyway").click();
    settle(&mut harness);
    let left = &harness.state().documents().left;
    assert_eq!(left.name, "broken-utf8.txt");
    assert_eq!(left.text.matches('\u{FFFD}').count(), 3);
    harness.get_by_label_contains("opened anyway");
    assert!(harness.state().comparison().is_some());
}

#[test]
fn started_with_one_file_it_shows_it_on_the_left_and_asks_for_the_other() {
    let left = super::common::sample("fo-joint-press-statement.txt");
    let mut harness = harness(Some(left), None);
    settle(&mut harness);
    assert_eq!(
        harness.state().documents().left.name,
        "fo-joint-press-statement.txt"
    );
    assert!(harness.state().documents().right.text.is_empty());
    harness.get_by_label("fo-joint-press-statement.txt");
    // No desktop portal in a test: the window asks through its path field for the right side.
    harness.get_by_label("Open the right statement");
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path:");
    // The insights claim nothing about the empty side.
    harness.get_by_label_contains("Nothing to compare yet: open the right statement");
    assert!(
        harness
            .query_by_label_contains("Only the left reports")
            .is_none()
    );
    assert!(harness.query_by_label_contains("Names only").is_none());
}

#[test]
fn the_window_has_its_icon() {
    let options = parallax::gui::native_options();
    let icon = options.viewport.icon.expect("the window's icon is set");
    assert_eq!((icon.width, icon.height), (256, 256));
    assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    assert!(icon.rgba.chunks(4).any(|p| p[3] == 255), "not a blank icon");
}

#[test]
fn the_icon_files_exist_at_their_sizes() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icons");
    assert!(dir.join("parallax.svg").is_file(), "the SVG source");
    for size in [16u32, 24, 32, 48, 64, 128, 256, 512] {
        let bytes = std::fs::read(dir.join(format!("parallax-{size}.png"))).expect("png");
        let icon = eframe::icon_data::from_png_bytes(&bytes).expect("decodes as PNG");
        assert_eq!(
            (icon.width, icon.height),
            (size, size),
            "parallax-{size}.png"
        );
    }
    let entry = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/parallax.desktop"),
    )
    .expect("desktop entry");
    for line in ["Exec=parallax %F", "Icon=parallax", "Name=Parallax"] {
        assert!(entry.lines().any(|l| l == line), "{line} missing");
    }
}

#[test]
fn reloading_one_changed_file_leaves_the_other_files_notice() {
    // Two notices, each with its own Reload: acting on the first removes only the first
    // (notices carry ids; an index shifted when Reload removed its own notice first).
    let dir = scratch("gui", "two-notices");
    let left = dir.join("left.txt");
    let right = dir.join("right.txt");
    std::fs::write(&left, "Both sides met in Islamabad.\n").expect("write");
    std::fs::write(&right, "Both sides met in Islamabad.\n").expect("write");
    let mut harness = harness(Some(left.clone()), Some(right.clone()));
    std::fs::write(&left, "Both sides met in Lahore and agreed.\n").expect("write");
    std::fs::write(&right, "Both sides met in Washington and agreed to meet.\n").expect("write");
    let started = Instant::now();
    while harness
        .query_by_label("left.txt changed on disk.")
        .is_none()
        || harness
            .query_by_label("right.txt changed on disk.")
            .is_none()
    {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "changes not noticed"
        );
        std::thread::sleep(Duration::from_millis(50));
        harness.step();
    }
    assert_eq!(harness.state().notices().len(), 2);
    let first = harness.state().notices()[0].text.clone();
    let buttons: Vec<_> = harness.get_all_by_label("Reload").collect();
    assert_eq!(buttons.len(), 2, "one Reload per notice");
    buttons[0].click();
    settle(&mut harness);
    let left_notice = harness.state().notices().iter().any(|n| n.text == first);
    assert!(!left_notice, "the notice acted on is gone");
    let texts: Vec<String> = harness
        .state()
        .notices()
        .iter()
        .map(|n| n.text.clone())
        .collect();
    assert_eq!(texts.len(), 1, "the other notice stays: {texts:?}");
    assert_ne!(texts[0], first);
    harness.get_by_label(&texts[0]);
}

/// A statement of about `kib` KiB: numbered sentences, so that no two are alike.
fn long_statement(kib: usize, seed: &str) -> String {
    let mut text = String::new();
    let mut n = 0;
    while text.len() < kib * 1024 {
        n += 1;
        text.push_str(&format!(
            "The delegations of {seed} reviewed item {n} of the agenda on trade, security and \
             counterterrorism cooperation, and agreed on step {} of the plan. ",
            n * 7 % 1000
        ));
        if n % 6 == 0 {
            text.push('\n');
        }
    }
    text
}

#[test]
fn dragging_the_slider_over_a_large_pair_runs_one_comparison_at_a_time() {
    let dir = scratch("gui", "slider-drag");
    let left = dir.join("left.txt");
    let right = dir.join("right.txt");
    std::fs::write(&left, long_statement(192, "Pakistan")).expect("write");
    std::fs::write(&right, long_statement(192, "the United States")).expect("write");
    let mut harness = harness(Some(left), Some(right));
    let mut options = harness.state().settings().options;
    // One new threshold per frame, as a drag of the slider sends them.
    for step in 0..20 {
        options.threshold = 0.30 + 0.01 * step as f32;
        harness
            .state_mut()
            .push(Command::App(AppCommand::SetOptions(options)));
        harness.step();
        let (running, _) = harness.state().compare_jobs();
        assert!(running <= 1, "{running} comparisons at once");
    }
    settle(&mut harness);
    let (running, peak) = harness.state().compare_jobs();
    assert_eq!(running, 0);
    assert!(peak <= 2, "at most {peak} comparisons ran at once");
    let shown = harness.state().comparison().expect("compared");
    assert!(
        (shown.options.threshold - options.threshold).abs() < 1e-6,
        "the last threshold asked for is the one shown"
    );
}

#[test]
fn the_json_export_carries_the_notes_and_the_hashes() {
    let dir = scratch("gui", "json-export");
    let left = dir.join("embassy.txt");
    let right = dir.join("fo.txt");
    std::fs::write(&left, parallax::samples::SAMPLES[0].text).expect("write");
    std::fs::copy(
        super::common::sample("fo-joint-press-statement.txt"),
        &right,
    )
    .expect("copy");
    let mut app = harness(Some(left.clone()), Some(right.clone()));
    app.state_mut().push(Command::Notes(NotesCommand::Set(
        0,
        "Check the date".into(),
    )));
    settle(&mut app);
    assert_eq!(app.state().row_notes(), [(0, "Check the date".to_owned())]);
    let report = dir.join("report.json");
    app.state_mut().push(Command::App(AppCommand::Export(
        parallax::export::Format::Json,
        report.clone(),
    )));
    settle(&mut app);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("written")).expect("JSON");
    assert_eq!(json["notes"][0]["row"], 0);
    assert_eq!(json["notes"][0]["note"], "Check the date");
    for (key, path) in [("left", &left), ("right", &right)] {
        let bytes = std::fs::read(path).expect("input");
        assert_eq!(
            json[key]["sha256"].as_str(),
            Some(parallax::load::sha256_hex(&bytes).as_str())
        );
        assert_eq!(json[key]["size"].as_u64(), Some(bytes.len() as u64));
    }
    assert!(json["generated"].as_str().is_some_and(|g| g.ends_with('Z')));
    assert_eq!(json["analysed"], true);

    // The one export path refuses to write over an input, from the window too.
    app.state_mut().push(Command::App(AppCommand::Export(
        parallax::export::Format::Json,
        left.clone(),
    )));
    settle(&mut app);
    app.get_by_label_contains("refusing to overwrite an input file");
    assert_eq!(
        std::fs::read_to_string(&left).expect("left"),
        parallax::samples::SAMPLES[0].text
    );
}

/// The window on two scratch copies of the embassy's post and the FO's statement (notes are
/// written next to the left one), with no row selected.
fn scratch_pair(test: &str) -> (Harness<'static, ParallaxApp>, PathBuf) {
    let dir = scratch("gui", test);
    let left = dir.join("embassy.txt");
    let right = dir.join("fo.txt");
    std::fs::write(&left, super::common::EMBASSY).expect("write");
    std::fs::write(&right, super::common::FO).expect("write");
    (harness(Some(left), Some(right)), dir)
}

/// Types `text` in the note field of the selected row.
fn type_note(harness: &mut Harness<'static, ParallaxApp>, text: &str) {
    let row = harness.state().selected().expect("a row is selected");
    let label = format!("Note on row {}:", row + 1);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, &label)
        .focus();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, &label)
        .type_text(text);
    harness.run_steps(2);
}

#[test]
fn enter_in_the_note_field_saves_the_note() {
    let (mut harness, dir) = scratch_pair("note-enter");
    harness.get_by_label("Next").click();
    settle(&mut harness);
    let row = harness.state().selected().expect("selected");
    type_note(&mut harness, "Said only by the embassy");
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(
        harness.state().row_notes(),
        [(row, "Said only by the embassy".to_owned())]
    );
    assert!(dir.join("embassy.txt.parallax-notes.json").exists());
}

#[test]
fn a_note_typed_on_a_row_is_saved_when_another_row_is_selected() {
    let (mut harness, _dir) = scratch_pair("note-leave");
    harness.get_by_label("Next").click();
    settle(&mut harness);
    let row = harness.state().selected().expect("selected");
    type_note(&mut harness, "Check the wording here");
    harness.get_by_label("Next").click();
    settle(&mut harness);
    assert_ne!(harness.state().selected(), Some(row));
    assert_eq!(
        harness.state().row_notes(),
        [(row, "Check the wording here".to_owned())]
    );
    // Back on the row, its note is in the field.
    harness
        .state_mut()
        .push(Command::View(ViewCommand::SelectRow(row)));
    settle(&mut harness);
    assert!(
        harness
            .query_all_by_value("Check the wording here")
            .next()
            .is_some()
    );
}

#[test]
fn a_saved_note_stays_on_its_sentences_when_the_sides_are_swapped_and_back() {
    let (mut harness, _dir) = scratch_pair("note-swap");
    harness.get_by_label("Next").click();
    settle(&mut harness);
    let row = harness.state().selected().expect("selected");
    let sentences = |h: &Harness<'static, ParallaxApp>, row: usize| {
        let c = h.state().comparison().expect("compared");
        let r = &c.rows[row];
        (r.left.clone(), r.right.clone())
    };
    let (left, right) = sentences(&harness, row);
    type_note(&mut harness, "Attribution dropped");
    harness.get_by_label("Save note").click();
    settle(&mut harness);

    harness.get_by_label("Swap sides").click();
    settle(&mut harness);
    let notes = harness.state().row_notes().to_vec();
    assert_eq!(notes.len(), 1, "the note is still there after the swap");
    let swapped_row = notes[0].0;
    assert_eq!(sentences(&harness, swapped_row), (right, left));
    assert_eq!(notes[0].1, "Attribution dropped");

    harness.get_by_label("Swap sides").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().row_notes(),
        [(row, "Attribution dropped".to_owned())]
    );
    harness
        .state_mut()
        .push(Command::View(ViewCommand::SelectRow(row)));
    settle(&mut harness);
    assert!(
        harness
            .query_all_by_value("Attribution dropped")
            .next()
            .is_some(),
        "the note field shows the note"
    );
}

#[test]
fn clicking_a_sentence_selects_its_row_and_n_opens_its_note() {
    let mut harness = harness(None, None);
    assert_eq!(harness.state().selected(), None);
    harness
        .get_by_label_contains("We remain committed to countering terrorism")
        .click();
    settle(&mut harness);
    let row = harness
        .state()
        .selected()
        .expect("the click selected a row");
    let comparison = harness.state().comparison().expect("compared");
    let text = &harness.state().documents().left.text;
    let span = comparison.left_span(&comparison.rows[row]);
    assert!(text[span.range()].contains("We remain committed to countering terrorism"));

    harness.key_press(egui::Key::N);
    settle(&mut harness);
    let label = format!("Note on row {}:", row + 1);
    assert!(
        harness
            .get_by_role_and_label(egui::accesskit::Role::TextInput, &label)
            .is_focused(),
        "N puts the keyboard in the note field"
    );
}

#[test]
fn a_hidden_insights_panel_comes_back_from_the_view_menu() {
    let mut harness = harness(None, None);
    harness.get_by_label("Hide").click();
    settle(&mut harness);
    assert!(!harness.state().settings().show_insights);
    assert!(harness.query_by_label("Hide").is_none());
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Insights panel").click();
    settle(&mut harness);
    assert!(harness.state().settings().show_insights);
    harness.get_by_label("Hide");
}

/// The window on six sentences, the third moved to the end on the right (scratch folder `name`).
fn moved_pair(name: &str) -> Harness<'static, ParallaxApp> {
    let dir = scratch("gui", name);
    let left = dir.join("left.txt");
    let right = dir.join("right.txt");
    let sentences = [
        "The ministers met in Islamabad on Monday morning.",
        "They discussed trade between the two countries at length.",
        "They agreed to fight terrorism together in the region.",
        "The talks ended with a joint press conference at noon.",
        "Both sides will meet again in Washington next year.",
        "The delegation thanked the hosts for their hospitality.",
    ];
    std::fs::write(&left, sentences.join(" ")).expect("write");
    let reordered = [0, 1, 3, 4, 5, 2].map(|i| sentences[i]);
    std::fs::write(&right, reordered.join(" ")).expect("write");
    harness(Some(left), Some(right))
}

#[test]
fn the_moved_link_goes_to_the_right_sentence_it_names() {
    let mut harness = moved_pair("moved");
    let link = harness
        .query_by_label_contains("after R")
        .or_else(|| harness.query_by_label_contains("before R"))
        .expect("a moved link");
    let label = egui_kittest::kittest::NodeT::accesskit_node(&link)
        .label()
        .expect("a label");
    let named: usize = label
        .rsplit('R')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("the link names a right sentence");
    link.click();
    settle(&mut harness);
    let row = harness.state().selected().expect("the link selected a row");
    let comparison = harness.state().comparison().expect("compared");
    assert!(
        comparison.rows[row].right.contains(&(named - 1)),
        "{label} selected row {row}, which holds {:?}",
        comparison.rows[row].right
    );
    assert_eq!(harness.state().marked(), Some((Side::Right, named - 1)));
}

#[test]
fn the_path_dialog_takes_the_keyboard_keeps_tab_inside_and_closes_on_escape() {
    if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() {
        eprintln!("skipped: a desktop session bus is present");
        return;
    }
    let dir = scratch("gui", "path-dialog");
    let left = dir.join("left.txt");
    std::fs::write(&left, super::common::EMBASSY).expect("write");
    let mut harness = harness(Some(left), None);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    settle(&mut harness);
    let field = || (egui::accesskit::Role::TextInput, "Path:");
    assert!(
        harness
            .get_by_role_and_label(field().0, field().1)
            .is_focused(),
        "the path field has the keyboard, though it starts with a folder"
    );
    // Tab goes round the dialog's own widgets: the field, Open, Cancel, and back.
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert!(harness.get_by_label("Open").is_focused());
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert!(harness.get_by_label("Cancel").is_focused());
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    assert!(
        harness
            .get_by_role_and_label(field().0, field().1)
            .is_focused()
    );

    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(
        harness.query_by_label("Path:").is_none(),
        "Escape closes it"
    );
}

#[test]
fn options_off_their_default_are_named_and_reset_in_one_click() {
    let mut harness = harness(None, None);
    assert!(harness.query_by_label("Reset options").is_none());
    super::common::options_are_named_and_reset(&mut harness);
}

#[test]
fn a_long_run_of_inserted_words_is_underlined_on_every_line() {
    let dir = scratch("gui", "underline");
    let left = dir.join("left.txt");
    let right = dir.join("right.txt");
    std::fs::write(
        &left,
        "The minister met the ambassador in Islamabad on Monday.\n",
    )
    .expect("write");
    let run = "and then discussed regional security cooperation, counter terrorism financing, \
               border management along the western frontier, energy sector investment, \
               agricultural trade quotas, visas for students and the resumption of direct \
               flights between the two capitals before the end of the coming fiscal year";
    std::fs::write(
        &right,
        format!("The minister met the ambassador in Islamabad on Monday {run}.\n"),
    )
    .expect("write");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 700.0))
        .build_eframe(move |cc| ParallaxApp::new(cc, Some(left), Some(right)));
    settle(&mut harness);
    let texts = painted_texts(&harness);
    // The run wraps over several lines of its cell.
    let cell = texts
        .iter()
        .find(|g| g.job.text.contains("energy sector investment") && g.rows.len() >= 3)
        .expect("the right cell, on three lines or more");
    let underlined = |g: &egui::Galley| {
        g.job
            .sections
            .iter()
            .filter(|s| !s.format.underline.is_empty())
            .filter_map(|s| g.job.text.get(s.byte_range.start.0..s.byte_range.end.0))
            .collect::<String>()
    };
    // A background painted after an underline covers it where they meet (the bottom of a
    // line and the top of the next): an underline is only safe in a text painted with no
    // background, after the cell's text.
    let layer = texts
        .iter()
        .position(|g| underlined(g).contains("energy sector investment"))
        .expect("the inserted words are underlined");
    assert!(
        texts[layer]
            .job
            .sections
            .iter()
            .all(|s| s.format.background == egui::Color32::TRANSPARENT),
        "the underlines are painted with no background of their own"
    );
    let text_at = texts
        .iter()
        .position(|g| std::sync::Arc::ptr_eq(g, cell))
        .expect("painted");
    assert!(
        texts[text_at]
            .job
            .sections
            .iter()
            .all(|s| s.format.underline.is_empty())
            && layer > text_at,
        "the underlines are painted over the cell's backgrounds"
    );
}

#[test]
fn the_help_window_stays_open_while_the_rows_are_used_and_finds_a_word() {
    let mut harness = harness(None, None);
    harness.key_press(egui::Key::F1);
    settle(&mut harness);
    harness.get_by_label("Parallax help");
    harness.get_by_label("Rows and colours");
    harness
        .get_by_label_contains("We remain committed to countering terrorism")
        .click();
    settle(&mut harness);
    assert!(harness.state().selected().is_some());
    harness.get_by_label("Parallax help");

    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Search help")
        .focus();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Search help")
        .type_text("next gap");
    settle(&mut harness);
    harness.get_by_label_contains("Next gap (F7) goes to a point some statement lacks");
    assert!(harness.query_by_label("Rows and colours").is_none());

    // Help > Help closes it as F1 opened it.
    harness.get_by_label("Help").click();
    harness.run_steps(2);
    harness.get_by_label("Help F1").click();
    settle(&mut harness);
    assert!(harness.query_by_label("Parallax help").is_none());
}

#[test]
fn the_readme_says_what_the_help_window_says() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let readme = flat(&readme);
    for section in parallax::gui::help::SECTIONS {
        assert!(readme.contains(&format!("### {}", section.title)));
        for paragraph in section.paragraphs {
            assert!(
                readme.contains(&flat(paragraph)),
                "the README lacks: {paragraph}"
            );
        }
    }
    for (keys, what) in parallax::gui::help::keys() {
        assert!(readme.contains(&format!("| {keys} | {what} |")), "{keys}");
    }
    assert!(readme.contains(&flat(parallax::gui::help::DROPPING)));
}

/// Waits until the export at `path` holds `end`.
fn wait_for_export(
    app: &mut Harness<'static, ParallaxApp>,
    path: &std::path::Path,
    end: &str,
) -> String {
    let started = Instant::now();
    loop {
        if let Ok(text) = std::fs::read_to_string(path)
            && text.contains(end)
        {
            return text;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "export not written"
        );
        std::thread::sleep(Duration::from_millis(20));
        app.step();
    }
}

#[test]
fn a_note_whose_sentence_changed_stays_on_the_closest_row_flagged_and_exported() {
    let dir = scratch("gui", "note-changed");
    let left = dir.join("s1.txt");
    let right = dir.join("s2.txt");
    std::fs::write(
        &left,
        "The two ministers agreed to expand cooperation on energy security.\n\nThey condemned the missile launches by North Korea.\n",
    )
    .expect("write");
    std::fs::write(
        &right,
        "The two ministers discussed expanding cooperation on energy security.\n\nThey expressed concern about the missile launches by the DPRK.\n",
    )
    .expect("write");
    let mut app = harness(Some(left.clone()), Some(right.clone()));
    for (row, text) in [(0, "weaker"), (1, "second")] {
        app.state_mut()
            .push(Command::View(ViewCommand::SelectRow(row)));
        settle(&mut app);
        app.state_mut()
            .push(Command::Notes(NotesCommand::Set(row, text.to_owned())));
        settle(&mut app);
    }
    assert_eq!(app.state().row_notes().len(), 2);
    drop(app);

    // Row 1's right sentence changes.
    std::fs::write(
        &right,
        "The two ministers discussed expanding cooperation on energy security and trade.\n\nThey expressed concern about the missile launches by the DPRK.\n",
    )
    .expect("write");
    let mut app = harness(Some(left), Some(right));
    app.get_by_label_contains("s2.txt changed since they were written");
    assert_eq!(
        app.state().row_notes(),
        [(0, "weaker".to_owned()), (1, "second".to_owned())],
        "the note of the changed row stays on that row"
    );
    app.state_mut()
        .push(Command::View(ViewCommand::SelectRow(0)));
    settle(&mut app);
    assert!(
        app.query_all_by_value("weaker").count() > 0,
        "the note field shows it"
    );
    app.get_by_label_contains("This note was written on other text");
    let report = dir.join("report.md");
    app.state_mut().push(Command::App(AppCommand::Export(
        parallax::export::Format::Markdown,
        report.clone(),
    )));
    settle(&mut app);
    let markdown = wait_for_export(&mut app, &report, "second");
    assert!(markdown.contains("weaker"), "{markdown}");

    // Saved again on its row, it is anchored there: no longer flagged, and not doubled.
    app.get_by_label("Save note").click();
    settle(&mut app);
    assert!(
        app.query_by_label_contains("This note was written on other text")
            .is_none()
    );
    assert_eq!(app.state().row_notes().len(), 2);
}

#[test]
fn remove_note_shows_only_on_a_row_with_a_note() {
    let (mut harness, _dir) = scratch_pair("note-remove");
    harness
        .state_mut()
        .push(Command::View(ViewCommand::SelectRow(0)));
    settle(&mut harness);
    harness.get_by_label("Save note");
    assert!(harness.query_by_label("Remove note").is_none());
    harness.state_mut().push(Command::Notes(NotesCommand::Set(
        0,
        "Check this".to_owned(),
    )));
    settle(&mut harness);
    harness.get_by_label("Remove note").click();
    settle(&mut harness);
    assert!(harness.state().row_notes().is_empty());
    assert!(harness.query_by_label("Remove note").is_none());
}

#[test]
fn a_file_that_cannot_be_opened_at_start_leaves_its_side_empty() {
    let missing = scratch("gui", "start-missing").join("nope.txt");
    let right = super::common::sample("us-embassy-x-post.txt");
    let harness = harness(Some(missing), Some(right));
    harness.get_by_label_contains("nope.txt: no such file");
    let [left, right] = harness.state().documents().into_array();
    assert!(
        left.text.is_empty(),
        "no sample in its place: {}",
        left.name
    );
    assert_eq!(right.name, "us-embassy-x-post.txt");
    harness.get_by_label_contains("Left: no statement yet");
    harness.get_by_label_contains("Waiting for the left statement");
    assert!(harness.query_by_label_contains("Similarity").is_none());
}

#[test]
fn the_status_bar_says_where_each_text_came_from() {
    let dir = scratch("gui", "origin");
    let left = dir.join("s1.txt");
    std::fs::write(&left, "The ministers met. They agreed.\n").expect("write");
    let mut harness = harness(Some(left.clone()), None);
    harness.get_by_label_contains("Right: no statement yet");
    harness
        .state_mut()
        .push(Command::Dialog(DialogCommand::CancelPrompt));
    harness
        .state_mut()
        .push(Command::Dialog(DialogCommand::EditText(Side::Left, true)));
    settle(&mut harness);
    harness
        .state_mut()
        .push(Command::Dialog(DialogCommand::ApplyEdit(
            Side::Left,
            "The ministers met today. They agreed.\n".into(),
        )));
    settle(&mut harness);
    harness.get_by_label_contains("Left: edited copy of s1.txt");
    harness
        .state_mut()
        .push(Command::Dialog(DialogCommand::EditText(Side::Left, false)));
    settle(&mut harness);
    harness
        .state_mut()
        .push(Command::Dialog(DialogCommand::ApplyEdit(
            Side::Left,
            "Pasted words here. And more.\n".into(),
        )));
    settle(&mut harness);
    harness.get_by_label_contains("Left: pasted text");
    assert!(harness.query_by_label_contains("bundled sample").is_none());
}

#[test]
fn one_file_mode_waits_for_the_other_side_instead_of_comparing() {
    let left = super::common::sample("fo-joint-press-statement.txt");
    let mut harness = harness(Some(left), None);
    harness
        .state_mut()
        .push(Command::Dialog(DialogCommand::CancelPrompt));
    settle(&mut harness);
    harness.get_by_label_contains("Waiting for the right statement");
    assert!(harness.query_by_label_contains("Similarity").is_none());
    assert!(harness.query_by_label_contains("only left ·").is_none());
    assert!(
        harness.query_by_label_contains("((").is_none(),
        "no doubled brackets"
    );
}

#[test]
fn help_search_and_the_text_editor_take_the_keyboard_when_they_open() {
    let mut harness = harness(None, None);
    harness.key_press(egui::Key::F1);
    settle(&mut harness);
    harness.event(egui::Event::Text("moved".into()));
    harness.run_steps(2);
    let search = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search help");
    assert_eq!(
        egui_kittest::kittest::NodeT::accesskit_node(&search)
            .value()
            .as_deref(),
        Some("moved"),
        "typing after F1 reaches the search"
    );
    harness
        .state_mut()
        .push(Command::App(AppCommand::CloseHelp));
    harness
        .state_mut()
        .push(Command::Dialog(DialogCommand::EditText(Side::Left, true)));
    settle(&mut harness);
    harness.event(egui::Event::Text("Zebra".into()));
    harness.run_steps(2);
    let editor =
        harness.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Statement text:");
    assert!(
        egui_kittest::kittest::NodeT::accesskit_node(&editor)
            .value()
            .is_some_and(|v| v.contains("Zebra")),
        "typing in the editor as it opens edits the text"
    );
}

#[test]
fn paraphrases_are_counted_apart_from_reworded_rows() {
    // The US and Japanese readouts of one meeting: their title and first sentences are
    // paraphrases of each other (the same statement in mostly other words).
    let dir = scratch("gui", "paraphrase");
    let left = dir.join("us.txt");
    let right = dir.join("japan.txt");
    std::fs::write(
        &left,
        "Secretary Blinken’s Meeting with Japanese Foreign Minister Hayashi\n\nSecretary of \
         State Antony J. Blinken met today with Japanese Minister for Foreign Affairs Hayashi \
         Yoshimasa in Tokyo. They condemned the missile launches by North Korea.\n",
    )
    .expect("write");
    std::fs::write(
        &right,
        "Japan-U.S. Foreign Ministers' Meeting\n\nOn May 23, commencing at 5:50 pm, for about \
         40 minutes, Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan held a Foreign \
         Ministers’ Meeting with the Honorable Antony Blinken, Secretary of State of the United \
         States of America, who was visiting Japan. They condemned the missile launch by North \
         Korea.\n",
    )
    .expect("write");
    let harness = harness(Some(left), Some(right));
    let comparison = harness.state().comparison().expect("compared");
    let paraphrases = comparison.rows.iter().filter(|r| r.paraphrase).count();
    assert!(paraphrases > 0, "{:?}", comparison.rows);
    let reworded = comparison.stats.modified - paraphrases;
    let noun = if paraphrases == 1 {
        "paraphrase"
    } else {
        "paraphrases"
    };
    harness.get_by_label_contains(&format!(
        "{reworded} reworded · {paraphrases} {noun} · {} related",
        comparison.stats.related
    ));
    // Its own legend entry.
    harness.get_by_label(" paraphrase ");
}

#[test]
fn the_moved_link_is_one_unjustified_line() {
    let mut harness = moved_pair("moved-line");
    for swapped in [false, true] {
        let links: Vec<_> = painted_texts(&harness)
            .into_iter()
            .filter(|g| g.text().contains("after R") || g.text().contains("before R"))
            .collect();
        assert!(
            !links.is_empty(),
            "a moved link is drawn (swapped: {swapped})"
        );
        for galley in links {
            assert_eq!(galley.rows.len(), 1, "{:?} is one line", galley.text());
            assert!(!galley.job.justify, "{:?} is not justified", galley.text());
        }
        harness.get_by_label("Swap sides").click();
        settle(&mut harness);
    }
}

/// Each sentence is marked with whom it credits: on the bundled pair the FO's "both sides
/// emphasized …" is marked "both" and the embassy's "We remain committed …" "own", each
/// with a tooltip in words.
#[test]
fn each_sentence_shows_whom_it_credits() {
    let mut harness = harness(None, None);
    assert!(harness.state().analysis().is_some(), "insights computed");
    let both = harness.get_all_by_label("both").count();
    let own = harness.get_all_by_label("own").count();
    assert!(both >= 1 && own >= 1, "both {both}, own {own}");
    // The legend's "both" comes first; a cell's marker after it.
    harness
        .get_all_by_label("both")
        .last()
        .expect("a joint marker")
        .hover();
    harness.run_steps(60);
    harness.get_by_label_contains("redited to both sides");
}

/// The filter of points one side credits to both and the other to one hides every other row,
/// and stepping through differences stays on the rows shown.
#[test]
fn the_credited_differently_filter_shows_only_those_points() {
    let mut harness = harness(None, None);
    let c = harness.state().comparison().expect("compared").clone();
    let a = harness.state().analysis().expect("analysed").clone();
    let (_, kept) = super::common::samples_attribution_shift(&c, &a);
    harness
        .get_by_label_contains("Only points one side credits to both and the other to one")
        .click();
    settle(&mut harness);
    assert!(harness.state().row_shown(kept));
    let hidden: Vec<usize> = (0..c.rows.len())
        .filter(|&r| !harness.state().row_shown(r))
        .collect();
    assert!(!hidden.is_empty(), "other rows are hidden");
    harness.get_by_label_contains("We remain committed to countering terrorism");
    // A hidden one-sided row's text is no longer drawn.
    harness.get_by_label("Next").click();
    settle(&mut harness);
    let selected = harness.state().selected().expect("a row is selected");
    assert!(
        harness.state().row_shown(selected),
        "row {selected} is hidden"
    );

    harness
        .get_by_label_contains("Only points one side credits to both and the other to one")
        .click();
    settle(&mut harness);
    assert!((0..c.rows.len()).all(|r| harness.state().row_shown(r)));
}

#[test]
fn each_column_names_who_issued_it_as_its_opener_says() {
    let dir = scratch("gui", "issuer");
    let left = dir.join("state.txt");
    let right = dir.join("mofa.txt");
    std::fs::write(
        &left,
        "Secretary of State Antony J. Blinken spoke today with Japanese Foreign Minister \
         Hayashi Yoshimasa. The Secretary condemned the missile launch.\n",
    )
    .expect("write");
    std::fs::write(
        &right,
        "On January 6, commencing at 10:00 pm, for about 40 minutes, Mr. HAYASHI Yoshimasa, \
         Minister for Foreign Affairs of Japan, held a telephone talk with Secretary of State \
         Antony Blinken. The two ministers discussed North Korea.\n",
    )
    .expect("write");
    let harness = harness(Some(left), Some(right));
    harness.get_by_label(
        "Issued by Secretary of State Antony J. Blinken, with Japanese Foreign Minister Hayashi \
         Yoshimasa",
    );
    // The time and length of the call are not the official.
    harness.get_by_label_contains("Issued by Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs");
}

#[test]
fn each_row_shows_the_number_the_brief_names_it_by() {
    let harness = harness(None, None);
    let rows = harness
        .state()
        .comparison()
        .expect("compared at start")
        .rows
        .len();
    let texts: Vec<String> = painted_texts(&harness)
        .iter()
        .map(|g| g.job.text.clone())
        .collect();
    for number in 1..=rows {
        assert!(
            texts.contains(&number.to_string()),
            "row {number} has no number in its gutter: {texts:?}"
        );
    }
    // The brief names rows by those numbers.
    harness.get_by_label_contains("(rows 4, 5, 6 and 7)");
}

#[test]
fn the_legend_says_what_the_credit_markers_mean() {
    // The default pair: its cells carry both/own/them markers, painted; the legend names them.
    let mut harness = harness(None, None);
    for marker in ["both", "own", "them"] {
        assert!(
            harness.get_all_by_label(marker).next().is_some(),
            "{marker}"
        );
    }
    // The legend's entry comes first (above the rows); hovering it explains the markers.
    harness
        .get_all_by_label("own")
        .next()
        .expect("the legend's entry")
        .hover();
    harness.run();
    let tooltip = harness
        .get_all_by_label_contains("Who a sentence credits")
        .count();
    assert!(
        tooltip > 0,
        "the legend's tooltip says what the markers mean"
    );
}
