//! The real app state driven through egui_kittest (by accessible labels, as a screen reader
//! would) against the sandbox on loopback, with keys in a session store. One test binary,
//! one file per view.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

/// The language every test of this binary speaks (`tests/ui_french.rs` walks in French).
const LANG: rickrut_dashboard::i18n::Lang = rickrut_dashboard::i18n::Lang::En;

mod applicants;
mod bulk;
mod bulk_sheets;
mod fits;
mod fixture;
mod hostile;
#[path = "../support/hostile_server.rs"]
mod hostile_server;
mod invite;
mod keys_settings;
mod legible;
mod legible_layout;
mod lookup;
mod openings;
#[path = "../support/postgres.rs"]
mod pg;
mod record_opening;
#[path = "../support/store.rs"]
mod store_support;
mod team;
mod words;
