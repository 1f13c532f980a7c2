"""Turns the `name value` lines scripts/bench collected into BENCHMARKS.md: each figure
with its baseline from the same run, the ratio, the target, and pass or short."""

import datetime
import os
import platform
import subprocess
import sys


def read(path):
    out = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                try:
                    out[parts[0]] = float(parts[1])
                except ValueError:
                    pass
    return out


r = read(sys.argv[1])
rows = []
short = 0


def row(what, value, baseline, ratio, target, ok):
    global short
    if ok is None:
        verdict = "—"
    elif ok:
        verdict = "pass"
    else:
        verdict = "**short**"
        short += 1
    rows.append(f"| {what} | {value} | {baseline} | {ratio} | {target} | {verdict} |")


def ms(ns):
    return f"{ns / 1e6:.3f} ms"


def have(*names):
    return all(n in r for n in names)


def frame(name, label, base_name, base_label, limit):
    if have(name + "_beside", name + "_ratio"):
        # Taken in turns with its baseline: the ratio is the median of the rounds' ratios.
        ratio = r[name + "_ratio"]
        return row(label, ms(r[name]), f"{base_label} {ms(r[name + '_beside'])}, taking turns", f"{ratio:.2f}×",
                   f"≤ {limit}×", ratio <= limit)
    if not have(name, base_name):
        return row(label, "missing", "", "", f"≤ {limit}× {base_label}", False)
    ratio = r[name] / r[base_name]
    row(label, ms(r[name]), f"{base_label} {ms(r[base_name])}", f"{ratio:.2f}×", f"≤ {limit}×", ratio <= limit)


def section(title):
    rows.append(f"| **{title}** | | | | | |")


section("Frame cost (run_ui + tessellate, 1280×800, median; a view with a table and the bare table take turns, and its ratio is the median of the rounds' ratios)")
if have("baseline_demo_windows", "baseline_bare_table_100k"):
    row("egui demo windows (baseline)", ms(r["baseline_demo_windows"]), "", "1.00×", "", None)
    row("bare TableBuilder 100,000 × 6 (baseline)", ms(r["baseline_bare_table_100k"]), "demo " + ms(r["baseline_demo_windows"]),
        f"{r['baseline_bare_table_100k'] / r['baseline_demo_windows']:.2f}×", "", None)
frame("app_applicants_100k_sorted_filtered", "(a) Applicants, 100,000 tracked, filtered and sorted", "baseline_bare_table_100k", "bare table", 1.0)
frame("app_lookup_1000_answers", "(b) Look up, 1,000 quizz + 1,000 case answers", "baseline_demo_windows", "demo", 1.0)
frame("app_invite", "(c) Invite", "baseline_demo_windows", "demo", 1.0)
frame("app_bulk_preview_100k", "(d) Bulk invite preview, 100,000 rows", "baseline_bare_table_100k", "bare table", 1.2)
frame("app_openings_100k_50", "(e) Openings, 100,000 tracked over 50 openings", "baseline_bare_table_100k", "bare table", 1.0)
frame("app_shortlist_100k_50", "(f) Shortlist of one opening (2,000 of 100,000)", "baseline_bare_table_100k", "bare table", 1.0)
for name, label in [("sort_filter_100k_by_name", "filter + sort 100,000 by name (once per change)"),
                    ("sort_filter_100k_by_skill", "status filter + sort 100,000 by skill (once per change)"),
                    ("count_openings_100k", "count 50 openings' funnels over 100,000 (once per change)"),
                    ("rank_shortlist_100k", "rank one opening's shortlist among 100,000 (once per change)")]:
    if name in r:
        row(label, ms(r[name]), "bare table frame " + ms(r.get("baseline_bare_table_100k", 0)), "", "≤ 50 ms", r[name] <= 50e6)

SIZES = (("10k", "10,000"), ("100k", "100,000"), ("1m", "1,000,000"))
section("Cost as work grows: 10,000 → 100,000 → 1,000,000 tracked (frames: the app and the bare table taking turns; filter + sort: criterion; the rest: the real window under Xvfb, background checks off)")
for key, n in SIZES:
    a, b = f"scale_app_applicants_{key}", f"scale_app_applicants_{key}_beside"
    target, limit = ("≤ 1.2×", 1.2) if key == "1m" else ("", None)
    if have(a, b, a + "_ratio"):
        ratio = r[a + "_ratio"]
        row(f"frame, Applicants, {n} tracked, all shown, by name", ms(r[a]), f"bare 6-column table, {n} rows {ms(r[b])}, taking turns",
            f"{ratio:.2f}×", target, None if limit is None else ratio <= limit)
    elif limit:
        row(f"frame, Applicants, {n} tracked", "missing", "", "", target, False)
