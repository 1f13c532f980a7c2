//! The applicant card, shared by every view that shows one applicant: who they are, their
//! scores, their files, and their quizz, case and poll answers.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::theme;
use super::widgets::{
    self, copy_button, human_size, opt_time, score_bar, score_text, short_time, status_badge,
};
use crate::api::{Applicant, CaseAnswer, QuizzAnswer};
use crate::boundary::link;
use crate::boundary::terminal::{visible, visible_lines};

/// What each score measures, for the recruiter (the README says the same).
pub const SKILL_MEANS: &str =
    "Skill score, 0 to 100: how well the candidate answered the test's quizz and case questions.";
pub const ADEQUATION_MEANS: &str = "Adequation score, 0 to 100: how closely the candidate's answers fit what this opening asks for.";
pub const RECRUITER_MEANS: &str = "Recruiter score: the mark a recruiter gave in RickRut's own dashboard; 0 there means nobody rated yet. Your own rating is kept apart, under Your assessment.";

/// The step the vendor's process ends on (the reference's SCORED example is at step 6).
const LAST_STEP: u32 = 6;

/// What the card needs besides the applicant: where the vendor's files live.
pub struct CardContext<'a> {
    /// The site the `cv`/`audio_introduction` paths are relative to, e.g. `https://www.rickrut.com`.
    pub site: &'a str,
    /// The openings this profile knows, to show a name where the API gives an ID.
    pub openings: &'a crate::jobs::openings::OpeningNames,
}

/// The applicant card, shared by every view that shows one applicant.
pub fn applicant_card(ui: &mut Ui, applicant: &Applicant, context: &CardContext<'_>) {
    ui.horizontal(|ui| {
        ui.heading(visible(&applicant.display_name()));
        status_badge(ui, &applicant.status);
    });
    ui.label(visible(&applicant.email));
    if let Some(step) = applicant.step {
        let last = LAST_STEP.max(step);
        ui.add(
            egui::ProgressBar::new(step as f32 / last as f32)
                .desired_width(320.0)
                .text(format!("Step {step} of {last}")),
        );
    }
    ui.add_space(theme::SPACE);

    egui::Grid::new(("applicant-facts", applicant.id))
        .num_columns(2)
        .spacing([theme::SECTION_SPACE, 4.0])
        .show(ui, |ui| {
            fact(ui, "ID", &applicant.id.to_string());
            ui.label("Code");
            ui.horizontal(|ui| match &applicant.code {
                Some(code) => {
                    ui.monospace(visible(code));
                    copy_button(ui, "code", code);
                }
                None => {
                    ui.label("—");
                }
            });
            ui.end_row();
            ui.label("Opening");
            match applicant.opening_id {
                Some(id) => {
                    let shown = context.openings.label(Some(id));
                    ui.label(visible(&shown))
                        .on_hover_text(match context.openings.get(id) {
                            Some(o) => format!("Opening ID {id}, invited as {}", visible(&o.name)),
                            None => {
                                format!("Opening ID {id}; name it in Openings to see its name here")
                            }
                        });
                }
                None => {
                    ui.label("—");
                }
            }
            ui.end_row();
            fact(ui, "Source", applicant.source.as_deref().unwrap_or("—"));
            fact(ui, "Slug", applicant.slug.as_deref().unwrap_or("—"));
            fact(ui, "Created", &opt_time(applicant.created_at));
            fact(ui, "Updated", &opt_time(applicant.updated_at));
            fact(ui, "Finished", &opt_time(applicant.finished_at));
            ui.label("CV");
            file_link(ui, "CV", applicant.cv_path(), context);
            ui.end_row();
            ui.label("Audio introduction");
            file_link(
                ui,
                "audio introduction",
                applicant.audio_introduction_path(),
                context,
            );
            ui.end_row();
        });
    if let Some(text) = applicant
        .text_introduction
        .as_deref()
        .filter(|t| !t.is_empty())
    {
        ui.add_space(theme::SPACE);
        ui.label(RichText::new("Text introduction").strong());
        ui.label(visible_lines(text));
    }

    ui.add_space(theme::SECTION_SPACE);
    ui.label(RichText::new("Scores").strong());
    score_bar(ui, "Skill score", applicant.skill_score.as_ref()).on_hover_text(SKILL_MEANS);
    score_bar(ui, "Adequation score", applicant.adequation_score.as_ref())
        .on_hover_text(ADEQUATION_MEANS);
    let rated = applicant
        .recruiter_score
        .as_ref()
        .and_then(|s| s.value())
        .is_some_and(|v| v > 0.0);
    if rated {
        score_bar(ui, "Recruiter score", applicant.recruiter_score.as_ref())
    } else {
        ui.horizontal(|ui| {
            widgets::fixed_label(ui, "Recruiter score", theme::FORM_LABEL_WIDTH + 30.0);
            ui.label(RichText::new("not rated").italics());
        })
        .response
    }
    .on_hover_text(RECRUITER_MEANS);

    ui.add_space(theme::SECTION_SPACE);
    egui::CollapsingHeader::new(format!("Quizz answers ({})", applicant.quizz_answers.len()))
        .id_salt(("quizz", applicant.id))
        .default_open(true)
        .show(ui, |ui| {
            quizz_table(ui, applicant.id, &applicant.quizz_answers)
        });
    let gibberish = applicant
        .case_answers
        .iter()
        .filter(|c| c.gibberish == Some(true))
        .count();
    let case_title = if gibberish > 0 {
        format!(
            "Case answers ({}, {gibberish} flagged gibberish)",
            applicant.case_answers.len()
        )
    } else {
        format!("Case answers ({})", applicant.case_answers.len())
    };
    egui::CollapsingHeader::new(case_title)
        .id_salt(("case", applicant.id))
        .default_open(true)
        .show(ui, |ui| {
            case_table(ui, applicant.id, &applicant.case_answers)
        });
    egui::CollapsingHeader::new(format!("Poll answers ({})", applicant.poll_answers.len()))
        .id_salt(("poll", applicant.id))
        .default_open(!applicant.poll_answers.is_empty())
        .show(ui, |ui| {
            poll_table(ui, applicant.id, &applicant.poll_answers)
        });
}

