//! The integration test binary: one module per area.

mod cli;
mod collate;
mod common;
mod engine;
mod export;
#[cfg(feature = "gui")]
mod gui;
mod insights;
mod links;
mod load;
mod pipeline;
