//! `note`, `tag`, `decide` and `forget`: what the recruiter decides of one applicant, kept in
//! the profile's record and never sent.

use std::process::ExitCode;

use rickrut_dashboard::api::{ApiError, ApplicantId};
use rickrut_dashboard::boundary::terminal::Visible;
use rickrut_dashboard::jobs::assess::{self, Decision};

use rickrut_dashboard::t;

use super::{Cli, Failure, connect};

fn id_of(text: &str) -> Result<u64, Failure> {
    Ok(ApplicantId::parse(text).map_err(ApiError::from)?.get())
}

pub fn note(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    id: &str,
    text: &str,
) -> Result<ExitCode, Failure> {
    let id = id_of(id)?;
    let record = connect::record(cli, runtime)?;
    let added = runtime
        .block_on(assess::add_note(&record, id, text.to_owned()))
        .map_err(|e| connect::record_failure(&e))?;
    if !added {
        return Err(Failure::usage(t!("cli-note-empty")));
    }
    say!("{}", t!("cli-note-kept", id = id.to_string()));
    Ok(ExitCode::SUCCESS)
}

pub fn tag(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    id: &str,
    tags: &[String],
) -> Result<ExitCode, Failure> {
    let id = id_of(id)?;
    let tags: Vec<String> = tags
        .iter()
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    if tags.is_empty() {
        return Err(Failure::usage(t!("cli-tag-none")));
    }
    let record = connect::record(cli, runtime)?;
    runtime
        .block_on(assess::tag(&record, id, tags.clone()))
        .map_err(|e| connect::record_failure(&e))?;
    say!(
        "{}",
        t!(
            "cli-tagged",
            id = id.to_string(),
            tags = Visible(&tags.join(", ")).to_string()
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn decide(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    id: &str,
    decision: Decision,
) -> Result<ExitCode, Failure> {
    let id = id_of(id)?;
    let record = connect::record(cli, runtime)?;
    runtime
        .block_on(assess::decide(&record, id, decision))
        .map_err(|e| connect::record_failure(&e))?;
    say!(
        "{}",
        t!(
            "cli-decided",
            id = id.to_string(),
            decision = decision_words(decision)
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// A decision as the recruiter reads it, in the language in use.
pub fn decision_words(decision: Decision) -> String {
    match decision {
        Decision::None => t!("cli-decision-none"),
        Decision::Shortlisted => t!("cli-decision-shortlisted"),
        Decision::OnHold => t!("cli-decision-on-hold"),
        Decision::Rejected => t!("cli-decision-rejected"),
    }
}

pub fn forget(cli: &Cli, runtime: &tokio::runtime::Runtime, id: &str) -> Result<ExitCode, Failure> {
    let id = id_of(id)?;
    let record = connect::record(cli, runtime)?;
    let known = runtime
        .block_on(assess::forget(&record, id))
        .map_err(|e| connect::record_failure(&e))?;
    if known {
        say!("{}", t!("cli-forgotten", id = id.to_string()));
    } else {
        say!("{}", t!("cli-forget-nothing", id = id.to_string()));
    }
    Ok(ExitCode::SUCCESS)
}
