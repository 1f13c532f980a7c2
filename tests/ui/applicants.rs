//! Applicants: the table sorted, filtered and chosen from, and the refresh.

use std::time::Duration;

use egui_kittest::kittest::{NodeT, Queryable};

use crate::fixture::*;
use crate::store_support::response;

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

    // A screen reader hears what a click on a title does (the tooltip's words).
    for title in ["Name", "Email", "Skill"] {
        let node = h.get_by_label(title);
        let description = node.accesskit_node().description();
        assert_eq!(
            description.as_deref(),
            Some(format!("Sort by {title}").as_str())
        );
    }

    // Sort by name, both ways.
    click(&mut h, "Name");
    let names = visible(&h, |r| r.name.clone());
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    h.get_by_label_contains("Name ").click_accesskit();
    h.run_steps(2);
    settle(&mut h);
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

/// The server down for everyone: one banner with the count, not a line per applicant.
#[test]
fn a_server_down_for_every_applicant_is_one_banner_with_a_count() {
    let mut f = Fixture::new();
    let mut store = Store::open_in_memory().unwrap();
    store.track_ids("Acme", &[1002, 1003, 31415]).unwrap();
    let mut h = f.harness_full(ProfileBook::default(), store);
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Applicants");
    step_until(&mut h, "the tracked rows", |h| {
        h.state().applicants().rows().len() == 3
    });
    let sandbox = f.sandbox.take().unwrap();
    f.runtime.block_on(sandbox.shutdown());
    click(&mut h, "Refresh all");
    step_until(&mut h, "the refresh to end", |h| {
        h.state().applicants().in_flight() == 0 && h.state().applicants().progress().finished
    });
    h.run_steps(2);
    assert!(
        has(&h, "None of the 3 applicants could be refreshed"),
        "{:#?}",
        h.root()
    );
    assert_eq!(
        h.query_all_by_label_contains("could be refreshed").count()
            + h.query_all_by_label_contains("could not be refreshed")
                .count(),
        1,
        "one banner, not one line per applicant"
    );
    assert_eq!(h.state().applicants().progress().failures.len(), 3);
}

/// A full disk during a refresh: the window says the same sentence as the command line,
/// once, and the refresh ends.
#[test]
fn a_full_disk_stops_a_refresh_and_the_window_says_so() {
    let f = Fixture::new();
    let mut store = Store::open_in_memory().unwrap();
    store.track_ids("Acme", &[1002, 1003, 31415]).unwrap();
    store
        .set_max_page_count(store.page_count().unwrap())
        .unwrap();
    let mut h = f.harness_full(ProfileBook::default(), store);
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Applicants");
    step_until(&mut h, "the tracked rows", |h| {
        h.state().applicants().rows().len() == 3
    });
    click(&mut h, "Refresh all");
    step_until(&mut h, "the refresh to end", |h| {
        h.state().applicants().in_flight() == 0 && h.state().applicants().progress().finished
    });
    h.run_steps(2);
    let progress = h.state().applicants().progress();
    assert!(progress.record_failed, "{progress:?}");
    assert_eq!(
        h.query_all_by_label_contains("is the disk full?").count(),
        1,
        "{:#?}",
        h.root()
    );
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
        check_every_minutes: 0, // the refresh is started by hand here
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
            && rows.iter().all(|r| {
                r.last_checked.get().is_some() || r.last_error().is_some() || r.deleted_upstream
            })
    });
    let rows = h.state().applicants().rows();
    let refreshed = rows
        .iter()
        .filter(|r| !r.status().is_empty() && r.last_error().is_none() && !r.deleted_upstream)
        .count();
    let with_reason = rows
        .iter()
        .filter(|r| r.last_error().is_some_and(|e| !e.is_empty()) || r.deleted_upstream)
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
    // Opening Applicants put the keyboard in the filter: Esc leaves it for the table.
    h.key_press(egui::Key::Escape);
    h.run_steps(1);
    h.key_press(egui::Key::End);
    h.run_steps(3);
    assert_eq!(h.state().applicants().selected(), Some(last_id));
    assert!(has(&h, &last_row), "the last row was scrolled into view");
    h.key_press(egui::Key::Home);
    h.run_steps(3);
    assert_eq!(h.state().applicants().selected(), Some(first_id));
    assert!(has(&h, &first_row) && !has(&h, &last_row));
}

