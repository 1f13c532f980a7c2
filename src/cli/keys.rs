//! `key set`, `key delete`, `key list`: profiles and their keys in the OS keyring. A key is
//! read from standard input, never from the arguments.

use std::process::ExitCode;

use rickrut_dashboard::api;
use rickrut_dashboard::jobs::keys::{self, AddProfileError, SecretString};
use rickrut_dashboard::jobs::team;
use rickrut_dashboard::t;

use super::output::print_out;
use super::{Failure, KeyCommand, connect};

fn add_failure(e: AddProfileError) -> Failure {
    match e {
        AddProfileError::Keyring(e) => connect::key_store_failure(e),
        AddProfileError::Refused(e) => Failure {
            code: 3,
            message: t!("cli-key-refused-nothing-saved", problem = e.to_string()),
            details: e.technical(),
        },
        AddProfileError::File(e) => Failure {
            code: 1,
            message: e.to_string(),
            details: e.technical().map(str::to_owned),
        },
    }
}

pub fn run(command: &KeyCommand, runtime: &tokio::runtime::Runtime) -> Result<ExitCode, Failure> {
    match command {
        KeyCommand::List => {
            let book = connect::load_profiles(runtime)?;
            let mut out = String::new();
            if book.profiles.is_empty() {
                out.push_str(&t!("cli-no-profiles"));
                out.push('\n');
            }
            for p in &book.profiles {
                let site = api::site_of(&p.base_url);
                out.push_str(&if book.active.as_deref() == Some(p.name.as_str()) {
                    t!(
                        "cli-profile-line-active",
                        name = p.name.as_str(),
                        site = site
                    )
                } else {
                    t!("cli-profile-line", name = p.name.as_str(), site = site)
                });
                if let Some(url) = p.team_db.as_deref() {
                    let address = team::describe_team_db(url);
                    out.push('\t');
                    out.push_str(&t!("team-list-database", address = address));
                }
                out.push('\n');
            }
            print_out(&out);
            Ok(ExitCode::SUCCESS)
        }
        KeyCommand::Set {
            name,
            base_url,
            unchecked,
            team_db,
        } => {
            keys::validate_profile_name(name).map_err(|e| Failure::usage(e.to_string()))?;
            api::parse_base_url(base_url).map_err(|e| Failure::usage(e.to_string()))?;
            let team_db = team_db
                .as_deref()
                .map(team::check_team_db)
                .transpose()
                .map_err(Failure::usage)?;
            let key = read_secret_line(Secret::Key)?;
            let (mut profile, key) =
                keys::check_new_profile(name, base_url, secrecy::ExposeSecret::expose_secret(&key))
                    .map_err(Failure::usage)?;
            let password = match &team_db {
                Some(_) => Some(team_password()?),
                None => None,
            };
            profile.team_db = team_db;
            let path = connect::profiles_path()?;
            let warning = runtime
                .block_on(keys::add_profile(&path, profile, key, password, !unchecked))
                .map_err(add_failure)?;
            say!("{}", t!("cli-key-saved", name = name.as_str()));
            if let Some(e) = warning {
                say!("{}", t!("cli-key-not-checked", problem = e.to_string()));
            }
            Ok(ExitCode::SUCCESS)
        }
        KeyCommand::Delete { name } => {
            let path = connect::profiles_path()?;
            let existed = runtime
                .block_on(keys::remove_profile(&path, name))
                .map_err(add_failure)?;
            if existed {
                say!("{}", t!("cli-profile-deleted", name = name.as_str()));
                Ok(ExitCode::SUCCESS)
            } else {
                Err(Failure {
                    code: 4,
                    message: t!("cli-no-such-profile", name = name.as_str()),
                    details: None,
                })
            }
        }
    }
}

/// What a line of standard input holds.
#[derive(Clone, Copy)]
enum Secret {
    Key,
    TeamPassword,
}

/// One line of standard input: the key, then (with --team-db) the database password.
fn read_secret_line(what: Secret) -> Result<SecretString, Failure> {
    use std::io::IsTerminal as _;
    if std::io::stdin().is_terminal() {
        say!(
            "{}",
            match what {
                Secret::Key => t!("cli-paste-key"),
                Secret::TeamPassword => t!("team-paste-password"),
            }
        );
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| {
        Failure::usage(match what {
            Secret::Key => t!("cli-key-unreadable", error = e.to_string()),
            Secret::TeamPassword => t!("team-read-failed", reason = e.to_string()),
        })
    })?;
    let secret = SecretString::from(line.trim().to_owned());
    secrecy::zeroize::Zeroize::zeroize(&mut line);
    if secrecy::ExposeSecret::expose_secret(&secret).is_empty() {
        return Err(Failure::usage(match what {
            Secret::Key => t!("cli-key-none"),
            Secret::TeamPassword => t!("team-no-password"),
        }));
    }
    Ok(secret)
}

/// The team database's password: from the environment, else the next line of input.
fn team_password() -> Result<SecretString, Failure> {
    match std::env::var(team::PASSWORD_ENV) {
        Ok(password) if !password.is_empty() => Ok(SecretString::from(password)),
        _ => read_secret_line(Secret::TeamPassword),
    }
}
