//! Profiles (a name and a base URL, saved as JSON) and the secret store that holds each
//! profile's key: the OS keyring, or memory for this session only. Never a file.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

pub use secrecy::{ExposeSecret, SecretString};

/// The keyring service name; the profile name is the user.
pub const SERVICE: &str = "rickrut-dashboard";

const MAX_PROFILE_NAME: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Profile {
    pub name: String,
    pub base_url: String,
}

/// A profile name is shown everywhere and is the keyring's user name: keep it printable.
pub fn validate_profile_name(name: &str) -> Result<(), ProfileBookError> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(ProfileBookError::BadName(
            "A profile needs a name.".to_owned(),
        ));
    }
    if trimmed.chars().count() > MAX_PROFILE_NAME {
        return Err(ProfileBookError::BadName(format!(
            "A profile name has at most {MAX_PROFILE_NAME} characters."
        )));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(ProfileBookError::BadName(
            "A profile name cannot contain control characters.".to_owned(),
        ));
    }
    if trimmed != name {
        return Err(ProfileBookError::BadName(
            "A profile name cannot start or end with spaces.".to_owned(),
        ));
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileBookError {
    #[error("{0}")]
    BadName(String),
    #[error("The profiles file {path} could not be read: {reason}.")]
    Read { path: String, reason: String },
    #[error(
        "The profiles file {path} is damaged ({reason}); the app starts without profiles and keeps the damaged file as it is until you save a profile."
    )]
    Corrupt { path: String, reason: String },
    #[error("The profiles file {path} could not be saved: {reason}.")]
    Write { path: String, reason: String },
}

/// Every profile and which one is in use. Holds no key.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ProfileBook {
    pub profiles: Vec<Profile>,
    pub active: Option<String>,
}

impl ProfileBook {
    /// `profiles.json` in the platform's config directory.
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("com", "RickRut", "rickrut-dashboard")
            .map(|dirs| dirs.config_dir().join("profiles.json"))
    }

    /// A missing file is an empty book; a damaged one is an error that says so.
    pub fn load(path: &Path) -> Result<ProfileBook, ProfileBookError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ProfileBook::default());
            }
            Err(e) => {
                return Err(ProfileBookError::Read {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                });
            }
        };
        serde_json::from_str(&text).map_err(|e| ProfileBookError::Corrupt {
            path: path.display().to_string(),
            reason: e.to_string(),
        })
    }

    /// Writes a temporary file beside the real one and renames it over, so a crash never
    /// leaves half a file.
    pub fn save(&self, path: &Path) -> Result<(), ProfileBookError> {
        let fail = |e: std::io::Error| ProfileBookError::Write {
            path: path.display().to_string(),
            reason: e.to_string(),
        };
        let dir = path.parent().unwrap_or_else(|| Path::new("."));
        std::fs::create_dir_all(dir).map_err(fail)?;
        let json = serde_json::to_vec_pretty(self)
            .map_err(|e| fail(std::io::Error::other(e.to_string())))?;
        let mut tmp = tempfile_in(dir, path).map_err(fail)?;
        tmp.1.write_all(&json).map_err(fail)?;
        tmp.1.sync_all().map_err(fail)?;
        drop(tmp.1);
        std::fs::rename(&tmp.0, path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp.0);
            fail(e)
        })
    }

    pub fn get(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == name)
    }

    /// Adds the profile, or replaces the one with the same name in place.
    pub fn upsert(&mut self, profile: Profile) {
        match self.profiles.iter_mut().find(|p| p.name == profile.name) {
            Some(existing) => *existing = profile,
            None => self.profiles.push(profile),
        }
    }

    pub fn remove(&mut self, name: &str) -> bool {
        let before = self.profiles.len();
        self.profiles.retain(|p| p.name != name);
        if self.active.as_deref() == Some(name) {
            self.active = None;
        }
        self.profiles.len() != before
    }

    pub fn active_profile(&self) -> Option<&Profile> {
        self.active.as_deref().and_then(|name| self.get(name))
    }
}

