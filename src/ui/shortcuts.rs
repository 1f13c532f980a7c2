//! Every keyboard shortcut, in one table that both the handler and the help window read; a
//! shortcut sends the same command a click would.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::{Command, Commands};
use super::settings::View;

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
    pub what: &'static str,
}

const fn command(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

pub const SHORTCUTS: &[Shortcut] = &[
    Shortcut {
        keys: command(Key::L),
        action: Action::FocusLookup,
        what: "Look an applicant up (focus the ID field)",
    },
    Shortcut {
        keys: command(Key::N),
        action: Action::NewInvite,
        what: "New invite",
    },
    Shortcut {
        keys: command(Key::R),
        action: Action::Refresh,
        what: "Refresh all tracked applicants",
    },
    Shortcut {
        keys: command(Key::F),
        action: Action::Filter,
        what: "Filter the applicants",
    },
    Shortcut {
        keys: command(Key::Num1),
        action: Action::Show(View::Keys),
        what: "Keys",
    },
    Shortcut {
        keys: command(Key::Num2),
        action: Action::Show(View::LookUp),
        what: "Look up",
    },
    Shortcut {
        keys: command(Key::Num3),
        action: Action::Show(View::Invite),
        what: "Invite",
    },
    Shortcut {
        keys: command(Key::Num4),
        action: Action::Show(View::Bulk),
        what: "Bulk invite",
    },
    Shortcut {
        keys: command(Key::Num5),
        action: Action::Show(View::Applicants),
        what: "Applicants",
    },
    Shortcut {
        keys: command(Key::Num6),
        action: Action::Show(View::Openings),
        what: "Openings and shortlists",
    },
    Shortcut {
        keys: command(Key::Num7),
        action: Action::Show(View::Settings),
        what: "Settings",
    },
    Shortcut {
        keys: command(Key::Q),
        action: Action::Quit,
        what: "Quit (settings are saved)",
    },
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::F1),
        action: Action::Help,
        what: "This list of shortcuts",
    },
    Shortcut {
        keys: KeyboardShortcut::new(Modifiers::NONE, Key::F2),
        action: Action::About,
        what: "About, paths and diagnostics",
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
                ui.label(s.what);
                ui.end_row();
            }
            ui.monospace("Esc");
            ui.label("Cancel the request in flight, or close a dialog");
            ui.end_row();
            ui.monospace("Enter");
            ui.label("Look up the ID typed");
            ui.end_row();
            ui.monospace("↑ ↓ Home End");
            ui.label("Choose the applicant above, below, first or last (Applicants)");
            ui.end_row();
            ui.monospace("Tab / Shift+Tab");
            ui.label("Move between controls; Space or Enter presses a button");
            ui.end_row();
            ui.monospace(
                ui.ctx()
                    .format_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus)),
            );
            ui.label("Larger text (and Ctrl+Minus smaller, Ctrl+0 back)");
            ui.end_row();
        });
}
