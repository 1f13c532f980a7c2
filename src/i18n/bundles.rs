//! The Fluent bundles, one per language, built once from the `.ftl` files in the binary.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use unic_langid::{LanguageIdentifier, langid};

use super::Lang;

/// Both languages' files, named once: `FILES` and the text of each in the binary.
macro_rules! locales {
    ($($file:literal),+ $(,)?) => {
        /// The files of each language, by name; each language has the same names.
        pub const FILES: &[&str] = &[$($file),+];

        static SOURCES: &[(Lang, &str, &str)] = &[
            $((Lang::En, $file, include_str!(concat!("../../assets/locales/en/", $file))),)+
            $((Lang::Fr, $file, include_str!(concat!("../../assets/locales/fr/", $file))),)+
        ];
    };
}

locales!(
    "app.ftl",
    "messages.ftl",
    "window.ftl",
    "applicant.ftl",
    "openings.ftl",
    "applicants.ftl",
    "bulk.ftl",
    "keys.ftl",
    "settings.ftl",
    "invite.ftl",
    "cli.ftl",
    "errors.ftl",
    "notices.ftl",
    "import.ftl",
    "team.ftl",
);

/// The text of `assets/locales/<lang>/<file>`.
pub fn source(lang: Lang, file: &str) -> Option<&'static str> {
    SOURCES
        .iter()
        .find(|(l, f, _)| *l == lang && *f == file)
        .map(|(_, _, text)| *text)
}

struct Bundles {
    en: FluentBundle<FluentResource>,
    fr: FluentBundle<FluentResource>,
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| {
    let files = |lang| {
        SOURCES
            .iter()
            .filter(move |(l, _, _)| *l == lang)
            .map(|(_, f, t)| (*f, *t))
    };
    Bundles {
        en: bundle(Lang::En, files(Lang::En)),
        fr: bundle(Lang::Fr, files(Lang::Fr)),
    }
});

fn bundle<'a>(
    lang: Lang,
    files: impl Iterator<Item = (&'a str, &'a str)>,
) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = match lang {
        Lang::En => langid!("en-GB"),
        Lang::Fr => langid!("fr-FR"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks around variables would be drawn as boxes and copied into messages.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => |v, _| number(v, Lang::En),
        Lang::Fr => |v, _| number(v, Lang::Fr),
    }));
    for (file, text) in files {
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(_, errors)| {
            panic!("{file} ({}) does not parse: {errors:?}", lang.code())
        });
        if let Err(errors) = bundle.add_resource(resource) {
            panic!("{file} ({}) repeats a message: {errors:?}", lang.code());
        }
    }
    bundle
}

fn number(value: &FluentValue, lang: Lang) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(super::format::number_in(lang, &n.as_string())),
        _ => None,
    }
}

pub(super) fn format(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundles = &*BUNDLES;
    let chosen = match lang {
        Lang::En => &bundles.en,
        Lang::Fr => &bundles.fr,
    };
    format_in(&[chosen, &bundles.en], id, args)
}

fn format_in(
    bundles: &[&FluentBundle<FluentResource>],
    id: &str,
    args: Option<&FluentArgs>,
) -> String {
    for bundle in bundles {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                tracing::debug!(id, ?errors, "a message was formatted with errors");
            }
            return text.into_owned();
        }
    }
    tracing::warn!(id, "no such message");
    id.to_owned()
}

/// Every message id a language defines.
pub fn message_ids(lang: Lang) -> BTreeSet<String> {
    entries(lang)
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The variables message `id` uses in a language, selectors included.
pub fn variables(lang: Lang, id: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for entry in entries(lang) {
        if let Entry::Message(m) = entry
            && m.id.name == id
            && let Some(value) = &m.value
        {
            pattern_variables(value, &mut found);
        }
    }
    found
}

fn entries(lang: Lang) -> impl Iterator<Item = &'static Entry<&'static str>> {
    static PARSED: LazyLock<Vec<(Lang, FluentResource)>> = LazyLock::new(|| {
        SOURCES
            .iter()
            .filter_map(|(l, _, t)| {
                FluentResource::try_new((*t).to_owned())
                    .ok()
                    .map(|r| (*l, r))
            })
            .collect()
    });
    PARSED
        .iter()
        .filter(move |(l, _)| *l == lang)
        .flat_map(|(_, r)| r.entries())
}

fn pattern_variables(pattern: &Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, found),
        Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                pattern_variables(&variant.value, found);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, found);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, found),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "count = { $count ->\n    [one] { $count } candidate\n   *[other] { $count } candidates\n}\nscore = { $name }: { $score }\n";

    fn say(lang: Lang, id: &str, args: &FluentArgs) -> String {
        let b = bundle(lang, [("sample.ftl", SAMPLE)].into_iter());
        format_in(&[&b], id, Some(args))
    }

    fn args<'a>(pairs: &[(&'a str, FluentValue<'a>)]) -> FluentArgs<'a> {
        let mut a = FluentArgs::new();
        for (k, v) in pairs {
            a.set(*k, v.clone());
        }
        a
    }

    #[test]
    fn plurals_follow_each_language() {
        let zero = args(&[("count", 0.into())]);
        let one = args(&[("count", 1.into())]);
        // French counts 0 as one; English does not.
        assert_eq!(say(Lang::En, "count", &zero), "0 candidates");
        assert_eq!(say(Lang::Fr, "count", &zero), "0 candidate");
        assert_eq!(say(Lang::En, "count", &one), "1 candidate");
    }

    #[test]
    fn thousands_are_grouped_as_each_language_writes_them_and_text_is_left_as_it_is() {
        let said =
            |lang, count: FluentValue<'static>| say(lang, "count", &args(&[("count", count)]));
        assert_eq!(said(Lang::En, 100_000.into()), "100,000 candidates");
        assert_eq!(said(Lang::Fr, 100_000.into()), "100\u{a0}000 candidates");
        assert_eq!(said(Lang::En, 1_234_567.into()), "1,234,567 candidates");
        assert_eq!(said(Lang::En, 999.into()), "999 candidates");
        assert_eq!(said(Lang::En, 1000.into()), "1,000 candidates");
        assert_eq!(said(Lang::En, (-12_345).into()), "-12,345 candidates");
        assert_eq!(said(Lang::Fr, 12_345.5.into()), "12\u{a0}345,5 candidates");
        // An identifier is passed as text, and stays as the server wrote it.
        let a = args(&[("name", "Applicant".into()), ("score", "1000001".into())]);
        assert_eq!(say(Lang::En, "score", &a), "Applicant: 1000001");
    }

    #[test]
    fn decimals_take_the_language_s_mark_and_variables_no_isolation_marks() {
        let a = args(&[("name", "Chiara".into()), ("score", 53.1.into())]);
        assert_eq!(say(Lang::En, "score", &a), "Chiara: 53.1");
        assert_eq!(say(Lang::Fr, "score", &a), "Chiara: 53,1");
    }

    #[test]
    fn a_missing_message_falls_back_to_its_id() {
        assert_eq!(say(Lang::En, "nowhere", &FluentArgs::new()), "nowhere");
    }
}