fn tempfile_in(dir: &Path, target: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let stem = target
        .file_name()
        .map_or_else(|| "profiles".into(), |n| n.to_string_lossy().into_owned());
    for attempt in 0..100u32 {
        let candidate = dir.join(format!(".{stem}.{}.{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => return Ok((candidate, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other("no free temporary file name"))
}

/// Why a key could not be stored, read or deleted, in words; never contains the key.
#[derive(Debug, thiserror::Error)]
pub enum KeyStoreError {
    #[error("No OS keyring is available ({reason}). You can keep the key for this session only.")]
    Unavailable { reason: String },
    #[error(
        "The OS keyring is locked or refused access ({reason}). Unlock it and try again, or keep the key for this session only."
    )]
    Locked { reason: String },
    #[error(
        "The OS keyring did not answer in time. It may be waiting for a password prompt; try again, or keep the key for this session only."
    )]
    TimedOut,
    #[error("The key stored in the keyring is not readable text ({reason}); replace it in Keys.")]
    BadEncoding { reason: String },
    #[error("The OS keyring failed: {reason}.")]
    Other { reason: String },
}

/// Where keys live. Implementations block (D-Bus, Keychain): call them through
/// [`run_blocking`], never on the UI thread.
pub trait SecretStore: Send + Sync {
    /// `Ok(None)` when nothing is stored for the profile.
    fn get(&self, profile: &str) -> Result<Option<SecretString>, KeyStoreError>;
    /// Stores or replaces.
    fn set(&self, profile: &str, key: &SecretString) -> Result<(), KeyStoreError>;
    /// Deleting what is not there is fine.
    fn delete(&self, profile: &str) -> Result<(), KeyStoreError>;
    fn describe(&self) -> &'static str;
}

/// The OS keyring through keyring-core: Secret Service on Linux, Keychain on macOS,
/// Credential Manager on Windows. The store is kept here rather than set as keyring-core's
/// process-wide default, so tests can use other stores side by side.
pub struct OsKeyring {
    store: Arc<keyring_core::CredentialStore>,
}

impl OsKeyring {
    /// Connects to the platform's store (on Linux, the session D-Bus).
    pub fn new() -> Result<OsKeyring, KeyStoreError> {
        let store = platform_store().map_err(map_keyring_error)?;
        Ok(OsKeyring { store })
    }

    fn entry(&self, profile: &str) -> Result<keyring_core::Entry, KeyStoreError> {
        keyring_core::Entry::new_in_store(&self.store, SERVICE, profile).map_err(map_keyring_error)
    }
}

#[cfg(target_os = "linux")]
fn platform_store() -> keyring_core::Result<Arc<keyring_core::CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn platform_store() -> keyring_core::Result<Arc<keyring_core::CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn platform_store() -> keyring_core::Result<Arc<keyring_core::CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn platform_store() -> keyring_core::Result<Arc<keyring_core::CredentialStore>> {
    Err(keyring_core::Error::NotSupportedByStore(
        "this operating system has no supported keyring".into(),
    ))
}

impl SecretStore for OsKeyring {
    fn get(&self, profile: &str) -> Result<Option<SecretString>, KeyStoreError> {
        match self.entry(profile)?.get_password() {
            Ok(key) => Ok(Some(SecretString::from(key))),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_keyring_error(e)),
        }
    }

    fn set(&self, profile: &str, key: &SecretString) -> Result<(), KeyStoreError> {
        self.entry(profile)?
            .set_password(key.expose_secret())
            .map_err(map_keyring_error)
    }

    fn delete(&self, profile: &str) -> Result<(), KeyStoreError> {
        match self.entry(profile)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_keyring_error(e)),
        }
    }

    fn describe(&self) -> &'static str {
        if cfg!(target_os = "macos") {
            "OS keyring (Keychain)"
        } else if cfg!(target_os = "windows") {
            "OS keyring (Credential Manager)"
        } else {
            "OS keyring (Secret Service)"
        }
    }
}

