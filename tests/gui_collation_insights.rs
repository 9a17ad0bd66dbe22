//! The collation insights building block on its own: the entity × document table and its filter.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use parallax::analysis::{CollationInsights, StrengthLexicon, analyse_collation};
use parallax::engine::collate::collate;
use parallax::engine::{Equivalences, Options};
use parallax::gui::Command;
use parallax::gui::collation::insights as collation_insights;

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
