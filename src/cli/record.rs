//! `list`, `refresh` and `export`: the profile's tracked applicants, fetched again or written
//! out.

use std::process::ExitCode;

use rickrut_dashboard::jobs::news::Change;
use rickrut_dashboard::jobs::record::StoreError;
use rickrut_dashboard::jobs::refresh::{self, RefreshProgress};
use rickrut_dashboard::jobs::{export, notify, track};

use rickrut_dashboard::boundary::terminal::{self, Visible};
use rickrut_dashboard::{i18n, t};

use super::output::{print_out, progress_bar};
use super::{Cli, ExportFormat, Failure, connect};

fn store_failure(e: StoreError) -> Failure {
    connect::record_failure(&e)
}

pub fn list(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    status: Option<&str>,
    json: bool,
) -> Result<ExitCode, Failure> {
    let record = connect::record(cli, runtime)?;
    let mut rows = runtime
        .block_on(track::everyone(&record))
        .map_err(store_failure)?;
    if let Some(status) = status {
        rows.retain(|r| r.status().eq_ignore_ascii_case(status));
    }
    if json {
        let extras = runtime
            .block_on(export::extras(&record))
            .map_err(store_failure)?;
        print_out(&format!(
            "{}\n",
            terminal::json(&export::json_text(&rows, &extras))
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    let score = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| i18n::decimal(v, 1));
    for r in &rows {
        let status = if r.deleted_upstream {
            "DELETED_UPSTREAM" // not for people: a status token beside the API's own (SCORED, INVITED)
        } else if r.status().is_empty() {
            "NOT_FETCHED" // not for people: a status token beside the API's own (SCORED, INVITED)
        } else {
            r.status()
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            r.id,
            Visible(status),
            Visible(&r.name),
            Visible(&r.email),
            score(r.skill.get()),
            score(r.adequation.get())
        ));
    }
    print_out(&out);
    say!("{}", t!("cli-tracked-count", count = rows.len()));
    Ok(ExitCode::SUCCESS)
}

/// The tracked applicants to standard output, or to `output` (written beside and renamed,
/// so a failed export never leaves half a file); XLSX only to a file.
pub fn export(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    format: ExportFormat,
    output: Option<&std::path::Path>,
) -> Result<ExitCode, Failure> {
    if matches!(format, ExportFormat::Xlsx) && output.is_none() {
        return Err(Failure::usage(t!("cli-export-xlsx-needs-file")));
    }
    let record = connect::record(cli, runtime)?;
    let rows = runtime
        .block_on(track::everyone(&record))
        .map_err(store_failure)?;
    let extras = runtime
        .block_on(export::extras(&record))
        .map_err(store_failure)?;
    let Some(output) = output else {
        match format {
            ExportFormat::Json => print_out(&format!(
                "{}\n",
                terminal::json(&export::json_text(&rows, &extras))
            )),
            _ => print_out(&String::from_utf8_lossy(&export::csv_bytes(&rows, &extras))),
        }
        return Ok(ExitCode::SUCCESS);
    };
    let count = rows.len();
    let bytes = match format {
        // To a file the JSON is as received, for another program to read.
        ExportFormat::Json => Ok(format!("{}\n", export::json_text(&rows, &extras)).into_bytes()),
        ExportFormat::Csv => Ok(export::csv_bytes(&rows, &extras)),
        ExportFormat::Xlsx => export::xlsx_bytes(&rows, &extras),
    };
    let written = match bytes {
        Ok(bytes) => runtime.block_on(export::write_file(output.to_path_buf(), bytes)),
        Err(reason) => Err(export::ExportError::Write {
            path: output.display().to_string(),
            reason,
        }),
    };
    let path = written.map_err(|e| Failure {
        code: 10,
        message: e.to_string(),
        details: e.technical().map(str::to_owned),
    })?;
    say!(
        "{}",
        t!(
            "cli-exported",
            count = count,
            path = Visible(&path.display().to_string()).to_string()
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn refresh(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    concurrency: usize,
    notify: bool,
) -> Result<ExitCode, Failure> {
    let connection = connect::connection(cli, runtime)?;
    let record = connect::record(cli, runtime)?;
    let ids = runtime
        .block_on(track::ids(&record))
        .map_err(store_failure)?;
    let bar = progress_bar(ids.len());
    let progress = std::sync::Arc::new(std::sync::Mutex::new(RefreshProgress::default()));
    let watcher = progress.clone();
    let shown = bar.clone();
    let kept = record.clone();
    let work = refresh::refresh(
        connection.client,
        record,
        ids,
        concurrency,
        progress,
        move || {
            if let Ok(p) = watcher.lock() {
                shown.set_position(p.done as u64);
                shown.set_message(t!(
                    "cli-refresh-progress",
                    changed = p.changed,
                    failed = p.failed
                ));
            }
        },
    );
    let summary = runtime.block_on(async {
        tokio::select! {
            summary = work => Some(summary),
            _ = tokio::signal::ctrl_c() => None,
        }
    });
    bar.finish_and_clear();
    let Some(summary) = summary else {
        say!("{}", t!("cli-refresh-stopped"));
        return Ok(ExitCode::from(130));
    };
    report_failures(&summary, cli.verbose > 0);
    say!(
        "{}",
        t!(
            "cli-refreshed",
            done = summary.done - summary.failed,
            total = summary.total,
            changed = summary.changed,
            deleted = summary.deleted,
            failed = summary.failed
        )
    );
    if let Some(why) = &summary.stopped_because {
        say!("{why}");
    }
    if notify {
        runtime.block_on(tell(&kept, &summary.changes));
    }
    // The README's table: 10 the local record could not be written (as `import`), 8 some
    // applicants failed.
    Ok(if summary.record_failed {
        ExitCode::from(10)
    } else if summary.failed > 0 {
        ExitCode::from(8)
    } else {
        ExitCode::SUCCESS
    })
}

/// One desktop notification for what moved; said on stderr when there is nobody to tell.
pub(super) async fn tell(record: &rickrut_dashboard::jobs::record::Record, changes: &[Change]) {
    if !changes.is_empty() && !notify::tell(record, changes, false, None).await {
        say!("{}", t!("cli-no-notification-service"));
    }
}

/// What failed, grouped by reason: one line per reason with how many and the first IDs
/// (every ID with `-v`), not one line per applicant saying the same thing.
pub(super) fn report_failures(summary: &RefreshProgress, verbose: bool) {
    const SHOWN: usize = 10;
    for (reason, ids) in summary.failures_by_reason() {
        let listed: Vec<String> = ids
            .iter()
            .filter(|id| **id > 0)
            .take(if verbose { usize::MAX } else { SHOWN })
            .map(u64::to_string)
            .collect();
        let reason = Visible(reason).to_string();
        let line = if listed.is_empty() {
            t!("cli-failed-for", count = ids.len(), reason = reason)
        } else if !verbose && ids.len() > SHOWN {
            t!(
                "cli-failed-for-ids-more",
                count = ids.len(),
                ids = listed.join(", "),
                more = ids.len() - SHOWN,
                reason = reason
            )
        } else {
            t!(
                "cli-failed-for-ids",
                count = ids.len(),
                ids = listed.join(", "),
                reason = reason
            )
        };
        say!("{line}");
    }
}
