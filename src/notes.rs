//! The analyst's notes on rows, kept in a small sidecar JSON file next to the left document
//! (`<left file>.parallax-notes.json`), or, for documents not read from files, under the user's
//! data folder. A note is anchored to the text of its row's two sides (not to a row number, which
//! changes with the options), and the sidecar records both documents' paths and SHA-256 so a
//! later session can say when a file changed since the notes were written.
//!
//! The sidecar also keeps the analyst's decisions on links ([`Decision`]: confirm, reject,
//! link), anchored to the two sentences' text as well; a decision whose sentence is gone is
//! kept (and shown as stale), never dropped.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::display::{Side, cell_span};
use crate::engine::{Comparison, Decision};
use crate::load::Document;

/// Format name written into every sidecar.
pub const FORMAT: &str = "parallax-notes";

/// A document as the sidecar records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    /// Its name.
    pub name: String,
    /// Its path, if it came from a file.
    pub path: Option<PathBuf>,
    /// SHA-256 of its bytes when the notes were written.
    pub sha256: String,
}

/// One note, anchored to its row's text on each side (empty for a one-sided row's other side).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// The row's left text.
    pub left: String,
    /// The row's right text.
    pub right: String,
    /// The note.
    pub note: String,
}

/// The sidecar file's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notes {
    /// Always [`FORMAT`].
    pub format: String,
    /// Format version (1).
    pub version: u32,
    /// The left document when the notes were last written.
    pub left: Recorded,
    /// The right document.
    pub right: Recorded,
    /// The notes.
    pub notes: Vec<Note>,
    /// The analyst's decisions on links, in the order they were made (absent in sidecars
    /// written before there were any).
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

impl Notes {
    /// No notes yet, for this pair.
    pub fn new(left: &Document, right: &Document) -> Self {
        Self {
            format: FORMAT.into(),
            version: 1,
            left: record(left),
            right: record(right),
            notes: Vec::new(),
            decisions: Vec::new(),
        }
    }

    /// Names of the documents that changed since the notes were written.
    pub fn changed_since(&self, left: &Document, right: &Document) -> Vec<String> {
        let mut changed = Vec::new();
        if self.left.sha256 != left.sha256 {
            changed.push(left.name.clone());
        }
        if self.right.sha256 != right.sha256 {
            changed.push(right.name.clone());
        }
        changed
    }

    /// Each note placed on a row: (row, note), by row. See [`Notes::placed`].
    pub fn by_row(
        &self,
        comparison: &Comparison,
        left: &Document,
        right: &Document,
    ) -> Vec<(usize, String)> {
        self.placed(comparison, left, right)
            .into_iter()
            .map(|p| (p.row, p.note))
            .collect()
    }

    /// Every note placed on a row, by row; none is left out. A note goes on the first row
    /// whose texts match its anchors exactly; one whose sentences are no longer found (a file
    /// changed) goes on the free row most like its anchors (the same left sentence, say), else
    /// on the first free row, and is marked inexact.
    pub fn placed(
        &self,
        comparison: &Comparison,
        left: &Document,
        right: &Document,
    ) -> Vec<Placed> {
        let rows: Vec<(&str, &str)> = comparison
            .rows
            .iter()
            .map(|row| anchors(comparison, row, left, right))
            .collect();
        let mut placed: Vec<Placed> = Vec::new();
        let mut inexact = Vec::new();
        for (index, note) in self.notes.iter().enumerate() {
            match rows
                .iter()
                .position(|r| *r == (note.left.as_str(), note.right.as_str()))
            {
                Some(row) => placed.push(Placed {
                    row,
                    index,
                    note: note.note.clone(),
                    exact: true,
                }),
                None => inexact.push(index),
            }
        }
        for index in inexact {
            let Some(note) = self.notes.get(index) else {
                continue;
            };
            let taken = |row: usize| placed.iter().any(|p| p.row == row);
            let (note_left, note_right) = (words(&note.left), words(&note.right));
            let mut best: Option<(usize, f64)> = None;
            for (row, (l, r)) in rows.iter().enumerate() {
                if taken(row) {
                    continue;
                }
                let score = likeness(&note_left, &words(l)) + likeness(&note_right, &words(r));
                if best.is_none_or(|(_, s)| score > s) {
                    best = Some((row, score));
                }
            }
            // Every row has a note already: the note shares the most similar row.
            let row = best.map(|(row, _)| row).or_else(|| {
                (0..rows.len()).max_by(|&a, &b| {
                    let score = |row: usize| {
                        rows.get(row).map_or(0.0, |(l, r)| {
                            likeness(&note_left, &words(l)) + likeness(&note_right, &words(r))
                        })
                    };
                    score(a).total_cmp(&score(b)).then(b.cmp(&a))
                })
            });
            if let Some(row) = row {
                placed.push(Placed {
                    row,
                    index,
                    note: note.note.clone(),
                    exact: false,
                });
            }
        }
        placed.sort_by_key(|p| (p.row, p.index));
        placed
    }

