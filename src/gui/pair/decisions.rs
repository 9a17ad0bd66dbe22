//! The analyst's decisions on links in the window: the decision bar under the selected row
//! (Confirm and Reject each of its links, Pick a sentence on each side and Link them), the
//! Decisions window that lists them (each removable, stale ones flagged), and undo / redo.
//!
//! The list itself lives in the session (which hands it to every comparison) and in the
//! pair's notes sidecar (which keeps it); this part turns commands into a new list and keeps
//! the lists before and after each change for Ctrl+Z / Ctrl+Shift+Z.

use egui::Ui;

use crate::engine::{Comparison, Decision, LinkKind, LinkSource, Row, Verdict};
use crate::load::Document;

use crate::gui::commands::{Command, DecisionsCommand, TermsCommand};
use crate::gui::pair::session::Shown;
use crate::gui::{Side, Sides};

/// Most changes kept for undo.
const UNDO_MAX: usize = 100;

/// Undo and redo of the decisions, the sentence picked for a link, the window.
#[derive(Debug, Default)]
pub struct DecisionsPanel {
    /// Lists before each change, the newest last.
    undo: Vec<Vec<Decision>>,
    /// Lists undone, the newest last.
    redo: Vec<Vec<Decision>>,
    /// A sentence picked for "Link these": its side, index and text.
    picked: Option<(Side, usize, String)>,
    /// Whether the Decisions window is open.
    open: bool,
}

/// A sentence's text as decisions name it.
fn sentence_text(document: &Document, comparison: &Comparison, side: Side, i: usize) -> String {
    let sentences = match side {
        Side::Left => &comparison.left_sentences,
        Side::Right => &comparison.right_sentences,
    };
    sentences
        .get(i)
        .and_then(|s| document.text.get(s.content.range()))
        .unwrap_or_default()
        .to_owned()
}

/// The decision that links sentences `left` and `right` of what is shown, with `verdict`.
pub fn decision_on(shown: &Shown, left: usize, right: usize, verdict: Verdict) -> Decision {
    let Sides {
        left: left_doc,
        right: right_doc,
    } = &shown.documents;
    Decision::new(
        sentence_text(left_doc, &shown.comparison, Side::Left, left),
        sentence_text(right_doc, &shown.comparison, Side::Right, right),
        verdict,
    )
}

impl DecisionsPanel {
    /// Whether the Decisions window is open.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Whether there is a change to undo, and one to redo.
    pub fn can_undo_redo(&self) -> (bool, bool) {
        (!self.undo.is_empty(), !self.redo.is_empty())
    }

    /// Another pair is shown, or its decisions were read again: nothing to undo.
    pub fn forget(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.picked = None;
    }

