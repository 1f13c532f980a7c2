//! Profiles (a name and a base URL, saved as JSON) and the secret store that holds each
//! profile's key: the OS keyring, or memory for this session only. Never a file.

mod profiles;
mod secret;

pub use profiles::{
    Profile, ProfileBook, ProfileBookError, team_password_entry, validate_profile_name,
};
pub use secrecy::{ExposeSecret, SecretString};
pub use secret::{
    KeyStoreError, OsKeyring, SERVICE, SecretStore, SessionStore, mask, run_blocking,
};
