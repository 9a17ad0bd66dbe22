//! The toolbar (options, stepping through differences, swap, find), the summary line with the
//! legend, and the status bar.

use egui::{Color32, RichText, Ui};

use crate::display::DisplayModel;
use crate::engine::{Comparison, Options};

use crate::gui::Side;
use crate::gui::commands::{
    AppCommand, Command, DialogCommand, FindCommand, PairCommand, Slot, ViewCommand,
};
use crate::gui::notices::Notices;
use crate::gui::pair::session::Session;
use crate::gui::pair::view::Palette;

/// What the toolbar shows, from the other parts.
pub struct ToolbarInput<'a> {
    /// The options in effect.
    pub options: Options,
    /// "n of m" of the selected difference.
    pub position: (usize, usize),
    /// The comparison shown, if any yet, with its display model.
    pub comparison: Option<(&'a Comparison, &'a DisplayModel)>,
    /// Whether the last comparison failed.
    pub compare_failed: bool,
    /// The notices, shown under the summary.
    pub notices: &'a Notices,
    /// How many statements the collation holds (its button shows from two).
    pub statements: usize,
    /// A side that waits for a statement (nothing is compared yet), if one does.
    pub awaited: Option<Side>,
    /// The insights of the comparison shown, once computed (what differs in stance).
    pub analysis: Option<&'a crate::analysis::Analysis>,
}

/// The toolbar (options, difference stepping, swap, find), the summary and legend, and the
/// notices.
pub fn ui(ui: &mut Ui, input: &ToolbarInput<'_>, commands: &mut Vec<Command>) {
    ui.add_space(2.0);
    ui.horizontal_wrapped(|ui| {
        let mut options = input.options;
        ui.checkbox(&mut options.ignore_case, "Ignore case");
        ui.checkbox(&mut options.ignore_punctuation, "Ignore punctuation");
        ui.checkbox(&mut options.mark_variants, "Mark spelling variants")
            .on_hover_text(
                "Show \"U.S.\" / \"US\" and curly / straight quotes as equivalent wording \
                 (blue) instead of as the same words",
            );
        ui.add(
            egui::Slider::new(&mut options.threshold, 0.1..=0.9)
                .text("Reworded pairing")
                .fixed_decimals(2),
        )
        .on_hover_text(REWORDED_PAIRING);
        if options != input.options {
            commands.push(Command::App(AppCommand::SetOptions(options)));
        }
        ui.separator();
        // Previous, the counter and Next stay together when the toolbar wraps.
        keep_together(ui, "differences", |ui| {
            if ui
                .button("Previous")
                .on_hover_text("Previous difference (Shift+F7, Alt+Up)")
                .clicked()
            {
                commands.push(Command::View(ViewCommand::PreviousDifference));
            }
            let (n, m) = input.position;
            let position = if input.awaited.is_some() {
                "Nothing compared yet".to_owned()
            } else if m == 0 {
                "No differences".to_owned()
            } else if n == 0 {
                format!("{m} differences")
            } else {
                format!("Difference {n} of {m}")
            };
            // A fixed width, so that Next does not move under the pointer as the count grows.
            ui.add_sized(
                [150.0, ui.spacing().interact_size.y],
                egui::Label::new(RichText::new(position).strong()),
            )
            .on_hover_text("Rows that are reworded, on one side only, or moved");
            if ui
                .button("Next")
                .on_hover_text("Next difference (F7, Alt+Down)")
                .clicked()
            {
                commands.push(Command::View(ViewCommand::NextDifference));
            }
        });
        ui.separator();
        if ui
            .button("Swap sides")
            .on_hover_text("Exchange left and right")
            .clicked()
        {
            commands.push(Command::Pair(PairCommand::Swap));
        }
        if ui
            .button("Find")
            .on_hover_text("Find in both documents (Ctrl+F)")
            .clicked()
        {
            commands.push(Command::Find(FindCommand::Open));
        }
        if input.statements >= 2
            && ui
                .button(format!("Collation ({} statements)", input.statements))
                .on_hover_text("Back to all the statements side by side")
                .clicked()
        {
            commands.push(Command::App(AppCommand::ShowCollation));
        }
        if ui
            .button("Add statement…")
            .on_hover_text("Collate a third statement (or more) with these two")
            .clicked()
        {
            commands.push(Command::Dialog(DialogCommand::Open(Slot::NewStatement)));
        }
    });
    ui.add_space(2.0);
    summary_ui(ui, input);
    options_ui(ui, input.options, commands);
    input.notices.ui(ui, commands);
    ui.add_space(2.0);
}