/// By kind, never by Debug: some variants carry the secret's bytes.
fn map_keyring_error(e: keyring_core::Error) -> KeyStoreError {
    use keyring_core::Error as E;
    match e {
        E::PlatformFailure(inner) => KeyStoreError::Unavailable {
            reason: platform_reason(&*inner),
        },
        E::NoStorageAccess(inner) => KeyStoreError::Locked {
            reason: platform_reason(&*inner),
        },
        E::NoDefaultStore => KeyStoreError::Unavailable {
            reason: "no keyring store could be created".into(),
        },
        E::NotSupportedByStore(what) => KeyStoreError::Unavailable { reason: what },
        E::BadEncoding(_) => KeyStoreError::BadEncoding {
            reason: "not UTF-8".into(),
        },
        E::BadDataFormat(_, inner) => KeyStoreError::BadEncoding {
            reason: platform_reason(&*inner),
        },
        E::NoEntry => KeyStoreError::Other {
            reason: "no key is stored for this profile".into(),
        },
        E::TooLong(what, limit) => KeyStoreError::Other {
            reason: format!("the {what} is longer than the keyring's limit of {limit}"),
        },
        E::Invalid(what, why) => KeyStoreError::Other {
            reason: format!("{what} is not valid: {why}"),
        },
        E::BadStoreFormat(why) => KeyStoreError::Other { reason: why },
        E::Ambiguous(entries) => KeyStoreError::Other {
            reason: format!("{} keys match this profile", entries.len()),
        },
        _ => KeyStoreError::Other {
            reason: "an unknown keyring error".into(),
        },
    }
}

fn platform_reason(inner: &(dyn std::error::Error + Send + Sync)) -> String {
    let mut text = inner.to_string();
    let mut source = inner.source();
    while let Some(cause) = source {
        let more = cause.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = cause.source();
    }
    text
}

/// Keys kept in memory for this session only, e.g. when there is no OS keyring, or the
/// demo's generated key. Zeroized when dropped (`SecretString`).
#[derive(Default)]
pub struct SessionStore {
    keys: Mutex<HashMap<String, SecretString>>,
}

impl SessionStore {
    pub fn new() -> SessionStore {
        SessionStore::default()
    }
}

impl SecretStore for SessionStore {
    fn get(&self, profile: &str) -> Result<Option<SecretString>, KeyStoreError> {
        let keys = self.keys.lock().map_err(|_| poisoned())?;
        Ok(keys.get(profile).cloned())
    }

    fn set(&self, profile: &str, key: &SecretString) -> Result<(), KeyStoreError> {
        let mut keys = self.keys.lock().map_err(|_| poisoned())?;
        keys.insert(profile.to_owned(), key.clone());
        Ok(())
    }

    fn delete(&self, profile: &str) -> Result<(), KeyStoreError> {
        let mut keys = self.keys.lock().map_err(|_| poisoned())?;
        keys.remove(profile);
        Ok(())
    }

    fn describe(&self) -> &'static str {
        "this session only"
    }
}

fn poisoned() -> KeyStoreError {
    KeyStoreError::Other {
        reason: "the session key store was damaged by an earlier failure".into(),
    }
}

/// The key as the user may see it unrevealed: its last four characters.
pub fn mask(key: &SecretString) -> String {
    let chars: Vec<char> = key.expose_secret().chars().collect();
    if chars.len() <= 4 {
        return "••••".to_owned();
    }
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("••••{tail}")
}

