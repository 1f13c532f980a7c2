//! How far a bulk invite job has got: what the window's progress and the command line's
//! summary show.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use crate::store::bulk::{BulkRow, RowState};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BulkProgress {
    pub total: usize,
    pub sent: usize,
    pub created: usize,
    pub skipped: usize,
    /// Rows never sent: unticked, or wrong in the file (an invalid email, no opening).
    pub left_out: usize,
    /// Rows the server refused or the network lost.
    pub failed: usize,
    pub unknown: usize,
    pub pending: usize,
    pub paused_until: Option<Instant>,
    /// Why the whole job stopped early (a refused key, a record that could not be
    /// written), in one sentence, if it did.
    pub stopped_because: Option<String>,
    /// It stopped because the local record could not be written (a full disk, say).
    pub record_failed: bool,
    /// Rows the server answered whose answer could not be written to the record: what the
    /// server said (the record still has them as being sent, unknown on the next start).
    pub unrecorded: Vec<(u64, RowState)>,
    pub finished: bool,
    pub started: Option<Instant>,
}

impl BulkProgress {
    /// Rows a second since the start.
    pub fn rate(&self) -> f64 {
        let secs = self.started.map_or(0.0, |s| s.elapsed().as_secs_f64());
        if secs > 0.0 {
            self.sent as f64 / secs
        } else {
            0.0
        }
    }

    /// Seconds left at the current rate.
    pub fn eta(&self) -> Option<f64> {
        let rate = self.rate();
        (rate > 0.0).then(|| self.pending as f64 / rate)
    }

    pub fn count(&mut self, rows: &[BulkRow]) {
        self.total = rows.len();
        self.created = 0;
        self.skipped = 0;
        self.left_out = 0;
        self.failed = 0;
        self.unknown = 0;
        self.pending = 0;
        for r in rows {
            match r.state {
                RowState::Created { .. } => self.created += 1,
                RowState::Skipped(_) => self.skipped += 1,
                RowState::Excluded => self.left_out += 1,
                RowState::Failed(_) => self.failed += 1,
                RowState::Unknown(_) => self.unknown += 1,
                RowState::Pending | RowState::Sending => self.pending += 1,
            }
        }
    }
}

pub type SharedBulkProgress = Arc<Mutex<BulkProgress>>;
