//! Keys, settings and the keyboard.

use std::time::Duration;

use egui_kittest::kittest::Queryable;

use crate::fixture::*;

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
        (Key::Num6, View::Openings),
        (Key::Num7, View::Settings),
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
fn a_key_deleted_behind_the_apps_back_gets_a_way_forward() {
    let f = Fixture::new();
    // The profile is remembered but its key is no longer in the store.
    let profiles = ProfileBook {
        profiles: vec![rickrut_dashboard::keys::Profile {
            name: "Gone".into(),
            base_url: f.base_url(),
            team_db: None,
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

/// A keyring that answers only once the test lets it, as a slow D-Bus would.
struct HeldKeyring {
    release: std::sync::Mutex<std::sync::mpsc::Receiver<()>>,
    keys: SessionStore,
}

impl SecretStore for HeldKeyring {
    fn get(
        &self,
        profile: &str,
    ) -> Result<Option<secrecy::SecretString>, rickrut_dashboard::keys::KeyStoreError> {
        let _ = self.release.lock().unwrap().recv();
        self.keys.get(profile)
    }
    fn set(
        &self,
        profile: &str,
        key: &secrecy::SecretString,
    ) -> Result<(), rickrut_dashboard::keys::KeyStoreError> {
        self.keys.set(profile, key)
    }
    fn delete(&self, profile: &str) -> Result<(), rickrut_dashboard::keys::KeyStoreError> {
        self.keys.delete(profile)
    }
    fn describe(&self) -> &'static str {
        "held"
    }
}

#[test]
fn a_profile_still_opening_is_said_so_not_asked_for() {
    use rickrut_dashboard::keys::Profile;
    use rickrut_dashboard::ui::{Command, View};
    let f = Fixture::new();
    let (release, held) = std::sync::mpsc::channel();
    let keyring = HeldKeyring {
        release: std::sync::Mutex::new(held),
        keys: SessionStore::new(),
    };
    keyring
        .keys
        .set("Agency", &secrecy::SecretString::from(KEY.to_owned()))
        .unwrap();
    let profiles = ProfileBook {
        profiles: vec![Profile {
            name: "Agency".into(),
            base_url: f.base_url(),
            team_db: None,
        }],
        active: Some("Agency".into()),
    };
    let mut h = f.harness_keys(profiles, std::sync::Arc::new(keyring));
    for view in [View::Applicants, View::Openings, View::Bulk] {
        h.state_mut().queue(Command::ShowView(view));
        h.run_steps(3);
        assert!(
            has(&h, "Opening profile Agency…"),
            "{view:?} does not say the profile is opening:\n{:#?}",
            h.root()
        );
        assert!(!has(&h, "Use a profile"), "{view:?} asks for a profile");
    }
    // The status bar says it once, beside the spinner; its left part names the profile.
    assert_eq!(
        h.query_all_by_label_contains("Opening profile Agency")
            .count(),
        2,
        "the view and the status bar's activity, nothing more:\n{:#?}",
        h.root()
    );
    release.send(()).unwrap();
    h.state_mut().queue(Command::ShowView(View::Applicants));
    step_until(&mut h, "the profile in use", |h| {
        h.state().connection().is_some() && has(h, "No applicant is tracked yet")
    });
    assert!(!has(&h, "Opening profile"));
}

/// A window that opens on the profile its file already has in use leaves the file as it is;
/// choosing another profile writes it.
#[test]
fn the_profile_file_is_written_only_when_it_changes() {
    use rickrut_dashboard::keys::Profile;
    use rickrut_dashboard::ui::Command;
    use std::os::unix::fs::MetadataExt;
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("profiles.toml");
    let profile = |name: &str| Profile {
        name: name.into(),
        base_url: f.base_url(),
        team_db: None,
    };
    ProfileBook {
        profiles: vec![profile("Agency"), profile("Second")],
        active: Some("Agency".into()),
    }
    .save(&path)
    .unwrap();
    let keys = SessionStore::new();
    for name in ["Agency", "Second"] {
        keys.set(name, &secrecy::SecretString::from(KEY.to_owned()))
            .unwrap();
    }
    // A save replaces the file (a new inode), and so changes its identity.
    let identity = || {
        let m = std::fs::metadata(&path).unwrap();
        (m.ino(), m.mtime(), m.mtime_nsec())
    };
    let before = identity();
    let mut h = f.harness_saved(&path, std::sync::Arc::new(keys));
    step_until(&mut h, "the profile in use", |h| {
        h.state().connection().is_some()
    });
    h.run_steps(10);
    assert_eq!(
        identity(),
        before,
        "the file was written though nothing changed"
    );

    h.state_mut().queue(Command::UseProfile("Second".into()));
    step_until(&mut h, "the second profile saved as the one in use", |_| {
        ProfileBook::load(&path).unwrap().active.as_deref() == Some("Second")
    });
    assert_ne!(identity(), before);
}
