//! Frame cost: one full frame of the real app — `Context::run_ui` with the app's own `show`,
//! then `tessellate` — at 1280×800, no window, against two baselines measured in the same
//! run: egui_demo_lib's demo windows, and a bare `TableBuilder` of 100,000 × 6 labels. The
//! views measured against the bare table take turns with it frame block by frame block
//! (`side_by_side`), so the ratio does not drift with the machine's speed.
//! Also the sort and filter of 100,000 rows, and the counting of 50 openings and the ranking
//! of one (each done once per change, never per frame).
//!
//! `cargo bench --bench frame`; `scripts/bench` reads the medians and writes BENCHMARKS.md.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench that cannot set up must stop

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use rickrut_dashboard::jobs::openings;
use rickrut_dashboard::jobs::sort::{SortKey, ViewOptions, visible_rows};
use rickrut_dashboard::sandbox::MANY_ANSWERS_ID;
use rickrut_dashboard::store::Store;
use rickrut_dashboard::ui::{Command, View};

#[path = "support/window.rs"]
mod window;

use window::{World, bare_table, frame, settle, side_by_side};

const ROWS: usize = 100_000;

/// 100,000 tracked applicants, as lookups and refreshes leave them in the store.
fn tracked_store() -> Store {
    window::tracked_store(ROWS, None)
}

/// The same, spread over `openings` openings (IDs from 45) when given.
fn tracked_store_over(openings: Option<u64>) -> Store {
    window::tracked_store(ROWS, openings)
}