    /// The same notes for the pair with its sides swapped: each anchor and the recorded
    /// documents change sides.
    pub fn swap_sides(&mut self) {
        std::mem::swap(&mut self.left, &mut self.right);
        for note in &mut self.notes {
            std::mem::swap(&mut note.left, &mut note.right);
        }
        for decision in &mut self.decisions {
            *decision = decision.mirrored();
        }
    }

    /// Sets the note of row `row` (removes it when `text` is blank); records the documents.
    pub fn set(
        &mut self,
        comparison: &Comparison,
        row: usize,
        left: &Document,
        right: &Document,
        text: &str,
    ) {
        let Some(r) = comparison.rows.get(row) else {
            return;
        };
        let (l, rt) = anchors(comparison, r, left, right);
        // The notes shown on this row, exact or not, are replaced by this one.
        let on_row: Vec<usize> = self
            .placed(comparison, left, right)
            .into_iter()
            .filter(|p| p.row == row)
            .map(|p| p.index)
            .collect();
        let mut index = 0;
        self.notes.retain(|n| {
            let keep = !on_row.contains(&index) && (n.left.as_str(), n.right.as_str()) != (l, rt);
            index += 1;
            keep
        });
        if !text.trim().is_empty() {
            self.notes.push(Note {
                left: l.to_owned(),
                right: rt.to_owned(),
                note: text.trim().to_owned(),
            });
        }
        self.left = record(left);
        self.right = record(right);
    }
}

/// A note as placed on a row of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The row it is shown on.
    pub row: usize,
    /// Its index in [`Notes::notes`].
    pub index: usize,
    /// The note.
    pub note: String,
    /// Whether the row's texts are the note's anchors; false when its sentences changed and
    /// it was put on the row most like them (the reader should check it still applies).
    pub exact: bool,
}

/// The lower-cased words of a text.
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// How alike two sorted sets of words are: 1 for the same words (or both empty), 0 for none
/// shared (Dice's coefficient).
fn likeness(left: &[String], right: &[String]) -> f64 {
    if left.is_empty() && right.is_empty() {
        return 1.0;
    }
    let shared = left
        .iter()
        .filter(|w| right.binary_search(w).is_ok())
        .count();
    2.0 * shared as f64 / (left.len() + right.len()) as f64
}

fn record(document: &Document) -> Recorded {
    Recorded {
        name: document.name.clone(),
        path: document.path.clone(),
        sha256: document.sha256.clone(),
    }
}

fn anchors<'a>(
    comparison: &Comparison,
    row: &crate::engine::Row,
    left: &'a Document,
    right: &'a Document,
) -> (&'a str, &'a str) {
    let l = if row.left.is_empty() {
        ""
    } else {
        &left.text[cell_span(&left.text, comparison, row, Side::Left).range()]
    };
    let r = if row.right.is_empty() {
        ""
    } else {
        &right.text[cell_span(&right.text, comparison, row, Side::Right).range()]
    };
    (l, r)
}

/// Where the notes of this pair live: next to the left file, else in the user's data folder.
pub fn sidecar_path(left: &Document, right: &Document) -> Option<PathBuf> {
    if let Some(path) = &left.path {
        let mut name = path.file_name()?.to_os_string();
        name.push(".parallax-notes.json");
        return Some(path.with_file_name(name));
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".local/share")))?;
    let left_id: String = left.sha256.chars().take(16).collect();
    let right_id: String = right.sha256.chars().take(16).collect();
    Some(
        base.join("parallax/notes")
            .join(format!("{left_id}-{right_id}.json")),
    )
}

/// The decisions kept in the sidecar of this pair, if there is one (the command line applies
/// them). `Ok` with none when there is no sidecar; an error names the file and the reason.
pub fn decisions_for(left: &Document, right: &Document) -> Result<Vec<Decision>, String> {
    let Some(path) = sidecar_path(left, right) else {
        return Ok(Vec::new());
    };
    Ok(read(&path)?
        .map(|notes| notes.decisions)
        .unwrap_or_default())
}

/// Reads a sidecar; `Ok(None)` when there is none.
pub fn read(path: &Path) -> Result<Option<Notes>, String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let notes: Notes = serde_json::from_slice(&bytes)
        .map_err(|e| format!("{}: not a notes file ({e})", path.display()))?;
    if notes.format != FORMAT {
        return Err(format!("{}: not a notes file", path.display()));
    }
    Ok(Some(notes))
}

/// Writes a sidecar (creating its folder).
pub fn write(path: &Path, notes: &Notes) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let json = serde_json::to_vec_pretty(notes).map_err(|e| e.to_string())?;
    std::fs::write(path, json).map_err(|e| format!("{}: {e}", path.display()))
}
