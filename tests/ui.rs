//! The real app state driven through egui_kittest (by accessible labels, as a screen reader
//! would) against the sandbox on loopback, with keys in a session store.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::sync::Arc;
use std::time::Duration;

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use rickrut_dashboard::api::ClientOptions;
use rickrut_dashboard::jobs::record::Records;
use rickrut_dashboard::keys::{ProfileBook, SessionStore};
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig};
use rickrut_dashboard::store::Store;
use rickrut_dashboard::ui::{AppConfig, DashboardApp, KeyStoreChoice, Persisted};

const KEY: &str = "kittest0123456789abcdef0123456789abcdef";

struct Fixture {
    runtime: tokio::runtime::Runtime,
    sandbox: Option<Sandbox>,
}

impl Fixture {
    fn new() -> Fixture {
        Fixture::with(SandboxConfig::default())
    }

    fn with(config: SandboxConfig) -> Fixture {
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

    fn base_url(&self) -> String {
        self.sandbox.as_ref().unwrap().base_url()
    }

    fn harness(&self) -> Harness<'static, DashboardApp> {
        self.harness_with(ProfileBook::default())
    }

    fn harness_with(&self, profiles: ProfileBook) -> Harness<'static, DashboardApp> {
        self.harness_full(profiles, Store::open_in_memory().unwrap())
    }

    fn harness_full(&self, profiles: ProfileBook, store: Store) -> Harness<'static, DashboardApp> {
        self.harness_settings(profiles, store, Persisted::default())
    }

    fn harness_settings(
        &self,
        profiles: ProfileBook,
        store: Store,
        persisted: Persisted,
    ) -> Harness<'static, DashboardApp> {
        let app = DashboardApp::new(AppConfig {
            runtime: self.runtime.handle().clone(),
            key_store: KeyStoreChoice::Given(Arc::new(SessionStore::new())),
            profiles,
            profiles_path: None,
            persisted,
            demo: None,
            client_options: ClientOptions {
                max_retries: 0,
                ..ClientOptions::default()
            },
            records: Some(Records::from_store(store).unwrap()),
            paths: Default::default(),
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
fn step_until(
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

fn has(h: &Harness<'_, DashboardApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

/// One field of each row the Applicants table shows, in its order.
fn visible<T>(
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

fn set_text(h: &mut Harness<'_, DashboardApp>, label: &str, text: &str) {
    h.get_by_label(label).set_text_value_accesskit(text);
    h.run_steps(2);
}

/// Switches view with the navigation (the first button of that name, before the view's own).
fn navigate(h: &mut Harness<'_, DashboardApp>, view: &str) {
    h.get_all_by_role_and_label(egui::accesskit::Role::Button, view)
        .next()
        .unwrap_or_else(|| panic!("no navigation button {view}"))
        .click_accesskit();
    h.run_steps(2);
}

/// Clicks, then lets one frame handle the click and the next draw its result.
fn click(h: &mut Harness<'_, DashboardApp>, label: &str) {
    h.get_by_label(label).click_accesskit();
    h.run_steps(2);
}

/// Adds a profile through the Keys view, as a new user would from the welcome screen.
fn add_profile(h: &mut Harness<'_, DashboardApp>, name: &str, base_url: &str, key: &str) {
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

fn look_up(h: &mut Harness<'_, DashboardApp>, id: &str) {
    navigate(h, "Look up");
    set_text(h, "Applicant ID", id);
    // The view's own button comes after the navigation's.
    h.get_all_by_role_and_label(egui::accesskit::Role::Button, "Look up")
        .last()
        .unwrap()
        .click_accesskit();
    h.step();
}

#[test]
fn add_a_key_and_look_up_a_scored_applicant() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    assert!(h.state().connection().is_some());
    // The key is shown masked: last four characters only.
    assert!(has(&h, "••••cdef"));
    assert!(!has(&h, KEY));

    look_up(&mut h, "31415");
    step_until(&mut h, "the applicant card", |h| has(h, "John Smith"));
    let applicant = h.state().lookup().shown().unwrap().clone();
    assert_eq!(applicant.id, 31415);
    for text in [
        "SCORED",
        "ATZDVQDH",
        "Skill score",
        "Adequation score",
        "not uploaded",
        "audio_recording_1477558998009.mp3",
        "⚠ gibberish",
        "Case answers (1, 1 flagged gibberish)",
    ] {
        assert!(has(&h, text), "missing {text}");
    }
    assert!(
        has(&h, "15.0") && has(&h, "100.0"),
        "scores with the server's text"
    );
}

#[test]
fn non_numeric_id_is_refused_without_a_request() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    for bad in ["abc", "-3", "0", "12.5"] {
        look_up(&mut h, bad);
        h.run_steps(3);
        assert!(has(&h, "is not an applicant ID"), "{bad}");
    }
    assert_eq!(h.state().lookup().requests_sent(), 0);
    assert_eq!(h.state().requests_in_flight(), 0);
}

#[test]
fn invite_shows_the_new_code_then_a_422_detail() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Invite");

    // Inline validation first: nothing is sent.
    set_text(&mut h, "Email", "not an email");
    click(&mut h, "Send invite");
    h.run_steps(2);
    assert!(has(&h, "is not a valid email address"));
    assert!(has(&h, "An opening is required"));
    assert_eq!(h.state().invite().requests_sent(), 0);

    set_text(&mut h, "Email", "katherine.johnson@example.com");
    set_text(&mut h, "Opening", "software-engineer");
    set_text(&mut h, "First name", "Katherine");
    set_text(&mut h, "Last name", "Johnson");
    click(&mut h, "Send invite");
    step_until(&mut h, "the invited applicant", |h| has(h, "was invited"));
    let created = h.state().invite().created().unwrap().clone();
    let code = created.code.clone().unwrap();
    assert!(has(&h, &code), "the new code {code} is shown");
    assert!(has(&h, "INVITED"));
    assert_eq!(h.state().invite().requests_sent(), 1);

    // The same invite again: the server's 422 detail is shown and what was typed is kept.
    set_text(&mut h, "Email", "katherine.johnson@example.com");
    set_text(&mut h, "Opening", "software-engineer");
    click(&mut h, "Send invite");
    step_until(&mut h, "the 422", |h| has(h, "(422)"));
    assert_eq!(
        h.get_by_label("Email").value().as_deref(),
        Some("katherine.johnson@example.com")
    );

    // "Open in Look up" is offered for a created applicant: the first invite's card.
    assert!(
        h.state()
            .persisted()
            .openings_used
            .contains(&"software-engineer".to_owned())
    );
}

#[test]
fn a_wrong_key_gets_a_401_sentence() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(
        &mut h,
        "Wrong",
        &f.base_url(),
        "ffffffffffffffffffffffffffffffffffffffff",
    );
    // Verify says so in words.
    click(&mut h, "Verify");
    step_until(&mut h, "the verify answer", |h| {
        has(h, "the key was refused")
    });
    look_up(&mut h, "31415");
    step_until(&mut h, "the 401 sentence", |h| {
        has(h, "The API key was refused (401)")
    });
    assert!(h.state().lookup().shown().is_none());
}

#[test]
fn verify_accepts_a_good_key() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    click(&mut h, "Verify");
    step_until(&mut h, "the verify answer", |h| {
        has(h, "the key was accepted")
    });
}

#[test]
fn applicants_sort_filter_select_and_history() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    for (id, name) in [("1002", ""), ("1003", ""), ("31415", "John Smith")] {
        look_up(&mut h, id);
        step_until(&mut h, "the card", |h| {
            h.state()
                .lookup()
                .shown()
                .is_some_and(|a| a.id.to_string() == id)
                && (name.is_empty() || has(h, name))
        });
    }
    navigate(&mut h, "Applicants");
    step_until(&mut h, "three tracked applicants", |h| {
        h.state().applicants().rows().len() == 3
    });

    // Sort by name, both ways.
    click(&mut h, "Name");
    let names = visible(&h, |r| r.name.clone());
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    h.get_by_label_contains("Name ").click_accesskit();
    h.run_steps(2);
    let reversed = visible(&h, |r| r.name.clone());
    sorted.reverse();
    assert_eq!(reversed, sorted);

    // Filter by email fragment.
    set_text(&mut h, "Filter", "john.smith");
    let shown = visible(&h, |r| r.id);
    assert_eq!(shown, [31415]);

    // Select the row: the card and the history appear.
    h.get_by_label("John Smith").click();
    // The click lands after the toolbar was drawn: the details come on a following frame.
    // The history arrives from the store worker; it is drawn on the frame after it came.
    step_until(&mut h, "the status change list", |h| {
        h.state().applicants().history().is_some() && has(h, "— SCORED (step 6)")
    });
    assert!(has(&h, "Score history"));
    assert_eq!(h.state().applicants().selected(), Some(31415));
    assert!(has(&h, "ATZDVQDH"), "the same applicant card as Look up");
    assert_eq!(h.state().applicants().history().unwrap().len(), 1);

    // The keyboard chooses rows once no field has it: Home, ↓, End, ↑, in the order shown.
    set_text(&mut h, "Filter", "");
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.get_by_label("Filter").is_focused());
    let order = visible(&h, |r| r.id);
    assert_eq!(order.len(), 3);
    for (key, expected) in [
        (egui::Key::Home, order[0]),
        (egui::Key::ArrowDown, order[1]),
        (egui::Key::End, order[2]),
        (egui::Key::ArrowDown, order[2]),
        (egui::Key::ArrowUp, order[1]),
    ] {
        h.key_press(key);
        h.run_steps(2);
        assert_eq!(
            h.state().applicants().selected(),
            Some(expected),
            "after {key:?}"
        );
    }
    step_until(&mut h, "the chosen applicant's history", |h| {
        h.state()
            .applicants()
            .history()
            .is_some_and(|history| !history.is_empty())
    });
    // In a field, the same keys are the field's own.
    h.get_by_label("Filter").focus();
    h.run_steps(1);
    h.key_press(egui::Key::Home);
    h.run_steps(2);
    assert_eq!(h.state().applicants().selected(), Some(order[1]));
}

