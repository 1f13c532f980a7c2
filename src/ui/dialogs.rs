//! The platform's file dialogs (through the desktop portal on Linux), asked off the UI
//! thread: the answer is a path, which a job then reads or writes.

use std::path::PathBuf;

/// Asks where to save a file; `None` when the recruiter cancelled.
pub async fn save_path(suggested: &str, what: &str, extensions: &[&str]) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .set_file_name(suggested)
        .add_filter(what, extensions)
        .save_file()
        .await
        .map(|file| file.path().to_path_buf())
}

/// Asks for a file to open; `None` when the recruiter cancelled.
pub async fn open_path(what: &str, extensions: &[&str]) -> Option<PathBuf> {
    rfd::AsyncFileDialog::new()
        .add_filter(what, extensions)
        .pick_file()
        .await
        .map(|file| file.path().to_path_buf())
}
