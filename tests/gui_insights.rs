//! The insights panel on its own: what it lists, its filter, and the commands its clicks emit.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;

use parallax::engine::segment::Span;
use parallax::engine::{Comparison, Options};
use parallax::gui::commands::ViewCommand;
use parallax::gui::pair::insights::InsightsPanel;
use parallax::gui::pair::session::Shown;
use parallax::gui::{Command, Side, Sides};
use parallax::load::Document;

use super::common::{EMBASSY, FO, analysed};

/// The comparison of two documents as the window shows it.
fn shown(c: &Comparison, documents: &[Document; 2]) -> Shown {
    let [left, right] = documents;
    Shown::new(
        Arc::new(c.clone()),
        Sides::new(Arc::new(left.clone()), Arc::new(right.clone())),
    )
}

#[test]
fn clicking_an_entity_highlights_its_places_and_jumps_to_its_row() {
    let (c, a) = analysed(EMBASSY, FO, &Options::default());
    let a = Arc::new(a);
    let mut harness = bundled_panel(&c, &a);
    harness.get_by_label_contains("Named only right: 10 (fo-joint-press-statement.txt)");
    harness.get_by_label_contains("Named in both: ");
    harness.get_by_label_contains("Phrases (");
    harness.get_by_label_contains("Strength (0)");
    harness.get_by_label("Balochistan Liberation Army (BLA)");

    harness.get_by_label("Khuzdar").click();
    harness.run();
    let khuzdar = FO.find("Khuzdar").expect("in the FO statement");
    let row = c
        .rows
        .iter()
        .position(|r| {
            let span = c.right_span(r);
            !r.right.is_empty() && span.start <= khuzdar && khuzdar < span.end
        })
        .expect("row");
    assert_eq!(
        harness.state().1.as_slice(),
        [
            Command::View(ViewCommand::Highlight(vec![(
                Side::Right,
                Span::new(khuzdar, khuzdar + "Khuzdar".len())
            )])),
            Command::View(ViewCommand::JumpToRow(row)),
        ]
    );

    // Types into the panel's filter.
    let filter = |harness: &mut Harness<'_, (InsightsPanel, Vec<Command>)>, text: &str| {
        let role = egui::accesskit::Role::TextInput;
        harness.get_by_role_and_label(role, "Filter:").focus();
        harness.step();
        harness
            .get_by_role_and_label(role, "Filter:")
            .type_text(text);
        harness.run();
    };

    // The filter keeps the names that contain it, in every group.
    harness.get_by_label("Nabeel Munir");
    filter(&mut harness, "taliban");
    harness.get_by_label_contains("Tehreek-i-Taliban Pakistan");
    harness.get_by_label("Named only right: 1 of 10 (fo-joint-press-statement.txt)");
    assert!(harness.query_by_label("Khuzdar").is_none());
    assert!(harness.query_by_label("Nabeel Munir").is_none());
    // Only the FO names the TTP: the two other groups say so.
    assert_eq!(
        harness
            .query_all_by_label_contains("None matches the filter.")
            .count(),
        2
    );
    harness.get_by_label("Clear").click();
    harness.run();
    harness.get_by_label("Khuzdar");

    // The filter matches the starts of words: "uzdar" is inside "Khuzdar", not a start.
    filter(&mut harness, "uzdar");
    assert!(harness.query_by_label("Khuzdar").is_none());
    harness.get_by_label("Clear").click();
    harness.run();

    // A phrase highlights its places on both sides.
    harness.state_mut().1.clear();
    harness.get_by_label_contains("Phrases (").click();
    harness.run();
    assert!(harness.query_by_label("Khuzdar").is_none());
    harness
        .get_by_label_contains("\"to countering terrorism\"")
        .click();
    harness.run();
    match harness.state().1.first() {
        Some(Command::View(ViewCommand::Highlight(places))) => {
            assert!(places.iter().any(|p| p.0 == Side::Left));
            assert!(places.iter().any(|p| p.0 == Side::Right));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn clicking_a_strength_row_jumps_to_it() {
    let (left, right) = (
        "Both sides agreed to expand cooperation.",
        "Both sides discussed expanding cooperation.",
    );
    let (c, a) = analysed(left, right, &Options::default());
    let a = Arc::new(a);
    let mut harness = panel(&c, &a, [("left.txt", left), ("right.txt", right)], 800.0);
    harness.get_by_label("Strength (1)").click();
    harness.run();
    harness
        .get_by_label("row 1: left 'agreed' > right 'discussed' (agreement)")
        .click();
    harness.run();
    assert_eq!(
        harness.state().1.as_slice(),
        [
            Command::View(ViewCommand::Highlight(vec![
                (Side::Left, Span::new(11, 17)),
                (Side::Right, Span::new(11, 20)),
            ])),
            Command::View(ViewCommand::JumpToRow(0)),
        ]
    );
}

/// The panel of the bundled pair (embassy left, FO right), its commands kept.
fn bundled_panel(
    c: &Comparison,
    a: &Arc<parallax::analysis::Analysis>,
) -> Harness<'static, (InsightsPanel, Vec<Command>)> {
    panel(
        c,
        a,
        [
            ("us-embassy-x-post.txt", EMBASSY),
            ("fo-joint-press-statement.txt", FO),
        ],
        1400.0,
    )
}

/// The insights panel alone, on the analysis `a` of the comparison `c` of two named texts, in a
/// window `height` tall, run once; its state keeps the commands it gave.
fn panel(
    c: &Comparison,
    a: &Arc<parallax::analysis::Analysis>,
    [(left_name, left), (right_name, right)]: [(&str, &str); 2],
    height: f32,
) -> Harness<'static, (InsightsPanel, Vec<Command>)> {
    let documents = [
        Document::from_text(left_name, left),
        Document::from_text(right_name, right),
    ];
    let shown = shown(c, &documents);
    let a = Arc::clone(a);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(640.0, height))
        .build_ui_state(
            move |ui, (panel, commands): &mut (InsightsPanel, Vec<Command>)| {
                commands.extend(panel.ui(ui, &a, &shown));
            },
            (InsightsPanel::default(), Vec::new()),
        );
    harness.run();
    harness
}