/// A label and a value the server sent (shown through `visible`).
fn fact(ui: &mut Ui, label: &str, value: &str) {
    ui.label(label);
    ui.label(visible(value));
    ui.end_row();
}

/// A link to a file on the vendor's site, only when the path stays a path on the profile's
/// own site; anything else is shown as text, never opened.
fn file_link(ui: &mut Ui, what: &str, path: Option<&str>, context: &CardContext<'_>) {
    match path {
        Some(path) => match link::file_url(context.site, path) {
            Ok(url) => {
                ui.hyperlink_to(format!("Open {what}"), url.as_str());
            }
            Err(why) => {
                ui.horizontal(|ui| {
                    let dark = ui.visuals().dark_mode;
                    ui.label(RichText::new("link withheld").color(theme::warning_colour(dark)))
                        .on_hover_text(format!(
                            "The server gave this {what} as {}, and {why}: it is not opened.",
                            visible(path)
                        ));
                    ui.label(RichText::new(visible(path)).weak().small());
                });
            }
        },
        None => {
            ui.label(RichText::new("not uploaded").italics());
        }
    }
}

const TABLE_HEIGHT: f32 = 260.0;

fn empty_note(ui: &mut Ui, what: &str) {
    ui.label(RichText::new(format!("No {what} yet.")).italics());
}

fn quizz_table(ui: &mut Ui, applicant: u64, answers: &[QuizzAnswer]) {
    if answers.is_empty() {
        return empty_note(ui, "quizz answers");
    }
    TableBuilder::new(ui)
        .id_salt(("quizz-table", applicant))
        .striped(true)
        .max_scroll_height(TABLE_HEIGHT)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::auto().at_least(40.0))
        .column(Column::auto().at_least(60.0))
        .column(Column::auto().at_least(60.0))
        .column(Column::auto().at_least(80.0))
        .column(Column::remainder().at_least(140.0))
        .header(theme::ROW_HEIGHT, |mut h| {
            for title in [
                "#",
                "Quizz ID",
                "Option ID",
                "Score (of 100)",
                "Answered at",
            ] {
                h.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, answers.len(), |mut row| {
                let a = &answers[row.index()];
                let n = row.index() + 1;
                row.col(|ui| {
                    ui.label(n.to_string());
                });
                row.col(|ui| {
                    ui.label(a.quizz_id.map_or_else(|| "—".into(), |v| v.to_string()));
                });
                row.col(|ui| {
                    ui.label(
                        a.quizz_option_id
                            .map_or_else(|| "—".into(), |v| v.to_string()),
                    );
                });
                row.col(|ui| {
                    ui.label(score_text(a.final_score.as_ref()));
                });
                row.col(|ui| {
                    ui.label(short_time(a.created_at));
                });
            });
        });
}

