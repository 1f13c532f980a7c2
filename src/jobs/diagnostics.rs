//! What the app writes about itself for the benchmarks: the window's frame times, in the file
//! `RICKRUT_FRAME_STATS` names. The window counts; writing the file happens here.

use std::path::Path;

/// Writes the frame statistics as JSON when the window closes (the UI thread has nothing
/// left to draw then). A failure is logged once as a sentence: the benchmark that asked for
/// the file says it is missing.
pub fn write_frame_stats(path: &Path, stats: &serde_json::Value) {
    if let Err(e) = std::fs::write(path, stats.to_string()) {
        tracing::warn!(
            "the frame statistics could not be written to {}: {e}",
            path.display()
        );
    }
}