/// Lays `content` out in a row as one piece of a wrapping toolbar: it starts a new line when
/// the width it took last frame does not fit in what is left of this line, so a label stays
/// with its menu and a button with what it acts on. (A nested row cannot wrap, and its width
/// is known only once laid out.)
pub fn keep_together<R>(ui: &mut Ui, id_salt: &str, content: impl FnOnce(&mut Ui) -> R) -> R {
    let id = ui.scope_id().with(("keep-together", id_salt));
    let width: f32 = ui.data(|d| d.get_temp(id)).unwrap_or(0.0);
    let left = ui.max_rect().right() - ui.cursor().left();
    let at_start = ui.cursor().left() <= ui.max_rect().left() + 1.0;
    if width > left && !at_start {
        ui.end_row();
    }
    let response = ui.horizontal(content);
    ui.data_mut(|d| d.insert_temp(id, response.response.rect.width()));
    response.inner
}

/// What the reworded-pairing slider does, where it is offered.
const REWORDED_PAIRING: &str = "The least share of content words (rare words weigh more) two \
     sentences must have to be paired as a reworded copy, with a word diff (0.1 to 0.9; \
     default 0.40). It is not the gutter's percentage, which counts every word alike: a pair \
     can pass at 0.78 and show 21% in the gutter. Sentences paired at an earlier stage (the \
     same sentence, or a neighbour merged into a pair) stay paired at any setting. \
     Counterparts in other words and related sentences are linked whatever it is set to.";

/// The options that differ from their defaults, as the window names them
/// ("Reworded pairing 0.38 (default 0.40)").
pub fn options_off_default(options: &Options) -> Vec<String> {
    let default = Options::default();
    let mut off = Vec::new();
    let flag = |on: bool| if on { "on" } else { "off" };
    for (name, value, default) in [
        ("Ignore case", options.ignore_case, default.ignore_case),
        (
            "Ignore punctuation",
            options.ignore_punctuation,
            default.ignore_punctuation,
        ),
        (
            "Mark spelling variants",
            options.mark_variants,
            default.mark_variants,
        ),
        (
            "Equivalent terms",
            options.use_equivalences,
            default.use_equivalences,
        ),
    ] {
        if value != default {
            off.push(format!("{name} {}", flag(value)));
        }
    }
    if (options.threshold - default.threshold).abs() >= 0.005 {
        off.push(format!(
            "Reworded pairing {:.2} (default {:.2})",
            options.threshold, default.threshold
        ));
    }
    if options.timeout_ms != default.timeout_ms {
        off.push(format!(
            "Time budget {} ms (default {})",
            options.timeout_ms, default.timeout_ms
        ));
    }
    off
}

/// The options in force that are off their defaults (they are kept between runs), with a
/// button that sets them all back; nothing when all are at their defaults. Both views show it.
pub fn options_ui(ui: &mut Ui, options: Options, commands: &mut Vec<Command>) {
    let off = options_off_default(&options);
    if off.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Options off their default:").strong())
            .on_hover_text("Kept from the last run; they change the rows and the collation");
        ui.label(off.join(" · "));
        if ui
            .small_button("Reset options")
            .on_hover_text("Every comparison option back to its default")
            .clicked()
        {
            commands.push(Command::App(AppCommand::SetOptions(Options::default())));
        }
    });
}

