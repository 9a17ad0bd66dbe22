//! The analyst's decisions and terms in the window, driven through egui_kittest's
//! accessibility tree: confirm, reject, link two one-sided sentences, undo and redo, the
//! decisions back when the pair is reopened (stale ones shown), a term taught, the terms file
//! imported and exported.

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use parallax::engine::{LinkKind, LinkSource, OpTag, Options, RowKind, Verdict};
use parallax::gui::commands::{
    AppCommand, DecisionsCommand, PairCommand, TermsCommand, ViewCommand,
};
use parallax::gui::{Command, ParallaxApp};

use super::common::{scratch, settle};

const MET: &str = "The ministers met in Doha on Monday. The talks covered trade and energy.\n\n\
                   Tea was served at noon.";
const DISCUSSED: &str = "The ministers met in Doha on Monday. Trade and energy were discussed \
                         at the talks.\n\nCoffee followed the lunch.";

fn harness(left: PathBuf, right: PathBuf) -> Harness<'static, ParallaxApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_eframe(move |cc| ParallaxApp::new(cc, Some(left), Some(right)));
    settle(&mut harness);
    harness
}

/// Two scratch files with these texts (the sidecar goes next to the left one), and the window
/// on them.
fn pair(test: &str, left: &str, right: &str) -> (Harness<'static, ParallaxApp>, PathBuf, PathBuf) {
    let dir = scratch("gui-decisions", test);
    let (left_path, right_path) = (dir.join("left.txt"), dir.join("right.txt"));
    std::fs::write(&left_path, left).expect("write");
    std::fs::write(&right_path, right).expect("write");
    (
        harness(left_path.clone(), right_path.clone()),
        left_path,
        right_path,
    )
}

/// The row holding left sentence `l` (or right sentence `r`).
fn row_of(harness: &Harness<'static, ParallaxApp>, l: Option<usize>, r: Option<usize>) -> usize {
    let c = harness.state().comparison().expect("compared");
    c.rows
        .iter()
        .position(|row| {
            l.is_some_and(|l| row.left.contains(&l)) || r.is_some_and(|r| row.right.contains(&r))
        })
        .expect("every sentence has a row")
}

/// Selects the row holding left sentence `l` (or right sentence `r`).
fn select(harness: &mut Harness<'static, ParallaxApp>, l: Option<usize>, r: Option<usize>) {
    let row = row_of(harness, l, r);
    harness
        .state_mut()
        .push(Command::View(ViewCommand::SelectRow(row)));
    settle(harness);
}

fn coverage(harness: &Harness<'static, ParallaxApp>) -> String {
    let s = harness.state().comparison().expect("compared").stats;
    format!(
        "Sentences with counterparts: left {} of {}, right {} of {}",
        s.left_linked, s.left_sentences, s.right_linked, s.right_sentences
    )
}

fn paired(harness: &Harness<'static, ParallaxApp>, l: usize, r: usize) -> bool {
    let c = harness.state().comparison().expect("compared");
    c.rows
        .iter()
        .any(|row| row.left.contains(&l) && row.right.contains(&r))
}

#[test]
fn confirm_marks_the_link_as_the_analysts_and_keeps_it_at_any_threshold() {
    let (mut harness, ..) = pair("confirm", MET, DISCUSSED);
    assert!(paired(&harness, 1, 1), "the engine pairs the talks");
    select(&mut harness, Some(1), None);
    harness.get_by_label_contains("(found by Parallax)");
    harness.get_by_label("Confirm L2–R2").click();
    settle(&mut harness);
    let decisions = harness.state().decisions().to_vec();
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0].verdict, Verdict::Confirm);
    harness.get_by_label_contains("(confirmed by you)");
    let link = harness
        .state()
        .comparison()
        .and_then(|c| c.link(1, 1).cloned())
        .expect("linked");
    assert_eq!(link.source, LinkSource::Analyst);
    // The strictest pairing keeps it.
    harness
        .state_mut()
        .push(Command::App(AppCommand::SetOptions(Options {
            threshold: 1.0,
            ..Default::default()
        })));
    settle(&mut harness);
    assert!(paired(&harness, 1, 1), "kept whatever the threshold");
}

