//! The brief's names: what only one side names, without the other side's leader whom that
//! side calls by title alone.

use super::super::entities::is_country_word;
use super::*;

impl Brief<'_> {
    /// Names only one side gives (people, organisations, places, events; not titles): what
    /// an analyst looks for first in two accounts of one meeting, most named first.
    pub(super) fn names_one_side(&self, lines: &mut Vec<BriefLine>) {
        for (presence, side, side_name) in [
            (Presence::LeftOnly, 0, "left"),
            (Presence::RightOnly, 1, "right"),
        ] {
            let mut names: Vec<&Entity> = self
                .inputs
                .entities
                .iter()
                .filter(|e| e.kind == EntityKind::Name && e.presence() == presence)
                .filter(|e| !self.common_noun(e) && !self.called_by_title(e, side))
                .collect();
            if names.is_empty() {
                continue;
            }
            // Countries first: which states one side names and the other leaves out is the
            // first thing an analyst of two readouts notes ("Ukraine, Russia" before "Alberta,
            // Arctic, Edmonton"); then the most named.
            names.sort_by_cached_key(|e| {
                (
                    std::cmp::Reverse(is_country(e)),
                    std::cmp::Reverse(e.left + e.right),
                )
            });
            let mut shown: Vec<String> = names
                .iter()
                .take(5)
                .map(|e| as_written(&e.text, &e.forms))
                .collect();
            if names.len() > shown.len() {
                shown.push(format!("{} more", names.len() - shown.len()));
            }
            let sentences = self.sentences(side);
            let rows = names
                .iter()
                .flat_map(|e| {
                    if side == 0 {
                        &e.left_spans
                    } else {
                        &e.right_spans
                    }
                })
                .filter_map(|span| {
                    let sentence = sentences.partition_point(|s| s.span.end <= span.start);
                    self.row_of(side, sentence)
                })
                .collect();
            let text = format!("Names only the {side_name} gives: {}", shown.join(", "));
            lines.push(line(BriefTopic::Names, text, rows));
        }
    }

    /// Whether a one-word name is a common noun capitalised ("Dialogue", "Government"): one
    /// of the texts writes it in lower case too.
    fn common_noun(&self, entity: &Entity) -> bool {
        common_noun(&entity.forms, entity.written_in_lower_case)
    }

    /// Whether a name only `side` gives is given only in naming the other side's official,
    /// whom the other side calls by title alone: "The Prime Minister met …" in No 10's readout,
    /// "the Rt Hon Boris Johnson MP, Prime Minister of the United Kingdom of Great Britain and
    /// Northern Ireland" in the other's. No name is left out there, only the house style of a
    /// readout. Not when this side names two holders of that title ("Polish Prime Minister
    /// Donald Tusk and UK Prime Minister Rishi Sunak": which is the other side's?), nor for a
    /// country.
    fn called_by_title(&self, entity: &Entity, side: usize) -> bool {
        let [Some(here), Some(there)] = [side, 1 - side].map(|s| self.inputs.attribution.get(s))
        else {
            return false;
        };
        let title = there.issuer.official.to_lowercase();
        let named_here = &here.issuer.counterpart;
        let in_text = |text: &str| entity.forms.iter().any(|f| text.contains(f.as_str()));
        let holders = named_here.to_lowercase().matches(title.as_str()).count();
        // A place named in that designation ("… of Great Britain and Northern Ireland") counts
        // only when the side names it nowhere else; a person (a name that does not end in a
        // country's) is the official, wherever named.
        let sentences = self.sentences(side);
        let spans = if side == 0 {
            &entity.left_spans
        } else {
            &entity.right_spans
        };
        let only_in_opener = here.issuer.opener.is_some()
            && spans.iter().all(|span| {
                here.issuer.opener == Some(sentences.partition_point(|s| s.span.end <= span.start))
            });
        let place = entity.text.rsplit(' ').next().is_some_and(is_country_word);
        !title.is_empty()
            && holders <= 1
            && (only_in_opener || !place)
            && !is_country(entity)
            && in_text(named_here)
            && !in_text(&there.issuer.official)
    }
}

/// Whether a name is a country's (by its demonyms table: "Poland", "Polish").
fn is_country(entity: &Entity) -> bool {
    entity
        .forms
        .iter()
        .chain([&entity.text])
        .any(|form| is_country_word(form))
}
