//! The menu bar: File (open, recent, paste, edit, export, reload), Samples, View (theme,
//! find, zoom) and Help (how to read the comparison, keys).

use egui::{RichText, ThemePreference, Ui};

use crate::samples::SAMPLES;

use super::Command;
use super::Side;
use super::settings::Settings;

/// The menu bar: File, Samples, View, Help.
/// With `collation`, the items that act on the two columns (open a side, paste, edit, swap)
/// make way for the collation's own.
pub fn ui(ui: &mut Ui, settings: &Settings, collation: bool, commands: &mut Vec<Command>) {
    let sides: &[Side] = if collation {
        &[]
    } else {
        &[Side::Left, Side::Right]
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for &side in sides {
                let shortcut = if side == Side::Left {
                    "Ctrl+O"
                } else {
                    "Ctrl+Shift+O"
                };
                if ui
                    .add(
                        egui::Button::new(format!("Open {}…", side.name())).shortcut_text(shortcut),
                    )
                    .clicked()
                {
                    commands.push(Command::Open(side));
                }
            }
            ui.menu_button("Open recent", |ui| {
                if settings.recent.is_empty() {
                    ui.label("No recent files yet");
                }
                for path in settings.recent.clone() {
                    ui.menu_button(path.display().to_string(), |ui| {
                        for &side in sides {
                            if ui.button(format!("Open as {}", side.name())).clicked() {
                                commands.push(Command::OpenPath(side, path.clone()));
                            }
                        }
                        if ui.button("Add to the collation").clicked() {
                            commands.push(Command::AddPaths(vec![path.clone()]));
                        }
                    });
                }
            });
            if ui
                .button("Add statement…")
                .on_hover_text("Collate three or more statements: who said what, with no base text")
                .clicked()
            {
                commands.push(Command::AddStatement);
            }
            ui.separator();
            for &side in sides {
                if ui.button(format!("Paste as {}…", side.name())).clicked() {
                    commands.push(Command::EditText(side, false));
                }
            }
            for &side in sides {
                if ui.button(format!("Edit {} text…", side.name())).clicked() {
                    commands.push(Command::EditText(side, true));
                }
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Export report…").shortcut_text("Ctrl+E"))
                .clicked()
            {
                commands.push(Command::OpenExport);
            }
            ui.separator();
            let mut auto = settings.auto_reload;
            if ui
                .checkbox(&mut auto, "Reload changed files automatically")
                .changed()
            {
                commands.push(Command::SetAutoReload(auto));
            }
            if !collation && ui.button("Swap sides").clicked() {
                commands.push(Command::Swap);
            }
            if ui
                .add(egui::Button::new("Reload").shortcut_text("F5"))
                .clicked()
            {
                commands.push(Command::Reload);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Samples", |ui| {
            ui.label(RichText::new("Bundled statements from the seed article").weak());
            if ui
                .button("All the seed's statements together")
                .on_hover_text(
                    "The embassy's post, the Foreign Office's statement, the ministry's post \
                     and the newspaper's report, collated",
                )
                .clicked()
            {
                commands.push(Command::OpenAllSamples);
            }
            // One sample goes in a column of the two-column view.
            let samples = if collation { &[][..] } else { SAMPLES };
            for (n, sample) in samples.iter().enumerate() {
                ui.menu_button(sample.title, |ui| {
                    for &side in sides {
                        if ui.button(format!("Open as {}", side.name())).clicked() {
                            commands.push(Command::OpenSample(side, n));
                        }
                    }
                });
            }
        });
        ui.menu_button("View", |ui| {
            for (theme, name) in [
                (ThemePreference::System, "Follow system theme"),
                (ThemePreference::Light, "Light theme"),
                (ThemePreference::Dark, "Dark theme"),
            ] {
                if ui.radio(settings.theme == theme, name).clicked() {
                    commands.push(Command::SetTheme(theme));
                }
            }
            ui.separator();
            // The panel's Hide button says it comes back from here.
            let mut insights = settings.show_insights;
            if !collation
                && ui
                    .checkbox(&mut insights, "Insights panel")
                    .on_hover_text("Who each side names, shared phrases, wording strength")
                    .changed()
            {
                commands.push(Command::ToggleInsights);
            }
            if ui.button("Collation of all statements").clicked() {
                commands.push(Command::ShowCollation);
            }
            ui.separator();
            if ui
                .add(egui::Button::new("Find…").shortcut_text("Ctrl+F"))
                .clicked()
            {
                commands.push(Command::OpenFind);
            }
            ui.label(RichText::new("Zoom: Ctrl+Plus, Ctrl+Minus, Ctrl+0").weak());
        });
        ui.menu_button("Help", |ui| {
            ui.set_min_width(360.0);
            ui.strong("How to read the comparison");
            for line in [
                "Each row pairs a sentence on the left with the sentence(s) on the right \
                 that say the same thing, even when moved, merged, split or reworded.",
                "Inside a pair: red struck-out words are only on the left, green underlined \
                 words only on the right, blue italics the same thing worded differently \
                 (US / United States).",
                "A sand-tinted 'related' row pairs two sentences on the same topic, event or \
                 person that say different things; the terms they share are underlined.",
                "'also R7' in the gutter: the sentence has another counterpart, sentence 7 \
                 on the right (a quote, a paraphrase); click to go there. A one-sided row \
                 with such a link reads 'unpaired': the other side says it, in another row.",
                "A tinted row beside a hatched cell is a sentence the other side does not \
                 have. A bar at both edges marks a pair out of order; 'moved: after R12' in the \
                 gutter says where its right sentence sits in the right document (after \
                 sentence 12 there) and goes to that row.",
                "The gutter gives each pair's similarity (= for identical). The Insights \
                 panel lists who each side names, shared phrases and wording strength.",
                "Three or more statements (File > Add statement, dropping three files, or \
                 Samples > All the seed's statements together): one column per statement \
                 (D1, D2, ... as the insights name them), one row per point (P1, P2, ... in \
                 the order shown: they change with Order by, Show and hidden columns). In a \
                 row, green words are said by every statement of the row, underlined words \
                 by some, amber italics by this one only; a hatched cell: the statement lacks \
                 the point. Order by picks the statement whose order the points follow; Show \
                 keeps the points one statement alone has, or those it lacks; Next gap (F7) \
                 goes to a point some statement lacks. The side panel's presence map (= \
                 identical, ≈ equivalent, ~ related, • one only) and similarity (the share of \
                 two statements' sentences with a counterpart in the other) go to any point; \
                 its Insights tab says who names what. Compare these two opens a pair in two \
                 columns; its Collation button comes back.",
            ] {
                ui.label(line);
            }
            ui.separator();
            ui.strong("Keys");
            egui::Grid::new("help-keys")
                .num_columns(2)
                .spacing([20.0, 4.0])
                .show(ui, |ui| {
                    for (keys, what) in [
                        (
                            "F7, Alt+Down",
                            "next difference (in the collation: next gap)",
                        ),
                        ("Shift+F7, Alt+Up", "previous difference (previous gap)"),
                        (
                            "Ctrl+F",
                            "find in every document shown (Enter: next, Esc: close)",
                        ),
                        ("Ctrl+O", "open the left statement"),
                        ("Ctrl+Shift+O", "open the right statement"),
                        ("Ctrl+E", "export a report"),
                        ("F5", "reload the files from disk"),
                        ("Page Up / Page Down", "scroll the rows a page"),
                        ("Up / Down", "scroll the rows a little"),
                        ("Home / End", "go to the first / last row"),
                        ("Ctrl + / Ctrl - / Ctrl 0", "zoom in, out, reset"),
                    ] {
                        ui.label(RichText::new(keys).strong());
                        ui.label(what);
                        ui.end_row();
                    }
                });
            ui.label(
                "Drop a file on either half of the window to open it there; drop three or \
                 more to collate them, or any onto the collation to add it.",
            );
        });
    });
}
