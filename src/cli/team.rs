//! `team push`: this computer's record of a profile, copied into the profile's team database.

use std::process::ExitCode;

use rickrut_dashboard::jobs::record::Records;
use rickrut_dashboard::jobs::team;
use rickrut_dashboard::t;

use super::{Cli, Failure, connect};

pub fn push(cli: &Cli, runtime: &tokio::runtime::Runtime) -> Result<ExitCode, Failure> {
    let name = connect::profile_name(cli)?;
    let has_team = connect::load_profiles(runtime)?
        .get(name)
        .is_some_and(|p| p.team_db.is_some());
    if !has_team {
        return Err(Failure::usage(t!("team-push-no-team", profile = name)));
    }
    let local = Records::open(cli.data_dir.as_deref())
        .map_err(|e| connect::open_failure(&e))?
        .records
        .for_profile(name);
    let shared = connect::record(cli, runtime)?;
    let pushed = runtime
        .block_on(team::push(&local, &shared))
        .map_err(|e| connect::record_failure(&e))?;
    say!(
        "{}",
        t!(
            "team-pushed",
            profile = name,
            new = pushed.new_applicants,
            local = pushed.local,
            rows = pushed.rows
        )
    );
    Ok(ExitCode::SUCCESS)
}
