//! Profiles and their keys: opening the OS keyring, putting a profile in use, saving,
//! verifying and deleting a key, and reading and writing the profiles file. The window and
//! the command line both come through here; neither talks to the keyring itself.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::api::{self, ApiError, ApplicantId, Client, ClientOptions};
use crate::keys::OsKeyring;
use crate::t;

pub use crate::keys::{
    ExposeSecret, KeyStoreError, Profile, ProfileBook, ProfileBookError, SecretStore, SecretString,
    SessionStore, mask, validate_profile_name,
};

/// How long a keyring call may take before the recruiter is told it hangs.
pub const KEYRING_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest a key's check may take before the key is saved unchecked.
const VERIFY_WITHIN: Duration = Duration::from_secs(5);

/// An ID no applicant has: asking for it is how a key is verified (the API has no "who am
/// I" call), since the key is checked before the applicant is looked for.
const NO_SUCH_APPLICANT: u64 = 999_999_999_999;

/// The profile in use, with a client that holds its key.
#[derive(Clone)]
pub struct Connection {
    pub profile: Profile,
    pub client: Client,
    pub key: SecretString,
    pub session_only: bool,
}

impl Connection {
    /// Host and port, as the status bar shows them.
    pub fn host(&self) -> String {
        let url = self.client.base_url();
        url.host_str()
            .map_or_else(String::new, |h| match url.port() {
                Some(port) => format!("{h}:{port}"),
                None => h.to_owned(),
            })
    }

    /// Scheme and host, which the API's file paths (`/cvs/...`) are relative to.
    pub fn site(&self) -> String {
        api::site(self.client.base_url())
    }

    /// The same profile and key with other client settings (a new timeout).
    pub fn with_options(&self, options: ClientOptions) -> Result<Connection, ApiError> {
        Ok(Connection {
            client: Client::with_options(&self.profile.base_url, self.key.clone(), options)?,
            ..self.clone()
        })
    }
}

/// Why a profile could not be put in use.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    NoKey(String),
    Keyring { name: String, error: KeyStoreError },
    Address { name: String, error: ApiError },
}

impl std::fmt::Display for ConnectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            ConnectError::NoKey(name) => t!("errors-no-key", name = name.as_str()),
            ConnectError::Keyring { name, error } => t!(
                "errors-key-unreadable",
                name = name.as_str(),
                problem = error.to_string()
            ),
            ConnectError::Address { name, error } => t!(
                "errors-profile-address",
                name = name.as_str(),
                problem = error.to_string()
            ),
        })
    }
}

impl ConnectError {
    /// What support needs, for details.
    pub fn technical(&self) -> Option<String> {
        match self {
            ConnectError::NoKey(_) => None,
            ConnectError::Keyring { error, .. } => error.technical().map(str::to_owned),
            ConnectError::Address { error, .. } => error.technical(),
        }
    }
}

/// Opens the OS keyring (on Linux, the session D-Bus), on the blocking pool.
pub async fn open_keyring() -> Result<Arc<dyn SecretStore>, KeyStoreError> {
    tokio::task::spawn_blocking(|| OsKeyring::new().map(|k| Arc::new(k) as Arc<dyn SecretStore>))
        .await
        .unwrap_or_else(|e| {
            Err(KeyStoreError::Other {
                reason: e.to_string(),
            })
        })
}

/// Reads the profile's key from `store` and builds its client.
pub async fn connect(
    store: Arc<dyn SecretStore>,
    profile: Profile,
    options: ClientOptions,
    session_only: bool,
) -> Result<Connection, ConnectError> {
    let name = profile.name.clone();
    let read = name.clone();
    let key = crate::keys::run_blocking(store, KEYRING_TIMEOUT, move |s| s.get(&read))
        .await
        .map_err(|error| ConnectError::Keyring {
            name: name.clone(),
            error,
        })?
        .ok_or_else(|| ConnectError::NoKey(name.clone()))?;
    let client = Client::with_options(&profile.base_url, key.clone(), options)
        .map_err(|error| ConnectError::Address { name, error })?;
    Ok(Connection {
        profile,
        client,
        key,
        session_only,
    })
}

/// Stores (or replaces) a profile's key.
pub async fn save_key(
    store: Arc<dyn SecretStore>,
    name: &str,
    key: SecretString,
) -> Result<(), KeyStoreError> {
    let name = name.to_owned();
    crate::keys::run_blocking(store, KEYRING_TIMEOUT, move |s| s.set(&name, &key)).await
}

