//! Finding an applicant by what the recruiter remembers: a name or an email is searched
//! among the tracked applicants as it is typed (an ID still goes to the server), and the
//! applicants looked up recently stay one click away.

use egui::{RichText, Ui};

use super::command::{Command, Commands};
use super::state::AppState;
use crate::api::ApplicantId;
use crate::jobs::sort::{contains_folded, in_parts};
use crate::t;

/// Matches shown at most.
const SHOWN: usize = 8;
/// Recent look-ups kept.
const RECENT: usize = 6;

#[derive(Default)]
pub struct Finder {
    /// What the matches were found for (searched again only when it changes).
    searched: String,
    /// The rows searched (a refresh or a forget brings new ones).
    generation: u64,
    matches: Vec<(u64, String, String)>,
    more: usize,
    recent: Vec<(u64, String)>,
    /// Look-up answers already seen, to add the newest to the recent ones once.
    answers_seen: u64,
}

/// Whether the text is meant as an ID (digits only) rather than a name or an email.
pub fn is_id(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

impl Finder {
    /// The tracked applicants whose name or email holds `typed`, searched once per change.
    pub fn search(&mut self, state: &AppState, typed: &str) {
        let needle = typed.trim().to_lowercase();
        let generation = state.applicants.generation();
        if needle == self.searched && generation == self.generation {
            return;
        }
        self.searched.clone_from(&needle);
        self.generation = generation;
        self.matches.clear();
        self.more = 0;
        if needle.chars().count() < 2 || is_id(&needle) {
            return;
        }
        // On every core: with a million tracked, one core would take most of a frame. Each
        // part keeps its first matches and counts the rest.
        let rows = state.applicants.rows();
        let parts = in_parts(rows.len(), |part| {
            let mut first = Vec::new();
            let mut count = 0usize;
            for i in part {
                if contains_folded(&rows[i].name, &needle)
                    || contains_folded(&rows[i].email, &needle)
                {
                    if first.len() < SHOWN {
                        first.push(i);
                    }
                    count += 1;
                }
            }
            (first, count)
        });
        let total: usize = parts.iter().map(|(_, count)| count).sum();
        for r in parts
            .iter()
            .flat_map(|(first, _)| first)
            .take(SHOWN)
            .map(|&i| &rows[i])
        {
            self.matches
                .push((r.id, r.name.to_string(), r.email.to_string()));
        }
        self.more = total - self.matches.len();
    }

    /// The one applicant a name or an email found, for Enter.
    pub fn only_match(&self) -> Option<u64> {
        match self.matches.as_slice() {
            [(id, ..)] if self.more == 0 => Some(*id),
            _ => None,
        }
    }

    pub fn has_searched(&self) -> bool {
        !self.searched.is_empty() && !is_id(&self.searched)
    }

    /// Whether the name or email typed found anyone.
    pub fn found_any(&self) -> bool {
        self.has_searched() && !self.matches.is_empty()
    }

    /// Keeps the applicant the last look-up showed among the recent ones.
    pub fn follow(&mut self, state: &AppState) {
        let answers = state.lookup.answers();
        if answers == self.answers_seen {
            return;
        }
        self.answers_seen = answers;
        if let Some(a) = state.lookup.shown() {
            self.recent.retain(|(id, _)| *id != a.id);
            self.recent.insert(0, (a.id, a.display_name()));
            self.recent.truncate(RECENT);
        }
    }

    /// The matches under the field; a click looks one up.
    pub fn matches_ui(&self, ui: &mut Ui, commands: &mut Commands) {
        if !self.has_searched() {
            return;
        }
        if self.matches.is_empty() {
            ui.label(RichText::new(t!("applicant-find-none")).italics());
            return;
        }
        for (id, name, email) in &self.matches {
            let text = format!(
                "{} · {} · {id}",
                crate::boundary::terminal::visible(name),
                crate::boundary::terminal::visible(email)
            );
            if ui
                .button(text)
                .on_hover_text(t!("applicant-find-hint"))
                .clicked()
                && let Ok(id) = ApplicantId::new(*id)
            {
                commands.push(Command::LookUp(id));
            }
        }
        if self.more > 0 {
            ui.label(RichText::new(t!("applicant-find-more", count = self.more)).weak());
        }
    }

    /// The applicants looked up recently, one click away (never one forgotten since).
    pub fn recent_ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let forgotten = state.assess.forgotten();
        self.recent.retain(|(id, _)| !forgotten.contains(id));
        if self.recent.len() < 2 {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(t!("applicant-recent")).weak());
            for (id, name) in self.recent.iter().skip(1) {
                if ui
                    .small_button(crate::boundary::terminal::visible(name))
                    .on_hover_text(t!("applicant-recent-hint", id = id.to_string()))
                    .clicked()
                    && let Ok(id) = ApplicantId::new(*id)
                {
                    commands.push(Command::LookUp(id));
                }
            }
        });
    }
}
