//! The collation view, driven through egui_kittest: three or more statements open together,
//! stepping to a point one statement lacks, reordering and hiding columns, the presence map,
//! and back to the two-text view of a pair.

use std::path::PathBuf;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parallax::gui::commands::{
    AppCommand, CollationCommand, FindCommand, Screen, StatementsCommand,
};
use parallax::gui::{Command, ParallaxApp};

use super::common::{painted_texts, sample, settle};

/// The window on the embassy's post, the FO's statement and the ministry's post, collated.
fn three() -> Harness<'static, ParallaxApp> {
    collation_of(&[
        "us-embassy-x-post.txt",
        "fo-joint-press-statement.txt",
        "pakistan-mofa-post-call-on-dar.txt",
    ])
}

/// The window on the collation of these samples.
fn collation_of(names: &[&str]) -> Harness<'static, ParallaxApp> {
    let files: Vec<PathBuf> = names.iter().copied().map(sample).collect();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(|cc| ParallaxApp::new(cc, None, None));
    settle(&mut harness);
    harness
        .state_mut()
        .push(Command::Statements(StatementsCommand::Add(files)));
    settle(&mut harness);
    harness
}

/// A window of `size` on the collation of every statement of the seed article.
fn all_samples(size: egui::Vec2) -> Harness<'static, ParallaxApp> {
    window_with(size, StatementsCommand::OpenAllSamples)
}

/// A window of `size` once `command` has opened its statements.
fn window_with(size: egui::Vec2, command: StatementsCommand) -> Harness<'static, ParallaxApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(|cc| ParallaxApp::new(cc, None, None));
    settle(&mut harness);
    harness.state_mut().push(Command::Statements(command));
    settle(&mut harness);
    harness
}

#[test]
fn three_statements_open_as_a_collation_with_a_column_each() {
    let harness = three();
    assert_eq!(harness.state().screen(), Screen::Collation);
    harness.get_by_label_contains("Collation: 3 statements");
    for name in [
        "D1 us-embassy-x-post.txt",
        "D2 fo-joint-press-statement.txt",
        "D3 pakistan-mofa-post-call-on-dar.txt",
    ] {
        harness.get_by_label(name);
    }
    // The first column sets the reading order until another is chosen.
    assert_eq!(harness.get_all_by_label("reading order").count(), 1);
    // The embassy's opening sentence is a cell of the first row.
    harness.get_by_label("P1");
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    assert_eq!(shown.documents.len(), 3);
    assert!(shown.collation.points.len() >= 5);
}

#[test]
fn next_gap_selects_a_point_a_statement_lacks() {
    let mut harness = three();
    harness.get_by_label("Next gap").click();
    settle(&mut harness);
    let view = harness.state().collation_view();
    let row = view.selected().expect("a point is selected");
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let point = &shown.collation.points[view.reading()[row]];
    let columns = view.columns(shown);
    assert!(
        columns.iter().any(|&d| !point.has(d)),
        "the selected point lacks a statement"
    );
    let gaps = view.gaps().len();
    harness.get_by_label(&format!("Gap 1 of {gaps}"));
    harness.get_by_label("Next gap").click();
    settle(&mut harness);
    harness.get_by_label(&format!("Gap 2 of {gaps}"));
    harness.get_by_label("Previous gap").click();
    harness.get_by_label("Previous gap").click();
    settle(&mut harness);
    harness.get_by_label(&format!("Gap {gaps} of {gaps}"));
}

