//! Statements built from sentence-like pieces (tests/fixtures/tricky-pieces.json: quotes of
//! every kind, abbreviations, initials, possessives, numbers, headings, RTL and CJK text,
//! combining marks, emoji, zero-width characters, CR/LF mixes): each input byte picks a piece
//! or what joins pieces, a 0xFF byte starts the right text; then the whole pipeline.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

#[path = "pipeline.rs"]
mod pipeline;

fn table() -> &'static (Vec<String>, Vec<String>) {
    static TABLE: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let value: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/tricky-pieces.json"))
                .expect("tricky-pieces.json");
        let list = |key: &str| -> Vec<String> {
            value[key]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        (list("pieces"), list("glue"))
    })
}

fn build(bytes: &[u8]) -> String {
    let (pieces, glue) = table();
    let mut out = String::new();
    for &b in bytes {
        // Even bytes choose a piece, odd bytes what joins it to the next.
        if b % 2 == 0 {
            out.push_str(&pieces[usize::from(b / 2) % pieces.len()]);
        } else {
            out.push_str(&glue[usize::from(b / 2) % glue.len()]);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let at = rest
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(rest.len() / 2);
    let (left, right) = rest.split_at(at);
    let right = right.get(1..).unwrap_or(&[]);
    pipeline::check(&build(left), &build(right), &pipeline::options(flags));
});
