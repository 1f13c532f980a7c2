//! What the recruiter decides of an applicant, from the window: notes, tags, a rating, a
//! decision, and forgetting them. One piece of work at a time; when it lands, the table and
//! the card are read again.

use super::{Problem, Slot, Work};
use crate::jobs::assess::{self, Decision};
use crate::jobs::record::Record;
use crate::t;

/// A change the recruiter asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Assessment {
    Note(String),
    Tags(Vec<String>),
    Untag(String),
    Rate(Option<u8>),
    Decide(Decision),
    Forget,
}

#[derive(Default)]
pub struct AssessState {
    side: Slot<Result<(u64, String), Problem>>,
    tags: Slot<Result<Vec<String>, Problem>>,
    known_tags: Vec<String>,
    tags_for: Option<String>,
    /// The applicant whose record changed, for the app to read again.
    landed: Option<u64>,
    forgotten: Option<u64>,
    /// Every applicant forgotten in this session, so nothing keeps showing them.
    all_forgotten: Vec<u64>,
    message: Option<(bool, Problem)>,
}

impl AssessState {
    /// Every tag the profile used, for completion.
    pub fn known_tags(&self) -> &[String] {
        &self.known_tags
    }

    pub fn forgotten(&self) -> &[u64] {
        &self.all_forgotten
    }

    pub fn message(&self) -> Option<&(bool, Problem)> {
        self.message.as_ref()
    }

    pub fn in_flight(&self) -> usize {
        usize::from(self.side.is_running())
    }

    pub fn assess(&mut self, work: &Work, record: Option<&Record>, id: u64, change: Assessment) {
        let Some(record) = record.cloned() else {
            return;
        };
        self.forgotten = (change == Assessment::Forget).then_some(id);
        self.side.start(work, async move {
            let said = match change {
                Assessment::Note(text) => assess::add_note(&record, id, text).await.map(|added| {
                    if added {
                        t!("applicant-note-kept")
                    } else {
                        t!("applicant-note-empty")
                    }
                }),
                Assessment::Tags(tags) => assess::tag(&record, id, tags)
                    .await
                    .map(|()| t!("applicant-tag-added")),
                Assessment::Untag(tag) => assess::untag(&record, id, tag)
                    .await
                    .map(|()| t!("applicant-tag-removed")),
                Assessment::Rate(rating) => {
                    assess::rate(&record, id, rating)
                        .await
                        .map(|()| match rating {
                            Some(r) => t!("applicant-rated", rating = r),
                            None => t!("applicant-rating-cleared"),
                        })
                }
                Assessment::Decide(decision) => assess::decide(&record, id, decision)
                    .await
                    .map(|()| t!("applicant-decided", decision = decision.label())),
                Assessment::Forget => assess::forget(&record, id)
                    .await
                    .map(|_| t!("applicant-forgotten", id = id.to_string())),
            };
            said.map(|text| (id, text)).map_err(|e| Problem::record(&e))
        });
    }

    /// The applicant whose record changed since the last call.
    pub fn take_landed(&mut self) -> Option<(u64, bool)> {
        let id = self.landed.take()?;
        let forgotten = self.forgotten.take_if(|f| *f == id).is_some();
        if forgotten {
            self.all_forgotten.push(id);
        }
        Some((id, forgotten))
    }

    pub fn poll(&mut self, work: &Work, record: Option<&Record>) {
        if self.side.poll() {
            match self.side.take_answer() {
                Some(Ok(Ok((id, text)))) => {
                    self.message = Some((false, text.into()));
                    self.landed = Some(id);
                    self.tags_for = None;
                }
                Some(Ok(Err(e))) => self.message = Some((true, e)),
                Some(Err(e)) => self.message = Some((true, e.to_string().into())),
                None => {}
            }
        }
        if self.tags.poll()
            && let Some(Ok(Ok(tags))) = self.tags.take_answer()
        {
            self.known_tags = tags;
        }
        if let Some(record) = record
            && self.tags_for.as_deref() != Some(record.profile())
            && !self.tags.is_running()
        {
            self.tags_for = Some(record.profile().to_owned());
            let record = record.clone();
            self.tags.start(work, async move {
                assess::all_tags(&record)
                    .await
                    .map_err(|e| Problem::record(&e))
            });
        }
    }
}
