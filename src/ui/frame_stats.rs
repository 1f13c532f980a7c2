//! Frame times as eframe reports them (`ui` plus rendering, per frame), handed to `jobs/` to
//! write as JSON to the file `RICKRUT_FRAME_STATS` names when the window closes (for the
//! benchmarks). "Busy" frames are those drawn while a request or a refresh was in flight.
//! The file also lists every frame (when it began, its time, busy or not), so that a
//! benchmark can tell the frames of one stretch (a load, a sort, the idle time between two
//! background runs) from the others.

use std::path::PathBuf;
use std::time::Instant;

/// Frames listed one by one, at most (about an hour at 60 frames a second); the counts go on.
const MAX_LISTED: usize = 200_000;

#[derive(Debug, Default)]
pub struct FrameStats {
    path: PathBuf,
    frames: u64,
    max: f32,
    over_50ms: u64,
    busy_frames: u64,
    busy_max: f32,
    busy_over_50ms: u64,
    /// When the first frame was drawn; frames are listed in seconds from then.
    started: Option<Instant>,
    /// (seconds since the first frame, eframe's time for the frame before, this frame's
    /// `ui` time, busy)
    listed: Vec<(f64, Option<f32>, f32, bool)>,
}

impl FrameStats {
    pub fn from_env() -> Option<FrameStats> {
        let path = std::env::var_os("RICKRUT_FRAME_STATS")?;
        Some(FrameStats {
            path: PathBuf::from(path),
            ..FrameStats::default()
        })
    }

    /// `previous`: eframe's time for the frame before (`ui` plus rendering); `this`: the
    /// time of this frame's `ui` alone, known now (the last frame before the window goes
    /// idle has no frame after it to report it).
    pub fn record(&mut self, previous: Option<f32>, this: f32, busy: bool) {
        let started = *self.started.get_or_insert_with(Instant::now);
        if self.listed.len() < MAX_LISTED {
            self.listed
                .push((started.elapsed().as_secs_f64(), previous, this, busy));
        }
        let Some(seconds) = previous else {
            return;
        };
        self.frames += 1;
        self.max = self.max.max(seconds);
        self.over_50ms += u64::from(seconds > 0.05);
        if busy {
            self.busy_frames += 1;
            self.busy_max = self.busy_max.max(seconds);
            self.busy_over_50ms += u64::from(seconds > 0.05);
        }
    }

    pub fn write(&self) {
        let json = serde_json::json!({
            "frames": self.frames,
            "max_ms": f64::from(self.max) * 1000.0,
            "over_50ms": self.over_50ms,
            "busy_frames": self.busy_frames,
            "busy_max_ms": f64::from(self.busy_max) * 1000.0,
            "busy_over_50ms": self.busy_over_50ms,
            // The wall clock of the first frame, so that a benchmark can line the frames up
            // with what it did and when.
            "first_frame_unix_s": self.started.map(|s| {
                let unix = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default();
                unix.as_secs_f64() - s.elapsed().as_secs_f64()
            }),
            "listed": self
                .listed
                .iter()
                .map(|(t, previous, this, busy)| {
                    let ms = |s: f32| f64::from(s) * 1000.0;
                    serde_json::json!([t, previous.map(ms), ms(*this), busy])
                })
                .collect::<Vec<_>>(),
        });
        crate::jobs::diagnostics::write_frame_stats(&self.path, &json);
    }
}
