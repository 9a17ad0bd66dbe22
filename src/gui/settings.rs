//! What the window keeps between runs (eframe persistence): options, theme, zoom, recent
//! files, auto-reload, whether the insights panel shows.

use std::path::PathBuf;

use egui::ThemePreference;
use serde::{Deserialize, Serialize};

use crate::engine::Options;

/// Settings kept between runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Comparison options.
    pub options: Options,
    /// Light, dark or following the system.
    pub theme: ThemePreference,
    /// Zoom factor (Ctrl + / Ctrl - / Ctrl 0).
    pub zoom: f32,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// Reload files that change on disk without asking.
    pub auto_reload: bool,
    /// Show the insights panel (named entities, shared phrases, wording strength).
    pub show_insights: bool,
    /// The analyst's own equivalent terms and counterparts, applied to every comparison.
    pub terms: crate::terms::Terms,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            options: Options::default(),
            theme: ThemePreference::System,
            zoom: 1.0,
            recent: Vec::new(),
            auto_reload: false,
            show_insights: true,
            terms: crate::terms::Terms::default(),
        }
    }
}

/// How many recent files are remembered.
const RECENT_MAX: usize = 10;

impl Settings {
    /// Puts `path` (already canonical) first in the recent files.
    pub fn remember(&mut self, path: PathBuf) {
        self.recent.retain(|p| p != &path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_MAX);
    }
}
