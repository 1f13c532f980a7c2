//! A screen reader uses the window: the real binary on the demo, under Xvfb with the AT-SPI
//! registry on a private session bus, read by a real AT-SPI client (python3-pyatspi). In
//! every view each button, field, check box, table row and status message has a role and a
//! name; the keyboard (Ctrl+1…7) lands on the view's first field; Enter submits Look up and
//! Invite. The language comes from `RICKRUT_TEST_LANG` (a comma list; every language this
//! test has words for when unset): English and French, the window following the locale.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/atspi.rs"]
mod atspi;
#[path = "support/desktop.rs"]
mod desktop;

use std::time::Duration;

use atspi::{Desktop, Tree};

/// Roles a screen reader announces by name: each such node must have one.
const NAMED_ROLES: &[&str] = &[
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "entry",
    "password text",
    "spin button",
    "slider",
    "link",
    "menu item",
    "table row",
    "status bar",
    "label",
    "heading",
    "progress bar",
];

/// Roles that mean the app gave a node none a screen reader can use.
const NO_ROLE: &[&str] = &["", "unknown", "invalid"];

const WAIT: Duration = Duration::from_secs(20);

/// One view as the keyboard reaches it: the chord, its button in the navigation, and the
/// field focus must land on (role, name), if it has one.
struct ViewWords {
    keys: &'static str,
    button: &'static str,
    first_field: Option<(&'static str, &'static str)>,
    /// A table whose rows must be read (the demo fills it).
    has_rows: bool,
}

/// What the test expects the window to say, in one language.
struct Words {
    locale: &'static str,
    views: [ViewWords; 7],
    /// Applicant 1002 of the demo, as the card names them.
    applicant_1002: &'static str,
    invited: &'static str,
}

const fn view(
    keys: &'static str,
    button: &'static str,
    first_field: Option<(&'static str, &'static str)>,
    has_rows: bool,
) -> ViewWords {
    ViewWords {
        keys,
        button,
        first_field,
        has_rows,
    }
}

const ENGLISH: Words = Words {
    locale: "en_US.UTF-8",
    views: [
        view("ctrl+1", "Keys", None, false),
        view("ctrl+2", "Look up", Some(("entry", "Applicant ID")), false),
        view("ctrl+3", "Invite", Some(("entry", "Email")), false),
        view(
            "ctrl+4",
            "Bulk invite",
            Some(("entry", "Opening for all")),
            false,
        ),
        view("ctrl+5", "Applicants", Some(("entry", "Filter")), true),
        view("ctrl+6", "Openings", None, true),
        view(
            "ctrl+7",
            "Settings",
            Some(("spin button", "Request timeout")),
            false,
        ),
    ],
    applicant_1002: "Bastien Haverkamp",
    invited: "ada.lovelace@example.com was invited.",
};

const FRENCH: Words = Words {
    locale: "fr_FR.UTF-8",
    views: [
        view("ctrl+1", "Clés", None, false),
        view(
            "ctrl+2",
            "Consulter",
            Some(("entry", "ID du candidat")),
            false,
        ),
        view("ctrl+3", "Inviter", Some(("entry", "E-mail")), false),
        view(
            "ctrl+4",
            "Envoi groupé",
            Some(("entry", "Poste pour tous")),
            false,
        ),
        view("ctrl+5", "Candidats", Some(("entry", "Filtrer")), true),
        view("ctrl+6", "Postes", None, true),
        view(
            "ctrl+7",
            "Réglages",
            Some(("spin button", "Délai des requêtes")),
            false,
        ),
    ],
    applicant_1002: "Bastien Haverkamp",
    invited: "Invitation envoyée à ada.lovelace@example.com.",
};

/// The languages to test: `RICKRUT_TEST_LANG` (e.g. `en`), else every one known.
fn languages() -> Vec<(&'static str, &'static Words)> {
    let known: &[(&str, &Words)] = &[("en", &ENGLISH), ("fr", &FRENCH)];
    match std::env::var("RICKRUT_TEST_LANG") {
        Ok(list) if !list.trim().is_empty() => list
            .split(',')
            .map(|code| {
                let code = code.trim();
                *known
                    .iter()
                    .find(|(c, _)| *c == code)
                    .unwrap_or_else(|| panic!("this test has no words for {code:?} yet"))
            })
            .collect(),
        _ => known.to_vec(),
    }
}

/// One desktop at a time: two Xvfbs, buses and windows at once on two busy cores made a
/// window miss its X server now and then.
static ONE_DESKTOP: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn desktop_or_skip(test: &str) -> Option<Desktop> {
    match Desktop::start() {
        Ok(desktop) => Some(desktop),
        Err(why) => {
            desktop::skipped(test, &why);
            None
        }
    }
}

