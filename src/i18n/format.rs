//! Dates, times and decimal numbers in the form of the language in use.

use chrono::{DateTime, Local, Locale, Utc};

use super::{Lang, current};

fn locale(lang: Lang) -> Locale {
    match lang {
        Lang::En => Locale::en_GB,
        Lang::Fr => Locale::fr_FR,
    }
}

fn local(at: DateTime<Utc>, pattern: &str) -> String {
    local_in(current(), at, pattern)
}

fn local_in(lang: Lang, at: DateTime<Utc>, pattern: &str) -> String {
    at.with_timezone(&Local)
        .format_localized(pattern, locale(lang))
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
    decimal_in(current(), value, places)
}

/// A number written by someone else ("53.1" from the server) with the language's decimal
/// mark, its digits untouched; text that is not a plain number stays as it is.
pub fn decimal_text(text: &str) -> String {
    decimal_text_in(current(), text)
}

fn decimal_text_in(lang: Lang, text: &str) -> String {
    let number = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        && text.chars().filter(|c| *c == '.').count() <= 1;
    match lang {
        Lang::Fr if number => text.replace('.', ","),
        _ => text.to_owned(),
    }
}

fn decimal_in(lang: Lang, value: f64, places: usize) -> String {
    number_in(lang, &format!("{value:.places$}"))
}

/// A plain number ("-12345.5") as the language writes it: thousands grouped ("-12,345.5";
/// in French "-12 345,5", with a no-break space so that it never splits across lines) and
/// its decimal mark. Identifiers are never numbers here: they are passed as text.
pub(super) fn number_in(lang: Lang, plain: &str) -> String {
    let (group, mark) = match lang {
        Lang::En => (',', '.'),
        Lang::Fr => ('\u{a0}', ','),
    };
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let mut out = String::with_capacity(plain.len() + whole.len() / 3 * 2 + 1);
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(mark);
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn dates_and_decimals_read_as_each_language_writes_them() {
        // Noon UTC stays on 2 December in every time zone but the farthest ones.
        let at = Utc.with_ymd_and_hms(2026, 12, 2, 12, 3, 0).unwrap();
        let pattern = "%-d %b %Y";
        assert_eq!(local_in(Lang::En, at, pattern), "2 Dec 2026");
        assert_eq!(local_in(Lang::Fr, at, pattern), "2 déc. 2026");
        assert_eq!(decimal_in(Lang::En, 53.14, 1), "53.1");
        assert_eq!(decimal_in(Lang::Fr, 53.14, 1), "53,1");
        assert_eq!(decimal_in(Lang::Fr, 7.0, 0), "7");
        assert_eq!(decimal_in(Lang::En, 6089.34, 1), "6,089.3");
        assert_eq!(decimal_in(Lang::Fr, 1234.5, 1), "1\u{a0}234,5");
        assert_eq!(decimal_text_in(Lang::Fr, "100.0"), "100,0");
        assert_eq!(decimal_text_in(Lang::En, "100.0"), "100.0");
        assert_eq!(decimal_text_in(Lang::Fr, "1.2.3"), "1.2.3");
        assert_eq!(decimal_text_in(Lang::Fr, "n/a"), "n/a");
    }
}