#[test]
fn columns_move_and_hide_and_the_pivot_follows_the_first_column() {
    let mut harness = three();
    let before = harness.state().collation_view().order().to_vec();
    // The first column's ">" moves it one place right.
    let right: Vec<_> = harness.get_all_by_label(">").collect();
    assert_eq!(right.len(), 3, "one > per column");
    right[0].click();
    settle(&mut harness);
    let after = harness.state().collation_view().order().to_vec();
    assert_eq!(after, vec![before[1], before[0], before[2]]);
    // With no pivot chosen, the points follow the first column's statement.
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    assert_eq!(harness.state().collation_view().pivot(shown), 1);

    let hide: Vec<_> = harness.get_all_by_label("Hide").collect();
    hide[2].click();
    settle(&mut harness);
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    assert_eq!(harness.state().collation_view().columns(shown).len(), 2);
    harness.get_by_label("D2 fo-joint-press-statement.txt");
    assert!(
        harness
            .query_by_label("D3 pakistan-mofa-post-call-on-dar.txt")
            .is_none(),
        "the hidden column's header is gone"
    );
    // Columns → shows it again.
    harness.get_by_label("Columns").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::CheckBox,
            "pakistan-mofa-post-call-on-dar.txt",
        )
        .click();
    settle(&mut harness);
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    assert_eq!(harness.state().collation_view().columns(shown).len(), 3);
}

#[test]
fn clicking_the_presence_map_goes_to_that_point() {
    let mut harness = three();
    harness.get_by_label("Presence of P3").click();
    settle(&mut harness);
    assert_eq!(harness.state().collation_view().selected(), Some(2));
}

#[test]
fn compare_these_two_opens_the_pair_and_the_collation_comes_back() {
    let mut harness = three();
    harness.get_by_label("Compare these two").click();
    settle(&mut harness);
    assert_eq!(harness.state().screen(), Screen::Pair);
    let [left, right] = harness.state().documents().into_array();
    assert_eq!(left.name, "us-embassy-x-post.txt");
    assert_eq!(right.name, "fo-joint-press-statement.txt");
    harness.get_by_label_contains("Similarity");
    harness.get_by_label("Collation (3 statements)").click();
    settle(&mut harness);
    assert_eq!(harness.state().screen(), Screen::Collation);
}

#[test]
fn the_seed_samples_open_together_and_a_statement_can_be_removed() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(|cc| ParallaxApp::new(cc, None, None));
    settle(&mut harness);
    harness.get_by_label("Samples").click();
    harness.run_steps(2);
    harness
        .get_by_label("All the seed's statements together")
        .click();
    settle(&mut harness);
    harness.get_by_label_contains("Collation: 4 statements");
    let id = harness.state().collation_view().order()[3];
    harness
        .state_mut()
        .push(Command::Statements(StatementsCommand::Remove(id)));
    settle(&mut harness);
    harness.get_by_label_contains("Collation: 3 statements");
    harness.get_by_label("D3 pakistan-mofa-post-call-on-dar.txt");
    assert!(
        harness
            .query_by_label_contains("article-full.txt")
            .is_none()
    );
}

#[test]
fn a_missing_file_added_to_the_collation_is_named_and_the_others_stay() {
    let mut harness = three();
    let missing = super::common::scratch("gui", "collation-missing").join("gone.txt");
    harness
        .state_mut()
        .push(Command::Statements(StatementsCommand::Add(vec![missing])));
    settle(&mut harness);
    harness.get_by_label_contains("gone.txt: no such file");
    harness.get_by_label_contains("Collation: 3 statements");
}

#[test]
fn find_searches_every_statement_of_the_collation() {
    let mut harness = three();
    harness.state_mut().push(Command::Find(FindCommand::Open));
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Find:")
        .type_text("LoGerfo");
    settle(&mut harness);
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let expected: usize = shown
        .documents
        .iter()
        .map(|d| d.text.to_ascii_lowercase().matches("logerfo").count())
        .sum();
    assert!(expected >= 2, "the embassy and the FO both name him");
    harness.get_by_label(&format!("match 1 of {expected}"));
    harness.get_by_label("Next match").click();
    settle(&mut harness);
    harness.get_by_label(&format!("match 2 of {expected}"));
    // The match's point is selected: one of its sentences names him.
    let view = harness.state().collation_view();
    let row = view.selected().expect("selected");
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let point = &shown.collation.points[view.reading()[row]];
    let names_him = (0..shown.documents.len()).any(|d| {
        point.sentences[d].iter().any(|&s| {
            let span = shown.collation.sentences[d][s].span;
            shown.documents[d].text[span.range()].contains("LoGerfo")
        })
    });
    assert!(names_him, "the selected point holds the match");
}