    /// The sides were swapped: what is kept follows the sentences.
    pub fn mirror(&mut self) {
        for list in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            *list = list.iter().map(Decision::mirrored).collect();
        }
        self.picked = None;
    }

    /// Carries out the decisions' commands; returns the new list when `command` changed it
    /// (`current` is the list now), `None` otherwise. `shown` is the comparison shown (a
    /// sentence picked for a link is taken from it).
    pub fn apply(
        &mut self,
        command: &DecisionsCommand,
        current: &[Decision],
        shown: Option<&Shown>,
    ) -> Option<Vec<Decision>> {
        let next = match command {
            DecisionsCommand::ToggleWindow => {
                self.open = !self.open;
                return None;
            }
            DecisionsCommand::PickForLink(side, i) => {
                self.picked = shown.map(|shown| {
                    let document = &shown.documents[*side];
                    (
                        *side,
                        *i,
                        sentence_text(document, &shown.comparison, *side, *i),
                    )
                });
                return None;
            }
            DecisionsCommand::Decide(decision) => {
                let mut next: Vec<Decision> = current
                    .iter()
                    .filter(|d| !d.same_pair(decision))
                    .cloned()
                    .collect();
                next.push(decision.clone());
                self.picked = None;
                next
            }
            DecisionsCommand::Remove(index) => {
                if *index >= current.len() {
                    return None;
                }
                let mut next = current.to_vec();
                next.remove(*index);
                next
            }
            DecisionsCommand::Undo => {
                let previous = self.undo.pop()?;
                self.redo.push(current.to_vec());
                return Some(previous);
            }
            DecisionsCommand::Redo => {
                let later = self.redo.pop()?;
                self.undo.push(current.to_vec());
                return Some(later);
            }
        };
        if next == current {
            return None;
        }
        self.undo.push(current.to_vec());
        if self.undo.len() > UNDO_MAX {
            self.undo.remove(0);
        }
        self.redo.clear();
        Some(next)
    }

    /// The decision bar of the selected row: each link of its sentences with Confirm and
    /// Reject, Pick for its sentences, and Link once a sentence of the other side is picked.
    pub fn bar_ui(
        &self,
        ui: &mut Ui,
        shown: &Shown,
        row: usize,
        decisions: &[Decision],
        commands: &mut Vec<Command>,
    ) {
        let Some(this) = shown.comparison.rows.get(row) else {
            return;
        };
        links_ui(
            ui,
            shown,
            &row_links(&shown.comparison, this),
            decisions,
            commands,
        );
        let replaced = replaced_words(shown, this);
        if !replaced.is_empty() && this.kind == crate::engine::RowKind::Modified {
            teach_ui(ui, replaced, commands);
        }
        self.link_these_ui(ui, shown, this, decisions, commands);
    }

    /// "Link these:" a button to pick each of the row's sentences, then, with one picked, a
    /// button to link it with each of the row's other side's, and the Decisions button.
    fn link_these_ui(
        &self,
        ui: &mut Ui,
        shown: &Shown,
        this: &Row,
        decisions: &[Decision],
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new("Link these:").strong());
            let sentences = this
                .left
                .iter()
                .map(|&l| (Side::Left, l))
                .chain(this.right.iter().map(|&r| (Side::Right, r)));
            for (side, i) in sentences {
                let label = format!("{}{}", side_initial(side), i + 1);
                let picked = matches!(&self.picked, Some((s, p, _)) if *s == side && *p == i);
                if picked {
                    ui.label(format!("{label} picked"));
                } else if ui
                    .small_button(format!("Pick {label}"))
                    .on_hover_text(
                        "Pick this sentence, then select a row with the other side's \
                         sentence and link the two",
                    )
                    .clicked()
                {
                    commands.push(Command::Decisions(DecisionsCommand::PickForLink(side, i)));
                }
            }
            if let Some((side, i, text)) = &self.picked {
                let others: Vec<usize> = match side {
                    Side::Left => this.right.clone(),
                    Side::Right => this.left.clone(),
                };
                for other in others {
                    let (l, r) = match side {
                        Side::Left => (*i, other),
                        Side::Right => (other, *i),
                    };
                    let pair = format!("L{}–R{}", l + 1, r + 1);
                    for (kind, name) in [
                        (LinkKind::Equivalent, "equivalent"),
                        (LinkKind::Related, "related"),
                    ] {
                        if ui.button(format!("Link {pair} as {name}")).clicked() {
                            let mut decision = decision_on(shown, l, r, Verdict::Link(kind));
                            match side {
                                Side::Left => decision.left = text.clone(),
                                Side::Right => decision.right = text.clone(),
                            }
                            commands.push(Command::Decisions(DecisionsCommand::Decide(decision)));
                        }
                    }
                }
            }
            ui.separator();
            if ui
                .button(format!("Decisions ({})", decisions.len()))
                .on_hover_text("List your decisions on links; each can be removed")
                .clicked()
            {
                commands.push(Command::Decisions(DecisionsCommand::ToggleWindow));
            }
        });
    }

    /// The Decisions window: every decision with its verdict and sentences, stale ones
    /// flagged, each with Remove; Undo and Redo.
    pub fn window_ui(
        &self,
        ctx: &egui::Context,
        shown: Option<&Shown>,
        decisions: &[Decision],
        commands: &mut Vec<Command>,
    ) {
        if !self.open {
            return;
        }
        let mut open = true;
        let room = ctx.content_rect().size();
        egui::Window::new("Decisions")
            .open(&mut open)
            .default_width(560.0)
            .default_pos([(room.x - 600.0).max(0.0), 120.0])
            .show(ctx, |ui| {
                ui.label(
                    "Your decisions on links, kept with the pair's notes and applied by \
                     every comparison and report (parallax compare too).",
                );
                ui.horizontal(|ui| undo_redo_ui(ui, self.can_undo_redo(), commands));
                ui.separator();
                if decisions.is_empty() {
                    ui.label(
                        egui::RichText::new(
                            "No decisions yet: select a row, then Confirm or Reject a link, \
                             or Pick a sentence on each side and Link them.",
                        )
                        .weak(),
                    );
                    return;
                }
                egui::ScrollArea::vertical()
                    .min_scrolled_height(360.0)
                    .show(ui, |ui| {
                        for (index, decision) in decisions.iter().enumerate() {
                            decision_ui(ui, index, decision, shown, commands);
                            ui.separator();
                        }
                    });
            });
        if !open {
            commands.push(Command::Decisions(DecisionsCommand::ToggleWindow));
        }
    }
}

/// One decision in the list.
fn decision_ui(
    ui: &mut Ui,
    index: usize,
    decision: &Decision,
    shown: Option<&Shown>,
    commands: &mut Vec<Command>,
) {
    let stale = shown.is_some_and(|shown| {
        let Sides { left, right } = &shown.documents;
        let c = &shown.comparison;
        decision.is_stale(
            (&left.text, &c.left_sentences),
            (&right.text, &c.right_sentences),
        )
    });
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!("{}. {}", index + 1, decision.verdict.name())).strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(format!("Remove decision {}", index + 1))
                .clicked()
            {
                commands.push(Command::Decisions(DecisionsCommand::Remove(index)));
            }
        });
    });
    let quoted = |text: &str| {
        let text = crate::engine::decisions::key(text);
        let short: String = text.chars().take(110).collect();
        if short.len() < text.len() {
            format!("“{short}…”")
        } else {
            format!("“{short}”")
        }
    };
    if stale {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            "stale: a sentence is no longer in the texts (kept until you remove it)",
        );
    }
    ui.label(format!("L: {}", quoted(&decision.left)));
    ui.label(format!("R: {}", quoted(&decision.right)));
}

