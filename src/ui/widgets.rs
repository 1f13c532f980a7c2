//! Small widgets the views share: messages, labelled fields, badges, score bars, times.

use chrono::{DateTime, Utc};
use egui::{Align, Layout, RichText, Ui};

use super::state::Problem;
use super::theme;
use crate::api::{Score, Status};
use crate::boundary::terminal::visible;
use crate::i18n;
use crate::t;

// Messages may quote a server or a candidate: shown through `visible`, no mark in them can
// reorder the text around it.

pub fn error_message(ui: &mut Ui, text: &str) {
    let dark = ui.visuals().dark_mode;
    let said =
        ui.label(RichText::new(format!("⚠ {}", visible(text))).color(theme::error_colour(dark)));
    super::a11y::status(&said);
}

pub fn warning_message(ui: &mut Ui, text: &str) {
    let dark = ui.visuals().dark_mode;
    let said =
        ui.label(RichText::new(format!("⚠ {}", visible(text))).color(theme::warning_colour(dark)));
    super::a11y::status(&said);
}

pub fn success_message(ui: &mut Ui, text: &str) {
    let dark = ui.visuals().dark_mode;
    let said =
        ui.label(RichText::new(format!("✔ {}", visible(text))).color(theme::success_colour(dark)));
    super::a11y::status(&said);
}

/// What a view that works on a profile's record shows without one: while the profile in use
/// is still opening, that it is (not an invitation to pick one); otherwise `missing`.
pub fn without_profile(ui: &mut Ui, opening: Option<&str>, missing: &str) {
    match opening {
        Some(name) => {
            ui.horizontal(|ui| {
                ui.spinner();
                let said = ui.label(t!("window-status-opening-profile", name = visible(name)));
                super::a11y::status(&said);
            });
        }
        None => {
            ui.label(missing);
        }
    }
}

/// A problem: its sentence, and under "Details" what support needs, with Copy.
pub fn problem(ui: &mut Ui, problem: &Problem) {
    error_message(ui, &problem.sentence);
    details(ui, problem);
}

/// A problem's details alone, folded (for a sentence shown elsewhere, as in the status bar).
pub fn details(ui: &mut Ui, problem: &Problem) {
    let Some(details) = &problem.details else {
        return;
    };
    egui::CollapsingHeader::new(t!("window-details"))
        .id_salt(("problem-details", &problem.sentence))
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(visible(details)).monospace().small());
                copy_button(ui, "details", details);
            });
        });
}

/// Whether Enter was pressed in this single-line field (which gives the keyboard up then):
/// a form is sent with Enter as with its button.
pub fn entered(ui: &Ui, field: &egui::Response) -> bool {
    field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
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

/// A status as the badge says it, in the language in use: RickRut's own word (SCORED) in
/// English, its translation in French; a status the app does not know as the server sent it,
/// made visible.
pub fn status_word(status: &str) -> String {
    t!("window-status-word", status = visible(status).into_owned())
}

pub fn status_badge(ui: &mut Ui, status: &Status) -> egui::Response {
    let dark = ui.visuals().dark_mode;
    egui::Frame::new()
        .fill(theme::status_colour(status, dark))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(6, 2))
        .show(ui, |ui| {
            ui.label(
                RichText::new(status_word(status.as_str()))
                    .color(theme::BADGE_TEXT)
                    .strong(),
            )
        })
        .inner
        .on_hover_text(t!(
            "window-status-badge",
            status = status_word(status.as_str())
        ))
}

/// A small "Copy" button for a value; `what` says which (`"code"`, `"details"`) for the
/// hover text.
pub fn copy_button(ui: &mut Ui, what: &str, text: &str) -> egui::Response {
    let hover = match what {
        "code" => t!("window-copy-code"),
        "details" => t!("window-copy-details"),
        _ => t!("window-copy-value"),
    };
    copy(ui, &t!("window-copy"), &hover, text, true)
}

/// A button that copies `text` and says "Copied" for a moment, so the recruiter knows it
/// worked. Every copy in the window goes through here.
pub fn copy(ui: &mut Ui, label: &str, hover: &str, text: &str, small: bool) -> egui::Response {
    copy_made(ui, label, hover, small, || text.to_owned())
}

/// The same, the text made only when the button is clicked (a long one, say).
pub fn copy_made(
    ui: &mut Ui,
    label: &str,
    hover: &str,
    small: bool,
    text: impl FnOnce() -> String,
) -> egui::Response {
    /// How long "Copied" stays, in seconds.
    const SHOWN_FOR: f64 = 1.5;
    let id = ui.next_auto_id();
    let now = ui.input(|i| i.time);
    let copied_at: Option<f64> = ui.data(|d| d.get_temp(id));
    let showing = copied_at.filter(|at| now - at < SHOWN_FOR);
    let copied = t!("window-copied");
    let shown = if showing.is_some() { &copied } else { label };
    let button = if small {
        egui::Button::new(RichText::new(shown).small())
    } else {
        egui::Button::new(shown)
    };
    let response = ui.add(button).on_hover_text(hover);
    if response.clicked() {
        ui.ctx().copy_text(text());
        ui.data_mut(|d| d.insert_temp(id, now));
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(SHOWN_FOR));
    } else if let Some(at) = showing {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs_f64(SHOWN_FOR - (now - at)));
    }
    response
}

