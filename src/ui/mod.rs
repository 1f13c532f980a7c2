//! The egui views, one file per view, and the app that wires them: it reads state, and views
//! send intents (`Command`) that one place applies once per frame.

mod applicants_view;
mod bulk_view;
mod invite_view;
mod keys_view;
mod lookup_view;
mod painted_table;
mod settings_view;
pub mod shortcuts;
pub mod theme;
pub mod widgets;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use egui::{RichText, Ui};
use serde::{Deserialize, Serialize};
use tokio::runtime::Handle;

use crate::api::ApplicantResponse;
use crate::api::{self, Client, ClientOptions};
use crate::jobs::{self, Task};
use crate::keys::{
    self, KeyStoreError, Profile, ProfileBook, SecretStore, SecretString, SessionStore,
};
use crate::sandbox::{Sandbox, SandboxConfig, Seed};
use crate::store::{InviteOutcome, StoreHandle};

pub use applicants_view::{ApplicantsView, SortKey, visible_rows};
pub use bulk_view::BulkView;
pub use invite_view::InviteView;
pub use keys_view::KeysView;
pub use lookup_view::LookupView;

/// The window title, and the name eframe stores the persisted state under.
pub const APP_NAME: &str = "RickRut Dashboard";
/// Matches the `.desktop` file name, as Wayland requires.
pub const APP_ID: &str = "rickrut-dashboard";

/// How long a keyring call may take before the user is told it hangs.
const KEYRING_TIMEOUT: Duration = Duration::from_secs(10);

/// An invite that got an answer, for the invite log.
pub struct FinishedInvite {
    pub email: String,
    pub opening: String,
    pub outcome: InviteOutcome,
    pub created: Option<ApplicantResponse>,
}

/// The name of the profile `--demo` and "Try the demo" create; it is never saved.
pub const DEMO_PROFILE: &str = "Demo";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    Keys,
    #[default]
    LookUp,
    Invite,
    Bulk,
    Applicants,
    Settings,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Keys,
        View::LookUp,
        View::Invite,
        View::Bulk,
        View::Applicants,
        View::Settings,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Keys => "Keys",
            View::LookUp => "Look up",
            View::Invite => "Invite",
            View::Bulk => "Bulk invite",
            View::Applicants => "Applicants",
            View::Settings => "Settings",
        }
    }
}

/// What is kept between runs in eframe's storage. Never a key: the key lives in the keyring.
#[derive(Clone, Debug, Serialize, Deserialize)]
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

/// Where the window's key store comes from.
pub enum KeyStoreChoice {
    /// The OS keyring, opened in the background at start.
    OsKeyring,
    /// A store given by the caller (tests use a session store).
    Given(Arc<dyn SecretStore>),
}

/// The demo's sandbox and the session-only key that goes with it.
pub struct Demo {
    pub sandbox: Sandbox,
}

/// Everything the app needs from `main`.
pub struct AppConfig {
    pub runtime: Handle,
    pub key_store: KeyStoreChoice,
    pub profiles: ProfileBook,
    /// Where profile metadata is saved; `None` keeps it in memory (tests, demo).
    pub profiles_path: Option<PathBuf>,
    pub persisted: Persisted,
    /// A demo already started by `--demo`.
    pub demo: Option<Demo>,
    pub client_options: ClientOptions,
    /// The local record of tracked applicants; `None` when it could not be opened.
    pub store: Option<StoreHandle>,
    /// Where things live, for the About window.
    pub paths: AppPaths,
}

/// Where the app keeps things on this computer (never a key).
#[derive(Clone, Debug, Default)]
pub struct AppPaths {
    pub profiles: Option<PathBuf>,
    pub database: Option<PathBuf>,
    pub logs: Option<PathBuf>,
}

/// The profile in use, with a client that holds its key.
#[derive(Clone)]
pub struct Connection {
    pub profile: Profile,
    pub client: Client,
    pub key: SecretString,
    pub session_only: bool,
}

impl Connection {
    pub fn host(&self) -> String {
        self.client
            .base_url()
            .host_str()
            .map_or_else(String::new, |h| match self.client.base_url().port() {
                Some(port) => format!("{h}:{port}"),
                None => h.to_owned(),
            })
    }

