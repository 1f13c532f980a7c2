//! The Applicants view's second row of filters: one opening, one tag, one decision, and what
//! decides between rows the sort finds equal.

use egui::Ui;

use super::super::command::{Command, Commands};
use super::super::state::AppState;
use super::super::state::applicants::{SortKey, ViewOptions};
use crate::boundary::terminal::visible;
use crate::jobs::assess::Decision;
use crate::t;

pub fn filters_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let data = &state.applicants;
    let mut options: ViewOptions = data.options().clone();
    let names = state.openings.names();
    ui.horizontal_wrapped(|ui| {
        let opening_text = match options.opening {
            None => t!("applicants-any-opening"),
            Some(id) => visible(&names.label(id)).into_owned(),
        };
        egui::ComboBox::from_label(t!("applicants-filter-opening"))
            .selected_text(opening_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut options.opening, None, t!("applicants-any-opening"));
                for s in state.openings.summaries().iter().filter(|s| s.tracked > 0) {
                    ui.selectable_value(&mut options.opening, Some(s.id), visible(&s.label));
                }
            });
        let tags = state.assess.known_tags();
        if !tags.is_empty() || options.tag.is_some() {
            let any_tag = t!("applicants-any-tag");
            egui::ComboBox::from_label(t!("applicants-filter-tag"))
                .selected_text(visible(options.tag.as_deref().unwrap_or(&any_tag)))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut options.tag, None, any_tag.as_str());
                    for t in tags {
                        ui.selectable_value(&mut options.tag, Some(t.clone()), visible(t));
                    }
                });
        }
        let any_decision = t!("applicants-any-decision");
        egui::ComboBox::from_label(t!("applicants-filter-decision"))
            .selected_text(
                options
                    .decision
                    .map_or_else(|| any_decision.clone(), Decision::label),
            )
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut options.decision, None, any_decision.as_str());
                for d in Decision::ALL {
                    ui.selectable_value(&mut options.decision, Some(d), d.label());
                }
            });
        let days = state.settings.stale_after_days;
        let mut stale = options.stale_after.is_some();
        let stale_count: usize = state.openings.summaries().iter().map(|s| s.stale).sum();
        let text = if stale_count > 0 {
            t!("applicants-stale-count", days = days, count = stale_count)
        } else {
            t!("applicants-stale", days = days)
        };
        if ui
            .checkbox(&mut stale, text)
            .on_hover_text(t!("applicants-stale-hint"))
            .changed()
        {
            options.stale_after = stale.then_some(days);
        }
        if options.stale_after.is_some_and(|d| d != days) {
            options.stale_after = Some(days);
        }
        ui.separator();
        let then_text = options.then_by.map_or_else(
            || t!("applicants-then-by-nothing"),
            |(key, _)| then_by_name(key),
        );
        egui::ComboBox::from_label(t!("applicants-then-by"))
            .selected_text(then_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut options.then_by, None, t!("applicants-then-by-nothing"));
                for (key, _) in SortKey::SECOND {
                    let name = then_by_name(key);
                    // Scores and ratings best first; words in alphabetical order.
                    let ascending = matches!(key, SortKey::Name | SortKey::Status);
                    ui.selectable_value(&mut options.then_by, Some((key, ascending)), name);
                }
            })
            .response
            .on_hover_text(t!("applicants-then-by-hint"));
    });
    if &options != data.options() {
        commands.push(Command::ApplicantsOptions(options));
    }
}

/// What a second sort goes by, as the "Then by" menu names it (in lower case in English).
fn then_by_name(key: SortKey) -> String {
    match key {
        SortKey::Skill => t!("applicants-then-by-skill"),
        SortKey::Adequation => t!("applicants-then-by-adequation"),
        SortKey::Rating => t!("applicants-then-by-rating"),
        SortKey::Decision => t!("applicants-then-by-decision"),
        SortKey::Name => t!("applicants-then-by-name"),
        SortKey::Status => t!("applicants-then-by-status"),
        SortKey::Step => t!("applicants-then-by-step"),
        SortKey::Updated => t!("applicants-then-by-updated"),
        other => super::table::title(other),
    }
}
