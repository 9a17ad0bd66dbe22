//! `compare` plus JSON export (into `std::io::sink()`) on the seed pair and on generated pairs
//! of 64, 256 and 1024 KiB a side.
//!
//! The large pairs come from the workplace's `shared/tools/make-bench-pair` (real licence prose
//! with deterministic edits), written under Cargo's target tmp folder. Without the tool or
//! `python3` those cases are skipped with a message; the seed pair always runs.
//!
//! `collate/6x64KiB` collates six documents of 64 KiB: the left text of `make-bench-pair` and
//! the right texts of seeds 1 to 5 (five different edits of it), and writes the collation's
//! JSON, as `parallax compare A B C D E F --format json` does.
//!
//! `cargo bench --bench compare` for the full run, `-- --quick` for a fast look.

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use parallax::engine::{Options, collate, compare};
use parallax::export;
use parallax::load::Document;

/// Sizes of the generated pairs, in KiB a side.
const SIZES: [usize; 3] = [64, 256, 1024];

/// Generates (or regenerates: same seed, same files) the pair of `kib` KiB.
fn generated_pair(kib: usize) -> Option<(Document, Document)> {
    generated_pair_seeded(kib, 1)
}

/// The pair of `kib` KiB made with `seed` (the left text is the same for every seed).
fn generated_pair_seeded(kib: usize, seed: u32) -> Option<(Document, Document)> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/make-bench-pair");
    if !tool.is_file() {
        eprintln!(
            "compare bench: {} not found, skipping the generated pairs",
            tool.display()
        );
        return None;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bench-pairs")
        .join(format!("{kib}k-{seed}"));
    let status = Command::new("python3")
        .arg(&tool)
        .args(["--kib", &kib.to_string(), "--seed", &seed.to_string()])
        .arg(&dir)
        .status();
    match status {
        Ok(s) if s.success() => {}
        other => {
            eprintln!("compare bench: make-bench-pair --kib {kib} failed ({other:?}), skipping");
            return None;
        }
    }
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path)
            .map(|text| Document::from_text(name, text))
            .map_err(|e| eprintln!("compare bench: {}: {e}, skipping", path.display()))
            .ok()
    };
    Some((read("left.txt")?, read("right.txt")?))
}

/// One comparison, its insights and its JSON export, as `parallax compare --format json
/// --analysis always` does them.
fn compare_and_export(left: &Document, right: &Document, options: &Options) {
    let comparison = compare(black_box(&left.text), black_box(&right.text), options);
    let analysis = parallax::analysis::analyse_builtin(&left.text, &right.text, &comparison);
    let report = export::Report {
        left,
        right,
        comparison: &comparison,
        notes: &[],
        terms: &[],
        analysis: Some(&analysis),
        provenance: export::Provenance {
            generated: std::time::SystemTime::UNIX_EPOCH,
        },
    };
    export::json::write(&mut std::io::sink(), &report).expect("export");
    black_box(comparison);
}

fn seed_pair(c: &mut Criterion) {
    let left = Document::from_text(
        "us-embassy-x-post.txt",
        include_str!("../samples/us-embassy-x-post.txt"),
    );
    let right = Document::from_text(
        "fo-joint-press-statement.txt",
        include_str!("../samples/fo-joint-press-statement.txt"),
    );
    let article = Document::from_text(
        "article-full.txt",
        include_str!("../samples/article-full.txt"),
    );
    let options = Options::default();
    let mut group = c.benchmark_group("seed");
    group.bench_function("embassy-vs-fo", |b| {
        b.iter(|| compare_and_export(&left, &right, &options))
    });
    group.bench_function("fo-vs-article", |b| {
        b.iter(|| compare_and_export(&right, &article, &options))
    });
    group.finish();
}

fn generated_pairs(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("generated");
    // Flat sampling: ten samples of equal length, which a 1 MiB pair fits in a short time.
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    for kib in SIZES {
        let Some((left, right)) = generated_pair(kib) else {
            continue;
        };
        group.throughput(Throughput::Bytes(
            (left.text.len() + right.text.len()) as u64,
        ));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{kib}KiB")),
            &kib,
            |b, _| b.iter(|| compare_and_export(&left, &right, &options)),
        );
    }
    group.finish();
}

fn collation(c: &mut Criterion) {
    let options = Options::default();
    let mut documents = Vec::new();
    for seed in 1..=5 {
        let Some((left, right)) = generated_pair_seeded(64, seed) else {
            return;
        };
        if documents.is_empty() {
            documents.push(left);
        }
        documents.push(right);
    }
    let mut group = c.benchmark_group("collate");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Bytes(
        documents.iter().map(|d| d.text.len() as u64).sum(),
    ));
    group.bench_function("6x64KiB", |b| {
        b.iter(|| {
            let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
            let collation = collate(black_box(&texts), &options);
            let borrowed: Vec<_> = documents.iter().collect();
            let report = export::collation::CollationReport {
                documents: &borrowed,
                collation: &collation,
                pivot: 0,
                provenance: export::Provenance {
                    generated: std::time::SystemTime::UNIX_EPOCH,
                },
                insights: None,
            };
            export::collation::write(&mut std::io::sink(), export::Format::Json, &report, false)
                .expect("export");
            black_box(collation);
        })
    });
    // The insights across the six documents alone, on a collation made once.
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let collated = collate(&texts, &options);
    group.bench_function("6x64KiB-insights", |b| {
        b.iter(|| {
            black_box(parallax::analysis::analyse_collation(
                black_box(&texts),
                &collated,
                parallax::engine::Equivalences::builtin_ref(),
                parallax::analysis::StrengthLexicon::builtin_ref(),
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, seed_pair, generated_pairs, collation);
criterion_main!(benches);
