//! How a sandbox is set up: its seed, keys, pace and faults, from code or the command line.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use super::faults::Fault;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Seed {
    /// Openings and 57 applicants across every status (see assets/sandbox/README.md).
    #[default]
    Demo,
    /// Openings only.
    Empty,
}

#[derive(Clone, Debug)]
pub struct SandboxConfig {
    pub addr: SocketAddr,
    /// Accepted keys; empty means one is generated.
    pub api_keys: Vec<String>,
    pub seed: Seed,
    /// Keep state in this SQLite file (it survives restarts); `None` keeps it in memory.
    pub db: Option<PathBuf>,
    /// Added before every answer.
    pub latency: Duration,
    /// Requests per second over all clients; over it the answer is 429 with `Retry-After`.
    pub rate_limit: Option<u32>,
    /// Invited applicants move a step every `simulate_step` until SCORED.
    pub simulate: bool,
    pub simulate_step: Duration,
    /// Accept a repeated invite (same email, same opening) instead of answering 422, so a
    /// test can prove a client never sends one twice by itself.
    pub allow_duplicates: bool,
    /// Misbehave on purpose, for testing clients (see [`Fault`]).
    pub fault: Option<Fault>,
    /// With `Fault::Random`, the share of requests that get one of the other faults.
    pub fault_rate: f64,
    /// This many generated applicants besides the seed (IDs from 1000001).
    pub crowd: u32,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            api_keys: Vec::new(),
            seed: Seed::Demo,
            db: None,
            latency: Duration::ZERO,
            rate_limit: None,
            simulate: false,
            simulate_step: Duration::from_secs(10),
            allow_duplicates: false,
            fault: None,
            fault_rate: 0.5,
            crowd: 0,
        }
    }
}

/// `rickrut-dashboard sandbox` options.
#[derive(Clone, Debug, clap::Args)]
pub struct SandboxArgs {
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, default_value = "127.0.0.1:0")]
    pub addr: SocketAddr,
    /// An accepted API key (repeat for more). Without one, a key is generated and printed.
    #[arg(long = "api-key", value_name = "KEY")]
    pub api_keys: Vec<String>,
    /// Which data to start with.
    #[arg(long, value_enum, default_value_t = Seed::Demo)]
    pub seed: Seed,
    /// Keep state in this SQLite file, so it survives a restart.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Wait this long before every answer.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub latency_ms: u64,
    /// Answer 429 with Retry-After beyond this many requests per second.
    #[arg(long, value_name = "N_PER_SECOND")]
    pub rate_limit: Option<u32>,
    /// Move invited applicants through the steps to SCORED over a couple of minutes.
    #[arg(long)]
    pub simulate: bool,
    /// Time between two steps of the simulation.
    #[arg(
        long,
        value_name = "MS",
        default_value_t = 10_000,
        hide_short_help = true
    )]
    pub simulate_step_ms: u64,
    /// Accept an email invited again to the same opening (no 422), for testing clients.
    #[arg(long)]
    pub allow_duplicates: bool,
    /// Misbehave on purpose on the API's routes, to test clients.
    #[arg(long, value_enum)]
    pub fault: Option<Fault>,
    /// With --fault random, the share of requests that misbehave (0 to 1).
    #[arg(long, default_value_t = 0.5)]
    pub fault_rate: f64,
    /// Add N generated applicants (IDs from 1000001), for load tests and benchmarks.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub crowd: u32,
}

impl From<SandboxArgs> for SandboxConfig {
    fn from(a: SandboxArgs) -> Self {
        SandboxConfig {
            addr: a.addr,
            api_keys: a.api_keys,
            seed: a.seed,
            db: a.db,
            latency: Duration::from_millis(a.latency_ms),
            rate_limit: a.rate_limit.filter(|n| *n > 0),
            simulate: a.simulate,
            simulate_step: Duration::from_millis(a.simulate_step_ms.max(10)),
            allow_duplicates: a.allow_duplicates,
            fault: a.fault,
            fault_rate: a.fault_rate.clamp(0.0, 1.0),
            crowd: a.crowd,
        }
    }
}
