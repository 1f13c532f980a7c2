//! Settings: request timeout, concurrency, auto-refresh, data directory, theme and text size;
//! kept in eframe's storage, checked, and restored to defaults in one click.

use egui::Ui;

use super::{Persisted, theme, widgets};

/// What a change needs applied.
#[derive(Default)]
pub struct Changed {
    pub client: bool,
    pub look: bool,
    pub work: bool,
}

pub fn settings_ui(
    ui: &mut Ui,
    settings: &mut Persisted,
    data_dir_in_use: Option<&str>,
) -> Changed {
    let mut changed = Changed::default();
    ui.heading("Settings");
    ui.add_space(theme::SPACE);
    egui::Grid::new("settings").num_columns(2).spacing([theme::SECTION_SPACE, 8.0]).show(ui, |ui| {
        let label = ui.label("Request timeout");
        changed.client |= ui
            .add(egui::DragValue::new(&mut settings.timeout_secs).range(5..=300).suffix(" s"))
            .labelled_by(label.id)
            .on_hover_text("How long one request may take before it is given up (5–300 s)")
            .changed();
        ui.end_row();

        let label = ui.label("Requests at once");
        changed.work |= ui
            .add(egui::DragValue::new(&mut settings.concurrency).range(1..=64))
            .labelled_by(label.id)
            .on_hover_text("For refresh all and bulk invite (1–64)")
            .changed();
        ui.end_row();

        let label = ui.label("Auto-refresh every");
        changed.work |= ui
            .add(egui::DragValue::new(&mut settings.auto_refresh_minutes).range(0..=240).suffix(" min"))
            .labelled_by(label.id)
            .on_hover_text("Refresh every tracked applicant this often while the app is open; 0 turns it off")
            .changed();
        ui.end_row();

        let label = ui.label("Theme");
        let before = settings.theme;
        egui::ComboBox::from_id_salt("settings-theme")
            .selected_text(super::theme_name(settings.theme))
            .show_ui(ui, |ui| {
                for pref in [egui::ThemePreference::System, egui::ThemePreference::Light, egui::ThemePreference::Dark] {
                    ui.selectable_value(&mut settings.theme, pref, super::theme_name(pref));
                }
            })
            .response
            .labelled_by(label.id);
        changed.look |= before != settings.theme;
        ui.end_row();

        let label = ui.label("Text size");
        changed.look |= ui
            .add(egui::Slider::new(&mut settings.zoom, 0.75..=2.0).step_by(0.25).suffix("×"))
            .labelled_by(label.id)
            .changed();
        ui.end_row();

        let label = ui.label("Data directory");
        ui.vertical(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut settings.data_dir)
                    .hint_text("the platform's data directory")
                    .desired_width(360.0),
            )
            .labelled_by(label.id);
            if let Some(problem) = data_dir_problem(&settings.data_dir) {
                widgets::error_message(ui, &problem);
            } else {
                ui.label(egui::RichText::new(format!(
                    "Used from the next start. Now: {}",
                    data_dir_in_use.unwrap_or("the platform's data directory")
                )).weak());
            }
        });
        ui.end_row();
    });
    ui.add_space(theme::SECTION_SPACE);
    if ui.button("Restore defaults").clicked() {
        let keep_view = settings.view;
        let keep_openings = std::mem::take(&mut settings.openings_used);
        *settings = Persisted {
            view: keep_view,
            openings_used: keep_openings,
            ..Persisted::default()
        };
        changed = Changed {
            client: true,
            look: true,
            work: true,
        };
    }
    changed
}

/// An empty directory means the default; anything else must be an absolute path.
pub fn data_dir_problem(dir: &str) -> Option<String> {
    let dir = dir.trim();
    if dir.is_empty() || std::path::Path::new(dir).is_absolute() {
        None
    } else {
        Some("The data directory must be a full path (starting with / on Linux and macOS).".into())
    }
}
