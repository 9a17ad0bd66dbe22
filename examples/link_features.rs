//! Prints the sentences of two files and every pair the link model decides on, with its
//! features, as JSON: what `examples/fit_links.py` fits the model on.
//!
//! ```sh
//! cargo build --release --example link_features
//! target/release/examples/link_features LEFT RIGHT
//! ```

use std::path::Path;
use std::process::ExitCode;

use parallax::engine::{Equivalences, Options, link_features, links::FEATURES};
use parallax::load::load_file;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(left), Some(right)) = (args.first(), args.get(1)) else {
        eprintln!("usage: link_features LEFT RIGHT");
        return ExitCode::from(2);
    };
    let (left, right) = match (load_file(Path::new(left)), load_file(Path::new(right))) {
        (Ok(l), Ok(r)) => (l, r),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let (left_spans, right_spans, pairs) = link_features(
        &left.text,
        &right.text,
        &Options::default(),
        Equivalences::builtin_ref(),
    );
    let spans = |spans: &[parallax::engine::Span]| -> Vec<serde_json::Value> {
        spans
            .iter()
            .map(|s| serde_json::json!({"start": s.start, "end": s.end}))
            .collect()
    };
    let pairs: Vec<serde_json::Value> = pairs
        .iter()
        .map(|p| {
            serde_json::json!({
                "left": p.left,
                "right": p.right,
                "score": p.score,
                "features": p.features.to_vec(),
            })
        })
        .collect();
    let out = serde_json::json!({
        "features": FEATURES,
        "left": spans(&left_spans),
        "right": spans(&right_spans),
        "pairs": pairs,
    });
    println!("{out}");
    ExitCode::SUCCESS
}