for key, n in SIZES:
    k = f"scale_sort_filter_{key}"
    if k in r:
        row(f"filter + sort {n} by name (\"ka\", once per change, off the window's thread, on every core)", ms(r[k]), "", "",
            "≤ 150 ms" if key == "1m" else "", r[k] <= 150e6 if key == "1m" else None)
    elif key == "1m":
        row("filter + sort 1,000,000", "missing", "", "", "≤ 150 ms", False)
def startup_ratio(prefix, key):
    """A startup beside the bare window's: the median of the rounds' ratios (taking turns)."""
    if f"{prefix}_{key}_ratio" in r:
        return r[f"{prefix}_{key}_ratio"]
    return r[f"{prefix}_{key}_s"] / r[f"{prefix}_bare_s"]


for key, n in SIZES:
    k = f"startup_scale_{key}_s"
    if have(k, "startup_scale_bare_s"):
        row(f"startup to first frame, {n} on disk", f"{r[k] * 1000:.0f} ms", f"bare eframe window {r['startup_scale_bare_s'] * 1000:.0f} ms",
            f"{startup_ratio('startup_scale', key):.2f}×", "", None)
for key, n in SIZES:
    k = f"memory_scale_{key}_kib"
    if have(k, "memory_bare_kib"):
        kib = r[k]
        target = "≤ 400 MB" if key == "1m" else ""
        row(f"peak RSS, {n} tracked, loaded and shown (load took {r.get(f'window_load_{key}_s', 0):.1f} s)",
            f"{kib / 1024:.0f} MiB ({kib * 1024 / 1e6:.0f} MB)", f"bare window {r['memory_bare_kib'] / 1024:.0f} MiB",
            f"{kib / r['memory_bare_kib']:.2f}×", target, kib * 1024 <= 400e6 if key == "1m" else None)
    elif key == "1m":
        row("peak RSS, 1,000,000 tracked", "missing", "", "", "≤ 400 MB", False)
if have("memory_scale_100k_kib", "memory_scale_1m_kib", "memory_bare_kib"):
    # Linear: each applicant past 100,000 costs no more than each of the first 100,000 did.
    first = (r["memory_scale_100k_kib"] - r["memory_bare_kib"]) / 100_000 * 1024
    past = (r["memory_scale_1m_kib"] - r["memory_scale_100k_kib"]) / 900_000 * 1024
    row("memory per applicant, 100,000 → 1,000,000", f"{past:.0f} bytes each past 100,000",
        f"{first:.0f} bytes each of the first 100,000 (above the bare window)", f"{past / first:.2f}×" if first > 0 else "",
        "linear or better (≤ 1.0×)", past <= first)
for key, n in SIZES:
    names = [f"window_{key}_{phase}_max_ms" for phase in ("load", "filter", "sort")]
    if have(*names):
        worst = max(r[x] for x in names)
        over = sum(r.get(f"window_{key}_{phase}_over_50ms", 0) for phase in ("load", "filter", "sort"))
        frames = sum(r.get(f"window_{key}_{phase}_frames", 0) for phase in ("load", "filter", "sort"))
        row(f"longest frame while {n} load, filter (\"ka\" typed) and sort (a click on Skill)",
            f"{worst:.1f} ms ({over:.0f} over 50 ms)",
            f"load {r[names[0]]:.1f} ms, filter {r[names[1]]:.1f} ms, sort {r[names[2]]:.1f} ms; {frames:.0f} frames",
            "", "≤ 50 ms, none over" if key == "1m" else "", (worst <= 50 and over == 0) if key == "1m" else None)
    elif key == "1m":
        row("longest frame while 1,000,000 load, sort or filter", "missing", "", "", "≤ 50 ms, none over", False)

section("Startup (exec → first screenshot written, Xvfb, taking turns with the bare window: median of 10 rounds)")
if have("startup_scale_100k_s", "startup_scale_bare_s"):
    ratio = startup_ratio("startup_scale", "100k")
    row("with a 100,000-applicant record on disk, Applicants shown", f"{r['startup_scale_100k_s'] * 1000:.0f} ms",
        f"bare eframe window {r['startup_scale_bare_s'] * 1000:.0f} ms", f"{ratio:.2f}×", "≤ 1.15×", ratio <= 1.15)
