//! Frame cost: one full frame of the real app — `Context::run_ui` with the app's own `show`,
//! then `tessellate` — at 1280×800, no window, against two baselines measured in the same
//! run: egui_demo_lib's demo windows, and a bare `TableBuilder` of 100,000 × 6 labels.
//! Also the sort and filter of 100,000 rows, and the counting of 50 openings and the ranking
//! of one (each done once per change, never per frame).
//!
//! `cargo bench --bench frame`; `scripts/bench` reads the medians and writes BENCHMARKS.md.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench that cannot set up must stop

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, RawInput, Rect, Ui, vec2};
use egui_extras::{Column, TableBuilder};
use rickrut_dashboard::api::{ApplicantResponse, decode_applicant_response};
use rickrut_dashboard::jobs::openings;
use rickrut_dashboard::jobs::record::Records;
use rickrut_dashboard::jobs::sort::{SortKey, ViewOptions, visible_rows};
use rickrut_dashboard::keys::{Profile, ProfileBook, SecretStore, SessionStore};
use rickrut_dashboard::sandbox::{MANY_ANSWERS_ID, Sandbox, SandboxConfig, crowd};
use rickrut_dashboard::store::Store;
use rickrut_dashboard::ui::{AppConfig, Command, DashboardApp, KeyStoreChoice, Persisted, View};
use secrecy::SecretString;

const ROWS: usize = 100_000;
const KEY: &str = "bench0123456789abcdef0123456789abcdef012";

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))),
        ..RawInput::default()
    }
}

/// One frame, as the UI thread does it: build the UI, then turn its shapes into triangles.
fn frame(ctx: &egui::Context, mut ui_fn: impl FnMut(&mut Ui)) -> usize {
    let mut out = ctx.run_ui(input(), |ui| ui_fn(ui));
    let shapes = std::mem::take(&mut out.shapes);
    let primitives = ctx.tessellate(shapes, out.pixels_per_point);
    out.textures_delta.clear();
    primitives.len()
}

/// Everything the app scenarios need: a sandbox on loopback, a store, a profile in use.
struct World {
    runtime: tokio::runtime::Runtime,
    sandbox: Option<Sandbox>,
}

impl World {
    fn new() -> World {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let sandbox = runtime
            .block_on(Sandbox::start(SandboxConfig {
                api_keys: vec![KEY.into()],
                ..SandboxConfig::default()
            }))
            .unwrap();
        World {
            runtime,
            sandbox: Some(sandbox),
        }
    }

    /// The real app, with `store` and a profile "Bench" (key in the session store) in use.
    fn app(&self, store: Store) -> DashboardApp {
        let keys = Arc::new(SessionStore::new());
        keys.set("Bench", &SecretString::from(KEY.to_owned()))
            .unwrap();
        let base_url = self.sandbox.as_ref().unwrap().base_url();
        DashboardApp::new(AppConfig {
            runtime: self.runtime.handle().clone(),
            key_store: KeyStoreChoice::Given(keys),
            profiles: ProfileBook {
                profiles: vec![Profile {
                    name: "Bench".into(),
                    base_url,
                    team_db: None,
                }],
                active: Some("Bench".into()),
            },
            profiles_path: None,
            // Frames are measured alone: no background check runs during them.
            persisted: Persisted {
                check_every_minutes: 0,
                ..Persisted::default()
            },
            demo: None,
            client_options: Default::default(),
            records: Some(Records::from_store(store).unwrap()),
            paths: Default::default(),
        })
    }
}

impl Drop for World {
    fn drop(&mut self) {
        if let Some(sb) = self.sandbox.take() {
            self.runtime.block_on(sb.shutdown());
        }
    }
}

/// Draws frames until `ready` holds (background work lands between frames).
fn settle(
    ctx: &egui::Context,
    app: &mut DashboardApp,
    what: &str,
    ready: impl Fn(&DashboardApp) -> bool,
) {
    let started = Instant::now();
    while !ready(app) {
        frame(ctx, |ui| app.show(ui));
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the bench setup never saw {what}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    // A few more frames, so layouts and fonts are warm.
    for _ in 0..5 {
        frame(ctx, |ui| app.show(ui));
    }
}

/// 100,000 tracked applicants, as lookups and refreshes leave them in the store.
fn tracked_store() -> Store {
    tracked_store_over(None)
}

/// The same, spread over `openings` openings (IDs from 45) when given.
fn tracked_store_over(openings: Option<u64>) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let received: Vec<ApplicantResponse> = crowd(ROWS as u32)
        .into_iter()
        .enumerate()
        .map(|(i, mut a)| {
            if let Some(n) = openings {
                a["opening_id"] = serde_json::json!(45 + i as u64 % n);
            }
            let body = serde_json::json!({ "data": { "applicant": a } }).to_string();
            decode_applicant_response(200, body.as_bytes()).unwrap()
        })
        .collect();
    for chunk in received.chunks(5_000) {
        store.upsert("Bench", chunk, chrono::Utc::now()).unwrap();
    }
    store
}

fn bench(c: &mut Criterion) {
    let world = World::new();
    let _enter = world.runtime.enter();

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
        let cells: Vec<Vec<String>> = (0..ROWS)
            .map(|r| (0..columns).map(|c| format!("row {r} cell {c}")).collect())
            .collect();
        let mut table = |ui: &mut Ui| {
            egui::CentralPanel::default().show(ui, |ui| {
                let sense = if clickable {
                    egui::Sense::click()
                } else {
                    egui::Sense::hover()
                };
                TableBuilder::new(ui)
                    .striped(true)
                    .sense(sense)
                    .columns(Column::auto().at_least(100.0), columns)
                    .body(|body| {
                        body.rows(20.0, ROWS, |mut row| {
                            for cell in &cells[row.index()] {
                                row.col(|ui| {
                                    ui.label(cell.as_str());
                                });
                            }
                        });
                    });
            });
        };
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
        c.bench_function("app_applicants_100k_sorted_filtered", |b| {
            b.iter(|| frame(&ctx, |ui| app.show(ui)))
        });

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
        c.bench_function("app_bulk_preview_100k", |b| {
            b.iter(|| frame(&ctx, |ui| app.show(ui)))
        });
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
        c.bench_function("app_openings_100k_50", |b| {
            b.iter(|| frame(&ctx, |ui| app.show(ui)))
        });
        app.queue(Command::ChooseOpening(Some(Some(45))));
        settle(&ctx, &mut app, "the shortlist", |app| {
            app.openings().ranked().len() == ROWS / OPENINGS as usize
        });
        c.bench_function("app_shortlist_100k_50", |b| {
            b.iter(|| frame(&ctx, |ui| app.show(ui)))
        });

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
