//! The integration test binary: one module per area.

mod cli;
mod engine;
#[cfg(feature = "gui")]
mod gui;
mod insights;
mod load;
