//! What surrounds the views: the title bar, the navigation, the status bar, the welcome
//! screen, the help and About windows, and files dropped on the window.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::command::{Command, Commands};
use super::settings::{APP_NAME, Persisted, View, theme_name};
use super::state::AppState;
use super::{a11y, bulk, shortcuts, theme, widgets};
use crate::jobs::record::ReadOnly;
use crate::t;

pub fn title_bar_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    ui.horizontal(|ui| {
        crate::ui::a11y::heading(ui, APP_NAME);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut theme = state.settings.theme;
            egui::ComboBox::from_label(t!("window-theme"))
                .selected_text(theme_name(theme))
                .show_ui(ui, |ui| {
                    for pref in [
                        egui::ThemePreference::System,
                        egui::ThemePreference::Light,
                        egui::ThemePreference::Dark,
                    ] {
                        ui.selectable_value(&mut theme, pref, theme_name(pref));
                    }
                });
            if theme != state.settings.theme {
                commands.push(Command::ChangeSettings(Persisted {
                    theme,
                    ..state.settings.clone()
                }));
            }
        });
    });
}

pub fn navigation_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    ui.add_space(theme::SPACE);
    for view in View::ALL {
        let selected = state.settings.view == view;
        let unseen = match view {
            View::Applicants => state.applicants.changed_count(),
            _ => 0,
        };
        let mut response = ui.add_sized(
            [ui.available_width(), 28.0],
            egui::Button::selectable(selected, view.title()),
        );
        if unseen > 0 {
            count_badge(ui, &response, unseen);
            let said = unseen_words(unseen);
            // The button keeps its name; a screen reader reads the count as its description.
            ui.ctx().accesskit_node_builder(response.id, |node| {
                node.set_description(said.clone());
            });
            response = response.on_hover_text(said);
        }
        if response.clicked() {
            commands.push(Command::ShowView(view));
        }
    }
}

/// "3 applicants changed since you last looked".
pub fn unseen_words(unseen: usize) -> String {
    t!("window-unseen", count = unseen)
}

/// The count of unseen changes as a pill at the button's right end: painted, so it needs
/// no glyph the bundled fonts may lack.
fn count_badge(ui: &Ui, button: &egui::Response, count: usize) {
    let text = if count > 999 {
        "999+".to_owned()
    } else {
        count.to_string()
    };
    let font = egui::TextStyle::Small.resolve(ui.style());
    let (color, fill) = theme::count_badge_colours(ui.visuals());
    let galley = ui.painter().layout_no_wrap(text, font, color);
    let size = egui::vec2((galley.size().x + 10.0).max(18.0), 18.0);
    let rect = egui::Rect::from_min_size(
        egui::pos2(
            button.rect.right() - size.x - 6.0,
            button.rect.center().y - size.y / 2.0,
        ),
        size,
    );
    let painter = ui.painter();
    painter.rect_filled(rect, 9.0, fill);
    painter.galley(rect.center() - galley.size() / 2.0, galley, color);
}

pub fn status_bar_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    ui.horizontal(|ui| {
        match (state.connection(), state.keys.connecting()) {
            // What it is doing ("Opening profile…") is said once, beside the spinner.
            (_, Some(name)) => {
                ui.label(t!("window-status-profile", name = name));
            }
            (Some(c), None) => {
                ui.label(t!("window-status-profile", name = c.profile.name.as_str()));
                ui.separator();
                ui.label(c.host());
                if c.session_only {
                    ui.separator();
                    ui.label(t!("window-status-session-key"));
                }
            }
            (None, None) => {
                ui.label(t!("window-status-no-profile"));
            }
        }
        ui.separator();
        let in_flight = state.requests_in_flight();
        if in_flight > 0 {
            ui.spinner();
            // One thing under way says what it is; the count is added only when more are.
            let requests = || t!("window-status-requests", count = in_flight);
            let said = match activity(state) {
                Some(doing) if in_flight > 1 => ui.label(t!(
                    "window-status-doing",
                    doing = doing,
                    requests = requests()
                )),
                Some(doing) => ui.label(doing),
                None => ui.label(requests()),
            };
            a11y::status(&said);
        } else if let Some(read_only) = state.read_only() {
            a11y::status(&ui.label(match read_only {
                ReadOnly::NewerSchema { .. } => t!("window-status-read-only-newer"),
                ReadOnly::LastRead { at } => t!(
                    "window-status-read-only-copy",
                    when = crate::i18n::date_time(*at)
                ),
            }));
        } else if state.applicants.is_offline() {
            a11y::status(&ui.label(t!("window-status-offline")));
        } else {
            a11y::status(&ui.label(t!("window-status-ready")));
        }
        if let Some(notice) = &state.notice {
            ui.separator();
            if notice.is_error {
                widgets::error_message(ui, &notice.problem.sentence);
            } else {
                let said = ui.label(crate::boundary::terminal::visible(&notice.problem.sentence));
                a11y::status(&said);
            }
            if let Some(details) = &notice.problem.details {
                ui.menu_button(t!("window-details"), |ui| {
                    ui.label(
                        RichText::new(crate::boundary::terminal::visible(details))
                            .monospace()
                            .small(),
                    );
                    widgets::copy_button(ui, "details", details);
                })
                .response
                .on_hover_text(t!("window-status-details-hint"));
            }
            if ui
                .small_button(t!("window-dismiss"))
                .on_hover_text(t!("window-dismiss-hint"))
                .clicked()
            {
                commands.push(Command::DismissNotice);
            }
        }
    });
}

