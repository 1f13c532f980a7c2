//! `team push`: this computer's record of a profile, copied into the profile's team database.

use std::process::ExitCode;

use rickrut_dashboard::jobs::record::Records;
use rickrut_dashboard::jobs::team;

use super::{Cli, Failure, connect};

pub fn push(cli: &Cli, runtime: &tokio::runtime::Runtime) -> Result<ExitCode, Failure> {
    let Some(name) = cli.profile.as_deref() else {
        return Err(Failure::usage(
            "Which profile? Pass --profile NAME (see `rickrut-dashboard key list`).",
        ));
    };
    let has_team = connect::load_profiles(runtime)?
        .get(name)
        .is_some_and(|p| p.team_db.is_some());
    if !has_team {
        return Err(Failure::usage(format!(
            "Profile {name} has no team database; add one with `rickrut-dashboard key set {name} --team-db postgres://user@host/database`."
        )));
    }
    let local = Records::open(cli.data_dir.as_deref())
        .map_err(|e| connect::open_failure(&e))?
        .records
        .for_profile(name);
    let shared = connect::record(cli, runtime)?;
    let pushed = runtime
        .block_on(team::push(&local, &shared))
        .map_err(|e| connect::record_failure(&e))?;
    eprintln!(
        "Copied this computer's record of {name} to the team database: {} of its {} applicants were new there ({} rows added in all); running it again adds nothing.",
        pushed.new_applicants, pushed.local, pushed.rows
    );
    Ok(ExitCode::SUCCESS)
}