#[test]
fn show_only_in_one_statement_lists_what_only_it_says() {
    let mut harness = three();
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let fo = shown.ids[1];
    let total = harness.state().collation_view().reading().len();
    harness
        .state_mut()
        .push(Command::Collation(CollationCommand::SetPointFilter(
            parallax::gui::collation::PointFilter::OnlyIn(fo),
        )));
    settle(&mut harness);
    assert_eq!(
        harness.state().collation_view().filter(),
        parallax::gui::collation::PointFilter::OnlyIn(fo)
    );
    let view = harness.state().collation_view();
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let rows = view.reading();
    assert!(!rows.is_empty() && rows.len() < total);
    for &p in rows {
        let point = &shown.collation.points[p];
        assert!(point.has(1) && !point.has(0) && !point.has(2));
    }
    // The condolences are the FO's alone among these three.
    harness.get_by_label_contains("Jaffar Express");
    // Back to every point.
    harness
        .state_mut()
        .push(Command::Collation(CollationCommand::SetPointFilter(
            parallax::gui::collation::PointFilter::All,
        )));
    settle(&mut harness);
    assert_eq!(harness.state().collation_view().reading().len(), total);
}

/// A file dropped on the window, as the windowing integration hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_three_files_opens_their_collation() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(|cc| ParallaxApp::new(cc, None, None));
    settle(&mut harness);
    for name in [
        "us-embassy-x-post.txt",
        "fo-joint-press-statement.txt",
        "article-full.txt",
    ] {
        harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(sample(name))));
    }
    settle(&mut harness);
    assert_eq!(harness.state().screen(), Screen::Collation);
    harness.get_by_label_contains("Collation: 3 statements");
    harness.get_by_label("D3 article-full.txt");
}

#[test]
fn the_insights_tab_shows_who_names_what_across_the_statements() {
    let mut harness = all_samples(egui::vec2(1440.0, 900.0));
    assert!(matches!(
        harness.state().collation_session().insights(),
        Some(Ok(_))
    ));
    harness.get_by_label("Insights").click();
    settle(&mut harness);
    // A click goes to the first point that names it, in a statement that does.
    harness
        .get_by_label_contains("Balochistan Liberation Army")
        .click();
    settle(&mut harness);
    let view = harness.state().collation_view();
    let row = view.selected().expect("a point is selected");
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let point = &shown.collation.points[view.reading()[row]];
    let names_it = |d: usize| {
        point.sentences[d].iter().any(|&s| {
            let span = shown.collation.sentences[d][s].span;
            shown.documents[d].text[span.range()].contains("BLA")
        })
    };
    assert!(
        (0..shown.documents.len()).any(names_it),
        "the selected point names the BLA"
    );
    assert!(harness.state().collation_view().has_highlights());
    harness.get_by_label("Clear highlights").click();
    settle(&mut harness);
    assert!(!harness.state().collation_view().has_highlights());
}

#[test]
fn the_selected_point_stays_selected_when_the_order_changes() {
    let mut harness = three();
    harness
        .state_mut()
        .push(Command::Collation(CollationCommand::JumpToPoint(3)));
    settle(&mut harness);
    let view = harness.state().collation_view();
    let point = view.reading()[3];
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let fo = shown.ids[1];
    harness
        .state_mut()
        .push(Command::Collation(CollationCommand::SetPivot(fo)));
    settle(&mut harness);
    let view = harness.state().collation_view();
    let row = view.selected().expect("still selected");
    assert_eq!(view.reading()[row], point, "the same point, in its new row");
}

