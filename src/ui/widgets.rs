//! Small widgets shared by the views, and the applicant card.

use chrono::{DateTime, Local, Utc};
use egui::{Align, Color32, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::theme;
use crate::api::{Applicant, CaseAnswer, QuizzAnswer, Score, Status};

/// The step the vendor's process ends on (the reference's SCORED example is at step 6).
const LAST_STEP: u32 = 6;

pub fn error_message(ui: &mut Ui, text: &str) {
    let dark = ui.visuals().dark_mode;
    ui.label(RichText::new(format!("⚠ {text}")).color(theme::error_colour(dark)));
}

pub fn warning_message(ui: &mut Ui, text: &str) {
    let dark = ui.visuals().dark_mode;
    ui.label(RichText::new(format!("⚠ {text}")).color(theme::warning_colour(dark)));
}

pub fn success_message(ui: &mut Ui, text: &str) {
    let dark = ui.visuals().dark_mode;
    ui.label(RichText::new(format!("✔ {text}")).color(theme::success_colour(dark)));
}

/// A left-aligned label in a column of fixed width, so form fields line up.
pub fn fixed_label(ui: &mut Ui, text: &str, width: f32) -> egui::Response {
    ui.allocate_ui_with_layout(
        egui::vec2(width, theme::ROW_HEIGHT),
        Layout::left_to_right(Align::Center),
        |ui| {
            ui.set_min_width(width);
            ui.label(text)
        },
    )
    .inner
}

/// The id of the form field with this label, so a shortcut can focus it.
pub fn field_id(label: &str) -> egui::Id {
    egui::Id::unique(("form-field", label))
}

/// A label and a single-line text field named by it (so screen readers and tests find it).
pub fn labelled_text_edit(
    ui: &mut Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    password: bool,
) -> egui::Response {
    let label_text = label;
    ui.horizontal(|ui| {
        let label = fixed_label(ui, label, theme::FORM_LABEL_WIDTH);
        ui.add(
            egui::TextEdit::singleline(value)
                .id(field_id(label_text))
                .hint_text(hint)
                .password(password)
                .desired_width(320.0),
        )
        .labelled_by(label.id)
    })
    .inner
}

pub fn status_badge(ui: &mut Ui, status: &Status) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    egui::Frame::new()
        .fill(theme::status_colour(status, dark))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(
                RichText::new(status.as_str())
                    .color(Color32::WHITE)
                    .strong(),
            )
        })
        .inner
        .on_hover_text(format!("Status: {status}"))
}

pub fn copy_button(ui: &mut Ui, what: &str, text: &str) {
    if ui
        .small_button("Copy")
        .on_hover_text(format!("Copy the {what}"))
        .clicked()
    {
        ui.ctx().copy_text(text.to_owned());
    }
}

/// A score on 0–100 as a bar with the server's exact text, or "not scored yet".
pub fn score_bar(ui: &mut Ui, label: &str, score: Option<&Score>) {
    ui.horizontal(|ui| {
        fixed_label(ui, label, theme::FORM_LABEL_WIDTH + 30.0);
        match score {
            None => {
                ui.label(RichText::new("not scored yet").italics());
            }
            Some(score) => match score.value() {
                Some(value) => {
                    let fraction = (value / 100.0).clamp(0.0, 1.0) as f32;
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .desired_width(240.0)
                            .fill(theme::score_colour(value))
                            .text(RichText::new(score.text()).color(Color32::WHITE)),
                    )
                    .on_hover_text(format!("{label}: {} out of 100", score.text()));
                }
                None => {
                    ui.label(score.text());
                }
            },
        }
    });
}

/// "2026-11-25 14:03 (3 days ago)" in the local time zone.
pub fn local_time(when: DateTime<Utc>) -> String {
    let local = when.with_timezone(&Local);
    format!(
        "{} ({})",
        local.format("%Y-%m-%d %H:%M"),
        relative(Utc::now(), when)
    )
}

