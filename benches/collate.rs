//! How a collation grows with the number of statements: `collate/growth/N` collates N
//! statements of 8 KiB (N = 10, 20, 30, 50), computes the insights across them and writes the
//! JSON, as `parallax compare F1 … FN --analysis always --format json` does. The statements are
//! both texts of `make-bench-pair --kib 8 --seed S` for seeds 1 to N/2 (the workplace's
//! `shared/tools/make-bench-pair`: licence prose with deterministic edits), written under
//! Cargo's target tmp folder; without the tool or `python3` the bench is skipped with a
//! message. Note that the left text is the same for every seed: half of the statements are
//! copies of one text (compared once for all their pairs), the other half edits of it.
//! `collate/distinct/N` collates N statements that all differ: the right texts of seeds 1 to N,
//! each an edit of the same text (every pair compared in full).
//!
//! `cargo bench --bench collate` for the full run, `-- --quick` for a fast look. Growth closer
//! to linear than quadratic: 5× the statements (10 to 50) should cost well under 25×.

use std::hint::black_box;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use parallax::engine::{Options, collate};
use parallax::export;
use parallax::load::Document;

/// Numbers of statements collated.
const STATEMENTS: [usize; 4] = [10, 20, 30, 50];

/// Both texts of `make-bench-pair --kib 8 --seed seed`, or `None` (with a message) without
/// the tool.
fn statements_of_seed(seed: usize) -> Option<[Document; 2]> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/make-bench-pair");
    if !tool.is_file() {
        eprintln!("collate bench: {} not found, skipping", tool.display());
        return None;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bench-collate")
        .join(format!("8k-{seed}"));
    let status = Command::new("python3")
        .arg(&tool)
        .args(["--kib", "8", "--seed", &seed.to_string()])
        .arg(&dir)
        .status();
    if !matches!(status, Ok(s) if s.success()) {
        eprintln!("collate bench: make-bench-pair failed ({status:?}), skipping");
        return None;
    }
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path)
            .map(|text| Document::from_text(name, text))
            .map_err(|e| eprintln!("collate bench: {}: {e}, skipping", path.display()))
            .ok()
    };
    Some([read("left.txt")?, read("right.txt")?])
}

/// The collation of `documents`, its insights and its JSON export.
fn collate_and_export(documents: &[Document], options: &Options) {
    let texts: Vec<&str> = documents.iter().map(|d| d.text.as_str()).collect();
    let collation = collate(black_box(&texts), options);
    let insights = parallax::analysis::analyse_collation(
        &texts,
        &collation,
        parallax::engine::Equivalences::builtin_ref(),
        parallax::analysis::StrengthLexicon::builtin_ref(),
    );
    let borrowed: Vec<&Document> = documents.iter().collect();
    let report = export::collation::CollationReport {
        documents: &borrowed,
        collation: &collation,
        pivot: 0,
        provenance: export::Provenance {
            generated: std::time::SystemTime::UNIX_EPOCH,
        },
        insights: Some(&insights),
    };
    export::collation::write(&mut std::io::sink(), export::Format::Json, &report, false)
        .expect("export");
}

fn growth(c: &mut Criterion) {
    let largest = STATEMENTS.iter().max().copied().unwrap_or(0);
    let mut both: Vec<Document> = Vec::new();
    let mut distinct: Vec<Document> = Vec::new();
    for seed in 1..=largest {
        let Some([left, right]) = statements_of_seed(seed) else {
            return;
        };
        if seed <= largest / 2 {
            both.push(left);
            both.push(right.clone());
        }
        distinct.push(right);
    }
    for (name, documents) in [("collate/growth", &both), ("collate/distinct", &distinct)] {
        let mut group = c.benchmark_group(name);
        group
            .sample_size(10)
            .sampling_mode(SamplingMode::Flat)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
        for n in STATEMENTS {
            group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
                b.iter(|| collate_and_export(&documents[..n], &Options::default()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, growth);
criterion_main!(benches);
