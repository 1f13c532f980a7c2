//! The Applicants view's second row of filters: one opening, one tag, one decision, and what
//! decides between rows the sort finds equal.

use egui::Ui;

use super::super::command::{Command, Commands};
use super::super::state::AppState;
use super::super::state::applicants::{SortKey, ViewOptions};
use crate::boundary::terminal::visible;
use crate::jobs::assess::Decision;

pub fn filters_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let data = &state.applicants;
    let mut options: ViewOptions = data.options().clone();
    let names = state.openings.names();
    ui.horizontal_wrapped(|ui| {
        let opening_text = match options.opening {
            None => "Any opening".to_owned(),
            Some(id) => visible(&names.label(id)).into_owned(),
        };
        egui::ComboBox::from_label("Opening")
            .selected_text(opening_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut options.opening, None, "Any opening");
                for s in state.openings.summaries().iter().filter(|s| s.tracked > 0) {
                    ui.selectable_value(&mut options.opening, Some(s.id), visible(&s.label));
                }
            });
        let tags = state.assess.known_tags();
        if !tags.is_empty() || options.tag.is_some() {
            egui::ComboBox::from_label("Tag")
                .selected_text(visible(options.tag.as_deref().unwrap_or("Any tag")))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut options.tag, None, "Any tag");
                    for t in tags {
                        ui.selectable_value(&mut options.tag, Some(t.clone()), visible(t));
                    }
                });
        }
        egui::ComboBox::from_label("Decision")
            .selected_text(options.decision.map_or_else(|| "Any decision".to_owned(), Decision::label))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut options.decision, None, "Any decision");
                for d in Decision::ALL {
                    ui.selectable_value(&mut options.decision, Some(d), d.label());
                }
            });
        let days = state.settings.stale_after_days;
        let mut stale = options.stale_after.is_some();
        let stale_count: usize = state.openings.summaries().iter().map(|s| s.stale).sum();
        let text = if stale_count > 0 {
            format!("Not started after {days} days ({stale_count})")
        } else {
            format!("Not started after {days} days")
        };
        if ui
            .checkbox(&mut stale, text)
            .on_hover_text(
                "Invited candidates who have not begun the test: select one to copy a reminder (the days are set in Settings)",
            )
            .changed()
        {
            options.stale_after = stale.then_some(days);
        }
        if options.stale_after.is_some_and(|d| d != days) {
            options.stale_after = Some(days);
        }
        ui.separator();
        let then_text = options
            .then_by
            .and_then(|(key, _)| SortKey::SECOND.iter().find(|(k, _)| *k == key))
            .map_or("nothing", |(_, name)| *name);
        egui::ComboBox::from_label("Then by")
            .selected_text(then_text)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut options.then_by, None, "nothing");
                for (key, name) in SortKey::SECOND {
                    // Scores and ratings best first; words in alphabetical order.
                    let ascending = matches!(key, SortKey::Name | SortKey::Status);
                    ui.selectable_value(&mut options.then_by, Some((key, ascending)), name);
                }
            })
            .response
            .on_hover_text("What decides between applicants the sort finds equal");
    });
    if &options != data.options() {
        commands.push(Command::ApplicantsOptions(options));
    }
}
