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
        eprintln!("The applicant was not tracked locally: {e}");
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
            eprintln!("{}", Visible(&warning));
        }
        opening = check.name_to_send(&opening);
    }
    let applicant = NewApplicant::new(new.email, &opening, new.first_name, new.last_name)
        .map_err(ApiError::from)?;
    let connection = connect::connection(cli, runtime)?;
    let invited = runtime.block_on(invite::invite(
        &connection.client,
        record.as_ref(),
        applicant,
    ));
    if let Some(e) = invited.kept.problem() {
        eprintln!("The invite was not logged locally: {e}");
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

/// The applicant for a person: every value the server sent goes through `Visible`, so none
/// can drive the terminal.
fn human(a: &Applicant, names: &OpeningNames) -> String {
    let score = |s: &Option<api::Score>| {
        s.as_ref().map_or_else(
            || "not scored yet".to_owned(),
            |s| Visible(s.text()).to_string(),
        )
    };
    let mut out = String::new();
    out.push_str(&format!(
        "{} <{}>\n",
        Visible(&a.display_name()),
        Visible(&a.email)
    ));
    out.push_str(&format!("ID:               {}\n", a.id));
    out.push_str(&format!(
        "Status:           {}\n",
        Visible(a.status.as_str())
    ));
    if let Some(step) = a.step {
        out.push_str(&format!("Step:             {step}\n"));
    }
    if let Some(opening) = a.opening_id {
        match names
            .get(opening)
            .filter(|o| o.is_named() || o.title.is_some())
        {
            Some(o) => out.push_str(&format!(
                "Opening:          {} (ID {opening})\n",
                Visible(&o.label())
            )),
            None => out.push_str(&format!("Opening ID:       {opening}\n")),
        }
    }
    if let Some(code) = &a.code {
        out.push_str(&format!("Code:             {}\n", Visible(code)));
    }
    out.push_str(&format!("Skill score:      {}\n", score(&a.skill_score)));
    out.push_str(&format!(
        "Adequation score: {}\n",
        score(&a.adequation_score)
    ));
    let rated = a
        .recruiter_score
        .as_ref()
        .and_then(api::Score::value)
        .is_some_and(|v| v > 0.0);
    out.push_str(&format!(
        "Recruiter score:  {}\n",
        if rated {
            score(&a.recruiter_score)
        } else {
            "not rated".to_owned()
        }
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
