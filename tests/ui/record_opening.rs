//! The local record opens on its own thread (the first frame does not wait for the file's
//! check): what the opening finds is still said, once it has opened.

use crate::fixture::{Fixture, has, step_until};

#[test]
fn a_damaged_record_found_while_the_window_is_up_is_moved_aside_and_said() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("tracked.sqlite"),
        "not a database, whatever its name says\n".repeat(200),
    )
    .unwrap();
    let fx = Fixture::new();
    let mut h = fx.harness_in(dir.path());
    step_until(&mut h, "the record moved aside", |h| {
        has(h, "The local record was damaged, so it was moved to")
    });
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().any(|n| n.contains("damaged-")),
        "set aside: {names:?}"
    );
    // A new record was started, and the window writes to it.
    assert!(names.iter().any(|n| n == "tracked.sqlite"), "{names:?}");
    assert!(h.state().state().records.is_some());
}

#[test]
fn a_record_that_cannot_be_opened_is_given_up_for_the_session_in_words() {
    let dir = tempfile::tempdir().unwrap();
    // Where the record's file should be, a directory: SQLite cannot open it.
    std::fs::create_dir(dir.path().join("tracked.sqlite")).unwrap();
    let fx = Fixture::new();
    let mut h = fx.harness_in(dir.path());
    step_until(&mut h, "the record given up", |h| {
        has(h, "Applicants will not be tracked in this session")
    });
    assert!(h.state().state().records.is_none());
}