fn case_table(ui: &mut Ui, applicant: u64, answers: &[CaseAnswer]) {
    if answers.is_empty() {
        return empty_note(ui, "case answers");
    }
    let dark = ui.visuals().dark_mode;
    TableBuilder::new(ui)
        .id_salt(("case-table", applicant))
        .striped(true)
        .max_scroll_height(TABLE_HEIGHT)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::auto().at_least(40.0))
        .column(Column::auto().at_least(50.0))
        .column(Column::auto().at_least(80.0))
        .column(Column::auto().at_least(60.0))
        .column(Column::auto().at_least(220.0).clip(true))
        .column(Column::auto().at_least(110.0))
        .column(Column::remainder().at_least(140.0))
        .header(theme::ROW_HEIGHT, |mut h| {
            for title in [
                "#",
                "Case ID",
                "Score (of 100)",
                "Duration",
                "Audio file",
                "Check",
                "Answered at",
            ] {
                h.col(|ui| {
                    ui.strong(title);
                });
            }
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, answers.len(), |mut row| {
                let a = &answers[row.index()];
                let n = row.index() + 1;
                row.col(|ui| {
                    ui.label(n.to_string());
                });
                row.col(|ui| {
                    ui.label(
                        a.opening_case_id
                            .map_or_else(|| "—".into(), |v| v.to_string()),
                    );
                });
                row.col(|ui| {
                    ui.label(score_text(a.final_score.as_ref()));
                });
                row.col(|ui| {
                    ui.label(a.duration.map_or_else(|| "—".into(), |d| format!("{d} s")));
                });
                row.col(|ui| {
                    let audio = match (&a.audio_file_file_name, &a.audio_file_content_type) {
                        (Some(name), kind) => format!(
                            "{name} ({}{})",
                            kind.as_deref().unwrap_or("unknown type"),
                            a.audio_file_file_size
                                .map_or_else(String::new, |s| format!(", {}", human_size(s)))
                        ),
                        (None, _) => a.value.clone().unwrap_or_else(|| "—".into()),
                    };
                    ui.label(visible(&audio));
                });
                row.col(|ui| {
                    if a.gibberish == Some(true) {
                        ui.label(RichText::new("⚠ gibberish").color(theme::warning_colour(dark)))
                            .on_hover_text("The vendor flagged this recording as gibberish");
                    } else {
                        ui.label("ok");
                    }
                });
                row.col(|ui| {
                    ui.label(short_time(a.created_at));
                });
            });
        });
}

fn poll_table(ui: &mut Ui, applicant: u64, answers: &[serde_json::Value]) {
    if answers.is_empty() {
        return empty_note(ui, "poll answers");
    }
    TableBuilder::new(ui)
        .id_salt(("poll-table", applicant))
        .striped(true)
        .max_scroll_height(TABLE_HEIGHT)
        .column(Column::auto().at_least(40.0))
        .column(Column::remainder().at_least(300.0).clip(true))
        .header(theme::ROW_HEIGHT, |mut h| {
            h.col(|ui| {
                ui.strong("#");
            });
            h.col(|ui| {
                ui.strong("Answer");
            });
        })
        .body(|body| {
            body.rows(theme::ROW_HEIGHT, answers.len(), |mut row| {
                let a = &answers[row.index()];
                let n = row.index() + 1;
                row.col(|ui| {
                    ui.label(n.to_string());
                });
                row.col(|ui| {
                    ui.label(visible(&generic_fields(a)));
                });
            });
        });
}

/// "question_id: 4 · value: Yes" for an answer of unknown shape.
fn generic_fields(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| match v {
                serde_json::Value::String(s) => format!("{k}: {s}"),
                other => format!("{k}: {other}"),
            })
            .collect::<Vec<_>>()
            .join(" · "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_poll_fields() {
        let v = serde_json::json!({"question": "Remote?", "value": true});
        assert_eq!(generic_fields(&v), "question: Remote? · value: true");
        assert_eq!(human_size(7313), "7.1 KiB");
    }
}
