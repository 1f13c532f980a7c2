//! The answer tables of the applicant card: quizz, case and poll answers.

use egui::{Align, Layout, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use super::theme;
use super::widgets::{human_size, score_text, short_time};
use crate::api::{CaseAnswer, QuizzAnswer};
use crate::boundary::terminal::visible;
use crate::t;

const TABLE_HEIGHT: f32 = 260.0;

fn empty_note(ui: &mut Ui, said: String) {
    ui.label(RichText::new(said).italics());
}

pub fn quizz_table(ui: &mut Ui, applicant: u64, answers: &[QuizzAnswer]) {
    if answers.is_empty() {
        return empty_note(ui, t!("applicant-no-quizz-answers"));
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
            headings(
                &mut h,
                [
                    "#".to_owned(),
                    t!("applicant-column-quizz-id"),
                    t!("applicant-column-option-id"),
                    t!("applicant-column-score"),
                    t!("applicant-column-answered-at"),
                ],
            );
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

pub fn case_table(ui: &mut Ui, applicant: u64, answers: &[CaseAnswer]) {
    if answers.is_empty() {
        return empty_note(ui, t!("applicant-no-case-answers"));
    }
    let dark = ui.visuals().dark_mode;
    TableBuilder::new(ui)
        .id_salt(("case-table", applicant))
        .striped(true)
        .max_scroll_height(TABLE_HEIGHT)
        .cell_layout(Layout::left_to_right(Align::Center))
        .column(Column::auto().at_least(28.0))
        .column(Column::auto().at_least(50.0))
        .column(Column::auto().at_least(80.0))
        .column(Column::auto().at_least(60.0))
        // The file's name takes what is left, cut (its hover shows it whole), so the table
        // fits beside the side panel at 800 px.
        .column(Column::remainder().at_least(100.0).clip(true))
        .column(Column::auto().at_least(70.0))
        .column(Column::auto().at_least(110.0))
        .header(theme::ROW_HEIGHT, |mut h| {
            headings(
                &mut h,
                [
                    "#".to_owned(),
                    t!("applicant-column-case-id"),
                    t!("applicant-column-score"),
                    t!("applicant-column-duration"),
                    t!("applicant-column-audio-file"),
                    t!("applicant-column-check"),
                    t!("applicant-column-answered-at"),
                ],
            );
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
                    let seconds = |d: u64| t!("applicant-duration-seconds", seconds = d);
                    ui.label(a.duration.map_or_else(|| "—".into(), seconds));
                });
                row.col(|ui| {
                    let audio = match (&a.audio_file_file_name, &a.audio_file_content_type) {
                        (Some(name), kind) => {
                            let kind = kind.clone().unwrap_or_else(|| t!("applicant-unknown-type"));
                            match a.audio_file_file_size {
                                Some(s) => t!(
                                    "applicant-audio-file-size",
                                    name = name.as_str(),
                                    kind = kind,
                                    size = human_size(s)
                                ),
                                None => {
                                    t!("applicant-audio-file", name = name.as_str(), kind = kind)
                                }
                            }
                        }
                        (None, _) => a.value.clone().unwrap_or_else(|| "—".into()),
                    };
                    // Cut to the column with "…"; the hover shows it whole.
                    ui.add(egui::Label::new(visible(&audio)).truncate());
                });
                row.col(|ui| {
                    if a.gibberish == Some(true) {
                        let flag = RichText::new(t!("applicant-gibberish"));
                        ui.label(flag.color(theme::warning_colour(dark)))
                            .on_hover_text(t!("applicant-gibberish-hint"));
                    } else {
                        ui.label(t!("applicant-check-ok"));
                    }
                });
                row.col(|ui| {
                    ui.label(short_time(a.created_at));
                });
            });
        });
}

pub fn poll_table(ui: &mut Ui, applicant: u64, answers: &[serde_json::Value]) {
    if answers.is_empty() {
        return empty_note(ui, t!("applicant-no-poll-answers"));
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
                ui.strong(t!("applicant-column-answer"));
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

/// A table's column titles.
fn headings(h: &mut egui_extras::TableRow<'_, '_>, titles: impl IntoIterator<Item = String>) {
    for title in titles {
        h.col(|ui| {
            ui.strong(title);
        });
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
