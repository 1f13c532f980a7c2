//! `watch`: the candidates not yet scored, checked again every so often, each one who moves
//! printed as one line (and told to the desktop with `--notify`) until Ctrl-C.

use std::io::Write;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rickrut_dashboard::jobs::refresh::{self, RefreshProgress};
use rickrut_dashboard::jobs::track;

use rickrut_dashboard::t;

use super::record::{report_failures, tell};
use super::{Cli, Failure, connect};

pub struct Watch {
    pub every: Duration,
    pub notify: bool,
    pub all: bool,
    pub concurrency: usize,
}

pub fn watch(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    watch: Watch,
) -> Result<ExitCode, Failure> {
    let connection = connect::connection(cli, runtime)?;
    let record = connect::record(cli, runtime)?;
    let verbose = cli.verbose > 0;
    let code = runtime.block_on(async {
        let stop = tokio::signal::ctrl_c();
        tokio::pin!(stop);
        let mut said_nothing_left = false;
        loop {
            let ids = if watch.all {
                track::ids(&record).await
            } else {
                track::unfinished_ids(&record).await
            };
            let ids = match ids {
                Ok(ids) => ids,
                Err(e) => {
                    say!("{e}");
                    return ExitCode::from(10);
                }
            };
            if ids.is_empty() {
                if !said_nothing_left {
                    say!("{}", t!("cli-watch-all-finished"));
                    said_nothing_left = true;
                }
            } else {
                said_nothing_left = false;
                let run = refresh::refresh(
                    connection.client.clone(),
                    record.clone(),
                    ids,
                    watch.concurrency,
                    Arc::new(Mutex::new(RefreshProgress::default())),
                    || {},
                );
                let summary = tokio::select! {
                    summary = run => summary,
                    _ = &mut stop => {
                        say!("{}", t!("cli-watch-stopped-saved"));
                        return ExitCode::SUCCESS;
                    }
                };
                let mut out = std::io::stdout().lock();
                for change in &summary.changes {
                    let _ = writeln!(out, "{}", change.line());
                }
                let _ = out.flush();
                drop(out);
                report_failures(&summary, verbose);
                if let Some(why) = &summary.stopped_because {
                    say!("{why}");
                }
                if summary.record_failed {
                    return ExitCode::from(10);
                }
                if watch.notify {
                    tell(&record, &summary.changes).await;
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(watch.every) => {}
                _ = &mut stop => {
                    say!("{}", t!("cli-watch-stopped"));
                    return ExitCode::SUCCESS;
                }
            }
        }
    });
    Ok(code)
}
