//! The frame's layout: menu, toolbar, status, find and note bars, the insights panel and the
//! two columns; or, when the collation is shown, its toolbar, side panel and columns. Nothing
//! here changes state: clicks become commands, carried out by the next `logic()`.

use egui::Ui;

use super::super::Side;
use super::super::commands::{Command, Screen};
use super::ParallaxApp;
use crate::gui::pair::PairInput;
use crate::gui::pair::toolbar::ToolbarInput;

impl ParallaxApp {
    /// Lays the parts out for this frame; their clicks become commands for the next
    /// `logic()`.
    pub(super) fn layout(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        let mut commands = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| {
            super::super::menu::ui(
                ui,
                &self.settings,
                self.screen == Screen::Collation,
                &mut commands,
            )
        });
        self.help.show(&ctx, &mut commands);
        if self.screen == Screen::Collation {
            self.collation_ui(ui, &mut commands);
            self.dialogs.ui(&ctx, &mut commands);
            self.queue(&ctx, commands);
            return;
        }
        let shown = self.session.shown();
        let statements = self.collation_session.statements().len();
        egui::Panel::top("toolbar").show(ui, |ui| {
            let input = ToolbarInput {
                options: self.settings.options,
                position: self.view.difference_position(shown),
                comparison: shown.map(|s| (&*s.comparison, &*s.display)),
                compare_failed: self.session.compare_failed().is_some(),
                notices: &self.notices,
                statements,
                awaited: [Side::Left, Side::Right]
                    .into_iter()
                    .find(|&side| self.session.awaited(side)),
                analysis: self.session.analysis().map(|a| &**a),
            };
            crate::gui::pair::toolbar::ui(ui, &input, &mut commands);
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            crate::gui::pair::toolbar::status_ui(ui, &self.session)
        });
        if self.find.is_open() {
            egui::Panel::bottom("find").show(ui, |ui| self.find.ui(ui, &mut commands));
        }
        if let (Some(row), Some(shown)) = (self.view.selected(), shown) {
            egui::Panel::bottom("note").show(ui, |ui| {
                self.decisions
                    .bar_ui(ui, shown, row, self.session.decisions(), &mut commands);
                ui.separator();
                self.notes.ui(ui, row, &mut commands);
            });
        }
        self.decisions
            .window_ui(&ctx, shown, self.session.decisions(), &mut commands);
        self.terms.show(&ctx, &self.settings.terms, &mut commands);
        if self.settings.show_insights {
            egui::Panel::right("insights")
                .resizable(true)
                .default_size(340.0)
                // At most 40% of the window, so narrow windows keep readable columns.
                .size_range(200.0..=(ui.available_width() * 0.4).clamp(200.0, 720.0))
                .show(ui, |ui| {
                    crate::gui::pair::insights::panel_ui(
                        ui,
                        &mut self.insights,
                        &self.session,
                        &mut commands,
                    );
                });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let (find, find_current) = self.find.matches();
            let input = PairInput {
                documents: self.session.documents(),
                shown,
                find,
                find_current,
                find_version: self.find.version(),
                notes: self.notes.by_row(),
                awaiting: [Side::Left, Side::Right]
                    .into_iter()
                    .any(|side| self.session.awaited(side)),
                analysis: self.session.analysis(),
            };
            self.view.ui(ui, input, &mut commands);
        });
        self.dialogs.ui(&ctx, &mut commands);
        self.queue(&ctx, commands);
    }

    /// Queues what this frame's clicks asked for; the next `logic()`, asked for at once,
    /// carries it out.
    fn queue(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        if !commands.is_empty() {
            self.commands.extend(commands);
            ctx.request_repaint();
        }
    }

    /// The collation in the central panel, the overview beside it.
    fn collation_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(shown) = self.collation_session.shown() else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.horizontal(|ui| {
                    if self.collation_session.failed().is_some() {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            "The collation could not be made (see the notice above)",
                        );
                    } else {
                        ui.spinner();
                        ui.label(format!(
                            "Collating {} statements…",
                            self.collation_session.statements().len()
                        ));
                    }
                });
                self.notices.ui(ui, commands);
            });
            return;
        };
        egui::Panel::bottom("collation-status").show(ui, |ui| {
            crate::gui::collation::status_ui(ui, shown);
        });
        if self.find.is_open() {
            egui::Panel::bottom("find").show(ui, |ui| self.find.ui(ui, commands));
        }
        egui::Panel::top("collation-toolbar").show(ui, |ui| {
            self.collation
                .toolbar_ui(ui, shown, self.collation_session.statements(), commands);
            crate::gui::pair::toolbar::options_ui(ui, self.settings.options, commands);
            self.notices.ui(ui, commands);
        });
        egui::Panel::right("overview")
            .resizable(true)
            .default_size(260.0)
            .size_range(200.0..=(ui.available_width() * 0.4).clamp(200.0, 600.0))
            .show(ui, |ui| {
                let insights = self.collation_session.insights();
                self.collation.side_panel_ui(ui, shown, insights, commands);
            });
        let (find, current) = self.find.matches();
        let find_version = self.find.version();
        // Whom each document's sentences credit, once the insights are in.
        let attribution = match self.collation_session.insights() {
            Some(Ok(insights)) => Some(insights.attribution.as_slice()),
            _ => None,
        };
        egui::CentralPanel::default().show(ui, |ui| {
            self.collation.ui(
                ui,
                shown,
                (find, current, find_version),
                attribution,
                commands,
            );
        });
    }
}
