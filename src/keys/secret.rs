//! The secret store that holds each profile's key: the OS keyring, or memory for this
//! session only. Never a file.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use secrecy::{ExposeSecret, SecretString};

use crate::t;

/// The keyring service name; the profile name is the user.
pub const SERVICE: &str = "rickrut-dashboard";

/// Why a key could not be stored, read or deleted, in words; never contains the key.
#[derive(Debug, thiserror::Error)]
pub enum KeyStoreError {
    Unavailable { reason: String },
    Locked { reason: String },
    TimedOut,
    BadEncoding { reason: String },
    Other { reason: String },
}

/// The sentence, in the language in use; the keyring's words are in [`KeyStoreError::technical`].
impl std::fmt::Display for KeyStoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            KeyStoreError::Unavailable { .. } => t!("errors-keyring-unavailable"),
            KeyStoreError::Locked { .. } => t!("errors-keyring-locked"),
            KeyStoreError::TimedOut => t!("errors-keyring-timed-out"),
            KeyStoreError::BadEncoding { .. } => t!("errors-keyring-bad-encoding"),
            KeyStoreError::Other { .. } => t!("errors-keyring-other"),
        })
    }
}

impl KeyStoreError {
    /// The keyring's own words (a D-Bus address, an error name), for details only.
    pub fn technical(&self) -> Option<&str> {
        match self {
            KeyStoreError::Unavailable { reason }
            | KeyStoreError::Locked { reason }
            | KeyStoreError::BadEncoding { reason }
            | KeyStoreError::Other { reason } => Some(reason),
            KeyStoreError::TimedOut => None,
        }
    }
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
            reason: crate::logging::with_causes(&*inner),
        },
        E::NoStorageAccess(inner) => KeyStoreError::Locked {
            reason: crate::logging::with_causes(&*inner),
        },
        E::NoDefaultStore => KeyStoreError::Unavailable {
            reason: "no keyring store could be created".into(),
        },
        E::NotSupportedByStore(what) => KeyStoreError::Unavailable { reason: what },
        E::BadEncoding(_) => KeyStoreError::BadEncoding {
            reason: "not UTF-8".into(),
        },
        E::BadDataFormat(_, inner) => KeyStoreError::BadEncoding {
            reason: crate::logging::with_causes(&*inner),
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
