//! The two languages say the same things: every message in both, with the same variables;
//! every message the code names exists; no sentence for people is written in the code.

#[path = "support/literals.rs"]
mod literals;

use std::collections::BTreeSet;
use std::path::Path;

use rickrut_dashboard::i18n::{self, Lang};

#[test]
fn every_message_is_in_both_languages_with_the_same_variables() {
    let en = i18n::message_ids(Lang::En);
    let fr = i18n::message_ids(Lang::Fr);
    assert!(!en.is_empty(), "no English message was read");
    let only_en: Vec<_> = en.difference(&fr).collect();
    let only_fr: Vec<_> = fr.difference(&en).collect();
    assert!(only_en.is_empty(), "missing in French: {only_en:?}");
    assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
    let differ: Vec<_> = en
        .iter()
        .filter(|id| i18n::variables(Lang::En, id) != i18n::variables(Lang::Fr, id))
        .map(|id| {
            format!(
                "{id}: en {:?}, fr {:?}",
                i18n::variables(Lang::En, id),
                i18n::variables(Lang::Fr, id)
            )
        })
        .collect();
    assert!(differ.is_empty(), "variables differ: {differ:#?}");
}

#[test]
fn every_file_is_in_both_languages_and_parses() {
    for file in i18n::FILES {
        for lang in Lang::ALL {
            let text =
                i18n::source(lang, file).unwrap_or_else(|| panic!("{} has no {file}", lang.code()));
            assert!(
                fluent_syntax::parser::parse(text).is_ok(),
                "{}/{file} does not parse",
                lang.code()
            );
        }
    }
}

/// Every `t!("id"` in the source names a message that exists.
#[test]
fn every_message_the_code_names_exists() {
    let en = i18n::message_ids(Lang::En);
    let mut unknown = BTreeSet::new();
    let mut named = 0;
    for file in literals::rust_files(Path::new("src")) {
        let source =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (at, _) in source.match_indices("t!(") {
            let line_start = source[..at].rfind('\n').map_or(0, |n| n + 1);
            if source[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_')
                || source[line_start..at].trim_start().starts_with("//")
            {
                continue;
            }
            let Some(rest) = source[at + 3..].trim_start().strip_prefix('"') else {
                continue;
            };
            let id: String = rest.chars().take_while(|c| *c != '"').collect();
            named += 1;
            if !en.contains(&id) {
                unknown.insert(format!("{}: {id}", file.display()));
            }
        }
    }
    assert!(named > 0, "no t!(\"…\") found in src");
    assert!(
        unknown.is_empty(),
        "messages named in code but in no .ftl: {unknown:#?}"
    );
}

/// The window, the command line's human output and the workflows' sentences come from the
/// `.ftl` files. A literal that is not for people carries `// not for people` and why.
#[test]
fn no_sentence_for_people_is_written_in_the_code() {
    let mut found = Vec::new();
    for dir in ["src/ui", "src/cli", "src/main.rs", "src/jobs"] {
        for file in literals::rust_files(Path::new(dir)) {
            let source = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            found.extend(literals::for_people(&file, &source));
        }
    }
    let listed: Vec<String> = found
        .iter()
        .map(|f| format!("{}:{}: {:?}", f.file.display(), f.line, f.text))
        .collect();
    assert!(
        listed.is_empty(),
        "{} literals for people outside the .ftl files:\n{}",
        listed.len(),
        listed.join("\n")
    );
}

#[test]
fn the_checker_finds_a_sentence_and_lets_ids_logs_and_attributes_be() {
    let source = r##"
        fn view(ui: &mut Ui) {
            ui.label("Invite a candidate");
            ui.label(t!("invite-title"));
            tracing::info!("Sent {} invites", n);
            let id = egui::Id::new("Applicants table");
            ui.push_id("Row", |ui| {});
            let s = format!("{count}/{total}");
            let kind = "csv";
            let c = '"';
            let raw = r#"Raw "quoted" text"#;
        }
        #[derive(Debug)]
        #[error("Not for the check")]
        struct E;
        fn other() { let marked = "A Proper Noun"; // not for people: a brand
        }
        #[cfg(test)]
        mod tests { fn t() { let s = "Test Data"; } }
    "##;
    let found = literals::for_people(Path::new("x.rs"), source);
    let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["Invite a candidate", "Raw \"quoted\" text"]);
    assert_eq!(found[0].line, 3);
}
