//! Exporters: render a comparison, its two documents, its analysis and the analyst's notes as
//! terminal text, JSON, HTML or Markdown. Every format is written through one entry point,
//! [`write()`] (to any writer) or [`write_file`] (to a file, never over an input); the CLI and
//! the window both use them. What a report says is decided once, in its [`outline`], built
//! from the display model ([`crate::display`]) and the analysis it is handed; the text, HTML and
//! Markdown writers only mark the outline up, and JSON serialises the data. None computes.

pub mod collation;
pub mod html;
pub mod json;
pub mod markdown;
pub mod outline;
pub mod text;

use std::io::Write;
use std::path::Path;
use std::time::SystemTime;

use crate::analysis::Analysis;
use crate::engine::Comparison;
use crate::load::Document;

/// A format a report can be written in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, clap::ValueEnum,
)]
pub enum Format {
    /// Readable text (coloured on a terminal).
    Text,
    /// A self-contained HTML report (inline CSS, no script, no external resource).
    Html,
    /// A Markdown report for a wiki or a ticket.
    Markdown,
    /// The stable JSON format described in the README.
    Json,
}

impl Format {
    /// Every format, in the order menus list them.
    pub const ALL: [Format; 4] = [Self::Html, Self::Markdown, Self::Json, Self::Text];

    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Text => "txt",
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Json => "json",
        }
    }

    /// Name for menus and dialogs.
    pub fn label(self) -> &'static str {
        match self {
            Self::Text => "Plain text",
            Self::Html => "HTML report",
            Self::Markdown => "Markdown report",
            Self::Json => "JSON (stable format)",
        }
    }
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output is one of the compared files.
    #[error("{}: refusing to overwrite an input file", path.display())]
    WouldOverwriteInput {
        /// The output path asked for.
        path: std::path::PathBuf,
    },
    /// The folder to write the file in does not exist.
    #[error("{}: cannot write the report there: the folder {} does not exist", path.display(), folder.display())]
    NoFolder {
        /// The output path asked for.
        path: std::path::PathBuf,
        /// Its folder.
        folder: std::path::PathBuf,
    },
    /// Creating or writing the file failed.
    #[error("{}: {error}", path.display())]
    Io {
        /// The output path.
        path: std::path::PathBuf,
        /// What failed.
        error: std::io::Error,
    },
}

/// Writes `report` in `format` to `out`; `colour` adds ANSI colours to text (ignored by the
/// other formats).
pub fn write(
    out: &mut dyn Write,
    format: Format,
    report: &Report<'_>,
    colour: bool,
) -> std::io::Result<()> {
    match format {
        Format::Text => text::write(out, report, colour),
        Format::Html => html::write(out, report),
        Format::Markdown => markdown::write(out, report),
        Format::Json => json::write(out, report),
    }
}

/// Whether `path` is one of `inputs` (the same file, through any link): an export never
/// writes over a compared file.
pub fn is_input(path: &Path, inputs: &[&Path]) -> bool {
    inputs
        .iter()
        .any(|input| crate::load::same_file(input, path))
}

/// Writes `report` in `format` to the file `path`, refusing to write over either compared
/// document's file.
pub fn write_file(path: &Path, format: Format, report: &Report<'_>) -> Result<(), ExportError> {
    write_file_with(path, &report.input_paths(), |out| {
        write(out, format, report, false)
    })
}

/// [`write_file`] of the JSON report, with the parts of it written `ahead`.
pub fn write_json_file_ahead(
    path: &Path,
    report: &Report<'_>,
    ahead: &json::Ahead,
) -> Result<(), ExportError> {
    write_file_with(path, &report.input_paths(), |out| {
        json::write_ahead(out, report, Some(ahead))
    })
}

/// The one way a report reaches a file: never over one of `inputs`, buffered, flushed, every
/// error naming the file.
pub fn write_file_with(
    path: &Path,
    inputs: &[&Path],
    render: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), ExportError> {
    if is_input(path, inputs) {
        return Err(ExportError::WouldOverwriteInput {
            path: path.to_path_buf(),
        });
    }
    let io = |error| ExportError::Io {
        path: path.to_path_buf(),
        error,
    };
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty())
        && !folder.is_dir()
    {
        return Err(ExportError::NoFolder {
            path: path.to_path_buf(),
            folder: folder.to_path_buf(),
        });
    }
    let file = std::fs::File::create(path).map_err(io)?;
    let mut out = std::io::BufWriter::new(file);
    render(&mut out).map_err(io)?;
    out.flush().map_err(io)
}

