//! Look up: a key added, an applicant found, bad IDs, refused keys, slow servers, a full disk.

use std::time::Duration;

use crate::fixture::*;

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
fn a_wrong_key_gets_a_401_sentence() {
    let f = Fixture::new();
    let mut h = f.harness();
    // The server refuses the key when it is saved; the recruiter saves it anyway.
    h.step();
    click(&mut h, "Add your API key");
    set_text(&mut h, "Profile name", "Wrong");
    set_text(&mut h, "Server address", &f.base_url());
    set_text(
        &mut h,
        "API key",
        "ffffffffffffffffffffffffffffffffffffffff",
    );
    click(&mut h, "Save key");
    step_until(&mut h, "the refusal", |h| has(h, "Save anyway"));
    click(&mut h, "Save anyway");
    step_until(&mut h, "the profile in use", |h| has(h, "(in use)"));
    // Verify says so in words.
    click(&mut h, "Verify");
    step_until(&mut h, "the verify answer", |h| {
        has(h, "Wrong: The server refused the API key")
    });
    look_up(&mut h, "31415");
    step_until(&mut h, "the refused key's sentence", |h| {
        has(h, "The server refused the API key")
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

/// A look-up of 31415 sent to a server whose answer drips a byte every half second.
fn looking_up_on_a_slow_server() -> (Fixture, Harness<'static, DashboardApp>) {
    let f = Fixture::with(SandboxConfig {
        fault: Some(rickrut_dashboard::sandbox::Fault::SlowBody),
        ..SandboxConfig::default()
    });
    let mut h = f.harness();
    add_profile(&mut h, "Slow", &f.base_url(), KEY);
    look_up(&mut h, "31415");
    (f, h)
}

#[test]
fn a_hanging_server_keeps_the_window_responsive_and_cancel_works() {
    let (_f, mut h) = looking_up_on_a_slow_server();
    // Frames keep coming while the body drips: the UI thread never waits on the network.
    for _ in 0..20 {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    // The one thing under way is said once, without a count of one beside it.
    assert!(has(&h, "Looking up 31415…"));
    assert!(!has(&h, "request in flight"));
    assert_eq!(h.state().requests_in_flight(), 1);
    click(&mut h, "Cancel");
    step_until(&mut h, "the cancel", |h| {
        has(h, "Look-up of 31415 cancelled")
    });
    assert_eq!(h.state().requests_in_flight(), 0);
    assert!(h.state().lookup().shown().is_none());
}

#[test]
fn two_things_under_way_are_counted_beside_the_first() {
    let (_f, mut h) = looking_up_on_a_slow_server();
    navigate(&mut h, "Keys");
    click(&mut h, "Verify");
    assert_eq!(h.state().requests_in_flight(), 2);
    assert!(has(&h, "Looking up 31415… (2 requests in flight)"));
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
fn a_failed_look_up_clears_the_previous_card() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    look_up(&mut h, "31415");
    step_until(&mut h, "the applicant card", |h| has(h, "John Smith"));
    look_up(&mut h, "999999");
    step_until(&mut h, "the not-found sentence", |h| {
        has(h, "No applicant has the ID 999999")
    });
    assert!(h.state().lookup().shown().is_none());
    assert!(
        !has(&h, "John Smith") && !has(&h, "ATZDVQDH"),
        "the previous applicant's card is gone"
    );
    assert!(!has(&h, "(404)"), "the HTTP code is behind Details");
}