#[test]
fn replacing_one_statement_keeps_the_others_as_they_were() {
    let mut harness = three();
    let before: Vec<_> = harness
        .state()
        .collation_session()
        .statements()
        .iter()
        .map(|s| s.document.clone().expect("loaded"))
        .collect();
    let id = harness.state().collation_session().statements()[1].id;
    harness
        .state_mut()
        .push(Command::Statements(StatementsCommand::Replace(
            id,
            sample("article-full.txt"),
        )));
    settle(&mut harness);
    let after: Vec<_> = harness
        .state()
        .collation_session()
        .statements()
        .iter()
        .map(|s| s.document.clone().expect("loaded"))
        .collect();
    assert_eq!(after[1].name, "article-full.txt");
    // The others were not read again: the very same documents.
    assert!(std::sync::Arc::ptr_eq(&before[0], &after[0]));
    assert!(std::sync::Arc::ptr_eq(&before[2], &after[2]));
    harness.get_by_label("D2 article-full.txt");
    assert!(
        harness
            .query_by_label_contains("fo-joint-press-statement.txt")
            .is_none()
    );
}

#[test]
fn order_by_another_statement_reorders_the_points() {
    // The three statements and the article that reports them in its own order.
    let mut harness = collation_of(&[
        "us-embassy-x-post.txt",
        "fo-joint-press-statement.txt",
        "pakistan-mofa-post-call-on-dar.txt",
        "article-full.txt",
    ]);
    let before = harness.state().collation_view().reading().to_vec();
    // Some statement other than the one the points follow orders them otherwise (which one
    // depends on how the points fall; each is tried in turn).
    let count = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated")
        .ids
        .len();
    let mut reordered = None;
    for index in 0..count {
        let id = harness
            .state()
            .collation_session()
            .shown()
            .expect("collated")
            .ids[index];
        harness
            .state_mut()
            .push(Command::Collation(CollationCommand::SetPivot(id)));
        settle(&mut harness);
        let shown = harness
            .state()
            .collation_session()
            .shown()
            .expect("collated");
        let view = harness.state().collation_view();
        assert_eq!(view.pivot(shown), index);
        if view.reading() != before.as_slice() {
            reordered = Some(index);
            break;
        }
    }
    let index = reordered.expect("no statement orders the points otherwise");
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let after = harness.state().collation_view().reading().to_vec();
    // Its points come in its sentences' order.
    let rows: Vec<usize> = (0..shown.collation.sentences[index].len())
        .filter_map(|s| shown.collation.point_of(index, s))
        .filter_map(|p| after.iter().position(|&q| q == p))
        .collect();
    assert!(rows.windows(2).all(|w| w[0] <= w[1]), "{rows:?}");
    assert_eq!(harness.get_all_by_label("reading order").count(), 1);
    // Same points, another order.
    let (mut a, mut b) = (before, after);
    a.sort_unstable();
    b.sort_unstable();
    assert_eq!(a, b);
}

#[test]
fn moving_a_column_skips_the_hidden_ones() {
    let mut harness = three();
    let order = harness.state().collation_view().order().to_vec();
    harness
        .state_mut()
        .push(Command::Collation(CollationCommand::ToggleColumn(order[1])));
    settle(&mut harness);
    // D1 moves right past the hidden D2, next to D3.
    harness
        .state_mut()
        .push(Command::Collation(CollationCommand::MoveColumn(
            order[0], 1,
        )));
    settle(&mut harness);
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    assert_eq!(harness.state().collation_view().columns(shown), vec![2, 0]);
}

