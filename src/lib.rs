//! Parallax: compare two official statements sentence by sentence.
//!
//! - [`engine`]: the pure comparison (texts in, rows out);
//! - [`analysis`]: what an analyst looks for (entities, shared phrases, wording strength);
//! - [`load`]: files to text;
//! - [`display`]: the display model every rendering draws (cells, marks, row lookups);
//! - [`export`]: text, JSON, HTML and Markdown reports, through one entry point;
//! - [`cli`]: the command line;
//! - [`samples`]: the statements bundled into the binary;
//! - [`sides`]: [`sides::Sides`], one of a thing per side of a comparison;
//! - [`notes`]: the analyst's notes and decisions on links, in a sidecar file;
//! - [`terms`]: the analyst's terms (equivalent terms and counterparts), as a plain text file;
//! - [`gui`]: the window.

pub mod analysis;
pub mod cli;
pub mod crash;
pub mod display;
pub mod engine;
pub mod export;
#[cfg(feature = "gui")]
pub mod gui;
pub mod load;
pub mod notes;
pub mod samples;
pub mod sides;
pub mod terms;
