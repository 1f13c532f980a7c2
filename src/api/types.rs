//! The applicant as the API describes it, and the input for creating one.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Suffix of the `cv` and `audio_introduction` paths the API returns when nothing was uploaded.
const NOT_UPLOADED_SUFFIX: &str = "missing.png";

/// An applicant, with every field the reference shows. Unknown fields are ignored and
/// missing optional fields are `None`, so a vendor addition never breaks a lookup.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Applicant {
    pub id: u64,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub opening_id: Option<u64>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub skill_score: Option<Score>,
    #[serde(default)]
    pub adequation_score: Option<Score>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub recruiter_score: Option<Score>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub step: Option<u32>,
    #[serde(default)]
    pub cv: Option<String>,
    #[serde(default)]
    pub video_uuid: Option<String>,
    #[serde(default)]
    pub audio_introduction: Option<String>,
    #[serde(default)]
    pub text_introduction: Option<String>,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub finished_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub quizz_answers: Vec<QuizzAnswer>,
    /// The reference never shows a poll answer, so each one is kept as the server sent it.
    #[serde(default)]
    pub poll_answers: Vec<serde_json::Value>,
    #[serde(default)]
    pub case_answers: Vec<CaseAnswer>,
}

impl Applicant {
    /// "First Last", or the email when the API has no name for the applicant.
    pub fn display_name(&self) -> String {
        let name = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if name.is_empty() {
            self.email.clone()
        } else {
            name
        }
    }

    /// The CV's path on the vendor's site, or `None` when nothing was uploaded.
    pub fn cv_path(&self) -> Option<&str> {
        uploaded(self.cv.as_deref())
    }

    /// The audio introduction's path on the vendor's site, or `None` when nothing was uploaded.
    pub fn audio_introduction_path(&self) -> Option<&str> {
        uploaded(self.audio_introduction.as_deref())
    }
}

fn uploaded(path: Option<&str>) -> Option<&str> {
    path.map(str::trim)
        .filter(|p| !p.is_empty() && !p.ends_with(NOT_UPLOADED_SUFFIX))
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuizzAnswer {
    #[serde(default)]
    pub id: Option<u64>,
    #[serde(default)]
    pub applicant_id: Option<u64>,
    #[serde(default)]
    pub quizz_id: Option<u64>,
    #[serde(default)]
    pub quizz_option_id: Option<u64>,
    #[serde(default)]
    pub final_score: Option<Score>,
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseAnswer {
    #[serde(default)]
    pub id: Option<u64>,
    #[serde(default)]
    pub applicant_id: Option<u64>,
    #[serde(default)]
    pub opening_case_id: Option<u64>,
    /// Free text the applicant typed, when the case asked for text.
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub final_score: Option<Score>,
    /// Seconds the applicant spent answering.
    #[serde(default)]
    pub duration: Option<u64>,
    #[serde(default)]
    pub audio_file_file_name: Option<String>,
    #[serde(default)]
    pub audio_file_content_type: Option<String>,
    /// Bytes.
    #[serde(default)]
    pub audio_file_file_size: Option<u64>,
    #[serde(default)]
    pub audio_file_updated_at: Option<DateTime<Utc>>,
    /// The vendor flags answers whose recording made no sense.
    #[serde(default)]
    pub gibberish: Option<bool>,
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub updated_at: Option<DateTime<Utc>>,
}

/// Where an applicant is in the process. Unknown values are kept as they are, never an error.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Status {
    #[default]
    Invited,
    Started,
    Completed,
    Scored,
    Rejected,
    Hired,
    Other(String),
}

impl Status {
    pub fn as_str(&self) -> &str {
        match self {
            Status::Invited => "INVITED",
            Status::Started => "STARTED",
            Status::Completed => "COMPLETED",
            Status::Scored => "SCORED",
            Status::Rejected => "REJECTED",
            Status::Hired => "HIRED",
            Status::Other(text) => text,
        }
    }

    pub fn parse(text: &str) -> Status {
        match text.trim().to_ascii_uppercase().as_str() {
            "INVITED" => Status::Invited,
            "STARTED" => Status::Started,
            "COMPLETED" => Status::Completed,
            "SCORED" => Status::Scored,
            "REJECTED" => Status::Rejected,
            "HIRED" => Status::Hired,
            _ => Status::Other(text.to_owned()),
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Status::parse(&text))
    }
}

/// A score as the server wrote it ("15.0", 15, 15.5), kept verbatim for display and parsed
/// for sorting and charts.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    text: String,
    value: Option<f64>,
}

