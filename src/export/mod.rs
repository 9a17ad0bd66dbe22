//! Exporters: render a comparison (and its two documents) as JSON or terminal text.

pub mod json;
pub mod text;
