//! Where untrusted text leaves the app: every value from a candidate (names, emails, CSV
//! cells) or a server (fields, error details, links) is neutralised here, once, for the place
//! it goes — a CSV or XLSX cell, a terminal or log line, the window, a link — and the API key
//! is redacted from anything a server wrote, in every encoding it may come back in.

pub mod cell;
pub mod link;
pub mod redact;
pub mod terminal;
pub mod xlsx;
