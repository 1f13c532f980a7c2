//! What the window keeps between runs (eframe's storage): the view, the look, the pace of
//! the work. Never a key: keys live in the keyring.

use serde::{Deserialize, Serialize};

/// The window title, and the name eframe stores the persisted state under.
pub const APP_NAME: &str = "RickRut Dashboard";
/// Matches the `.desktop` file name, as Wayland requires.
pub const APP_ID: &str = "rickrut-dashboard";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    Keys,
    #[default]
    LookUp,
    Invite,
    Bulk,
    Applicants,
    Openings,
    Settings,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Keys,
        View::LookUp,
        View::Invite,
        View::Bulk,
        View::Applicants,
        View::Openings,
        View::Settings,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Keys => "Keys",
            View::LookUp => "Look up",
            View::Invite => "Invite",
            View::Bulk => "Bulk invite",
            View::Applicants => "Applicants",
            View::Openings => "Openings",
            View::Settings => "Settings",
        }
    }
}

/// The persisted settings, one serde struct; anything missing takes its default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    pub view: View,
    pub theme: egui::ThemePreference,
    /// Openings typed in Invite before, offered again.
    pub openings_used: Vec<String>,
    pub timeout_secs: u64,
    pub concurrency: usize,
    pub auto_refresh_minutes: u32,
    /// Empty: the platform's data directory.
    pub data_dir: String,
    pub zoom: f32,
}

impl Default for Persisted {
    fn default() -> Self {
        Persisted {
            view: View::LookUp,
            theme: egui::ThemePreference::System,
            openings_used: Vec::new(),
            timeout_secs: 30,
            concurrency: 8,
            auto_refresh_minutes: 0,
            data_dir: String::new(),
            zoom: 1.0,
        }
    }
}

impl Persisted {
    /// The settings held to what the app accepts (a stored file may hold anything).
    pub fn clamped(mut self) -> Persisted {
        self.timeout_secs = self.timeout_secs.clamp(5, 300);
        self.concurrency = self.concurrency.clamp(1, 64);
        self.auto_refresh_minutes = self.auto_refresh_minutes.min(240);
        self.zoom = if self.zoom.is_finite() {
            self.zoom.clamp(0.75, 2.0)
        } else {
            1.0
        };
        self.openings_used.truncate(20);
        self
    }

    /// The request timeout.
    pub fn timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.timeout_secs.clamp(5, 300))
    }

    /// Between two automatic refreshes, if they are on.
    pub fn auto_refresh(&self) -> Option<std::time::Duration> {
        (self.auto_refresh_minutes > 0)
            .then(|| std::time::Duration::from_secs(u64::from(self.auto_refresh_minutes) * 60))
    }

    /// The same settings restored to their defaults, but for where the recruiter is and the
    /// openings remembered.
    pub fn restored(&self) -> Persisted {
        Persisted {
            view: self.view,
            openings_used: self.openings_used.clone(),
            ..Persisted::default()
        }
    }
}

pub fn theme_name(pref: egui::ThemePreference) -> &'static str {
    match pref {
        egui::ThemePreference::System => "System theme",
        egui::ThemePreference::Light => "Light",
        egui::ThemePreference::Dark => "Dark",
    }
}
