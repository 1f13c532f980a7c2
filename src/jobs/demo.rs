//! The demo: the built-in sandbox with made-up applicants, and its session-only profile; and
//! the `sandbox` command that serves the same server on its own.

use crate::keys::{Profile, SecretString};
use crate::sandbox::{Sandbox, SandboxConfig, SandboxError, Seed};

pub use crate::sandbox::SandboxArgs;

/// The name of the profile `--demo` and "Try the demo" create; it is never saved.
pub const DEMO_PROFILE: &str = "Demo";

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
        }
    }

    /// The demo server's generated key (kept for this session only).
    pub fn key(&self) -> SecretString {
        SecretString::from(self.sandbox.api_key().to_owned())
    }
}

/// `rickrut-dashboard sandbox`: serves until Ctrl-C or SIGTERM.
pub async fn serve_sandbox(args: SandboxArgs) -> Result<(), SandboxError> {
    crate::sandbox::run_standalone(SandboxConfig::from(args)).await
}