else:
    row("with a 100,000-applicant record on disk, Applicants shown", "missing", "", "", "≤ 1.15×", False)
if have("startup_app_s", "startup_bare_s"):
    ratio = startup_ratio("startup", "app")
    row("  rickrut-dashboard --demo (its sandbox started in the process, empty record)", f"{r['startup_app_s'] * 1000:.0f} ms",
        f"bare eframe window {r['startup_bare_s'] * 1000:.0f} ms", f"{ratio:.2f}×", "", None)

section("Memory and idle (the real window under Xvfb)")
if have("memory_app_100k_kib", "memory_bare_kib"):
    mb = r["memory_app_100k_kib"] / 1024
    ratio = r["memory_app_100k_kib"] / r["memory_bare_kib"]
    row("peak RSS, 100,000 tracked, Applicants shown (a background check of the 75,000 not yet scored at start)",
        f"{mb:.0f} MiB", f"bare window {r['memory_bare_kib'] / 1024:.0f} MiB", f"{ratio:.2f}×", "≤ 1.3×", ratio <= 1.3)
if "idle_cpu_percent" in r:
    row("CPU while idle for 10 s (100,000 tracked)", f"{r['idle_cpu_percent']:.2f} % of a core", "", "", "< 1 %", r["idle_cpu_percent"] < 1.0)
if have("frames_refresh_frames", "frames_refresh_max_ms"):
    ok = r["frames_refresh_frames"] > 0 and r["frames_refresh_max_ms"] <= 50 and r.get("frames_refresh_over_50ms", 1) == 0
    row(f"longest frame during a refresh-all of 100,000 ({r.get('refresh_window_100k_s', 0):.0f} s)",
        f"{r['frames_refresh_max_ms']:.1f} ms", f"{r['frames_refresh_frames']:.0f} frames drawn meanwhile", "", "≤ 50 ms, none over", ok)

section("Idle with background checks every minute (100,000 tracked, the 75,000 not yet scored checked each run)")
if have("idle_checks_cpu_percent", "idle_checks_gap_frames"):
    row(f"CPU between two runs ({r.get('idle_checks_cpu_window_s', 0):.0f} s)", f"{r['idle_checks_cpu_percent']:.2f} % of a core", "", "",
        "< 1 %", r["idle_checks_cpu_percent"] < 1.0)
    row(f"frames drawn between the runs ({r.get('idle_checks_gap_s', 0):.0f} s, from 1 s after the first ended)",
        f"{r['idle_checks_gap_frames']:.0f}", f"{r.get('idle_checks_runs', 0):.0f} runs seen", "", "0", r["idle_checks_gap_frames"] == 0)
elif "idle_checks_runs" in r:
    row("frames drawn between the runs", "missing", f"{r['idle_checks_runs']:.0f} runs seen (two are needed)", "", "0", False)

section("Refresh throughput (10,000 tracked applicants fetched before; 3 rounds taking turns with wrk and the baselines, each refreshing them twice; medians; sandbox on loopback)")
for c in (8, 64):
    a, w = f"refresh_c{c}_per_s", f"wrk_c{c}_per_s"
    if have(a, w):
        ratio = r[a] / r[w]
        row(f"refresh at concurrency {c} ({r.get(f'refresh_c{c}_failed', 0):.0f} failed)", f"{r[a]:.0f} /s", f"wrk -c {c}: {r[w]:.0f} /s",
            f"{ratio:.2f}×", "≥ 0.9×", ratio >= 0.9 and r.get(f"refresh_c{c}_failed", 1) == 0)
for c in (8, 64):
    if have(f"refresh_c{c}_per_s", f"reqwest_c{c}_per_s", f"client_c{c}_per_s", f"wrk_c{c}_per_s"):
        w = r[f"wrk_c{c}_per_s"]
        row(f"  beside it at concurrency {c}: bare reqwest, the same GETs, bodies dropped (baseline)",
            f"{r[f'reqwest_c{c}_per_s']:.0f} /s", f"wrk {w:.0f} /s", f"{r[f'reqwest_c{c}_per_s'] / w:.2f}×", "", None)
        row("  the app's client alone: timeouts, body cap, typed decoding, nothing stored",
            f"{r[f'client_c{c}_per_s']:.0f} /s", f"bare reqwest {r[f'reqwest_c{c}_per_s']:.0f} /s",
            f"{r[f'client_c{c}_per_s'] / r[f'reqwest_c{c}_per_s']:.2f}×", "", None)
        row("  the app's refresh (client + store)",
            f"{r[f'refresh_c{c}_per_s']:.0f} /s", f"bare reqwest {r[f'reqwest_c{c}_per_s']:.0f} /s",
            f"{r[f'refresh_c{c}_per_s'] / r[f'reqwest_c{c}_per_s']:.2f}×", "", None)
    if f"refresh_c{c}_first_fetch_per_s" in r:
        row(f"  first fetch of 10,000 IDs typed in to track, concurrency {c}",
            f"{r[f'refresh_c{c}_first_fetch_per_s']:.0f} /s", "", "", "", None)
