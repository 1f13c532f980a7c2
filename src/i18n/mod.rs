//! Every sentence a person reads, in English or French. The words live in
//! `assets/locales/{en,fr}/*.ftl` (Fluent), built into the binary; code names a message by
//! its id and passes its variables: `t!("applicants-count", count = n)`.
//!
//! The language follows the system (`LC_ALL`, `LC_MESSAGES`, `LANG`, then the platform's
//! setting) unless Settings or `--lang` choose one. `--json`, the API traffic, the record and
//! the logs never change with it.

mod bundles;
mod format;

use std::sync::atomic::{AtomicU8, Ordering};

pub use fluent_bundle::{FluentArgs, FluentValue};
use serde::{Deserialize, Serialize};

pub use bundles::{FILES, message_ids, source, variables};
pub use format::{date, date_time, day_month_time, decimal, decimal_text};

/// A language the app speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The two-letter code: `en`, `fr`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's name in itself, as a language menu shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// Reads a locale as the system writes it: `fr`, `fr-CA`, `fr_FR.UTF-8`, `en_GB@euro`.
    /// `None` for a language the app does not speak (and for `C` or `POSIX`).
    pub fn parse(locale: &str) -> Option<Lang> {
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == language)
    }

    /// The language the system asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set, as POSIX orders them, then the platform's own setting; English when
    /// none names a language the app speaks.
    pub fn from_system() -> Lang {
        let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty());
        match from_env {
            Some(value) => Lang::parse(&value).unwrap_or_default(),
            None => sys_locale::get_locale()
                .and_then(|l| Lang::parse(&l))
                .unwrap_or_default(),
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Speaks `lang` from now on, in every thread.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language in use.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Fr,
        _ => Lang::En,
    }
}

/// The message `id` in the language in use, its variables filled from `args`. An id that
/// the language lacks falls back to English, then to the id itself; the parity test keeps
/// both from happening.
pub fn text(id: &str, args: Option<&FluentArgs>) -> String {
    bundles::format(current(), id, args)
}

/// The message `id` in `lang`, whatever the language in use (to recognise a text written
/// in another language, such as a default saved before the language changed).
pub fn text_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    bundles::format(lang, id, args)
}

/// `t!("id")` or `t!("id", name = value, …)`: the message in the language in use. Values are
/// text or numbers; numbers choose plural forms and print in the language's form (`53,1`).
/// Pass identifiers as text so that they are never formatted as numbers.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $crate::i18n::FluentValue::from($value)); )+
        $crate::i18n::text($id, Some(&args))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_locales_are_read_as_the_system_writes_them() {
        assert_eq!(Lang::parse("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::parse("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::parse("en_GB@euro"), Some(Lang::En));
        assert_eq!(Lang::parse("FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse("de_DE.UTF-8"), None);
        assert_eq!(Lang::parse("C"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
