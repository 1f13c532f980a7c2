//! Everyday controls read as words: the pace of refreshes as labelled controls with units,
//! Enter sending each form, the opening kept after an invite, and About on the demo.

use egui_kittest::kittest::Queryable;

use crate::fixture::*;

/// Enter in a field, as a recruiter types: focus it, press the key, let the frame act.
fn press_enter_in(h: &mut Harness<'_, DashboardApp>, label: &str) {
    h.get_by_label(label).focus();
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
}

#[test]
fn the_pace_of_refreshes_reads_as_labelled_controls_with_their_units() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Applicants");
    let at_once = h.get_by_label("Requests at once");
    assert_eq!(at_once.value().as_deref(), Some("8"), "{:#?}", h.root());
    // The fixture turns background checks off: the control says so in a word.
    let checks = h.get_by_label("Check unfinished candidates");
    assert_eq!(checks.value().as_deref(), Some("off"));
    assert!(!has(&h, "0 min") && !has(&h, "at once:"));
    h.get_by_label("Check unfinished candidates")
        .set_value_accesskit(15.0);
    h.run_steps(3);
    assert_eq!(h.state().persisted().check_every_minutes, 15);
    assert_eq!(
        h.get_by_label("Check unfinished candidates")
            .value()
            .as_deref(),
        Some("every 15 min")
    );
}

#[test]
fn enter_sends_an_invite_and_the_opening_stays_for_the_next_candidate() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Invite");
    set_text(&mut h, "Email", "dorothy.vaughan@example.com");
    set_text(&mut h, "Opening", "software-engineer");
    set_text(&mut h, "First name", "Dorothy");
    set_text(&mut h, "Last name", "Vaughan");
    press_enter_in(&mut h, "Last name");
    step_until(&mut h, "the invited applicant", |h| has(h, "was invited"));
    assert_eq!(h.state().invite().requests_sent(), 1);
    h.run_steps(2);
    let value =
        |h: &Harness<'_, DashboardApp>, label| h.get_by_label(label).value().unwrap_or_default();
    assert_eq!(value(&h, "Opening"), "software-engineer");
    for field in ["Email", "First name", "Last name"] {
        assert_eq!(
            value(&h, field),
            "",
            "{field} is cleared for the next candidate"
        );
    }
    // The next candidate for the same opening: one field typed, Enter.
    set_text(&mut h, "Email", "christine.darden@example.com");
    press_enter_in(&mut h, "Email");
    step_until(&mut h, "the second invite", |h| {
        let invite = h.state().invite();
        invite.requests_sent() == 2 && !invite.is_running() && invite.created().is_some()
    });
}

#[test]
fn enter_saves_a_new_key() {
    let f = Fixture::new();
    let mut h = f.harness();
    h.step();
    click(&mut h, "Add your API key");
    h.step();
    set_text(&mut h, "Profile name", "Acme");
    set_text(&mut h, "Server address", &f.base_url());
    set_text(&mut h, "API key", KEY);
    press_enter_in(&mut h, "API key");
    step_until(&mut h, "the profile in use", |h| has(h, "(in use)"));
}

#[test]
fn enter_in_track_id_tracks_and_fetches_the_applicant_and_enter_looks_up() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Applicants");
    set_text(&mut h, "Track ID", "1002");
    press_enter_in(&mut h, "Track ID");
    step_until(&mut h, "1002 tracked and fetched", |h| {
        h.state()
            .applicants()
            .rows()
            .iter()
            .any(|r| r.id == 1002 && !r.status().is_empty())
    });
    assert_eq!(h.get_by_label("Track ID").value().unwrap_or_default(), "");
    navigate(&mut h, "Look up");
    set_text(&mut h, "Applicant ID", "1002");
    press_enter_in(&mut h, "Applicant ID");
    step_until(&mut h, "the card", |h| {
        h.state().lookup().shown().is_some_and(|a| a.id == 1002)
    });
}

#[test]
fn about_says_the_demos_record_lives_in_memory() {
    let f = Fixture::new();
    let mut h = f.harness();
    h.step();
    click(&mut h, "Try the demo");
    step_until(&mut h, "the demo", |h| has(h, "Profile Demo"));
    h.key_press(egui::Key::F2);
    h.run_steps(3);
    assert!(
        has(&h, "The demo's record lives in memory"),
        "{:#?}",
        h.root()
    );
}
