//! Logging: stderr for the command line, and for the window a daily file written off the UI
//! thread. The HTTP libraries are kept at info so that a URL (and so a key) is never logged.

use crate::boundary::terminal::Neutral;

/// Stderr at the level `-v` asks (warnings by default), and, for the window, a daily file
/// (seven kept) at info: one line per API call with its timing and status, never a URL query.
pub fn init_logging(
    verbose: u8,
    log_dir: Option<&std::path::Path>,
) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    use tracing_subscriber::Layer as _;
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;
    let level = match verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    // reqwest and hyper print URLs (and so the key) at debug: keep them at info whatever -v says.
    let filter = |default: &str| {
        tracing_subscriber::EnvFilter::try_from_default_env()
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default))
            .add_directive(quiet("reqwest"))
            .add_directive(quiet("hyper"))
            .add_directive(quiet("hyper_util"))
            .add_directive(quiet("h2"))
            .add_directive(quiet("rustls"))
            .add_directive(quiet("zbus"))
    };
    // A server's words logged with -v must not drive the terminal: every line goes through
    // the neutralising writer, and tracing writes no colour codes of its own.
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(|| Neutral(std::io::stderr()))
        .with_ansi(false)
        .with_target(false)
        .with_filter(filter(level));
    let mut guard = None;
    let file = log_dir.and_then(|dir| {
        std::fs::create_dir_all(dir).ok()?;
        let appender = tracing_appender::rolling::Builder::new()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .max_log_files(7)
            .filename_prefix("rickrut-dashboard")
            .filename_suffix("log")
            .build(dir)
            .ok()?;
        // 8,192 lines waiting at most (the default room for 128,000 takes 4 MB of memory
        // from the start); past that, lines are dropped rather than the app slowed.
        let (writer, g) = tracing_appender::non_blocking::NonBlockingBuilder::default()
            .buffered_lines_limit(8192)
            .finish(Neutral(appender));
        guard = Some(g);
        Some(
            tracing_subscriber::fmt::layer()
                .with_writer(writer)
                .with_ansi(false)
                .with_filter(filter(if verbose > 1 { "debug" } else { "info" })),
        )
    });
    let _ = tracing_subscriber::registry()
        .with(stderr)
        .with(file)
        .try_init();
    guard
}

fn quiet(target: &str) -> tracing_subscriber::filter::Directive {
    format!("{target}=info")
        .parse()
        .unwrap_or_else(|_| tracing_subscriber::filter::LevelFilter::INFO.into())
}

/// An error's words followed by those of its causes not already said, for Details, `-v` and
/// the log ("error connecting to server: Connection refused (os error 111)").
pub fn with_causes(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let more = cause.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = cause.source();
    }
    text
}
