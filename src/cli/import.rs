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
use rickrut_dashboard::{i18n, t};

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
            Failure::usage(t!("cli-unknown-encoding", name = Visible(name).to_string()))
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
    say!("{}", Visible(&preview.read_as.sentence()));
    warn_openings(runtime, &record, &preview);
    if args.dry_run {
        let mut out = String::new();
        for p in &preview.rows {
            let name = p.name();
            let verdict = if p.left_out_by_hand() {
                import::left_out_label()
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
        say!(
            "{}",
            t!(
                "cli-import-rows-summary",
                count = preview.rows.len(),
                summary = summary.to_string()
            )
        );
        return Ok(ExitCode::SUCCESS);
    }
    if !confirmed(&preview, args.yes) {
        say!("{}", t!("cli-import-not-confirmed"));
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
            say!(
                "{}",
                t!(
                    "cli-import-resuming",
                    file = file.as_str(),
                    job = prepared.job.to_string()
                )
            );
            if prepared.interrupted > 0 {
                say!(
                    "{}",
                    t!("cli-import-interrupted", count = prepared.interrupted)
                );
            }
        } else {
            say!(
                "{}",
                t!(
                    "cli-import-rows-summary",
                    count = total,
                    summary = summary.to_string()
                )
            );
        }
        if prepared.requeued > 0 {
            say!("{}", t!("cli-import-resending", count = prepared.requeued));
        }
    };
    let wake = move || {
        if let Ok(p) = watcher.lock() {
            shown.set_position((p.total - p.pending) as u64);
            shown.set_message(t!(
                "cli-import-progress",
                created = p.created,
                skipped = p.skipped,
                left_out = p.left_out,
                failed = p.failed,
                unknown = p.unknown,
                rate = i18n::decimal(p.rate(), 1)
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
        Ok(path) => say!(
            "{}",
            t!("cli-import-results", path = path.display().to_string())
        ),
        Err(e) => {
            // One sentence (it names the file); the system's words only with -v.
            say!("{e}");
            if let Some(details) = e.technical().filter(|_| cli.verbose > 0) {
                say!(
                    "{}",
                    t!("errors-details", details = Visible(details).to_string())
                );
            }
        }
    }
    let summary = sent.summary;
    say!(
        "{}",
        t!(
            "cli-import-outcome",
            total = summary.total,
            created = summary.created,
            skipped = summary.skipped,
            left_out = summary.left_out,
            failed = summary.failed,
            unknown = summary.unknown,
            pending = summary.pending
        )
    );
    if let Some(why) = &summary.stopped_because {
        say!("{}", Visible(why));
        // The README's table: 10 the local record could not be written, 3 the key refused.
        return Ok(ExitCode::from(if summary.record_failed { 10 } else { 3 }));
    }
    if interrupted_by_user {
        say!("{}", t!("cli-import-stopped"));
        return Ok(ExitCode::from(130));
    }
    if summary.unknown > 0 {
        say!("{}", t!("cli-import-unknown", count = summary.unknown));
        return Ok(ExitCode::from(8));
    }
    if refused > 0 {
        // As `refresh` when some applicants failed: 8, each row's reason in the results.
        say!("{}", t!("cli-import-refused", count = refused));
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
    say!(
        "{}",
        t!(
            "cli-import-to-send",
            count = ready,
            openings = by_opening.len()
        )
    );
    for (opening, n) in by_opening.iter().take(LISTED) {
        say!(
            "  {}",
            t!(
                "cli-import-opening-count",
                opening = Visible(opening).to_string(),
                count = *n
            )
        );
    }
    if by_opening.len() > LISTED {
        say!(
            "  {}",
            t!(
                "cli-import-more-openings",
                count = by_opening.len() - LISTED
            )
        );
    }
    if yes || !std::io::stdin().is_terminal() {
        return true;
    }
    ask!("{} ", t!("cli-import-confirm"));
    let mut answer = String::new();
    if std::io::stdin().lock().read_line(&mut answer).is_err() {
        return false;
    }
    // Either language's yes, whichever the prompt was in.
    matches!(
        answer.trim().to_lowercase().as_str(),
        "y" | "yes" | "o" | "oui"
    )
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
                openings::OpeningCheck::IdOf(name) => {
                    Some(t!("cli-import-opening-is-id", name = name.as_str()))
                }
                check => check.warning(),
            }?;
            Some(t!(
                "cli-import-opening-warning",
                opening = Visible(opening).to_string(),
                count = *n,
                warning = Visible(&warning).to_string()
            ))
        })
        .take(5);
    for line in said {
        say!("{line}");
    }
}
