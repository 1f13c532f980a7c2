//! The door every workflow goes through: one module per thing a recruiter does, each an
//! async entry point that the window (through a [`Task`] it polls each frame) and the command
//! line (blocking on it) both call. Below this: the API client, the record, the keyring.

pub mod assess;
pub mod bulk;
pub mod demo;
pub mod diagnostics;
pub mod export;
pub mod import;
pub mod invite;
pub mod keys;
pub mod lookup;
pub mod messages;
pub mod news;
pub mod notify;
pub mod openings;
pub mod record;
pub mod refresh;
pub mod sort;
mod task;
pub mod team;
pub mod track;

pub use task::{Interrupted, Outcome, Task, Wake, compute, no_wake, spawn, take_finished};