for c in (8, 64):
    k = f"refresh_c{c}"
    if have(k + "_client_cpu_us", k + "_sandbox_cpu_us", f"wrk_c{c}_sandbox_cpu_us"):
        row(f"CPU per request at concurrency {c}: the app (of which its store; the kernel)",
            f"{r[k + '_client_cpu_us']:.0f} µs ({r.get(k + '_store_cpu_us', 0):.0f} µs; {r.get(k + '_client_system_cpu_us', 0):.0f} µs)"
            + (f"; client alone {r[f'client_c{c}_client_cpu_us']:.0f} µs, bare reqwest {r[f'reqwest_c{c}_client_cpu_us']:.0f} µs"
               if have(f"client_c{c}_client_cpu_us", f"reqwest_c{c}_client_cpu_us") else ""),
            f"sandbox {r[k + '_sandbox_cpu_us']:.0f} µs (under wrk {r[f'wrk_c{c}_sandbox_cpu_us']:.0f} µs)",
            "", "(explains the ratio: 2 cores shared)", None)
for c, n in ((64, 10000), (8, 1000)):
    k = f"latency50_c{c}_n{n}"
    if have(k + "_s", k + "_ideal_s"):
        ratio = r[k + "_s"] / r[k + "_ideal_s"]
        row(f"{n:,} at concurrency {c}, 50 ms latency", f"{r[k + '_s']:.2f} s", f"ideal {r[k + '_ideal_s']:.2f} s",
            f"{ratio:.2f}×", "≤ 1.2×", ratio <= 1.2 and r.get(k + "_failed", 1) == 0)

if have("refresh_1m_c64_s", "wrk_1m_c64_per_s"):
    rate = 1e6 / r["refresh_1m_c64_s"]
    ratio = rate / r["wrk_1m_c64_per_s"]
    row(f"refresh of 1,000,000 tracked at concurrency 64 (the CLI, one run, {r['refresh_1m_c64_s']:.0f} s from exec; sandbox holding the million)",
        f"{rate:.0f} /s", f"wrk -c 64 over the same million, 20 s: {r['wrk_1m_c64_per_s']:.0f} /s", f"{ratio:.2f}×", "≥ 0.8×", ratio >= 0.8)
else:
    row("refresh of 1,000,000 tracked at concurrency 64", "missing", "", "", "≥ 0.8×", False)

section("Bulk invite (10,000 CSV rows, sandbox limited to 200 requests/s)")
if "bulk_10k_s" in r:
    ratio = r["bulk_10k_s"] / 50.0
    row("elapsed", f"{r['bulk_10k_s']:.1f} s", "ideal 50 s", f"{ratio:.2f}×", "≤ 1.05×", ratio <= 1.05)
    row("duplicates held by the server", f"{r.get('bulk_duplicates', -1):.0f}", f"{r.get('bulk_held', 0):.0f} held", "", "0", r.get("bulk_duplicates", 1) == 0)
    row("rows without a final state", f"{r.get('bulk_without_final_state', -1):.0f}",
        f"{r.get('bulk_created', 0):.0f} created, {r.get('bulk_unknown', 0):.0f} unknown", "", "0",
        r.get("bulk_without_final_state", 1) == 0 and r.get("bulk_created", 0) == 10000)

section("Bulk invite, unthrottled (10,000 CSV rows, the CLI's import at concurrency 16, sandbox in memory on loopback)")
if have("bulk_fast_s", "bulk_fast_created", "wrk_post_c16_per_s"):
    rate = r["bulk_fast_created"] / r["bulk_fast_s"]
    done = r["bulk_fast_created"] >= 10000
    row(f"rows per second, each row's \"sending\" mark durable before its request ({r['bulk_fast_created']:.0f} created in {r['bulk_fast_s']:.0f} s"
        + ("" if done else ", stopped at 60 s: a subset") + ")",
        f"{rate:.0f} /s", f"wrk -c 16 POSTs to the same sandbox: {r['wrk_post_c16_per_s']:.0f} /s",
        f"{rate / r['wrk_post_c16_per_s']:.2f}×", "≥ 4,000 /s", rate >= 4000 and done)
