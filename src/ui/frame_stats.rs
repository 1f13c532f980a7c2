//! Frame times as eframe reports them (`ui` plus rendering, per frame), handed to `jobs/` to
//! write as JSON to the file `RICKRUT_FRAME_STATS` names when the window closes (for the
//! benchmarks). "Busy" frames are those drawn while a request or a refresh was in flight.

use std::path::PathBuf;

#[derive(Debug, Default)]
pub struct FrameStats {
    path: PathBuf,
    frames: u64,
    max: f32,
    over_50ms: u64,
    busy_frames: u64,
    busy_max: f32,
    busy_over_50ms: u64,
}

impl FrameStats {
    pub fn from_env() -> Option<FrameStats> {
        let path = std::env::var_os("RICKRUT_FRAME_STATS")?;
        Some(FrameStats {
            path: PathBuf::from(path),
            ..FrameStats::default()
        })
    }

    pub fn record(&mut self, seconds: f32, busy: bool) {
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
        });
        crate::jobs::diagnostics::write_frame_stats(&self.path, &json);
    }
}
