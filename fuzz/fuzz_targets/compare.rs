//! Two arbitrary texts (the input split in half, after one byte of options) through the whole
//! pipeline: comparison, analysis, every exporter.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "pipeline.rs"]
mod pipeline;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let split = text
        .char_indices()
        .map(|(i, _)| i)
        .nth(text.chars().count() / 2)
        .unwrap_or(0);
    let (left, right) = text.split_at(split);
    pipeline::check(left, right, &pipeline::options(flags));
});
