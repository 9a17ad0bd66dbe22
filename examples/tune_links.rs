//! Compares two files with other thresholds for counterpart links and prints the JSON, for
//! choosing the thresholds on gold links leave-one-pair-out:
//!
//! ```sh
//! cargo build --release --example tune_links
//! ../shared/tools/align-score --tool "target/release/examples/tune_links {a} {b} 0.25 0.12"
//! ```
//!
//! Arguments: LEFT RIGHT [LINK [MUTUAL [EQUIVALENT [CONTAINED]]]] (the defaults of `engine::links`).

use std::path::Path;
use std::process::ExitCode;

use parallax::engine::{Equivalences, Options, compare_tuned, links::Params};
use parallax::export::json;
use parallax::load::load_file;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(left), Some(right)) = (args.first(), args.get(1)) else {
        eprintln!("usage: tune_links LEFT RIGHT [LINK [MUTUAL [EQUIVALENT [CONTAINED]]]]");
        return ExitCode::from(2);
    };
    let mut params = Params::default();
    let number = |i: usize, default: f32| {
        args.get(i)
            .and_then(|a| a.parse::<f32>().ok())
            .unwrap_or(default)
    };
    params.link = number(2, params.link);
    params.mutual = number(3, params.mutual);
    params.equivalent = number(4, params.equivalent);
    params.contained = f64::from(number(5, params.contained as f32));
    let (left, right) = match (load_file(Path::new(left)), load_file(Path::new(right))) {
        (Ok(l), Ok(r)) => (l, r),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let comparison = compare_tuned(
        &left.text,
        &right.text,
        &Options::default(),
        Equivalences::builtin_ref(),
        &params,
    );
    let mut out = std::io::stdout().lock();
    let report = parallax::export::Report {
        left: &left,
        right: &right,
        comparison: &comparison,
        notes: &[],
        analysis: None,
        provenance: parallax::export::Provenance {
            generated: std::time::SystemTime::now(),
        },
    };
    match json::write(&mut out, &report) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
