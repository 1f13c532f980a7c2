//! The command line: the parser, and one file per family of subcommands. Each subcommand is
//! a workflow of `jobs/` run to its end, its outcome printed for a person (or as JSON) with
//! the exit code the README documents.

#[macro_use]
mod output;
mod applicant;
mod args;
mod assess;
mod connect;
mod import;
mod keys;
mod openings;
mod record;
mod team;
mod watch;
mod window;

use std::process::ExitCode;

use rickrut_dashboard::api::ApiError;

pub use args::*;
use rickrut_dashboard::jobs::demo;
use rickrut_dashboard::t;

/// The environment variable the key is read from; a key is never accepted as an argument.
pub const KEY_ENV: &str = "RICKRUT_API_KEY"; // not for people: an environment variable's name

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
    let dirs = directories::ProjectDirs::from("com", "RickRut", "rickrut-dashboard")?; // not for people: the directory names the OS gives the app
    Some(dirs.state_dir().map_or_else(
        || dirs.data_local_dir().join("logs"),
        std::path::Path::to_path_buf,
    ))
}

pub use rickrut_dashboard::logging::init_logging;

pub fn run(cli: Cli) -> Result<ExitCode, Failure> {
    if cli.command.is_none() {
        // The window: every thread started from here on works in the background.
        rickrut_dashboard::background::put_window_first();
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .thread_name("rickrut-worker")
        .on_thread_start(rickrut_dashboard::background::start_thread)
        .build()
        .map_err(|e| Failure {
            code: 1,
            message: t!("cli-no-runtime", error = e.to_string()),
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
        Some(Command::Team {
            command: TeamCommand::Push,
        }) => team::push(&cli, &runtime),
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
        Some(Command::Refresh {
            concurrency,
            notify,
        }) => record::refresh(&cli, &runtime, usize::from(*concurrency), *notify),
        Some(Command::Watch {
            every,
            notify,
            all,
            concurrency,
        }) => watch::watch(
            &cli,
            &runtime,
            watch::Watch {
                every: *every,
                notify: *notify,
                all: *all,
                concurrency: usize::from(*concurrency),
            },
        ),
        Some(Command::Export { format, output }) => {
            record::export(&cli, &runtime, *format, output.as_deref())
        }
        Some(Command::Openings { json, late_after }) => {
            openings::list(&cli, &runtime, *json, *late_after)
        }
        Some(Command::Shortlist { opening, top, json }) => {
            openings::shortlist(&cli, &runtime, opening, *top, *json)
        }
        Some(Command::Opening {
            command: OpeningCommand::Name { id, name, title },
        }) => openings::name(&cli, &runtime, *id, name, title.as_deref()),
        Some(Command::Note { id, text }) => assess::note(&cli, &runtime, id, text),
        Some(Command::Tag { id, tags }) => assess::tag(&cli, &runtime, id, tags),
        Some(Command::Decide { id, decision }) => {
            assess::decide(&cli, &runtime, id, (*decision).into())
        }
        Some(Command::Forget { id }) => assess::forget(&cli, &runtime, id),
        Some(Command::Import {
            file,
            opening,
            sheet,
            encoding,
            yes,
            concurrency,
            dry_run,
            resend_unknown,
        }) => import::run(
            &cli,
            &runtime,
            import::ImportArgs {
                file,
                opening: opening.as_deref(),
                sheet: sheet.as_deref(),
                encoding: encoding.as_deref(),
                yes: *yes,
                concurrency: usize::from(*concurrency),
                dry_run: *dry_run,
                resend_unknown: *resend_unknown,
            },
        ),
    }
}