fn undo_redo_ui(ui: &mut Ui, (undo, redo): (bool, bool), commands: &mut Vec<Command>) {
    if ui
        .add_enabled(undo, egui::Button::new("Undo decision"))
        .on_hover_text("Ctrl+Z")
        .clicked()
    {
        commands.push(Command::Decisions(DecisionsCommand::Undo));
    }
    if ui
        .add_enabled(redo, egui::Button::new("Redo decision"))
        .on_hover_text("Ctrl+Shift+Z")
        .clicked()
    {
        commands.push(Command::Decisions(DecisionsCommand::Redo));
    }
}

fn side_initial(side: Side) -> &'static str {
    match side {
        Side::Left => "L",
        Side::Right => "R",
    }
}

/// The analyst's verdict on sentences `l` and `r` of what is shown, if any.
fn verdict_of(shown: &Shown, decisions: &[Decision], l: usize, r: usize) -> Option<Verdict> {
    let probe = decision_on(shown, l, r, Verdict::Confirm);
    decisions
        .iter()
        .rev()
        .find(|d| d.same_pair(&probe))
        .map(|d| d.verdict)
}

/// The links of a row's sentences: its own pairs first, then the others.
fn row_links(comparison: &Comparison, this: &Row) -> Vec<(usize, usize)> {
    let mut links: Vec<(usize, usize)> = Vec::new();
    for &l in &this.left {
        for &r in &this.right {
            links.push((l, r));
        }
    }
    for link in &comparison.links {
        let pair = (link.left, link.right);
        if (this.left.contains(&link.left) || this.right.contains(&link.right))
            && !links.contains(&pair)
        {
            links.push(pair);
        }
    }
    links
}

/// "Links:" each of the row's links (at most 8) with who found it, and Confirm and Reject.
fn links_ui(
    ui: &mut Ui,
    shown: &Shown,
    links: &[(usize, usize)],
    decisions: &[Decision],
    commands: &mut Vec<Command>,
) {
    let comparison = &shown.comparison;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Links:").strong());
        if links.is_empty() {
            ui.label(egui::RichText::new("none").weak());
        }
        for &(l, r) in links.iter().take(8) {
            let Some(link) = comparison.link(l, r) else {
                continue;
            };
            let pair = format!("L{}–R{}", l + 1, r + 1);
            let by = match (link.source, verdict_of(shown, decisions, l, r)) {
                (_, Some(Verdict::Confirm)) => "confirmed by you",
                (_, Some(Verdict::Link(_))) | (LinkSource::Analyst, _) => "linked by you",
                _ => "found by Parallax",
            };
            ui.label(format!("{pair} {} ({by})", link.kind.name()));
            if ui
                .small_button(format!("Confirm {pair}"))
                .on_hover_text("Keep this link whatever the options")
                .clicked()
            {
                commands.push(Command::Decisions(DecisionsCommand::Decide(decision_on(
                    shown,
                    l,
                    r,
                    Verdict::Confirm,
                ))));
            }
            if ui
                .small_button(format!("Reject {pair}"))
                .on_hover_text(
                    "These two are not counterparts: the link goes, the sentences find \
                 their next best counterpart or stand alone",
                )
                .clicked()
            {
                commands.push(Command::Decisions(DecisionsCommand::Decide(decision_on(
                    shown,
                    l,
                    r,
                    Verdict::Reject,
                ))));
            }
            ui.separator();
        }
    });
}

/// The words a reworded pair replaces (short ones, at most four), offered as terms to teach.
fn replaced_words(shown: &Shown, this: &Row) -> Vec<(String, String)> {
    let Sides {
        left: left_doc,
        right: right_doc,
    } = &shown.documents;
    this.ops
        .iter()
        .filter(|op| op.tag == crate::engine::OpTag::Replace)
        .filter_map(|op| {
            let left = left_doc.text.get(op.left.range())?;
            let right = right_doc.text.get(op.right.range())?;
            let clean = |t: &str| {
                t.trim()
                    .trim_matches(|c: char| c.is_ascii_punctuation() && c != '.')
                    .trim()
                    .to_owned()
            };
            let (left, right) = (clean(left), clean(right));
            let short = |t: &str| t.split_whitespace().count() <= 5 && !t.is_empty();
            (short(&left) && short(&right)).then_some((left, right))
        })
        .take(4)
        .collect()
}

/// "These mean the same:" a button to teach each pair of replaced words as equivalent terms.
fn teach_ui(ui: &mut Ui, replaced: Vec<(String, String)>, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("These mean the same:").strong())
            .on_hover_text(
                "Teach Parallax that the two wordings are equivalent terms (kept in \
                         your terms, View > Terms)",
            );
        for (left, right) in replaced {
            if ui.small_button(format!("“{left}” = “{right}”")).clicked() {
                commands.push(Command::Terms(TermsCommand::Teach(left, right)));
            }
        }
    });
}
