//! The app's colours and spacing, in one place: status badges, score bars, messages.

use egui::Color32;

use crate::api::Status;

pub const SPACE: f32 = 8.0;
pub const SECTION_SPACE: f32 = 16.0;
pub const FORM_LABEL_WIDTH: f32 = 110.0;
pub const ROW_HEIGHT: f32 = 20.0;

/// The score-history chart's series.
pub const SKILL_COLOUR: Color32 = Color32::from_rgb(30, 136, 229);
pub const ADEQUATION_COLOUR: Color32 = Color32::from_rgb(216, 27, 96);

/// Badge fill for a status; the badge always carries the status text too, so colour is
/// never the only signal.
pub fn status_colour(status: &Status, dark: bool) -> Color32 {
    let (light, dark_c) = match status {
        Status::Invited => (
            Color32::from_rgb(96, 125, 139),
            Color32::from_rgb(84, 110, 122),
        ),
        Status::Started => (
            Color32::from_rgb(2, 119, 189),
            Color32::from_rgb(3, 105, 161),
        ),
        Status::Completed => (
            Color32::from_rgb(106, 27, 154),
            Color32::from_rgb(123, 31, 162),
        ),
        Status::Scored => (
            Color32::from_rgb(46, 125, 50),
            Color32::from_rgb(56, 142, 60),
        ),
        Status::Rejected => (
            Color32::from_rgb(198, 40, 40),
            Color32::from_rgb(183, 28, 28),
        ),
        Status::Hired => (
            Color32::from_rgb(0, 121, 107),
            Color32::from_rgb(0, 105, 92),
        ),
        Status::Other(_) => (
            Color32::from_rgb(117, 117, 117),
            Color32::from_rgb(97, 97, 97),
        ),
    };
    if dark { dark_c } else { light }
}

/// Score bar fill on 0–100: red below 40, amber below 70, green above.
pub fn score_colour(value: f64) -> Color32 {
    if value < 40.0 {
        Color32::from_rgb(211, 47, 47)
    } else if value < 70.0 {
        Color32::from_rgb(245, 159, 0)
    } else {
        Color32::from_rgb(56, 142, 60)
    }
}

pub fn error_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 138, 128)
    } else {
        Color32::from_rgb(183, 28, 28)
    }
}

pub fn warning_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(255, 202, 40)
    } else {
        Color32::from_rgb(180, 95, 6)
    }
}

pub fn success_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(129, 199, 132)
    } else {
        Color32::from_rgb(27, 94, 32)
    }
}
