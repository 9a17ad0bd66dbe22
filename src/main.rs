//! Entry point: parse arguments, then run the headless CLI or open the window.

use std::process::ExitCode;

use clap::Parser;
use parallax::cli::{Cli, Command, run_compare};

fn main() -> ExitCode {
    parallax::load::install_quiet_panic_hook();
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Compare(args)) => run_compare(args),
        None => parallax::gui::run(
            cli.left.clone(),
            cli.right.clone(),
            cli.theme.map(Into::into),
        ),
    }
}