#[test]
fn bulk_invite_from_a_dropped_csv() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    let dir = tempfile::tempdir().unwrap();
    drop_csv(
        &mut h,
        &dir,
        "E-mail,First name,Last name,Position\nrita.levi@example.com,Rita,Levi,software-engineer\nbad-address,Bad,Row,software-engineer\nrita.levi@example.com,Rita,Again,software-engineer\nalan.t@example.com,Alan,T,data-analyst\n",
        4,
    );
    assert!(has(&h, "2 ready"), "counts per verdict");
    assert!(has(&h, "invalid email"));
    assert!(has(&h, "duplicate of row 1"));
    click(&mut h, "Send 2 invites");
    step_until(&mut h, "the results", |h| results_in(h, "created") == 2);
    h.run_steps(2);
    assert!(has(&h, "2 created"), "the progress line");
    assert_eq!(h.state().bulk().results().len(), 4);
    assert_eq!(results_in(&h, "failed"), 1);
    assert_eq!(results_in(&h, "skipped"), 1);
    // The created applicants are tracked.
    step_until(&mut h, "tracked invites", |h| {
        h.state().applicants().rows().len() == 2
    });
}

#[test]
fn the_preview_leaves_a_row_out_and_fixes_an_email_in_place() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    let dir = tempfile::tempdir().unwrap();
    drop_csv(
        &mut h,
        &dir,
        "email,first_name,last_name,opening\nada.l@example.com,Ada,L,software-engineer\nnot-an-address,Grace,H,software-engineer\nlin.n@example.com,Lin,N,data-analyst\n",
        3,
    );
    assert!(has(&h, "2 ready"), "{:#?}", h.root());
    assert!(has(&h, "1 invalid email"));

    // Row 3 left out: its check box, as a screen reader (or the keyboard) reaches it.
    let send_3 = h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Send row 3");
    assert_eq!(
        send_3.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True)
    );
    send_3.click_accesskit();
    h.run_steps(2);
    assert!(h.state().bulk().preview()[2].excluded);
    assert!(
        has(&h, "1 ready") && has(&h, "1 excluded"),
        "{:#?}",
        h.root()
    );
    let send_3 = h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Send row 3");
    assert_eq!(
        send_3.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::False)
    );

    // Row 2's email, clicked, becomes a field; fixed and confirmed with Enter, it is ready.
    // Clicked with the pointer, as a recruiter would: hovered first, long enough for the
    // tooltip to show.
    h.get_by_label("not-an-address").hover();
    h.run_steps(90);
    h.get_by_label("not-an-address").click();
    h.run_steps(3);
    assert_eq!(
        h.get_by_role(egui::accesskit::Role::TextInput)
            .value()
            .as_deref(),
        Some("not-an-address")
    );
    // Away to another window (to copy the right address) and back: the field stays open.
    h.input_mut().focused = false;
    h.run_steps(3);
    h.input_mut().focused = true;
    h.run_steps(2);
    let field = h.get_by_role(egui::accesskit::Role::TextInput);
    field.set_text_value_accesskit("grace.h@example.com");
    h.run_steps(2);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    assert_eq!(
        h.state().bulk().preview()[1].row.email,
        "grace.h@example.com"
    );
    assert!(
        has(&h, "2 ready") && has(&h, "1 excluded"),
        "{:#?}",
        h.root()
    );
    assert!(
        h.query_by_role(egui::accesskit::Role::TextInput).is_none(),
        "the field closes on Enter"
    );

    click(&mut h, "Send 2 invites");
    step_until(&mut h, "the results", |h| results_in(h, "created") == 2);
    let results = h.state().bulk().results().to_vec();
    let created: Vec<&str> = results
        .iter()
        .filter(|r| r.state.name() == "created")
        .map(|r| r.email.as_str())
        .collect();
    assert_eq!(created, ["ada.l@example.com", "grace.h@example.com"]);
    assert_eq!(
        results
            .iter()
            .find(|r| r.row_no == 3)
            .map(|r| r.state.name()),
        Some("excluded")
    );
    // The results table shows each row, read by a screen reader as a row.
    h.run_steps(2);
    assert!(
        has(&h, "Row 2, grace.h@example.com, created"),
        "{:#?}",
        h.root()
    );
}

