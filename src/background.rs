//! The window's own thread comes first: the threads that work for it in the background (the
//! record's thread, the runtime's workers) ask for the processor only when the window does
//! not, so a first frame or a scroll never waits behind 100,000 rows being read or a check
//! being written. The command line keeps every thread at the same priority: nothing there is
//! waiting to be drawn.

#[cfg(target_os = "linux")]
use std::sync::atomic::AtomicI32;
use std::sync::atomic::{AtomicBool, Ordering};

/// How much lower than the window a background thread runs, as a Unix nice value: the
/// scheduler gives such a thread about a tenth of a processor the window also wants, and all
/// of one it leaves idle.
pub const NICER: i32 = 10;

static WINDOW_FIRST: AtomicBool = AtomicBool::new(false);
/// The nice value of the thread that draws, taken when the window asked to come first.
#[cfg(target_os = "linux")]
static WINDOW_NICE: AtomicI32 = AtomicI32::new(0);

/// The window is opening, on this thread: background threads started from now on yield to
/// it.
pub fn put_window_first() {
    #[cfg(target_os = "linux")]
    WINDOW_NICE.store(
        rustix::process::getpriority_process(Some(rustix::thread::gettid())).unwrap_or(0),
        Ordering::Relaxed,
    );
    WINDOW_FIRST.store(true, Ordering::Relaxed);
}

/// Called first thing on a thread that works in the background: lowers it when the window
/// comes first. A refusal is logged, never fatal: the thread then runs as before.
pub fn start_thread() {
    if !WINDOW_FIRST.load(Ordering::Relaxed) {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        // On Linux the nice value belongs to each thread; the ID names this one. It is set
        // from the window's, not from this thread's own: a thread started by a background
        // thread inherits its lowered value already.
        let thread = rustix::thread::gettid();
        let nice = WINDOW_NICE.load(Ordering::Relaxed) + NICER;
        if let Err(e) = rustix::process::setpriority_process(Some(thread), nice) {
            tracing::debug!("a background thread keeps its priority: {e}");
        }
    }
}