/// A score on 0–100 as a bar with the server's exact text, or "not scored yet".
pub fn score_bar(ui: &mut Ui, label: &str, score: Option<&Score>) -> egui::Response {
    ui.horizontal(|ui| {
        fixed_label(ui, label, theme::FORM_LABEL_WIDTH + 30.0);
        match score {
            None => {
                ui.label(RichText::new(t!("window-not-scored-yet")).italics());
            }
            Some(score) => match score.value() {
                Some(value) => {
                    let fraction = (value / 100.0).clamp(0.0, 1.0) as f32;
                    // The score is written beside the bar, never over it: text over a bar
                    // would sit on its fill and on its track, one of them too close in colour.
                    let shown = i18n::decimal_text(score.text());
                    let hover = t!("window-score-of-100", label = label, score = shown.as_str());
                    ui.add(
                        egui::ProgressBar::new(fraction)
                            .desired_width(200.0)
                            .fill(theme::score_colour(value)),
                    )
                    .on_hover_text(&hover);
                    ui.label(shown).on_hover_text(hover);
                }
                None => {
                    ui.label(visible(score.text()));
                }
            },
        }
    })
    .response
}

/// The background checks' interval control's label (toolbar and Settings).
pub fn checks_label() -> String {
    t!("window-checks-label")
}

/// The background checks' interval control's hover text (toolbar and Settings).
pub fn checks_hint() -> String {
    t!("window-checks-hint")
}

/// The background checks' interval in minutes, reading "every 10 min", or "off" for 0.
pub fn check_interval(minutes: &mut u32) -> egui::DragValue<'_> {
    egui::DragValue::new(minutes)
        .range(0..=240)
        .custom_formatter(|minutes, _| check_interval_text(minutes))
        .custom_parser(parse_check_interval)
}

fn check_interval_text(minutes: f64) -> String {
    if minutes < 1.0 {
        t!("window-checks-off")
    } else {
        t!("window-checks-every", minutes = minutes.round() as u64)
    }
}

/// Reads what was typed into the interval: a number of minutes, or "off" (in English or in
/// the language in use).
fn parse_check_interval(text: &str) -> Option<f64> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        let typed = text.to_lowercase();
        let off = t!("window-checks-off").to_lowercase();
        (typed.contains("off") || typed.contains(off.as_str())).then_some(0.0)
    } else {
        digits.parse().ok()
    }
}

/// "25 Nov 2026 14:03 (3 days ago)" in the local time zone.
pub fn local_time(when: DateTime<Utc>) -> String {
    t!(
        "window-time-with-relative",
        time = i18n::date_time(when),
        relative = relative(Utc::now(), when)
    )
}

pub fn relative(now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let secs = (now - then).num_seconds();
    let (future, secs) = (secs < 0, secs.unsigned_abs());
    match (secs, future) {
        (0..=59, _) => t!("window-just-now"),
        (60..=3599, false) => t!("window-minutes-ago", count = secs / 60),
        (60..=3599, true) => t!("window-in-minutes", count = secs / 60),
        (3600..=86_399, false) => t!("window-hours-ago", count = secs / 3600),
        (3600..=86_399, true) => t!("window-in-hours", count = secs / 3600),
        (86_400..=2_591_999, false) => t!("window-days-ago", count = secs / 86_400),
        (86_400..=2_591_999, true) => t!("window-in-days", count = secs / 86_400),
        (2_592_000..=31_535_999, false) => t!("window-months-ago", count = secs / 2_592_000),
        (2_592_000..=31_535_999, true) => t!("window-in-months", count = secs / 2_592_000),
        (_, false) => t!("window-years-ago", count = secs / 31_536_000),
        (_, true) => t!("window-in-years", count = secs / 31_536_000),
    }
}

/// "—" when there is no time.
pub fn opt_time(when: Option<DateTime<Utc>>) -> String {
    when.map_or_else(|| "—".to_owned(), local_time)
}

/// A moment in the local time zone, in the language's form ("2 Dec 2026 14:03").
pub fn short_time(when: Option<DateTime<Utc>>) -> String {
    when.map_or_else(|| "—".to_owned(), i18n::date_time)
}

/// The server's text of a score, or "—".
pub fn score_text(score: Option<&Score>) -> String {
    score.map_or_else(
        || "—".to_owned(),
        |s| i18n::decimal_text(&visible(s.text())),
    )
}

pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..=1023 => t!("window-size-bytes", size = bytes.to_string()),
        1024..=1_048_575 => t!(
            "window-size-kib",
            size = i18n::decimal(bytes as f64 / 1024.0, 1)
        ),
        _ => t!(
            "window-size-mib",
            size = i18n::decimal(bytes as f64 / 1_048_576.0, 1)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_check_interval_reads_off_and_minutes() {
        assert_eq!(check_interval_text(0.0), "off");
        assert_eq!(check_interval_text(15.0), "every 15 min");
        assert_eq!(parse_check_interval("every 15 min"), Some(15.0));
        assert_eq!(parse_check_interval(" 30 "), Some(30.0));
        assert_eq!(parse_check_interval("OFF"), Some(0.0));
        assert_eq!(parse_check_interval("soon"), None);
        for minutes in [0.0, 1.0, 240.0] {
            assert_eq!(
                parse_check_interval(&check_interval_text(minutes)),
                Some(minutes)
            );
        }
    }

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
}
