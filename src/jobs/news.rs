//! What a refresh found, in words: each applicant whose status changed, as one line for a
//! terminal, and all of a run's changes as one notification (never one per applicant) that
//! names the candidates and their opening — never an email address, never a key.

use chrono::{DateTime, Utc};

use super::openings::OpeningNames;
use crate::api::{Applicant, Status};
use crate::boundary::terminal::visible;
use crate::{i18n, t};

/// A tracked applicant whose status moved during a refresh.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub id: u64,
    /// First and last name as the candidate gave them; empty when they gave none (the
    /// email is never used in their place here).
    pub name: String,
    pub opening_id: Option<u64>,
    pub from: String,
    pub to: String,
    pub skill: Option<f64>,
    pub adequation: Option<f64>,
    pub at: DateTime<Utc>,
}

impl Change {
    /// The change if the applicant's status moved from `from`; `None` when it did not (a
    /// score corrected after the fact is not news).
    pub fn of(applicant: &Applicant, from: &str, at: DateTime<Utc>) -> Option<Change> {
        let to = applicant.status.as_str();
        if from == to || from.is_empty() {
            return None;
        }
        let name = [
            applicant.first_name.as_deref(),
            applicant.last_name.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
        Some(Change {
            id: applicant.id,
            name,
            opening_id: applicant.opening_id,
            from: from.to_owned(),
            to: to.to_owned(),
            skill: applicant.skill_score.as_ref().and_then(|s| s.value()),
            adequation: applicant.adequation_score.as_ref().and_then(|s| s.value()),
            at,
        })
    }

    /// Finished the test: the scores are in.
    pub fn finished(&self) -> bool {
        self.to == Status::Scored.as_str()
    }

    /// The candidate's name, or "Applicant 1003" when they gave none.
    pub fn who(&self) -> String {
        if self.name.is_empty() {
            t!("notices-applicant", id = self.id.to_string())
        } else {
            self.name.clone()
        }
    }

    /// Skill / adequation, rounded as a recruiter reads them ("53 / 33").
    fn scores_rounded(&self) -> Option<String> {
        let skill = self.skill?;
        Some(match self.adequation {
            Some(adequation) => format!("{skill:.0} / {adequation:.0}"),
            None => format!("{skill:.0}"),
        })
    }

    /// One line for a terminal, every field from the server made harmless there:
    /// `2026-12-02 14:03  1003  Chiara Okafor  INVITED → SCORED  53.1 / 32.6`.
    pub fn line(&self) -> String {
        let scores = match (self.skill, self.adequation) {
            (Some(s), Some(a)) => format!("  {} / {}", i18n::decimal(s, 1), i18n::decimal(a, 1)),
            (Some(s), None) => format!("  {}", i18n::decimal(s, 1)),
            _ => String::new(),
        };
        format!(
            "{}  {}  {}  {} → {}{scores}",
            i18n::date_time(self.at),
            self.id,
            visible(&self.who()),
            visible(&self.from),
            visible(&self.to),
        )
    }
}

/// What a notification says, and what activating it opens.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub summary: String,
    /// Plain text; the sender escapes it for servers that read markup.
    pub body: String,
    pub opens: Opens,
}

/// Where a notification takes the recruiter when they click it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opens {
    /// The one applicant it names.
    Applicant(u64),
    /// The shortlist of the one opening all of them belong to.
    Shortlist(Option<u64>),
    /// The applicants, changed ones first.
    Applicants,
}

/// Names listed in a notification body before "and N more".
const NAMED: usize = 5;

/// The run's changes as one notification (`None` when there is nothing to say).
/// `only_finished` leaves out moves short of SCORED (started, moved a step).
pub fn notice(changes: &[Change], openings: &OpeningNames, only_finished: bool) -> Option<Notice> {
    let finished: Vec<&Change> = changes.iter().filter(|c| c.finished()).collect();
    let moved: Vec<&Change> = changes.iter().filter(|c| !c.finished()).collect();
    let mut told: Vec<&Change> = if only_finished {
        finished.clone()
    } else {
        changes.iter().collect()
    };
    // Finished first, then in the order they were invited (answers arrive in any order).
    told.sort_by_key(|c| (!c.finished(), c.id));
    if told.is_empty() {
        return None;
    }
    let mut openings_named: Vec<Option<u64>> = told.iter().map(|c| c.opening_id).collect();
    openings_named.sort_unstable();
    openings_named.dedup();
    let one_opening = match openings_named.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let summary = summary(
        &finished,
        &moved,
        only_finished,
        one_opening.flatten().map(|id| openings.label(Some(id))),
    );
    let mut lines: Vec<String> = told
        .iter()
        .take(NAMED)
        .map(|c| {
            let who = c.who();
            let opening = one_opening.is_none().then(|| openings.label(c.opening_id));
            match (c.finished().then(|| c.scores_rounded()), opening) {
                (Some(Some(scores)), None) => t!("notices-line-scores", who = who, scores = scores),
                (Some(Some(scores)), Some(opening)) => t!(
                    "notices-line-scores-in",
                    who = who,
                    scores = scores,
                    opening = opening
                ),
                (Some(None), None) => t!("notices-line-finished", who = who),
                (Some(None), Some(opening)) => {
                    t!("notices-line-finished-in", who = who, opening = opening)
                }
                (None, None) => t!("notices-line-now", who = who, status = status_words(&c.to)),
                (None, Some(opening)) => t!(
                    "notices-line-now-in",
                    who = who,
                    status = status_words(&c.to),
                    opening = opening
                ),
            }
        })
        .collect();
    if told.len() > NAMED {
        lines.push(t!("notices-more", count = told.len() - NAMED));
    }
    let opens = match (told.as_slice(), one_opening) {
        ([one], _) => Opens::Applicant(one.id),
        (_, Some(opening)) => Opens::Shortlist(opening),
        _ => Opens::Applicants,
    };
    Some(Notice {
        summary,
        body: lines.join("\n"),
        opens,
    })
}

