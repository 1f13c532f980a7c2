# Settings, keyboard shortcuts, message templates.
# Every id here starts with "settings-".

settings-title = Settings
settings-timeout = Request timeout
settings-timeout-hint = How long one request may take before it is given up (5–300 s)
settings-seconds-suffix = { " " }s
settings-concurrency = Requests at once
settings-concurrency-hint = For refresh all and bulk invite (1–64)
settings-notifications = Desktop notifications
settings-notify-moved = when a check finds candidates moved
settings-notify-finished = only when they finish
settings-stale-after = Not started after
settings-days-suffix = { " " }days
settings-stale-hint = Invited candidates who have not begun after this many days are listed for a reminder
settings-language = Language
settings-theme = Theme
settings-theme-system = System theme
settings-theme-light = Light
settings-theme-dark = Dark
settings-text-size = Text size
settings-data-dir = Data directory
settings-data-dir-default = the platform's data directory
settings-data-dir-next-start = Used from the next start. Now: { $now }
settings-data-dir-not-full = The data directory must be a full path (starting with / on Linux and macOS).
settings-restore = Restore defaults
settings-about = About and diagnostics…
settings-shortcuts = Keyboard shortcuts…

## Messages to candidates

settings-messages-title = Messages to candidates
settings-messages-help = Copied from an applicant's card and after an invite. These fill in: { $placeholders }.
settings-invitation = Invitation
settings-invitation-field = Invitation message
settings-reminder = Reminder
settings-reminder-field = Reminder message
settings-restore-message = Restore the default
