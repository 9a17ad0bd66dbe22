//! The collation insights building block on its own: the entity × document table and its filter.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use parallax::analysis::{CollationInsights, StrengthLexicon, analyse_collation};
use parallax::engine::collate::collate;
use parallax::engine::{Equivalences, Options};
use parallax::gui::Command;
use parallax::gui::collation::insights as collation_insights;
use parallax::gui::commands::CollationCommand;

use super::common::{ARTICLE, EMBASSY, FO, MOFA};

fn seed_insights() -> CollationInsights {
    let texts = [EMBASSY, FO, MOFA, ARTICLE];
    let collation = collate(&texts, &Options::default());
    analyse_collation(
        &texts,
        &collation,
        Equivalences::builtin_ref(),
        StrengthLexicon::builtin_ref(),
    )
}

#[test]
fn the_table_shows_who_names_the_bla_and_the_filter_keeps_its_row() {
    let insights = seed_insights();
    let names: Vec<String> = [
        "us-embassy-x-post.txt",
        "fo-joint-press-statement.txt",
        "pakistan-mofa-post-call-on-dar.txt",
        "article-full.txt",
    ]
    .map(str::to_owned)
    .to_vec();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(900.0, 1200.0))
        .build_ui_state(
            |ui, commands: &mut Vec<Command>| {
                collation_insights::ui(ui, &insights, &names, commands);
            },
            Vec::new(),
        );
    harness.run();
    harness.get_by_label("Who names what (46)");
    harness.get_by_label("Balochistan Liberation Army (BLA)");
    harness.get_by_label("D1 us-embassy-x-post.txt");
    harness.get_by_label_contains("Shared phrases (");
    harness.get_by_label("[D1 D2 D4] 3 words: to countering terrorism");
    // The United States: named 1, 4, 2 and 21 times.
    harness.get_by_label("21");

    let role = egui::accesskit::Role::TextInput;
    harness.get_by_role_and_label(role, "Filter names").focus();
    harness.step();
    harness
        .get_by_role_and_label(role, "Filter names")
        .type_text("BLA");
    harness.run();
    harness.get_by_label("Balochistan Liberation Army (BLA)");
    assert!(
        harness
            .query_by_label("Tehreek-i-Taliban Pakistan (TTP)")
            .is_none()
    );
    assert!(
        harness.query_by_label("21").is_none(),
        "only the BLA's row is left"
    );
    // Its count cells: the FO once, the article three times; blank for the others.
    harness.get_by_label("1");
    harness.get_by_label("3");
    assert!(harness.state().is_empty(), "no commands yet");
}

#[test]
fn the_brief_lists_what_differs_and_a_click_highlights_its_points() {
    let texts = [EMBASSY, FO, MOFA, ARTICLE];
    let collation = collate(&texts, &Options::default());
    let insights = seed_insights();
    let only = insights
        .brief
        .iter()
        .find(|l| l.text.starts_with("Only D4 reports"))
        .unwrap_or_else(|| panic!("{:#?}", insights.brief))
        .clone();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(600.0, 900.0))
        .build_ui_state(
            |ui, commands: &mut Vec<Command>| {
                collation_insights::brief_ui(ui, &insights, &collation, commands);
            },
            Vec::new(),
        );
    harness.run();
    harness.get_by_label("Brief: what differs");
    let label = format!("- {} ({} points)", only.text, only.points.len());
    harness.get_by_label(&label).click();
    harness.run();
    let commands = harness.state();
    let [Command::Collation(CollationCommand::HighlightInStatements(places))] = commands.as_slice()
    else {
        panic!("{commands:?}");
    };
    // One place per point, all in the article (D4), each a sentence of it.
    assert_eq!(places.len(), only.points.len());
    assert!(places.iter().all(|&(d, _)| d == 3), "{places:?}");
    for &(_, span) in places {
        assert!(
            collation.sentences[3]
                .iter()
                .any(|s| s.content.start == span.start),
            "{span:?}"
        );
    }
}
