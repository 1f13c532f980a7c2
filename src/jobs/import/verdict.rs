//! Each row's verdict before anything is sent: ready, an invalid email, a missing opening,
//! a duplicate in the file, or already invited according to the profile's invite log.

use std::collections::{HashMap, HashSet};

use crate::api::validate_email;
use crate::store::InviteKey;
use crate::t;

use super::table::ImportRow;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Ready,
    InvalidEmail(String),
    MissingOpening,
    DuplicateInFile { first_row: u64 },
    AlreadyInvited,
}

impl Verdict {
    pub fn label(&self) -> String {
        match self {
            Verdict::Ready => t!("import-verdict-ready"),
            Verdict::InvalidEmail(why) => t!("import-verdict-invalid-email", why = why.as_str()),
            Verdict::MissingOpening => t!("import-verdict-missing-opening"),
            Verdict::DuplicateInFile { first_row } => {
                t!("import-verdict-duplicate", row = first_row.to_string())
            }
            Verdict::AlreadyInvited => t!("import-verdict-already-invited"),
        }
    }

    /// The row fails a check of its own (an invalid email, no opening): it is left out,
    /// never sent, and never counted as failed.
    pub fn is_wrong_in_file(&self) -> bool {
        matches!(self, Verdict::InvalidEmail(_) | Verdict::MissingOpening)
    }

    /// The key the preview counts this verdict under; [`count_words`] says it to a person.
    pub fn kind(&self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::InvalidEmail(_) => "invalid email", // not for people: a key; count_words says it
            Verdict::MissingOpening => "missing opening", // not for people: a key; count_words says it
            Verdict::DuplicateInFile { .. } => "duplicate in file", // not for people: a key; count_words says it
            Verdict::AlreadyInvited => "already invited", // not for people: a key; count_words says it
        }
    }
}

/// `n` rows of one kind (a [`Verdict::kind`] or [`super::LEFT_OUT`]) in words: "3 ready".
pub fn count_words(kind: &str, n: usize) -> String {
    match kind {
        "ready" => t!("import-count-ready", count = n),
        "invalid email" => t!("import-count-invalid-email", count = n), // not for people: a key
        "missing opening" => t!("import-count-missing-opening", count = n), // not for people: a key
        "duplicate in file" => t!("import-count-duplicate", count = n), // not for people: a key
        "already invited" => t!("import-count-already-invited", count = n), // not for people: a key
        _ => t!("import-count-left-out", count = n),
    }
}

impl ImportRow {
    /// The row's invite, as "already invited" compares it.
    pub fn key(&self) -> InviteKey {
        InviteKey::new(&self.email, &self.opening)
    }
}

/// Each row's verdict: its own checks first, then duplicates inside the file (the first
/// occurrence is ready), then the invites in `invited` (the profile's invite log).
pub fn verdicts(rows: &[ImportRow], invited: &HashSet<InviteKey>) -> Vec<Verdict> {
    let mut seen: HashMap<InviteKey, u64> = HashMap::new();
    rows.iter()
        .map(|r| {
            if let Err(e) = validate_email(&r.email) {
                return Verdict::InvalidEmail(e.to_string());
            }
            if r.opening.trim().is_empty() {
                return Verdict::MissingOpening;
            }
            let key = r.key();
            if let Some(first_row) = seen.get(&key) {
                return Verdict::DuplicateInFile {
                    first_row: *first_row,
                };
            }
            if invited.contains(&key) {
                seen.insert(key, r.row_no);
                return Verdict::AlreadyInvited;
            }
            seen.insert(key, r.row_no);
            Verdict::Ready
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::import::{ReadOptions, parse};

    #[test]
    fn verdicts_for_invalid_duplicate_and_already_invited() {
        let file = "email,opening\nada@example.com,se\nnot-an-email,se\nbo@example.com,\nADA@example.com,se\nada@example.com,other\ncy@example.com,se\n";
        let parsed = parse(file.as_bytes(), &ReadOptions::default()).unwrap();
        let invited = HashSet::from([InviteKey::new("cy@example.com", "se")]);
        let v = verdicts(&parsed.rows, &invited);
        assert_eq!(v[0], Verdict::Ready);
        assert!(matches!(v[1], Verdict::InvalidEmail(_)));
        assert_eq!(v[2], Verdict::MissingOpening);
        assert_eq!(v[3], Verdict::DuplicateInFile { first_row: 1 });
        assert_eq!(v[4], Verdict::Ready, "another opening is another invite");
        assert_eq!(v[5], Verdict::AlreadyInvited);
    }
}
