//! Argument parsing, the headless subcommands and their exit codes.

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rickrut_dashboard::api::{
    self, ApiError, Applicant, ApplicantId, ApplicantResponse, Client, NewApplicant,
};
use rickrut_dashboard::jobs::refresh;
use rickrut_dashboard::keys::{self, OsKeyring, Profile, ProfileBook, SecretStore};
use rickrut_dashboard::sandbox::{self, Sandbox, SandboxArgs};
use rickrut_dashboard::store::{self, Store, StoreHandle};
use rickrut_dashboard::ui::{self, AppConfig, DashboardApp, Demo, KeyStoreChoice};
use secrecy::SecretString;

/// The environment variable the key is read from; a key is never accepted as an argument.
pub const KEY_ENV: &str = "RICKRUT_API_KEY";

#[derive(Parser, Debug)]
#[command(
    name = "rickrut-dashboard",
    version,
    about = "A desktop dashboard for recruiters who use the RickRut applicant API.",
    long_about = "A desktop dashboard for recruiters who use the RickRut applicant API.\n\n\
        Without a subcommand it opens the window. The API key comes from the OS keyring \
        (--profile NAME) or from the RICKRUT_API_KEY environment variable, never from the \
        command line.",
    after_help = "Exit codes: 0 success, 2 bad input or usage, 3 key missing or refused, \
        4 not found, 5 rate limited, 6 rejected by validation, 7 server error, \
        8 network or timeout, 9 undecodable response."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Open on a built-in sandbox server with demo data (no account needed).
    #[arg(long)]
    pub demo: bool,

    /// Use this profile: its base URL, and its key from the OS keyring.
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// The API's base URL [default: https://www.rickrut.com/api/v1/, or the profile's].
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,

    /// Where the local record of tracked applicants lives [default: the platform's data directory].
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<std::path::PathBuf>,

    /// Open the window on Bulk invite with this CSV file loaded for preview.
    #[arg(long, value_name = "FILE.csv")]
    pub import: Option<std::path::PathBuf>,

    /// Give up on a request after this many seconds (the window has its own in Settings).
    #[arg(long, global = true, value_name = "SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,

    /// The window's theme for this run, over the one in Settings.
    #[arg(long, value_enum)]
    pub theme: Option<ThemeArg>,

    /// Open the window on this view.
    #[arg(long, value_enum)]
    pub view: Option<ViewArg>,

    /// More logging on stderr (-v info, -vv debug).
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Look an applicant up by ID and print their status, scores and answers.
    Get {
        /// The applicant's ID (a whole number above zero).
        id: String,
        /// Print the applicant object exactly as the API returned it.
        #[arg(long)]
        json: bool,
    },
    /// Invite a new applicant to an opening.
    Create {
        /// The applicant's email.
        #[arg(long)]
        email: String,
        /// The opening's name, e.g. software-engineer.
        #[arg(long)]
        opening: String,
        #[arg(long)]
        first_name: Option<String>,
        #[arg(long)]
        last_name: Option<String>,
        /// Print the created applicant exactly as the API returned it.
        #[arg(long)]
        json: bool,
    },
    /// Run a RickRut-compatible sandbox server on this computer.
    Sandbox(SandboxArgs),
    /// List the applicants a profile tracks (everyone it invited or looked up).
    List {
        /// Only applicants with this status, e.g. SCORED.
        #[arg(long)]
        status: Option<String>,
        /// Print a JSON array of the applicants as last received.
        #[arg(long)]
        json: bool,
    },
    /// Fetch the current state of every tracked applicant.
    Refresh {
        /// How many requests at the same time.
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
        concurrency: u16,
    },
    /// Invite everyone in a CSV file; the same command resumes an interrupted import.
    Import {
        /// The CSV file (UTF-8, comma or semicolon separated, a header row with an email column).
        file: std::path::PathBuf,
        /// The opening for every row, when the file has no opening column.
        #[arg(long)]
        opening: Option<String>,
        /// How many invites at the same time.
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
        concurrency: u16,
        /// Only print each row's verdict; send nothing.
        #[arg(long)]
        dry_run: bool,
        /// Send again the rows whose outcome is unknown (an answer lost to a crash or the
        /// network). Safe where the server refuses a repeated invite, which then counts as
        /// already invited.
        #[arg(long)]
        resend_unknown: bool,
    },
    /// Write the tracked applicants to standard output as CSV or JSON.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
    },
    /// Manage profiles and their keys in the OS keyring.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ThemeArg {
    System,
    Light,
    Dark,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ViewArg {
    Keys,
    Lookup,
    Invite,
    Bulk,
    Applicants,
    Settings,
}

