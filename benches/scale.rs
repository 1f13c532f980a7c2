//! Cost as work grows: one frame of the Applicants view with 10,000, 100,000 and 1,000,000
//! tracked (all shown, sorted by name) beside the bare 6-column `TableBuilder` with as many
//! rows, the two taking turns in this process (`side_by_side`); and the filter + sort done once per change at each size.
//! The memory and startup at each size are measured on the real window by `scripts/bench`.
//!
//! `cargo bench --bench scale`; `scripts/bench` reads the medians and writes BENCHMARKS.md.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench that cannot set up must stop

#[path = "support/window.rs"]
mod window;

use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use rickrut_dashboard::jobs::sort::{SortKey, ViewOptions, visible_rows};
use rickrut_dashboard::ui::{Command, View};
use window::{World, bare_table, frame, settle, side_by_side};

/// The sizes, with the name each figure carries.
const SIZES: [(usize, &str); 3] = [(10_000, "10k"), (100_000, "100k"), (1_000_000, "1m")];

fn bench(c: &mut Criterion) {
    let world = World::new();
    let _enter = world.runtime.enter();
    let mut group = c.benchmark_group("scale");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (rows, name) in SIZES {
        let made = Instant::now();
        let store = window::tracked_store(rows, None);
        let ctx = egui::Context::default();
        let mut app = world.app(store);
        app.queue(Command::ShowView(View::Applicants));
        app.queue(Command::ApplicantsOptions(ViewOptions {
            sort: (SortKey::Name, true),
            ..ViewOptions::default()
        }));
        settle(&ctx, &mut app, "the rows", |app| {
            app.applicants().rows().len() == rows && app.applicants().visible().len() == rows
        });
        eprintln!(
            "scale: {rows} tracked, written and loaded in {:.1} s; a row is {} bytes before its strings",
            made.elapsed().as_secs_f64(),
            std::mem::size_of::<rickrut_dashboard::store::TrackedApplicant>()
        );
        {
            let bare_ctx = egui::Context::default();
            let mut table = bare_table(rows, 6, false);
            frame(&bare_ctx, &mut table);
            side_by_side(
                &format!("scale_app_applicants_{name}"),
                || frame(&ctx, |ui| app.show(ui)),
                || frame(&bare_ctx, &mut table),
            );
        }

        // As done once when the filter or the sort changes: "ka" in the names, by name.
        let tracked = app.applicants().rows().to_vec();
        group.bench_function(format!("scale_sort_filter_{name}"), |b| {
            b.iter(|| visible_rows(&tracked, "ka", None, false, (SortKey::Name, true)).len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
