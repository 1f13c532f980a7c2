//! Tells the recruiter through the desktop's notifications (freedesktop Notifications on
//! Linux, the notification centres on macOS and Windows). A desktop without a notification
//! service is logged once and the app carries on. The text comes from candidates, so it is
//! made harmless for the server that draws it: no control or bidi marks, and `&`, `<`, `>`
//! escaped where the server reads markup.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::news::{self, Change, Notice, Opens};
use super::openings::{OpeningNames, openings};
use super::record::Record;
use crate::boundary::terminal::visible;
use crate::{APP_ID, APP_NAME};

/// Called on the notification's own thread when the recruiter clicks it.
pub type OnOpen = Arc<dyn Fn(Opens) + Send + Sync>;

/// Whether "no notification service" was logged already.
static SAID_UNAVAILABLE: AtomicBool = AtomicBool::new(false);

/// One notification for a refresh's changes, their openings named: sent and taken by the
/// server before this returns. False when nothing was worth telling or nobody could be told.
pub async fn tell(
    record: &Record,
    changes: &[Change],
    only_finished: bool,
    on_open: Option<OnOpen>,
) -> bool {
    if changes.is_empty() {
        return false;
    }
    let names = match openings(record).await {
        Ok(known) => OpeningNames::new(&known),
        Err(e) => {
            tracing::warn!("notification: the openings' names could not be read: {e}");
            OpeningNames::default()
        }
    };
    let Some(notice) = news::notice(changes, &names, only_finished) else {
        return false;
    };
    match tokio::task::spawn_blocking(move || send(&notice, on_open)).await {
        Ok(sent) => sent,
        Err(e) => {
            tracing::warn!("notification: the sender stopped: {e}");
            false
        }
    }
}

/// Sends the notice and waits until the notification server took it (a command line that
/// exits next must not lose it). With `on_open`, a thread of its own then waits for a click
/// for as long as the notification lives. False when there is no notification service.
pub fn send(notice: &Notice, on_open: Option<OnOpen>) -> bool {
    let mut notification = notify_rust::Notification::new();
    let markup = reads_markup();
    notification
        .appname(APP_NAME)
        .summary(&plain(&notice.summary, false))
        .body(&plain(&notice.body, markup))
        .icon(APP_ID);
    #[cfg(all(unix, not(target_os = "macos")))]
    notification.hint(notify_rust::Hint::DesktopEntry(APP_ID.to_owned()));
    if on_open.is_some() {
        notification.action("default", &crate::t!("notices-open"));
    }
    match notification.show() {
        Ok(handle) => {
            tracing::info!("notified: {} change(s)", notice.body.lines().count());
            wait_for_click(handle, notice.opens, on_open);
            true
        }
        Err(e) => {
            if !SAID_UNAVAILABLE.swap(true, Ordering::Relaxed) {
                tracing::warn!("no desktop notifications (the app carries on without them): {e}");
            }
            false
        }
    }
}

#[cfg(all(unix, not(target_os = "macos")))]
fn wait_for_click(handle: notify_rust::NotificationHandle, opens: Opens, on_open: Option<OnOpen>) {
    let Some(on_open) = on_open else {
        return;
    };
    let spawned = std::thread::Builder::new()
        .name("notification".into())
        .spawn(move || {
            handle.wait_for_action(|action| {
                if action == "default" {
                    on_open(opens);
                }
            });
        });
    if let Err(e) = spawned {
        tracing::warn!("a notification's click cannot be followed: {e}");
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn wait_for_click<H>(_handle: H, _opens: Opens, _on_open: Option<OnOpen>) {}

/// Whether the notification server draws `<b>` and `&amp;` as markup (asked once).
fn reads_markup() -> bool {
    #[cfg(all(unix, not(target_os = "macos")))]
    {
        static MARKUP: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
        *MARKUP.get_or_init(|| {
            notify_rust::get_capabilities()
                .map(|caps| caps.iter().any(|c| c == "body-markup"))
                .unwrap_or(false)
        })
    }
    #[cfg(not(all(unix, not(target_os = "macos"))))]
    false
}

/// Text a notification server shows as it is: each line with its control and bidi marks
/// made visible, and markup's three characters escaped when the server reads markup.
pub fn plain(text: &str, markup: bool) -> String {
    text.lines()
        .map(|line| {
            let line = visible(line);
            if markup {
                line.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            } else {
                line.into_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