fn bench(c: &mut Criterion) {
    let world = World::new();
    let _enter = world.runtime.enter();
    // The bare 6-column table the table views take turns with.
    let beside_ctx = egui::Context::default();
    let mut beside_table = bare_table(ROWS, 6, false);
    frame(&beside_ctx, &mut beside_table);
    let mut beside = || frame(&beside_ctx, &mut beside_table);

    // Baseline 1: egui's own demo windows.
    {
        let ctx = egui::Context::default();
        let mut demo = egui_demo_lib::DemoWindows::default();
        frame(&ctx, |ui| demo.ui(ui));
        c.bench_function("baseline_demo_windows", |b| {
            b.iter(|| frame(&ctx, |ui| demo.ui(ui)))
        });
    }

    // Baseline 2: the floor for a table in egui, 100,000 × 6 plain labels through body.rows;
    // and the same with 10 columns, as many as the Applicants table has, plain and with rows
    // that take clicks as the Applicants rows do (for comparing like with like; the target
    // is against the 6-column table).
    for (columns, clickable) in [(6usize, false), (10, false), (10, true)] {
        let ctx = egui::Context::default();
        let mut table = bare_table(ROWS, columns, clickable);
        frame(&ctx, &mut table);
        let name = match (columns, clickable) {
            (6, false) => "baseline_bare_table_100k".to_owned(),
            (n, false) => format!("baseline_bare_table_100k_x{n}"),
            (n, true) => format!("baseline_bare_table_100k_x{n}_clickable"),
        };
        c.bench_function(&name, |b| b.iter(|| frame(&ctx, &mut table)));
    }

    // (a) Applicants: 100,000 tracked, filtered and sorted by name.
    {
        let ctx = egui::Context::default();
        let mut app = world.app(tracked_store());
        app.queue(Command::ShowView(View::Applicants));
        app.queue(Command::ApplicantsOptions(ViewOptions {
            filter: "ka".into(),
            sort: (SortKey::Name, true),
            ..ViewOptions::default()
        }));
        settle(&ctx, &mut app, "100,000 rows", |app| {
            app.applicants().rows().len() == ROWS && !app.applicants().visible().is_empty()
        });
        let shown = app.applicants().visible().len();
        assert!(shown > 1_000 && shown < ROWS, "the filter keeps {shown}");
        side_by_side(
            "app_applicants_100k_sorted_filtered",
            || frame(&ctx, |ui| app.show(ui)),
            &mut beside,
        );

        // Sorting and filtering, as done once when the filter or the sort changes.
        let rows = app.applicants().rows().to_vec();
        c.bench_function("sort_filter_100k_by_name", |b| {
            b.iter(|| visible_rows(&rows, "ka", None, false, (SortKey::Name, true)).len())
        });
        c.bench_function("sort_filter_100k_by_skill", |b| {
            b.iter(|| visible_rows(&rows, "", Some("SCORED"), false, (SortKey::Skill, false)).len())
        });
    }

    // (b) Look up: the seeded applicant with 1,000 quizz and 1,000 case answers.
    {
        let ctx = egui::Context::default();
        let mut app = world.app(Store::open_in_memory().unwrap());
        settle(&ctx, &mut app, "the profile in use", |app| {
            app.connection().is_some()
        });
        app.queue(Command::LookUp(
            rickrut_dashboard::api::ApplicantId::new(MANY_ANSWERS_ID).unwrap(),
        ));
        settle(&ctx, &mut app, "the card", |app| {
            app.lookup()
                .shown()
                .is_some_and(|a| a.quizz_answers.len() == 1000 && a.case_answers.len() == 1000)
        });
        c.bench_function("app_lookup_1000_answers", |b| {
            b.iter(|| frame(&ctx, |ui| app.show(ui)))
        });
    }

    // (c) Invite.
    {
        let ctx = egui::Context::default();
        let mut app = world.app(Store::open_in_memory().unwrap());
        app.queue(Command::ShowView(View::Invite));
        settle(&ctx, &mut app, "the profile in use", |app| {
            app.connection().is_some()
        });
        c.bench_function("app_invite", |b| b.iter(|| frame(&ctx, |ui| app.show(ui))));
    }

    // (d) Bulk invite: the preview of a 100,000-row CSV.
    {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("candidates.csv");
        let mut text = String::from("email,first_name,last_name,opening\n");
        for i in 0..ROWS {
            text.push_str(&format!(
                "cand{i:06}@example.com,First{i},Last{i},software-engineer\n"
            ));
        }
        std::fs::write(&path, text).unwrap();
        let ctx = egui::Context::default();
        let mut app = world.app(Store::open_in_memory().unwrap());
        settle(&ctx, &mut app, "the profile in use", |app| {
            app.connection().is_some()
        });
        app.queue(Command::OpenImport {
            path,
            opening: String::new(),
        });
        settle(&ctx, &mut app, "the preview", |app| {
            app.bulk().preview().len() == ROWS
        });
        side_by_side(
            "app_bulk_preview_100k",
            || frame(&ctx, |ui| app.show(ui)),
            &mut beside,
        );
    }

    // (e) Openings, 100,000 tracked over 50 openings; (f) one opening's shortlist of 2,000.
    {
        let ctx = egui::Context::default();
        let mut app = world.app(tracked_store_over(Some(OPENINGS)));
        app.queue(Command::ShowView(View::Openings));
        settle(&ctx, &mut app, "50 openings counted", |app| {
            app.applicants().rows().len() == ROWS
                && app.openings().summaries().len() == OPENINGS as usize
        });
        side_by_side(
            "app_openings_100k_50",
            || frame(&ctx, |ui| app.show(ui)),
            &mut beside,
        );
        app.queue(Command::ChooseOpening(Some(Some(45))));
        settle(&ctx, &mut app, "the shortlist", |app| {
            app.openings().ranked().len() == ROWS / OPENINGS as usize
        });
        side_by_side(
            "app_shortlist_100k_50",
            || frame(&ctx, |ui| app.show(ui)),
            &mut beside,
        );

        // Counting and ranking, as done once when the rows or the weights change.
        let rows = app.applicants().rows().to_vec();
        let names = app.openings().names().clone();
        let late = rickrut_dashboard::jobs::track::Stale::after(3);
        c.bench_function("count_openings_100k", |b| {
            b.iter(|| openings::summaries(&rows, &names, late).len())
        });
        let options = openings::ShortlistOptions {
            opening: Some(45),
            scored_only: false,
            top: None,
        };
        c.bench_function("rank_shortlist_100k", |b| {
            b.iter(|| openings::shortlist(&rows, &options, 0.5).len())
        });
    }
}

/// Openings the 100,000 are spread over in (e) and (f).
const OPENINGS: u64 = 50;

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(60)
        .warm_up_time(Duration::from_millis(800))
        .measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
