//! Dates, times and decimal numbers in the form of the language in use.

use chrono::{DateTime, Local, Locale, Utc};

use super::{Lang, current};

fn locale() -> Locale {
    match current() {
        Lang::En => Locale::en_GB,
        Lang::Fr => Locale::fr_FR,
    }
}

fn local(at: DateTime<Utc>, pattern: &str) -> String {
    at.with_timezone(&Local)
        .format_localized(pattern, locale())
        .to_string()
}

/// A moment on the local clock: `2 Dec 2026 14:03`, `2 déc. 2026 14:03`.
pub fn date_time(at: DateTime<Utc>) -> String {
    local(at, "%-d %b %Y %H:%M")
}

/// A day on the local calendar: `2 Dec 2026`, `2 déc. 2026`.
pub fn date(at: DateTime<Utc>) -> String {
    local(at, "%-d %b %Y")
}

/// A moment within the year, for a chart's axis: `2 Dec 14:03`, `2 déc. 14:03`.
pub fn day_month_time(at: DateTime<Utc>) -> String {
    local(at, "%-d %b %H:%M")
}

/// A number with `places` decimals: `53.1` in English, `53,1` in French.
pub fn decimal(value: f64, places: usize) -> String {
    let text = format!("{value:.places$}");
    match current() {
        Lang::En => text,
        Lang::Fr => text.replace('.', ","),
    }
}
