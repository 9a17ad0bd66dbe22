//! Loaders: bytes from disk to the text the engine compares.
//!
//! A file's format is detected from its content first (PDF and ZIP signatures, HTML markup),
//! then its extension; its encoding from a byte-order mark, then UTF-8 validity, then a
//! detector for legacy single-byte encodings. Every failure is a [`LoadError`] that names the
//! file and the reason in one line, so the CLI can print it and the window can show it without
//! losing the other document. Input files are only ever opened for reading, and never read past
//! [`MAX_FILE_BYTES`].

mod decode;
mod docx;
mod html;
mod pdf;

pub use pdf::install_quiet_panic_hook;

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Largest file Parallax reads (64 MiB): statements are far smaller; a larger file is refused
/// before it is read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Largest text a document may expand to (a .docx is compressed): 64 MiB as well.
pub const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// What a file on disk looked like when it was read, to notice later changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    /// Last modification time.
    pub modified: Option<SystemTime>,
    /// Size in bytes.
    pub len: u64,
}

impl FileStamp {
    /// The stamp of `path` now, if it can be read.
    pub fn of(path: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Self {
            modified: metadata.modified().ok(),
            len: metadata.len(),
        })
    }
}

/// The format a document was read from, detected from its content, then its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    /// Plain text.
    Text,
    /// Markdown (read as text).
    Markdown,
    /// A web page: the statement without the site around it.
    Html,
    /// A Word document.
    Docx,
    /// A PDF's text layer.
    Pdf,
}

impl SourceFormat {
    /// Its name in reports and the JSON ("text", "markdown", "html", "docx", "pdf").
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Docx => "docx",
            Self::Pdf => "pdf",
        }
    }
}

impl std::fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for SourceFormat {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A document's encoding as detected ("UTF-8", "UTF-16LE (BOM)", "windows-1252", "PDF text
/// layer", ...), and how many damaged bytes were replaced with U+FFFD (a file opened anyway).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Encoding {
    /// The encoding's name.
    pub name: String,
    /// Damaged bytes replaced with U+FFFD (0: none).
    pub replaced: usize,
}

impl Encoding {
    /// An encoding with no damaged bytes.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            replaced: 0,
        }
    }
}

impl From<&str> for Encoding {
    fn from(name: &str) -> Self {
        Self::new(name)
    }
}

/// Compares with the encoding as written ([`std::fmt::Display`]).
impl PartialEq<&str> for Encoding {
    fn eq(&self, other: &&str) -> bool {
        let written = self.to_string();
        written.as_str() == *other
    }
}

/// As reports and the window name it: "UTF-8", or "UTF-8, 2 damaged bytes replaced with
/// U+FFFD".
impl std::fmt::Display for Encoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.replaced {
            0 => f.write_str(&self.name),
            1 => write!(f, "{}, 1 damaged byte replaced with U+FFFD", self.name),
            n => write!(f, "{}, {n} damaged bytes replaced with U+FFFD", self.name),
        }
    }
}

/// A statement ready to compare: its name, where it came from and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// What to call it (the file name, or a sample's or an untitled document's name).
    pub name: String,
    /// The file it was read from, if any.
    pub path: Option<PathBuf>,
    /// The text compared.
    pub text: String,
    /// Detected format.
    pub format: SourceFormat,
    /// Detected encoding, and how many damaged bytes were replaced.
    pub encoding: Encoding,
    /// The file's size and time when read.
    pub stamp: Option<FileStamp>,
    /// SHA-256 of the file's bytes (of the text's UTF-8 for a document not read from a file),
    /// lowercase hex: says exactly which file was compared.
    pub sha256: String,
}

impl Document {
    /// A document that did not come from a file (a bundled sample, a paste).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            path: None,
            text: text.into(),
            format: SourceFormat::Text,
            encoding: Encoding::new("UTF-8"),
            stamp: None,
            sha256: String::new(),
        }
        .with_hash_of_text()
    }

    fn with_hash_of_text(mut self) -> Self {
        self.sha256 = sha256_hex(self.text.as_bytes());
        self
    }
}

/// SHA-256 of `bytes` as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Why a file could not be opened as a statement. Each message starts with the file's path.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file does not exist.
    #[error("{path}: no such file", path = .path.display())]
    NotFound {
        /// The file.
        path: PathBuf,
    },
    /// The path is a directory.
    #[error("{path}: is a directory, not a file", path = .path.display())]
    Directory {
        /// The path.
        path: PathBuf,
    },
    /// No permission to read it.
    #[error("{path}: permission denied (cannot read the file)", path = .path.display())]
    PermissionDenied {
        /// The file.
        path: PathBuf,
    },
    /// Over [`MAX_FILE_BYTES`].
    #[error("{path}: file is {size} bytes, over the limit of {limit} bytes for a statement", path = .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Holds no text at all (empty or whitespace only).
    #[error("{path}: {what}", path = .path.display())]
    Empty {
        /// The file.
        path: PathBuf,
        /// "file is empty", "file holds only whitespace", "the document has no text" ...
        what: String,
    },
    /// Binary data or undecodable bytes rather than text.
    #[error("{path}: not a text file ({reason})", path = .path.display())]
    NotText {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// A document format that could not be read (corrupt .docx, broken PDF).
    #[error("{path}: {reason}", path = .path.display())]
    BadDocument {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A PDF whose pages carry no text (scanned images).
    #[error("{path}: the PDF has no text layer (it may be scanned images); run OCR on it first", path = .path.display())]
    NoTextLayer {
        /// The file.
        path: PathBuf,
    },
    /// Text that is UTF-8 but for a few invalid bytes or NULs: it can be opened anyway, with
    /// them replaced by U+FFFD ([`LoadOptions::open_anyway`]).
    #[error("{path}: {count} damaged byte{s} (invalid UTF-8 or NUL) in otherwise readable UTF-8 text, the first at byte {first}", path = .path.display(), s = if *.count == 1 { "" } else { "s" })]
    Damaged {
        /// The file.
        path: PathBuf,
        /// How many invalid sequences and NULs.
        count: usize,
        /// Byte offset of the first.
        first: usize,
    },
    /// Another I/O error. The error is part of the message, not a source of it, so that a
    /// chain printer (`anyhow`'s `{:#}`) does not print it twice.
    #[error("{path}: {error}", path = .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        error: std::io::Error,
    },
}