impl From<ViewArg> for ui::View {
    fn from(v: ViewArg) -> ui::View {
        match v {
            ViewArg::Keys => ui::View::Keys,
            ViewArg::Lookup => ui::View::LookUp,
            ViewArg::Invite => ui::View::Invite,
            ViewArg::Bulk => ui::View::Bulk,
            ViewArg::Applicants => ui::View::Applicants,
            ViewArg::Settings => ui::View::Settings,
        }
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum KeyCommand {
    /// Save a profile and its key; the key is read from standard input, never from arguments.
    Set {
        /// The profile's name.
        name: String,
        /// The API's base URL for this profile.
        #[arg(long, value_name = "URL", default_value = api::DEFAULT_BASE_URL)]
        base_url: String,
    },
    /// Delete a profile and its key.
    Delete {
        /// The profile's name.
        name: String,
    },
    /// List profiles: names and servers, never keys.
    List,
}

/// A failure the user sees as one sentence on stderr, with its documented exit code.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

impl From<ApiError> for Failure {
    fn from(err: ApiError) -> Failure {
        Failure {
            code: exit_code(&err),
            message: err.to_string(),
        }
    }
}

/// The README's exit code table.
pub fn exit_code(err: &ApiError) -> u8 {
    match err {
        ApiError::InvalidInput(_) | ApiError::InvalidBaseUrl { .. } => 2,
        e if e.is_key_problem() => 3,
        ApiError::NotFound { .. } => 4,
        ApiError::RateLimited { .. } => 5,
        ApiError::BadRequest { .. } | ApiError::Validation { .. } => 6,
        ApiError::Server { .. } | ApiError::UnexpectedStatus { .. } => 7,
        ApiError::Timeout { .. } | ApiError::Connection { .. } => 8,
        ApiError::Undecodable { .. } | ApiError::BodyTooLarge { .. } => 9,
        // Unreachable through the guard above, but an exhaustive match keeps new variants honest.
        ApiError::Unauthorized { .. } => 3,
    }
}

/// The platform's log directory: `~/.local/state/rickrut-dashboard/` on Linux.
pub fn log_dir() -> Option<std::path::PathBuf> {
    let dirs = directories::ProjectDirs::from("com", "RickRut", "rickrut-dashboard")?;
    Some(dirs.state_dir().map_or_else(
        || dirs.data_local_dir().join("logs"),
        std::path::Path::to_path_buf,
    ))
}

pub use rickrut_dashboard::logging::init_logging;

pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .thread_name("rickrut-worker")
        .build()
        .map_err(|e| Failure {
            code: 1,
            message: format!("Could not start the background runtime: {e}."),
        })?;
    match cli.command {
        None => run_window(&cli, &runtime),
        Some(Command::Sandbox(ref args)) => {
            let config = sandbox::SandboxConfig::from(args.clone());
            runtime
                .block_on(sandbox::run_standalone(config))
                .map_err(|e| Failure {
                    code: 1,
                    message: e.to_string(),
                })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Key { ref command }) => key_command(command),
        Some(Command::Get { ref id, json }) => {
            let id = ApplicantId::parse(id).map_err(ApiError::from)?;
            let client = client_for(&cli)?;
            let response = runtime.block_on(client.get_applicant(id))?;
            track(&cli, &response);
            print_applicant(&response, json)
        }
        Some(Command::List { ref status, json }) => {
            let (profile, store) = profile_store(&cli)?;
            let mut rows = store
                .call_blocking(move |s| s.tracked(&profile))
                .map_err(store_failure)?;
            if let Some(status) = status {
                rows.retain(|r| r.status.eq_ignore_ascii_case(status));
            }
            if json {
                print_out(&format!("{}\n", store::export::json_array(&rows)));
            } else {
                let mut out = String::new();
                for r in &rows {
                    let score =
                        |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.1}"));
                    out.push_str(&format!(
                        "{}\t{}\t{}\t{}\t{}\t{}\n",
                        r.id,
                        if r.deleted_upstream {
                            "DELETED_UPSTREAM"
                        } else if r.status.is_empty() {
                            "NOT_FETCHED"
                        } else {
                            &r.status
                        },
                        r.name,
                        r.email,
                        score(r.skill),
                        score(r.adequation)
                    ));
                }
                print_out(&out);
                eprintln!("{} tracked applicants.", rows.len());
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Import {
            ref file,
            ref opening,
            concurrency,
            dry_run,
            resend_unknown,
        }) => import(
            &cli,
            &runtime,
            file,
            opening.as_deref(),
            usize::from(concurrency),
            dry_run,
            resend_unknown,
        ),
        Some(Command::Export { format }) => {
            let (profile, store) = profile_store(&cli)?;
            let rows = store
                .call_blocking(move |s| s.tracked(&profile))
                .map_err(store_failure)?;
            match format {
                ExportFormat::Json => print_out(&format!("{}\n", store::export::json_array(&rows))),
                ExportFormat::Csv => {
                    let mut bytes = Vec::new();
                    store::export::write_csv_to(&mut bytes, &rows).map_err(|e| Failure {
                        code: 1,
                        message: format!("The CSV could not be written: {e}."),
                    })?;
                    print_out(&String::from_utf8_lossy(&bytes));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Refresh { concurrency }) => {
            let client = client_for(&cli)?;
            let (profile, store) = profile_store(&cli)?;
            let ids_profile = profile.clone();
            let ids = store
                .call_blocking(move |s| s.tracked_ids(&ids_profile))
                .map_err(store_failure)?;
            let bar = indicatif::ProgressBar::new(ids.len() as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} {msg} [{elapsed_precise}, {eta} left]",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            let progress =
                std::sync::Arc::new(std::sync::Mutex::new(refresh::RefreshProgress::default()));
            let watcher = progress.clone();
            let shown = bar.clone();
            let work = refresh::refresh(
                client,
                store,
                profile,
                ids,
                usize::from(concurrency),
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
            for (id, why) in &summary.failures {
                eprintln!("{id}: {why}");
            }
            eprintln!(
                "Refreshed {} of {} tracked applicants: {} changed, {} deleted upstream, {} failed.",
                summary.done - summary.failed,
                summary.total,
                summary.changed,
                summary.deleted,
                summary.failed
            );
            Ok(if summary.failed > 0 {
                ExitCode::from(8)
            } else {
                ExitCode::SUCCESS
            })
        }
        Some(Command::Create {
            ref email,
            ref opening,
            ref first_name,
            ref last_name,
            json,
        }) => {
            let new =
                NewApplicant::new(email, opening, first_name.as_deref(), last_name.as_deref())
                    .map_err(ApiError::from)?;
            let client = client_for(&cli)?;
            let result = runtime.block_on(client.create_applicant(&new));
            log_invite(&cli, &new, &result);
            let response = result?;
            track(&cli, &response);
            print_applicant(&response, json)
        }
    }
}

/// The client for `get`/`create`: a profile's base URL and keyring key with `--profile`,
/// else `--base-url` and `RICKRUT_API_KEY`.
fn client_for(cli: &Cli) -> Result<Client, Failure> {
    if let Some(name) = &cli.profile {
        let book = load_profiles()?;
        let Some(profile) = book.get(name).cloned() else {
            return Err(Failure::usage(format!(
                "There is no profile named {name}; `rickrut-dashboard key list` shows them."
            )));
        };
        let store = OsKeyring::new().map_err(key_store_failure)?;
        let key = store.get(name).map_err(key_store_failure)?.ok_or_else(|| Failure {
            code: 3,
            message: format!(
                "No key is stored for profile {name}; save one with `rickrut-dashboard key set {name}`."
            ),
        })?;
        let base_url = cli.base_url.as_deref().unwrap_or(&profile.base_url);
        return Ok(Client::with_options(base_url, key, client_options(cli))?);
    }
    let base_url = cli.base_url.as_deref().unwrap_or(api::DEFAULT_BASE_URL);
    let key = match std::env::var(KEY_ENV) {
        Ok(key) if !key.trim().is_empty() => SecretString::from(key.trim().to_owned()),
        _ => {
            return Err(Failure {
                code: 3,
                message: format!(
                    "No API key: set the {KEY_ENV} environment variable or use --profile NAME (the key is never taken from the command line)."
                ),
            });
        }
    };
    Ok(Client::with_options(base_url, key, client_options(cli))?)
}

fn client_options(cli: &Cli) -> api::ClientOptions {
    api::ClientOptions {
        timeout: std::time::Duration::from_secs(cli.timeout),
        ..api::ClientOptions::default()
    }
}

fn store_failure(e: store::StoreError) -> Failure {
    Failure {
        code: 1,
        message: e.to_string(),
    }
}

/// The local database at `--data-dir` (or the platform's data directory).
fn open_store(cli: &Cli) -> Result<StoreHandle, Failure> {
    let path = Store::default_path(cli.data_dir.as_deref()).ok_or_else(|| Failure {
        code: 1,
        message: "This system has no data directory for the local database; pass --data-dir."
            .into(),
    })?;
    let opened = Store::open(&path).map_err(store_failure)?;
    if let Some(notice) = opened.recovered {
        eprintln!("{notice}");
    }
    StoreHandle::spawn(opened.store).map_err(store_failure)
}

/// `list`, `refresh` and `export` work on one profile's record.
fn profile_store(cli: &Cli) -> Result<(String, StoreHandle), Failure> {
    let Some(profile) = cli.profile.clone() else {
        return Err(Failure::usage(
            "Which profile? Pass --profile NAME (see `rickrut-dashboard key list`).",
        ));
    };
    Ok((profile, open_store(cli)?))
}

/// With a profile, every applicant the command line touches is tracked, as in the window.
fn track(cli: &Cli, response: &ApplicantResponse) {
    let Some(profile) = cli.profile.clone() else {
        return;
    };
    let response = response.clone();
    let outcome = open_store(cli).and_then(|store| {
        store
            .call_blocking(move |s| s.upsert(&profile, &[response], chrono::Utc::now()))
            .map_err(store_failure)
    });
    if let Err(e) = outcome {
        eprintln!("The applicant was not tracked locally: {}", e.message);
    }
}

fn log_invite(cli: &Cli, new: &NewApplicant, result: &Result<ApplicantResponse, ApiError>) {
    let Some(profile) = cli.profile.clone() else {
        return;
    };
    let outcome = match result {
        Ok(r) => store::InviteOutcome::Created {
            id: r.applicant.id,
            code: r.applicant.code.clone().unwrap_or_default(),
        },
        Err(ApiError::Validation { details })
            if details.0.iter().any(|d| d.id.contains("already")) =>
        {
            store::InviteOutcome::AlreadyInvited
        }
        Err(e) => store::InviteOutcome::Failed(e.to_string()),
    };
    let (email, opening) = (new.email.clone(), new.opening.clone());
    let logged = open_store(cli).and_then(|store| {
        store
            .call_blocking(move |s| {
                s.log_invite(&profile, &email, &opening, &outcome, chrono::Utc::now())
            })
            .map_err(store_failure)
    });
    if let Err(e) = logged {
        eprintln!("The invite was not logged locally: {}", e.message);
    }
}

/// `import`: preview, then create or resume the job, send, and write the results file.
fn import(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    file: &std::path::Path,
    opening: Option<&str>,
    concurrency: usize,
    dry_run: bool,
    resend_unknown: bool,
) -> Result<ExitCode, Failure> {
    use rickrut_dashboard::jobs::{bulk, import};
    use rickrut_dashboard::store::bulk::{BulkRow, RowState};

    let bytes = std::fs::read(file)
        .map_err(|e| Failure::usage(format!("{} could not be read: {e}.", file.display())))?;
    let parsed = import::parse_csv(&bytes, opening).map_err(|e| Failure::usage(e.to_string()))?;
    let (profile, store) = profile_store(cli)?;
    let check_profile = profile.clone();
    let rows_for_check = parsed.rows.clone();
    let invited: std::collections::HashSet<(String, String)> = store
        .call_blocking(move |s| {
            let mut invited = std::collections::HashSet::new();
            for r in &rows_for_check {
                if s.was_invited(&check_profile, &r.email, &r.opening)? {
                    invited.insert((r.email.trim().to_lowercase(), r.opening.trim().to_owned()));
                }
            }
            Ok(invited)
        })
        .map_err(store_failure)?;
    let verdicts = import::verdicts(&parsed.rows, |email, opening| {
        invited.contains(&(email.trim().to_lowercase(), opening.trim().to_owned()))
    });
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for v in &verdicts {
        *counts.entry(v.kind()).or_default() += 1;
    }
    let summary: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    if dry_run {
        let mut out = String::new();
        for (r, v) in parsed.rows.iter().zip(&verdicts) {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\n",
                r.row_no,
                r.email,
                r.opening,
                v.label()
            ));
        }
        print_out(&out);
        eprintln!("{} rows: {}.", parsed.rows.len(), summary.join(", "));
        return Ok(ExitCode::SUCCESS);
    }
    let client = client_for(cli)?;
    let source = file.display().to_string();
    let fingerprint = parsed.fingerprint.clone();
    let rows: Vec<BulkRow> = parsed
        .rows
        .iter()
        .zip(&verdicts)
        .map(|(r, v)| BulkRow {
            row_no: r.row_no,
            email: r.email.clone(),
            opening: r.opening.clone(),
            first_name: r.first_name.clone(),
            last_name: r.last_name.clone(),
            state: match v {
                import::Verdict::Ready => RowState::Pending,
                import::Verdict::DuplicateInFile { .. } | import::Verdict::AlreadyInvited => {
                    RowState::Skipped(v.label())
                }
                other => RowState::Failed(other.label()),
            },
        })
        .collect();
    let job_profile = profile.clone();
    let (job, resumed, interrupted) = store
        .call_blocking(move |s| {
            let now = chrono::Utc::now();
            match s.unfinished_bulk_job(&job_profile, &fingerprint)? {
                Some(job) => {
                    let interrupted = s.settle_interrupted_rows(job.id, now)?;
                    Ok((job.id, true, interrupted))
                }
                None => Ok((
                    s.create_bulk_job(&job_profile, &source, &fingerprint, &rows, now)?,
                    false,
                    0,
                )),
            }
        })
        .map_err(store_failure)?;
    if resumed {
        eprintln!("Resuming the import of {} (job {job}).", file.display());
        if interrupted > 0 {
            eprintln!(
                "{interrupted} rows were being sent when the last run stopped: their outcome is unknown."
            );
        }
    } else {
        eprintln!("{} rows: {}.", parsed.rows.len(), summary.join(", "));
    }
    if resend_unknown {
        let again = store
            .call_blocking(move |s| s.requeue_bulk_rows(job, &["unknown"], chrono::Utc::now()))
            .map_err(store_failure)?;
        if again > 0 {
            eprintln!("Sending {again} rows of unknown outcome again.");
        }
    }

    let progress = std::sync::Arc::new(std::sync::Mutex::new(bulk::BulkProgress::default()));
    let bar = indicatif::ProgressBar::new(parsed.rows.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} {msg} [{elapsed_precise}, {eta} left]",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let watcher = progress.clone();
    let shown = bar.clone();
    let work = bulk::run(
        bulk::BulkRun {
            client,
            store: store.clone(),
            profile,
            job,
            concurrency,
        },
        progress,
        stop_rx,
        move || {
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
        },
    );
    let mut interrupted_by_user = false;
    let summary = runtime.block_on(async {
        tokio::pin!(work);
        tokio::select! {
            summary = &mut work => summary,
            _ = tokio::signal::ctrl_c() => {
                interrupted_by_user = true;
                let _ = stop_tx.send(true);
                // The requests in flight finish and are recorded; nothing new starts.
                work.await
            }
        }
    });
    bar.finish_and_clear();

    let results_path = file.with_extension("results.csv");
    let rows = store
        .call_blocking(move |s| s.bulk_rows(job))
        .map_err(store_failure)?;
    if let Err(e) = store::bulk::write_results(&results_path, &rows) {
        eprintln!(
            "The results file {} could not be written: {e}.",
            results_path.display()
        );
    } else {
        eprintln!("Results: {}", results_path.display());
    }
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
        eprintln!("Stopped: {why}");
        return Ok(ExitCode::from(3));
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
    Ok(ExitCode::SUCCESS)
}

fn key_store_failure(e: keys::KeyStoreError) -> Failure {
    Failure {
        code: 3,
        message: e.to_string(),
    }
}

fn profiles_path() -> Result<std::path::PathBuf, Failure> {
    ProfileBook::default_path().ok_or_else(|| Failure {
        code: 1,
        message: "This system has no configuration directory for the profiles (is HOME set?)."
            .into(),
    })
}

fn load_profiles() -> Result<ProfileBook, Failure> {
    ProfileBook::load(&profiles_path()?).map_err(|e| Failure {
        code: 1,
        message: e.to_string(),
    })
}

fn key_command(command: &KeyCommand) -> Result<ExitCode, Failure> {
    match command {
        KeyCommand::List => {
            let book = load_profiles()?;
            let mut out = String::new();
            if book.profiles.is_empty() {
                out.push_str("No profiles. Add one with `rickrut-dashboard key set NAME`.\n");
            }
            for p in &book.profiles {
                let marker = if book.active.as_deref() == Some(p.name.as_str()) {
                    " (active)"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "{}\t{}{marker}\n",
                    p.name,
                    ui::site_of(&p.base_url)
                ));
            }
            print_out(&out);
            Ok(ExitCode::SUCCESS)
        }
        KeyCommand::Set { name, base_url } => {
            keys::validate_profile_name(name).map_err(|e| Failure::usage(e.to_string()))?;
            let base_url = api::parse_base_url(base_url)
                .map_err(|e| Failure::usage(e.to_string()))?
                .to_string();
            let key = read_key_from_stdin()?;
            let store = OsKeyring::new().map_err(key_store_failure)?;
            store.set(name, &key).map_err(key_store_failure)?;
            let path = profiles_path()?;
            let mut book = load_profiles()?;
            book.upsert(Profile {
                name: name.clone(),
                base_url,
            });
            if book.active.is_none() {
                book.active = Some(name.clone());
            }
            book.save(&path).map_err(|e| Failure {
                code: 1,
                message: e.to_string(),
            })?;
            eprintln!("Saved the key of profile {name} in the OS keyring.");
            Ok(ExitCode::SUCCESS)
        }
        KeyCommand::Delete { name } => {
            let path = profiles_path()?;
            let mut book = load_profiles()?;
            let store = OsKeyring::new().map_err(key_store_failure)?;
            store.delete(name).map_err(key_store_failure)?;
            let existed = book.remove(name);
            if book.active.as_deref() == Some(name.as_str()) {
                book.active = None;
            }
            book.save(&path).map_err(|e| Failure {
                code: 1,
                message: e.to_string(),
            })?;
            if existed {
                eprintln!("Deleted profile {name} and its key.");
                Ok(ExitCode::SUCCESS)
            } else {
                Err(Failure {
                    code: 4,
                    message: format!("There is no profile named {name}."),
                })
            }
        }
    }
}

fn read_key_from_stdin() -> Result<SecretString, Failure> {
    use std::io::IsTerminal as _;
    if std::io::stdin().is_terminal() {
        eprintln!("Paste the API key and press Enter (it is not shown):");
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| Failure::usage(format!("Could not read the key from standard input: {e}.")))?;
    let key = SecretString::from(line.trim().to_owned());
    secrecy::zeroize::Zeroize::zeroize(&mut line);
    if secrecy::ExposeSecret::expose_secret(&key).is_empty() {
        return Err(Failure::usage("No key was given on standard input."));
    }
    Ok(key)
}

fn print_out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Opens the window, with the demo sandbox running in-process when asked.
fn run_window(cli: &Cli, runtime: &tokio::runtime::Runtime) -> Result<ExitCode, Failure> {
    // poll-promise and the sandbox spawn on the current runtime.
    let _guard = runtime.enter();
    let demo = if cli.demo {
        let sandbox = runtime
            .block_on(Sandbox::start(ui::demo_config()))
            .map_err(|e| Failure {
                code: 1,
                message: format!("The demo did not start: {e}"),
            })?;
        Some(Demo { sandbox })
    } else {
        None
    };
    let profiles_path = ProfileBook::default_path();
    let (mut profiles, profiles_problem) = match profiles_path.as_deref().map(ProfileBook::load) {
        Some(Ok(book)) => (book, None),
        Some(Err(e)) => (ProfileBook::default(), Some(e.to_string())),
        None => (ProfileBook::default(), None),
    };
    if let Some(name) = &cli.profile {
        if profiles.get(name).is_none() {
            return Err(Failure::usage(format!("There is no profile named {name}.")));
        }
        profiles.active = Some(name.clone());
    }
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(ui::APP_NAME)
        .with_app_id(ui::APP_ID)
        .with_inner_size([1200.0, 800.0])
        .with_min_inner_size([720.0, 480.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(include_bytes!(
        "../assets/icons/rickrut-dashboard-256.png"
    )) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let demo_mode = cli.demo;
    let cli_data_dir = cli.data_dir.clone();
    let theme = cli.theme;
    let view = cli.view;
    let import_file = cli.import.clone();
    let options = eframe::NativeOptions {
        viewport,
        renderer: eframe::Renderer::Glow,
        ..eframe::NativeOptions::default()
    };
    let handle = runtime.handle().clone();
    let result = eframe::run_native(
        ui::APP_NAME,
        options,
        Box::new(move |cc| {
            let mut persisted: ui::Persisted = cc
                .storage
                .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
                .unwrap_or_default();
            if let Some(theme) = theme {
                persisted.theme = match theme {
                    ThemeArg::System => egui::ThemePreference::System,
                    ThemeArg::Light => egui::ThemePreference::Light,
                    ThemeArg::Dark => egui::ThemePreference::Dark,
                };
            }
            if let Some(view) = view {
                persisted.view = view.into();
            }
            cc.egui_ctx.set_zoom_factor(persisted.zoom.clamp(0.75, 2.0));
            // --data-dir, else Settings, else the platform's; the demo keeps its record in
            // memory since its sandbox starts afresh every time.
            let data_dir = cli_data_dir.or_else(|| {
                let dir = persisted.data_dir.trim();
                (!dir.is_empty() && std::path::Path::new(dir).is_absolute())
                    .then(|| std::path::PathBuf::from(dir))
            });
            let database = Store::default_path(data_dir.as_deref());
            let (store, store_problem) = if demo_mode {
                match Store::open_in_memory().and_then(StoreHandle::spawn) {
                    Ok(handle) => (Some(handle), None),
                    Err(e) => (None, Some(e.to_string())),
                }
            } else {
                match database.as_deref().map(Store::open) {
                    Some(Ok(opened)) => match StoreHandle::spawn(opened.store) {
                        Ok(handle) => (Some(handle), opened.recovered),
                        Err(e) => (None, Some(e.to_string())),
                    },
                    Some(Err(e)) => (
                        None,
                        Some(format!(
                            "{e} Applicants will not be tracked in this session."
                        )),
                    ),
                    None => (
                        None,
                        Some(
                            "This system has no data directory; applicants will not be tracked."
                                .into(),
                        ),
                    ),
                }
            };
            let paths = ui::AppPaths {
                profiles: profiles_path.clone(),
                database: if demo_mode { None } else { database },
                logs: log_dir(),
            };
            let mut app = DashboardApp::new(AppConfig {
                runtime: handle,
                key_store: KeyStoreChoice::OsKeyring,
                profiles,
                profiles_path,
                persisted,
                demo,
                client_options: api::ClientOptions::default(),
                store,
                paths,
            });
            if let Some(problem) = profiles_problem.or(store_problem) {
                app.report_problem(problem);
            }
            if let Some(file) = import_file {
                app.open_import(file);
            }
            Ok(Box::new(app))
        }),
    );
    result.map_err(|e| Failure {
        code: 1,
        message: format!("The window could not open: {e}."),
    })?;
    Ok(ExitCode::SUCCESS)
}

fn print_applicant(response: &ApplicantResponse, json: bool) -> Result<ExitCode, Failure> {
    let text = if json {
        format!("{}\n", response.raw.get())
    } else {
        human(&response.applicant)
    };
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    Ok(ExitCode::SUCCESS)
}

fn human(a: &Applicant) -> String {
    let score = |s: &Option<api::Score>| {
        s.as_ref()
            .map_or_else(|| "not scored yet".to_owned(), |s| s.text().to_owned())
    };
    let mut out = String::new();
    out.push_str(&format!("{} <{}>\n", a.display_name(), a.email));
    out.push_str(&format!("ID:               {}\n", a.id));
    out.push_str(&format!("Status:           {}\n", a.status));
    if let Some(step) = a.step {
        out.push_str(&format!("Step:             {step}\n"));
    }
    if let Some(opening) = a.opening_id {
        out.push_str(&format!("Opening ID:       {opening}\n"));
    }
    if let Some(code) = &a.code {
        out.push_str(&format!("Code:             {code}\n"));
    }
    out.push_str(&format!("Skill score:      {}\n", score(&a.skill_score)));
    out.push_str(&format!(
        "Adequation score: {}\n",
        score(&a.adequation_score)
    ));
    out.push_str(&format!(
        "Recruiter score:  {}\n",
        score(&a.recruiter_score)
    ));
    let gibberish = a
        .case_answers
        .iter()
        .filter(|c| c.gibberish == Some(true))
        .count();
    out.push_str(&format!(
        "Answers:          {} quizz, {} case ({} flagged gibberish), {} poll\n",
        a.quizz_answers.len(),
        a.case_answers.len(),
        gibberish,
        a.poll_answers.len()
    ));
    out
}
