//! Where every command and every finished job goes: one exhaustive `match` over
//! [`Command`]'s owners and one over [`JobResult`]'s, so the compiler proves each has exactly
//! one handler. Commands that act on "what is shown" ([`AppCommand::Next`], `Reload`,
//! `Export`, ...) are routed here by the [`Screen`].

use super::super::commands::{
    AppCommand, CollationCommand, Command, DecisionsCommand, DialogCommand, PairCommand, Screen,
    Slot, TermsCommand, ViewCommand,
};
use super::super::worker::{CollationExportJob, ExportJob, JobResult};
use super::ParallaxApp;
use crate::load::Document;

impl ParallaxApp {
    /// Carries out one command, and the commands it leads to, each by the part that owns
    /// it.
    pub fn apply(&mut self, command: impl Into<Command>) {
        let mut queue = vec![command.into()];
        while !queue.is_empty() {
            let mut follow = Vec::new();
            for command in queue {
                self.apply_one(command, &mut follow);
            }
            queue = follow;
        }
    }

    /// Hands `command` to its owner; commands it leads to go to `follow`.
    fn apply_one(&mut self, command: Command, follow: &mut Vec<Command>) {
        let options = self.settings.options;
        match command {
            Command::App(command) => self.apply_app(command, follow),
            Command::Pair(command) => {
                if command == PairCommand::Swap {
                    // The decisions' undo follows the sentences; the session swaps the rest.
                    self.decisions.mirror();
                }
                self.session
                    .apply(&command, options, &self.worker, &mut self.notices);
            }
            Command::View(command) => self.view.apply(&command, self.session.shown()),
            Command::Notes(command) => {
                self.notes
                    .apply(&command, self.session.shown(), &self.worker);
            }
            Command::Decisions(command) => self.apply_decisions(&command),
            Command::Terms(command) => self.apply_terms(command, follow),
            Command::Find(command) => self.find.apply(command, follow),
            Command::Dialog(command) => {
                let exported: Option<Vec<&Document>> = match self.screen {
                    Screen::Pair => self
                        .session
                        .shown()
                        .map(|s| s.documents.iter().map(|d| &**d).collect()),
                    Screen::Collation => self
                        .collation_session
                        .shown()
                        .map(|s| s.documents.iter().map(|d| &**d).collect()),
                };
                self.dialogs.apply(
                    &command,
                    self.session.documents(),
                    exported.as_deref(),
                    &self.worker,
                    follow,
                );
            }
            Command::Statements(command) => {
                let pair = self.session.documents();
                if let Some(screen) =
                    self.collation_session
                        .apply(&command, pair, options, &self.worker)
                {
                    self.screen = screen;
                }
            }
            Command::Collation(command) => {
                self.collation
                    .apply(&command, self.collation_session.shown());
            }
        }
    }

