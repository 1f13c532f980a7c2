//! `get` and `create`: one applicant looked up or invited, printed for a person or as the
//! API's JSON; with `--profile`, kept in the profile's record like the window does.

use std::process::ExitCode;

use rickrut_dashboard::api::{
    self, ApiError, Applicant, ApplicantId, ApplicantResponse, NewApplicant,
};
use rickrut_dashboard::boundary::terminal::{self, Visible};
use rickrut_dashboard::jobs::openings::{self, OpeningNames};
use rickrut_dashboard::jobs::record::Record;
use rickrut_dashboard::jobs::{invite, lookup};

use rickrut_dashboard::t;

use super::output::print_out;
use super::{Cli, Failure, connect};

pub fn get(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    id: &str,
    json: bool,
) -> Result<ExitCode, Failure> {
    let id = ApplicantId::parse(id).map_err(ApiError::from)?;
    let connection = connect::connection(cli, runtime)?;
    let record = connect::record_if_profile(cli, runtime);
    let looked_up = runtime.block_on(lookup::look_up(&connection.client, record.as_ref(), id))?;
    if let Some(e) = looked_up.kept.problem() {
        say!("{}", t!("cli-not-tracked-locally", error = e.to_string()));
    }
    print_applicant(runtime, record.as_ref(), &looked_up.response, json);
    Ok(ExitCode::SUCCESS)
}

/// What `create` was given.
pub struct NewInvite<'a> {
    pub email: &'a str,
    pub opening: &'a str,
    pub first_name: Option<&'a str>,
    pub last_name: Option<&'a str>,
    pub json: bool,
}

pub fn create(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    new: NewInvite<'_>,
) -> Result<ExitCode, Failure> {
    let record = connect::record_for_sending(cli, runtime)?;
    let mut opening = new.opening.trim().to_owned();
    if let Some(record) = &record
        && let Ok(check) = runtime.block_on(invite::check_opening(record, &opening))
    {
        if let Some(warning) = check.warning() {
            say!("{}", Visible(&warning));
        }
        opening = check.name_to_send(&opening);
    }
    let applicant = NewApplicant::new(new.email, &opening, new.first_name, new.last_name)
        .map_err(ApiError::from)?;
    let connection = connect::connection(cli, runtime)?;
    let invited = runtime
        .block_on(invite::invite(
            &connection.client,
            record.as_ref(),
            applicant,
        ))
        .map_err(|e| connect::record_failure(&e))?;
    if let Some(e) = invited.kept.problem() {
        say!("{}", t!("cli-invite-not-logged", error = e.to_string()));
    }
    let response = invited.result?;
    print_applicant(runtime, record.as_ref(), &response, new.json);
    Ok(ExitCode::SUCCESS)
}

/// The applicant as the API sent it (`--json`), or for a person, with the opening's name
/// when the profile's record knows it.
fn print_applicant(
    runtime: &tokio::runtime::Runtime,
    record: Option<&Record>,
    response: &ApplicantResponse,
    json: bool,
) {
    let text = if json {
        format!("{}\n", terminal::json(response.raw.get()))
    } else {
        let known = record
            .and_then(|r| runtime.block_on(openings::openings(r)).ok())
            .unwrap_or_default();
        human(&response.applicant, &OpeningNames::new(&known))
    };
    print_out(&text);
}

/// A score as the server wrote it, with the language's decimal mark.
fn score_text(text: &str) -> String {
    match rickrut_dashboard::i18n::current() {
        rickrut_dashboard::i18n::Lang::Fr => text.replace('.', ","),
        rickrut_dashboard::i18n::Lang::En => text.to_owned(),
    }
}

/// The applicant for a person: every value the server sent goes through `Visible`, so none
/// can drive the terminal.
fn human(a: &Applicant, names: &OpeningNames) -> String {
    let score = |s: &Option<api::Score>| {
        s.as_ref().map_or_else(
            || t!("cli-applicant-not-scored"),
            |s| score_text(&Visible(s.text()).to_string()),
        )
    };
    let mut out = String::new();
    out.push_str(&format!(
        "{} <{}>\n",
        Visible(&a.display_name()),
        Visible(&a.email)
    ));
    out.push_str(&t!("cli-applicant-id", id = a.id.to_string()));
    out.push('\n');
    out.push_str(&t!(
        "cli-applicant-status",
        status = Visible(a.status.as_str()).to_string()
    ));
    out.push('\n');
    if let Some(step) = a.step {
        out.push_str(&t!("cli-applicant-step", step = step.to_string()));
        out.push('\n');
    }
    if let Some(opening) = a.opening_id {
        match names
            .get(opening)
            .filter(|o| o.is_named() || o.title.is_some())
        {
            Some(o) => out.push_str(&t!(
                "cli-applicant-opening",
                name = Visible(&o.label()).to_string(),
                id = opening.to_string()
            )),
            None => out.push_str(&t!("cli-applicant-opening-id", id = opening.to_string())),
        }
        out.push('\n');
    }
    if let Some(code) = &a.code {
        out.push_str(&t!("cli-applicant-code", code = Visible(code).to_string()));
        out.push('\n');
    }
    out.push_str(&t!("cli-applicant-skill", score = score(&a.skill_score)));
    out.push('\n');
    out.push_str(&t!(
        "cli-applicant-adequation",
        score = score(&a.adequation_score)
    ));
    out.push('\n');
    let rated = a
        .recruiter_score
        .as_ref()
        .and_then(api::Score::value)
        .is_some_and(|v| v > 0.0);
    out.push_str(&t!(
        "cli-applicant-recruiter",
        score = if rated {
            score(&a.recruiter_score)
        } else {
            t!("cli-applicant-not-rated")
        }
    ));
    out.push('\n');
    let gibberish = a
        .case_answers
        .iter()
        .filter(|c| c.gibberish == Some(true))
        .count();
    out.push_str(&t!(
        "cli-applicant-answers",
        quizz = a.quizz_answers.len(),
        case = a.case_answers.len(),
        gibberish = gibberish,
        poll = a.poll_answers.len()
    ));
    out.push('\n');
    out
}