/// What differs in stance, in counts an analyst can quote: points credited to both on one
/// side and to one party on the other, points worded more strongly, figures on one side only.
fn stance_summary_ui(ui: &mut Ui, analysis: &crate::analysis::Analysis) {
    use crate::analysis::{FigurePresence, ShiftKind};
    let shifts = |kind: ShiftKind| analysis.shifts.iter().filter(|s| s.kind == kind).count();
    let one_sided = analysis
        .figures_compared
        .figures
        .iter()
        .filter(|f| f.presence != FigurePresence::Both)
        .count();
    let parts: Vec<String> = [
        (shifts(ShiftKind::Attribution), "credited differently"),
        (shifts(ShiftKind::Strength), "stronger on one side"),
        (shifts(ShiftKind::Scope), "qualified on one side"),
        (
            one_sided,
            if one_sided == 1 {
                "figure on one side only"
            } else {
                "figures on one side only"
            },
        ),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    let text = if parts.is_empty() {
        "· no point credited, worded or qualified differently".to_owned()
    } else {
        format!("· {}", parts.join(" · "))
    };
    ui.label(RichText::new(text).strong()).on_hover_text(
        "Linked points one side credits to both and the other to one party, words more \
         strongly or qualifies; figures only one side gives. The insights panel lists them.",
    );
}

/// The summary line of the comparison and the legend of its marks.
fn summary_ui(ui: &mut Ui, input: &ToolbarInput<'_>) {
    let palette = Palette::new(ui.visuals().dark_mode);
    ui.horizontal_wrapped(|ui| {
        match input.comparison {
            _ if input.awaited.is_some() => {
                let side = input.awaited.map_or("other", Side::name);
                ui.label(RichText::new(format!("Waiting for the {side} statement")).strong())
                    .on_hover_text("Nothing is compared until both sides hold a statement");
                ui.label("· open it (File menu), paste it or pick a sample to compare");
            }
            Some((c, display)) => counts_ui(ui, c, display, input.analysis),
            None if input.compare_failed => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    "The comparison could not be made (see the notice above)",
                );
            }
            None => {
                ui.spinner();
                ui.label("Comparing…");
            }
        }
        ui.separator();
        legend_ui(ui, &palette);
    });
}

/// What an analyst can quote first: how much has a counterpart, then what differs; the
/// word-overlap percentage last.
fn counts_ui(
    ui: &mut Ui,
    c: &Comparison,
    display: &DisplayModel,
    analysis: Option<&crate::analysis::Analysis>,
) {
    let s = &c.stats;
    // What an analyst can quote first: how much has a counterpart, then what
    // differs; the word-overlap percentage last.
    ui.label(
        RichText::new(format!(
            "Sentences with counterparts: left {} of {}, right {} of {}",
            s.left_linked, s.left_sentences, s.right_linked, s.right_sentences
        ))
        .strong(),
    )
    .on_hover_text(crate::display::coverage_text(c));
    let paraphrases = display.paraphrases;
    ui.label(format!(
        "· {} identical · {} reworded · {paraphrases} {} · {} related · {} only left · \
         {} only right",
        s.identical,
        s.modified.saturating_sub(paraphrases),
        if paraphrases == 1 {
            "paraphrase"
        } else {
            "paraphrases"
        },
        s.related,
        s.left_only,
        s.right_only
    ));
    if let Some(analysis) = analysis {
        stance_summary_ui(ui, analysis);
    }
    // Short figures stay whole on one line: "Similarity" and its percentage never apart.
    let whole = |text: RichText| egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend);
    if s.moved > 0 {
        ui.add(whole(RichText::new(format!(
            "· {} of the pairs moved",
            s.moved
        ))))
        .on_hover_text(
            "Pairs out of order (identical or reworded, counted there too): \
                 the sentence sits elsewhere in the right document",
        );
    }
    ui.add(whole(
        RichText::new(format!("· Similarity {:.0}%", s.similarity * 100.0)).weak(),
    ))
    .on_hover_text("Share of both texts' words that are shared in paired sentences");
}