#[test]
fn f7_steps_through_gaps_and_export_writes_the_collation() {
    let mut harness = three();
    harness.key_press(egui::Key::F7);
    settle(&mut harness);
    let gaps = harness.state().collation_view().gaps().len();
    harness.get_by_label(&format!("Gap 1 of {gaps}"));
    let report = super::common::scratch("gui", "collation-export").join("collation.json");
    harness.state_mut().push(Command::App(AppCommand::Export(
        parallax::export::Format::Json,
        report.clone(),
    )));
    settle(&mut harness);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).expect("written")).expect("JSON");
    assert_eq!(json["format"], "parallax-collation");
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(3));
    harness.get_by_label_contains("Report saved to");
}

#[test]
fn changing_the_options_collates_again() {
    let mut harness = three();
    let before = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated")
        .generation;
    let options = harness.state().settings().options.ignore_case(true);
    harness
        .state_mut()
        .push(Command::App(AppCommand::SetOptions(options)));
    settle(&mut harness);
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    assert!(shown.generation > before);
    assert!(shown.collation.options.ignore_case);
}

#[test]
fn a_statement_that_changes_on_disk_is_offered_for_reload() {
    let dir = super::common::scratch("gui", "collation-watch");
    let names = ["a.txt", "b.txt", "c.txt"];
    for name in names {
        std::fs::write(dir.join(name), "Both sides met in Islamabad.\n").expect("write");
    }
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(|cc| ParallaxApp::new(cc, None, None));
    settle(&mut harness);
    harness
        .state_mut()
        .push(Command::Statements(StatementsCommand::Open(
            names.map(|n| dir.join(n)).to_vec(),
        )));
    settle(&mut harness);
    std::fs::write(
        dir.join("c.txt"),
        "Both sides met in Washington and agreed to meet again.\n",
    )
    .expect("write");
    let started = std::time::Instant::now();
    while harness
        .query_by_label("c.txt changed on disk (in the collation).")
        .is_none()
    {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "change not noticed"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    harness.get_by_label("Reload").click();
    settle(&mut harness);
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    assert!(shown.documents[2].text.contains("Washington"));
    assert!(
        harness
            .query_by_label("c.txt changed on disk (in the collation).")
            .is_none()
    );
}

#[test]
fn a_file_open_in_both_views_is_reloaded_in_each() {
    let dir = super::common::scratch("gui", "collation-watch-both");
    let names = ["a.txt", "b.txt", "c.txt"];
    for name in names {
        std::fs::write(dir.join(name), "Both sides met in Islamabad.\n").expect("write");
    }
    let (a, b) = (dir.join("a.txt"), dir.join("b.txt"));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |cc| ParallaxApp::new(cc, Some(a), Some(b)));
    settle(&mut harness);
    harness
        .state_mut()
        .push(Command::Statements(StatementsCommand::Open(
            names.map(|n| dir.join(n)).to_vec(),
        )));
    settle(&mut harness);
    std::fs::write(dir.join("a.txt"), "Both sides met in Lahore.\n").expect("write");
    let started = std::time::Instant::now();
    while harness
        .query_by_label("a.txt changed on disk (in the collation).")
        .is_none()
    {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "change not noticed in the collation"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    // The two columns' copy is offered too, in its own notice.
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.text == "a.txt changed on disk.")
    );
    // Each notice has its own Reload, in the notices' order.
    let at = harness
        .state()
        .notices()
        .iter()
        .position(|n| n.text == "a.txt changed on disk (in the collation).")
        .expect("the collation's notice");
    let buttons: Vec<_> = harness.get_all_by_label("Reload").collect();
    buttons[at].click();
    settle(&mut harness);
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    assert!(shown.documents[0].text.contains("Lahore"));
}

#[test]
fn a_collation_of_files_that_cannot_be_read_goes_back_to_the_two_columns() {
    let dir = super::common::scratch("gui", "collation-unreadable");
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(|cc| ParallaxApp::new(cc, None, None));
    settle(&mut harness);
    harness
        .state_mut()
        .push(Command::Statements(StatementsCommand::Open(
            ["x.txt", "y.txt", "z.txt"].map(|n| dir.join(n)).to_vec(),
        )));
    settle(&mut harness);
    assert_eq!(harness.state().screen(), Screen::Pair);
    harness.get_by_label_contains("x.txt: no such file");
    harness.get_by_label_contains("Similarity");
}

