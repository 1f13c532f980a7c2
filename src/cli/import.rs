//! `import`: a CSV file read into a preview with every row's verdict, then (unless
//! `--dry-run`) sent as a bulk invite job that the same command resumes, and its results
//! written beside the file.

use std::path::Path;
use std::process::ExitCode;

use rickrut_dashboard::jobs::bulk::{self, BulkProgress, Prepared, RowState, Sender, Start, Stop};
use rickrut_dashboard::jobs::record::Record;
use rickrut_dashboard::jobs::{import, invite, openings};

use rickrut_dashboard::boundary::terminal::Visible;

use super::output::{print_out, progress_bar};
use super::{Cli, Failure, connect};

pub struct ImportArgs<'a> {
    pub file: &'a Path,
    pub opening: Option<&'a str>,
    pub concurrency: usize,
    pub dry_run: bool,
    pub resend_unknown: bool,
}

pub fn run(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    args: ImportArgs<'_>,
) -> Result<ExitCode, Failure> {
    let record = connect::record(cli)?;
    // A known opening's ID given for every row is sent as its name.
    let opening = args.opening.map(|typed| {
        runtime
            .block_on(invite::check_opening(&record, typed))
            .map_or_else(|_| typed.trim().to_owned(), |c| c.name_to_send(typed))
    });
    let preview = runtime
        .block_on(import::load(
            args.file.to_path_buf(),
            opening,
            Some(record.clone()),
        ))
        .map_err(|e| match e {
            import::LoadError::Store(e) => connect::record_failure(&e),
            e => Failure {
                code: 2,
                message: e.to_string(),
                details: e.technical(),
            },
        })?;
    let summary = preview.summary();
    warn_openings(runtime, &record, &preview);
    if args.dry_run {
        let mut out = String::new();
        for p in &preview.rows {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\n",
                p.row.row_no,
                Visible(&p.row.email),
                Visible(&p.row.opening),
                Visible(&p.verdict.label())
            ));
        }
        print_out(&out);
        eprintln!("{} rows: {summary}.", preview.rows.len());
        return Ok(ExitCode::SUCCESS);
    }
    let connection = connect::connection(cli, runtime)?;
    let total = preview.rows.len();
    // Rows the file itself got wrong (an invalid email, no opening) are listed as failed but
    // never sent: only rows the server refused make the exit code say so.
    let wrong_in_file: std::collections::HashSet<u64> = preview
        .rows
        .iter()
        .filter(|p| !p.excluded)
        .filter(|p| {
            matches!(
                p.verdict,
                import::Verdict::InvalidEmail(_) | import::Verdict::MissingOpening
            )
        })
        .map(|p| p.row.row_no)
        .collect();
    let file = args.file.display().to_string();
    let progress = std::sync::Arc::new(std::sync::Mutex::new(BulkProgress::default()));
    let bar = progress_bar(total);
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(Stop::Go);
    let watcher = progress.clone();
    let shown = bar.clone();
    let sender = Sender {
        client: connection.client,
        record,
        concurrency: args.concurrency,
        progress,
    };
    let start = Start::Preview {
        preview: Box::new(preview),
        resend_unknown: args.resend_unknown,
    };
    let announce = move |prepared: &Prepared| {
        if prepared.resumed {
            eprintln!("Resuming the import of {file} (job {}).", prepared.job);
            if prepared.interrupted > 0 {
                eprintln!(
                    "{} rows were being sent when the last run stopped: their outcome is unknown.",
                    prepared.interrupted
                );
            }
        } else {
            eprintln!("{total} rows: {summary}.");
        }
        if prepared.requeued > 0 {
            eprintln!(
                "Sending {} rows of unknown outcome again.",
                prepared.requeued
            );
        }
    };
    let wake = move || {
        if let Ok(p) = watcher.lock() {
            shown.set_position((p.total - p.pending) as u64);
            shown.set_message(format!(
                "{} created, {} skipped, {} failed, {} unknown, {:.1}/s",
                p.created,
                p.skipped,
                p.failed,
                p.unknown,
                p.rate()
            ));
        }
    };
    let mut interrupted_by_user = false;
    let sent = runtime.block_on(async {
        let work = bulk::send(sender, start, stop_rx, announce, wake);
        tokio::pin!(work);
        tokio::select! {
            sent = &mut work => sent,
            _ = tokio::signal::ctrl_c() => {
                interrupted_by_user = true;
                // The requests in flight finish and are recorded; nothing new starts.
                let _ = stop_tx.send(Stop::Pause);
                work.await
            }
        }
    });
    bar.finish_and_clear();
    let sent = sent.map_err(|e| connect::record_failure(&e))?;

    let refused = sent
        .rows
        .iter()
        .filter(|r| matches!(r.state, RowState::Failed(_)) && !wrong_in_file.contains(&r.row_no))
        .count();
    let results_path = args.file.with_extension("results.csv");
    match runtime.block_on(bulk::write_results(results_path, sent.rows)) {
        Ok(path) => eprintln!("Results: {}", path.display()),
        Err(e) => {
            // One sentence (it names the file); the system's words only with -v.
            eprintln!("{e}");
            if let Some(details) = e.technical().filter(|_| cli.verbose > 0) {
                eprintln!("Details: {}", Visible(details));
            }
        }
    }
    let summary = sent.summary;
    eprintln!(
        "{} rows: {} created, {} skipped, {} failed, {} unknown, {} not sent yet.",
        summary.total,
        summary.created,
        summary.skipped,
        summary.failed,
        summary.unknown,
        summary.pending
    );
    if let Some(why) = &summary.stopped_because {
        eprintln!("{}", Visible(why));
        // The README's table: 10 the local record could not be written, 3 the key refused.
        return Ok(ExitCode::from(if summary.record_failed { 10 } else { 3 }));
    }
    if interrupted_by_user {
        eprintln!("Stopped. Run the same command again to continue.");
        return Ok(ExitCode::from(130));
    }
    if summary.unknown > 0 {
        eprintln!(
            "{} rows have an unknown outcome. Check them in RickRut, then run again with --resend-unknown (a repeated invite is refused by the server and counts as already invited).",
            summary.unknown
        );
        return Ok(ExitCode::from(8));
    }
    if refused > 0 {
        // As `refresh` when some applicants failed: 8, each row's reason in the results.
        eprintln!(
            "The server refused {refused} rows; each one's reason is in the results file: check them, then import the file again (rows already invited are skipped)."
        );
        return Ok(ExitCode::from(8));
    }
    Ok(ExitCode::SUCCESS)
}

/// The openings the file names that need a second look (new to this profile, another
/// spelling, an ID), a line each, a few at most.
fn warn_openings(runtime: &tokio::runtime::Runtime, record: &Record, preview: &import::Preview) {
    let Ok(known) = runtime.block_on(openings::openings(record)) else {
        return;
    };
    let names = openings::OpeningNames::new(&known);
    let said = preview
        .ready_by_opening()
        .iter()
        .filter_map(|(opening, n)| {
            let warning = match names.check(opening) {
                openings::OpeningCheck::IdOf(name) => Some(format!(
                    "is the ID of {name}, and the server takes names: write {name} in the file"
                )),
                check => check.warning(),
            }?;
            Some(format!(
                "{} ({n} rows): {}",
                Visible(opening),
                Visible(&warning)
            ))
        })
        .take(5);
    for line in said {
        eprintln!("{line}");
    }
}
