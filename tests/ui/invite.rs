//! Invite: one applicant, checked, sent once, tracked and logged.

use egui_kittest::kittest::Queryable;

use crate::fixture::*;

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
    step_until(&mut h, "the refusal", |h| has(h, "already invited"));
    // Said once, next to the email: the server's words are behind Details.
    assert_eq!(h.query_all_by_label_contains("already invited").count(), 1);
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

/// The one door: an invite and a look-up made in the window land in the same record as the
/// command line's, so `list` shows them and a dry run of an import calls the invite "already
/// invited" — the same rule everywhere.
#[test]
fn the_windows_invites_and_look_ups_are_known_to_the_command_line() {
    use rickrut_dashboard::jobs::invite::{self, InviteKey};
    use rickrut_dashboard::jobs::record::Record;

    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracked.sqlite");
    let store = Store::open(&path).unwrap().store;
    let mut h = f.harness_full(ProfileBook::default(), store);
    add_profile(&mut h, "Acme", &f.base_url(), KEY);

    navigate(&mut h, "Invite");
    set_text(&mut h, "Email", "mary.jackson@example.com");
    set_text(&mut h, "Opening", "software-engineer");
    set_text(&mut h, "First name", "Mary");
    set_text(&mut h, "Last name", "Jackson");
    click(&mut h, "Send invite");
    step_until(&mut h, "the invited applicant", |h| has(h, "was invited"));
    let created = h.state().invite().created().unwrap().id;
    look_up(&mut h, "1002");
    step_until(&mut h, "the card", |h| {
        h.state().lookup().shown().is_some_and(|a| a.id == 1002)
    });

    // In Applicants, as tracked.
    navigate(&mut h, "Applicants");
    step_until(&mut h, "both tracked", |h| {
        let ids = visible(h, |r| r.id);
        ids.contains(&created) && ids.contains(&1002)
    });
    assert!(has(&h, "Mary Jackson"));

    // In the invite log, as invited.
    let records = rickrut_dashboard::jobs::record::Records::open(Some(dir.path())).unwrap();
    let record: Record = records.records.for_profile("Acme");
    let key = InviteKey::new("Mary.Jackson@example.com ", "software-engineer");
    let known = f
        .runtime
        .block_on(invite::already_invited(&record, vec![key.clone()]))
        .unwrap();
    assert!(
        known.contains(&key),
        "the invite log knows the window's invite"
    );

    // The real binary on the same record.
    let cli = |args: &[&str]| {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("rickrut-dashboard"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(["--profile", "Acme"])
            .args(args)
            .env_remove("RICKRUT_API_KEY")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let listed = cli(&["list"]);
    assert!(listed.contains("mary.jackson@example.com"), "{listed}");
    assert!(listed.lines().any(|l| l.starts_with("1002\t")), "{listed}");

    let csv = dir.path().join("again.csv");
    std::fs::write(
        &csv,
        "email,opening\nMARY.JACKSON@example.com,software-engineer\nmary.jackson@example.com,data-analyst\n",
    )
    .unwrap();
    let verdicts = cli(&["import", csv.to_str().unwrap(), "--dry-run"]);
    let lines: Vec<&str> = verdicts.lines().collect();
    assert_eq!(lines.len(), 2, "{verdicts}");
    assert!(
        lines[0].ends_with("already invited to that opening"),
        "{verdicts}"
    );
    assert!(
        lines[1].ends_with("ready"),
        "another opening is another invite: {verdicts}"
    );
}