/// What a screen reader would stumble on in `tree`: nodes with no role or no name.
fn unnamed(tree: &Tree) -> Vec<String> {
    tree.0
        .iter()
        .filter(|n| {
            NO_ROLE.contains(&n.role.as_str())
                || (NAMED_ROLES.contains(&n.role.as_str()) && n.name.trim().is_empty())
        })
        .map(|n| format!("{} {:?} ({})", n.role, n.name, n.description))
        .collect()
}

fn is_focused(tree: &Tree, (role, name): (&str, &str)) -> bool {
    tree.focused()
        .iter()
        .any(|n| n.role == role && n.name == name)
}

#[test]
fn every_view_is_named_and_the_keyboard_lands_on_its_first_field() {
    let _turn = ONE_DESKTOP.lock().unwrap_or_else(|e| e.into_inner());
    for (code, words) in languages() {
        let Some(mut desktop) = desktop_or_skip("the screen-reader walk through every view") else {
            return;
        };
        desktop.open_window(&["--demo", "--view", "keys"], words.locale);
        let mut problems = Vec::new();
        for v in &words.views {
            desktop.key(v.keys);
            let what = format!("[{code}] {} after {}", v.button, v.keys);
            // The status bar's message ("Ready", or what is under way) is a status a screen
            // reader announces; the check for names below says when one has none.
            let tree = desktop.tree_when(&what, WAIT, |t| {
                t.find("toggle button", v.button)
                    .is_some_and(|b| b.has("pressed"))
                    && v.first_field.is_none_or(|f| is_focused(t, f))
                    && (!v.has_rows || t.0.iter().any(|n| n.role == "table row"))
                    && t.0.iter().any(|n| n.role == "status bar")
            });
            for bad in unnamed(&tree) {
                problems.push(format!("{what}: {bad}"));
            }
            // The view's title is a heading a screen reader can jump to.
            if !tree
                .0
                .iter()
                .any(|n| n.role == "heading" && !n.name.trim().is_empty())
            {
                problems.push(format!("{what}: no heading"));
            }
        }
        assert!(
            problems.is_empty(),
            "what a screen reader cannot read:\n{}",
            problems.join("\n")
        );
    }
}

#[test]
fn enter_submits_look_up_and_invite() {
    let _turn = ONE_DESKTOP.lock().unwrap_or_else(|e| e.into_inner());
    for (code, words) in languages() {
        let Some(mut desktop) = desktop_or_skip("the screen-reader Enter check") else {
            return;
        };
        desktop.open_window(&["--demo", "--view", "keys"], words.locale);

        // Look up: Ctrl+2 lands on the ID field; typing an ID and Enter shows the card.
        let id_field = words.views[1].first_field.unwrap();
        desktop.key("ctrl+2");
        desktop.tree_when(&format!("[{code}] the ID field focused"), WAIT, |t| {
            is_focused(t, id_field)
        });
        desktop.type_text("1002");
        desktop.key("Return");
        let tree = desktop.tree_when(&format!("[{code}] 1002 looked up on Enter"), WAIT, |t| {
            t.says(words.applicant_1002)
        });
        assert!(
            is_focused(&tree, id_field),
            "[{code}] focus left the ID field after Enter:\n{}",
            tree.outline()
        );

        // Invite: Ctrl+3 lands on Email; Tab to Opening; Enter sends.
        let email_field = words.views[2].first_field.unwrap();
        desktop.key("ctrl+3");
        desktop.tree_when(&format!("[{code}] the Email field focused"), WAIT, |t| {
            is_focused(t, email_field)
        });
        desktop.type_text("ada.lovelace@example.com");
        desktop.key("Tab");
        desktop.type_text("software-engineer");
        desktop.key("Return");
        let tree = desktop.tree_when(&format!("[{code}] invited on Enter"), WAIT, |t| {
            t.says(words.invited)
        });
        assert!(
            tree.0
                .iter()
                .any(|n| n.role == "status bar" && n.name.contains(words.invited)),
            "[{code}] the invite's outcome is not a status a screen reader announces:\n{}",
            tree.outline()
        );
        assert!(
            is_focused(&tree, email_field),
            "[{code}] after sending, focus is not back on Email for the next candidate:\n{}",
            tree.outline()
        );
        let unread = unnamed(&tree);
        assert!(unread.is_empty(), "[{code}] after the invite: {unread:?}");
    }
}
