//! The language chosen in Settings: the window speaks it at once, Settings remembers it, and
//! the message templates left as they were follow it. The language is the process's, so
//! this test has a binary of its own: no other window test runs beside it in French.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "ui/fixture.rs"]
#[allow(dead_code)]
mod fixture;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;
use fixture::{Fixture, KEY, add_profile, has, navigate, set_text};
use rickrut_dashboard::i18n::{self, Lang};
use rickrut_dashboard::jobs::messages;
use rickrut_dashboard::ui::View;

/// The navigation's button labels, in its order.
fn navigation(h: &fixture::Harness<'static, rickrut_dashboard::ui::DashboardApp>) -> Vec<String> {
    View::ALL
        .iter()
        .map(|view| {
            let title = view.title().to_string();
            h.get_all_by_role_and_label(Role::Button, &title)
                .next()
                .unwrap_or_else(|| panic!("no navigation button {title}"));
            title
        })
        .collect()
}

/// The tests of this binary that change the language take turns.
static LANGUAGE: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[test]
fn choosing_french_in_settings_relabels_the_window_at_once_and_is_remembered() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    i18n::set(Lang::En);
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Settings");
    assert_eq!(
        h.state().persisted().language,
        None,
        "follows the system at first"
    );
    let english = navigation(&h);

    // The recruiter opens the Language menu and picks Français.
    h.get_by_label("Language").click_accesskit();
    h.run_steps(2);
    h.get_all_by_role_and_label(Role::Button, "Français")
        .chain(h.get_all_by_label("Français"))
        .last()
        .expect("Français in the Language menu")
        .click_accesskit();
    h.run_steps(3);

    assert_eq!(i18n::current(), Lang::Fr, "applies at once");
    assert_eq!(
        h.state().persisted().language,
        Some(Lang::Fr),
        "is remembered"
    );
    assert!(
        has(&h, "Langue"),
        "Settings speaks French:\n{:#?}",
        h.root()
    );
    assert!(!has(&h, "Request timeout"));
    // The navigation is drawn from the views' titles in the language in use, this frame.
    let french = navigation(&h);
    assert_eq!(french.len(), english.len());
    // A template the recruiter never edited is the French default.
    assert!(h.state().persisted().invitation_template.is_empty());
    assert_eq!(
        h.state().persisted().invitation(),
        messages::default_invitation_in(Lang::Fr)
    );
    let shown = h
        .get_by_label("Message d’invitation")
        .value()
        .unwrap_or_default();
    assert!(shown.contains("remercions de votre candidature"), "{shown}");
    // Edited, it is the recruiter's own; restored, it is the default again (kept empty).
    set_text(&mut h, "Message d’invitation", "Bonjour {first_name}");
    assert_eq!(
        h.state().persisted().invitation_template,
        "Bonjour {first_name}"
    );
    h.get_all_by_label("Rétablir le texte par défaut")
        .next()
        .unwrap()
        .click_accesskit();
    h.run_steps(2);
    assert!(h.state().persisted().invitation_template.is_empty());

    // Back to English, for whatever runs next in this process.
    h.get_by_label("Langue").click_accesskit();
    h.run_steps(2);
    if !has(&h, "English") {
        // The menu closed on the last choice takes a second click to open again.
        h.get_by_label("Langue").click_accesskit();
        h.run_steps(2);
    }
    h.get_all_by_label("English")
        .last()
        .expect("English in the Language menu")
        .click_accesskit();
    h.run_steps(3);
    assert_eq!(i18n::current(), Lang::En);
    assert!(has(&h, "Request timeout"));
}

#[test]
fn a_saved_english_default_follows_the_language() {
    let english_default = messages::default_invitation_in(Lang::En);
    let saved = serde_json::json!({ "invitation_template": english_default }).to_string();
    let persisted: rickrut_dashboard::ui::Persisted = serde_json::from_str(&saved).unwrap();
    assert_eq!(
        persisted.language, None,
        "an old settings file follows the system"
    );
    let clamped = persisted.clamped();
    assert!(clamped.invitation_template.is_empty());
    let own = rickrut_dashboard::ui::Persisted {
        reminder_template: "Hi {first_name}".into(),
        ..Default::default()
    }
    .clamped();
    assert_eq!(
        own.reminder_template, "Hi {first_name}",
        "the recruiter's own stays"
    );
}

/// In French, which runs longer, at 800×600: nothing of the Keys, Invite, Bulk invite
/// (with a file's preview and the question before sending), Applicants and Settings views
/// reaches past the window's right edge.
#[test]
fn french_fits_at_800_by_600() {
    let _turn = LANGUAGE.lock().unwrap_or_else(|e| e.into_inner());
    i18n::set(Lang::En);
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    i18n::set(Lang::Fr);
    h.set_size(egui::vec2(800.0, 600.0));
    h.run_steps(3);
    let mut past = Vec::new();
    for view in [
        View::Keys,
        View::Invite,
        View::Bulk,
        View::Applicants,
        View::Settings,
    ] {
        h.state_mut()
            .queue(rickrut_dashboard::ui::Command::ShowView(view));
        h.run_steps(3);
        past.extend(
            fixture::cut(&h, 800.0)
                .into_iter()
                .map(|c| format!("{view:?}: {c}")),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    h.state_mut()
        .queue(rickrut_dashboard::ui::Command::ShowView(View::Bulk));
    fixture::drop_csv(
        &mut h,
        &dir,
        "E-mail,Prénom,Nom,Poste\nrita.levi@example.com,Rita,Levi,software-engineer\nbad-address,Bad,Row,software-engineer\nalan.t@example.com,Alan,T,data-analyst\n",
        3,
    );
    past.extend(
        fixture::cut(&h, 800.0)
            .into_iter()
            .map(|c| format!("Bulk preview: {c}")),
    );
    h.get_all_by_role_and_label(Role::Button, "Envoyer 2 invitations…")
        .next()
        .expect("the send button in French")
        .click_accesskit();
    h.run_steps(3);
    assert!(
        h.query_by_label("Envoyer 2 invitations").is_some(),
        "the question before sending"
    );
    past.extend(
        fixture::cut(&h, 800.0)
            .into_iter()
            .map(|c| format!("Bulk question: {c}")),
    );
    i18n::set(Lang::En);
    assert!(
        past.is_empty(),
        "past the right edge at 800 px:\n{}",
        past.join("\n")
    );
}
