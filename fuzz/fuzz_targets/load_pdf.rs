//! The PDF loader on arbitrary bytes behind a PDF signature: never a panic that escapes,
//! never a crash, and text that comes back is non-empty. Seed it with the corpus:
//! `cargo fuzz run load_pdf ../tests/fixtures/pdf` (the loader's fixtures are valid PDFs
//! whose mutations reach the layout code, not only the parser).
#![no_main]

use std::path::Path;
use std::sync::Once;

use libfuzzer_sys::fuzz_target;

static QUIET: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    // Panics inside the PDF parser are caught and reported by the loader; only others are
    // findings (the hook keeps libFuzzer's for those).
    QUIET.call_once(parallax::load::install_quiet_panic_hook);
    let mut bytes = Vec::with_capacity(data.len() + 8);
    if !data.starts_with(b"%PDF-") {
        bytes.extend_from_slice(b"%PDF-1.7\n");
    }
    bytes.extend_from_slice(data);
    if let Ok(document) = parallax::load::load_bytes(Path::new("fuzz.pdf"), &bytes) {
        assert!(!document.text.trim().is_empty());
        assert_eq!(document.format, "pdf");
    }
});