#[test]
fn the_collation_names_options_off_their_default_and_resets_them() {
    let mut harness = three();
    super::common::options_are_named_and_reset(&mut harness);
}

#[test]
fn the_insights_tab_fits_its_panel_at_every_window_size() {
    for size in [
        egui::vec2(1024.0, 700.0),
        egui::vec2(1440.0, 900.0),
        egui::vec2(1920.0, 1080.0),
    ] {
        let mut harness = all_samples(size);
        harness.get_by_label("Insights").click();
        settle(&mut harness);
        // Many frames: a panel that grew by its content each frame would have grown by now.
        harness.run_steps(30);
        let heading = harness.get_by_label_contains("Who names what").rect();
        let last = harness.get_by_label("D4").rect();
        let name = harness
            .query_all_by_label_contains("Balochistan Liberation Army")
            .next()
            .expect("the BLA is named")
            .rect();
        for (what, rect) in [("heading", heading), ("D4", last), ("name", name)] {
            assert!(
                rect.min.x >= 0.0 && rect.max.x <= size.x,
                "{what} at {rect:?} is outside the {size:?} window"
            );
        }
        assert!(
            heading.min.x > size.x * 0.5,
            "the panel stays a side panel ({heading:?} in {size:?})"
        );
    }
}

#[test]
fn show_only_in_says_why_it_is_empty_and_points_keep_their_numbers() {
    let mut harness = all_samples(egui::vec2(1440.0, 900.0));
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let names = shown.names.clone();
    let ids = shown.ids.clone();
    let index = |name: &str| {
        names
            .iter()
            .position(|n| n == name)
            .expect("a sample of the seed")
    };
    let (fo, article) = (
        ids[index("fo-joint-press-statement.txt")],
        ids[index("article-full.txt")],
    );
    // Every point's number with all points shown.
    let view = harness.state().collation_view();
    let number_of: std::collections::HashMap<usize, usize> = view
        .reading()
        .iter()
        .enumerate()
        .map(|(row, &point)| (point, row + 1))
        .collect();

    // The article repeats every FO point: nothing is the FO's alone, and the window says so.
    harness
        .state_mut()
        .push(Command::Collation(CollationCommand::SetPointFilter(
            parallax::gui::collation::PointFilter::OnlyIn(fo),
        )));
    settle(&mut harness);
    assert!(harness.state().collation_view().reading().is_empty());
    harness.get_by_label_contains(
        "Nothing is said by fo-joint-press-statement.txt alone among the statements shown",
    );
    harness.get_by_label_contains("article-full.txt (");

    // With the article hidden, the FO's own points show under the numbers they had.
    harness
        .state_mut()
        .push(Command::Collation(CollationCommand::ToggleColumn(article)));
    settle(&mut harness);
    let view = harness.state().collation_view();
    let rows: Vec<usize> = view.reading().to_vec();
    assert!(!rows.is_empty());
    let d = index("article-full.txt");
    for &point in &rows {
        let number = number_of[&point];
        harness.get_by_label(&format!("P{number}"));
        // The hidden article has it too, and the row says so.
        assert!(
            harness
                .state()
                .collation_session()
                .shown()
                .expect("collated")
                .collation
                .points[point]
                .has(d)
        );
    }
    assert!(
        harness
            .query_all_by_label(&format!("+D{} hidden", d + 1))
            .count()
            >= rows.len().min(3),
        "rows name the hidden statement that has their point"
    );
}

