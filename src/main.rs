//! Entry point: parse arguments, then run the headless CLI or open the window.

use std::process::ExitCode;

use clap::Parser;
use parallax::cli::{Cli, Command, run_compare};

fn main() -> ExitCode {
    parallax::load::install_quiet_panic_hook();
    parallax::crash::install_panic_hook();
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Compare(args)) => run_compare(args),
        None => open_window(&cli),
    }
}

#[cfg(feature = "gui")]
fn open_window(cli: &Cli) -> ExitCode {
    parallax::gui::run(
        cli.left.clone(),
        cli.right.clone(),
        cli.more.clone(),
        cli.theme.map(Into::into),
    )
}

#[cfg(not(feature = "gui"))]
fn open_window(_: &Cli) -> ExitCode {
    eprintln!(
        "parallax: built without the window (feature `gui`); use `parallax compare LEFT RIGHT`"
    );
    ExitCode::from(2)
}
