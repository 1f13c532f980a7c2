//! The frame benches' world: one frame as the UI thread draws it, the real app on a sandbox
//! on loopback, tracked applicants in a store, and the bare table the app is measured beside.
#![allow(dead_code)] // shared by two benches, each using a part

use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Pos2, RawInput, Rect, Ui, vec2};
use egui_extras::{Column, TableBuilder};
use rickrut_dashboard::api::{ApplicantResponse, decode_applicant_response};
use rickrut_dashboard::jobs::record::Records;
use rickrut_dashboard::keys::{Profile, ProfileBook, SecretStore, SessionStore};
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig, crowd_part};
use rickrut_dashboard::store::Store;
use rickrut_dashboard::ui::{AppConfig, DashboardApp, KeyStoreChoice, Persisted};
use secrecy::SecretString;

pub const KEY: &str = "bench0123456789abcdef0123456789abcdef012";

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))),
        ..RawInput::default()
    }
}

/// One frame, as the UI thread does it: build the UI, then turn its shapes into triangles.
pub fn frame(ctx: &egui::Context, mut ui_fn: impl FnMut(&mut Ui)) -> usize {
    let mut out = ctx.run_ui(input(), |ui| ui_fn(ui));
    let shapes = std::mem::take(&mut out.shapes);
    let primitives = ctx.tessellate(shapes, out.pixels_per_point);
    out.textures_delta.clear();
    primitives.len()
}

/// One frame of the app and one of its baseline, timed taking turns in this process: blocks
/// of frames of each, app, baseline, baseline, app, round after round for about 3 seconds.
/// This machine's speed drifts over seconds, so two figures measured one after the other
/// (as criterion runs its functions) can differ by a third with nothing changed; the ratio
/// of each round's blocks, taken side by side, does not drift with it. Prints `RESULT name`
/// (the app's median frame, ns), `name_beside` (the baseline's) and `name_ratio` (the
/// median of the rounds' ratios), which `scripts/bench` reads.
pub fn side_by_side(
    name: &str,
    mut app: impl FnMut() -> usize,
    mut baseline: impl FnMut() -> usize,
) {
    const BLOCK: u32 = 8;
    // For a profiler: `RICKRUT_BENCH_ONLY=name` draws that view's frames alone for 10 s.
    if let Ok(only) = std::env::var("RICKRUT_BENCH_ONLY") {
        let started = Instant::now();
        while only == name && started.elapsed() < Duration::from_secs(10) {
            std::hint::black_box(app());
        }
        return;
    }
    // `cargo bench` passes --bench; anything else (a test run) only checks it works.
    let (warm, measure, least) = if std::env::args().any(|a| a == "--bench") {
        (Duration::from_millis(500), Duration::from_secs(3), 20)
    } else {
        (Duration::ZERO, Duration::ZERO, 1)
    };
    let block = |f: &mut dyn FnMut() -> usize| {
        let started = Instant::now();
        for _ in 0..BLOCK {
            std::hint::black_box(f());
        }
        started.elapsed().as_nanos() as f64 / f64::from(BLOCK)
    };
    let started = Instant::now();
    while started.elapsed() < warm {
        block(&mut app);
        block(&mut baseline);
    }
    // A round is app, baseline, baseline, app: each side has one block right after itself
    // and one right after the other, and the two sit at the same mean time, so neither
    // warm caches nor a steady drift favours one side. A round's ratio is the geometric
    // mean of its two.
    let (mut apps, mut baselines, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let started = Instant::now();
    while started.elapsed() < measure || ratios.len() < least {
        let a1 = block(&mut app);
        let b1 = block(&mut baseline);
        let b2 = block(&mut baseline);
        let a2 = block(&mut app);
        apps.extend([a1, a2]);
        baselines.extend([b1, b2]);
        ratios.push((a1 / b1 * (a2 / b2)).sqrt());
    }
    let (a, b, ratio) = (median(apps), median(baselines), median(ratios));
    println!("RESULT {name} {a:.0}");
    println!("RESULT {name}_beside {b:.0}");
    println!("RESULT {name}_ratio {ratio:.4}");
    eprintln!(
        "{name}: {:.3} ms beside {:.3} ms, {ratio:.2}× (median of the rounds)",
        a / 1e6,
        b / 1e6
    );
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Everything the app scenarios need: a sandbox on loopback, a store, a profile in use.
pub struct World {
    pub runtime: tokio::runtime::Runtime,
    pub sandbox: Option<Sandbox>,
}

impl World {
    pub fn new() -> World {
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
    pub fn app(&self, store: Store) -> DashboardApp {
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
pub fn settle(
    ctx: &egui::Context,
    app: &mut DashboardApp,
    what: &str,
    ready: impl Fn(&DashboardApp) -> bool,
) {
    let started = Instant::now();
    // Rows are put in order, and openings counted, off the window's thread: wait for that too.
    let busy = |app: &DashboardApp| app.applicants().is_arranging() || app.openings().is_counting();
    while !ready(app) || busy(app) {
        frame(ctx, |ui| app.show(ui));
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "the bench setup never saw {what}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    // A few more frames, so layouts and fonts are warm.
    for _ in 0..5 {
        frame(ctx, |ui| app.show(ui));
    }
}

/// `rows` tracked applicants, as lookups and refreshes leave them in the store, spread over
/// `openings` openings (IDs from 45) when given. Made and written 20,000 at a time, so that
/// a million never sit in memory as JSON all at once.
pub fn tracked_store(rows: usize, openings: Option<u64>) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut from = 0u64;
    while from < rows as u64 {
        let to = (from + 20_000).min(rows as u64);
        let received: Vec<ApplicantResponse> = crowd_part(from..to)
            .into_iter()
            .zip(from..)
            .map(|(mut a, i)| {
                if let Some(n) = openings {
                    a["opening_id"] = serde_json::json!(45 + i % n);
                }
                let body = serde_json::json!({ "data": { "applicant": a } }).to_string();
                decode_applicant_response(200, body.as_bytes()).unwrap()
            })
            .collect();
        store
            .upsert("Bench", &received, chrono::Utc::now())
            .unwrap();
        from = to;
    }
    store
}

/// The floor for a table in egui: `rows` × `columns` plain labels through `body.rows`,
/// striped, rows that take clicks when `clickable` (as the Applicants rows do).
pub fn bare_table(rows: usize, columns: usize, clickable: bool) -> impl FnMut(&mut Ui) {
    let cells: Vec<Vec<String>> = (0..rows)
        .map(|r| (0..columns).map(|c| format!("row {r} cell {c}")).collect())
        .collect();
    move |ui: &mut Ui| {
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
                    body.rows(20.0, rows, |mut row| {
                        for cell in &cells[row.index()] {
                            row.col(|ui| {
                                ui.label(cell.as_str());
                            });
                        }
                    });
                });
        });
    }
}
