//! A real PostgreSQL server for the tests, started here in a temporary directory (Debian's
//! `postgresql` package: `initdb`, then `postgres` on a free loopback port, as the `postgres`
//! user when the tests run as root, which initdb refuses). The server runs under a small
//! shell that stops it and removes its directory when the test process lets go of the
//! shell's standard input, so a server shared by a test binary ends with it. Without the
//! binaries a test says "SKIPPED" and why; with CI=true that is a failure.
#![allow(dead_code)] // shared by several test binaries, each using a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use rickrut_dashboard::jobs::record::TeamDb;
use secrecy::SecretString;

/// The superuser's password on every test server.
pub const PASSWORD: &str = "team-db-test-password-5b1e";

pub struct PgServer {
    pub port: u16,
    dir: PathBuf,
    shell: Option<Child>,
}

/// Where the server's binaries are, or why there are none.
fn bin_dir() -> Result<PathBuf, String> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|e| format!("PostgreSQL is not installed (/usr/lib/postgresql: {e})"))?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("postgres").exists())
        .collect();
    versions.sort();
    versions
        .pop()
        .ok_or_else(|| "no initdb under /usr/lib/postgresql/*/bin".to_owned())
}

/// Says why a test cannot run here; under CI=true that fails the test.
pub fn skip(test: &str, why: &str) {
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{test}: CI=true but PostgreSQL cannot run here: {why}"
    );
    let _ = writeln!(std::io::stderr(), "{test}: SKIPPED: {why}");
}

fn root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Runs `script` with sh, as the `postgres` user when this is root.
fn sh(script: &str) -> Command {
    if root() {
        let mut cmd = Command::new("su");
        cmd.args(["postgres", "-s", "/bin/sh", "-c", script]);
        cmd
    } else {
        let mut cmd = Command::new("sh");
        cmd.args(["-c", script]);
        cmd
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl PgServer {
    /// A server of the test's own (stopped when dropped), or `None` after saying why not.
    pub fn start(test: &str) -> Option<PgServer> {
        match PgServer::try_start() {
            Ok(server) => Some(server),
            Err(why) => {
                skip(test, &why);
                None
            }
        }
    }

    /// One server for the whole test binary, each test on a database of its own.
    pub fn shared(test: &str) -> Option<&'static PgServer> {
        static SHARED: OnceLock<Result<PgServer, String>> = OnceLock::new();
        match SHARED.get_or_init(PgServer::try_start) {
            Ok(server) => Some(server),
            Err(why) => {
                skip(test, why);
                None
            }
        }
    }

    fn try_start() -> Result<PgServer, String> {
        let bin = bin_dir()?;
        let dir = tempfile::Builder::new()
            .prefix("rrpg")
            .tempdir()
            .map_err(|e| e.to_string())?
            .keep();
        if root() {
            let ids = Command::new("id").args(["-u", "postgres"]).output();
            let uid: u32 = ids
                .ok()
                .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
                .ok_or("there is no postgres user to run the server as")?;
            std::os::unix::fs::chown(&dir, Some(uid), None).map_err(|e| e.to_string())?;
        }
        let d = dir.display();
        let b = bin.display();
        let init = sh(&format!(
            "echo '{PASSWORD}' > '{d}/pw' && '{b}/initdb' -D '{d}/data' -U postgres -A scram-sha-256 --pwfile='{d}/pw' -N > '{d}/initdb.log' 2>&1"
        ))
        .status()
        .map_err(|e| format!("initdb could not start: {e}"))?;
        if !init.success() {
            let log = std::fs::read_to_string(dir.join("initdb.log")).unwrap_or_default();
            return Err(format!("initdb failed: {log}"));
        }
        let port = free_port();
        // fsync off: a test server loses nothing worth keeping in a crash.
        let shell = sh(&format!(
            "'{b}/postgres' -D '{d}/data' -p {port} -k '{d}' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60 > '{d}/server.log' 2>&1 & pid=$!; read _; kill -INT $pid; wait $pid; rm -rf '{d}'"
        ))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("the server could not start: {e}"))?;
        let server = PgServer {
            port,
            dir,
            shell: Some(shell),
        };
        server.wait_ready()?;
        Ok(server)
    }

    fn wait_ready(&self) -> Result<(), String> {
        let mut last = String::new();
        for _ in 0..300 {
            match self.admin("postgres") {
                Ok(_) => return Ok(()),
                Err(e) => last = e,
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
        Err(format!("the server did not answer: {last}; its log: {log}"))
    }

    /// A connection as the superuser, for setting up and counting.
    pub fn admin(&self, db: &str) -> Result<postgres::Client, String> {
        postgres::Client::connect(
            &format!(
                "host=127.0.0.1 port={} user=postgres password={PASSWORD} dbname={db} connect_timeout=5",
                self.port
            ),
            postgres::NoTls,
        )
        .map_err(|e| e.to_string())
    }

    /// A new, empty database; its name.
    pub fn create_db(&self) -> String {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "team_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        self.admin("postgres")
            .unwrap()
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        name
    }

    /// Marks `db`'s schema as one a newer version of the app made.
    pub fn as_if_a_newer_app_changed(&self, db: &str) {
        self.admin(db)
            .unwrap()
            .batch_execute(&format!(
                "UPDATE rickrut_schema SET version = {}",
                rickrut_dashboard::store::SCHEMA_VERSION + 1
            ))
            .unwrap();
    }

    /// The URL a profile names (no password in it).
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    /// Where a store connects, password included.
    pub fn team(&self, db: &str) -> TeamDb {
        TeamDb {
            url: self.url(db),
            password: Some(SecretString::from(PASSWORD.to_owned())),
        }
    }

    /// Stops the server now (a database gone mid-run); its directory goes with it.
    pub fn stop(&mut self) {
        if let Some(mut shell) = self.shell.take() {
            drop(shell.stdin.take());
            let _ = shell.wait();
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for PgServer {
    fn drop(&mut self) {
        self.stop();
    }
}
