//! The analyst's notes on rows, kept in a small sidecar JSON file next to the left document
//! (`<left file>.parallax-notes.json`), or, for documents not read from files, under the user's
//! data folder. A note is anchored to the text of its row's two sides (not to a row number, which
//! changes with the options), and the sidecar records both documents' paths and SHA-256 so a
//! later session can say when a file changed since the notes were written.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::display::{Side, cell_span};
use crate::engine::Comparison;
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

    /// Each note placed on the first row whose texts match its anchors: (row, note).
    pub fn by_row(
        &self,
        comparison: &Comparison,
        left: &Document,
        right: &Document,
    ) -> Vec<(usize, String)> {
        let mut placed = Vec::new();
        for note in &self.notes {
            let found = comparison.rows.iter().position(|row| {
                anchors(comparison, row, left, right) == (note.left.as_str(), note.right.as_str())
            });
            if let Some(row) = found {
                placed.push((row, note.note.clone()));
            }
        }
        placed.sort_by_key(|(row, _)| *row);
        placed
    }

    /// The same notes for the pair with its sides swapped: each anchor and the recorded
    /// documents change sides.
    pub fn swap_sides(&mut self) {
        std::mem::swap(&mut self.left, &mut self.right);
        for note in &mut self.notes {
            std::mem::swap(&mut note.left, &mut note.right);
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
        self.notes
            .retain(|n| (n.left.as_str(), n.right.as_str()) != (l, rt));
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
