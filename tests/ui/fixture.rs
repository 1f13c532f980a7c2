//! What every window test needs: the sandbox on loopback, the real app in a kittest
//! harness with keys in a session store, and the moves a recruiter makes.

use std::sync::Arc;
use std::time::Duration;

use egui::accesskit::Role;
pub use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use rickrut_dashboard::api::ClientOptions;
use rickrut_dashboard::jobs::record::Records;
pub use rickrut_dashboard::keys::ProfileBook;
pub use rickrut_dashboard::keys::{SecretStore, SessionStore};
pub use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig};
pub use rickrut_dashboard::store::Store;
use rickrut_dashboard::ui::{AppConfig, KeyStoreChoice};
pub use rickrut_dashboard::ui::{DashboardApp, Persisted};

pub const KEY: &str = "kittest0123456789abcdef0123456789abcdef";

pub struct Fixture {
    pub runtime: tokio::runtime::Runtime,
    pub sandbox: Option<Sandbox>,
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture::with(SandboxConfig::default())
    }

    pub fn with(config: SandboxConfig) -> Fixture {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let sandbox = runtime
            .block_on(Sandbox::start(SandboxConfig {
                api_keys: vec![KEY.into()],
                ..config
            }))
            .unwrap();
        Fixture {
            runtime,
            sandbox: Some(sandbox),
        }
    }

    pub fn base_url(&self) -> String {
        self.sandbox.as_ref().unwrap().base_url()
    }

    pub fn harness(&self) -> Harness<'static, DashboardApp> {
        self.harness_with(ProfileBook::default())
    }

    pub fn harness_with(&self, profiles: ProfileBook) -> Harness<'static, DashboardApp> {
        self.harness_full(profiles, Store::open_in_memory().unwrap())
    }

    pub fn harness_full(
        &self,
        profiles: ProfileBook,
        store: Store,
    ) -> Harness<'static, DashboardApp> {
        // Background checks are the default, but a window test asks for them itself.
        let persisted = Persisted {
            check_every_minutes: 0,
            ..Persisted::default()
        };
        self.harness_settings(profiles, store, persisted)
    }

    pub fn harness_settings(
        &self,
        profiles: ProfileBook,
        store: Store,
        persisted: Persisted,
    ) -> Harness<'static, DashboardApp> {
        let records = Records::from_store(store).unwrap();
        self.build(profiles, records, persisted, Default::default())
    }

    /// A window whose local record is the file in `dir`, as the app keeps it (this
    /// computer's copy of a team record goes beside it).
    pub fn harness_in(&self, dir: &std::path::Path) -> Harness<'static, DashboardApp> {
        let persisted = Persisted {
            check_every_minutes: 0,
            ..Persisted::default()
        };
        // As the window opens it: on the record's own thread, watched until it has opened.
        let (records, database, opening) = Records::open_in_background(Some(dir), || {}).unwrap();
        let paths = rickrut_dashboard::ui::AppPaths {
            database: Some(database),
            ..Default::default()
        };
        let mut h = self.build(ProfileBook::default(), records, persisted, paths);
        h.state_mut().watch_record_opening(opening);
        h
    }

    /// A window whose keys are in `keys` (a keyring that answers as the test decides).
    pub fn harness_keys(
        &self,
        profiles: ProfileBook,
        keys: Arc<dyn SecretStore>,
    ) -> Harness<'static, DashboardApp> {
        self.harness_keys_at(profiles, keys, None)
    }

    /// A window whose profiles are the book saved at `path`, as the app reads and writes it.
    pub fn harness_saved(
        &self,
        path: &std::path::Path,
        keys: Arc<dyn SecretStore>,
    ) -> Harness<'static, DashboardApp> {
        let profiles = ProfileBook::load(path).unwrap();
        self.harness_keys_at(profiles, keys, Some(path.to_path_buf()))
    }

    fn harness_keys_at(
        &self,
        profiles: ProfileBook,
        keys: Arc<dyn SecretStore>,
        profiles_path: Option<std::path::PathBuf>,
    ) -> Harness<'static, DashboardApp> {
        let records = Records::from_store(Store::open_in_memory().unwrap()).unwrap();
        let persisted = Persisted {
            check_every_minutes: 0,
            ..Persisted::default()
        };
        let paths = Default::default();
        self.build_keys(profiles, records, persisted, paths, keys, profiles_path)
    }

    fn build(
        &self,
        profiles: ProfileBook,
        records: Records,
        persisted: Persisted,
        paths: rickrut_dashboard::ui::AppPaths,
    ) -> Harness<'static, DashboardApp> {
        let keys = Arc::new(SessionStore::new());
        self.build_keys(profiles, records, persisted, paths, keys, None)
    }

    fn build_keys(
        &self,
        profiles: ProfileBook,
        records: Records,
        persisted: Persisted,
        paths: rickrut_dashboard::ui::AppPaths,
        keys: Arc<dyn SecretStore>,
        profiles_path: Option<std::path::PathBuf>,
    ) -> Harness<'static, DashboardApp> {
        let app = DashboardApp::new(AppConfig {
            runtime: self.runtime.handle().clone(),
            key_store: KeyStoreChoice::Given(keys),
            profiles,
            profiles_path,
            persisted,
            demo: None,
            client_options: ClientOptions {
                max_retries: 0,
                ..ClientOptions::default()
            },
            records: Some(records),
            paths,
        });
        Harness::builder()
            .with_size([1280.0, 900.0])
            .build_ui_state(|ui, app: &mut DashboardApp| app.show(ui), app)
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        if let Some(sb) = self.sandbox.take() {
            self.runtime.block_on(sb.shutdown());
        }
    }
}

