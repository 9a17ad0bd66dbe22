//! The integration test binary: one module per area.

mod analysis;
mod cli;
mod cli_insights;
mod collate;
mod collate_brief;
mod collate_insights;
mod common;
mod decisions;
mod engine;
mod equivalences;
mod export;
#[cfg(feature = "gui")]
mod gui;
#[cfg(feature = "gui")]
mod gui_collation;
#[cfg(feature = "gui")]
mod gui_collation_insights;
#[cfg(feature = "gui")]
mod gui_decisions;
#[cfg(feature = "gui")]
mod gui_insights;
mod links;
mod load;
mod load_formats;
mod load_pdf;
mod pipeline;
