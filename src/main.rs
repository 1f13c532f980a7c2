//! The command line: the desktop app by default, `--demo`, and the subcommands.

#[macro_use]
mod cli;

use std::process::ExitCode;

use clap::Parser;
use rickrut_dashboard::boundary::terminal::visible_lines;
use rickrut_dashboard::i18n;

fn main() -> ExitCode {
    // The system's language already for what the parser itself says (a wrong --every).
    let system = i18n::Lang::from_system();
    i18n::set(system);
    let args = cli::Cli::parse();
    i18n::set(args.lang.unwrap_or(system));
    let verbose = args.verbose > 0;
    // The window also logs to a rotating file; the guard flushes it at exit.
    let log_dir = args.command.is_none().then(cli::log_dir).flatten();
    let _log_guard = cli::init_logging(args.verbose, log_dir.as_deref());
    match cli::run(args) {
        Ok(code) => code,
        Err(failure) => {
            // One sentence; what support needs only with -v. A server's words in either
            // cannot drive the terminal.
            say!("{}", visible_lines(&failure.message));
            if let Some(details) = failure.details.filter(|_| verbose) {
                say!(
                    "{}",
                    rickrut_dashboard::t!("errors-details", details = visible_lines(&details))
                );
            }
            ExitCode::from(failure.code)
        }
    }
}
