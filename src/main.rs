//! Entry point: parse arguments, then run the headless CLI or open the window.

use std::process::ExitCode;

use clap::Parser;
use parallax::cli::{Cli, Command, run_compare};

fn main() -> ExitCode {
    parallax::load::install_quiet_panic_hook();
    parallax::crash::install_panic_hook();
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Compare(args)) => {
            // Headless runs only: a window allocates and frees large buffers every frame
            // (meshes, textures), which this setting would map and unmap each time, and its
            // frame time is not measured with it.
            tune_allocator();
            run_compare(args)
        }
        None => open_window(&cli),
    }
}

/// Buffers of 128 KiB and more get pages of their own from glibc's allocator, given back when
/// they are freed (issue 21). By default the threshold rises to the size of each such buffer
/// freed (up to 32 MiB), and from then on the large buffers of the later stages (the
/// comparison's, then the insights', each freed when its stage is done) are carved out of the
/// heap, where what one stage frees is kept and rarely fits what the next one asks: on the
/// 1 MiB pair the peak RSS was 9 MB above this setting's, and the run slower (realloc of a
/// mapped buffer moves no bytes).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    // SAFETY: mallopt only changes the allocator's settings; called in main before any other
    // thread is started.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

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
