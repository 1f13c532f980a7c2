//! Openings: the funnel per opening, the shortlist ranked, three compared side by side, then
//! the best one noted, decided and forgotten — all through the window, as a recruiter would.

use egui_kittest::kittest::Queryable;

use crate::fixture::*;

/// The window on a profile that tracks the demo's 30 software engineers, fetched.
fn with_cohort(f: &Fixture) -> Harness<'static, DashboardApp> {
    with_cohort_in(f, Store::open_in_memory().unwrap())
}

fn with_cohort_in(f: &Fixture, mut store: Store) -> Harness<'static, DashboardApp> {
    let cohort: Vec<u64> = (1200..1230).collect();
    store.track_ids("Acme", &cohort).unwrap();
    store
        .name_opening(
            "Acme",
            45,
            "software-engineer",
            Some("Software Engineer"),
            chrono::Utc::now(),
        )
        .unwrap();
    let mut h = f.harness_full(ProfileBook::default(), store);
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Applicants");
    click(&mut h, "Refresh all");
    step_until(&mut h, "the cohort fetched", |h| {
        let rows = h.state().applicants().rows();
        rows.len() == 30 && rows.iter().all(|r| !r.status().is_empty())
    });
    h
}

/// Openings, then the software engineers' shortlist, from the opening's row.
fn open_shortlist(h: &mut Harness<'static, DashboardApp>) {
    navigate(h, "Openings");
    step_until(h, "the opening's row", |h| {
        has(h, "Software Engineer: 30 tracked, 22 scored")
    });
    h.get_by_label("Software Engineer: 30 tracked, 22 scored")
        .click_accesskit();
    step_until(h, "the shortlist", |h| {
        h.state().openings().ranked().len() == 30
    });
}

#[test]
fn look_up_finds_a_tracked_applicant_by_name_or_email_and_keeps_the_recent_ones() {
    let f = Fixture::new();
    let mut h = with_cohort(&f);
    navigate(&mut h, "Look up");
    set_text(&mut h, "Applicant ID", "ADEYEMI");
    // Three of the cohort share the name: each is offered, none is looked up yet.
    let offered = h.query_all_by_label_contains("Adeyemi · ").count();
    assert_eq!(offered, 3, "{:#?}", h.root());
    h.get_by_label("Applicant ID").focus();
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert!(has(&h, "Choose one of the applicants below"));
    assert_eq!(h.state().lookup().requests_sent(), 0);
    // The whole email finds one: Enter looks them up.
    set_text(&mut h, "Applicant ID", "amara.adeyemi@example");
    h.get_by_label("Applicant ID").focus();
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "the card", |h| {
        h.state().lookup().shown().is_some_and(|a| a.id == 1200)
    });
    // Another by ID; the first stays one click away.
    set_text(&mut h, "Applicant ID", "1201");
    h.get_by_label("Applicant ID").focus();
    h.key_press(egui::Key::Enter);
    step_until(&mut h, "the second card", |h| {
        h.state().lookup().shown().is_some_and(|a| a.id == 1201)
    });
    h.get_by_label("Amara Adeyemi").click_accesskit();
    step_until(&mut h, "the first again", |h| {
        h.state().lookup().shown().is_some_and(|a| a.id == 1200)
    });
}

#[test]
fn a_recruiter_ranks_compares_notes_decides_and_forgets() {
    let f = Fixture::new();
    let mut h = with_cohort(&f);

    // The opening's row: its title, its funnel.
    open_shortlist(&mut h);
    assert!(has(&h, "Funnel"));
    assert!(has(&h, "software-engineer · ID 45"));
    let rows = h.state().openings().ranked_rows().to_vec();
    let ranked = h.state().openings().ranked().to_vec();
    let name = |i: usize| rows[ranked[i].row].name.clone();
    let overall: Vec<f64> = ranked.iter().filter_map(|r| r.overall).collect();
    assert_eq!(overall.len(), 22, "the scored ones have an overall score");
    assert!(
        overall.windows(2).all(|p| p[0] >= p[1]),
        "best first: {overall:?}"
    );
    assert!(has(&h, &format!("Rank 1, {}", name(0))));

    // Tick the best three and compare them; Esc closes the comparison.
    for i in 0..3 {
        h.get_by_label(&format!("Compare {}", name(i)))
            .click_accesskit();
        h.run_steps(2);
    }
    assert_eq!(h.state().openings().compared().len(), 3);
    click(&mut h, "Compare (3)");
    step_until(&mut h, "the comparison", |h| {
        h.query_all_by_label("Open in Applicants").count() == 3
    });
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().openings().is_comparing());
    assert_eq!(h.query_all_by_label("Open in Applicants").count(), 0);

    // The best one opens in Applicants: a note, a decision, then forgotten.
    let best = rows[ranked[0].row].id;
    h.get_by_label_contains(&format!("Rank 1, {}", name(0)))
        .click();
    step_until(&mut h, "the best one's card", |h| {
        h.state().applicants().selected() == Some(best) && h.state().applicants().detail().is_some()
    });
    set_text(&mut h, "New note", "Call first thing Monday");
    click(&mut h, "Add note");
    step_until(&mut h, "the note kept", |h| {
        h.state()
            .applicants()
            .detail()
            .is_some_and(|d| d.notes.iter().any(|n| n.text == "Call first thing Monday"))
    });
    click(&mut h, "Your decision");
    click(&mut h, "shortlisted");
    step_until(&mut h, "the decision kept", |h| {
        h.state().applicants().rows().iter().any(|r| {
            r.id == best && r.decision == rickrut_dashboard::jobs::assess::Decision::Shortlisted
        })
    });
    click(&mut h, "Forget applicant…");
    assert!(has(&h, "Forget "));
    click(&mut h, "Forget");
    step_until(&mut h, "the applicant forgotten", |h| {
        h.state().applicants().rows().len() == 29 && h.state().applicants().selected().is_none()
    });
}

#[test]
fn the_command_line_ranks_as_the_window_does_on_the_same_record() {
    let f = Fixture::new();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("tracked.sqlite"))
        .unwrap()
        .store;
    let mut h = with_cohort_in(&f, store);
    open_shortlist(&mut h);
    let rows = h.state().openings().ranked_rows();
    let window: Vec<u64> = h
        .state()
        .openings()
        .ranked()
        .iter()
        .map(|r| rows[r.row].id)
        .collect();
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("rickrut-dashboard"))
        .args(["--profile", "Acme", "--data-dir"])
        .arg(dir.path())
        .args(["shortlist", "--opening", "Software Engineer", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let command_line: Vec<u64> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_u64().unwrap())
        .collect();
    assert_eq!(command_line, window);
}
