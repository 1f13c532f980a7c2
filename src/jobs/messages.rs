//! The messages a recruiter sends a candidate themselves (the API sends no email of its own
//! that the recruiter controls): an invitation after the invite, a reminder to one who has
//! not started. Each comes from a template the recruiter edits, with `{first_name}`,
//! `{last_name}`, `{opening}`, `{code}` and `{days}`; what the candidate gave is put in as
//! visible text (no control or bidi marks reach the message).

use chrono::{DateTime, Utc};

use super::openings::OpeningNames;
use crate::api::Applicant;
use crate::boundary::terminal::visible;
use crate::i18n::{FluentArgs, Lang};

/// The invitation a recruiter sends after inviting, unless they wrote their own, in the
/// language in use.
pub fn default_invitation() -> String {
    default_invitation_in(crate::i18n::current())
}

/// The default invitation in `lang`.
pub fn default_invitation_in(lang: Lang) -> String {
    let mut args = FluentArgs::new();
    for name in ["first_name", "opening", "code"] {
        args.set(name, format!("{{{name}}}"));
    }
    crate::i18n::text_in(lang, "messages-invitation-default", Some(&args))
}

/// The reminder to a candidate who has not started, unless they wrote their own.
pub fn default_reminder() -> String {
    default_reminder_in(crate::i18n::current())
}

/// The default reminder in `lang`.
pub fn default_reminder_in(lang: Lang) -> String {
    let mut args = FluentArgs::new();
    for name in ["first_name", "opening", "code", "days"] {
        args.set(name, format!("{{{name}}}"));
    }
    crate::i18n::text_in(lang, "messages-reminder-default", Some(&args))
}

/// The placeholders a template may use, as the Settings help lists them.
pub const PLACEHOLDERS: [&str; 5] = [
    "{first_name}",
    "{last_name}",
    "{opening}",
    "{code}",
    "{days}",
];

/// What a message says of one candidate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fields {
    pub first_name: String,
    pub last_name: String,
    pub opening: String,
    pub code: String,
    /// Whole days since the invite.
    pub days: i64,
}

impl Fields {
    /// The candidate as received, their opening by the name the recruiter knows it by.
    pub fn of(applicant: &Applicant, openings: &OpeningNames, now: DateTime<Utc>) -> Fields {
        let opening = applicant
            .opening_id
            .and_then(|id| openings.get(id))
            .map_or_else(|| crate::t!("messages-unknown-opening"), |o| o.label());
        Fields {
            first_name: applicant.first_name.clone().unwrap_or_default(),
            last_name: applicant.last_name.clone().unwrap_or_default(),
            opening,
            code: applicant.code.clone().unwrap_or_default(),
            days: days_since(applicant.created_at, now).unwrap_or(0),
        }
    }
}

/// Whole days from `then` to `now`, if known.
pub fn days_since(then: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<i64> {
    then.map(|then| (now - then).num_days().max(0))
}

/// The template with each placeholder replaced, in one pass (a name that reads "{code}"
/// stays a name); a brace that opens no known placeholder stays as typed. With no first
/// name, "Hello {first_name}," reads "Hello,".
pub fn fill(template: &str, fields: &Fields) -> String {
    let days = fields.days.to_string();
    let values: [(&str, std::borrow::Cow<'_, str>); 5] = [
        ("{first_name}", visible(fields.first_name.trim())),
        ("{last_name}", visible(fields.last_name.trim())),
        ("{opening}", visible(fields.opening.trim())),
        ("{code}", visible(fields.code.trim())),
        ("{days}", days.as_str().into()),
    ];
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match values.iter().find(|(name, _)| rest.starts_with(name)) {
            Some((name, value)) => {
                if value.is_empty() && out.ends_with(' ') {
                    out.pop();
                }
                out.push_str(value);
                rest = &rest[name.len()..];
            }
            None => {
                out.push('{');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chiara() -> Fields {
        Fields {
            first_name: "Chiara".into(),
            last_name: "Okafor".into(),
            opening: "Backend Developer".into(),
            code: "IKWOOFKE".into(),
            days: 4,
        }
    }

    #[test]
    fn every_placeholder_is_filled_once() {
        let text = fill(
            "{first_name} {last_name}, {opening}, {code}, {days} {unknown} {",
            &chiara(),
        );
        assert_eq!(
            text,
            "Chiara Okafor, Backend Developer, IKWOOFKE, 4 {unknown} {"
        );
    }

    #[test]
    fn a_name_that_spells_a_placeholder_stays_a_name() {
        let mut fields = chiara();
        fields.first_name = "{code}\u{1b}[2J".to_owned();
        let text = fill("Hello {first_name}, {code}", &fields);
        assert!(text.starts_with("Hello {code}"), "{text}");
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(text.ends_with(", IKWOOFKE"), "{text}");
    }

    #[test]
    fn no_first_name_reads_hello_with_its_comma() {
        let mut fields = chiara();
        fields.first_name.clear();
        let text = fill(&default_reminder(), &fields);
        assert!(text.starts_with("Hello,\n"), "{text}");
        assert!(text.contains("4 days ago"));
        assert!(text.contains("for Backend Developer:"));
    }
}