/// Steps frames until `found` holds; a spinner never settles, so `run()` cannot be used.
pub fn step_until(
    h: &mut Harness<'_, DashboardApp>,
    what: &str,
    found: impl Fn(&Harness<'_, DashboardApp>) -> bool,
) {
    for _ in 0..1000 {
        h.step();
        if found(h) {
            return;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    panic!("never saw {what}; the window shows:\n{:#?}", h.root());
}

pub fn has(h: &Harness<'_, DashboardApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// One field of each row the Applicants table shows, in its order.
pub fn visible<T>(
    h: &Harness<'_, DashboardApp>,
    field: impl Fn(&rickrut_dashboard::store::TrackedApplicant) -> T,
) -> Vec<T> {
    h.state()
        .applicants()
        .visible()
        .iter()
        .map(|r| field(r))
        .collect()
}

/// Steps frames until the rows shown are read and in order and the openings counted: that
/// work runs off the window's thread, and the last rows stay shown meanwhile.
pub fn settle(h: &mut Harness<'_, DashboardApp>) {
    for _ in 0..1000 {
        let app = h.state();
        if !app.applicants().is_arranging() && !app.openings().is_counting() {
            return;
        }
        h.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    panic!("the applicants were still being read or put in order after 1,000 frames");
}

pub fn set_text(h: &mut Harness<'_, DashboardApp>, label: &str, text: &str) {
    h.get_by_label(label).set_text_value_accesskit(text);
    h.run_steps(2);
    settle(h);
}

/// Switches view with the navigation (the first button of that name, before the view's own).
pub fn navigate(h: &mut Harness<'_, DashboardApp>, view: &str) {
    h.get_all_by_role_and_label(egui::accesskit::Role::Button, view)
        .next()
        .unwrap_or_else(|| panic!("no navigation button {view}"))
        .click_accesskit();
    h.run_steps(2);
    settle(h);
}

/// Clicks, then lets one frame handle the click and the next draw its result.
pub fn click(h: &mut Harness<'_, DashboardApp>, label: &str) {
    h.get_by_label(label).click_accesskit();
    h.run_steps(2);
    settle(h);
}

/// Adds a profile through the Keys view, as a new user would from the welcome screen.
pub fn add_profile(h: &mut Harness<'_, DashboardApp>, name: &str, base_url: &str, key: &str) {
    h.step();
    if has(h, "Add your API key") {
        click(h, "Add your API key");
    } else {
        navigate(h, "Keys");
        click(h, "Add profile…");
    }
    h.step();
    set_text(h, "Profile name", name);
    set_text(h, "Server address", base_url);
    set_text(h, "API key", key);
    click(h, "Save key");
    step_until(h, "the profile in use", |h| has(h, "(in use)"));
}

pub fn look_up(h: &mut Harness<'_, DashboardApp>, id: &str) {
    navigate(h, "Look up");
    set_text(h, "Applicant ID", id);
    // The view's own button comes after the navigation's.
    h.get_all_by_role_and_label(egui::accesskit::Role::Button, "Look up")
        .last()
        .unwrap()
        .click_accesskit();
    h.step();
}

/// Drops a CSV file holding `text` on the window, as a recruiter would drag it from the file
/// manager, and waits for the preview of its `rows` rows.
pub fn drop_csv(
    h: &mut Harness<'_, DashboardApp>,
    dir: &tempfile::TempDir,
    text: &str,
    rows: usize,
) {
    let file = dir.path().join("candidates.csv");
    std::fs::write(&file, text).unwrap();
    drop_file(h, file, rows);
}

/// Drops a file on the window and waits for a preview of `rows` rows.
pub fn drop_file(h: &mut Harness<'_, DashboardApp>, file: std::path::PathBuf, rows: usize) {
    h.input_mut().dropped_files.push(Arc::new(DroppedCsv(file)));
    step_until(h, "the preview", |h| {
        h.state().bulk().preview().len() == rows
    });
    h.run_steps(2);
}

/// How many rows of the bulk invite's results ended in `state`.
pub fn results_in(h: &Harness<'_, DashboardApp>, state: &str) -> usize {
    h.state()
        .bulk()
        .results()
        .iter()
        .filter(|r| r.state.name() == state)
        .count()
}

/// A file as the window system hands it over on a drop.
#[derive(Debug)]
pub struct DroppedCsv(pub std::path::PathBuf);

impl egui::DroppedFile for DroppedCsv {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// What is cut at the window's left or right edge, as "role "name" at x…x".
pub fn cut(h: &Harness<'_, DashboardApp>, width: f32) -> Vec<String> {
    h.query_all_by(|n| {
        !matches!(
            n.role(),
            Role::Window | Role::GenericContainer | Role::ScrollView | Role::Pane | Role::Unknown
        ) && (n.label().is_some_and(|l| !l.trim().is_empty())
            || n.value().is_some_and(|v| !v.trim().is_empty()))
            && n.bounding_box().is_some()
    })
    .filter_map(|n| {
        let r = n.rect();
        let node = n.accesskit_node();
        (r.min.x < -0.5 || r.max.x > width + 0.5).then(|| {
            format!(
                "{:?} {:?} at x {:.0}…{:.0}",
                node.role(),
                node.label().or_else(|| node.value()).unwrap_or_default(),
                r.min.x,
                r.max.x
            )
        })
    })
    .collect()
}
