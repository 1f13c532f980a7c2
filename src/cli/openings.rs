//! `openings`, `shortlist` and `opening name`: each opening's funnel, one opening's applicants
//! best first, and naming an opening ID by hand.

use std::process::ExitCode;

use rickrut_dashboard::boundary::terminal::{self, Visible};
use rickrut_dashboard::jobs::openings::{self, Opening, OpeningNames, ShortlistOptions};
use rickrut_dashboard::jobs::record::{StoreError, TrackedApplicant};
use rickrut_dashboard::jobs::track;

use rickrut_dashboard::{i18n, t};

use super::output::print_out;
use super::{Cli, Failure, connect};

/// The profile's tracked applicants and the openings it knows.
fn load(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
) -> Result<(Vec<TrackedApplicant>, Vec<Opening>), Failure> {
    let record = connect::record(cli, runtime)?;
    runtime
        .block_on(async {
            Ok::<_, StoreError>((
                track::summaries(&record).await?,
                openings::openings(&record).await?,
            ))
        })
        .map_err(|e| connect::record_failure(&e))
}

fn score(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), |v| i18n::decimal(v, 1))
}

pub fn list(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    json: bool,
    late_after: u32,
) -> Result<ExitCode, Failure> {
    let (rows, known) = load(cli, runtime)?;
    let late = rickrut_dashboard::jobs::track::Stale::after(late_after);
    let summaries = openings::summaries(&rows, &OpeningNames::new(&known), late);
    if json {
        let items: Vec<serde_json::Value> = summaries
            .iter()
            .map(|s| {
                serde_json::json!({
                    "opening_id": s.id, "name": s.name, "label": s.label,
                    "tracked": s.tracked, "not_started": s.not_started, "late": s.stale, "started": s.started,
                    "scored": s.scored, "completion": s.completion(),
                    "statuses": s.statuses.iter().map(|(k, n)| (k.clone(), serde_json::Value::from(*n))).collect::<serde_json::Map<String, serde_json::Value>>(),
                    "median_skill": s.median_skill, "median_adequation": s.median_adequation,
                    "last_activity": s.last_activity.map(|t| t.to_rfc3339()),
                    "skill_weight": s.skill_weight,
                })
            })
            .collect();
        print_out(&format!(
            "{}\n",
            terminal::json(&serde_json::Value::Array(items).to_string())
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = t!("cli-openings-heading");
    out.push('\n');
    for s in &summaries {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            Visible(&s.label),
            s.id.map_or_else(|| "-".to_owned(), |id| id.to_string()),
            s.tracked,
            s.not_started,
            s.stale,
            s.started,
            s.scored,
            t!(
                "cli-percent",
                value = i18n::decimal(s.completion() * 100.0, 0)
            ),
            score(s.median_skill),
            score(s.median_adequation),
            s.last_activity
                .map_or_else(|| "-".to_owned(), i18n::date_time),
        ));
    }
    print_out(&out);
    say!("{}", t!("cli-openings-count", count = summaries.len()));
    Ok(ExitCode::SUCCESS)
}

pub fn shortlist(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    opening: &str,
    top: Option<usize>,
    json: bool,
) -> Result<ExitCode, Failure> {
    let (rows, known) = load(cli, runtime)?;
    let Some(found) = openings::find_opening(&known, opening) else {
        return Err(Failure {
            code: 4,
            message: t!(
                "cli-no-such-opening",
                name = Visible(opening.trim()).to_string()
            ),
            details: None,
        });
    };
    let ranked = openings::shortlist(
        &rows,
        &ShortlistOptions {
            opening: Some(found.id),
            scored_only: false,
            top,
        },
        found.skill_weight,
    );
    if json {
        let items: Vec<serde_json::Value> = ranked
            .iter()
            .map(|r| {
                let a = &rows[r.row];
                serde_json::json!({
                    "rank": r.rank, "id": a.id, "name": a.name, "email": a.email,
                    "status": a.status(), "step": a.step,
                    "skill_score": a.skill.get(), "adequation_score": a.adequation.get(),
                    "overall": r.overall.map(|v| (v * 10.0).round() / 10.0),
                    "recruiter_score": a.recruiter.get(),
                    "finished_at": a.finished_at.get().map(|t| t.to_rfc3339()),
                    "gibberish_answers": a.answers.gibberish,
                    "rating": a.rating, "decision": a.decision.as_str(), "tags": a.tags(),
                })
            })
            .collect();
        print_out(&format!(
            "{}\n",
            terminal::json(&serde_json::Value::Array(items).to_string())
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = t!("cli-shortlist-heading");
    out.push('\n');
    for r in &ranked {
        let a = &rows[r.row];
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            r.rank,
            a.id,
            Visible(&a.name),
            Visible(&a.email),
            score(r.overall),
            score(a.skill.get()),
            score(a.adequation.get()),
            super::assess::decision_words(a.decision),
            Visible(&a.tags().join(", ")),
        ));
    }
    print_out(&out);
    let weight = (found.skill_weight * 100.0).round();
    say!(
        "{}",
        t!(
            "cli-shortlist-summary",
            count = ranked.len(),
            opening = Visible(&found.label()).to_string(),
            skill = i18n::decimal(weight, 0),
            adequation = i18n::decimal(100.0 - weight, 0)
        )
    );
    Ok(ExitCode::SUCCESS)
}

pub fn name(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
    id: u64,
    name: &str,
    title: Option<&str>,
) -> Result<ExitCode, Failure> {
    if name.trim().is_empty() {
        return Err(Failure::usage(t!("cli-opening-name-empty")));
    }
    let record = connect::record(cli, runtime)?;
    runtime
        .block_on(openings::name(
            &record,
            id,
            name.to_owned(),
            title.map(str::to_owned),
        ))
        .map_err(|e| connect::record_failure(&e))?;
    say!(
        "{}",
        t!(
            "cli-opening-named",
            id = id.to_string(),
            name = Visible(name.trim()).to_string()
        )
    );
    Ok(ExitCode::SUCCESS)
}