impl Score {
    pub fn from_text(text: impl Into<String>) -> Score {
        let text = text.into();
        let value = text.trim().parse::<f64>().ok().filter(|v| v.is_finite());
        Score { text, value }
    }

    /// The server's own text, e.g. "15.0".
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The number, when the text is one.
    pub fn value(&self) -> Option<f64> {
        self.value
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Score {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScoreVisitor;
        impl Visitor<'_> for ScoreVisitor {
            type Value = Score;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a score as a decimal string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Score, E> {
                Ok(Score::from_text(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Score, E> {
                Ok(Score::from_text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Score, E> {
                Ok(Score::from_text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Score, E> {
                Ok(Score::from_text(v.to_string()))
            }
        }
        deserializer.deserialize_any(ScoreVisitor)
    }
}

/// An applicant ID: a positive integer, checked before any request is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ApplicantId(u64);

impl ApplicantId {
    pub fn new(id: u64) -> Result<ApplicantId, InputError> {
        if id == 0 {
            Err(InputError::BadId {
                input: id.to_string(),
            })
        } else {
            Ok(ApplicantId(id))
        }
    }

    pub fn parse(input: &str) -> Result<ApplicantId, InputError> {
        let trimmed = input.trim();
        let bad = || InputError::BadId {
            input: truncate_for_message(trimmed),
        };
        if trimmed.is_empty() || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let id = trimmed.parse::<u64>().map_err(|_| bad())?;
        ApplicantId::new(id).map_err(|_| bad())
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
    #[error("\"{input}\" is not an applicant ID: an ID is a whole number above zero.")]
    BadId { input: String },
    #[error("An email is required.")]
    MissingEmail,
    #[error("\"{input}\" is not a valid email address.")]
    BadEmail { input: String },
    #[error("An opening is required (for example software-engineer).")]
    MissingOpening,
}

impl InputError {
    /// The form field the problem belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            InputError::BadId { .. } => "id",
            InputError::MissingEmail | InputError::BadEmail { .. } => "email",
            InputError::MissingOpening => "opening",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_keep_the_server_text_and_parse_the_value() {
        let s: Score = serde_json::from_str("\"15.0\"").unwrap();
        assert_eq!(s.text(), "15.0");
        assert_eq!(s.value(), Some(15.0));
        let n: Score = serde_json::from_str("87.5").unwrap();
        assert_eq!(n.text(), "87.5");
        assert_eq!(n.value(), Some(87.5));
        let i: Score = serde_json::from_str("0").unwrap();
        assert_eq!(i.value(), Some(0.0));
        let none: Option<Score> = serde_json::from_str("null").unwrap();
        assert!(none.is_none());
        let odd: Score = serde_json::from_str("\"n/a\"").unwrap();
        assert_eq!(odd.text(), "n/a");
        assert_eq!(odd.value(), None);
        assert!(serde_json::from_str::<Score>("[1]").is_err());
    }

    #[test]
    fn unknown_status_is_kept_as_is() {
        let s: Status = serde_json::from_str("\"ON_HOLD\"").unwrap();
        assert_eq!(s, Status::Other("ON_HOLD".into()));
        assert_eq!(s.to_string(), "ON_HOLD");
        let scored: Status = serde_json::from_str("\"SCORED\"").unwrap();
        assert_eq!(scored, Status::Scored);
    }

    #[test]
    fn ids_must_be_positive_integers() {
        assert_eq!(ApplicantId::parse(" 31415 ").unwrap().get(), 31415);
        for bad in [
            "",
            "0",
            "-1",
            "12a",
            "1.5",
            "abc",
            "99999999999999999999999",
        ] {
            let err = ApplicantId::parse(bad).unwrap_err();
            assert!(matches!(err, InputError::BadId { .. }), "{bad}");
        }
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

    #[test]
    fn missing_png_means_not_uploaded() {
        let mut a: Applicant = serde_json::from_str(r#"{"id":1,"email":"a@b.co"}"#).unwrap();
        a.cv = Some("/cvs/original/missing.png".into());
        a.audio_introduction = Some("/audio_introductions/original/x.mp3".into());
        assert_eq!(a.cv_path(), None);
        assert_eq!(
            a.audio_introduction_path(),
            Some("/audio_introductions/original/x.mp3")
        );
        assert_eq!(a.display_name(), "a@b.co");
    }
}
