//! PDF to text: the text layer, through `pdf-extract` (built on `lopdf`), which keeps line
//! breaks and blank lines where the layout shows paragraph gaps. A PDF whose pages carry no
//! text is reported as such. `pdf-extract` can panic on malformed files; the panic is caught
//! and reported as a broken PDF.

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

/// Extracts the text layer of the PDF held in `bytes`.
pub fn extract(path: &Path, bytes: &[u8]) -> Result<String, LoadError> {
    let bad = |reason: String| LoadError::BadDocument {
        path: path.to_path_buf(),
        reason,
    };
    PARSING.with(|p| p.set(true));
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    PARSING.with(|p| p.set(false));
    let text = match result {
        Ok(Ok(text)) => text,
        Ok(Err(e)) => return Err(bad(format!("cannot read the PDF ({e})"))),
        Err(_) => return Err(bad("cannot read the PDF (it is malformed)".into())),
    };
    if text.chars().filter(|c| c.is_alphanumeric()).count() == 0 {
        return Err(LoadError::NoTextLayer {
            path: path.to_path_buf(),
        });
    }
    Ok(tidy(&text))
}

/// Trims trailing spaces on each line and collapses runs of blank lines to one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out.push('\n');
    out
}
