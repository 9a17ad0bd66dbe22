//! Frame time of the window: the app showing a generated 1 MiB pair, scrolled step by step,
//! next to the same for the small bundled pair; and the collation view of three small
//! statements next to six generated ones of 64 KiB. The cost of a frame must not grow with
//! document length (only rows in view are laid out).
//!
//! A frame here is what eframe does on the CPU for one repaint: the app's `logic` and `ui`
//! passes, then tessellation of the shapes into meshes (only the GPU upload and draw are left
//! out). The context runs headless, as egui_kittest's harness does, without AccessKit, as a
//! desktop session without a screen reader does; `ACCESSKIT=1` turns it on (the harness's
//! setting: each text cell then also builds its accessibility node). `NO_INSIGHTS=1` hides
//! the insights panel.
//!
//! Three figures per pair size:
//! - `scrolling`: 40 points per frame from the middle onwards, wrapping back at the end; in
//!   the long pairs about one new row comes into view every other frame and is laid out;
//! - `scrolling over laid-out rows`: the same steps within 4000 points, so after the first
//!   pass every row in view is cached (the cost of a frame that lays out nothing);
//! - the small pair fits in the window, so its frames never lay out a new row.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;
use egui::{Context, RawInput, Rect, pos2, vec2};
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

/// The app in a headless egui context, stepped one frame at a time.
struct Window {
    ctx: Context,
    app: ParallaxApp,
    frame: eframe::Frame,
    input: RawInput,
}

impl Window {
    fn open(paths: Option<(PathBuf, PathBuf)>) -> Self {
        Self::open_with(paths, Vec::new())
    }

    /// The window collating `statements` (none: the two-text view of `paths`).
    fn open_with(paths: Option<(PathBuf, PathBuf)>, statements: Vec<PathBuf>) -> Self {
        let ctx = Context::default();
        ctx.set_theme(egui::Theme::Dark);
        ctx.all_styles_mut(|style| {
            style.scroll_animation = egui::style::ScrollAnimation::none();
            style.animation_time = 0.0;
        });
        if std::env::var_os("ACCESSKIT").is_some() {
            ctx.enable_accesskit();
        }
        let (left, right) = paths.map_or((None, None), |(l, r)| (Some(l), Some(r)));
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let mut app = ParallaxApp::new(&cc, left, right);
        if !statements.is_empty() {
            app.push(parallax::gui::commands::StatementsCommand::Add(statements));
        }
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1280.0, 820.0))),
            ..Default::default()
        };
        let mut window = Self {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            input,
        };
        let started = Instant::now();
        window.step();
        while window.app.is_busy() && started.elapsed() < Duration::from_secs(120) {
            std::thread::sleep(Duration::from_millis(10));
            window.step();
        }
        for _ in 0..5 {
            window.step();
        }
        if std::env::var_os("NO_INSIGHTS").is_some() {
            window
                .app
                .push(parallax::gui::commands::AppCommand::ToggleInsights);
            window.step();
            window.step();
        }
        window
    }

    /// One frame: input, the app's passes, tessellation.
    fn step(&mut self) -> usize {
        self.input.time = Some(self.input.time.unwrap_or(0.0) + 1.0 / 60.0);
        let Self {
            ctx, app, frame, ..
        } = self;
        let output = ctx.run_ui(self.input.clone(), |ui| {
            app.logic(ui, frame);
            app.ui(ui, frame);
        });
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives.len()
    }
}

/// Scrolls by 40 points per frame from the middle of the document, wrapping back after `span`
/// points or at the end.
fn scroll_frames(c: &mut Criterion, name: &str, window: &mut Window, span: f32) {
    let total = window.app.content_height();
    let start = (total / 2.0).min((total - 800.0).max(0.0));
    let mut y = start;
    c.bench_function(name, |b| {
        b.iter(|| {
            y += 40.0;
            if y > total - 800.0 || y > start + span {
                y = start;
            }
            window.app.scroll_to_offset(y);
            window.step()
        });
    });
}

/// Six generated statements of `kib` KiB: make-bench-pair's left text and its right texts for
/// seeds 1 to 5.
fn bench_statements(kib: u32) -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tool = root.join("../shared/tools/make-bench-pair");
    let mut files = Vec::new();
    for seed in 1..=5 {
        let out = root.join(format!("target/bench-pairs/{kib}k-{seed}"));
        let (left, right) = (out.join("left.txt"), out.join("right.txt"));
        if !left.exists() || !right.exists() {
            let status = std::process::Command::new("python3")
                .arg(&tool)
                .args(["--kib", &kib.to_string(), "--seed", &seed.to_string()])
                .arg(&out)
                .status()
                .ok()?;
            if !status.success() {
                return None;
            }
        }
        if seed == 1 {
            files.push(left);
        }
        files.push(right);
    }
    Some(files)
}

fn frames(c: &mut Criterion) {
    // The collation view: three small statements, then six of 64 KiB.
    let seed: Vec<PathBuf> = [
        "us-embassy-x-post.txt",
        "fo-joint-press-statement.txt",
        "pakistan-mofa-post-call-on-dar.txt",
    ]
    .iter()
    .map(|name| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(name)
    })
    .collect();
    let mut small = Window::open_with(None, seed);
    scroll_frames(
        c,
        "frame/collation, 3 small statements",
        &mut small,
        f32::MAX,
    );
    if let Some(statements) = bench_statements(64) {
        let mut large = Window::open_with(None, statements);
        scroll_frames(
            c,
            "frame/collation, 6 x 64 KiB, scrolling",
            &mut large,
            f32::MAX,
        );
        scroll_frames(
            c,
            "frame/collation, 6 x 64 KiB, scrolling over laid-out rows",
            &mut large,
            4000.0,
        );
    }

    let mut small = Window::open(None);
    scroll_frames(
        c,
        "frame/small pair (bundled samples)",
        &mut small,
        f32::MAX,
    );
    // The same kind of text at two lengths: equal cost per frame means no growth with length.
    for kib in [64, 1024] {
        if let Some(pair) = bench_pair(kib) {
            let mut window = Window::open(Some(pair));
            scroll_frames(
                c,
                &format!("frame/{kib} KiB pair, scrolling"),
                &mut window,
                f32::MAX,
            );
            scroll_frames(
                c,
                &format!("frame/{kib} KiB pair, scrolling over laid-out rows"),
                &mut window,
                4000.0,
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
