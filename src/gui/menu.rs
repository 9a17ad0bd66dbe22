//! The menu bar: File (open, recent, paste, edit, export, reload), Samples, View (theme,
//! insights panel, find, zoom) and Help (opens the help window).

use egui::{RichText, ThemePreference, Ui};

use crate::samples::SAMPLES;

use super::Side;
use super::commands::{
    AppCommand, Command, DecisionsCommand, DialogCommand, FindCommand, PairCommand, Slot,
    StatementsCommand, TermsCommand,
};
use super::settings::Settings;
use super::shortcuts::{Action, keys};

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
            file_menu(ui, settings, sides, collation, commands)
        });
        ui.menu_button("Samples", |ui| samples_menu(ui, sides, collation, commands));
        ui.menu_button("View", |ui| view_menu(ui, settings, collation, commands));
        ui.menu_button("Help", |ui| help_menu(ui, commands));
    });
}

/// File: open (a side, or recent files), add a statement, paste, edit, export, reload, quit.
fn file_menu(
    ui: &mut Ui,
    settings: &Settings,
    sides: &[Side],
    collation: bool,
    commands: &mut Vec<Command>,
) {
    for &side in sides {
        let shortcut = keys(if side == Side::Left {
            Action::OpenLeft
        } else {
            Action::OpenRight
        });
        if ui
            .add(egui::Button::new(format!("Open {}…", side.name())).shortcut_text(shortcut))
            .clicked()
        {
            commands.push(Command::App(AppCommand::Open(side)));
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
                        commands.push(Command::Pair(PairCommand::OpenPath(side, path.clone())));
                    }
                }
                if ui.button("Add to the collation").clicked() {
                    commands.push(Command::Statements(StatementsCommand::Add(vec![
                        path.clone(),
                    ])));
                }
            });
        }
    });
    if ui
        .button("Add statement…")
        .on_hover_text("Collate three or more statements: who said what, with no base text")
        .clicked()
    {
        commands.push(Command::Dialog(DialogCommand::Open(Slot::NewStatement)));
    }
    ui.separator();
    for &side in sides {
        if ui.button(format!("Paste as {}…", side.name())).clicked() {
            commands.push(Command::Dialog(DialogCommand::EditText(side, false)));
        }
    }
    for &side in sides {
        if ui.button(format!("Edit {} text…", side.name())).clicked() {
            commands.push(Command::Dialog(DialogCommand::EditText(side, true)));
        }
    }
    ui.separator();
    if ui
        .add(egui::Button::new("Export report…").shortcut_text(keys(Action::Export)))
        .clicked()
    {
        commands.push(Command::Dialog(DialogCommand::OpenExport));
    }
    ui.separator();
    let mut auto = settings.auto_reload;
    if ui
        .checkbox(&mut auto, "Reload changed files automatically")
        .changed()
    {
        commands.push(Command::App(AppCommand::SetAutoReload(auto)));
    }
    if !collation && ui.button("Swap sides").clicked() {
        commands.push(Command::Pair(PairCommand::Swap));
    }
    if ui
        .add(egui::Button::new("Reload").shortcut_text(keys(Action::Reload)))
        .clicked()
    {
        commands.push(Command::App(AppCommand::Reload));
    }
    ui.separator();
    if ui.button("Quit").clicked() {
        ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Samples: the seed's statements together, or one in a column.
fn samples_menu(ui: &mut Ui, sides: &[Side], collation: bool, commands: &mut Vec<Command>) {
    ui.label(RichText::new("Bundled statements from the seed article").weak());
    if ui
        .button("All the seed's statements together")
        .on_hover_text(
            "The embassy's post, the Foreign Office's statement, the ministry's post \
             and the newspaper's report, collated",
        )
        .clicked()
    {
        commands.push(Command::Statements(StatementsCommand::OpenAllSamples));
    }
    // One sample goes in a column of the two-column view.
    let samples = if collation { &[][..] } else { SAMPLES };
    for (n, sample) in samples.iter().enumerate() {
        ui.menu_button(sample.title, |ui| {
            for &side in sides {
                if ui.button(format!("Open as {}", side.name())).clicked() {
                    commands.push(Command::Pair(PairCommand::OpenSample(side, n)));
                }
            }
        });
    }
}

/// View: theme, the insights panel, the collation, Decisions, Terms, Find, zoom.
fn view_menu(ui: &mut Ui, settings: &Settings, collation: bool, commands: &mut Vec<Command>) {
    for (theme, name) in [
        (ThemePreference::System, "Follow system theme"),
        (ThemePreference::Light, "Light theme"),
        (ThemePreference::Dark, "Dark theme"),
    ] {
        if ui.radio(settings.theme == theme, name).clicked() {
            commands.push(Command::App(AppCommand::SetTheme(theme)));
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
        commands.push(Command::App(AppCommand::ToggleInsights));
    }
    if ui.button("Collation of all statements").clicked() {
        commands.push(Command::App(AppCommand::ShowCollation));
    }
    ui.separator();
    if !collation
        && ui
            .add(egui::Button::new("Decisions…").shortcut_text(keys(Action::Decisions)))
            .on_hover_text("Your decisions on links: confirmed, rejected, drawn")
            .clicked()
    {
        commands.push(Command::Decisions(DecisionsCommand::ToggleWindow));
    }
    if ui
        .add(egui::Button::new("Terms…").shortcut_text(keys(Action::Terms)))
        .on_hover_text("Your equivalent terms and counterparts, and the built-in ones")
        .clicked()
    {
        commands.push(Command::Terms(TermsCommand::ToggleWindow));
    }
    ui.separator();
    if ui
        .add(egui::Button::new("Find…").shortcut_text(keys(Action::Find)))
        .clicked()
    {
        commands.push(Command::Find(FindCommand::Open));
    }
    ui.label(RichText::new("Zoom: Ctrl+Plus, Ctrl+Minus, Ctrl+0").weak());
}

/// Help: the help window.
fn help_menu(ui: &mut Ui, commands: &mut Vec<Command>) {
    if ui
        .add(egui::Button::new("Help").shortcut_text(keys(Action::Help)))
        .on_hover_text("How to read the rows, links and the collation; the keys")
        .clicked()
    {
        commands.push(Command::App(AppCommand::ToggleHelp));
    }
}
