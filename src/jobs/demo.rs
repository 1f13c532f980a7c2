//! The demo: the built-in sandbox with made-up applicants, and its session-only profile; and
//! the `sandbox` command that serves the same server on its own.

use crate::jobs::record::{Record, StoreError};
use crate::keys::{Profile, SecretString};
use crate::sandbox::{Sandbox, SandboxConfig, SandboxError, Seed};

pub use crate::sandbox::SandboxArgs;

/// The name of the profile `--demo` and "Try the demo" create; it is never saved.
pub const DEMO_PROFILE: &str = "Demo"; // not for people: a profile's name, the same in every language

/// A running demo. Dropping it stops its server.
pub struct Demo {
    sandbox: Sandbox,
}

impl Demo {
    /// Starts the sandbox: seeded, and moving invited applicants along so there is something
    /// to watch.
    pub async fn start() -> Result<Demo, SandboxError> {
        let sandbox = Sandbox::start(SandboxConfig {
            seed: Seed::Demo,
            simulate: true,
            ..SandboxConfig::default()
        })
        .await?;
        Ok(Demo { sandbox })
    }

    /// The demo's profile, on this run's port.
    pub fn profile(&self) -> Profile {
        Profile {
            name: DEMO_PROFILE.to_owned(),
            base_url: self.sandbox.base_url(),
            team_db: None,
        }
    }

    /// The demo server's generated key (kept for this session only).
    pub fn key(&self) -> SecretString {
        SecretString::from(self.sandbox.api_key().to_owned())
    }
}

/// The demo's record starts with every seeded applicant tracked and the openings named, as a
/// recruiter's would after a few weeks; their data comes with the first refresh.
pub async fn fill_record(record: &Record) -> Result<usize, StoreError> {
    let seed = |e: SandboxError| StoreError::Sqlite(e.to_string());
    let ids: Vec<u64> = crate::sandbox::demo_applicants()
        .map_err(seed)?
        .iter()
        .filter_map(|a| a["id"].as_u64())
        .collect();
    let openings = crate::sandbox::demo_openings().map_err(seed)?;
    let count = ids.len();
    record
        .call(move |s, profile| {
            s.track_ids(profile, &ids)?;
            let now = chrono::Utc::now();
            for (id, name, title) in &openings {
                s.name_opening(profile, *id, name, Some(title), now)?;
            }
            Ok(count)
        })
        .await
}

/// `rickrut-dashboard sandbox`: serves until Ctrl-C or SIGTERM.
pub async fn serve_sandbox(args: SandboxArgs) -> Result<(), SandboxError> {
    crate::sandbox::run_standalone(SandboxConfig::from(args)).await
}
