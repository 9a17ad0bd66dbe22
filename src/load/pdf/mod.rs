//! PDF to text, from the page layout rather than the order of drawing commands.
//!
//! `pdf-extract` (over `lopdf`) interprets the content streams and hands over each glyph with
//! its position ([`glyphs`]); [`layout`] builds words, lines, columns and paragraphs from those
//! positions and drops page furniture. Before parsing, [`guard`] refuses files built to
//! exhaust memory or the stack (decompression bombs, self-drawing forms). An encrypted file
//! is opened when it needs no password; a file whose pages carry no text is reported as such.
//! `pdf-extract` can panic on malformed files; the panic is caught and reported as a broken
//! PDF. Every failure is one [`LoadError`] naming the file and the reason.

mod glyphs;
mod guard;
mod layout;
mod repair;

use std::cell::Cell;
use std::path::Path;

use super::LoadError;

thread_local! {
    /// Set while this thread runs the PDF parser, whose panics are expected and reported.
    static PARSING: Cell<bool> = const { Cell::new(false) };
}

/// Installs a panic hook that stays quiet about panics inside the PDF parser (they become a
/// "cannot read the PDF" message) and reports every other panic as before.
pub fn install_quiet_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !PARSING.with(Cell::get) {
            previous(info);
        }
    }));
}

/// Extracts the text of the PDF held in `bytes`, laid out as paragraphs.
pub fn extract(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    let bad = |reason: String| LoadError::BadDocument {
        path: path.to_path_buf(),
        reason,
    };
    PARSING.with(|p| p.set(true));
    let result = std::panic::catch_unwind(|| read_pages(bytes));
    PARSING.with(|p| p.set(false));
    let pages = match result {
        Ok(Ok(pages)) => pages,
        Ok(Err(reason)) => return Err(bad(reason)),
        Err(_) => return Err(bad("cannot read the PDF (it is malformed)".into())),
    };
    let text = layout::text(&pages);
    if !text.chars().any(char::is_alphanumeric) {
        return Err(LoadError::NoTextLayer {
            path: path.to_path_buf(),
        });
    }
    Ok(text)
}

/// Parses the file and collects every page's glyphs, or says why it cannot.
fn read_pages(bytes: &[u8]) -> Result<Vec<glyphs::Page>, String> {
    guard::inflated_size(bytes).map_err(|e| format!("refused: {e}"))?;
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| describe(&e))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(
            "the PDF is encrypted and needs a password; open it in a PDF reader and save an \
             unprotected copy"
                .into(),
        );
    }
    guard::structure(&doc).map_err(|e| format!("refused: {e}"))?;
    repair::cid_widths(&mut doc);
    let mut collector = glyphs::Collector::default();
    let outcome = pdf_extract::output_doc(&doc, &mut collector);
    if collector.too_many {
        return Err(format!(
            "refused: it draws over {} characters (a PDF bomb?)",
            glyphs::MAX_GLYPHS
        ));
    }
    outcome.map_err(|e| format!("cannot read the PDF ({e})"))?;
    Ok(collector.pages)
}

/// A parse error in words: a cut-off file is said to be one.
fn describe(error: &pdf_extract::Error) -> String {
    let message = error.to_string();
    let lower = message.to_lowercase();
    let cut_off = ["xref", "cross reference", "trailer", "eof", "end of file"];
    if cut_off.iter().any(|sign| lower.contains(sign)) {
        format!("cannot read the PDF: it is truncated or damaged ({message})")
    } else if lower.contains("decrypt") || lower.contains("password") {
        "the PDF is encrypted and needs a password; open it in a PDF reader and save an \
         unprotected copy"
            .into()
    } else {
        format!("cannot read the PDF ({message})")
    }
}
