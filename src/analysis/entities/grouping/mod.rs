//! Grouping mentions into entities.
//!
//! Mentions with one key are one entity. Then: a name followed by its initials in brackets
//! ("Foreign Terrorist Organization (FTO)") is one entity with them; a name that is the last
//! words of exactly one longer name ("LoGerfo", "Gregory LoGerfo", "Gregory D. LoGerfo") is
//! that person, while "Asim Munir" and "Nabeel Munir" stay apart and a bare "Munir" stays on
//! its own. Entities are ordered shared, only left, only right; names, titles, dates, numbers;
//! most mentioned first.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::{Entity, EntityKind, Found, Key, Mention};
use crate::analysis::Tok;
use crate::engine::Equivalences;
use crate::engine::segment::Span;

/// A long form and the short form a text defines for it in brackets right after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Definition {
    /// The key of the long form ("Foreign Terrorist Organization").
    long: Key,
    /// The key of its initials ("FTO").
    short: Key,
}

/// The definitions in one sentence's mentions, sorted by their first token: a name or title
/// followed by "(", a one-token mention of the same kind that is its initials, and ")".
pub(super) fn definitions(tokens: &[Tok], found: &[Found]) -> Vec<Definition> {
    let mut out = Vec::new();
    for pair in found.windows(2) {
        let [long, short] = pair else { continue };
        let bracketed = long.tokens.end + 1 == short.tokens.start
            && short.tokens.len() == 1
            && tokens.get(long.tokens.end).is_some_and(|t| t.key() == "(")
            && tokens.get(short.tokens.end).is_some_and(|t| t.key() == ")");
        let same_kind = matches!(long.mention.kind, EntityKind::Name | EntityKind::Title)
            && long.mention.kind == short.mention.kind;
        if bracketed
            && same_kind
            && let (Some(words), Some(abbreviation)) = (
                tokens.get(long.tokens.clone()),
                tokens.get(short.tokens.start),
            )
            && initials(words) == abbreviation.key().to_uppercase()
        {
            out.push(Definition {
                long: long.mention.key.clone(),
                short: short.mention.key.clone(),
            });
        }
    }
    out
}

/// Initials of a name's capitalised words ("Foreign Terrorist Organization" → "FTO").
fn initials(tokens: &[Tok]) -> String {
    tokens
        .iter()
        .filter(|t| t.is_capitalised())
        .filter_map(|t| t.key().chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A form with curly quotes and apostrophes made straight and dashes made hyphens.
fn fold_marks(form: &str) -> String {
    form.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            other => other,
        })
        .collect()
}

/// How many times sorted `spans` of one entity name it: a form right after another, as in
/// "Foreign Office (FO)", is the same mention defining its short form, not a second one.
fn count_mentions(spans: &[Span]) -> usize {
    let following = spans
        .windows(2)
        .filter(|pair| matches!(pair, [before, after] if after.start > before.end + 2))
        .count();
    following + usize::from(!spans.is_empty())
}

/// Union-find over mention keys.
struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller index (first seen) stays the root.
            let (root, child) = if a < b { (a, b) } else { (b, a) };
            self.parent[child] = root;
        }
    }
}

/// How complete a form is: most words, then not in capitals only ("Islamabad" over
/// "ISLAMABAD"). Compared field by field, in this order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
struct Completeness {
    words: usize,
    has_lower_case: bool,
}

/// One form of an entity.
struct Form {
    /// What tells forms apart: letters, dots and case, not the kind of apostrophe.
    identity: String,
    /// As the text writes it.
    written: String,
}

/// An entity while its mentions are added.
struct Building {
    kind: EntityKind,
    /// Its equivalence group, if a mention is a known name.
    group: Option<usize>,
    forms: Vec<Form>,
    /// The most complete form so far (the first wins a tie).
    best_form: String,
    /// How complete `best_form` is.
    best_completeness: Completeness,
    /// Where each side names it.
    spans: Vec<Vec<Span>>,
    /// Its first mention, to order entities of equal standing.
    first: usize,
}

