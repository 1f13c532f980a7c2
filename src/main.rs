//! The command line: the desktop app by default, `--demo`, and the `get`, `create`,
//! `sandbox` and `key` subcommands.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    // The window also logs to a rotating file; the guard flushes it at exit.
    let log_dir = args.command.is_none().then(cli::log_dir).flatten();
    let _log_guard = cli::init_logging(args.verbose, log_dir.as_deref());
    match cli::run(args) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
