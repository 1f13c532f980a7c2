//! RickRut Dashboard: the layers of the app, from the API client up to the views.

pub mod api;
pub mod boundary;
pub mod jobs;
pub mod keys;
pub mod logging;
pub mod sandbox;
pub mod store;
pub mod ui;
