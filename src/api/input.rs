//! What the recruiter types before anything is sent: an applicant ID, a new applicant, and
//! the problems found in them.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An applicant ID: a positive integer, checked before any request is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ApplicantId(u64);

impl ApplicantId {
    /// The largest ID the local record can hold exactly (SQLite's integers are 64-bit signed).
    pub const MAX: u64 = i64::MAX as u64;

    pub fn new(id: u64) -> Result<ApplicantId, InputError> {
        if id == 0 || id > ApplicantId::MAX {
            Err(InputError::BadId {
                input: id.to_string(),
            })
        } else {
            Ok(ApplicantId(id))
        }
    }

    /// What was typed, as an ID: digits only, above zero, and small enough to be kept as it
    /// is (a larger number would be kept as another ID, and the next refresh would ask for
    /// someone else).
    pub fn parse(input: &str) -> Result<ApplicantId, InputError> {
        let trimmed = input.trim();
        let bad = || InputError::BadId {
            input: truncate_for_message(trimmed),
        };
        if trimmed.is_empty() || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        match trimmed.parse::<u64>() {
            Ok(id) if id <= ApplicantId::MAX => ApplicantId::new(id).map_err(|_| bad()),
            _ if trimmed.trim_start_matches('0').is_empty() => Err(bad()),
            _ => Err(InputError::IdTooLarge {
                input: truncate_for_message(trimmed),
            }),
        }
    }

    pub fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Display for ApplicantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// What the create call sends. Build it with [`NewApplicant::new`], which validates.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewApplicant {
    pub email: String,
    pub opening: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
}

impl NewApplicant {
    /// Trims every field, drops empty names, and refuses a malformed email or an empty opening.
    pub fn new(
        email: &str,
        opening: &str,
        first_name: Option<&str>,
        last_name: Option<&str>,
    ) -> Result<NewApplicant, InputError> {
        let new = NewApplicant {
            email: email.trim().to_owned(),
            opening: opening.trim().to_owned(),
            first_name: non_empty(first_name),
            last_name: non_empty(last_name),
        };
        new.validate()?;
        Ok(new)
    }

    /// Every problem with the input, so a form can show them all at once.
    pub fn problems(&self) -> Vec<InputError> {
        let mut problems = Vec::new();
        if let Err(e) = validate_email(&self.email) {
            problems.push(e);
        }
        if self.opening.trim().is_empty() {
            problems.push(InputError::MissingOpening);
        }
        problems
    }

    pub fn validate(&self) -> Result<(), InputError> {
        match self.problems().into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(()),
        }
    }
}

fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Checks an email's syntax the way a mail server would (RFC 5322 address, with a dot in the
/// domain since recruiters never invite `user@localhost`).
pub fn validate_email(email: &str) -> Result<(), InputError> {
    let email = email.trim();
    if email.is_empty() {
        return Err(InputError::MissingEmail);
    }
    let bad = || InputError::BadEmail {
        input: truncate_for_message(email),
    };
    let parsed = email
        .parse::<email_address::EmailAddress>()
        .map_err(|_| bad())?;
    let domain = parsed.domain();
    if !domain.contains('.') || domain.starts_with('[') || domain.ends_with('.') {
        return Err(bad());
    }
    Ok(())
}

fn truncate_for_message(text: &str) -> String {
    const MAX: usize = 60;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(MAX).collect();
        cut.push('…');
        cut
    }
}

/// Input refused before anything is sent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    BadId { input: String },
    IdTooLarge { input: String },
    MissingEmail,
    BadEmail { input: String },
    MissingOpening,
}

/// The sentence, in the language in use.
impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::t;
        f.write_str(&match self {
            InputError::BadId { input } => t!("errors-input-bad-id", input = input.as_str()),
            InputError::IdTooLarge { input } => {
                t!("errors-input-id-too-large", input = input.as_str())
            }
            InputError::MissingEmail => t!("errors-input-missing-email"),
            InputError::BadEmail { input } => t!("errors-input-bad-email", input = input.as_str()),
            InputError::MissingOpening => t!("errors-input-missing-opening"),
        })
    }
}

impl InputError {
    /// The form field the problem belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            InputError::BadId { .. } | InputError::IdTooLarge { .. } => "id",
            InputError::MissingEmail | InputError::BadEmail { .. } => "email",
            InputError::MissingOpening => "opening",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_must_be_positive_integers() {
        assert_eq!(ApplicantId::parse(" 31415 ").unwrap().get(), 31415);
        for bad in ["", "0", "-1", "12a", "1.5", "abc"] {
            let err = ApplicantId::parse(bad).unwrap_err();
            assert!(matches!(err, InputError::BadId { .. }), "{bad}");
        }
        // Numbers the record cannot hold exactly are refused before any request.
        assert_eq!(
            ApplicantId::parse("9223372036854775807").unwrap().get(),
            i64::MAX as u64
        );
        for too_large in [
            "9223372036854775808",
            "9223372036854775809",
            "18446744073709551615",
            "99999999999999999999999",
        ] {
            let err = ApplicantId::parse(too_large).unwrap_err();
            assert!(matches!(err, InputError::IdTooLarge { .. }), "{too_large}");
        }
        assert!(ApplicantId::new(u64::MAX).is_err());
    }

    #[test]
    fn emails_are_checked() {
        assert!(validate_email("john.smith@gmail.com").is_ok());
        assert!(validate_email("a+b@example.co.uk").is_ok());
        for bad in [
            "",
            "john",
            "john@",
            "@gmail.com",
            "john@localhost",
            "a b@c.com",
        ] {
            assert!(validate_email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn new_applicant_reports_every_problem() {
        let new = NewApplicant {
            email: "nope".into(),
            opening: " ".into(),
            first_name: None,
            last_name: None,
        };
        let fields: Vec<_> = new.problems().iter().map(InputError::field).collect();
        assert_eq!(fields, ["email", "opening"]);
        let ok =
            NewApplicant::new(" x@y.io ", " software-engineer ", Some(" "), Some("Li")).unwrap();
        assert_eq!(ok.email, "x@y.io");
        assert_eq!(ok.opening, "software-engineer");
        assert_eq!(ok.first_name, None);
        assert_eq!(ok.last_name.as_deref(), Some("Li"));
    }
}
