//! The window: egui views that draw from a read-only state and send commands, and the one
//! place that applies them. Every piece of work goes through `jobs/`.

mod a11y;
mod answers;
mod applicants;
mod apply;
mod bulk;
mod card;
mod chrome;
mod command;
mod compare;
mod dialogs;
mod find;
mod frame_stats;
mod invite_view;
mod keys_view;
mod lookup_view;
mod messages;
mod openings;
mod openings_picker;
mod painted_table;
mod settings;
mod settings_view;
pub mod shortcuts;
mod state;
mod team_view;
pub mod theme;
mod widgets;

use std::path::PathBuf;

use egui::Ui;
use tokio::runtime::Handle;

use crate::api::ClientOptions;
use crate::jobs::demo::Demo;
use crate::jobs::keys::ProfileBook;
use crate::jobs::news::Opens;
use crate::jobs::record::Records;

pub use command::{Command, Commands};
pub use settings::{APP_ID, APP_NAME, Persisted, View};
pub use state::applicants::{ApplicantsState, SortKey, ViewOptions};
pub use state::bulk::{BulkState, PreviewField};
pub use state::invite::InviteState;
pub use state::keys::{KeyStoreChoice, KeysState};
pub use state::lookup::LookUpState;
pub use state::openings::OpeningsState;
pub use state::{AppPaths, AppState};

/// Everything the window needs from `main`.
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
    /// The local record; `None` when it could not be opened.
    pub records: Option<Records>,
    /// Where things live, for the About window.
    pub paths: AppPaths,
}

/// The views, each holding only what the recruiter is typing or pointing at.
#[derive(Default)]
struct Views {
    keys: keys_view::KeysView,
    lookup: lookup_view::LookupView,
    invite: invite_view::InviteView,
    applicants: applicants::ApplicantsView,
    bulk: bulk::BulkView,
    openings: openings::OpeningsView,
    settings: settings_view::SettingsView,
}

pub struct DashboardApp {
    state: AppState,
    views: Views,
    commands: Commands,
    frame_stats: Option<frame_stats::FrameStats>,
    /// The count of unseen changes the window title shows now.
    title_count: Option<usize>,
    /// Whether both themes have the app's colours yet.
    styled: bool,
}

impl DashboardApp {
    pub fn new(config: AppConfig) -> DashboardApp {
        let work = state::Work::new(config.runtime);
        let settings = config.persisted.clamped();
        let client_options = ClientOptions {
            timeout: settings.timeout(),
            ..config.client_options
        };
        let mut keys = KeysState::new(
            &work,
            config.key_store,
            config.profiles,
            config.profiles_path,
        );
        let active = keys.profiles.active.clone();
        if let Some(demo) = config.demo {
            keys.install_demo(&work, demo, &client_options);
        } else if let Some(active) = active {
            keys.use_profile(&work, &active, &client_options);
        }
        let mut applicants = ApplicantsState::new(&work);
        applicants.set_pace(settings.concurrency, settings.check_every());
        applicants.set_notifications(&work, settings.notifications());
        let mut openings = OpeningsState::default();
        openings.set_stale_after(settings.stale_after_days);
        let mut bulk = BulkState::default();
        bulk.set_concurrency(settings.concurrency.min(16));
        DashboardApp {
            state: AppState {
                work,
                settings,
                client_options,
                keys,
                records: config.records,
                record_opening: None,
                lookup: LookUpState::default(),
                invite: InviteState::default(),
                applicants,
                bulk,
                openings,
                assess: Default::default(),
                team: Default::default(),
                demo_fill: Default::default(),
                notice: None,
                paths: config.paths,
                windows: state::Windows::default(),
            },
            views: Views::default(),
            commands: Commands::default(),
            frame_stats: frame_stats::FrameStats::from_env(),
            title_count: None,
            styled: false,
        }
    }

    /// Queues a command for the end of the next frame, as a view would send it.
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// The local record given in [`AppConfig`] is still opening on its own thread: what it
    /// finds (a damaged file moved aside, or no record at all) is said once it has opened.
    pub fn watch_record_opening(&mut self, opening: crate::jobs::record::RecordOpening) {
        self.state.record_opening = Some(opening);
    }

    /// Shows a problem found outside the window (e.g. while reading the profiles).
    pub fn report_problem(&mut self, text: impl Into<String>, details: Option<String>) {
        self.state.warn(state::Problem {
            sentence: text.into(),
            details,
        });
    }