/// The legend of the marks: word marks, cell tints, moved rows and the gutter.
fn legend_ui(ui: &mut Ui, palette: &Palette) {
    ui.label(RichText::new("Legend:").weak());
    chip(ui, "deleted", palette.deleted, palette.text, true, false);
    chip(ui, "inserted", palette.inserted, palette.text, false, true);
    let equivalent = RichText::new(" equivalent ")
        .background_color(palette.equivalent)
        .color(palette.text)
        .italics();
    ui.add(egui::Label::new(equivalent).wrap_mode(egui::TextWrapMode::Extend)).on_hover_text("Different wording of the same thing (US / United States), by the table of equivalent terms");
    chip(
        ui,
        "only left",
        palette.left_only,
        palette.deleted_line,
        false,
        false,
    );
    chip(
        ui,
        "only right",
        palette.right_only,
        palette.inserted_line,
        false,
        false,
    );
    let shared = RichText::new(" related: shared term ")
        .background_color(palette.shared)
        .color(palette.text)
        .underline();
    ui.add(egui::Label::new(shared).wrap_mode(egui::TextWrapMode::Extend))
        .on_hover_text(
            "A related pair: two sentences on the same topic, event or person that say \
             different things; the terms they share are underlined",
        );
    chip(
        ui,
        "paraphrase",
        palette.paraphrase,
        palette.paraphrase_line,
        false,
        false,
    );
    // As moved rows show: a bar at the edge (bar and word kept together).
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        let (bar, _) = ui.allocate_exact_size(egui::vec2(3.0, 16.0), egui::Sense::hover());
        ui.painter().rect_filled(bar, 0.0, palette.moved);
        ui.label(RichText::new("moved").color(palette.moved))
            .on_hover_text("A pair out of order: a bar at both edges, and a link in the gutter");
    });
    crate::gui::rows::credit_legend_ui(
        ui,
        (palette.moved, palette.shared_line, palette.weak),
        "Who a sentence credits with what it reports: both sides; the side that issued its \
         column's text (own; named under the column's title); the other party (them). Own and \
         them are each column's own view: the same party is own on one side, them on the other",
    );
    ui.add(
        egui::Label::new(
            RichText::new(
                "Gutter: = identical, 54% = similarity, paraphrase = same statement in other words",
            )
            .color(palette.weak),
        )
        .wrap_mode(egui::TextWrapMode::Extend),
    )
    .on_hover_text(
        "The middle column says how alike a pair's two sentences are; a paraphrase is \
         a pair that says the same thing in mostly other words, shown by its shared terms",
    );
}

/// The status bar: where each document came from, its format, encoding and sentences, and
/// what is loading or comparing.
pub fn status_ui(ui: &mut Ui, session: &Session) {
    ui.horizontal(|ui| {
        // Each side gets at most half the bar; a long path is cut with "…" (shown whole
        // on hover).
        let half = (ui.available_width() / 2.0 - 40.0).max(120.0);
        for side in [Side::Left, Side::Right] {
            let doc = session.document(side);
            let where_from = session.origin(side);
            let sentences = session.shown().map_or(0, |s| match side {
                Side::Left => s.comparison.left_sentences.len(),
                Side::Right => s.comparison.right_sentences.len(),
            });
            ui.scope(|ui| {
                ui.set_max_width(half);
                let name = if side == Side::Left { "Left" } else { "Right" };
                let text = if session.awaited(side) {
                    format!("{name}: {where_from}")
                } else {
                    format!(
                        "{name}: {where_from} · {} · {} · {sentences} sentences",
                        doc.format, doc.encoding
                    )
                };
                ui.add(egui::Label::new(text).truncate());
            });
            if session.loading(side).is_some() {
                ui.spinner();
                ui.label("loading…");
            }
            ui.separator();
        }
        if session.comparing() {
            ui.spinner();
            ui.label("comparing…");
        }
    });
}

/// A small coloured legend entry with the same non-colour cue as the text it explains.
fn chip(
    ui: &mut Ui,
    text: &str,
    background: Color32,
    colour: Color32,
    strike: bool,
    underline: bool,
) {
    let mut rich = RichText::new(format!(" {text} "))
        .background_color(background)
        .color(colour);
    if strike {
        rich = rich.strikethrough();
    }
    if underline {
        rich = rich.underline();
    }
    // A chip stays whole when the legend wraps.
    ui.add(egui::Label::new(rich).wrap_mode(egui::TextWrapMode::Extend));
}
