//! What the full-disk tests share: a real small filesystem (a tmpfs, which needs root) that
//! unmounts itself, filling it up, and saying why a real full disk could not be had here —
//! which fails the test when `CI=true` (CI runs as root, so there it always runs).
#![allow(dead_code)] // shared by three test binaries, each using a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Says on stderr why the real full-disk test did not run; under `CI=true` that fails.
pub fn skipped(test: &str, why: &str) {
    let _ = writeln!(
        std::io::stderr(),
        "{test}: SKIPPED the real full disk: {why}"
    );
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true, but {test} could not make a real full disk: {why}"
    );
}

/// A tmpfs of `size` (`mount -t tmpfs -o size=…`), unmounted when dropped.
pub struct Tmpfs {
    pub dir: PathBuf,
}

impl Tmpfs {
    /// Mounts one at `dir` (created), or says why it cannot be done here.
    pub fn mount(dir: &Path, size: &str) -> Result<Tmpfs, String> {
        if !is_root() {
            return Err("not running as root, so no tmpfs can be mounted".into());
        }
        std::fs::create_dir_all(dir).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output()
            .map_err(|e| format!("mount could not be run: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "mount -t tmpfs failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(Tmpfs {
            dir: dir.to_path_buf(),
        })
    }

    /// Bytes still free on it.
    pub fn free(&self) -> u64 {
        let out = Command::new("df")
            .args(["--output=avail", "-B1"])
            .arg(&self.dir)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .nth(1)
            .unwrap()
            .trim()
            .parse::<u64>()
            .unwrap()
    }

    /// Fills it with one file until only `room` bytes are left (0: full); returns the file,
    /// whose removal makes room again.
    pub fn fill_leaving(&self, room: u64) -> PathBuf {
        let filler = self.dir.join("filler");
        let size = self.free().saturating_sub(room);
        let mut file = std::fs::File::create(&filler).unwrap();
        let chunk = vec![0u8; 64 * 1024];
        let mut written = 0u64;
        while written < size {
            let n = chunk.len().min((size - written) as usize);
            if file.write_all(&chunk[..n]).is_err() {
                break; // full already
            }
            written += n as u64;
        }
        let _ = file.sync_all();
        filler
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).status();
    }
}
