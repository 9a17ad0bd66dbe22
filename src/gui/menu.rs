//! The menu bar: File (open, recent, paste, edit, export, reload), Samples, View (theme,
//! insights panel, find, zoom) and Help (opens the help window).

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
            if !collation
                && ui
                    .add(egui::Button::new("Decisions…").shortcut_text("Ctrl+D"))
                    .on_hover_text("Your decisions on links: confirmed, rejected, drawn")
                    .clicked()
            {
                commands.push(Command::ToggleDecisions);
            }
            if ui
                .add(egui::Button::new("Terms…").shortcut_text("Ctrl+T"))
                .on_hover_text("Your equivalent terms and counterparts, and the built-in ones")
                .clicked()
            {
                commands.push(Command::ToggleTerms);
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
            if ui
                .add(egui::Button::new("Help").shortcut_text("F1"))
                .on_hover_text("How to read the rows, links and the collation; the keys")
                .clicked()
            {
                commands.push(Command::ToggleHelp);
            }
        });
    });
}