#[test]
fn reject_splits_the_row_and_the_coverage_line_says_so() {
    let (mut harness, ..) = pair("reject", MET, DISCUSSED);
    assert!(paired(&harness, 1, 1));
    let before = coverage(&harness);
    harness.get_by_label(&before);
    select(&mut harness, Some(1), None);
    harness.get_by_label("Reject L2–R2").click();
    settle(&mut harness);
    assert!(!paired(&harness, 1, 1), "the row splits");
    let c = harness.state().comparison().expect("compared");
    assert!(c.link(1, 1).is_none());
    assert_eq!(c.rejected, [(1, 1)]);
    let after = coverage(&harness);
    assert_ne!(before, after, "the coverage line changes");
    harness.get_by_label(&after);
    assert!(harness.query_by_label(&before).is_none());
}

#[test]
fn two_one_sided_sentences_linked_stand_level() {
    let (mut harness, ..) = pair("link", MET, DISCUSSED);
    let c = harness.state().comparison().expect("compared");
    assert!(
        c.rows
            .iter()
            .any(|r| r.kind == RowKind::LeftOnly && r.left == [2])
    );
    assert!(
        c.rows
            .iter()
            .any(|r| r.kind == RowKind::RightOnly && r.right == [2])
    );
    select(&mut harness, Some(2), None);
    harness.get_by_label("Pick L3").click();
    settle(&mut harness);
    harness.get_by_label("L3 picked");
    select(&mut harness, None, Some(2));
    harness.get_by_label("Link L3–R3 as related").click();
    settle(&mut harness);
    let c = harness.state().comparison().expect("compared");
    let row = c.rows.iter().find(|r| r.left == [2]).expect("a row for L3");
    assert_eq!(
        (row.right.as_slice(), row.kind),
        (&[2][..], RowKind::Related)
    );
    let link = c.link(2, 2).expect("linked");
    assert_eq!(
        (link.kind, link.source),
        (LinkKind::Related, LinkSource::Analyst)
    );
}

#[test]
fn undo_and_redo_a_decision_with_the_keys() {
    let (mut harness, ..) = pair("undo", MET, DISCUSSED);
    select(&mut harness, Some(1), None);
    harness.get_by_label("Reject L2–R2").click();
    settle(&mut harness);
    assert!(!paired(&harness, 1, 1));
    // The click left the focus on no text field: the keys go to the decisions.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert!(harness.state().decisions().is_empty(), "undone");
    assert!(paired(&harness, 1, 1), "the row is back");
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    settle(&mut harness);
    assert_eq!(harness.state().decisions().len(), 1, "redone");
    assert!(!paired(&harness, 1, 1));
    // The buttons of the Decisions window do the same.
    harness.get_by_label("Decisions (1)").click();
    settle(&mut harness);
    assert!(harness.state().decisions_open());
    harness.get_by_label("Undo decision").click();
    settle(&mut harness);
    assert!(harness.state().decisions().is_empty());
    assert!(paired(&harness, 1, 1));
}

fn sidecar(left: &Path) -> PathBuf {
    left.with_file_name("left.txt.parallax-notes.json")
}