/// Runs a store call on tokio's blocking pool with a timeout, so a keyring waiting on
/// D-Bus or a prompt never blocks the UI; answers `TimedOut` instead of hanging.
pub async fn run_blocking<T, F>(
    store: Arc<dyn SecretStore>,
    timeout: Duration,
    call: F,
) -> Result<T, KeyStoreError>
where
    T: Send + 'static,
    F: FnOnce(&dyn SecretStore) -> Result<T, KeyStoreError> + Send + 'static,
{
    let work = tokio::task::spawn_blocking(move || call(&*store));
    match tokio::time::timeout(timeout, work).await {
        Err(_) => Err(KeyStoreError::TimedOut),
        Ok(Err(join)) => Err(KeyStoreError::Other {
            reason: format!("the keyring call failed unexpectedly ({join})"),
        }),
        Ok(Ok(result)) => result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> SecretString {
        SecretString::from(text.to_owned())
    }

    #[test]
    fn session_store_round_trip() {
        let store = SessionStore::new();
        assert!(store.get("a").unwrap().is_none());
        store.set("a", &key("first-key-1234")).unwrap();
        assert_eq!(
            store.get("a").unwrap().unwrap().expose_secret(),
            "first-key-1234"
        );
        store.set("a", &key("second-key-5678")).unwrap();
        assert_eq!(
            store.get("a").unwrap().unwrap().expose_secret(),
            "second-key-5678"
        );
        store.delete("a").unwrap();
        store.delete("a").unwrap();
        assert!(store.get("a").unwrap().is_none());
    }

    #[test]
    fn masks_show_only_the_last_four() {
        assert_eq!(mask(&key("made-up-key-for-this-test-50f7")), "••••50f7");
        assert_eq!(mask(&key("abcd")), "••••");
        assert_eq!(mask(&key("")), "••••");
    }

    #[test]
    fn secrets_never_show_in_debug() {
        #[derive(Debug)]
        #[allow(dead_code)]
        struct Holder {
            key: SecretString,
        }
        let text = format!(
            "{:?}",
            Holder {
                key: key("topsecret-9876")
            }
        );
        assert!(!text.contains("topsecret"), "{text}");
    }

    #[test]
    fn profile_book_round_trip_and_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("profiles.json");
        assert_eq!(ProfileBook::load(&path).unwrap(), ProfileBook::default());
        let mut book = ProfileBook::default();
        book.upsert(Profile {
            name: "Acme".into(),
            base_url: "https://www.rickrut.com/api/v1/".into(),
        });
        book.upsert(Profile {
            name: "Acme".into(),
            base_url: "https://eu.rickrut.com/api/v1/".into(),
        });
        book.active = Some("Acme".into());
        book.save(&path).unwrap();
        let loaded = ProfileBook::load(&path).unwrap();
        assert_eq!(loaded, book);
        assert_eq!(loaded.profiles.len(), 1);
        assert_eq!(
            loaded.active_profile().unwrap().base_url,
            "https://eu.rickrut.com/api/v1/"
        );
        let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["profiles.json"]);

        std::fs::write(&path, b"{not json").unwrap();
        assert!(matches!(
            ProfileBook::load(&path),
            Err(ProfileBookError::Corrupt { .. })
        ));

        let mut book = loaded;
        assert!(book.remove("Acme"));
        assert!(!book.remove("Acme"));
        assert_eq!(book.active, None);
    }

    #[test]
    fn profile_names_are_checked() {
        assert!(validate_profile_name("Acme hiring").is_ok());
        for bad in ["", "  ", " lead", "a\u{7}b", &"x".repeat(65)] {
            assert!(validate_profile_name(bad).is_err(), "{bad:?}");
        }
    }

    struct Hanging;
    impl SecretStore for Hanging {
        fn get(&self, _: &str) -> Result<Option<SecretString>, KeyStoreError> {
            std::thread::sleep(Duration::from_secs(2));
            Ok(None)
        }
        fn set(&self, _: &str, _: &SecretString) -> Result<(), KeyStoreError> {
            Ok(())
        }
        fn delete(&self, _: &str) -> Result<(), KeyStoreError> {
            Ok(())
        }
        fn describe(&self) -> &'static str {
            "hanging"
        }
    }

    #[tokio::test]
    async fn a_hanging_keyring_times_out() {
        let result =
            run_blocking(Arc::new(Hanging), Duration::from_millis(50), |s| s.get("x")).await;
        assert!(matches!(result, Err(KeyStoreError::TimedOut)));
        let ok = run_blocking(Arc::new(SessionStore::new()), Duration::from_secs(5), |s| {
            s.get("x")
        })
        .await;
        assert!(matches!(ok, Ok(None)));
    }
}
