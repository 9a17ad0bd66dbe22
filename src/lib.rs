//! Parallax: compare two official statements sentence by sentence.
//!
//! - [`engine`]: the pure comparison (texts in, rows out);
//! - [`load`]: files to text;
//! - [`export`]: JSON and terminal renderings;
//! - [`cli`]: the command line;
//! - [`samples`]: the statements bundled into the binary;
//! - [`gui`]: the window.

pub mod cli;
pub mod engine;
pub mod export;
pub mod gui;
pub mod load;
pub mod samples;