impl LoadError {
    fn from_io(path: &Path, error: std::io::Error) -> Self {
        let path = path.to_path_buf();
        match error.kind() {
            std::io::ErrorKind::NotFound => Self::NotFound { path },
            std::io::ErrorKind::PermissionDenied => Self::PermissionDenied { path },
            std::io::ErrorKind::IsADirectory => Self::Directory { path },
            _ => Self::Io { path, error },
        }
    }
}

/// How to read a file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// Open text that is UTF-8 but for a few invalid bytes or NULs ([`LoadError::Damaged`])
    /// with them replaced by U+FFFD; the document's encoding then says how many were.
    pub open_anyway: bool,
}

/// Reads a statement from disk: format and encoding detected, text extracted.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    load_file_with(path, LoadOptions::default())
}

/// [`load_file`] with options.
pub fn load_file_with(path: &Path, options: LoadOptions) -> Result<Document, LoadError> {
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
    let mut document = read_opened(path, &metadata, file, options)?;
    document.stamp = Some(FileStamp {
        modified: metadata.modified().ok(),
        len: metadata.len(),
    });
    Ok(document)
}

/// Reads an opened file (any reader in tests: one that fails halfway, as a file that
/// disappears from a network share while being read does) and makes it a document.
fn read_opened(
    path: &Path,
    metadata: &std::fs::Metadata,
    file: impl Read,
    options: LoadOptions,
) -> Result<Document, LoadError> {
    let mut bytes = Vec::with_capacity(metadata.len().min(MAX_FILE_BYTES) as usize);
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
    load_bytes_with(path, &bytes, options)
}

/// Turns the bytes of the file at `path` into a document (the path names it and hints at its
/// format; nothing is read from disk here).
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Document, LoadError> {
    load_bytes_with(path, bytes, LoadOptions::default())
}

/// [`load_bytes`] with options.
pub fn load_bytes_with(
    path: &Path,
    bytes: &[u8],
    options: LoadOptions,
) -> Result<Document, LoadError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if bytes.is_empty() {
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
            what: "file is empty".into(),
        });
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (text, format, encoding) = if bytes.starts_with(b"%PDF-") {
        (
            pdf::extract(path, bytes)?,
            SourceFormat::Pdf,
            Encoding::new("PDF text layer"),
        )
    } else if bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(b"PK\x05\x06")
        || extension == "docx"
    {
        (
            docx::extract(path, bytes)?,
            SourceFormat::Docx,
            Encoding::new("UTF-8 (XML)"),
        )
    } else {
        let (text, encoding) = if options.open_anyway {
            decode::decode_anyway(path, bytes)?
        } else {
            decode::decode(path, bytes)?
        };
        if extension == "html"
            || extension == "htm"
            || extension == "xhtml"
            || html::looks_like_html(&text)
        {
            (html::extract(&text), SourceFormat::Html, encoding)
        } else if extension == "md" || extension == "markdown" {
            (text, SourceFormat::Markdown, encoding)
        } else {
            (text, SourceFormat::Text, encoding)
        }
    };
    if text.trim().is_empty() {
        let what = match format {
            SourceFormat::Text | SourceFormat::Markdown => "file holds only whitespace",
            SourceFormat::Html => {
                "the page has no statement text (nothing is left once its navigation, banners \
                 and scripts are dropped)"
            }
            _ => "the document has no text",
        };
        return Err(LoadError::Empty {
            path: path.to_path_buf(),
            what: what.into(),
        });
    }
    Ok(Document {
        name,
        path: Some(path.to_path_buf()),
        text,
        format,
        encoding,
        stamp: None,
        sha256: sha256_hex(bytes),
    })
}

/// Whether two paths name the same existing file (same device and inode on Unix, so hard
/// links and symlinks count; same canonical path elsewhere).
pub fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
        false
    }
    #[cfg(not(unix))]
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives some bytes, then fails as a file gone from under it does.
    struct Vanishing(usize);

    impl Read for Vanishing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.0 == 0 {
                return Err(std::io::Error::other("stale file handle"));
            }
            let n = self.0.min(buf.len());
            buf[..n].fill(b'a');
            self.0 -= n;
            Ok(n)
        }
    }

    #[test]
    fn a_file_that_disappears_while_read_names_the_file_and_the_reason_once() {
        let here = std::env::current_exe().expect("the test binary");
        let metadata = std::fs::metadata(&here).expect("metadata");
        let path = Path::new("/shares/statement.txt");
        let error = read_opened(path, &metadata, Vanishing(100), LoadOptions::default())
            .expect_err("a read error");
        let shown = format!("{:#}", anyhow::Error::new(error));
        assert_eq!(shown, "/shares/statement.txt: stale file handle");
    }
}