/// Groups mentions of two texts into entities and orders them: shared, only left, only right;
/// names, titles, dates, numbers; most mentioned first.
pub(super) fn group(
    mentions: Vec<Mention>,
    definitions: &[Definition],
    table: &Equivalences,
) -> Vec<Entity> {
    let mut entities: Vec<(usize, Entity)> = group_many(mentions, definitions, table, 2)
        .into_iter()
        .map(|g| {
            let [left_spans, right_spans]: [Vec<Span>; 2] = g.spans.try_into().unwrap_or_default();
            let entity = Entity {
                text: g.text,
                kind: g.kind,
                forms: g.forms,
                left: count_mentions(&left_spans),
                right: count_mentions(&right_spans),
                left_spans,
                right_spans,
                written_in_lower_case: g.written_in_lower_case,
            };
            (g.first, entity)
        })
        .collect();
    entities.sort_by(|(left_first, left), (right_first, right)| {
        left.presence()
            .cmp(&right.presence())
            .then(left.kind.cmp(&right.kind))
            .then((right.left + right.right).cmp(&(left.left + left.right)))
            .then(left_first.cmp(right_first))
    });
    entities.into_iter().map(|(_, e)| e).collect()
}

/// An entity of any number of texts, before ordering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Grouped {
    /// Its name: the canonical form of its equivalence group, else its most complete form.
    pub(crate) text: String,
    /// What kind of thing it is.
    pub(crate) kind: EntityKind,
    /// The forms the texts use, in order of first use (first text first).
    pub(crate) forms: Vec<String>,
    /// Per text, where it names it, sorted.
    pub(crate) spans: Vec<Vec<Span>>,
    /// Per text, how many times it names it (a form defined in brackets right after another
    /// is the same mention).
    pub(crate) counts: Vec<usize>,
    /// Its first mention's index, to order entities of equal standing.
    pub(crate) first: usize,
    /// Whether one of its forms is also written in lower case ([`Entity`]'s field).
    pub(crate) written_in_lower_case: bool,
}

/// Groups the mentions of `sides` texts into entities, in no particular order (each carries
/// its first mention's index to order by).
pub(super) fn group_many(
    mentions: Vec<Mention>,
    definitions: &[Definition],
    table: &Equivalences,
    sides: usize,
) -> Vec<Grouped> {
    let mut ids: HashMap<Key, usize> = HashMap::default();
    let mut first_of: Vec<usize> = Vec::new(); // a mention of each key
    for (m, mention) in mentions.iter().enumerate() {
        ids.entry(mention.key.clone()).or_insert_with(|| {
            first_of.push(m);
            first_of.len() - 1
        });
    }
    let mut sets = Sets {
        parent: (0..first_of.len()).collect(),
    };
    for definition in definitions {
        if let (Some(&long), Some(&short)) = (ids.get(&definition.long), ids.get(&definition.short))
        {
            sets.union(long, short);
        }
    }
    join_people(&mentions, &first_of, &mut sets);

    let mut built: HashMap<usize, Building> = HashMap::default();
    for (m, mention) in mentions.iter().enumerate() {
        let Some(&id) = ids.get(&mention.key) else {
            continue;
        };
        let root = sets.find(id);
        let entry = built.entry(root).or_insert_with(|| Building {
            kind: mention.kind,
            group: None,
            forms: Vec::new(),
            best_form: String::new(),
            best_completeness: Completeness::default(),
            spans: vec![Vec::new(); sides],
            first: m,
        });
        if let Key::Group(g) = mention.key {
            entry.group.get_or_insert(g);
        }
        entry.kind = entry.kind.min(mention.kind);
        let identity = fold_marks(&mention.form);
        if !entry.forms.iter().any(|f| f.identity == identity) {
            entry.forms.push(Form {
                identity,
                written: mention.form.clone(),
            });
        }
        // Honorifics make no form more complete: "Rishi Sunak", not "Rt Hon Rishi Sunak MP".
        let completeness = Completeness {
            words: mention
                .form
                .split_whitespace()
                .filter(|w| {
                    let word = w
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase();
                    !super::lexicon::HONORIFICS.contains(&word.as_str())
                })
                .count(),
            has_lower_case: mention.form.chars().any(char::is_lowercase),
        };
        if completeness > entry.best_completeness {
            entry.best_completeness = completeness;
            entry.best_form = mention.form.clone();
        }
        if let Some(spans) = entry.spans.get_mut(mention.side) {
            spans.push(mention.span);
        }
    }
    built
        .into_values()
        .map(|building| grouped(building, table))
        .collect()
}