pub fn relative(now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let secs = (now - then).num_seconds();
    let (future, secs) = (secs < 0, secs.unsigned_abs());
    let text = match secs {
        0..=59 => return "just now".into(),
        60..=3599 => plural(secs / 60, "minute"),
        3600..=86_399 => plural(secs / 3600, "hour"),
        86_400..=2_591_999 => plural(secs / 86_400, "day"),
        2_592_000..=31_535_999 => plural(secs / 2_592_000, "month"),
        _ => plural(secs / 31_536_000, "year"),
    };
    if future {
        format!("in {text}")
    } else {
        format!("{text} ago")
    }
}

fn plural(n: u64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

fn opt_time(when: Option<DateTime<Utc>>) -> String {
    when.map_or_else(|| "—".to_owned(), local_time)
}

fn short_time(when: Option<DateTime<Utc>>) -> String {
    when.map_or_else(
        || "—".to_owned(),
        |w| {
            w.with_timezone(&Local)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        },
    )
}

fn score_text(score: Option<&Score>) -> String {
    score.map_or_else(|| "—".to_owned(), |s| s.text().to_owned())
}

pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..=1023 => format!("{bytes} B"),
        1024..=1_048_575 => format!("{:.1} KiB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MiB", bytes as f64 / 1_048_576.0),
    }
}

/// What the card needs besides the applicant: where the vendor's files live.
pub struct CardContext<'a> {
    /// The site the `cv`/`audio_introduction` paths are relative to, e.g. `https://www.rickrut.com`.
    pub site: &'a str,
}

/// The applicant card, shared by every view that shows one applicant.
pub fn applicant_card(ui: &mut Ui, applicant: &Applicant, context: &CardContext<'_>) {
    ui.horizontal(|ui| {
        ui.heading(applicant.display_name());
        status_badge(ui, &applicant.status);
    });
    ui.label(&applicant.email);
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
                    ui.monospace(code);
                    copy_button(ui, "code", code);
                }
                None => {
                    ui.label("—");
                }
            });
            ui.end_row();
            fact(
                ui,
                "Opening ID",
                &applicant
                    .opening_id
                    .map_or_else(|| "—".to_owned(), |o| o.to_string()),
            );
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
        ui.label(text);
    }

    ui.add_space(theme::SECTION_SPACE);
    ui.label(RichText::new("Scores").strong());
    score_bar(ui, "Skill score", applicant.skill_score.as_ref());
    score_bar(ui, "Adequation score", applicant.adequation_score.as_ref());
    score_bar(ui, "Recruiter score", applicant.recruiter_score.as_ref());

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

fn fact(ui: &mut Ui, label: &str, value: &str) {
    ui.label(label);
    ui.label(value);
    ui.end_row();
}

fn file_link(ui: &mut Ui, what: &str, path: Option<&str>, context: &CardContext<'_>) {
    match path {
        Some(path) => {
            let url = if path.starts_with("http://") || path.starts_with("https://") {
                path.to_owned()
            } else {
                format!("{}{}", context.site.trim_end_matches('/'), path)
            };
            ui.hyperlink_to(format!("Open {what}"), url);
        }
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
            for title in ["#", "Quizz", "Option", "Final score", "Answered at"] {
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
                "Case",
                "Final score",
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
                    ui.label(audio);
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
                    ui.label(generic_fields(a));
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
    use chrono::TimeZone;

    #[test]
    fn relative_times_read_naturally() {
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
        let at = |d, h, m| Utc.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap();
        assert_eq!(relative(now, at(28, 12, 0)), "just now");
        assert_eq!(relative(now, at(28, 11, 59)), "1 minute ago");
        assert_eq!(relative(now, at(28, 9, 0)), "3 hours ago");
        assert_eq!(relative(now, at(25, 12, 0)), "3 days ago");
        assert_eq!(relative(now, at(29, 12, 0)), "in 1 day");
    }

    #[test]
    fn generic_poll_fields() {
        let v = serde_json::json!({"question": "Remote?", "value": true});
        assert_eq!(generic_fields(&v), "question: Remote? · value: true");
        assert_eq!(human_size(7313), "7.1 KiB");
    }
}
