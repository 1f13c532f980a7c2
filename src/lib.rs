//! RickRut Dashboard: the layers of the app, from the API client up to the views.

pub mod api;
pub mod background;
pub mod boundary;
pub mod i18n;
pub mod jobs;
pub mod keys;
pub mod logging;
pub mod sandbox;
pub mod store;
pub mod ui;

/// The app's name: the window title, the notifications' sender, where eframe keeps its state.
pub const APP_NAME: &str = "RickRut Dashboard";
/// Matches the `.desktop` file name, as Wayland and the notification servers require.
pub const APP_ID: &str = "rickrut-dashboard";