/// What a report says about where its comparison came from.
pub struct Provenance {
    /// When the comparison was made.
    pub generated: SystemTime,
}

/// Everything an exported report shows.
pub struct Report<'a> {
    /// Left document.
    pub left: &'a Document,
    /// Right document.
    pub right: &'a Document,
    /// The comparison.
    pub comparison: &'a Comparison,
    /// The analyst's notes: (row index, note).
    pub notes: &'a [(usize, String)],
    /// The analyst's terms that applied ("equivalent terms: COAS | Army Chief"), for the
    /// provenance.
    pub terms: &'a [String],
    /// Named entities, shared phrases and wording strength, or `None` when they were not
    /// computed (`--analysis never`, or a long document with `auto`): a stage of the
    /// pipeline before the export, never computed by it.
    pub analysis: Option<&'a Analysis>,
    /// When it was made.
    pub provenance: Provenance,
}

impl Report<'_> {
    /// Size of a document in bytes: the file's, or its text's.
    pub fn size_of(document: &Document) -> u64 {
        document.stamp.map_or(document.text.len() as u64, |s| s.len)
    }

    /// Where a document came from, for provenance.
    pub fn origin_of(document: &Document) -> String {
        document
            .path
            .as_ref()
            .map_or("(not from a file)".to_owned(), |p| p.display().to_string())
    }

    /// The time of the comparison as RFC 3339 (UTC, seconds).
    /// The files of the two documents compared, for those read from one.
    fn input_paths(&self) -> Vec<&Path> {
        [self.left, self.right]
            .iter()
            .filter_map(|d| d.path.as_deref())
            .collect()
    }

    pub fn generated_rfc3339(&self) -> String {
        humantime::format_rfc3339_seconds(self.provenance.generated).to_string()
    }

    /// The note on row `i`, if any.
    pub fn note(&self, i: usize) -> Option<&str> {
        self.notes
            .iter()
            .find(|(row, _)| *row == i)
            .map(|(_, note)| note.as_str())
    }

    /// Whether the analyst drew or confirmed a link between the sentences of row `i`.
    pub fn by_analyst(&self, i: usize) -> bool {
        let comparison = self.comparison;
        comparison.rows.get(i).is_some_and(|row| {
            row.left.iter().any(|&l| {
                row.right.iter().any(|&r| {
                    comparison
                        .link(l, r)
                        .is_some_and(|link| link.source == crate::engine::LinkSource::Analyst)
                })
            })
        })
    }

    /// What the analyst judged, in words, or `None` when the analyst judged nothing: links
    /// drawn or confirmed, links rejected ("L2 ↔ R4"), for a reader to know what a person
    /// decided.
    pub fn decisions_text(&self) -> Option<String> {
        let comparison = self.comparison;
        let drawn: Vec<String> = comparison
            .links
            .iter()
            .filter(|link| link.source == crate::engine::LinkSource::Analyst)
            .map(|link| format!("L{} ↔ R{}", link.left + 1, link.right + 1))
            .collect();
        let rejected: Vec<String> = comparison
            .rejected
            .iter()
            .map(|(l, r)| format!("L{} ↔ R{}", l + 1, r + 1))
            .collect();
        if drawn.is_empty() && rejected.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        if !drawn.is_empty() {
            parts.push(format!(
                "links drawn or confirmed by the analyst: {}",
                drawn.join(", ")
            ));
        }
        if !rejected.is_empty() {
            parts.push(format!(
                "links rejected by the analyst: {}",
                rejected.join(", ")
            ));
        }
        Some(parts.join("; "))
    }

    /// The analyst's terms in words, or `None` when there are none.
    pub fn terms_text(&self) -> Option<String> {
        (!self.terms.is_empty()).then(|| format!("analyst's terms: {}", self.terms.join("; ")))
    }

    /// Options in words ("ignore case, ignore punctuation, reworded pairing 0.40").
    pub fn options_text(&self) -> String {
        crate::display::options_text(&self.comparison.options)
    }
}
