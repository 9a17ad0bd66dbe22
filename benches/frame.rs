//! Frame time of the window: the app showing a generated 1 MiB pair, scrolled step by step in a
//! headless egui_kittest harness, next to the same for the small bundled pair. The cost of a
//! frame must not grow with document length (only rows in view are laid out).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use parallax::gui::ParallaxApp;

/// Writes a generated pair of `kib` KiB with ../shared/tools/make-bench-pair, if it is there.
fn bench_pair(kib: u32) -> Option<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tool = root.join("../shared/tools/make-bench-pair");
    if !tool.exists() {
        eprintln!(
            "frame bench: {} not found, skipping the {kib} KiB pair",
            tool.display()
        );
        return None;
    }
    let out = root.join(format!("target/bench-pairs/{kib}"));
    let left = out.join("left.txt");
    let right = out.join("right.txt");
    if !left.exists() || !right.exists() {
        let status = std::process::Command::new("python3")
            .arg(&tool)
            .args(["--kib", &kib.to_string()])
            .arg(&out)
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
    }
    Some((left, right))
}

fn harness(paths: Option<(PathBuf, PathBuf)>) -> Harness<'static, ParallaxApp> {
    let (left, right) = paths.map_or((None, None), |(l, r)| (Some(l), Some(r)));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 820.0))
        .build_eframe(move |cc| ParallaxApp::new(cc, left, right));
    let started = Instant::now();
    harness.step();
    while harness.state().is_busy() && started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
    harness.run_steps(5);
    if std::env::var_os("NO_INSIGHTS").is_some() {
        harness
            .state_mut()
            .push(parallax::gui::Command::ToggleInsights);
        harness.run_steps(2);
    }
    harness
}

/// Scrolls by 40 points per frame from the middle of the document, wrapping at the end.
fn scroll_frames(c: &mut Criterion, name: &str, mut harness: Harness<'static, ParallaxApp>) {
    let total = harness.state().content_height();
    let mut y = total / 2.0;
    c.bench_function(name, |b| {
        b.iter(|| {
            y += 40.0;
            if y > total - 800.0 {
                y = (total / 2.0).min((total - 800.0).max(0.0));
            }
            harness.state_mut().scroll_to_offset(y);
            harness.step();
        });
    });
}

fn frames(c: &mut Criterion) {
    scroll_frames(c, "frame/small pair (bundled samples)", harness(None));
    // The same kind of text at two lengths: equal cost per frame means no growth with length.
    for kib in [64, 1024] {
        if let Some(pair) = bench_pair(kib) {
            scroll_frames(
                c,
                &format!("frame/{kib} KiB pair, scrolling"),
                harness(Some(pair)),
            );
        }
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(5));
    targets = frames
}
criterion_main!(benches);
