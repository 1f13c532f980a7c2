//! Bulk invite: a file dropped, its preview fixed, its rows sent.

use egui_kittest::kittest::{NodeT as _, Queryable};

use crate::fixture::*;

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
    // The row the file got wrong starts unticked.
    assert!(h.state().bulk().preview()[1].excluded);
    // Sending asks first, with the invites each opening gets.
    click(&mut h, "Send 2 invites…");
    h.run_steps(2); // the dialog's first frame only sizes it
    assert!(has(&h, "Send 2 invites?"), "{:#?}", h.root());
    assert!(has(&h, "To 2 openings"));
    assert!(has(&h, "software-engineer") && has(&h, "data-analyst"));
    assert_eq!(
        h.query_all_by_label("1 invite").count(),
        2,
        "one per opening"
    );
    assert!(has(&h, "1 row is left out"));
    assert_eq!(
        results_in(&h, "created"),
        0,
        "nothing sent before the answer"
    );
    click(&mut h, "Send 2 invites");
    step_until(&mut h, "the results", |h| results_in(h, "created") == 2);
    h.run_steps(2);
    assert!(has(&h, "2 created"), "the progress line");
    assert!(has(&h, "1 left out · 0 failed"), "{:#?}", h.root());
    assert_eq!(h.state().bulk().results().len(), 4);
    assert_eq!(results_in(&h, "failed"), 0, "never sent, so never failed");
    assert_eq!(results_in(&h, "excluded"), 1);
    assert_eq!(results_in(&h, "skipped"), 1);
    assert!(
        h.query_by_label_contains("Retry").is_none(),
        "nothing the server failed to retry"
    );
    // The duplicate's detail is read in full and copied with a click.
    click(&mut h, "Detail of row 3: duplicate of row 1");
    assert!(has(&h, "Copied the detail of row 3."), "{:#?}", h.root());
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
    assert!(has(&h, "Read as UTF-8, separated by commas."));

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
        has(&h, "1 ready") && has(&h, "1 left out"),
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
        has(&h, "2 ready") && has(&h, "1 left out"),
        "{:#?}",
        h.root()
    );
    assert!(
        h.query_by_role(egui::accesskit::Role::TextInput).is_none(),
        "the field closes on Enter"
    );

    click(&mut h, "Send 2 invites…");
    h.run_steps(2);
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