#[test]
fn the_brief_heads_the_panel_and_a_line_goes_to_its_first_row() {
    let (c, a) = analysed(EMBASSY, FO, &Options::default());
    let a = Arc::new(a);
    let mut harness = bundled_panel(&c, &a);
    harness.get_by_label_contains("Brief: what differs");
    assert!(
        (1..=8).contains(&a.brief.len()),
        "five to eight lines at most: {:?}",
        a.brief
    );
    // The embassy's "We remain committed" against the FO's "both sides emphasized".
    let line = a
        .brief
        .iter()
        .find(|l| l.topic == parallax::analysis::BriefTopic::Attribution)
        .expect("an attribution line");
    assert!(line.text.contains("The right credits"), "{}", line.text);
    let row = *line.rows.first().expect("its row");
    harness.get_by_label_contains(&line.plain()).click();
    harness.run();
    assert_eq!(
        harness.state().1.as_slice(),
        [Command::View(ViewCommand::JumpToRow(row))]
    );
}

#[test]
fn the_shifts_tab_lists_the_shifts_and_a_click_goes_to_its_row() {
    let (c, a) = analysed(EMBASSY, FO, &Options::default());
    let (shift, row) = super::common::samples_attribution_shift(&c, &a);
    let a = Arc::new(a);
    let mut harness = bundled_panel(&c, &a);
    harness
        .get_by_label(&format!("Shifts ({})", a.shifts.len()))
        .click();
    harness.run();
    harness
        .get_by_label_contains(&format!(
            "L{}-R{} attribution",
            shift.left + 1,
            shift.right + 1
        ))
        .click();
    harness.run();
    let commands = &harness.state().1;
    assert_eq!(
        commands.last(),
        Some(&Command::View(ViewCommand::JumpToRow(row)))
    );
    assert!(
        matches!(commands.first(), Some(Command::View(ViewCommand::Highlight(places))) if !places.is_empty()),
        "{commands:?}"
    );
}

#[test]
fn the_figures_tab_lists_figures_by_side() {
    let left = "The deal is worth £26 billion. They met on 5 July 2025.";
    let right = "The deal is worth GBP 26bn. They met on 6 July 2025.";
    let (c, a) = analysed(left, right, &Options::default());
    let a = Arc::new(a);
    let mut harness = panel(&c, &a, [("left.txt", left), ("right.txt", right)], 1000.0);
    harness.get_by_label_contains("Figures (").click();
    harness.run();
    harness.get_by_label("GBP 26bn [amount]");
    harness.get_by_label_contains("In both: 1");
    harness.get_by_label_contains("Only left: 1");
    harness.get_by_label_contains("5 July 2025 [date]");
    harness.get_by_label_contains("Other values on linked sentences: 1");
}