    /// Scheme and host, which the API's file paths (`/cvs/...`) are relative to.
    pub fn site(&self) -> String {
        let url = self.client.base_url();
        let mut site = format!("{}://{}", url.scheme(), url.host_str().unwrap_or_default());
        if let Some(port) = url.port() {
            site.push_str(&format!(":{port}"));
        }
        site
    }
}

/// Intents the views send; applied once per frame in `apply_commands`.
pub enum Command {
    ShowView(View),
    /// Switch to this profile (loads its key in the background).
    Activate(String),
    /// A profile and key were saved: remember the profile and use it.
    ProfileSaved {
        profile: Profile,
        session_only: bool,
    },
    ProfileDeleted(String),
    OpenInLookUp(u64),
    RememberOpening(String),
    StartDemo,
}

/// A short message at the bottom of the window.
struct Notice {
    text: String,
    is_error: bool,
}

pub struct DashboardApp {
    runtime: Handle,
    persisted: Persisted,
    client_options: ClientOptions,
    profiles: ProfileBook,
    profiles_path: Option<PathBuf>,
    /// The OS keyring (or the store a test gave); `None` until opened or when unavailable.
    key_store: Option<Arc<dyn SecretStore>>,
    /// Why the OS keyring cannot be used, in words.
    key_store_problem: Option<String>,
    opening_key_store: Option<Task<Result<Arc<dyn SecretStore>, KeyStoreError>>>,
    want_os_keyring: bool,
    /// Keys kept for this session only: the demo's, and any the user chose not to store.
    session: Arc<SessionStore>,
    session_profiles: HashSet<String>,
    connection: Option<Connection>,
    connecting: Option<(String, Task<Result<Connection, String>>)>,
    saving_profiles: Option<Task<Result<(), String>>>,
    demo: Option<Demo>,
    demo_starting: Option<Task<Result<Sandbox, String>>>,
    commands: Vec<Command>,
    notice: Option<Notice>,
    pub keys_view: KeysView,
    pub lookup_view: LookupView,
    pub invite_view: InviteView,
    pub applicants_view: ApplicantsView,
    pub bulk_view: BulkView,
    store: Option<StoreHandle>,
    store_writes: Vec<Task<Result<(), String>>>,
    paths: AppPaths,
    show_help: bool,
    show_about: bool,
    /// Frame times, kept only when `RICKRUT_FRAME_STATS` names a file (for benchmarks).
    frame_stats: Option<FrameStats>,
}

/// Frame times as eframe reports them (`ui` plus rendering, per frame), written as JSON to
/// the file `RICKRUT_FRAME_STATS` names when the window closes. "Busy" frames are those
/// drawn while a request or a refresh was in flight.
#[derive(Debug, Default)]
struct FrameStats {
    path: PathBuf,
    frames: u64,
    max: f32,
    over_50ms: u64,
    busy_frames: u64,
    busy_max: f32,
    busy_over_50ms: u64,
}

impl FrameStats {
    fn from_env() -> Option<FrameStats> {
        let path = std::env::var_os("RICKRUT_FRAME_STATS")?;
        Some(FrameStats {
            path: PathBuf::from(path),
            ..FrameStats::default()
        })
    }

    fn record(&mut self, seconds: f32, busy: bool) {
        self.frames += 1;
        self.max = self.max.max(seconds);
        self.over_50ms += u64::from(seconds > 0.05);
        if busy {
            self.busy_frames += 1;
            self.busy_max = self.busy_max.max(seconds);
            self.busy_over_50ms += u64::from(seconds > 0.05);
        }
    }

    fn write(&self) {
        let json = serde_json::json!({
            "frames": self.frames,
            "max_ms": f64::from(self.max) * 1000.0,
            "over_50ms": self.over_50ms,
            "busy_frames": self.busy_frames,
            "busy_max_ms": f64::from(self.busy_max) * 1000.0,
            "busy_over_50ms": self.busy_over_50ms,
        });
        if let Err(e) = std::fs::write(&self.path, json.to_string()) {
            tracing::warn!("could not write the frame statistics: {e}");
        }
    }
}

