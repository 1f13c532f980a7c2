//! The app's colours and spacing, in one place: status badges, score bars, messages.

use egui::Color32;

use crate::api::Status;

/// egui's look with the colours it leaves below WCAG AA changed: weak text (hints, notes)
/// and, in the light theme, links at 4.5:1 on the panel; in the dark theme, text selected
/// in a field (egui's selection blue behind its grey text was 2.2:1).
pub fn visuals(dark: bool) -> egui::Visuals {
    let mut visuals = if dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    visuals.weak_text_color = Some(if dark {
        Color32::from_gray(135)
    } else {
        Color32::from_gray(105)
    });
    if dark {
        visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(180);
        visuals.selection.bg_fill = Color32::from_rgb(0, 70, 105);
    } else {
        visuals.hyperlink_color = Color32::from_rgb(0, 100, 190);
    }
    visuals
}

/// Gives both themes the app's look (once, when the window opens).
pub fn install(ctx: &egui::Context) {
    ctx.set_visuals_of(egui::Theme::Light, visuals(false));
    ctx.set_visuals_of(egui::Theme::Dark, visuals(true));
}

/// The text colour of a painted table's selected row: egui's colour for text on the
/// selection (a row's own colours are chosen for the panel).
pub fn selected_row_text(visuals: &egui::Visuals) -> Color32 {
    visuals.selection.stroke.color
}

/// The fill of the row under the pointer: egui's hovered fill is too close to plain and
/// warning text, so a shade that keeps them readable.
pub fn hovered_row_fill(visuals: &egui::Visuals) -> Color32 {
    if visuals.dark_mode {
        Color32::from_gray(36)
    } else {
        Color32::from_gray(232)
    }
}

/// The unseen-changes count in the navigation: its text and its fill.
pub fn count_badge_colours(visuals: &egui::Visuals) -> (Color32, Color32) {
    (visuals.selection.stroke.color, visuals.selection.bg_fill)
}

/// A colour's relative luminance, as WCAG 2.x defines it (sRGB channels made linear).
pub fn luminance(colour: Color32) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(colour.r()) + 0.7152 * linear(colour.g()) + 0.0722 * linear(colour.b())
}

/// WCAG 2.x contrast ratio of two opaque colours, from 1 to 21.
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A colour (premultiplied, maybe translucent) as it shows over an opaque one.
pub fn over(top: Color32, below: Color32) -> Color32 {
    let keep = 1.0 - f32::from(top.a()) / 255.0;
    let mix = |t: u8, b: u8| (f32::from(t) + f32::from(b) * keep).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(top.r(), below.r()),
        mix(top.g(), below.g()),
        mix(top.b(), below.b()),
    )
}

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
            Color32::from_rgb(84, 110, 122),
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
            Color32::from_rgb(46, 125, 50),
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

/// The text on a status badge.
pub const BADGE_TEXT: Color32 = Color32::WHITE;

/// Score bar fill on 0–100: red below 40, amber below 70, green above; each stands out 3:1
/// from the bar's track and the panel in both themes (the score is written beside it).
pub fn score_colour(value: f64) -> Color32 {
    if value < 40.0 {
        Color32::from_rgb(211, 47, 47)
    } else if value < 70.0 {
        Color32::from_rgb(190, 110, 0)
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
        Color32::from_rgb(160, 82, 0)
    }
}

pub fn success_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(129, 199, 132)
    } else {
        Color32::from_rgb(27, 94, 32)
    }
}
