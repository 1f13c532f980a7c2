//! Around the preview: how the file was read (another sheet, another character set) and the
//! question asked before sending, with the invites each opening gets.

use egui::Ui;

use super::super::command::{Command, Commands};
use super::super::theme;
use crate::boundary::terminal::visible;
use crate::jobs::import::{Preview, ReadAs, encoding};
use crate::t;

/// "Read as Windows-1252, separated by semicolons.", with the sheet picker or the character
/// set menu beside it.
pub fn read_as_ui(ui: &mut Ui, preview: &Preview, commands: &mut Commands) {
    ui.horizontal_wrapped(|ui| {
        ui.label(visible(&preview.read_as.sentence()));
        match &preview.read_as {
            ReadAs::Workbook { sheets, sheet } if sheets.len() > 1 => {
                let label = ui.label(t!("bulk-sheet"));
                egui::ComboBox::from_id_salt("import-sheet")
                    .selected_text(visible(sheet))
                    .show_ui(ui, |ui| {
                        for name in sheets {
                            if ui.selectable_label(name == sheet, visible(name)).clicked()
                                && name != sheet
                            {
                                commands.push(Command::ReadImportAs {
                                    sheet: Some(name.clone()),
                                    encoding: None,
                                });
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
            ReadAs::Workbook { .. } => {}
            ReadAs::Text {
                encoding: current, ..
            } => {
                ui.menu_button(t!("bulk-read-as-other"), |ui| {
                    for name in encoding::OFFERED {
                        let Some(chosen) = encoding::named(name) else {
                            continue;
                        };
                        if ui
                            .selectable_label(chosen == *current, encoding::label(chosen))
                            .clicked()
                        {
                            commands.push(Command::ReadImportAs {
                                sheet: None,
                                encoding: Some(chosen),
                            });
                            ui.close();
                        }
                    }
                });
            }
        }
    });
}

/// The question before sending: how many invites go to each opening, how many rows are left
/// out. `asking` is cleared when answered.
pub fn confirm_ui(ui: &mut Ui, preview: &Preview, asking: &mut bool, commands: &mut Commands) {
    if !*asking {
        return;
    }
    const LISTED: usize = 12;
    let ready = preview.ready();
    let by_opening = preview.ready_by_opening();
    let left_out = preview.rows.iter().filter(|p| p.excluded).count();
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("confirm-bulk-send")).show(ui.ctx(), |ui| {
        crate::ui::a11y::heading(ui, t!("bulk-confirm-title", count = ready));
        ui.label(t!("bulk-confirm-body", openings = by_opening.len()));
        ui.add_space(theme::SPACE);
        egui::Grid::new("confirm-bulk-openings")
            .num_columns(2)
            .striped(true)
            .show(ui, |ui| {
                for (opening, n) in by_opening.iter().take(LISTED) {
                    ui.label(visible(opening));
                    ui.label(t!("bulk-invites", count = *n));
                    ui.end_row();
                }
            });
        if by_opening.len() > LISTED {
            ui.label(t!(
                "bulk-confirm-more-openings",
                count = by_opening.len() - LISTED
            ));
        }
        if left_out > 0 {
            ui.label(t!("bulk-confirm-left-out", count = left_out));
        }
        ui.add_space(theme::SPACE);
        ui.horizontal(|ui| {
            if ui.button(t!("bulk-confirm-send", count = ready)).clicked() {
                commands.push(Command::SendImport);
                close = true;
            }
            if ui.button(t!("bulk-cancel")).clicked() {
                close = true;
            }
        });
    });
    if close || modal.should_close() {
        *asking = false;
    }
}