    /// The app's own commands, and those it routes to the screen shown.
    fn apply_app(&mut self, command: AppCommand, follow: &mut Vec<Command>) {
        let screen = self.screen;
        match command {
            AppCommand::SetOptions(new) => {
                if new != self.settings.options {
                    self.settings.options = new;
                    self.session.request_compare(new, &self.worker);
                    // The collation follows the same options.
                    if self.collation_session.statements().len() >= 2 {
                        self.collation_session.request(new, &self.worker);
                    }
                }
            }
            AppCommand::SetTheme(theme) => self.settings.theme = theme,
            AppCommand::SetAutoReload(on) => self.settings.auto_reload = on,
            AppCommand::ToggleInsights => {
                self.settings.show_insights = !self.settings.show_insights;
            }
            AppCommand::ToggleHelp => self.help.toggle(),
            AppCommand::CloseHelp => self.help.close(),
            AppCommand::DismissNotice(id) => self.notices.dismiss(id),
            AppCommand::ShowCollation => {
                if self.collation_session.statements().len() >= 2 {
                    self.screen = Screen::Collation;
                }
            }
            AppCommand::ShowPair(first, second) => {
                if let Some(documents) = self.collation_session.pair(first, second) {
                    self.session
                        .show_pair(documents, self.settings.options, &self.worker);
                    self.screen = Screen::Pair;
                }
            }
            AppCommand::Next => follow.push(match screen {
                Screen::Pair => Command::View(ViewCommand::NextDifference),
                Screen::Collation => Command::Collation(CollationCommand::NextGap),
            }),
            AppCommand::Previous => follow.push(match screen {
                Screen::Pair => Command::View(ViewCommand::PreviousDifference),
                Screen::Collation => Command::Collation(CollationCommand::PreviousGap),
            }),
            AppCommand::Open(side) => {
                follow.push(Command::Dialog(DialogCommand::Open(match screen {
                    Screen::Pair => Slot::Side(side),
                    Screen::Collation => Slot::NewStatement,
                })))
            }
            AppCommand::Reload => match screen {
                Screen::Pair => follow.push(Command::Pair(PairCommand::Reload)),
                Screen::Collation => {
                    self.collation_session.reload(
                        self.settings.options,
                        &self.worker,
                        &mut self.notices,
                    );
                }
            },
            AppCommand::ScrollToRow(row) => match screen {
                Screen::Pair => self
                    .view
                    .apply(&ViewCommand::ScrollToRow(row), self.session.shown()),
                Screen::Collation => self.collation.apply(
                    &CollationCommand::JumpToPoint(row),
                    self.collation_session.shown(),
                ),
            },
            AppCommand::Export(format, path) => {
                self.dialogs.close_export();
                self.export(format, path);
            }
        }
    }

    /// Writes the report of what is shown (on the worker), or says why nothing is written.
    fn export(&mut self, format: crate::export::Format, path: std::path::PathBuf) {
        match self.screen {
            Screen::Pair => {
                let Some(shown) = self.session.shown() else {
                    self.notices.error(format!(
                        "Nothing was written to {}: the comparison is not made yet.",
                        path.display()
                    ));
                    return;
                };
                self.worker.export(ExportJob {
                    format,
                    path,
                    documents: shown.documents.clone(),
                    comparison: shown.comparison.clone(),
                    analysis: self.session.analysis().cloned(),
                    notes: self.notes.by_row().to_vec(),
                    terms: self.settings.terms.provenance(),
                });
            }
            Screen::Collation => {
                let Some(shown) = self.collation_session.shown() else {
                    self.notices.error(format!(
                        "Nothing was written to {}: the collation is not made yet.",
                        path.display()
                    ));
                    return;
                };
                self.worker.export_collation(CollationExportJob {
                    format,
                    path,
                    documents: shown.documents.clone(),
                    collation: shown.collation.clone(),
                    insights: match self.collation_session.insights() {
                        Some(Ok(insights)) => Some(insights.clone()),
                        _ => None,
                    },
                    pivot: self.collation.pivot(shown),
                });
            }
        }
    }

    /// The decisions on links: recorded in the sidecar, applied by the next comparison.
    fn apply_decisions(&mut self, command: &DecisionsCommand) {
        let shown = self.session.shown();
        if let Some(list) = self
            .decisions
            .apply(command, self.session.decisions(), shown)
        {
            self.notes.set_decisions(list.clone(), &self.worker);
            self.session
                .set_decisions(list, self.settings.options, &self.worker);
        }
    }

