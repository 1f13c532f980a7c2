//! The window against a hostile server: names that try to reorder text, links that lead
//! off-site, IDs too large to keep, and a key the server refuses when it is saved.

use egui_kittest::kittest::{NodeT as _, Queryable};

use crate::fixture::*;
use crate::hostile_server::{HOSTILE_KEY, HostileServer, id};

#[test]
fn hostile_names_show_inert_and_off_site_links_are_withheld() {
    let f = Fixture::new();
    let server = f.runtime.block_on(HostileServer::start());
    let mut h = f.harness();
    add_profile(&mut h, "Evil", &server.base_url(), HOSTILE_KEY);
    look_up(&mut h, &id::HOSTILE.to_string());
    step_until(&mut h, "the card", |h| {
        h.state()
            .lookup()
            .shown()
            .is_some_and(|a| a.id == id::HOSTILE)
    });
    h.run_steps(2);
    // Both files withheld: the CV's URL hides another host, the audio's path decodes to one.
    assert_eq!(h.query_all_by_label("link withheld").count(), 2);
    assert!(h.query_all_by_label_contains("Open CV").next().is_none());
    // What the server wrote is there, its escapes and bidi marks shown, not obeyed.
    assert!(has(&h, "\\u{1b}]0;owned\\u{7}"), "{:#?}", h.root());
    assert!(has(&h, "Eve\\u{202e}gnp.exe"), "{:#?}", h.root());
    for node in h.query_all_by_label_contains("") {
        let label = node.accesskit_node().label().unwrap_or_default();
        assert!(
            !label.contains('\u{1b}') && !label.contains('\u{202e}'),
            "{label:?}"
        );
    }
}

#[test]
fn an_id_too_large_to_keep_is_refused_without_a_request() {
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    look_up(&mut h, "9223372036854775809");
    h.run_steps(3);
    assert!(has(&h, "larger than any applicant ID"), "{:#?}", h.root());
    assert_eq!(h.state().lookup().requests_sent(), 0);
}

#[test]
fn a_key_the_server_refuses_is_not_saved_unless_the_recruiter_says_so() {
    let f = Fixture::new();
    let mut h = f.harness();
    h.step();
    click(&mut h, "Add your API key");
    set_text(&mut h, "Profile name", "Typo");
    set_text(&mut h, "Server address", &f.base_url());
    set_text(
        &mut h,
        "API key",
        "ffffffffffffffffffffffffffffffffffffffff",
    );
    click(&mut h, "Save key");
    step_until(&mut h, "the refusal", |h| {
        has(h, "The server refused the API key")
    });
    assert!(h.state().connection().is_none(), "not put in use");
    assert!(h.state().keys().profiles.get("Typo").is_none(), "not saved");
    // The recruiter knows better: saved and used as it is.
    click(&mut h, "Save anyway");
    step_until(&mut h, "the profile in use", |h| has(h, "(in use)"));
    assert_eq!(h.state().connection().unwrap().profile.name, "Typo");
}
