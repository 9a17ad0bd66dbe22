//! Insights across the documents of a collation, drawn compactly: the brief (what differs, a
//! line each, shown atop the overview tab), who names what (an entity ×
//! document table, a count per document, blank for none, in the engine's order), the phrases
//! two or more documents share with the documents that carry them, and the wording-strength
//! findings.
//!
//! A building block for the collation view: it draws from a [`CollationInsights`] and the
//! documents' names and keeps only its filter text (in egui's memory, under the id of the
//! `Ui` it is given). Both lists draw only the rows in view (one line each, long text cut with
//! "…" and shown whole on hover), so hundreds of names cost a frame what a dozen do. Clicking
//! an entity or a phrase asks the collation view to highlight its places in every statement
//! and go to the first ([`Command::Collation(CollationCommand::HighlightInStatements)`]).

use egui::{Rect, RichText, Sense, pos2, vec2};

use crate::analysis::{CollationEntity, CollationInsights};
use crate::display::{label, labels};
use crate::engine::collate::Collation;
use crate::gui::commands::{CollationCommand, Command};
use crate::gui::rows::{BriefEntry, brief_ui as brief_list_ui, put_left};

/// Width of one document's count column.
const COUNT_WIDTH: f32 = 34.0;

/// Draws `insights` of the documents named `names` (in the collation's order); the brief is
/// on the overview ([`brief_ui`]).
pub fn ui(
    ui: &mut egui::Ui,
    insights: &CollationInsights,
    names: &[String],
    commands: &mut Vec<Command>,
) {
    entities_ui(ui, insights, names, commands);
    ui.separator();
    phrases_ui(ui, insights, commands);
    if !insights.strength.is_empty() {
        ui.separator();
        ui.heading(format!("Wording strength ({})", insights.strength.len()));
        for finding in &insights.strength {
            ui.label(format!(
                "{} \"{}\" is stronger than {} \"{}\" ({})",
                label(finding.stronger),
                finding.stronger_word,
                label(finding.weaker),
                finding.weaker_word,
                finding.kind
            ));
        }
    }
}

/// The brief: what differs among the statements, a line each; clicking one highlights the
/// sentences of its points in every statement and goes to the first.
pub fn brief_ui(
    ui: &mut egui::Ui,
    insights: &CollationInsights,
    collation: &Collation,
    commands: &mut Vec<Command>,
) {
    let entries = insights.brief.iter().map(|line| BriefEntry {
        text: match line.points.len() {
            0 => format!("- {}", line.text),
            1 => format!("- {} (1 point)", line.text),
            n => format!("- {} ({n} points)", line.text),
        },
        hover: if line.points.is_empty() {
            "Nothing to go to."
        } else {
            "Click to highlight its sentences in every statement and go to the first."
        }
        .to_owned(),
        selected: false,
    });
    // Up to nearly half the panel, as a pair's brief (200 points showed two lines and a half of
    // a collation's brief, whose lines quote two statements each); the similarity table and
    // the presence grid below scroll on their own.
    let height = (ui.available_height() * 0.45).clamp(160.0, 380.0);
    let clicked = brief_list_ui(ui, "parallax-collation-insights-brief", height, entries);
    if let Some(line) = clicked.and_then(|i| insights.brief.get(i))
        && !line.points.is_empty()
    {
        let places = line
            .points
            .iter()
            .flat_map(|&p| {
                (0..collation.len()).filter_map(move |d| collation.span(p, d).map(|span| (d, span)))
            })
            .collect();
        commands.push(Command::Collation(CollationCommand::HighlightInStatements(
            places,
        )));
    }
}

/// Who names what: a filter, and a table of the names with a count per document.
fn entities_ui(
    ui: &mut egui::Ui,
    insights: &CollationInsights,
    names: &[String],
    commands: &mut Vec<Command>,
) {
    let n = names.len();
    let filter_id = ui.make_persistent_id("parallax-collation-insights-filter");
    let mut filter: String = ui.data_mut(|d| d.get_temp(filter_id).unwrap_or_default());

    ui.heading(format!("Who names what ({})", insights.entities.len()))
        .on_hover_text("Named by more documents first; a count per document, blank for none");
    ui.horizontal_wrapped(|ui| {
        for (d, name) in names.iter().enumerate() {
            ui.label(RichText::new(format!("{} {name}", label(d))).weak());
        }
    });
    ui.horizontal(|ui| {
        let caption = ui.label("Filter names");
        ui.add(
            egui::TextEdit::singleline(&mut filter)
                .hint_text("part of a name")
                .desired_width(ui.available_width().clamp(80.0, 240.0)),
        )
        .labelled_by(caption.id);
    });
    let wanted = filter.trim().to_lowercase();
    let shown: Vec<&CollationEntity> = insights
        .entities
        .iter()
        .filter(|e| wanted.is_empty() || matches(e, &wanted))
        .collect();
    ui.data_mut(|d| d.insert_temp(filter_id, filter));

    let line_height = ui.spacing().interact_size.y;
    // The table is as wide as the panel gives, never wider (a wider row would widen the
    // panel, frame after frame): the counts take what they need, the names the rest, cut
    // with "…".
    let columns = Columns::new(table_width(ui), n);
    // The column titles: the documents' labels, their names on hover.
    let (header, _) = ui.allocate_exact_size(vec2(columns.width(), line_height), Sense::hover());
    put_left(
        ui,
        columns.name(header),
        egui::Label::new(RichText::new("Entity").strong()).truncate(),
    );
    for (d, name) in names.iter().enumerate() {
        ui.put(
            columns.count(header, d),
            egui::Label::new(RichText::new(label(d)).strong()),
        )
        .on_hover_text(name);
    }
    egui::ScrollArea::vertical()
        .id_salt("parallax-collation-insights-entities")
        .max_height((ui.available_height() * 0.6).max(line_height * 4.0))
        .auto_shrink([false, true])
        .show_rows(ui, line_height, shown.len(), |ui, range| {
            for entity in shown.get(range).unwrap_or_default() {
                let (row, _) =
                    ui.allocate_exact_size(vec2(columns.width(), line_height), Sense::hover());
                let text = entity_label(entity);
                let response = put_left(
                    ui,
                    columns.name(row),
                    egui::Label::new(&text).truncate().sense(Sense::click()),
                )
                .on_hover_text(format!("{text}\nClick to highlight every place"));
                if response.clicked() {
                    commands.push(Command::Collation(CollationCommand::HighlightInStatements(
                        places(&entity.spans),
                    )));
                }
                for d in 0..n {
                    let count = entity.counts.get(d).copied().unwrap_or(0);
                    if count > 0 {
                        ui.put(columns.count(row, d), egui::Label::new(count.to_string()));
                    }
                }
            }
        });
}