/// What the app is doing, in words, for the status bar.
fn activity(state: &AppState) -> Option<String> {
    if state.applicants.is_refreshing() {
        let p = state.applicants.progress();
        return Some(t!(
            "window-doing-refreshing",
            done = p.done,
            total = p.total
        ));
    }
    if state.bulk.is_sending() {
        let p = state.bulk.progress();
        return Some(t!(
            "window-doing-sending",
            done = p.total.saturating_sub(p.pending),
            total = p.total
        ));
    }
    if let Some(id) = state.lookup.asked() {
        return Some(t!("window-doing-lookup", id = id.to_string()));
    }
    if state.invite.is_running() {
        return Some(t!("window-doing-invite"));
    }
    if state.bulk.is_loading() {
        return Some(t!("window-doing-reading"));
    }
    state.keys.activity()
}

/// No profile yet and nothing started: the first screen a new recruiter sees.
pub fn should_welcome(state: &AppState) -> bool {
    state.connection().is_none()
        && state.keys.connecting().is_none()
        && !state.keys.has_demo()
        && state.keys.profiles.profiles.is_empty()
        && state.settings.view != View::Keys
}

pub fn welcome_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    ui.add_space(60.0);
    ui.vertical_centered(|ui| {
        crate::ui::a11y::heading(ui, t!("window-welcome-title"));
        ui.add_space(theme::SPACE);
        ui.label(t!("window-welcome-text"));
        ui.add_space(theme::SECTION_SPACE);
        if ui
            .add_sized(
                [220.0, 32.0],
                egui::Button::new(t!("window-welcome-add-key")),
            )
            .clicked()
        {
            commands.push(Command::ShowView(View::Keys));
        }
        ui.add_space(theme::SPACE);
        let starting = state.keys.demo_starting();
        if ui
            .add_enabled(
                !starting,
                egui::Button::new(if starting {
                    t!("window-welcome-demo-starting")
                } else {
                    t!("window-welcome-demo")
                })
                .min_size([220.0, 32.0].into()),
            )
            .on_hover_text(t!("window-welcome-demo-hint"))
            .clicked()
        {
            commands.push(Command::StartDemo);
        }
    });
}

pub fn windows_ui(ctx: &egui::Context, state: &AppState, commands: &mut Commands) {
    if state.windows.help {
        let mut open = true;
        egui::Window::new(t!("window-shortcuts-title"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, shortcuts::help_ui);
        if !open {
            commands.push(Command::ToggleHelp);
        }
    }
    if state.windows.about {
        let mut open = true;
        egui::Window::new(t!("window-about-title"))
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| about_ui(ui, state));
        if !open {
            commands.push(Command::ToggleAbout);
        }
    }
}

fn about_ui(ui: &mut Ui, state: &AppState) {
    ui.label(t!(
        "window-about-version",
        version = env!("CARGO_PKG_VERSION")
    ));
    ui.add_space(theme::SPACE);
    egui::Grid::new("about-paths")
        .num_columns(2)
        .show(ui, |ui| {
            let show = |p: &Option<PathBuf>| {
                p.as_ref().map_or_else(
                    || t!("window-about-not-available"),
                    |p| p.display().to_string(),
                )
            };
            ui.label(t!("window-about-profiles"));
            ui.monospace(show(&state.paths.profiles));
            ui.end_row();
            ui.label(t!("window-about-database"));
            match (&state.paths.database, &state.records) {
                (Some(path), _) => ui.monospace(path.display().to_string()),
                (None, Some(_)) if state.keys.has_demo() => {
                    ui.label(t!("window-about-database-demo"))
                }
                (None, Some(_)) => ui.label(t!("window-about-database-memory")),
                (None, None) => ui.label(t!("window-about-database-none")),
            };
            ui.end_row();
            ui.label(t!("window-about-logs"));
            ui.monospace(show(&state.paths.logs));
            ui.end_row();
        });
    ui.add_space(theme::SPACE);
    ui.label(t!("window-about-private"));
    widgets::copy(
        ui,
        &t!("window-about-copy"),
        &t!("window-about-copy-hint"),
        &diagnostics(state),
        false,
    );
}

/// What support needs to know, and nothing private: no key, no names, no emails.
pub fn diagnostics(state: &AppState) -> String {
    let path = |p: &Option<PathBuf>| {
        p.as_ref()
            .map_or_else(|| "none".to_owned(), |p| p.display().to_string())
    };
    let server = state
        .connection()
        .map_or_else(|| "none".to_owned(), |c| c.host());
    format!(
        "RickRut Dashboard {}\nOS: {} {}\nRenderer: glow\nKey store: {}\nProfiles: {}\nServer in use: {}\nTracked applicants (profile in use): {}\nTimeout: {} s, concurrency: {}\nProfiles file: {}\nDatabase: {}\nLogs: {}\n", // not for people: diagnostics for support, in English like the logs
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH,
        state.keys.describe_store(),
        state.keys.profiles.profiles.len(),
        server,
        state.applicants.rows().len(),
        state.settings.timeout_secs,
        state.settings.concurrency,
        path(&state.paths.profiles),
        path(&state.paths.database),
        path(&state.paths.logs),
    )
}

/// A file dropped on the window opens in Bulk invite.
pub fn dropped_files(ctx: &egui::Context, bulk: &bulk::BulkView, commands: &mut Commands) {
    let dropped: Option<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .find(|p| !p.as_os_str().is_empty())
    });
    if let Some(path) = dropped {
        commands.push(Command::OpenImport {
            path,
            opening: bulk.opening_for_all().to_owned(),
        });
    }
}
