//! What the window keeps between runs (eframe's storage): the view, the look, the pace of
//! the work. Never a key: keys live in the keyring.

use serde::{Deserialize, Serialize};

use crate::i18n::{self, Lang};
use crate::jobs::messages;
use crate::jobs::refresh::Notifications;
use crate::t;

pub use crate::{APP_ID, APP_NAME};

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

    pub fn title(self) -> String {
        match self {
            View::Keys => crate::t!("window-view-keys"),
            View::LookUp => crate::t!("window-view-lookup"),
            View::Invite => crate::t!("window-view-invite"),
            View::Bulk => crate::t!("window-view-bulk"),
            View::Applicants => crate::t!("window-view-applicants"),
            View::Openings => crate::t!("window-view-openings"),
            View::Settings => crate::t!("window-view-settings"),
        }
    }
}

/// The longest message template kept, in bytes.
const MAX_TEMPLATE: usize = 8_000;

/// The persisted settings, one serde struct; anything missing takes its default.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    pub view: View,
    /// The language chosen in Settings; `None` follows the system. `--lang` outranks it.
    pub language: Option<Lang>,
    pub theme: egui::ThemePreference,
    /// Openings typed in Invite before, offered again.
    pub openings_used: Vec<String>,
    pub timeout_secs: u64,
    pub concurrency: usize,
    /// Between two background checks of the applicants not yet scored; 0: only by hand.
    pub check_every_minutes: u32,
    /// A desktop notification when a background check finds a candidate moved.
    pub notify: bool,
    /// Only when candidates finish (scored), not when they start.
    pub notify_only_finished: bool,
    /// An invited candidate who has not started after this many days is listed as stale.
    pub stale_after_days: u32,
    /// The message the recruiter sends after inviting, with placeholders; empty: the
    /// default in the language in use ([`Persisted::invitation`]).
    pub invitation_template: String,
    /// The reminder to a candidate who has not started; empty: the default.
    pub reminder_template: String,
    /// Empty: the platform's data directory.
    pub data_dir: String,
    pub zoom: f32,
}

impl Default for Persisted {
    fn default() -> Self {
        Persisted {
            view: View::LookUp,
            language: None,
            theme: egui::ThemePreference::System,
            openings_used: Vec::new(),
            timeout_secs: 30,
            concurrency: 8,
            check_every_minutes: 10,
            notify: true,
            notify_only_finished: false,
            stale_after_days: 3,
            invitation_template: String::new(),
            reminder_template: String::new(),
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
        self.check_every_minutes = self.check_every_minutes.min(240);
        self.stale_after_days = self.stale_after_days.clamp(1, 90);
        // A default saved as text (before the language could change) is the default again,
        // so that it follows the language.
        if Lang::ALL
            .into_iter()
            .any(|l| self.invitation_template == messages::default_invitation_in(l))
        {
            self.invitation_template.clear();
        }
        if Lang::ALL
            .into_iter()
            .any(|l| self.reminder_template == messages::default_reminder_in(l))
        {
            self.reminder_template.clear();
        }
        for template in [&mut self.invitation_template, &mut self.reminder_template] {
            if template.len() > MAX_TEMPLATE {
                let mut end = MAX_TEMPLATE;
                while !template.is_char_boundary(end) {
                    end -= 1;
                }
                template.truncate(end);
            }
        }
        self.zoom = if self.zoom.is_finite() {
            self.zoom.clamp(0.75, 2.0)
        } else {
            1.0
        };
        self.openings_used.truncate(20);
        self
    }

    /// The invitation template: the recruiter's, or the default in the language in use.
    pub fn invitation(&self) -> String {
        if self.invitation_template.is_empty() {
            messages::default_invitation()
        } else {
            self.invitation_template.clone()
        }
    }

    /// The reminder template: the recruiter's, or the default in the language in use.
    pub fn reminder(&self) -> String {
        if self.reminder_template.is_empty() {
            messages::default_reminder()
        } else {
            self.reminder_template.clone()
        }
    }

    /// The language the window starts in when `--lang` did not choose: the one chosen in
    /// Settings, else the system's.
    pub fn start_language(&self) -> Lang {
        self.language.unwrap_or_else(Lang::from_system)
    }

    /// The request timeout.
    pub fn timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.timeout_secs.clamp(5, 300))
    }

    /// Between two automatic refreshes, if they are on.
    pub fn check_every(&self) -> Option<std::time::Duration> {
        (self.check_every_minutes > 0)
            .then(|| std::time::Duration::from_secs(u64::from(self.check_every_minutes) * 60))
    }

    /// What a background check tells the desktop.
    pub fn notifications(&self) -> Notifications {
        Notifications {
            enabled: self.notify,
            only_finished: self.notify_only_finished,
        }
    }

    /// The same settings restored to their defaults, but for where the recruiter is, the
    /// language, the openings remembered and the messages they wrote.
    pub fn restored(&self) -> Persisted {
        Persisted {
            view: self.view,
            language: self.language,
            openings_used: self.openings_used.clone(),
            invitation_template: self.invitation_template.clone(),
            reminder_template: self.reminder_template.clone(),
            ..Persisted::default()
        }
    }
}

pub fn theme_name(pref: egui::ThemePreference) -> String {
    match pref {
        egui::ThemePreference::System => t!("settings-theme-system"),
        egui::ThemePreference::Light => t!("settings-theme-light"),
        egui::ThemePreference::Dark => t!("settings-theme-dark"),
    }
}

/// A language choice as the Settings menu names it: "Same as the system (Français)",
/// "English", "Français".
pub fn language_name(choice: Option<Lang>) -> String {
    match choice {
        None => t!("language-system", language = Lang::from_system().own_name()),
        Some(lang) => lang.own_name().to_owned(),
    }
}

/// Speaks the language chosen: the one named, or the system's.
pub fn apply_language(choice: Option<Lang>) {
    i18n::set(choice.unwrap_or_else(Lang::from_system));
}