#[test]
fn decisions_come_back_with_the_pair_and_a_stale_one_is_shown_not_dropped() {
    let (mut harness, left, right) = pair("reopen", MET, DISCUSSED);
    select(&mut harness, Some(1), None);
    harness.get_by_label("Reject L2–R2").click();
    settle(&mut harness);
    select(&mut harness, Some(2), None);
    harness.get_by_label("Pick L3").click();
    settle(&mut harness);
    select(&mut harness, None, Some(2));
    harness.get_by_label("Link L3–R3 as equivalent").click();
    settle(&mut harness);
    let decided = harness.state().decisions().to_vec();
    assert_eq!(decided.len(), 2);
    assert!(sidecar(&left).exists(), "kept in the notes sidecar");
    drop(harness);

    // Reopened: the same decisions, applied.
    let mut harness = harness_on(&left, &right);
    assert_eq!(harness.state().decisions(), decided.as_slice());
    assert!(!paired(&harness, 1, 1));
    assert!(paired(&harness, 2, 2));
    // With the sides swapped, they follow their sentences.
    harness.state_mut().push(Command::Pair(PairCommand::Swap));
    settle(&mut harness);
    assert!(!paired_swapped(&harness, 1, 1));
    assert!(paired_swapped(&harness, 2, 2));
    drop(harness);

    // The right file loses the sentence of the link: the decision is kept, shown as stale.
    std::fs::write(
        &right,
        "The ministers met in Doha on Monday. Trade and energy were discussed at the talks.\n",
    )
    .expect("write");
    let mut harness = harness_on(&left, &right);
    assert_eq!(
        harness.state().decisions(),
        decided.as_slice(),
        "never dropped"
    );
    harness
        .state_mut()
        .push(Command::Decisions(DecisionsCommand::ToggleWindow));
    settle(&mut harness);
    harness.get_by_label_contains("stale: a sentence is no longer in the texts");
    assert_eq!(
        harness
            .query_all_by_label_contains("stale: a sentence")
            .count(),
        1,
        "only the link whose sentence went"
    );
    harness.get_by_label("Remove decision 2").click();
    settle(&mut harness);
    assert_eq!(harness.state().decisions(), &decided[..1]);
    assert!(harness.query_by_label_contains("stale:").is_none());
}

fn harness_on(left: &Path, right: &Path) -> Harness<'static, ParallaxApp> {
    harness(left.to_path_buf(), right.to_path_buf())
}

fn paired_swapped(harness: &Harness<'static, ParallaxApp>, l: usize, r: usize) -> bool {
    paired(harness, r, l)
}

#[test]
fn a_term_taught_makes_a_row_equivalent() {
    let left = "Field Marshal Asim Munir met the delegation in Rawalpindi.";
    let right = "COAS Asim Munir met the delegation in Rawalpindi.";
    let (mut harness, ..) = pair("teach", left, right);
    let ops = |h: &Harness<'static, ParallaxApp>| -> Vec<OpTag> {
        let c = h.state().comparison().expect("compared");
        c.rows
            .iter()
            .flat_map(|r| r.ops.iter().map(|o| o.tag))
            .collect()
    };
    assert!(!ops(&harness).contains(&OpTag::Equivalent));
    harness.get_by_label("View").click();
    settle(&mut harness);
    harness.get_by_label_contains("Terms…").click();
    settle(&mut harness);
    assert!(harness.state().terms_open());
    harness.get_by_label_contains("Built-in equivalent terms (");
    harness
        .get_by_role_and_label(Role::TextInput, "New equivalent terms:")
        .focus();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "New equivalent terms:")
        .type_text("COAS | Field Marshal");
    harness.run_steps(2);
    assert!(
        harness
            .query_all_by_value("COAS | Field Marshal")
            .next()
            .is_some(),
        "typed"
    );
    harness.get_by_label("Add equivalent terms").click();
    settle(&mut harness);
    assert_eq!(harness.state().settings().terms.rows.len(), 1);
    let c = harness.state().comparison().expect("compared");
    assert_eq!(c.rows.len(), 1);
    assert_eq!(c.rows[0].kind, RowKind::Modified);
    assert_eq!(c.rows[0].similarity, 1.0, "only equivalent wording differs");
    assert!(ops(&harness).contains(&OpTag::Equivalent));
    // Turned off, it no longer applies.
    harness
        .get_by_role_and_label(Role::CheckBox, "Use row 1")
        .click();
    settle(&mut harness);
    assert!(!ops(&harness).contains(&OpTag::Equivalent));
}