/// The notification's title: who finished or moved on, and in which opening when all did in
/// one.
fn summary(
    finished: &[&Change],
    moved: &[&Change],
    only_finished: bool,
    opening: Option<String>,
) -> String {
    let moved_count = if only_finished { 0 } else { moved.len() };
    match (finished.len(), moved_count, opening) {
        (1, 0, None) => t!("notices-finished-one", who = finished[0].who()),
        (1, 0, Some(o)) => t!(
            "notices-finished-one-in",
            who = finished[0].who(),
            opening = o
        ),
        (n, 0, None) => t!("notices-finished", count = n),
        (n, 0, Some(o)) => t!("notices-finished-in", count = n, opening = o),
        (0, 1, None) => t!("notices-moved-one", who = moved[0].who()),
        (0, 1, Some(o)) => t!("notices-moved-one-in", who = moved[0].who(), opening = o),
        (0, m, None) => t!("notices-moved", count = m),
        (0, m, Some(o)) => t!("notices-moved-in", count = m, opening = o),
        (n, m, None) => t!("notices-finished-moved", finished = n, moved = m),
        (n, m, Some(o)) => t!(
            "notices-finished-moved-in",
            finished = n,
            moved = m,
            opening = o
        ),
    }
}

/// A status as a recruiter says it.
pub fn status_words(status: &str) -> String {
    match status {
        "INVITED" => t!("notices-status-invited"), // not for people: the API's status
        "STARTED" => t!("notices-status-started"), // not for people: the API's status
        "COMPLETED" => t!("notices-status-completed"), // not for people: the API's status
        "SCORED" => t!("notices-status-scored"),   // not for people: the API's status
        other => other.to_lowercase().replace('_', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::openings::Opening;

    fn change(id: u64, name: &str, opening: u64, to: &str) -> Change {
        Change {
            id,
            name: name.into(),
            opening_id: Some(opening),
            from: "INVITED".into(),
            to: to.into(),
            skill: (to == "SCORED").then_some(53.1),
            adequation: (to == "SCORED").then_some(32.6),
            at: Utc::now(),
        }
    }

    fn names() -> OpeningNames {
        OpeningNames::new(&[Opening {
            id: 45,
            name: "backend".into(),
            title: Some("Backend Developer".into()),
            skill_weight: 0.5,
            named_by_hand: true,
        }])
    }

    #[test]
    fn one_finished_candidate_is_named_and_opens_their_card() {
        let n = notice(
            &[change(1003, "Chiara Okafor", 45, "SCORED")],
            &names(),
            false,
        )
        .unwrap();
        assert_eq!(
            n.summary,
            "Chiara Okafor finished the test — Backend Developer"
        );
        assert_eq!(n.body, "Chiara Okafor: skill / fit 53 / 33");
        assert_eq!(n.opens, Opens::Applicant(1003));
    }

    #[test]
    fn several_openings_name_each_and_open_the_applicants() {
        let changes = [
            change(1, "Ada Lee", 45, "SCORED"),
            change(2, "", 46, "STARTED"),
        ];
        let n = notice(&changes, &names(), false).unwrap();
        assert_eq!(n.summary, "1 finished, 1 moved on");
        assert_eq!(
            n.body,
            "Ada Lee: skill / fit 53 / 33 (Backend Developer)\nApplicant 2: now taking the test (opening 46)"
        );
        assert_eq!(n.opens, Opens::Applicants);
        // Only finished: the one who started is not news.
        let n = notice(&changes, &names(), true).unwrap();
        assert_eq!(n.summary, "Ada Lee finished the test — Backend Developer");
        assert!(notice(&changes[1..], &names(), true).is_none());
    }

    #[test]
    fn many_are_counted_after_five_and_open_the_shortlist() {
        let changes: Vec<Change> = (1..=7)
            .map(|i| change(i, &format!("Candidate {i}"), 45, "SCORED"))
            .collect();
        let n = notice(&changes, &names(), false).unwrap();
        assert_eq!(
            n.summary,
            "7 candidates finished the test — Backend Developer"
        );
        assert_eq!(n.body.lines().count(), 6);
        assert!(n.body.ends_with("and 2 more"));
        assert_eq!(n.opens, Opens::Shortlist(Some(45)));
    }

    #[test]
    fn a_change_uses_the_given_names_never_the_email() {
        let a: Applicant = serde_json::from_str(
            r#"{"id": 9, "email": "who@example.com", "status": "SCORED", "opening_id": 45}"#,
        )
        .unwrap();
        let c = Change::of(&a, "COMPLETED", Utc::now()).unwrap();
        assert_eq!(c.who(), "Applicant 9");
        assert!(
            Change::of(&a, "SCORED", Utc::now()).is_none(),
            "no move, no news"
        );
        let line = Change {
            name: "Eve\u{1b}[2J".into(),
            ..c
        }
        .line();
        assert!(!line.contains('\u{1b}'), "{line:?}");
        assert!(
            line.ends_with("  9  Eve\\u{1b}[2J  COMPLETED → SCORED"),
            "{line}"
        );
    }
}
