//! `import`: a workbook or CSV file read into a preview with every row's verdict, then
//! (unless `--dry-run`) confirmed and sent as a bulk invite job that the same command
//! resumes, and its results written beside the file.

use std::io::{BufRead as _, IsTerminal as _};
use std::path::Path;
use std::process::ExitCode;

use rickrut_dashboard::jobs::bulk::{self, BulkProgress, Prepared, Sender, Start, Stop};
use rickrut_dashboard::jobs::import::{self, ReadOptions};
use rickrut_dashboard::jobs::record::Record;
use rickrut_dashboard::jobs::{invite, openings};

use rickrut_dashboard::boundary::terminal::Visible;

use super::output::{print_out, progress_bar};
use super::{Cli, Failure, connect};

pub struct ImportArgs<'a> {
    pub file: &'a Path,
    pub opening: Option<&'a str>,
    pub sheet: Option<&'a str>,
    pub encoding: Option<&'a str>,
    pub yes: bool,
    pub concurrency: usize,
    pub dry_run: bool,
    pub resend_unknown: bool,
}

pub fn run(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    args: ImportArgs<'_>,
) -> Result<ExitCode, Failure> {
    let encoding = match args.encoding {
        None => None,
        Some(name) => Some(import::encoding::named(name).ok_or_else(|| {
            Failure::usage(format!(
                "\"{}\" is not a character set this app knows; try utf-8, windows-1252, iso-8859-15 or utf-16le.",
                Visible(name)
            ))
        })?),
    };
    let record = connect::record(cli, runtime)?;
    // A known opening's ID given for every row is sent as its name.
    let opening = args.opening.map(|typed| {
        runtime
            .block_on(invite::check_opening(&record, typed))
            .map_or_else(|_| typed.trim().to_owned(), |c| c.name_to_send(typed))
    });
    let options = ReadOptions {
        default_opening: opening,
        sheet: args.sheet.map(str::to_owned),
        encoding,
    };
    let preview = runtime
        .block_on(import::load_as(
            args.file.to_path_buf(),
            options,
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
    eprintln!("{}", Visible(&preview.read_as.sentence()));
    warn_openings(runtime, &record, &preview);
    if args.dry_run {
        let mut out = String::new();
        for p in &preview.rows {
            let name = p.name();
            let verdict = if p.left_out_by_hand() {
                import::LEFT_OUT.to_owned()
            } else {
                p.verdict.label()
            };
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\n",
                p.row.row_no,
                Visible(&p.row.email),
                Visible(&p.row.opening),
                Visible(&name),
                Visible(&verdict)
            ));
        }
        print_out(&out);
        eprintln!("{} rows: {summary}.", preview.rows.len());
        return Ok(ExitCode::SUCCESS);
    }
    if !confirmed(&preview, args.yes) {
        eprintln!("Nothing was sent; run the command again and answer y to send.");
        return Ok(ExitCode::SUCCESS);
    }
    let connection = connect::connection(cli, runtime)?;
    let total = preview.rows.len();
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
                "{} created, {} skipped, {} left out, {} failed, {} unknown, {:.1}/s",
                p.created,
                p.skipped,
                p.left_out,
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

    // Rows the file itself got wrong (an invalid email, no opening) were left out, never
    // sent: only rows the server refused or the network lost count as failed.
    let refused = sent.summary.failed;
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
        "{} rows: {} created, {} skipped, {} left out, {} failed, {} unknown, {} not sent yet.",
        summary.total,
        summary.created,
        summary.skipped,
        summary.left_out,
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

/// Says how many invites go to each opening and, at a terminal (unless `--yes`), asks
/// before sending; true to send.
fn confirmed(preview: &import::Preview, yes: bool) -> bool {
    const LISTED: usize = 10;
    let by_opening = preview.ready_by_opening();
    let ready = preview.ready();
    if ready == 0 {
        return true;
    }
    eprintln!("{ready} invites to send, to {} openings:", by_opening.len());
    for (opening, n) in by_opening.iter().take(LISTED) {
        eprintln!("  {}: {n}", Visible(opening));
    }
    if by_opening.len() > LISTED {
        eprintln!("  and {} more openings", by_opening.len() - LISTED);
    }
    if yes || !std::io::stdin().is_terminal() {
        return true;
    }
    eprint!("Send them? [y/N] ");
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim().to_lowercase().as_str(), "y" | "yes")
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
