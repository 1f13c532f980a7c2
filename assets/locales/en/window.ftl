# The window's frame: navigation, status bar, dialogs, shared widgets.
# Every id here starts with "window-".

## The views, as the navigation names them

window-view-keys = Keys
window-view-lookup = Look up
window-view-invite = Invite
window-view-bulk = Bulk invite
window-view-applicants = Applicants
window-view-openings = Openings
window-view-settings = Settings

## Title bar and navigation

window-theme = Theme
window-unseen =
    { $count ->
        [one] 1 applicant changed since you last looked
       *[other] { $count } applicants changed since you last looked
    }

## Status bar

window-status-opening-profile = Opening profile { $name }…
window-status-profile = Profile { $name }
window-status-session-key = key kept for this session only
window-status-no-profile = No profile in use
window-status-requests =
    { $count ->
        [one] 1 request in flight
       *[other] { $count } requests in flight
    }
window-status-doing = { $doing } ({ $requests })
window-status-offline = Offline: the next background check waits until the server can be reached
window-status-read-only-copy = Read only: as last read { $when }
window-status-read-only-newer = Read only: a newer version of the app changed the team database
window-status-ready = Ready
window-status-details-hint = What went wrong, for support
window-dismiss = Dismiss
window-dismiss-hint = Dismiss this message
window-doing-refreshing = Refreshing { $done } of { $total }…
window-doing-sending = Sending invites: { $done } of { $total }…
window-doing-lookup = Looking up { $id }…
window-doing-invite = Sending the invite…
window-doing-reading = Reading the file…

## Welcome screen

window-welcome-title = Welcome to RickRut Dashboard
window-welcome-text = Keep your API key in the OS keyring, look applicants up, and invite candidates.
window-welcome-add-key = Add your API key
window-welcome-demo = Try the demo
window-welcome-demo-starting = Starting the demo…
window-welcome-demo-hint = A built-in sandbox with made-up applicants; no account needed

## Keyboard shortcuts and About (F2)

window-shortcuts-title = Keyboard shortcuts
window-about-title = About RickRut Dashboard
window-about-version = Version { $version }
window-about-not-available = not available
window-about-profiles = Profiles
window-about-database = Local database
window-about-database-demo = The demo's record lives in memory and starts afresh each time the demo opens.
window-about-database-memory = Kept in memory for this session only.
window-about-database-none = Not available; see the message in the status bar.
window-about-logs = Logs
window-about-private = Diagnostics hold no key and no applicant data.
window-about-copy = Copy diagnostics
window-about-copy-hint = Copy what support needs: versions, paths and counts, no key and no applicant data

## Shared widgets

window-details = Details
window-status-badge = Status: { $status }
window-copy = Copy
window-copied = Copied
window-copy-code = Copy the code
window-copy-details = Copy the details
window-copy-value = Copy this value
window-click-to-copy = Click to copy
window-not-scored-yet = not scored yet
window-score-of-100 = { $label }: { $score } out of 100
window-checks-label = Check unfinished candidates
window-checks-hint = While the app is open, even minimised, the candidates not yet scored are checked this often; type off (or 0) to stop
# What the interval control shows; typing the word for "off" stops the checks.
window-checks-off = off
window-checks-every = every { $minutes } min
window-time-with-relative = { $time } ({ $relative })
window-just-now = just now
window-minutes-ago =
    { $count ->
        [one] 1 minute ago
       *[other] { $count } minutes ago
    }
window-hours-ago =
    { $count ->
        [one] 1 hour ago
       *[other] { $count } hours ago
    }
window-days-ago =
    { $count ->
        [one] 1 day ago
       *[other] { $count } days ago
    }
window-months-ago =
    { $count ->
        [one] 1 month ago
       *[other] { $count } months ago
    }
window-years-ago =
    { $count ->
        [one] 1 year ago
       *[other] { $count } years ago
    }
window-in-minutes =
    { $count ->
        [one] in 1 minute
       *[other] in { $count } minutes
    }
window-in-hours =
    { $count ->
        [one] in 1 hour
       *[other] in { $count } hours
    }
window-in-days =
    { $count ->
        [one] in 1 day
       *[other] in { $count } days
    }
window-in-months =
    { $count ->
        [one] in 1 month
       *[other] in { $count } months
    }
window-in-years =
    { $count ->
        [one] in 1 year
       *[other] in { $count } years
    }
window-size-bytes = { $size } B
window-size-kib = { $size } KiB
window-size-mib = { $size } MiB

# A candidate's status on its badge: RickRut's word in English; any other status as sent.
window-status-word =
    { $status ->
    [INVITED] INVITED
    [STARTED] STARTED
    [COMPLETED] COMPLETED
    [SCORED] SCORED
    [REJECTED] REJECTED
    [HIRED] HIRED
       *[other] { $status }
    }