/// Drops a CSV file holding `text` on the window, as a recruiter would drag it from the file
/// manager, and waits for the preview of its `rows` rows.
fn drop_csv(h: &mut Harness<'_, DashboardApp>, dir: &tempfile::TempDir, text: &str, rows: usize) {
    let file = dir.path().join("candidates.csv");
    std::fs::write(&file, text).unwrap();
    h.input_mut().dropped_files.push(Arc::new(DroppedCsv(file)));
    step_until(h, "the preview", |h| {
        h.state().bulk().preview().len() == rows
    });
    h.run_steps(2);
}

/// How many rows of the bulk invite's results ended in `state`.
fn results_in(h: &Harness<'_, DashboardApp>, state: &str) -> usize {
    h.state()
        .bulk()
        .results()
        .iter()
        .filter(|r| r.state.name() == state)
        .count()
}

/// A file as the window system hands it over on a drop.
#[derive(Debug)]
struct DroppedCsv(std::path::PathBuf);

impl egui::DroppedFile for DroppedCsv {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn the_keyboard_alone_reaches_views_and_actions() {
    use egui::{Key, Modifiers};
    use rickrut_dashboard::ui::View;
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    for (key, view) in [
        (Key::Num1, View::Keys),
        (Key::Num2, View::LookUp),
        (Key::Num3, View::Invite),
        (Key::Num4, View::Bulk),
        (Key::Num5, View::Applicants),
        (Key::Num6, View::Settings),
    ] {
        h.key_press_modifiers(Modifiers::COMMAND, key);
        h.run_steps(2);
        assert_eq!(h.state().persisted().view, view);
    }
    // Ctrl+L: the ID field has the focus; type and Enter look up.
    h.key_press_modifiers(Modifiers::COMMAND, Key::L);
    h.run_steps(2);
    assert!(h.get_by_label("Applicant ID").is_focused());
    h.get_by_label("Applicant ID").type_text("31415");
    h.run_steps(1);
    h.key_press(Key::Enter);
    step_until(&mut h, "the card", |h| has(h, "ATZDVQDH"));
    // Ctrl+N: a new invite, the email field focused.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(2);
    assert_eq!(h.state().persisted().view, View::Invite);
    assert!(h.get_by_label("Email").is_focused());
    // Ctrl+F: the applicants filter focused.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    assert!(h.get_by_label("Filter").is_focused());
    // F1: the shortcuts, from the same table the handler reads; Esc closes it.
    h.key_press(Key::F1);
    h.run_steps(2);
    assert!(has(&h, "Keyboard shortcuts"));
    assert!(has(&h, "Refresh all tracked applicants"));
    h.key_press(Key::Escape);
    h.run_steps(2);
    assert!(!has(&h, "Refresh all tracked applicants"));
    // Ctrl+R: refresh all, from anywhere.
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    step_until(&mut h, "a finished refresh", |h| {
        h.state()
            .applicants()
            .last_refresh()
            .is_some_and(|p| p.finished)
    });
}

#[test]
fn settings_apply_persist_and_restore() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Settings");
    h.get_by_label("Request timeout").set_value_accesskit(60.0);
    h.run_steps(2);
    h.get_by_label("Requests at once").set_value_accesskit(3.0);
    h.run_steps(2);
    assert_eq!(h.state().persisted().timeout_secs, 60);
    assert_eq!(h.state().persisted().concurrency, 3);
    assert_eq!(
        h.state().connection().unwrap().client.options().timeout,
        Duration::from_secs(60),
        "applies to the profile in use at once"
    );
    assert_eq!(h.state().applicants().concurrency(), 3);
    // Out of range is held to the range.
    h.get_by_label("Request timeout")
        .set_value_accesskit(100_000.0);
    h.run_steps(2);
    assert_eq!(h.state().persisted().timeout_secs, 300);
    set_text(&mut h, "Data directory", "relative/path");
    assert!(has(&h, "must be a full path"));
    // What eframe stores round-trips, and holds no key.
    let saved = serde_json::to_string(h.state().persisted()).unwrap();
    assert!(!saved.contains(KEY));
    let back: rickrut_dashboard::ui::Persisted = serde_json::from_str(&saved).unwrap();
    assert_eq!(back.timeout_secs, 300);
    click(&mut h, "Restore defaults");
    assert_eq!(h.state().persisted().timeout_secs, 30);
    assert_eq!(h.state().persisted().concurrency, 8);
}

