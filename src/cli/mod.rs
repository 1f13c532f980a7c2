//! The command line: the parser, and one file per family of subcommands. Each subcommand is
//! a workflow of `jobs/` run to its end, its outcome printed for a person (or as JSON) with
//! the exit code the README documents.

mod applicant;
mod connect;
mod import;
mod keys;
mod output;
mod record;
mod window;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rickrut_dashboard::api::{self, ApiError};
use rickrut_dashboard::jobs::demo::{self, SandboxArgs};
use rickrut_dashboard::ui;

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
        /// Save the key even if the server refuses it (it is checked first otherwise).
        #[arg(long)]
        unchecked: bool,
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
    /// What support needs (HTTP status, server ids, library text), shown with `-v`.
    pub details: Option<String>,
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
            details: None,
        }
    }
}

impl From<ApiError> for Failure {
    fn from(err: ApiError) -> Failure {
        Failure {
            code: exit_code(&err),
            message: err.to_string(),
            details: err.technical(),
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
            details: None,
        })?;
    match &cli.command {
        None => window::run_window(&cli, &runtime),
        Some(Command::Sandbox(args)) => {
            runtime
                .block_on(demo::serve_sandbox(args.clone()))
                .map_err(|e| Failure {
                    code: 1,
                    message: e.to_string(),
                    details: None,
                })?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Key { command }) => keys::run(command, &runtime),
        Some(Command::Get { id, json }) => applicant::get(&cli, &runtime, id, *json),
        Some(Command::Create {
            email,
            opening,
            first_name,
            last_name,
            json,
        }) => applicant::create(
            &cli,
            &runtime,
            applicant::NewInvite {
                email,
                opening,
                first_name: first_name.as_deref(),
                last_name: last_name.as_deref(),
                json: *json,
            },
        ),
        Some(Command::List { status, json }) => {
            record::list(&cli, &runtime, status.as_deref(), *json)
        }
        Some(Command::Refresh { concurrency }) => {
            record::refresh(&cli, &runtime, usize::from(*concurrency))
        }
        Some(Command::Export { format }) => record::export(&cli, &runtime, *format),
        Some(Command::Import {
            file,
            opening,
            concurrency,
            dry_run,
            resend_unknown,
        }) => import::run(
            &cli,
            &runtime,
            import::ImportArgs {
                file,
                opening: opening.as_deref(),
                concurrency: usize::from(*concurrency),
                dry_run: *dry_run,
                resend_unknown: *resend_unknown,
            },
        ),
    }
}
