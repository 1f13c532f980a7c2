//! `list`, `refresh` and `export`: the profile's tracked applicants, fetched again or written
//! out.

use std::process::ExitCode;

use rickrut_dashboard::jobs::news::Change;
use rickrut_dashboard::jobs::record::StoreError;
use rickrut_dashboard::jobs::refresh::{self, RefreshProgress};
use rickrut_dashboard::jobs::{export, notify, track};

use rickrut_dashboard::boundary::terminal::{self, Visible};

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
        rows.retain(|r| r.status.eq_ignore_ascii_case(status));
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
    let score = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.1}"));
    for r in &rows {
        let status = if r.deleted_upstream {
            "DELETED_UPSTREAM"
        } else if r.status.is_empty() {
            "NOT_FETCHED"
        } else {
            &r.status
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            r.id,
            Visible(status),
            Visible(&r.name),
            Visible(&r.email),
            score(r.skill),
            score(r.adequation)
        ));
    }
    print_out(&out);
    eprintln!("{} tracked applicants.", rows.len());
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
        return Err(Failure::usage(
            "A workbook cannot go to the terminal; add --output FILE.xlsx.",
        ));
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
    eprintln!(
        "Exported {count} applicants to {}.",
        Visible(&path.display().to_string())
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
                shown.set_message(format!("{} changed, {} failed", p.changed, p.failed));
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
        eprintln!("Refresh stopped; what was received is saved. Run it again to continue.");
        return Ok(ExitCode::from(130));
    };
    report_failures(&summary, cli.verbose > 0);
    eprintln!(
        "Refreshed {} of {} tracked applicants: {} changed, {} deleted upstream, {} failed.",
        summary.done - summary.failed,
        summary.total,
        summary.changed,
        summary.deleted,
        summary.failed
    );
    if let Some(why) = &summary.stopped_because {
        eprintln!("{why}");
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
        eprintln!("No desktop notification was sent: this session has no notification service.");
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
        let more = if !verbose && ids.len() > SHOWN {
            format!(", and {} more (-v lists them all)", ids.len() - SHOWN)
        } else {
            String::new()
        };
        let which = if listed.is_empty() {
            String::new()
        } else {
            format!(" ({}{more})", listed.join(", "))
        };
        let count = if ids.len() == 1 {
            "1 applicant".to_owned()
        } else {
            format!("{} applicants", ids.len())
        };
        eprintln!("{count}{which}: {}", Visible(reason));
    }
}
