//! Times the comparison and the analysis of two files apart, in process (the CLI's
//! `--analysis always` against `never` also times loading and writing):
//! `cargo run --release --example analysis_timing -- LEFT RIGHT`.

use std::time::Instant;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(left), Some(right)) = (args.next(), args.next()) else {
        eprintln!("usage: analysis_timing LEFT RIGHT");
        std::process::exit(2);
    };
    let left = std::fs::read_to_string(left)?;
    let right = std::fs::read_to_string(right)?;
    let options = parallax::engine::Options::default();
    // The fastest of five runs of each: the least disturbed by other work on the machine.
    let mut best = (f64::MAX, f64::MAX);
    for _ in 0..5 {
        let started = Instant::now();
        let comparison = parallax::engine::compare(&left, &right, &options);
        let compared = started.elapsed();
        let started = Instant::now();
        let analysis = parallax::analysis::analyse_builtin(&left, &right, &comparison);
        let analysed = started.elapsed();
        println!(
            "compare {:.3} s, analysis {:.3} s ({:.2}x); {} brief lines, {} figures",
            compared.as_secs_f64(),
            analysed.as_secs_f64(),
            analysed.as_secs_f64() / compared.as_secs_f64(),
            analysis.brief.len(),
            analysis.figures_compared.figures.len()
        );
        best = (
            best.0.min(compared.as_secs_f64()),
            best.1.min(analysed.as_secs_f64()),
        );
    }
    println!(
        "fastest: compare {:.3} s, analysis {:.3} s ({:.2}x)",
        best.0,
        best.1,
        best.1 / best.0
    );
    Ok(())
}