/// The entity a finished [`Building`] is.
fn grouped(building: Building, table: &Equivalences) -> Grouped {
    let text = match building.group {
        Some(g) => table.canonical(g).to_owned(),
        None => building.best_form,
    };
    let mut spans = building.spans;
    for list in &mut spans {
        list.sort_by_key(|s| s.start);
    }
    Grouped {
        text,
        kind: building.kind,
        forms: building.forms.into_iter().map(|f| f.written).collect(),
        counts: spans.iter().map(|s| count_mentions(s)).collect(),
        spans,
        first: building.first,
        written_in_lower_case: false,
    }
}

/// People: a name that is the last words of exactly one longer name is that name; names with
/// the same words ("Gregory LoGerfo", "Gregory D. LoGerfo") are one person.
fn join_people(mentions: &[Mention], first_of: &[usize], sets: &mut Sets) {
    join_reordered(mentions, first_of, sets);
    let mut by_last: HashMap<(EntityKind, &str), Vec<usize>> = HashMap::default();
    for (id, &m) in first_of.iter().enumerate() {
        let mention = &mentions[m];
        if let (Key::Name(_), Some(last)) = (&mention.key, mention.words.last()) {
            by_last
                .entry((mention.kind, last.as_str()))
                .or_default()
                .push(id);
        }
    }
    let mut buckets: Vec<Vec<usize>> = by_last.into_values().collect();
    buckets.sort();
    for bucket in buckets {
        let words_of: Vec<HashSet<&str>> = bucket
            .iter()
            .map(|&id| {
                mentions[first_of[id]]
                    .words
                    .iter()
                    .map(String::as_str)
                    .collect()
            })
            .collect();
        // Equal word sets are one person ("Gregory LoGerfo", "Gregory D. LoGerfo").
        for a in 0..bucket.len() {
            for b in a + 1..bucket.len() {
                if words_of[a] == words_of[b] {
                    sets.union(bucket[a], bucket[b]);
                }
            }
        }
        let maximal: Vec<usize> = (0..bucket.len())
            .filter(|&a| {
                !(0..bucket.len()).any(|b| {
                    words_of[a].len() < words_of[b].len() && words_of[a].is_subset(&words_of[b])
                })
            })
            .collect();
        for a in 0..bucket.len() {
            if maximal.contains(&a) {
                continue;
            }
            let mut supersets: Vec<usize> = maximal
                .iter()
                .copied()
                .filter(|&b| {
                    words_of[a].is_subset(&words_of[b])
                        && !qualified_place(
                            &mentions[first_of[bucket[a]]].words,
                            &mentions[first_of[bucket[b]]].words,
                        )
                })
                .map(|b| sets.find(bucket[b]))
                .collect();
            supersets.sort_unstable();
            supersets.dedup();
            if let [only] = supersets[..] {
                sets.union(bucket[a], only);
            }
        }
    }
}

/// Whether the longer name `longer` is the shorter `shorter` with a geographic qualifier right
/// before it ("Northern Ireland" against "Ireland"; not "Northern Ireland Protocol" against
/// "Protocol").
fn qualified_place(shorter: &[String], longer: &[String]) -> bool {
    let Some(first) = shorter.first() else {
        return false;
    };
    longer
        .iter()
        .position(|w| w == first)
        .and_then(|at| at.checked_sub(1))
        .and_then(|before| longer.get(before))
        .is_some_and(|w| super::lexicon::GEOGRAPHIC_QUALIFIERS.contains(&w.as_str()))
}

/// Names of the same two or more words in another order are one person: "KISHIDA Fumio", as
/// Japan's foreign ministry writes him, is "Fumio Kishida".
fn join_reordered(mentions: &[Mention], first_of: &[usize], sets: &mut Sets) {
    let mut by_words: HashMap<(EntityKind, Vec<&str>), Vec<usize>> = HashMap::default();
    for (id, &m) in first_of.iter().enumerate() {
        let mention = &mentions[m];
        if !matches!(mention.key, Key::Name(_)) || mention.words.len() < 2 {
            continue;
        }
        let mut words: Vec<&str> = mention.words.iter().map(String::as_str).collect();
        words.sort_unstable();
        words.dedup();
        by_words.entry((mention.kind, words)).or_default().push(id);
    }
    let mut groups: Vec<Vec<usize>> = by_words.into_values().collect();
    groups.sort();
    for group in groups {
        for pair in group.windows(2) {
            sets.union(pair[0], pair[1]);
        }
    }
}

#[cfg(test)]
mod tests;
