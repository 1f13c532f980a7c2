//! A team's shared record: checking a team database's address, keeping its password in the
//! OS keyring beside the profile's key, opening the record a profile names (the local file
//! or the team database), and copying a local record into the team database. The window and
//! the command line both come through here.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::keys::{SecretStore, SecretString, team_password_entry};
use crate::store::Store;
use crate::store::team::{Merged, TEAM_RECORD};

use super::keys::{KEYRING_TIMEOUT, KeyStoreError, Profile};
use super::record::{OpenError, OpenedRecords, Record, Records, StoreError, TeamDb};

/// The environment variable `key set --team-db` reads the database password from (else it
/// is the line after the key on standard input).
pub const PASSWORD_ENV: &str = "RICKRUT_TEAM_DB_PASSWORD"; // not for people: a variable's name

/// A team database address as typed in, checked: `postgres://user@host[:port]/database`,
/// with no password in it (that goes to the keyring). Answers it tidied, or why not.
pub fn check_team_db(text: &str) -> Result<String, String> {
    let text = text.trim();
    let wrong = || crate::t!("team-address-wrong");
    let url = url::Url::parse(text).map_err(|_| wrong())?;
    if !matches!(url.scheme(), "postgres" | "postgresql") {
        return Err(wrong());
    }
    if url.password().is_some() {
        return Err(crate::t!("team-address-has-password"));
    }
    if url.username().is_empty()
        || url.host_str().is_none_or(str::is_empty)
        || url.path().trim_matches('/').is_empty()
    {
        return Err(wrong());
    }
    Ok(url.to_string())
}

/// Stores (or replaces) the team database password of a profile, beside its key.
pub async fn save_password(
    store: Arc<dyn SecretStore>,
    profile: &str,
    password: SecretString,
) -> Result<(), KeyStoreError> {
    let entry = team_password_entry(profile);
    crate::keys::run_blocking(store, KEYRING_TIMEOUT, move |s| s.set(&entry, &password)).await
}

/// Deletes it (deleting what is not there is fine).
pub async fn delete_password(
    store: Arc<dyn SecretStore>,
    profile: &str,
) -> Result<(), KeyStoreError> {
    let entry = team_password_entry(profile);
    crate::keys::run_blocking(store, KEYRING_TIMEOUT, move |s| s.delete(&entry)).await
}

/// The record a profile names: its team database when it has one (the password from the
/// keyring), else the local file in `data_dir`.
pub async fn open_record(
    keyring: Option<Arc<dyn SecretStore>>,
    profile: &Profile,
    data_dir: Option<&Path>,
) -> Result<OpenedRecords, OpenError> {
    let Some(url) = profile.team_db.clone() else {
        let data_dir = data_dir.map(Path::to_path_buf);
        return tokio::task::spawn_blocking(move || Records::open(data_dir.as_deref()))
            .await
            .map_err(|e| OpenError::Store(StoreError::Sqlite(e.to_string())))?;
    };
    let password = match keyring {
        Some(keyring) => {
            let entry = team_password_entry(&profile.name);
            crate::keys::run_blocking(keyring, KEYRING_TIMEOUT, move |s| s.get(&entry))
                .await
                .map_err(OpenError::TeamPassword)?
        }
        None => None,
    };
    let team = TeamDb {
        url: url.clone(),
        password,
    };
    let records = tokio::task::spawn_blocking(move || Records::open_team(team))
        .await
        .map_err(|e| OpenError::Store(StoreError::Team(e.to_string())))??;
    Ok(OpenedRecords {
        records,
        path: url.into(),
        notice: None,
    })
}

/// What copying a local record to the team database did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pushed {
    /// Applicants in the local record.
    pub local: usize,
    /// Applicants the team database did not have yet.
    pub new_applicants: usize,
    /// Rows added in all (applicants, history, invite log, notes, tags, decisions, openings).
    pub rows: usize,
}

/// Copies everything `local` holds (but its bulk jobs) into the team's record, merged by
/// applicant ID: what the team already has stays, a later decision or opening name wins, and
/// running it again adds nothing.
pub async fn push(local: &Record, team: &Record) -> Result<Pushed, StoreError> {
    let moving = local.call(|s, profile| s.read_out(profile)).await?;
    let count = moving.applicants();
    let merged: Merged = team
        .call(move |s, profile| s.merge_in(profile, &moving))
        .await?;
    Ok(Pushed {
        local: count,
        new_applicants: merged.applicants,
        rows: merged.rows,
    })
}

/// A team database's address as the recruiter reads it: `user@host:port/database`.
pub fn describe_team_db(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => format!(
            "{}@{}{}{}",
            u.username(),
            u.host_str().unwrap_or_default(),
            u.port().map_or_else(String::new, |p| format!(":{p}")),
            u.path()
        ),
        Err(_) => crate::t!("team-address-unreadable"),
    }
}

/// The name a team's rows are kept under in its database (every profile on it shares them).
pub fn team_record_name() -> &'static str {
    TEAM_RECORD
}

/// Where this computer keeps its copy of what a team database last held: beside the local
/// record, one file per database address.
pub fn last_read_path(data_dir: &Path, url: &str) -> PathBuf {
    data_dir.join(format!(
        "team-last-read-{:016x}.sqlite",
        xxhash_rust::xxh3::xxh3_64(url.as_bytes())
    ))
}

/// Copies what the team database holds now into this computer's copy, which the window
/// reads while the database is out of reach. Written aside, then put in place at once: the
/// copy is always whole. Answers how many applicants it holds.
pub async fn keep_last_read(team: &Record, path: PathBuf) -> Result<usize, StoreError> {
    let moving = team.call(|s, profile| s.read_out(profile)).await?;
    let count = moving.applicants();
    tokio::task::spawn_blocking(move || {
        let partial = path.with_extension("partial");
        for stale in [&partial, &path.with_extension("partial-journal")] {
            // What a copy stopped half-way left: never read, started again.
            let _ = std::fs::remove_file(stale);
        }
        let mut copy = Store::open(&partial)?.store;
        copy.merge_in(TEAM_RECORD, &moving)?;
        copy.seal_copy()?;
        drop(copy);
        std::fs::rename(&partial, &path).map_err(|e| StoreError::Open {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    })
    .await
    .map_err(|e| StoreError::Sqlite(e.to_string()))??;
    Ok(count)
}

/// This computer's copy of what the team database at `url` last held, when there is one.
pub async fn open_last_read(data_dir: PathBuf, url: String) -> Option<Records> {
    let path = last_read_path(&data_dir, &url);
    if !path.exists() {
        return None;
    }
    tokio::task::spawn_blocking(move || match Records::open_last_read(&path) {
        Ok(records) => Some(records),
        Err(e) => {
            tracing::warn!(
                "the copy of the team record could not be read: {}",
                e.technical().unwrap_or_default()
            );
            None
        }
    })
    .await
    .ok()
    .flatten()
}