impl DashboardApp {
    pub fn new(config: AppConfig) -> DashboardApp {
        let mut app = DashboardApp {
            runtime: config.runtime,
            persisted: config.persisted,
            client_options: config.client_options,
            profiles: config.profiles,
            profiles_path: config.profiles_path,
            key_store: None,
            key_store_problem: None,
            opening_key_store: None,
            want_os_keyring: false,
            session: Arc::new(SessionStore::new()),
            session_profiles: HashSet::new(),
            connection: None,
            connecting: None,
            saving_profiles: None,
            demo: None,
            demo_starting: None,
            commands: Vec::new(),
            notice: None,
            keys_view: KeysView::default(),
            lookup_view: LookupView::default(),
            invite_view: InviteView::default(),
            applicants_view: ApplicantsView::default(),
            bulk_view: BulkView::default(),
            store: config.store,
            store_writes: Vec::new(),
            paths: config.paths,
            show_help: false,
            show_about: false,
            frame_stats: FrameStats::from_env(),
        };
        app.apply_work_settings();
        app.client_options.timeout = Duration::from_secs(app.persisted.timeout_secs.clamp(5, 300));
        match config.key_store {
            KeyStoreChoice::Given(store) => app.key_store = Some(store),
            KeyStoreChoice::OsKeyring => app.want_os_keyring = true,
        }
        if let Some(demo) = config.demo {
            app.install_demo(demo);
        } else if let Some(active) = app.profiles.active.clone() {
            app.commands.push(Command::Activate(active));
        }
        app
    }

    fn install_demo(&mut self, demo: Demo) {
        let profile = Profile {
            name: DEMO_PROFILE.to_owned(),
            base_url: demo.sandbox.base_url(),
        };
        let key = SecretString::from(demo.sandbox.api_key().to_owned());
        if let Err(e) = self.session.set(DEMO_PROFILE, &key) {
            self.notify_error(e.to_string());
        }
        self.session_profiles.insert(DEMO_PROFILE.to_owned());
        // The demo profile lives in memory only: its port changes every run.
        self.profiles.profiles.retain(|p| p.name != DEMO_PROFILE);
        self.profiles.profiles.push(profile);
        self.demo = Some(demo);
        self.commands
            .push(Command::Activate(DEMO_PROFILE.to_owned()));
    }

    pub fn persisted(&self) -> &Persisted {
        &self.persisted
    }

    pub fn connection(&self) -> Option<&Connection> {
        self.connection.as_ref()
    }

    pub fn profiles(&self) -> &ProfileBook {
        &self.profiles
    }

    pub fn is_session_only(&self, profile: &str) -> bool {
        self.session_profiles.contains(profile)
    }

    pub fn key_store_problem(&self) -> Option<&str> {
        self.key_store_problem.as_deref()
    }

    pub fn key_store(&self) -> Option<Arc<dyn SecretStore>> {
        self.key_store.clone()
    }

    pub fn session_store(&self) -> Arc<SessionStore> {
        self.session.clone()
    }

    pub fn runtime(&self) -> &Handle {
        &self.runtime
    }

    pub fn client_options(&self) -> &ClientOptions {
        &self.client_options
    }

    /// Requests in flight across the views, for the status bar.
    pub fn requests_in_flight(&self) -> usize {
        self.lookup_view.in_flight()
            + self.invite_view.in_flight()
            + self.keys_view.in_flight()
            + self.applicants_view.in_flight()
            + self.bulk_view.in_flight()
            + usize::from(self.connecting.is_some())
            + usize::from(self.demo_starting.is_some())
    }

    /// Shows a problem found outside the window (e.g. while reading the profiles).
    pub fn report_problem(&mut self, text: impl Into<String>) {
        self.notify_error(text);
    }