#[test]
fn the_toolbar_keeps_each_label_with_its_menu_at_every_window_size() {
    for width in [1024.0, 1280.0, 1440.0, 1600.0, 1920.0] {
        let mut harness = all_samples(egui::vec2(width, 900.0));
        harness.run_steps(3);
        // The menus, in the toolbar's order: Order by, Show, the two statements to compare.
        let menus: Vec<f32> = harness
            .get_all_by_role(egui::accesskit::Role::ComboBox)
            .map(|n| n.rect().center().y)
            .collect();
        assert_eq!(menus.len(), 4, "the toolbar's four menus");
        for (label, menu) in [("Order by:", menus[0]), ("Show:", menus[1])] {
            let y = harness.get_by_label(label).rect().center().y;
            assert!(
                (y - menu).abs() < 6.0,
                "{label} apart from its menu at {width}: {y} and {menu}"
            );
        }
        let pair = harness.get_by_label("Two-text view:").rect().center().y;
        let button = harness.get_by_label("Compare these two").rect().center().y;
        assert!(
            (pair - button).abs() < 6.0,
            "Compare these two apart from its statements at {width}"
        );
    }
}

#[test]
fn the_legend_underlines_by_some_as_the_cells_do() {
    let harness = all_samples(egui::vec2(1440.0, 900.0));
    let underline_of = |g: &egui::Galley| {
        g.job
            .sections
            .iter()
            .find(|s| s.format.underline.width > 0.0)
            .map(|s| (s.format.underline, s.format.color))
    };
    let legend = painted_texts(&harness)
        .iter()
        .find(|g| g.text() == " by some ")
        .and_then(|g| underline_of(g))
        .expect("the legend's sample is underlined");
    // Not in the text's colour (a black underline under blue-underlined words).
    assert_ne!(
        legend.0.color, legend.1,
        "the legend underlines in the text's colour"
    );
}

#[test]
fn points_only_hidden_statements_have_are_left_out() {
    let mut harness = all_samples(egui::vec2(1440.0, 900.0));
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let statements = shown.documents.len();
    let points = shown.collation.points.len();
    // A statement with points no other has.
    let (d, own) = (0..statements)
        .map(|d| {
            let own = shown
                .collation
                .points
                .iter()
                .filter(|p| p.has(d) && (0..statements).all(|o| o == d || !p.has(o)))
                .count();
            (d, own)
        })
        .find(|&(_, own)| own > 0)
        .expect("a statement has points of its own");
    let id = shown.ids[d];
    harness
        .state_mut()
        .push(Command::Collation(CollationCommand::ToggleColumn(id)));
    settle(&mut harness);
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let view = harness.state().collation_view();
    let columns = view.columns(shown);
    for &point in view.reading() {
        assert!(
            columns
                .iter()
                .any(|&d| shown.collation.points[point].has(d)),
            "a row with only hatched cells"
        );
    }
    assert_eq!(view.reading().len(), points - own);
    harness.get_by_label_contains(&format!(
        "Collation: {statements} statements (1 hidden), {} of {points} points shown",
        points - own
    ));
}

