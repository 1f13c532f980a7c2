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

## Keyboard shortcuts (F1)

settings-shortcut-look-up = Look an applicant up (focus the ID field)
settings-shortcut-new-invite = New invite
settings-shortcut-refresh = Refresh all tracked applicants
settings-shortcut-filter = Filter the applicants
settings-shortcut-keys = Keys
settings-shortcut-look-up-view = Look up
settings-shortcut-invite = Invite
settings-shortcut-bulk = Bulk invite
settings-shortcut-applicants = Applicants
settings-shortcut-openings = Openings and shortlists
settings-shortcut-settings = Settings
settings-shortcut-quit = Quit (settings are saved)
settings-shortcut-help = This list of shortcuts
settings-shortcut-about = About, paths and diagnostics
settings-key-esc = Esc
settings-shortcut-esc = Cancel the request in flight, or close a dialog
settings-key-enter = Enter
settings-shortcut-enter = Look up the ID typed
settings-key-arrows = ↑ ↓ Home End
settings-shortcut-arrows = Choose the applicant above, below, first or last (Applicants)
settings-key-tab = Tab / Shift+Tab
settings-shortcut-tab = Move between controls; Space or Enter presses a button
settings-shortcut-zoom = Larger text (and Ctrl+Minus smaller, Ctrl+0 back)
