//! Every keyboard shortcut, in one table that both the handler and the help window read; a
//! shortcut sends the same command a click would.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::{Command, Commands};
use super::settings::View;
use crate::t;

/// What a shortcut does, as a command (made fresh each time it is pressed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    FocusLookup,
    NewInvite,
    Refresh,
    Filter,
    Show(View),
    Help,
    About,
    Quit,
}

impl Action {
    /// The commands the shortcut sends: the same as the buttons it stands for.
    pub fn commands(self) -> Vec<Command> {
        match self {
            Action::FocusLookup => vec![Command::FocusLookUp],
            Action::NewInvite => vec![Command::NewInvite],
            Action::Refresh => vec![Command::ShowView(View::Applicants), Command::Refresh(None)],
            Action::Filter => vec![Command::FocusFilter],
            Action::Show(view) => vec![Command::ShowView(view)],
            Action::Help => vec![Command::ToggleHelp],
            Action::About => vec![Command::ToggleAbout],
            Action::Quit => vec![Command::Quit],
        }
    }
}

pub struct Shortcut {
    pub keys: KeyboardShortcut,
    pub action: Action,
    /// The id of the message that says what it does.
    pub what: &'static str,
}

impl Shortcut {
    /// What the shortcut does, in the language in use.
    pub fn what(&self) -> String {
        crate::i18n::text(self.what, None)
    }
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: command(Key::L),
        action: Action::FocusLookup,
        what: "settings-shortcut-look-up",
    },
    Shortcut {
        keys: command(Key::N),
        action: Action::NewInvite,
        what: "settings-shortcut-new-invite",
    },
    Shortcut {
        keys: command(Key::R),
        action: Action::Refresh,
        what: "settings-shortcut-refresh",
    },
    Shortcut {
        keys: command(Key::F),
        action: Action::Filter,
        what: "settings-shortcut-filter",
    },
    Shortcut {
        keys: command(Key::Num1),
        action: Action::Show(View::Keys),
        what: "settings-shortcut-keys",
    },
    Shortcut {
        keys: command(Key::Num2),
        action: Action::Show(View::LookUp),
        what: "settings-shortcut-look-up-view",
    },
    Shortcut {
        keys: command(Key::Num3),
        action: Action::Show(View::Invite),
        what: "settings-shortcut-invite",
    },
    Shortcut {
        keys: command(Key::Num4),
        action: Action::Show(View::Bulk),
        what: "settings-shortcut-bulk",
    },
    Shortcut {
        keys: command(Key::Num5),
        action: Action::Show(View::Applicants),
        what: "settings-shortcut-applicants",
    },
    Shortcut {
        keys: command(Key::Num6),
        action: Action::Show(View::Openings),
        what: "settings-shortcut-openings",
    },
    Shortcut {
        keys: command(Key::Num7),
        action: Action::Show(View::Settings),
        what: "settings-shortcut-settings",
    },
    Shortcut {
        keys: command(Key::Q),
        action: Action::Quit,
        what: "settings-shortcut-quit",
    },
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::F1),
        action: Action::Help,
        what: "settings-shortcut-help",
    },
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::F2),
        action: Action::About,
        what: "settings-shortcut-about",
    },
];

/// Sends the commands of the shortcut pressed this frame, if any (consumed, so no text field
/// also sees it); Esc, unless a dialog or a field takes it, stops what is in flight.
pub fn pressed(ctx: &egui::Context, commands: &mut Commands) {
    let action = ctx.input_mut(|i| {
        SHORTCUTS
            .iter()
            .find(|s| i.consume_shortcut(&s.keys))
            .map(|s| s.action)
    });
    if let Some(action) = action {
        for command in action.commands() {
            commands.push(command);
        }
    }
    if ctx.input(|i| i.key_pressed(Key::Escape)) {
        commands.push(Command::Escape);
    }
}

/// "Ctrl+L" (or "⌘L" on a Mac), as the help shows it.
pub fn describe(ctx: &egui::Context, shortcut: &Shortcut) -> String {
    ctx.format_shortcut(&shortcut.keys)
}

pub fn help_ui(ui: &mut egui::Ui) {
    egui::Grid::new("shortcuts")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for s in SHORTCUTS {
                ui.monospace(describe(ui.ctx(), s));
                ui.label(s.what());
                ui.end_row();
            }
            ui.monospace(t!("settings-key-esc"));
            ui.label(t!("settings-shortcut-esc"));
            ui.end_row();
            ui.monospace(t!("settings-key-enter"));
            ui.label(t!("settings-shortcut-enter"));
            ui.end_row();
            ui.monospace(t!("settings-key-arrows"));
            ui.label(t!("settings-shortcut-arrows"));
            ui.end_row();
            ui.monospace(t!("settings-key-tab"));
            ui.label(t!("settings-shortcut-tab"));
            ui.end_row();
            ui.monospace(
                ui.ctx()
                    .format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus)),
            );
            ui.label(t!("settings-shortcut-zoom"));
            ui.end_row();
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_says_what_it_does_in_both_languages() {
        for lang in crate::i18n::Lang::ALL {
            let ids = crate::i18n::message_ids(lang);
            for s in SHORTCUTS {
                assert!(ids.contains(s.what), "{:?} lacks {}", lang, s.what);
            }
        }
    }
}
