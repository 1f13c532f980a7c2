//! Profiles: a name and a base URL each, and where their record is when it is not the local
//! file (a team database's URL), saved as JSON beside the other settings. Never a key nor a
//! password.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::t;

const MAX_PROFILE_NAME: usize = 64;

#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Profile {
    pub name: String,
    pub base_url: String,
    /// The team database the profile's record lives in (`postgres://user@host:port/db`, no
    /// password); none for the local SQLite file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_db: Option<String>,
}

/// The keyring entry (beside the profile's key) that holds its team database's password.
pub fn team_password_entry(profile: &str) -> String {
    format!("{profile} (team database)")
}

/// A profile name is shown everywhere and is the keyring's user name: keep it printable.
pub fn validate_profile_name(name: &str) -> Result<(), ProfileBookError> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(ProfileBookError::BadName(t!("errors-profile-name-empty")));
    }
    if trimmed.chars().count() > MAX_PROFILE_NAME {
        return Err(ProfileBookError::BadName(t!(
            "errors-profile-name-too-long",
            max = MAX_PROFILE_NAME
        )));
    }
    if trimmed.chars().any(char::is_control) {
        return Err(ProfileBookError::BadName(t!("errors-profile-name-control")));
    }
    if trimmed != name {
        return Err(ProfileBookError::BadName(t!("errors-profile-name-spaces")));
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum ProfileBookError {
    BadName(String),
    Read { path: String, reason: String },
    Corrupt { path: String, reason: String },
    Write { path: String, reason: String },
}

/// The sentence, in the language in use; the system's words are in
/// [`ProfileBookError::technical`].
impl std::fmt::Display for ProfileBookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            ProfileBookError::BadName(why) => why.clone(),
            ProfileBookError::Read { path, .. } => {
                t!("errors-profiles-read", path = path.as_str())
            }
            ProfileBookError::Corrupt { path, .. } => {
                t!("errors-profiles-corrupt", path = path.as_str())
            }
            ProfileBookError::Write { path, .. } => {
                t!("errors-profiles-write", path = path.as_str())
            }
        })
    }
}

impl ProfileBookError {
    /// The system's or the JSON reader's own words, for details.
    pub fn technical(&self) -> Option<&str> {
        match self {
            ProfileBookError::BadName(_) => None,
            ProfileBookError::Read { reason, .. }
            | ProfileBookError::Corrupt { reason, .. }
            | ProfileBookError::Write { reason, .. } => Some(reason),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_book_round_trip_and_damage() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested").join("profiles.json");
        assert_eq!(ProfileBook::load(&path).unwrap(), ProfileBook::default());
        let mut book = ProfileBook::default();
        book.upsert(Profile {
            name: "Acme".into(),
            base_url: "https://www.rickrut.com/api/v1/".into(),
            team_db: None,
        });
        book.upsert(Profile {
            name: "Acme".into(),
            base_url: "https://eu.rickrut.com/api/v1/".into(),
            team_db: Some("postgres://ada@db.example.com/team".into()),
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
    fn file_errors_are_sentences_with_the_reason_in_details() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("profiles.json");
        std::fs::write(&path, b"{not json").unwrap();
        let damaged = ProfileBook::load(&path).unwrap_err();
        // Saving under a path whose parent is a file: the system refuses.
        let unwritable = path.join("profiles.json");
        let unsaved = ProfileBook::default().save(&unwritable).unwrap_err();
        for e in [damaged, unsaved] {
            let sentence = e.to_string();
            let reason = e.technical().unwrap_or_default().to_owned();
            assert!(!reason.is_empty(), "{e:?}");
            assert!(!sentence.contains(&reason), "{sentence}");
            assert!(!sentence.contains("os error") && !sentence.contains("key must be"));
            assert!(sentence.starts_with("The profiles file"), "{sentence}");
        }
    }

    #[test]
    fn profile_names_are_checked() {
        assert!(validate_profile_name("Acme hiring").is_ok());
        for bad in ["", "  ", " lead", "a\u{7}b", &"x".repeat(65)] {
            assert!(validate_profile_name(bad).is_err(), "{bad:?}");
        }
    }
}
