//! Loaders: bytes from disk to the text the engine compares.
//!
//! Every failure is a [`LoadError`] that names the file and the reason in one line, so the CLI
//! can print it and the window can show it without losing the other document. Input files are
//! only ever opened for reading.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest file Parallax reads (64 MiB): statements are far smaller; a larger file is refused
/// before it is read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A statement ready to compare: its name, where it came from and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// What to call it (the file name, or a sample's or an untitled document's name).
    pub name: String,
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    /// The text compared.
    pub text: String,
    /// Detected format ("text").
    pub format: String,
    /// Detected encoding ("UTF-8").
    pub encoding: String,
}

impl Document {
    /// A document that did not come from a file (a bundled sample, a paste).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            path: None,
            text: text.into(),
            format: "text".into(),
            encoding: "UTF-8".into(),
        }
    }
}

/// Why a file could not be opened as a statement.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file does not exist.
    #[error("{path}: no such file")]
    NotFound {
        /// The file.
        path: PathBuf,
    },
    /// The path is a directory.
    #[error("{path}: is a directory, not a file")]
    Directory {
        /// The path.
        path: PathBuf,
    },
    /// No permission to read it.
    #[error("{path}: permission denied")]
    PermissionDenied {
        /// The file.
        path: PathBuf,
    },
    /// Over [`MAX_FILE_BYTES`].
    #[error("{path}: file is {size} bytes, over the {limit} byte limit for a statement")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Holds no text at all (empty or whitespace only).
    #[error("{path}: file is empty")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// Binary data rather than text.
    #[error("{path}: not a text file ({reason})")]
    NotText {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// Another I/O error.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

impl LoadError {
    fn from_io(path: &Path, error: std::io::Error) -> Self {
        let path = path.to_path_buf();
        match error.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound { path },
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied { path },
            std::io::ErrorKind::IsADirectory => Self::Directory { path },
            _ => Self::Io {
                path,
                source: error,
            },
        }
    }
}

/// Reads a statement from disk.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    let metadata = std::fs::metadata(path).map_err(|e| LoadError::from_io(path, e))?;
    if metadata.is_dir() {
        return Err(LoadError::Directory {
            path: path.to_path_buf(),
        });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: metadata.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let file = File::open(path).map_err(|e| LoadError::from_io(path, e))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    // Read at most one byte past the limit, in case the file grew since `metadata`.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::from_io(path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let (text, encoding) = decode(path, &bytes)?;
    if text.trim().is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(Document {
        name,
        path: Some(path.to_path_buf()),
        text,
        format: "text".into(),
        encoding,
    })
}

/// Decodes bytes as text: UTF-8 with or without a byte-order mark.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, String), LoadError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.contains(&0) {
        return Err(LoadError::NotText {
            path: path.to_path_buf(),
            reason: "contains NUL bytes".into(),
        });
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok((
            text.to_owned(),
            if body.len() < bytes.len() {
                "UTF-8 (BOM)"
            } else {
                "UTF-8"
            }
            .into(),
        )),
        Err(e) => Err(LoadError::NotText {
            path: path.to_path_buf(),
            reason: format!(
                "invalid UTF-8 at byte {}",
                e.valid_up_to() + bytes.len() - body.len()
            ),
        }),
    }
}
