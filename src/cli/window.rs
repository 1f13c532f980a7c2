//! Opens the window: the settings and profiles it starts with, its record, and the demo's
//! sandbox when `--demo` asks for one.

use std::process::ExitCode;

use rickrut_dashboard::api::ClientOptions;
use rickrut_dashboard::jobs::demo::Demo;
use rickrut_dashboard::jobs::keys::{self, ProfileBook};
use rickrut_dashboard::jobs::record::Records;
use rickrut_dashboard::ui::{self, AppConfig, AppPaths, DashboardApp, KeyStoreChoice, Persisted};

use rickrut_dashboard::t;

use super::{Cli, Failure, ThemeArg, log_dir};

pub fn run_window(cli: &Cli, runtime: &tokio::runtime::Runtime) -> Result<ExitCode, Failure> {
    // poll-promise and the sandbox spawn on the current runtime.
    let _guard = runtime.enter();
    let demo = if cli.demo {
        Some(runtime.block_on(Demo::start()).map_err(|e| Failure {
            code: 1,
            message: t!("cli-demo-failed", error = e.to_string()),
            details: None,
        })?)
    } else {
        None
    };
    let profiles_path = keys::profiles_path();
    let (mut profiles, profiles_problem) = match profiles_path
        .clone()
        .map(|path| runtime.block_on(keys::load_profiles(path)))
    {
        Some(Ok(book)) => (book, None),
        Some(Err(e)) => (
            ProfileBook::default(),
            Some((e.to_string(), e.technical().map(str::to_owned))),
        ),
        None => (ProfileBook::default(), None),
    };
    if let Some(name) = &cli.profile {
        if profiles.get(name).is_none() {
            return Err(Failure::usage(t!(
                "cli-no-such-profile",
                name = name.as_str()
            )));
        }
        profiles.active = Some(name.clone());
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(ui::APP_NAME)
        .with_app_id(ui::APP_ID)
        .with_inner_size([1200.0, 800.0])
        .with_min_inner_size([720.0, 480.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!(
        "../../assets/icons/rickrut-dashboard-256.png"
    )) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let demo_mode = cli.demo;
    let cli_data_dir = cli.data_dir.clone();
    let theme = cli.theme;
    let view = cli.view;
    let lang_given = cli.lang.is_some();
    let import_file = cli.import.clone();
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..eframe::NativeOptions::default()
    };
    let handle = runtime.handle().clone();
    let result = eframe::run_native(
        ui::APP_NAME,
        options,
        Box::new(move |cc| {
            let mut persisted: Persisted = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            // --lang (already in use), else the language chosen in Settings, else the system's.
            if !lang_given {
                rickrut_dashboard::i18n::set(persisted.start_language());
            }
            if let Some(theme) = theme {
                persisted.theme = match theme {
                    ThemeArg::System => egui::ThemePreference::System,
                    ThemeArg::Light => egui::ThemePreference::Light,
                    ThemeArg::Dark => egui::ThemePreference::Dark,
                };
            }
            if let Some(view) = view {
                persisted.view = view.into();
            }
            cc.egui_ctx.set_zoom_factor(persisted.zoom.clamp(0.75, 2.0));
            // --data-dir, else Settings, else the platform's; the demo keeps its record in
            // memory since its sandbox starts afresh every time.
            let data_dir = cli_data_dir.or_else(|| {
                let dir = persisted.data_dir.trim();
                (!dir.is_empty() && std::path::Path::new(dir).is_absolute())
                    .then(|| std::path::PathBuf::from(dir))
            });
            let mut opening = None;
            let (records, database, store_problem) = if demo_mode {
                match Records::in_memory() {
                    Ok(records) => (Some(records), None, None),
                    Err(e) => (
                        None,
                        None,
                        Some((e.to_string(), e.technical().map(str::to_owned))),
                    ),
                }
            } else {
                // Opened on its own thread: the file's check is not in the first frame's way.
                let ctx = cc.egui_ctx.clone();
                let wake = move || ctx.request_repaint();
                match Records::open_in_background(data_dir.as_deref(), wake) {
                    Ok((records, path, opened)) => {
                        opening = Some(opened);
                        (Some(records), Some(path), None)
                    }
                    Err(e) => (
                        None,
                        Records::default_path(data_dir.as_deref()),
                        Some((
                            t!("cli-record-unavailable-window", problem = e.to_string()),
                            e.technical().map(str::to_owned),
                        )),
                    ),
                }
            };
            let mut app = DashboardApp::new(AppConfig {
                runtime: handle,
                key_store: KeyStoreChoice::OsKeyring,
                profiles,
                profiles_path: profiles_path.clone(),
                persisted,
                demo,
                client_options: ClientOptions::default(),
                records,
                paths: AppPaths {
                    profiles: profiles_path,
                    database,
                    logs: log_dir(),
                },
            });
            if let Some(opening) = opening {
                app.watch_record_opening(opening);
            }
            if let Some((problem, details)) = profiles_problem.or(store_problem) {
                app.report_problem(problem, details);
            }
            if let Some(path) = import_file {
                app.queue(ui::Command::OpenImport {
                    path,
                    opening: String::new(),
                });
            }
            Ok(Box::new(app))
        }),
    );
    result.map_err(|e| Failure {
        code: 1,
        message: t!("cli-window-failed", error = e.to_string()),
        details: None,
    })?;
    Ok(ExitCode::SUCCESS)
}