    /// The analyst's terms: kept in the settings, applied to the next comparison.
    fn apply_terms(&mut self, command: TermsCommand, follow: &mut Vec<Command>) {
        match command {
            TermsCommand::ToggleWindow => self.terms.toggle(),
            TermsCommand::Set(terms) => {
                self.session.set_tables(&terms);
                self.settings.terms = terms;
                self.session
                    .request_compare(self.settings.options, &self.worker);
            }
            TermsCommand::Teach(left, right) => {
                let mut terms = self.settings.terms.clone();
                terms.rows.push(crate::terms::Term::new(
                    crate::terms::Table::Equivalent,
                    format!("{} | {}", left.trim(), right.trim()),
                ));
                follow.push(Command::Terms(TermsCommand::Set(terms)));
            }
            TermsCommand::Import(path) => {
                match std::fs::read_to_string(&path)
                    .map_err(|e| e.to_string())
                    .and_then(|text| crate::terms::Terms::parse(&text).map_err(|e| e.to_string()))
                {
                    Ok(terms) => {
                        self.notices.info(format!(
                            "{} rows of terms read from {}.",
                            terms.rows.len(),
                            path.display()
                        ));
                        follow.push(Command::Terms(TermsCommand::Set(terms)));
                    }
                    Err(message) => {
                        self.notices.error(format!(
                            "Could not read the terms from {}: {message}.",
                            path.display()
                        ));
                    }
                }
            }
            TermsCommand::Export(path) => {
                match std::fs::write(&path, self.settings.terms.to_text()) {
                    Ok(()) => self.notices.info(format!(
                        "Terms saved to {}; parallax compare --equivalences reads it.",
                        path.display()
                    )),
                    Err(e) => self.notices.error(format!(
                        "Could not save the terms to {}: {e}.",
                        path.display()
                    )),
                };
            }
        }
    }

    /// Takes in finished jobs, each by the part that asked for it.
    pub(super) fn receive(&mut self) {
        for result in self.worker.poll() {
            let options = self.settings.options;
            match result {
                JobResult::Loaded(loaded) => {
                    let settings = &mut self.settings;
                    let recent = &mut |path| settings.remember(path);
                    match loaded.slot {
                        Slot::Side(side) => self.session.receive_load(
                            side,
                            loaded,
                            options,
                            &self.worker,
                            &mut self.notices,
                            recent,
                        ),
                        Slot::Statement(id) => {
                            if let Some(screen) = self.collation_session.receive_load(
                                id,
                                loaded,
                                options,
                                &self.worker,
                                &mut self.notices,
                                recent,
                            ) {
                                self.screen = screen;
                            }
                        }
                        // A new statement is added before its load starts, by its id.
                        Slot::NewStatement => {}
                    }
                }
                JobResult::Pair(result) => {
                    let changed = self
                        .session
                        .receive(result, &self.worker, &mut self.notices);
                    if changed.shown
                        && let Some(shown) = self.session.shown()
                    {
                        self.view.on_shown(shown);
                        self.notes.on_shown(shown, &self.worker);
                    }
                }
                JobResult::Collation(result) => {
                    let shown =
                        self.collation_session
                            .receive(result, &self.worker, &mut self.notices);
                    if shown && let Some(collation) = self.collation_session.shown() {
                        self.collation.sync(collation);
                    }
                }
                JobResult::Found(found) => self.find.receive(found, &mut self.commands),
                JobResult::Notes(result) => {
                    self.notes
                        .receive(result, self.session.shown(), &mut self.notices);
                    // The pair's decisions, once read, apply (a new pair: none to undo).
                    if let Some(kept) = self.notes.decisions()
                        && kept != self.session.decisions()
                    {
                        let kept = kept.to_vec();
                        self.decisions.forget();
                        self.session.set_decisions(kept, options, &self.worker);
                    }
                }
                JobResult::Stamps(stamps) => {
                    let open = self.watched();
                    self.watch.receive(
                        stamps,
                        &open,
                        self.settings.auto_reload,
                        &mut self.notices,
                        &mut self.commands,
                    );
                }
                JobResult::Dialog(result) => {
                    self.dialogs
                        .receive(result, self.session.documents(), &mut self.commands);
                }
                JobResult::Exported(written) => match written {
                    Ok(path) => {
                        self.notices
                            .info(format!("Report saved to {}.", path.display()));
                    }
                    Err(message) => {
                        self.notices
                            .error(format!("Could not save the report: {message}."));
                    }
                },
            }
        }
    }
}
