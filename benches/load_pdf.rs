//! Loading a 50-page PDF (tests/fixtures/pdf/bench-50-pages.pdf: official statements set by
//! fpdf2 with a running header and page numbers, written by tests/fixtures/pdf/make.py): the
//! parse, the glyph positions and the layout into paragraphs, as opening the file does.
//!
//! `cargo bench --bench load_pdf`; `-- --quick` for a fast look.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn load_pdf(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf/bench-50-pages.pdf");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("load_pdf bench: {} not found", path.display());
        return;
    };
    let mut group = c.benchmark_group("load_pdf");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("50-pages", |b| {
        b.iter(|| parallax::load::load_bytes(black_box(&path), black_box(&bytes)))
    });
    group.finish();
}

criterion_group!(benches, load_pdf);
criterion_main!(benches);
