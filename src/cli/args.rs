//! The command line's words: the options and subcommands clap parses.

use clap::{Parser, Subcommand};
use rickrut_dashboard::api;
use rickrut_dashboard::i18n::Lang;
use rickrut_dashboard::jobs::demo::SandboxArgs;
use rickrut_dashboard::ui;

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

    /// Open the window on Bulk invite with this spreadsheet or CSV file loaded for preview.
    #[arg(long, value_name = "FILE")]
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

    /// The language of the window and of the messages for a person: en or fr (default: the
    /// system's). `--json` output never changes with it.
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
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
        /// Send one desktop notification naming the candidates who moved.
        #[arg(long)]
        notify: bool,
    },
    /// Check the candidates not yet scored again and again, printing each one who moves
    /// (for a terminal or cron); Ctrl-C stops.
    Watch {
        /// Between two checks: 30s, 10m, 1h.
        #[arg(long, default_value = "10m", value_parser = parse_every)]
        every: std::time::Duration,
        /// Send a desktop notification for each check that finds candidates moved.
        #[arg(long)]
        notify: bool,
        /// Check every tracked applicant, scored ones included.
        #[arg(long)]
        all: bool,
        /// How many requests at the same time.
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256))]
        concurrency: u16,
    },
    /// Invite everyone in a spreadsheet or CSV file; the same command resumes an interrupted
    /// import.
    Import {
        /// The file: .xlsx, .xlsm, .xls, .ods, or CSV/tab-separated text (UTF-8, UTF-16 or
        /// Windows-1252; comma, semicolon, tab or | separated), a header row with an email column.
        file: std::path::PathBuf,
        /// The opening for every row, when the file has no opening column.
        #[arg(long)]
        opening: Option<String>,
        /// The workbook's sheet to read [default: the first].
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Read the text file in this character set (utf-8, windows-1252, iso-8859-15,
        /// utf-16le, utf-16be, …) [default: the one the file shows or seems to be in].
        #[arg(long, value_name = "NAME")]
        encoding: Option<String>,
        /// Send without asking (the question is asked only at a terminal).
        #[arg(long, short = 'y')]
        yes: bool,
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
    /// Write the tracked applicants as CSV or JSON (to standard output or a file), or XLSX
    /// (to a file).
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        /// Write to this file instead of standard output (needed for xlsx).
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<std::path::PathBuf>,
    },
    /// Manage profiles and their keys in the OS keyring.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    /// The team database a profile's record lives in.
    Team {
        #[command(subcommand)]
        command: TeamCommand,
    },
    /// Each opening's funnel: tracked, invited, started, scored, completion, median scores.
    Openings {
        /// Print a JSON array, one object per opening.
        #[arg(long)]
        json: bool,
        /// Invited this many days ago and not started counts as late.
        #[arg(long, value_name = "DAYS", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=90))]
        late_after: u32,
    },
    /// One opening's applicants, best first by the overall score.
    Shortlist {
        /// The opening's name (or title, or ID).
        #[arg(long)]
        opening: String,
        /// Only the best N.
        #[arg(long, value_name = "N")]
        top: Option<usize>,
        /// Print a JSON array, best first.
        #[arg(long)]
        json: bool,
    },
    /// Name an opening ID by hand.
    Opening {
        #[command(subcommand)]
        command: OpeningCommand,
    },
    /// Keep a note about an applicant (never sent).
    Note {
        /// The applicant's ID.
        id: String,
        /// The note.
        text: String,
    },
    /// Tag an applicant (tags are your own, never sent).
    Tag {
        /// The applicant's ID.
        id: String,
        /// One or more tags.
        #[arg(required = true)]
        tags: Vec<String>,
    },
    /// Record your decision on an applicant.
    Decide {
        /// The applicant's ID.
        id: String,
        #[arg(value_enum)]
        decision: DecisionArg,
    },
    /// Remove everything this profile holds on an applicant (their record, history, notes,
    /// tags, decision and invite-log entries).
    Forget {
        /// The applicant's ID.
        id: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum OpeningCommand {
    /// Say which name (as the API takes it) an opening ID has, and give it a title.
    Name {
        /// The opening's ID, as applicants show it.
        id: u64,
        /// The name the API takes on invite, e.g. software-engineer.
        name: String,
        /// A title of your own, e.g. "Backend engineer, Lyon".
        #[arg(long)]
        title: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum DecisionArg {
    Shortlisted,
    OnHold,
    Rejected,
    None,
}

impl From<DecisionArg> for rickrut_dashboard::jobs::assess::Decision {
    fn from(d: DecisionArg) -> Self {
        use rickrut_dashboard::jobs::assess::Decision;
        match d {
            DecisionArg::Shortlisted => Decision::Shortlisted,
            DecisionArg::OnHold => Decision::OnHold,
            DecisionArg::Rejected => Decision::Rejected,
            DecisionArg::None => Decision::None,
        }
    }
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
    Openings,
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
            ViewArg::Openings => ui::View::Openings,
            ViewArg::Settings => ui::View::Settings,
        }
    }
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Xlsx,
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
        /// Keep this profile's record in a team database (postgres://user@host:port/db) instead
        /// of the local file; its password is read from RICKRUT_TEAM_DB_PASSWORD, else from
        /// the line after the key on standard input, and kept in the OS keyring.
        #[arg(long, value_name = "URL")]
        team_db: Option<String>,
    },
    /// Delete a profile and its key.
    Delete {
        /// The profile's name.
        name: String,
    },
    /// List profiles: names and servers, never keys.
    List,
}

#[derive(Subcommand, Debug)]
pub enum TeamCommand {
    /// Copy this computer's record of --profile into its team database, merged by applicant
    /// ID (running it again adds nothing).
    Push,
}

/// "30s", "10m", "1h" or a bare number of minutes; from 1 second to 1 day.
pub fn parse_every(text: &str) -> Result<std::time::Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, "m"),
    };
    let n: u64 = number
        .parse()
        .map_err(|_| rickrut_dashboard::t!("cli-not-a-duration", text = text))?;
    let seconds = match unit.trim() {
        "s" | "sec" | "secs" => n,
        "m" | "min" | "mins" => n.saturating_mul(60),
        "h" | "hour" | "hours" => n.saturating_mul(3600),
        _ => return Err(rickrut_dashboard::t!("cli-not-a-duration", text = text)),
    };
    if !(1..=86_400).contains(&seconds) {
        return Err(rickrut_dashboard::t!(
            "cli-duration-out-of-range",
            text = text
        ));
    }
    Ok(std::time::Duration::from_secs(seconds))
}

/// `--lang`: a language the app speaks, written as the system writes it (`fr`, `fr_FR.UTF-8`).
pub fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| rickrut_dashboard::t!("cli-lang-unknown"))
}