else:
    row("rows per second, unthrottled", "missing", "", "", "≥ 4,000 /s", False)

section("The team store (PostgreSQL on loopback) beside SQLite, concurrency 8, same run")
if r.get("team_skipped"):
    row("team store", "skipped: PostgreSQL is not installed", "", "", "≥ 0.5×", False)
for what, label in (("refresh", "refresh of 10,000 tracked"), ("bulk", "bulk invite of 2,000 rows")):
    k = f"{what}_team_c8"
    if have(k + "_per_s", f"{what}_sqlite_c8_per_s"):
        ratio = r[k + "_per_s"] / r[f"{what}_sqlite_c8_per_s"]
        row(label, f"{r[k + '_per_s']:.0f} /s", f"SQLite {r[f'{what}_sqlite_c8_per_s']:.0f} /s",
            f"{ratio:.2f}×", "≥ 0.5×", ratio >= 0.5)

section("Import preview (100,000 rows read into invite rows, criterion median)")
if have("import_xlsx_100k_rows", "baseline_import_csv_100k_rows"):
    x, base = r["import_xlsx_100k_rows"], r["baseline_import_csv_100k_rows"]
    row("an .xlsx workbook", ms(x), f"the same rows as CSV {ms(base)}", f"{x / base:.2f}×",
        "< 2 s", x < 2e9)
else:
    row("an .xlsx workbook", "missing", "", "", "< 2 s", False)
section("Decoding (an applicant with 1,000 + 1,000 answers, 470 KB)")
if have("decode_applicant_1000_answers", "baseline_decode_value_1000_answers"):
    ratio = r["decode_applicant_1000_answers"] / r["baseline_decode_value_1000_answers"]
    row("decode into the app's types", ms(r["decode_applicant_1000_answers"]),
        f"serde_json::Value {ms(r['baseline_decode_value_1000_answers'])}", f"{ratio:.2f}×", "(no target; lower is better)", None)

try:
    cpu = subprocess.run(["sh", "-c", "lscpu | sed -n 's/^Model name: *//p'"], capture_output=True, text=True).stdout.strip()
except OSError:
    cpu = platform.processor()
mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
total = r.get("total_bench_s", 0)

print("# Benchmarks")
print()
print("Written by `scripts/bench` (do not edit by hand). Every figure is measured beside its")
print("baseline in the same run on the same machine; the ratio is what the target is about.")
print()
print(f"- Date: {datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}")
print(f"- Machine: {cpu or 'unknown CPU'}, {os.cpu_count()} cores, {mem_gib:.0f} GiB, {platform.system()} {platform.release()}, no GPU (Mesa llvmpipe under Xvfb)")
if "build_s" in r:
    print(f"- Run time: {total / 60:.1f} min once built (target: under 20); the build took {r['build_s'] / 60:.1f} min")
else:
    print(f"- Run time: {total / 60:.1f} min including building the release binary, examples and benches (target: under 20)")
steps = [(k[len("step_"):-len("_s")].replace("_", "-"), v) for k, v in r.items() if k.startswith("step_") and k.endswith("_s")]
if steps:
    print("- Steps: " + ", ".join(f"{name} {v / 60:.1f} min" for name, v in steps))
print(f"- Targets short: {short}")
print()
print("| figure | measured | baseline (same run) | ratio | target | result |")
print("|---|---|---|---|---|---|")
for line in rows:
    print(line)
print()
print("How each is measured: `benches/frame.rs`, `benches/scale.rs` (10,000 to 1,000,000 tracked),")
print("`benches/decode.rs` and `benches/import.rs` (criterion, medians),")
print("`benches/throughput.rs` (the app's refresh job beside `wrk` with as many connections),")
print("`benches/team.rs` (the same refresh and a bulk invite with the record on PostgreSQL and on SQLite),")
print("and `scripts/bench` for the real window under Xvfb: `scripts/bench-turns.py` for startup, `VmHWM`")
print("for peak memory, `/proc/<pid>/stat` for CPU, eframe's per-frame CPU time and each frame's")
print("`ui` time listed at exit (`RICKRUT_FRAME_STATS`, read by `scripts/bench-frames.py`),")
print("`xdotool` typing the filter and clicking a heading, the CLI's `import` for the bulk invites")
print("and its `refresh` for the million, each beside `wrk` on the same sandbox.")
