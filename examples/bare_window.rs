//! The smallest eframe window built like the app (glow renderer, same features and profile):
//! the baseline for the startup and memory benchmarks in `scripts/bench`.
//!     cargo run --release --features screenshot --example bare_window
fn main() -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bare window")
            .with_inner_size([1200.0, 800.0]),
        renderer: eframe::Renderer::Glow,
        ..eframe::NativeOptions::default()
    };
    eframe::run_ui_native("bare window", options, |ui, _frame| {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("A bare eframe window");
            ui.label("Nothing else: the floor for startup time and memory.");
        });
    })
}