#[test]
fn a_hanging_server_keeps_the_window_responsive_and_cancel_works() {
    let f = Fixture::with(SandboxConfig {
        fault: Some(rickrut_dashboard::sandbox::Fault::SlowBody),
        ..SandboxConfig::default()
    });
    let mut h = f.harness();
    add_profile(&mut h, "Slow", &f.base_url(), KEY);
    look_up(&mut h, "31415");
    // Frames keep coming while the body drips: the UI thread never waits on the network.
    for _ in 0..20 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(has(&h, "1 request in flight"));
    assert_eq!(h.state().requests_in_flight(), 1);
    click(&mut h, "Cancel");
    step_until(&mut h, "the cancel", |h| has(h, "stopped: Cancelled"));
    assert_eq!(h.state().requests_in_flight(), 0);
    assert!(h.state().lookup().shown().is_none());
}

#[test]
fn a_key_deleted_behind_the_apps_back_gets_a_way_forward() {
    let f = Fixture::new();
    // The profile is remembered but its key is no longer in the store.
    let profiles = ProfileBook {
        profiles: vec![rickrut_dashboard::keys::Profile {
            name: "Gone".into(),
            base_url: f.base_url(),
        }],
        active: Some("Gone".into()),
    };
    let mut h = f.harness_with(profiles);
    step_until(&mut h, "the message", |h| {
        has(h, "No key is stored for Gone; paste one in Keys.")
    });
    assert!(h.state().connection().is_none());
    // The way forward: paste the key again.
    navigate(&mut h, "Keys");
    click(&mut h, "Replace key…");
    set_text(&mut h, "API key", KEY);
    click(&mut h, "Save key");
    step_until(&mut h, "the profile in use", |h| {
        h.state().connection().is_some()
    });
}