    /// Queues an intent for the next `apply_commands`.
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    fn notify(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            is_error: false,
        });
    }

    fn notify_error(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            is_error: true,
        });
    }

    /// The whole window; called by eframe each frame, and by the UI tests.
    pub fn show(&mut self, ui: &mut Ui) {
        ui.ctx().set_theme(self.persisted.theme);
        self.handle_shortcuts(ui.ctx());
        self.poll_background(ui.ctx());
        self.apply_commands(ui.ctx());
        self.take_dropped_files(ui.ctx());

        egui::Panel::top("title-bar").show(ui, |ui| self.title_bar_ui(ui));
        egui::Panel::bottom("status-bar").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| self.navigation_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            if self.should_welcome() {
                self.welcome_ui(ui);
                return;
            }
            let mut commands = std::mem::take(&mut self.commands);
            match self.persisted.view {
                View::Keys => {
                    let mut view = std::mem::take(&mut self.keys_view);
                    view.ui(ui, self, &mut commands);
                    self.keys_view = view;
                }
                View::LookUp => {
                    let connection = self.connection.clone();
                    self.lookup_view
                        .ui(ui, &self.runtime, connection.as_ref(), &mut commands);
                }
                View::Invite => {
                    let connection = self.connection.clone();
                    let openings = self.persisted.openings_used.clone();
                    self.invite_view.ui(
                        ui,
                        &self.runtime,
                        connection.as_ref(),
                        &openings,
                        &mut commands,
                    );
                }
                View::Bulk => {
                    let connection = self.connection.clone();
                    self.bulk_view
                        .ui(ui, &self.runtime, self.store.as_ref(), connection.as_ref());
                }
                View::Settings => {
                    let in_use = self
                        .paths
                        .database
                        .as_ref()
                        .and_then(|p| p.parent())
                        .map(|p| p.display().to_string());
                    let changed =
                        settings_view::settings_ui(ui, &mut self.persisted, in_use.as_deref());
                    if changed.look {
                        ui.ctx().set_theme(self.persisted.theme);
                        ui.ctx().set_zoom_factor(self.persisted.zoom);
                    }
                    if changed.work {
                        self.apply_work_settings();
                    }
                    if changed.client {
                        self.apply_timeout();
                    }
                    ui.add_space(theme::SECTION_SPACE);
                    if ui.button("About and diagnostics…").clicked() {
                        self.show_about = true;
                    }
                    if ui.button("Keyboard shortcuts…").clicked() {
                        self.show_help = true;
                    }
                }
                View::Applicants => {
                    let connection = self.connection.clone();
                    self.applicants_view.ui(
                        ui,
                        &self.runtime,
                        self.store.as_ref(),
                        connection.as_ref(),
                    );
                }
            }
            self.commands.append(&mut commands);
        });
        // Views keep polling their own promises; a view not shown still finishes its work.
        self.lookup_view.poll();
        self.invite_view.poll(&mut self.commands);
        self.track_what_was_received(ui.ctx());
        if self.bulk_view.take_store_changed() {
            self.applicants_view.reload();
        }
        let profile = self.connection.as_ref().map(|c| c.profile.name.clone());
        self.applicants_view.keep_loaded(
            ui.ctx(),
            &self.runtime,
            self.store.as_ref(),
            profile.as_deref(),
        );

        self.windows_ui(ui.ctx());
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.show_help = false;
            self.show_about = false;
            self.lookup_view.cancel();
            self.invite_view.cancel();
            self.applicants_view.cancel();
            self.bulk_view.cancel();
        }
        if !self.commands.is_empty() {
            ui.ctx().request_repaint();
        }
    }

    fn apply_work_settings(&mut self) {
        let concurrency = self.persisted.concurrency.clamp(1, 64);
        self.applicants_view.concurrency = concurrency;
        self.applicants_view.auto_refresh_minutes = self.persisted.auto_refresh_minutes.min(240);
        self.bulk_view.concurrency = concurrency.min(16);
    }

    /// A new timeout applies to the profile in use at once, and to every later one.
    fn apply_timeout(&mut self) {
        self.client_options.timeout =
            Duration::from_secs(self.persisted.timeout_secs.clamp(5, 300));
        if let Some(c) = &mut self.connection
            && let Ok(client) = Client::with_options(
                &c.profile.base_url,
                c.key.clone(),
                self.client_options.clone(),
            )
        {
            c.client = client;
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        use shortcuts::Action;
        let Some(action) = shortcuts::pressed(ctx) else {
            return;
        };
        match action {
            Action::FocusLookup => {
                self.persisted.view = View::LookUp;
                ctx.memory_mut(|m| m.request_focus(lookup_view::id_field()));
            }
            Action::NewInvite => {
                self.persisted.view = View::Invite;
                ctx.memory_mut(|m| m.request_focus(widgets::field_id("Email")));
            }
            Action::Refresh => {
                self.persisted.view = View::Applicants;
                self.applicants_view.request_refresh();
            }
            Action::Filter => {
                self.persisted.view = View::Applicants;
                ctx.memory_mut(|m| m.request_focus(applicants_view::filter_id()));
            }
            Action::Show(view) => self.persisted.view = view,
            Action::Help => self.show_help = !self.show_help,
            Action::About => self.show_about = !self.show_about,
            Action::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
        ctx.request_repaint();
    }

    fn windows_ui(&mut self, ctx: &egui::Context) {
        if self.show_help {
            let mut open = true;
            egui::Window::new("Keyboard shortcuts")
                .open(&mut open)
                .collapsible(false)
                .resizable(false)
                .show(ctx, shortcuts::help_ui);
            self.show_help = open;
        }
        if self.show_about {
            let mut open = true;
            let diagnostics = self.diagnostics();
            egui::Window::new("About RickRut Dashboard")
                .open(&mut open)
                .collapsible(false)
                .show(ctx, |ui| {
                    ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
                    ui.add_space(theme::SPACE);
                    egui::Grid::new("about-paths")
                        .num_columns(2)
                        .show(ui, |ui| {
                            let show = |p: &Option<PathBuf>| {
                                p.as_ref().map_or_else(
                                    || "not available".to_owned(),
                                    |p| p.display().to_string(),
                                )
                            };
                            ui.label("Profiles");
                            ui.monospace(show(&self.paths.profiles));
                            ui.end_row();
                            ui.label("Local database");
                            ui.monospace(show(&self.paths.database));
                            ui.end_row();
                            ui.label("Logs");
                            ui.monospace(show(&self.paths.logs));
                            ui.end_row();
                        });
                    ui.add_space(theme::SPACE);
                    ui.label("Diagnostics hold no key and no applicant data.");
                    if ui.button("Copy diagnostics").clicked() {
                        ui.ctx().copy_text(diagnostics.clone());
                        self.notice = Some(Notice {
                            text: "Diagnostics copied.".into(),
                            is_error: false,
                        });
                    }
                });
            self.show_about = open;
        }
    }

    /// What support needs to know, and nothing private: no key, no names, no emails.
    pub fn diagnostics(&self) -> String {
        let path = |p: &Option<PathBuf>| {
            p.as_ref()
                .map_or_else(|| "none".to_owned(), |p| p.display().to_string())
        };
        let server = self
            .connection
            .as_ref()
            .map_or_else(|| "none".to_owned(), |c| c.host());
        format!(
            "RickRut Dashboard {}\nOS: {} {}\nRenderer: glow\nKey store: {}\nProfiles: {}\nServer in use: {}\nTracked applicants (profile in use): {}\nTimeout: {} s, concurrency: {}\nProfiles file: {}\nDatabase: {}\nLogs: {}\n",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::OS,
            std::env::consts::ARCH,
            match (&self.key_store, &self.key_store_problem) {
                (Some(store), _) => store.describe().to_owned(),
                (None, Some(problem)) => format!("unavailable ({problem})"),
                (None, None) => "opening".to_owned(),
            },
            self.profiles.profiles.len(),
            server,
            self.applicants_view.rows().len(),
            self.persisted.timeout_secs,
            self.persisted.concurrency,
            path(&self.paths.profiles),
            path(&self.paths.database),
            path(&self.paths.logs),
        )
    }

    /// Opens Bulk invite with this file loaded for preview.
    pub fn open_import(&mut self, path: PathBuf) {
        self.bulk_view = BulkView::default();
        self.apply_work_settings();
        self.bulk_view.open_file(path);
        self.persisted.view = View::Bulk;
    }

    /// A CSV dropped on the window opens in Bulk invite.
    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.open_import(path);
        }
    }

    fn should_welcome(&self) -> bool {
        self.connection.is_none()
            && self.connecting.is_none()
            && self.demo.is_none()
            && self.profiles.profiles.is_empty()
            && self.persisted.view != View::Keys
    }

    fn title_bar_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.heading(APP_NAME);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let before = self.persisted.theme;
                egui::ComboBox::from_label("Theme")
                    .selected_text(theme_name(self.persisted.theme))
                    .show_ui(ui, |ui| {
                        for pref in [
                            egui::ThemePreference::System,
                            egui::ThemePreference::Light,
                            egui::ThemePreference::Dark,
                        ] {
                            ui.selectable_value(&mut self.persisted.theme, pref, theme_name(pref));
                        }
                    });
                if before != self.persisted.theme {
                    ui.ctx().set_theme(self.persisted.theme);
                }
            });
        });
    }

    fn navigation_ui(&mut self, ui: &mut Ui) {
        ui.add_space(theme::SPACE);
        for view in View::ALL {
            let selected = self.persisted.view == view;
            let response = ui.add_sized(
                [ui.available_width(), 28.0],
                egui::Button::selectable(selected, view.title()),
            );
            if response.clicked() {
                self.persisted.view = view;
            }
            if view == View::Applicants {
                let changed = self.applicants_view.changed_count();
                if changed > 0 {
                    ui.vertical_centered(|ui| {
                        ui.label(RichText::new(format!("● {changed} changed")).strong());
                    });
                }
            }
        }
    }

    /// Every applicant a lookup or an invite returned is tracked, and every invite logged.
    fn track_what_was_received(&mut self, ctx: &egui::Context) {
        let received = self.lookup_view.take_received();
        let invited = self.invite_view.take_finished();
        let (Some(store), Some(connection)) = (self.store.clone(), self.connection.as_ref()) else {
            return;
        };
        let profile = connection.profile.name.clone();
        if let Some(response) = received {
            let store = store.clone();
            let profile = profile.clone();
            self.store_writes
                .push(jobs::spawn(&self.runtime, ctx, async move {
                    store
                        .call(move |s| {
                            s.upsert(&profile, &[response], chrono::Utc::now())
                                .map(|_| ())
                        })
                        .await
                        .map_err(|e| e.to_string())
                }));
        }
        if let Some(finished) = invited {
            self.store_writes
                .push(jobs::spawn(&self.runtime, ctx, async move {
                    store
                        .call(move |s| {
                            let now = chrono::Utc::now();
                            if let Some(created) = &finished.created {
                                s.upsert(&profile, std::slice::from_ref(created), now)?;
                            }
                            s.log_invite(
                                &profile,
                                &finished.email,
                                &finished.opening,
                                &finished.outcome,
                                now,
                            )
                        })
                        .await
                        .map_err(|e| e.to_string())
                }));
        }
        let mut still_running = Vec::new();
        for task in std::mem::take(&mut self.store_writes) {
            match task.try_take() {
                Err(task) => still_running.push(task),
                Ok(Ok(Ok(()))) => self.applicants_view.reload(),
                Ok(Ok(Err(e))) => self.notify_error(format!("Not saved locally: {e}")),
                Ok(Err(e)) => self.notify_error(format!("Not saved locally: {e}")),
            }
        }
        self.store_writes = still_running;
    }

    fn status_bar_ui(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            match (&self.connection, &self.connecting) {
                (_, Some((name, _))) => {
                    ui.label(format!("Opening profile {name}…"));
                }
                (Some(c), None) => {
                    ui.label(format!("Profile {}", c.profile.name));
                    ui.separator();
                    ui.label(c.host());
                    if c.session_only {
                        ui.separator();
                        ui.label("key kept for this session only");
                    }
                }
                (None, None) => {
                    ui.label("No profile in use");
                }
            }
            ui.separator();
            let in_flight = self.requests_in_flight();
            if in_flight > 0 {
                ui.spinner();
                ui.label(if in_flight == 1 {
                    "1 request in flight".to_owned()
                } else {
                    format!("{in_flight} requests in flight")
                });
            } else {
                ui.label("Idle");
            }
            if let Some(notice) = &self.notice {
                ui.separator();
                if notice.is_error {
                    widgets::error_message(ui, &notice.text);
                } else {
                    ui.label(&notice.text);
                }
                if ui
                    .small_button("Dismiss")
                    .on_hover_text("Dismiss this message")
                    .clicked()
                {
                    self.notice = None;
                }
            }
        });
    }

    fn welcome_ui(&mut self, ui: &mut Ui) {
        ui.add_space(60.0);
        ui.vertical_centered(|ui| {
            ui.heading("Welcome to RickRut Dashboard");
            ui.add_space(theme::SPACE);
            ui.label(
                "Keep your API key in the OS keyring, look applicants up, and invite candidates.",
            );
            ui.add_space(theme::SECTION_SPACE);
            if ui
                .add_sized([220.0, 32.0], egui::Button::new("Add your API key"))
                .clicked()
            {
                self.keys_view.start_adding();
                self.persisted.view = View::Keys;
            }
            ui.add_space(theme::SPACE);
            let starting = self.demo_starting.is_some();
            if ui
                .add_enabled(
                    !starting,
                    egui::Button::new(if starting {
                        "Starting the demo…"
                    } else {
                        "Try the demo"
                    })
                    .min_size([220.0, 32.0].into()),
                )
                .on_hover_text("A built-in sandbox with made-up applicants; no account needed")
                .clicked()
            {
                self.commands.push(Command::StartDemo);
            }
        });
    }

    /// Finishes background work started outside the views.
    fn poll_background(&mut self, ctx: &egui::Context) {
        if std::mem::take(&mut self.want_os_keyring) {
            // Opening the keyring talks to D-Bus, which can block: never on the UI thread.
            self.opening_key_store = Some(jobs::spawn(&self.runtime, ctx, async {
                tokio::task::spawn_blocking(|| {
                    keys::OsKeyring::new().map(|k| Arc::new(k) as Arc<dyn SecretStore>)
                })
                .await
                .unwrap_or_else(|e| {
                    Err(KeyStoreError::Other {
                        reason: e.to_string(),
                    })
                })
            }));
        }
        if let Some(task) = self.opening_key_store.take() {
            match task.try_take() {
                Err(task) => self.opening_key_store = Some(task),
                Ok(outcome) => match outcome {
                    Ok(Ok(store)) => {
                        self.key_store = Some(store);
                        self.key_store_problem = None;
                        // A profile waiting for the keyring can now load its key.
                        if self.connection.is_none()
                            && self.connecting.is_none()
                            && let Some(active) = self.profiles.active.clone()
                        {
                            self.commands.push(Command::Activate(active));
                        }
                    }
                    Ok(Err(e)) => self.key_store_problem = Some(e.to_string()),
                    Err(e) => self.key_store_problem = Some(e.to_string()),
                },
            }
        }
        if let Some((name, task)) = self.connecting.take() {
            match task.try_take() {
                Err(task) => self.connecting = Some((name, task)),
                Ok(Ok(Ok(connection))) => {
                    self.notify(format!("Using profile {}.", connection.profile.name));
                    self.connection = Some(connection);
                }
                Ok(Ok(Err(message))) => self.notify_error(message),
                Ok(Err(e)) => self.notify_error(format!("Could not open profile {name}: {e}")),
            }
        }
        if let Some(task) = self.saving_profiles.take() {
            match task.try_take() {
                Err(task) => self.saving_profiles = Some(task),
                Ok(Ok(Ok(()))) => {}
                Ok(Ok(Err(message))) => self.notify_error(message),
                Ok(Err(e)) => self.notify_error(format!("Profiles were not saved: {e}")),
            }
        }
        if let Some(task) = self.demo_starting.take() {
            match task.try_take() {
                Err(task) => self.demo_starting = Some(task),
                Ok(Ok(Ok(sandbox))) => {
                    self.install_demo(Demo { sandbox });
                    self.persisted.view = View::LookUp;
                    ctx.request_repaint();
                }
                Ok(Ok(Err(message))) => self.notify_error(message),
                Ok(Err(e)) => self.notify_error(format!("The demo did not start: {e}")),
            }
        }
    }

    fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::ShowView(view) => self.persisted.view = view,
                Command::Activate(name) => self.activate(ctx, &name),
                Command::ProfileSaved {
                    profile,
                    session_only,
                } => {
                    if session_only {
                        self.session_profiles.insert(profile.name.clone());
                    } else {
                        self.session_profiles.remove(&profile.name);
                    }
                    let name = profile.name.clone();
                    self.profiles.upsert(profile);
                    self.profiles.active = Some(name.clone());
                    self.save_profiles(ctx);
                    self.activate(ctx, &name);
                }
                Command::ProfileDeleted(name) => {
                    self.profiles.remove(&name);
                    self.session_profiles.remove(&name);
                    if self.profiles.active.as_deref() == Some(name.as_str()) {
                        self.profiles.active = None;
                    }
                    if self
                        .connection
                        .as_ref()
                        .is_some_and(|c| c.profile.name == name)
                    {
                        self.connection = None;
                    }
                    self.save_profiles(ctx);
                    self.notify(format!("Profile {name} and its key were deleted."));
                }
                Command::OpenInLookUp(id) => {
                    self.persisted.view = View::LookUp;
                    self.lookup_view
                        .look_up_now(ctx, &self.runtime, self.connection.as_ref(), id);
                }
                Command::RememberOpening(opening) => {
                    let used = &mut self.persisted.openings_used;
                    used.retain(|o| o != &opening);
                    used.insert(0, opening);
                    used.truncate(20);
                }
                Command::StartDemo => self.start_demo(ctx),
            }
        }
    }

    fn start_demo(&mut self, ctx: &egui::Context) {
        if self.demo.is_some() {
            self.commands
                .push(Command::Activate(DEMO_PROFILE.to_owned()));
            return;
        }
        if self.demo_starting.is_some() {
            return;
        }
        self.demo_starting = Some(jobs::spawn(&self.runtime, ctx, async {
            Sandbox::start(demo_config())
                .await
                .map_err(|e| format!("The demo did not start: {e}"))
        }));
    }

    fn save_profiles(&mut self, ctx: &egui::Context) {
        let Some(path) = self.profiles_path.clone() else {
            return;
        };
        let mut book = self.profiles.clone();
        book.profiles.retain(|p| p.name != DEMO_PROFILE);
        if book.active.as_deref() == Some(DEMO_PROFILE) {
            book.active = None;
        }
        self.saving_profiles = Some(jobs::spawn(&self.runtime, ctx, async move {
            tokio::task::spawn_blocking(move || book.save(&path).map_err(|e| e.to_string()))
                .await
                .unwrap_or_else(|e| Err(e.to_string()))
        }));
    }

    /// Loads the profile's key (keyring or session) in the background and builds its client.
    fn activate(&mut self, ctx: &egui::Context, name: &str) {
        let Some(profile) = self.profiles.get(name).cloned() else {
            self.notify_error(format!("There is no profile named {name}."));
            return;
        };
        let session_only = self.session_profiles.contains(name);
        let store: Arc<dyn SecretStore> = if session_only {
            self.session.clone()
        } else {
            match &self.key_store {
                Some(store) => store.clone(),
                None if self.opening_key_store.is_some() || self.want_os_keyring => {
                    // Activated again once the keyring is open.
                    self.profiles.active = Some(name.to_owned());
                    return;
                }
                None => {
                    self.notify_error(format!(
                        "The key for {name} cannot be read: {} Add it again in Keys and keep it for this session.",
                        self.key_store_problem.as_deref().unwrap_or("no OS keyring is available.")
                    ));
                    return;
                }
            }
        };
        self.profiles.active = Some(name.to_owned());
        if name != DEMO_PROFILE {
            self.save_profiles(ctx);
        }
        let options = self.client_options.clone();
        let profile_name = name.to_owned();
        let task = jobs::spawn(&self.runtime, ctx, async move {
            let key = keys::run_blocking(store, KEYRING_TIMEOUT, move |s| s.get(&profile_name))
                .await
                .map_err(|e| format!("The key for {} could not be read: {e}", profile.name))?;
            let Some(key) = key else {
                return Err(format!(
                    "No key is stored for {}; paste one in Keys.",
                    profile.name
                ));
            };
            let client = Client::with_options(&profile.base_url, key.clone(), options)
                .map_err(|e| format!("Profile {}: {e}", profile.name))?;
            Ok(Connection {
                profile,
                client,
                key,
                session_only,
            })
        });
        self.connecting = Some((name.to_owned(), task));
    }
}