/// Deletes a profile's key (deleting what is not there is fine).
pub async fn delete_key(store: Arc<dyn SecretStore>, name: &str) -> Result<(), KeyStoreError> {
    let name = name.to_owned();
    crate::keys::run_blocking(store, KEYRING_TIMEOUT, move |s| s.delete(&name)).await
}

/// What the server said of a key.
#[derive(Debug)]
pub enum Verified {
    Accepted,
    Refused(ApiError),
    /// The server could not say (down, slow, an odd answer).
    Unchecked(ApiError),
}

/// Asks the server about the key with a look-up of an ID no applicant has: a 404 means the
/// key was accepted, 401 or a 400 about the key that it was refused.
pub async fn verify(client: &Client) -> Verified {
    let Ok(probe) = ApplicantId::new(NO_SUCH_APPLICANT) else {
        return Verified::Accepted;
    };
    match client.get_applicant(probe).await {
        Ok(_) | Err(ApiError::NotFound { .. }) => Verified::Accepted,
        Err(e) if e.is_key_problem() => Verified::Refused(e),
        Err(e) => Verified::Unchecked(e),
    }
}

/// A profile as typed in (the window's form, `key set`), checked: a printable name, a
/// usable server address, a key without spaces.
pub fn check_new_profile(
    name: &str,
    base_url: &str,
    key: &str,
) -> Result<(Profile, SecretString), String> {
    validate_profile_name(name).map_err(|e| e.to_string())?;
    if name == super::demo::DEMO_PROFILE {
        return Err(t!("errors-profile-name-demo"));
    }
    let base_url = api::parse_base_url(base_url)
        .map_err(|e| e.to_string())?
        .to_string();
    let key = key.trim();
    if key.is_empty() {
        return Err(t!("errors-key-empty"));
    }
    if key.chars().any(char::is_whitespace) {
        return Err(t!("errors-key-has-spaces"));
    }
    Ok((
        Profile {
            name: name.to_owned(),
            base_url,
            team_db: None,
        },
        SecretString::from(key.to_owned()),
    ))
}

/// `profiles.json` in the platform's config directory.
pub fn profiles_path() -> Option<PathBuf> {
    ProfileBook::default_path()
}

/// Reads the profiles file (a missing file is an empty book).
pub async fn load_profiles(path: PathBuf) -> Result<ProfileBook, ProfileBookError> {
    tokio::task::spawn_blocking(move || ProfileBook::load(&path))
        .await
        .unwrap_or_else(|e| {
            Err(ProfileBookError::Read {
                path: String::new(),
                reason: e.to_string(),
            })
        })
}

/// Writes the profiles file whole (never the demo's profile, whose port changes every run).
pub async fn save_profiles(path: PathBuf, book: ProfileBook) -> Result<(), ProfileBookError> {
    let mut book = book;
    book.profiles
        .retain(|p| p.name != super::demo::DEMO_PROFILE);
    if book.active.as_deref() == Some(super::demo::DEMO_PROFILE) {
        book.active = None;
    }
    tokio::task::spawn_blocking(move || book.save(&path))
        .await
        .unwrap_or_else(|e| {
            Err(ProfileBookError::Write {
                path: String::new(),
                reason: e.to_string(),
            })
        })
}

/// What saving a key came to.
#[derive(Debug)]
pub enum SaveOutcome {
    /// In the keyring. `unchecked` says why the server could not be asked about it.
    Saved { unchecked: Option<ApiError> },
    /// The server refused the key: nothing was saved.
    Refused(ApiError),
    /// The keyring could not take it (the window may keep it for this session only).
    Keyring(KeyStoreError),
}

