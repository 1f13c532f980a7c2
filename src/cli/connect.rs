//! Which account and record a subcommand works on: `--profile NAME` (its server, its key
//! from the OS keyring, its record), or `--base-url` with `RICKRUT_API_KEY` (no record).

use rickrut_dashboard::api::ClientOptions;
use rickrut_dashboard::jobs::keys::{self, Connection, SecretString};
use rickrut_dashboard::jobs::record::{OpenError, Record, StoreError};
use rickrut_dashboard::jobs::team;

use rickrut_dashboard::t;

use super::{Cli, Failure, KEY_ENV};

/// The connection: with `--profile`, that profile's server and keyring key; otherwise
/// `--base-url` (default the vendor's) and the key from the environment.
pub fn connection(cli: &Cli, runtime: &tokio::runtime::Runtime) -> Result<Connection, Failure> {
    if let Some(name) = &cli.profile {
        let book = load_profiles(runtime)?;
        let Some(profile) = book.get(name).cloned() else {
            return Err(Failure::usage(t!(
                "cli-no-such-profile-list",
                name = name.as_str()
            )));
        };
        // The same path the window takes to put a profile in use.
        let mut profile = profile;
        if let Some(url) = &cli.base_url {
            profile.base_url.clone_from(url);
        }
        return runtime.block_on(async {
            let keyring = keys::open_keyring().await.map_err(key_store_failure)?;
            keys::connect(keyring, profile, client_options(cli), false)
                .await
                .map_err(|e| match e {
                    keys::ConnectError::NoKey(_) => Failure {
                        code: 3,
                        message: t!("cli-no-key-for-profile", name = name.as_str()),
                        details: None,
                    },
                    keys::ConnectError::Keyring { error, .. } => key_store_failure(error),
                    keys::ConnectError::Address { error, .. } => Failure::from(error),
                })
        });
    }
    let base_url = cli
        .base_url
        .as_deref()
        .unwrap_or(rickrut_dashboard::api::DEFAULT_BASE_URL);
    let key = match std::env::var(KEY_ENV) {
        Ok(key) if !key.trim().is_empty() => SecretString::from(key.trim().to_owned()),
        _ => {
            return Err(Failure {
                code: 3,
                message: t!("cli-no-api-key", variable = KEY_ENV),
                details: None,
            });
        }
    };
    Ok(keys::connect_without_profile(
        base_url,
        key,
        client_options(cli),
    )?)
}

fn client_options(cli: &Cli) -> ClientOptions {
    ClientOptions {
        timeout: std::time::Duration::from_secs(cli.timeout),
        ..ClientOptions::default()
    }
}

/// The profile's record, for the subcommands that need one (`list`, `refresh`, `export`,
/// `import`): its team database when it names one, else the local file.
pub fn record(cli: &Cli, runtime: &tokio::runtime::Runtime) -> Result<Record, Failure> {
    let name = profile_name(cli)?;
    // A profile not in the file (a name typed for a record only) keeps the local file.
    let profile = load_profiles(runtime)?
        .get(name)
        .cloned()
        .unwrap_or_else(|| keys::Profile {
            name: name.to_owned(),
            ..keys::Profile::default()
        });
    let opened = runtime
        .block_on(async {
            let keyring = match &profile.team_db {
                Some(_) => Some(
                    keys::open_keyring()
                        .await
                        .map_err(OpenError::TeamPassword)?,
                ),
                None => None,
            };
            team::open_record(keyring, &profile, cli.data_dir.as_deref()).await
        })
        .map_err(|e| open_failure(&e))?;
    if let Some(notice) = opened.notice {
        say!("{notice}");
    }
    Ok(opened.records.for_profile(name))
}

/// The record an invite is kept in: with a team database, it must be open before anything
/// is sent (the team's "already invited" would miss it otherwise); a local one that cannot
/// be opened is said, and the invite goes on.
pub fn record_for_sending(
    cli: &Cli,
    runtime: &tokio::runtime::Runtime,
) -> Result<Option<Record>, Failure> {
    let Some(name) = cli.profile.as_deref() else {
        return Ok(None);
    };
    let team = load_profiles(runtime)?
        .get(name)
        .is_some_and(|p| p.team_db.is_some());
    if team {
        return record(cli, runtime).map(Some);
    }
    Ok(record_if_profile(cli, runtime))
}

/// `--profile NAME`, which the subcommands on a record need.
pub fn profile_name(cli: &Cli) -> Result<&str, Failure> {
    cli.profile
        .as_deref()
        .ok_or_else(|| Failure::usage(t!("cli-which-profile")))
}

/// The record could not be opened: exit 10, the database's words with `-v`.
pub fn open_failure(e: &OpenError) -> Failure {
    match e {
        OpenError::Store(e) => record_failure(e),
        e => Failure {
            code: 10,
            message: e.to_string(),
            details: e.technical().map(str::to_owned),
        },
    }
}

/// With `--profile`, what `get` and `create` receive is kept in its record, as the window
/// does; a record that cannot be opened is said, and the command goes on.
pub fn record_if_profile(cli: &Cli, runtime: &tokio::runtime::Runtime) -> Option<Record> {
    cli.profile.as_ref()?;
    match record(cli, runtime) {
        Ok(record) => Some(record),
        Err(e) => {
            say!("{}", t!("cli-not-tracked-this-time", problem = e.message));
            None
        }
    }
}

pub fn load_profiles(runtime: &tokio::runtime::Runtime) -> Result<keys::ProfileBook, Failure> {
    runtime
        .block_on(keys::load_profiles(profiles_path()?))
        .map_err(|e| Failure {
            code: 1,
            message: e.to_string(),
            details: e.technical().map(str::to_owned),
        })
}

pub fn profiles_path() -> Result<std::path::PathBuf, Failure> {
    keys::profiles_path().ok_or_else(|| Failure {
        code: 1,
        message: t!("cli-no-config-dir"),
        details: None,
    })
}

pub fn key_store_failure(e: keys::KeyStoreError) -> Failure {
    Failure {
        code: 3,
        message: e.to_string(),
        details: e.technical().map(str::to_owned),
    }
}

/// The local record could not be read or written: exit 10, SQLite's words with `-v`.
pub fn record_failure(e: &StoreError) -> Failure {
    Failure {
        code: 10,
        message: e.to_string(),
        details: e.technical().map(str::to_owned),
    }
}
