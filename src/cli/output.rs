//! What the command line prints: to standard output, where a closed pipe (`| head`) is not
//! an error worth reporting, and its sentences to standard error, likewise (`2>&1 | head`
//! must not end in a panic).

/// `eprintln!` that lets a closed standard error be: the sentence has nowhere to go.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprint!`, likewise (a question before its answer is read).
macro_rules! ask {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let mut err = std::io::stderr();
        let _ = write!(err, $($arg)*).and_then(|()| err.flush());
    }};
}

use std::io::Write as _;

use rickrut_dashboard::t;

pub fn print_out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// A progress bar on stderr for `refresh` and `import`.
pub fn progress_bar(len: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(&t!("cli-progress-template"))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}