pub(crate) fn theme_name(pref: egui::ThemePreference) -> &'static str {
    match pref {
        egui::ThemePreference::System => "System theme",
        egui::ThemePreference::Light => "Light",
        egui::ThemePreference::Dark => "Dark",
    }
}

/// The sandbox the demo runs: seeded, and progressing invited applicants so there is
/// something to watch.
pub fn demo_config() -> SandboxConfig {
    SandboxConfig {
        seed: Seed::Demo,
        simulate: true,
        ..SandboxConfig::default()
    }
}

impl eframe::App for DashboardApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        if let (Some(cpu), busy) = (frame.info().cpu_usage, self.requests_in_flight() > 0)
            && let Some(stats) = self.frame_stats.as_mut()
        {
            stats.record(cpu, busy);
        }
        self.show(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(stats) = &self.frame_stats {
            stats.write();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.persisted);
    }
}

/// The site the API's file paths are relative to, for a base URL.
pub fn site_of(base: &str) -> String {
    api::parse_base_url(base).map_or_else(
        |_| String::new(),
        |u| {
            let mut site = format!("{}://{}", u.scheme(), u.host_str().unwrap_or_default());
            if let Some(port) = u.port() {
                site.push_str(&format!(":{port}"));
            }
            site
        },
    )
}
