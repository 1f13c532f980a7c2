//! Argument parsing, the headless subcommands and their exit codes.

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rickrut_dashboard::api::{
    self, ApiError, Applicant, ApplicantId, ApplicantResponse, Client, NewApplicant,
};
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

    /// The API's base URL [default: https://www.rickrut.com/api/v1/, or the profile's].
    #[arg(long, global = true, value_name = "URL")]
    pub base_url: Option<String>,

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

pub fn init_logging(verbose: u8) {
    let level = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    // reqwest and hyper print URLs (and so the key) at debug: keep them at info whatever -v says.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level))
        .add_directive(quiet("reqwest"))
        .add_directive(quiet("hyper"))
        .add_directive(quiet("hyper_util"))
        .add_directive(quiet("h2"))
        .add_directive(quiet("rustls"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}

fn quiet(target: &str) -> tracing_subscriber::filter::Directive {
    format!("{target}=info")
        .parse()
        .unwrap_or_else(|_| tracing_subscriber::filter::LevelFilter::INFO.into())
}

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
        None => Err(Failure::usage(
            "The window is not available yet in this build; use a subcommand (see --help).",
        )),
        Some(Command::Get { ref id, json }) => {
            let id = ApplicantId::parse(id).map_err(ApiError::from)?;
            let client = client_from_env(&cli)?;
            let response = runtime.block_on(client.get_applicant(id))?;
            print_applicant(&response, json)
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
            let client = client_from_env(&cli)?;
            let response = runtime.block_on(client.create_applicant(&new))?;
            print_applicant(&response, json)
        }
    }
}

fn client_from_env(cli: &Cli) -> Result<Client, Failure> {
    let base_url = cli.base_url.as_deref().unwrap_or(api::DEFAULT_BASE_URL);
    let key = match std::env::var(KEY_ENV) {
        Ok(key) if !key.trim().is_empty() => SecretString::from(key.trim().to_owned()),
        _ => {
            return Err(Failure {
                code: 3,
                message: format!(
                    "No API key: set the {KEY_ENV} environment variable (the key is never taken from the command line)."
                ),
            });
        }
    };
    Ok(Client::new(base_url, key)?)
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