#[test]
fn a_full_disk_is_told_and_the_window_keeps_working() {
    let f = Fixture::new();
    let store = Store::open_in_memory().unwrap();
    store
        .set_max_page_count(store.page_count().unwrap())
        .unwrap();
    let mut h = f.harness_full(ProfileBook::default(), store);
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    look_up(&mut h, "1099");
    step_until(&mut h, "the message", |h| has(h, "Not saved locally"));
    assert!(has(&h, "full"), "says why");
    // The lookup itself is shown, and the next one works too.
    assert_eq!(h.state().lookup().shown().map(|a| a.id), Some(1099));
    look_up(&mut h, "31415");
    step_until(&mut h, "the next card", |h| has(h, "ATZDVQDH"));
}

#[test]
fn refreshing_10000_under_random_faults_ends_every_row_and_keeps_drawing() {
    use rickrut_dashboard::sandbox::Fault;
    const N: u64 = 10_000;
    const FIRST: u64 = 1_000_001; // the sandbox's generated crowd
    let f = Fixture::with(SandboxConfig {
        crowd: N as u32,
        fault: Some(Fault::Random),
        fault_rate: 0.1,
        ..SandboxConfig::default()
    });
    let mut store = Store::open_in_memory().unwrap();
    let ids: Vec<u64> = (FIRST..FIRST + N).collect();
    store.track_ids("Acme", &ids).unwrap();
    let persisted = Persisted {
        concurrency: 64,
        timeout_secs: 5, // the shortest the settings allow: a dripping body costs 5 s
        ..Persisted::default()
    };
    let mut h = f.harness_settings(ProfileBook::default(), store, persisted);
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Applicants");
    step_until(&mut h, "the tracked rows", |h| {
        h.state().applicants().rows().len() == N as usize
    });
    click(&mut h, "Refresh all");
    assert_eq!(h.state().applicants().in_flight(), 1);

    // Frames keep coming while ten thousand requests (a tenth of them misbehaving) run:
    // each step below is a whole frame drawn on this thread, and progress moves between them.
    let mut frames = 0u32;
    let mut progress_seen = std::collections::BTreeSet::new();
    while h.state().applicants().in_flight() == 1 {
        h.step();
        frames += 1;
        progress_seen.insert(h.state().applicants().progress().done);
        assert!(frames < 60_000, "the refresh never ended");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(
        progress_seen.len() >= 20,
        "only {} distinct progress values over {frames} frames",
        progress_seen.len()
    );

    let done = h.state().applicants().last_refresh().unwrap();
    assert!(done.finished);
    assert_eq!(done.total, N as usize);
    assert_eq!(
        done.done, N as usize,
        "every applicant ends with an outcome"
    );
    assert!(
        done.failed > 0,
        "the faults must have hit something: {done:?}"
    );
    assert_eq!(done.failures.len(), done.failed);
    assert!(
        done.failures.iter().all(|(_, why)| !why.trim().is_empty()),
        "every failure has a reason"
    );

    // What the store holds, as the table shows it: refreshed, or with its reason.
    h.state_mut()
        .queue(rickrut_dashboard::ui::Command::ReloadApplicants);
    step_until(&mut h, "the reloaded rows", |h| {
        let rows = h.state().applicants().rows();
        rows.len() == N as usize
            && rows
                .iter()
                .all(|r| r.last_checked.is_some() || r.last_error.is_some() || r.deleted_upstream)
    });
    let rows = h.state().applicants().rows();
    let refreshed = rows
        .iter()
        .filter(|r| !r.status.is_empty() && r.last_error.is_none() && !r.deleted_upstream)
        .count();
    let with_reason = rows
        .iter()
        .filter(|r| r.last_error.as_deref().is_some_and(|e| !e.is_empty()) || r.deleted_upstream)
        .count();
    assert_eq!(
        refreshed + with_reason,
        N as usize,
        "{refreshed} + {with_reason}"
    );
    assert!(
        refreshed as f64 > N as f64 * 0.8,
        "only {refreshed} refreshed"
    );
    let (requests, _) = f.sandbox.as_ref().unwrap().counters();
    assert!(requests >= N, "{requests} requests");
    println!(
        "10,000 under 10% faults: {refreshed} refreshed, {with_reason} with a reason, {} requests, {frames} frames drawn meanwhile",
        done.requests
    );

    // End chooses the last of the 10,000 and scrolls it into view: only rows in view are
    // drawn, so its row is in the tree only if the table scrolled to it.
    h.run_steps(2);
    let row_of = |h: &Harness<'_, DashboardApp>, i: usize| {
        let r = &h.state().applicants().visible()[i];
        (r.id, format!("Applicant {}, {}", r.id, r.name))
    };
    let (last_id, last_row) = row_of(&h, N as usize - 1);
    let (first_id, first_row) = row_of(&h, 0);
    assert!(has(&h, &first_row) && !has(&h, &last_row));
    h.key_press(egui::Key::End);
    h.run_steps(3);
    assert_eq!(h.state().applicants().selected(), Some(last_id));
    assert!(has(&h, &last_row), "the last row was scrolled into view");
    h.key_press(egui::Key::Home);
    h.run_steps(3);
    assert_eq!(h.state().applicants().selected(), Some(first_id));
    assert!(has(&h, &first_row) && !has(&h, &last_row));
}
