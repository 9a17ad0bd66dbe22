//! The collation's toolbar: summary, gap stepping, pivot, columns, the two-text view of a pair.

use egui::{RichText, Ui};

use crate::gui::Sides;
use crate::gui::collation::cells::legend_ui;
use crate::gui::collation::statements::{CollationShown, Statement};
use crate::gui::collation::{CollationView, PointFilter};
use crate::gui::commands::{
    AppCommand, CollationCommand, Command, DialogCommand, Slot, StatementId,
};
use crate::gui::pair::toolbar::keep_together;

/// A statement's name by its id ("" for one not shown).
fn name_of(shown: &CollationShown, id: StatementId) -> String {
    shown
        .index_of(id)
        .and_then(|d| shown.names.get(d).cloned())
        .unwrap_or_default()
}

impl CollationView {
    /// The toolbar of the collation: summary, gap stepping, pivot, columns, two-text view.
    pub fn toolbar_ui(
        &mut self,
        ui: &mut Ui,
        shown: &CollationShown,
        statements: &[Statement],
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            self.counts_ui(ui, shown);
            ui.separator();
            keep_together(ui, "gaps", |ui| self.gaps_ui(ui, commands));
            ui.separator();
            keep_together(ui, "order-by", |ui| self.order_by_ui(ui, shown, commands));
            keep_together(ui, "show", |ui| self.point_filter_ui(ui, shown, commands));
            ui.menu_button("Columns", |ui| {
                for &id in &self.order {
                    let mut visible = !self.hidden.contains(&id);
                    if ui.checkbox(&mut visible, name_of(shown, id)).changed() {
                        commands.push(Command::Collation(CollationCommand::ToggleColumn(id)));
                    }
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            legend_ui(ui);
            ui.separator();
            // The two statements and the button that compares them stay on one line.
            keep_together(ui, "two-text", |ui| {
                self.two_text_ui(ui, shown, statements, commands);
            });
            ui.separator();
            if ui
                .button("Add statement…")
                .on_hover_text("Open one more statement in the collation")
                .clicked()
            {
                commands.push(Command::Dialog(DialogCommand::Open(Slot::NewStatement)));
            }
            if self.has_highlights()
                && ui
                    .button("Clear highlights")
                    .on_hover_text("Take the places of the insights entry off the statements")
                    .clicked()
            {
                commands.push(Command::Collation(CollationCommand::ClearHighlights));
            }
        });
    }

    /// "Collation: 4 statements, 21 points · 0 in every column · 21 missing from some".
    fn counts_ui(&self, ui: &mut Ui, shown: &CollationShown) {
        let points = shown.collation.points.len();
        let rows = self.reading.len();
        let showing = if rows == points {
            format!("{points} points")
        } else {
            format!("{rows} of {points} points shown")
        };
        let hidden = shown.documents.len() - self.columns(shown).len().min(shown.documents.len());
        let statements = if hidden > 0 {
            format!("{} statements ({hidden} hidden)", shown.documents.len())
        } else {
            format!("{} statements", shown.documents.len())
        };
        ui.label(RichText::new(format!("Collation: {statements}, {showing}")).strong());
        ui.label(format!(
            "· {} in every column · {} missing from some",
            self.everywhere,
            self.gaps.len()
        ))
        .on_hover_text("Of the points shown, with the columns shown");
    }

    /// Previous gap, "Gap n of m", Next gap.
    fn gaps_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if ui
            .button("Previous gap")
            .on_hover_text("The previous point some shown statement lacks")
            .clicked()
        {
            commands.push(Command::Collation(CollationCommand::PreviousGap));
        }
        let position = self
            .selected
            .and_then(|s| self.gaps.iter().position(|&g| g == s))
            .map_or_else(
                || format!("{} gaps", self.gaps.len()),
                |p| format!("Gap {} of {}", p + 1, self.gaps.len()),
            );
        ui.add_sized(
            [110.0, ui.spacing().interact_size.y],
            egui::Label::new(RichText::new(position).strong()),
        );
        if ui
            .button("Next gap")
            .on_hover_text("The next point some shown statement lacks")
            .clicked()
        {
            commands.push(Command::Collation(CollationCommand::NextGap));
        }
    }

    /// "Order by:" the statement whose reading order the points follow.
    fn order_by_ui(&self, ui: &mut Ui, shown: &CollationShown, commands: &mut Vec<Command>) {
        let pivot = self.pivot(shown);
        let pivot_id = shown.ids.get(pivot).copied().unwrap_or_default();
        let label = ui.label("Order by:");
        egui::ComboBox::from_id_salt("pivot")
            .selected_text(name_of(shown, pivot_id))
            .show_ui(ui, |ui| {
                for &id in &shown.ids {
                    if ui
                        .selectable_label(id == pivot_id, name_of(shown, id))
                        .clicked()
                    {
                        commands.push(Command::Collation(CollationCommand::SetPivot(id)));
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "Points follow this statement's order; points it lacks sit where the \
                 others put them",
            );
    }

    /// "Show:" all points, those only in one statement, or those missing from one.
    fn point_filter_ui(&self, ui: &mut Ui, shown: &CollationShown, commands: &mut Vec<Command>) {
        let label = ui.label("Show:");
        let filter_text = |filter: PointFilter| match filter {
            PointFilter::All => "all points".to_owned(),
            PointFilter::OnlyIn(id) => format!("only in {}", name_of(shown, id)),
            PointFilter::MissingFrom(id) => format!("missing from {}", name_of(shown, id)),
        };
        egui::ComboBox::from_id_salt("point-filter")
            .selected_text(filter_text(self.filter))
            .width(190.0)
            .show_ui(ui, |ui| {
                let mut choices = vec![PointFilter::All];
                choices.extend(shown.ids.iter().map(|&id| PointFilter::OnlyIn(id)));
                choices.extend(shown.ids.iter().map(|&id| PointFilter::MissingFrom(id)));
                for choice in choices {
                    if ui
                        .selectable_label(self.filter == choice, filter_text(choice))
                        .clicked()
                    {
                        commands.push(Command::Collation(CollationCommand::SetPointFilter(choice)));
                    }
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "Only the points one statement alone has (what only the FO said), or those \
                 it lacks",
            );
    }

    /// "Two-text view:" the statement for each side and the button that compares them.
    fn two_text_ui(
        &self,
        ui: &mut Ui,
        shown: &CollationShown,
        statements: &[Statement],
        commands: &mut Vec<Command>,
    ) {
        ui.label("Two-text view:");
        let chosen = Sides::new(
            self.pair.left.or(shown.ids.first().copied()),
            self.pair.right.or(shown.ids.get(1).copied()),
        );
        let salts = Sides::new("pair-a", "pair-b");
        for (side, chosen) in chosen.iter_with_side() {
            egui::ComboBox::from_id_salt(salts[side])
                .selected_text(chosen.map_or_else(String::new, |id| name_of(shown, id)))
                .width(150.0)
                .show_ui(ui, |ui| {
                    for statement in statements {
                        let picked = *chosen == Some(statement.id);
                        if ui
                            .selectable_label(picked, name_of(shown, statement.id))
                            .clicked()
                        {
                            commands.push(Command::Collation(CollationCommand::ChooseForPair(
                                side,
                                statement.id,
                            )));
                        }
                    }
                });
        }
        if let Sides {
            left: Some(left),
            right: Some(right),
        } = chosen
            && ui
                .add_enabled(left != right, egui::Button::new("Compare these two"))
                .on_hover_text("Open the two statements in the two-column view")
                .clicked()
        {
            commands.push(Command::App(AppCommand::ShowPair(left, right)));
        }
    }
}