/// Asks the server about the key first (with `check`), then stores it: a key the server
/// refuses is not saved, nor put in use, unless the recruiter says so (`check` false).
pub async fn check_and_save(
    store: Option<Arc<dyn SecretStore>>,
    profile: &Profile,
    key: SecretString,
    options: ClientOptions,
    check: bool,
) -> SaveOutcome {
    let mut unchecked = None;
    if check {
        // A check, not a wait: a server slower than this is told about, and the key saved.
        let options = ClientOptions {
            timeout: options.timeout.min(VERIFY_WITHIN),
            max_retries: 0,
            ..options
        };
        match Client::with_options(&profile.base_url, key.clone(), options) {
            Ok(client) => match verify(&client).await {
                Verified::Accepted => {}
                Verified::Refused(e) => return SaveOutcome::Refused(e),
                Verified::Unchecked(e) => unchecked = Some(e),
            },
            Err(e) => return SaveOutcome::Refused(e),
        }
    }
    let Some(store) = store else {
        return SaveOutcome::Keyring(KeyStoreError::Unavailable {
            reason: "the OS keyring could not be opened".into(), // not for people: the details, for support
        });
    };
    match save_key(store, &profile.name, key).await {
        Ok(()) => SaveOutcome::Saved { unchecked },
        Err(e) => SaveOutcome::Keyring(e),
    }
}

/// Saves a profile and its key for good (the command line's `key set`): checked with the
/// server unless `check` is false, the key (and the team database's password, if any) in the
/// OS keyring, the profile in the file, in use if none was. A warning comes back when the
/// server could not be asked.
pub async fn add_profile(
    path: &Path,
    profile: Profile,
    key: SecretString,
    team_password: Option<SecretString>,
    check: bool,
) -> Result<Option<ApiError>, AddProfileError> {
    let keyring = open_keyring().await?;
    // A second handle for the password; the last handle of the OS keyring is always let go
    // on the blocking pool (its D-Bus connection cannot close on the runtime's threads).
    let for_password = team_password.as_ref().map(|_| keyring.clone());
    let saved = check_and_save(
        Some(keyring),
        &profile,
        key,
        ClientOptions::default(),
        check,
    )
    .await;
    let unchecked = match saved {
        SaveOutcome::Saved { unchecked } => unchecked,
        failed => {
            if let Some(keyring) = for_password {
                let_go(keyring);
            }
            return Err(match failed {
                SaveOutcome::Refused(e) => AddProfileError::Refused(e),
                SaveOutcome::Keyring(e) => AddProfileError::Keyring(e),
                SaveOutcome::Saved { .. } => AddProfileError::Keyring(KeyStoreError::TimedOut),
            });
        }
    };
    if let (Some(password), Some(keyring)) = (team_password, for_password) {
        super::team::save_password(keyring, &profile.name, password).await?;
    }
    let mut book = load_profiles(path.to_path_buf()).await?;
    if book.active.is_none() {
        book.active = Some(profile.name.clone());
    }
    book.upsert(profile);
    save_profiles(path.to_path_buf(), book).await?;
    Ok(unchecked)
}

/// Deletes a profile and its key (the command line's `key delete`); says whether the
/// profile existed.
pub async fn remove_profile(path: &Path, name: &str) -> Result<bool, AddProfileError> {
    let mut book = load_profiles(path.to_path_buf()).await?;
    let keyring = open_keyring().await?;
    let deleted = delete_key(keyring.clone(), name).await;
    // The last handle goes to the blocking pool with this call, whatever the first answered.
    let password = super::team::delete_password(keyring, name).await;
    deleted?;
    password?;
    let existed = book.remove(name);
    save_profiles(path.to_path_buf(), book).await?;
    Ok(existed)
}

/// Drops a keyring handle on the blocking pool.
fn let_go(keyring: Arc<dyn SecretStore>) {
    drop(tokio::task::spawn_blocking(move || drop(keyring)));
}

#[derive(Debug, thiserror::Error)]
pub enum AddProfileError {
    Keyring(#[from] KeyStoreError),
    File(#[from] ProfileBookError),
    Refused(ApiError),
}

impl std::fmt::Display for AddProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AddProfileError::Keyring(e) => write!(f, "{e}"),
            AddProfileError::File(e) => write!(f, "{e}"),
            AddProfileError::Refused(e) => f.write_str(&t!(
                "errors-key-refused-nothing-saved",
                problem = e.to_string()
            )),
        }
    }
}

/// A connection without a profile: the command line's `--base-url` and `RICKRUT_API_KEY`.
/// Nothing it receives is kept in a record.
pub fn connect_without_profile(
    base_url: &str,
    key: SecretString,
    options: ClientOptions,
) -> Result<Connection, ApiError> {
    let client = Client::with_options(base_url, key.clone(), options)?;
    Ok(Connection {
        profile: Profile {
            name: String::new(),
            base_url: client.base_url().to_string(),
            team_db: None,
        },
        client,
        key,
        session_only: true,
    })
}