/// Auto-refresh keeps its own time on the runtime: with it on, tracked applicants are
/// fetched while another view is on screen, and while no frame is drawn at all (as when the
/// window is minimised).
#[test]
fn auto_refresh_runs_whichever_view_is_shown_and_with_no_frame_drawn() {
    use rickrut_dashboard::ui::View;
    let f = Fixture::new();
    let mut store = Store::open_in_memory().unwrap();
    store.track_ids("Acme", &[1002, 1003, 1004]).unwrap();
    let persisted = Persisted {
        check_every_minutes: 1,
        ..Persisted::default()
    };
    let mut h = f.harness_settings(ProfileBook::default(), store, persisted);
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Look up");
    assert_eq!(h.state().persisted().view, View::LookUp);
    // No frame from here on: the timer and the refresh run on the runtime by themselves.
    let mut waited = 0;
    while !h
        .state()
        .applicants()
        .last_refresh()
        .is_some_and(|p| p.finished)
    {
        std::thread::sleep(Duration::from_millis(20));
        waited += 1;
        assert!(waited < 1000, "no automatic refresh ran");
    }
    let done = h.state().applicants().last_refresh().unwrap();
    assert_eq!((done.total, done.done, done.failed), (3, 3, 0));
    // Drawn again, the table shows what the refresh fetched.
    navigate(&mut h, "Applicants");
    step_until(&mut h, "the fetched rows", |h| {
        let rows = h.state().applicants().rows();
        rows.len() == 3 && rows.iter().all(|r| !r.status().is_empty())
    });
}

/// An applicant whose status changed is marked until the recruiter looks at them: choosing
/// the row takes the mark and the count down, though the rows are put in order off the
/// window's thread.
#[test]
fn choosing_a_changed_applicant_takes_its_mark_and_the_count_down() {
    let f = Fixture::new();
    let mut store = Store::open_in_memory().unwrap();
    let now = chrono::Utc::now();
    let invited: Vec<_> = (2001..2004)
        .map(|id| response(id, "INVITED", 0, None))
        .collect();
    store.upsert("Acme", &invited, now).unwrap();
    let scored: Vec<_> = (2001..2003)
        .map(|id| response(id, "SCORED", 6, Some("80.0")))
        .collect();
    store
        .upsert("Acme", &scored, now + chrono::Duration::minutes(1))
        .unwrap();
    let mut h = f.harness_full(ProfileBook::default(), store);
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    navigate(&mut h, "Applicants");
    step_until(&mut h, "two of three changed", |h| {
        h.state().applicants().rows().len() == 3 && h.state().applicants().changed_count() == 2
    });
    assert!(has(&h, "Changed since last look (2)"));
    // The name cells as painted (kept from frame to frame while the rows stay the same).
    let cell = |h: &Harness<'_, DashboardApp>, text: &str| h.query_all_by_label(text).count();
    assert_eq!(cell(&h, "• First2001 Tester"), 1, "the mark is painted");

    h.get_by_label("Applicant 2001, First2001 Tester").click();
    step_until(&mut h, "one left changed", |h| {
        h.state().applicants().changed_count() == 1
    });
    settle(&mut h);
    let changed = visible(&h, |r| (r.id, r.changed));
    assert!(changed.contains(&(2001, false)) && changed.contains(&(2002, true)));
    assert!(has(&h, "Changed since last look (1)"));
    assert_eq!(
        cell(&h, "• First2001 Tester"),
        0,
        "the painted name follows the mark taken"
    );
    assert!(cell(&h, "First2001 Tester") > 0);
    assert_eq!(cell(&h, "• First2002 Tester"), 1);

    // Only the one still changed, when asked for.
    click(&mut h, "Changed since last look (1)");
    assert_eq!(visible(&h, |r| r.id), [2002]);
}
