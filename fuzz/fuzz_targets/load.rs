//! Loaders on arbitrary bytes: any file name hint, never a panic, and text that comes back is
//! non-empty.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&hint, bytes)) = data.split_first() else {
        return;
    };
    let name = [
        "statement.txt",
        "page.html",
        "letter.docx",
        "scan.pdf",
        "notes.md",
    ][hint as usize % 5];
    if let Ok(document) = parallax::load::load_bytes(Path::new(name), bytes) {
        assert!(!document.text.trim().is_empty());
    }
});
