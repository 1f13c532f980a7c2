//! The applicant as the API describes it: answers, status and scores.

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
    /// "First Last" as the applicant gave them; empty when they gave neither.
    pub fn given_name(&self) -> String {
        [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// "First Last", or the email when the API has no name for the applicant.
    pub fn display_name(&self) -> String {
        let name = self.given_name();
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
    /// The statuses the API documents, in the order an applicant goes through them.
    pub const DOCUMENTED: [Status; 6] = [
        Status::Invited,
        Status::Started,
        Status::Completed,
        Status::Scored,
        Status::Rejected,
        Status::Hired,
    ];

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
        let upper = text.trim().to_ascii_uppercase();
        Status::DOCUMENTED
            .into_iter()
            .find(|s| s.as_str() == upper)
            .unwrap_or_else(|| Status::Other(text.to_owned()))
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