/// The phrases two or more documents share, each a click from its places.
fn phrases_ui(ui: &mut egui::Ui, insights: &CollationInsights, commands: &mut Vec<Command>) {
    let line_height = ui.spacing().interact_size.y;
    ui.heading(format!("Shared phrases ({})", insights.phrases.len()))
        .on_hover_text("Runs of three or more words two or more documents share");
    egui::ScrollArea::vertical()
        .id_salt("parallax-collation-insights-phrases")
        .max_height((ui.available_height() * 0.6).max(line_height * 4.0))
        .auto_shrink([false, true])
        .show_rows(ui, line_height, insights.phrases.len(), |ui, range| {
            for phrase in insights.phrases.get(range).unwrap_or_default() {
                let text = format!(
                    "[{}] {} words: {}",
                    labels(&phrase.documents),
                    phrase.words,
                    phrase.text
                );
                let response = cell(ui, ui.available_width(), line_height, text.as_str())
                    .on_hover_text(format!("{text}\nClick to highlight every place"));
                if response.clicked() {
                    commands.push(Command::Collation(CollationCommand::HighlightInStatements(
                        places(&phrase.spans),
                    )));
                }
            }
        });
}

/// Every place of an entry: (document, span), from its spans per document.
fn places(spans: &[Vec<crate::engine::Span>]) -> Vec<(usize, crate::engine::Span)> {
    spans
        .iter()
        .enumerate()
        .flat_map(|(d, list)| list.iter().map(move |&span| (d, span)))
        .collect()
}

/// "Balochistan Liberation Army (BLA)": an entity's name and its other forms.
fn entity_label(entity: &CollationEntity) -> String {
    let others: Vec<&str> = entity
        .forms
        .iter()
        .map(String::as_str)
        .filter(|f| *f != entity.text)
        .collect();
    if others.is_empty() {
        entity.text.clone()
    } else {
        format!("{} ({})", entity.text, others.join(", "))
    }
}

/// Whether the entity's name or one of its forms contains `filter` (lower case).
fn matches(entity: &CollationEntity, filter: &str) -> bool {
    std::iter::once(&entity.text)
        .chain(&entity.forms)
        .any(|form| form.to_lowercase().contains(filter))
}

/// One cell of a row: `text` on one line in `width`, cut with "…" when it does not fit.
fn cell(
    ui: &mut egui::Ui,
    width: f32,
    height: f32,
    text: impl Into<egui::WidgetText>,
) -> egui::Response {
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    put_left(
        ui,
        rect,
        egui::Label::new(text).truncate().sense(Sense::click()),
    )
}

/// The width a table's rows may take: the panel's, less the scroll bar where it takes room.
fn table_width(ui: &egui::Ui) -> f32 {
    let scroll = &ui.spacing().scroll;
    let bar = if scroll.floating {
        0.0
    } else {
        scroll.bar_width + scroll.bar_inner_margin + scroll.bar_outer_margin
    };
    (ui.available_width() - bar).max(0.0)
}

/// The columns of the who-names-what table in a given width: the name, then a count per
/// document.
struct Columns {
    width: f32,
    name: f32,
    count: f32,
}

impl Columns {
    /// `n` count columns of at most [`COUNT_WIDTH`] and at most half the width together;
    /// the name takes the rest.
    fn new(width: f32, n: usize) -> Self {
        let count = COUNT_WIDTH.min(width * 0.5 / n.max(1) as f32);
        Self {
            width,
            name: (width - count * n as f32).max(0.0),
            count,
        }
    }

    fn width(&self) -> f32 {
        self.width
    }

    /// The name's cell in a row's rect.
    fn name(&self, row: Rect) -> Rect {
        Rect::from_min_size(row.min, vec2(self.name - 4.0, row.height()))
    }

    /// Document `d`'s count cell in a row's rect.
    fn count(&self, row: Rect, d: usize) -> Rect {
        Rect::from_min_size(
            pos2(row.min.x + self.name + self.count * d as f32, row.min.y),
            vec2(self.count, row.height()),
        )
    }
}