    /// What the views read.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn persisted(&self) -> &Persisted {
        &self.state.settings
    }

    pub fn connection(&self) -> Option<&crate::jobs::keys::Connection> {
        self.state.connection()
    }

    pub fn keys(&self) -> &KeysState {
        &self.state.keys
    }

    pub fn lookup(&self) -> &LookUpState {
        &self.state.lookup
    }

    pub fn invite(&self) -> &InviteState {
        &self.state.invite
    }

    pub fn applicants(&self) -> &ApplicantsState {
        &self.state.applicants
    }

    pub fn bulk(&self) -> &BulkState {
        &self.state.bulk
    }

    pub fn openings(&self) -> &OpeningsState {
        &self.state.openings
    }

    pub fn requests_in_flight(&self) -> usize {
        self.state.requests_in_flight()
    }

    /// What support needs to know, and nothing private.
    pub fn diagnostics(&self) -> String {
        chrome::diagnostics(&self.state)
    }

    /// The whole window; called by eframe each frame, and by the UI tests.
    pub fn show(&mut self, ui: &mut Ui) {
        self.state.work.attach(ui.ctx());
        if !self.styled {
            theme::install(ui.ctx());
            self.styled = true;
        }
        ui.ctx().set_theme(self.state.settings.theme);
        self.state.poll();
        self.follow_notification(ui.ctx());
        self.show_count_in_title(ui.ctx());
        shortcuts::pressed(ui.ctx(), &mut self.commands);
        chrome::dropped_files(ui.ctx(), &self.views.bulk, &mut self.commands);

        let state = &self.state;
        let commands = &mut self.commands;
        let views = &mut self.views;
        egui::Panel::top("title-bar").show(ui, |ui| chrome::title_bar_ui(ui, state, commands));
        egui::Panel::bottom("status-bar").show(ui, |ui| chrome::status_bar_ui(ui, state, commands));
        egui::Panel::left("navigation")
            .resizable(false)
            .exact_size(150.0)
            .show(ui, |ui| chrome::navigation_ui(ui, state, commands));
        egui::CentralPanel::default().show(ui, |ui| {
            if chrome::should_welcome(state) {
                chrome::welcome_ui(ui, state, commands);
                return;
            }
            match state.settings.view {
                View::Keys => views.keys.ui(ui, state, commands),
                View::LookUp => views.lookup.ui(ui, state, commands),
                View::Invite => views.invite.ui(ui, state, commands),
                View::Bulk => views.bulk.ui(ui, state, commands),
                View::Applicants => views.applicants.ui(ui, state, commands),
                View::Openings => views.openings.ui(ui, state, commands),
                View::Settings => views.settings.ui(ui, state, commands),
            }
        });
        chrome::windows_ui(ui.ctx(), state, commands);
        compare::compare_ui(ui.ctx(), state, commands);

        let ctx = ui.ctx().clone();
        let commands = self.commands.take();
        if !commands.is_empty() {
            for command in commands {
                self.apply(&ctx, command);
            }
            // What the commands changed is drawn on the next frame.
            ctx.request_repaint();
        }
    }
}

impl DashboardApp {
    /// A click on a notification: the window comes forward on what it named.
    fn follow_notification(&mut self, ctx: &egui::Context) {
        let Some(opens) = self.state.applicants.take_clicked() else {
            return;
        };
        match opens {
            Opens::Applicant(id) => self.commands.push(Command::ShowApplicant(id)),
            Opens::Shortlist(opening) => {
                self.commands.push(Command::ShowView(View::Openings));
                self.commands.push(Command::ChooseOpening(Some(opening)));
            }
            Opens::Applicants => self.commands.push(Command::ShowView(View::Applicants)),
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
        ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
    }

    /// "(3) RickRut Dashboard" while three applicants changed unseen; sent only on change.
    fn show_count_in_title(&mut self, ctx: &egui::Context) {
        let count = self.state.applicants.changed_count();
        if self.title_count == Some(count) {
            return;
        }
        self.title_count = Some(count);
        ctx.send_viewport_cmd(egui::ViewportCommand::Title(window_title(count)));
    }

    /// The window's title now.
    pub fn title(&self) -> String {
        window_title(self.state.applicants.changed_count())
    }
}

/// The window title with the count of unseen changes in front, as mail apps do.
pub fn window_title(unseen: usize) -> String {
    if unseen == 0 {
        APP_NAME.to_owned()
    } else {
        format!("({unseen}) {APP_NAME}")
    }
}

impl eframe::App for DashboardApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        let busy = self.requests_in_flight() > 0;
        let started = std::time::Instant::now();
        self.show(ui);
        if let Some(stats) = self.frame_stats.as_mut() {
            stats.record(
                frame.info().cpu_usage,
                started.elapsed().as_secs_f32(),
                busy,
            );
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if let Some(stats) = &self.frame_stats {
            stats.write();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.state.settings);
    }
}