/// In a collation each statement's sentences are marked with whom they credit, as in the
/// two-text view: the FO's "both sides emphasized …" says "both", the embassy's "We remain
/// committed …" "own", and hovering a marker names the statement's sentence in words.
#[test]
fn each_statement_shows_whom_its_sentences_credit() {
    let mut harness = three();
    for _ in 0..50 {
        if matches!(harness.state().collation_session().insights(), Some(Ok(_))) {
            break;
        }
        harness.run_steps(5);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    settle(&mut harness);
    let Some(Ok(insights)) = harness.state().collation_session().insights() else {
        panic!("the collation's insights were not computed");
    };
    let (joint, own) = insights.attribution.iter().fold((0, 0), |(j, o), a| {
        (
            j + a
                .actors
                .iter()
                .filter(|&&x| x == parallax::analysis::Actor::Joint)
                .count(),
            o + a
                .actors
                .iter()
                .filter(|&&x| x == parallax::analysis::Actor::Issuer)
                .count(),
        )
    });
    assert!(joint >= 1 && own >= 1, "joint {joint}, own {own}");
    let both = harness.get_all_by_label("both").count();
    let mine = harness.get_all_by_label("own").count();
    assert!(both >= 1 && mine >= 1, "markers: both {both}, own {mine}");
    // The last: the first is the legend's entry.
    harness
        .get_all_by_label("both")
        .last()
        .expect("a joint marker")
        .hover();
    harness.run_steps(60);
    // The marker's tooltip (the overview's brief also says "credited to both sides", in a
    // line that quotes sentences "such as …").
    assert!(
        harness
            .get_all_by_label_contains("redited to both sides")
            .any(|node| {
                let node = egui_kittest::kittest::NodeT::accesskit_node(&node);
                let text = [node.label(), node.value()]
                    .into_iter()
                    .flatten()
                    .collect::<String>();
                text.contains("redited to both sides") && !text.contains("such as")
            }),
        "no tooltip"
    );
}

/// Thirty statements: the side panel keeps its place in the window (a similarity table as
/// wide as the statements are many pushed it off the window's right edge), its tabs and the
/// brief can be read, and the presence map's rows (a cell per statement) fit in the window.
#[test]
fn the_overview_stays_in_the_window_with_many_statements() {
    let dir = super::common::scratch("gui", "overview_many");
    let base = std::fs::read_to_string(sample("fo-joint-press-statement.txt")).expect("sample");
    let files: Vec<PathBuf> = (1..=30)
        .map(|i| {
            let path = dir.join(format!("statement-{i:02}.txt"));
            let text = base.replacen("Dialogue", &format!("Dialogue number {i}"), 1);
            std::fs::write(&path, text).expect("write statement");
            path
        })
        .collect();
    let size = egui::vec2(1400.0, 900.0);
    let harness = window_with(size, StatementsCommand::Add(files));
    harness.get_by_label_contains("Collation: 30 statements");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    for label in ["Overview", "Insights"] {
        let tab = harness.get_by_label(label).rect();
        assert!(
            window.contains_rect(tab) && tab.min.x > size.x / 2.0,
            "the {label} tab is at {tab:?}, out of the window's right half"
        );
    }
    let similarity = harness
        .get_by_label_contains("Similarity: share of sentences")
        .rect();
    assert!(window.contains_rect(similarity), "{similarity:?}");
    let first = harness.get_by_label("Presence of P1").rect();
    assert!(
        window.contains_rect(first) && first.min.x > size.x / 2.0,
        "the presence map's first row is at {first:?}"
    );
}

/// The collation's legend names the credit markers beside its cells, as the two-text view's
/// does, and hovering it says what they mean in a collation.
#[test]
fn the_collation_legend_says_what_the_credit_markers_mean() {
    let mut harness = three();
    harness.get_by_label("credit:");
    harness
        .get_all_by_label("own")
        .next()
        .expect("the legend's entry")
        .hover();
    settle(&mut harness);
    assert!(
        harness
            .get_all_by_label_contains("each statement read on its own")
            .next()
            .is_some(),
        "the legend's tooltip says what the markers mean in a collation"
    );
}

/// A point one statement alone has names that statement in the gutter ("in D2"): its column
/// may be out of view, and the row then shows only hatched cells.
#[test]
fn a_point_of_one_statement_names_it_in_the_gutter() {
    let harness = three();
    let shown = harness
        .state()
        .collation_session()
        .shown()
        .expect("collated");
    let fo_alone = shown
        .collation
        .points
        .iter()
        .filter(|p| p.documents() == 1 && p.has(1))
        .count();
    assert!(fo_alone >= 1, "the FO's statement has points of its own");
    let named = harness.get_all_by_label("in D2").count();
    assert_eq!(named, fo_alone, "each of the FO's own points names it");
    assert_eq!(harness.query_all_by_label("in D1").count(), 0);
}
