//! The applicant card, shared by every view that shows one applicant: who they are, their
//! scores, their files, and their quizz, case and poll answers.

use egui::{RichText, Ui};

use super::widgets::{self, copy_button, opt_time, score_bar, status_badge};
use super::{answers, theme};
use crate::api::Applicant;
use crate::boundary::link::{self, Withheld};
use crate::boundary::terminal::{visible, visible_lines};
use crate::t;

/// Which of the applicant's files a link is for.
#[derive(Clone, Copy)]
enum File {
    Cv,
    Audio,
}

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
        crate::ui::a11y::heading(ui, visible(&applicant.display_name()));
        status_badge(ui, &applicant.status);
    });
    ui.label(visible(&applicant.email));
    if let Some(step) = applicant.step {
        let last = LAST_STEP.max(step);
        ui.add(
            egui::ProgressBar::new(step as f32 / last as f32)
                .desired_width(320.0)
                .text(t!(
                    "applicant-step-of",
                    step = step.to_string(),
                    last = last.to_string()
                )),
        );
    }
    ui.add_space(theme::SPACE);

    egui::Grid::new(("applicant-facts", applicant.id))
        .num_columns(2)
        .spacing([theme::SECTION_SPACE, 4.0])
        .show(ui, |ui| {
            fact(ui, &t!("applicant-fact-id"), &applicant.id.to_string());
            ui.label(t!("applicant-fact-code"));
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
            ui.label(t!("applicant-fact-opening"));
            match applicant.opening_id {
                Some(id) => {
                    let shown = context.openings.label(Some(id));
                    ui.label(visible(&shown))
                        .on_hover_text(match context.openings.get(id) {
                            Some(o) => t!(
                                "applicant-opening-named-hint",
                                id = id.to_string(),
                                name = visible(&o.name).into_owned()
                            ),
                            None => t!("applicant-opening-unnamed-hint", id = id.to_string()),
                        });
                }
                None => {
                    ui.label("—");
                }
            }
            ui.end_row();
            let source = applicant.source.as_deref().unwrap_or("—");
            fact(ui, &t!("applicant-fact-source"), source);
            fact(
                ui,
                &t!("applicant-fact-slug"),
                applicant.slug.as_deref().unwrap_or("—"),
            );
            fact(
                ui,
                &t!("applicant-fact-created"),
                &opt_time(applicant.created_at),
            );
            fact(
                ui,
                &t!("applicant-fact-updated"),
                &opt_time(applicant.updated_at),
            );
            fact(
                ui,
                &t!("applicant-fact-finished"),
                &opt_time(applicant.finished_at),
            );
            ui.label(t!("applicant-fact-cv"));
            file_link(ui, File::Cv, applicant.cv_path(), context);
            ui.end_row();
            ui.label(t!("applicant-fact-audio"));
            let audio = applicant.audio_introduction_path();
            file_link(ui, File::Audio, audio, context);
            ui.end_row();
        });
    if let Some(text) = applicant
        .text_introduction
        .as_deref()
        .filter(|t| !t.is_empty())
    {
        ui.add_space(theme::SPACE);
        ui.label(RichText::new(t!("applicant-text-introduction")).strong());
        ui.label(visible_lines(text));
    }

    ui.add_space(theme::SECTION_SPACE);
    ui.label(RichText::new(t!("applicant-scores")).strong());
    score_bar(
        ui,
        &t!("applicant-skill-score"),
        applicant.skill_score.as_ref(),
    )
    .on_hover_text(t!("applicant-skill-means"));
    score_bar(
        ui,
        &t!("applicant-adequation-score"),
        applicant.adequation_score.as_ref(),
    )
    .on_hover_text(t!("applicant-adequation-means"));
    let rated = applicant
        .recruiter_score
        .as_ref()
        .and_then(|s| s.value())
        .is_some_and(|v| v > 0.0);
    let recruiter = t!("applicant-recruiter-score");
    if rated {
        score_bar(ui, &recruiter, applicant.recruiter_score.as_ref())
    } else {
        ui.horizontal(|ui| {
            widgets::fixed_label(ui, &recruiter, theme::FORM_LABEL_WIDTH + 30.0);
            ui.label(RichText::new(t!("applicant-not-rated")).italics());
        })
        .response
    }
    .on_hover_text(t!("applicant-recruiter-means"));

    ui.add_space(theme::SECTION_SPACE);
    let quizz = applicant.quizz_answers.len();
    egui::CollapsingHeader::new(t!("applicant-quizz-answers", count = quizz))
        .id_salt(("quizz", applicant.id))
        .default_open(true)
        .show(ui, |ui| {
            answers::quizz_table(ui, applicant.id, &applicant.quizz_answers)
        });
    let gibberish = applicant
        .case_answers
        .iter()
        .filter(|c| c.gibberish == Some(true))
        .count();
    let cases = applicant.case_answers.len();
    let case_title = if gibberish > 0 {
        t!(
            "applicant-case-answers-gibberish",
            count = cases,
            gibberish = gibberish
        )
    } else {
        t!("applicant-case-answers", count = cases)
    };
    egui::CollapsingHeader::new(case_title)
        .id_salt(("case", applicant.id))
        .default_open(true)
        .show(ui, |ui| {
            answers::case_table(ui, applicant.id, &applicant.case_answers)
        });
    let polls = applicant.poll_answers.len();
    egui::CollapsingHeader::new(t!("applicant-poll-answers", count = polls))
        .id_salt(("poll", applicant.id))
        .default_open(!applicant.poll_answers.is_empty())
        .show(ui, |ui| {
            answers::poll_table(ui, applicant.id, &applicant.poll_answers)
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
fn file_link(ui: &mut Ui, file: File, path: Option<&str>, context: &CardContext<'_>) {
    match path {
        Some(path) => match link::file_url(context.site, path) {
            Ok(url) => {
                let open = match file {
                    File::Cv => t!("applicant-open-cv"),
                    File::Audio => t!("applicant-open-audio"),
                };
                ui.hyperlink_to(open, url.as_str());
            }
            Err(why) => {
                let what = match file {
                    File::Cv => "cv",
                    File::Audio => "audio",
                };
                let path_shown = visible(path).into_owned();
                let said = match why {
                    Withheld::NotAPath => {
                        t!(
                            "applicant-withheld-not-a-path",
                            what = what,
                            path = path_shown
                        )
                    }
                    Withheld::OffSite => {
                        t!(
                            "applicant-withheld-off-site",
                            what = what,
                            path = path_shown
                        )
                    }
                    Withheld::NoSite => {
                        t!("applicant-withheld-no-site", what = what, path = path_shown)
                    }
                };
                ui.horizontal(|ui| {
                    let dark = ui.visuals().dark_mode;
                    let withheld = RichText::new(t!("applicant-link-withheld"));
                    ui.label(withheld.color(theme::warning_colour(dark)))
                        .on_hover_text(said);
                    ui.label(RichText::new(visible(path)).weak().small());
                });
            }
        },
        None => {
            ui.label(RichText::new(t!("applicant-not-uploaded")).italics());
        }
    }
}