#[test]
fn the_terms_file_is_exported_and_imported_and_the_command_line_reads_it() {
    let left = "Field Marshal Asim Munir met the delegation in Rawalpindi.";
    let right = "COAS Asim Munir met the delegation in Rawalpindi.";
    let (mut harness, left_path, right_path) = pair("terms-file", left, right);
    let file = left_path.with_file_name("terms.txt");
    harness
        .state_mut()
        .push(Command::Terms(TermsCommand::ToggleWindow));
    harness
        .state_mut()
        .push(Command::Terms(TermsCommand::Set(parallax::terms::Terms {
            rows: vec![
                parallax::terms::Term::new(
                    parallax::terms::Table::Equivalent,
                    "COAS | Field Marshal",
                ),
                parallax::terms::Term::new(
                    parallax::terms::Table::Counterpart,
                    "reaffirm | underline",
                ),
            ],
        })));
    settle(&mut harness);
    let taught = harness.state().settings().terms.clone();
    harness
        .get_by_role_and_label(Role::TextInput, "Terms file:")
        .focus();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Terms file:")
        .type_text(&file.display().to_string());
    harness.run_steps(2);
    harness.get_by_label("Export").click();
    settle(&mut harness);
    let text = std::fs::read_to_string(&file).expect("exported");
    assert!(text.contains("COAS | Field Marshal\n"), "{text}");
    assert!(
        text.contains("[counterparts]\nreaffirm | underline\n"),
        "{text}"
    );

    // Removed, then imported back.
    harness.get_by_label("Remove row 1").click();
    settle(&mut harness);
    harness.get_by_label("Remove row 1").click();
    settle(&mut harness);
    assert!(harness.state().settings().terms.rows.is_empty());
    harness.get_by_label("Import").click();
    settle(&mut harness);
    assert_eq!(harness.state().settings().terms, taught);
    let c = harness.state().comparison().expect("compared");
    assert!(c.rows[0].ops.iter().any(|o| o.tag == OpTag::Equivalent));

    // The command line reads the same file with --equivalences.
    let output = super::common::run_compare(&[
        left_path.as_os_str(),
        right_path.as_os_str(),
        "--equivalences".as_ref(),
        file.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert!(
        json["rows"][0]["ops"]
            .as_array()
            .expect("ops")
            .iter()
            .any(|op| op["tag"] == "equivalent")
    );
}

#[test]
fn these_mean_the_same_teaches_a_replaced_wording_from_the_row() {
    let left = "Field Marshal Asim Munir met the delegation in Rawalpindi.";
    let right = "COAS Asim Munir met the delegation in Rawalpindi.";
    let (mut harness, ..) = pair("teach-from-row", left, right);
    select(&mut harness, Some(0), None);
    harness.get_by_label("“Field Marshal” = “COAS”").click();
    settle(&mut harness);
    assert_eq!(
        harness.state().settings().terms.rows,
        [parallax::terms::Term::new(
            parallax::terms::Table::Equivalent,
            "Field Marshal | COAS"
        )]
    );
    let c = harness.state().comparison().expect("compared");
    assert!(c.rows[0].ops.iter().any(|o| o.tag == OpTag::Equivalent));
    assert!(!c.rows[0].ops.iter().any(|o| o.tag == OpTag::Replace));
}

#[test]
fn ctrl_d_and_ctrl_t_open_the_decisions_and_the_terms() {
    let (mut harness, ..) = pair("keys", MET, DISCUSSED);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::D);
    settle(&mut harness);
    assert!(harness.state().decisions_open());
    harness.get_by_label_contains("No decisions yet");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::T);
    settle(&mut harness);
    assert!(harness.state().terms_open());
}

#[test]
fn the_insights_name_by_the_terms_taught() {
    let left = "Field Marshal Asim Munir met the delegation. The Field Marshal welcomed the visit.";
    let right = "Army Chief Asim Munir met the delegation. The Army Chief welcomed the visit.";
    let (mut harness, ..) = pair("teach-names", left, right);
    let named_in_both = |h: &Harness<'static, ParallaxApp>, form: &str| -> bool {
        h.state()
            .analysis()
            .expect("analysed")
            .entities
            .iter()
            .any(|e| e.left > 0 && e.right > 0 && e.forms.iter().any(|f| f == form))
    };
    assert!(
        !named_in_both(&harness, "Field Marshal"),
        "two titles before"
    );
    harness
        .state_mut()
        .push(Command::Terms(TermsCommand::ToggleWindow));
    harness
        .state_mut()
        .push(Command::Terms(TermsCommand::Set(parallax::terms::Terms {
            rows: vec![parallax::terms::Term::new(
                parallax::terms::Table::Equivalent,
                "Field Marshal | Army Chief",
            )],
        })));
    settle(&mut harness);
    assert!(
        named_in_both(&harness, "Field Marshal"),
        "one name, in both, once taught: {:?}",
        harness.state().analysis().map(|a| &a.entities)
    );
}
