# The list of tracked applicants: toolbar, table, filters, export.
# Every id here starts with "applicants-".

## Messages to copy for a candidate (under the name on the card)

applicants-not-started = { $days ->
    [0] Invited today, not started yet
    [1] Invited yesterday, not started yet
   *[other] Invited { $days } days ago, not started yet
}
applicants-copy-reminder = Copy reminder
applicants-copy-reminder-hint = Copy a reminder to send the candidate, from your template in Settings
applicants-copy-invitation = Copy invitation message
applicants-copy-invitation-hint = Copy a message to send the candidate, from your template in Settings

## The table

applicants-column-id = ID
applicants-column-name = Name
applicants-column-email = Email
applicants-column-opening = Opening
applicants-column-status = Status
applicants-column-step = Step
applicants-column-skill = Skill
applicants-column-adequation = Adequation
applicants-column-updated = Updated
applicants-column-last-checked = Last checked
applicants-column-rating = Your rating
applicants-column-decision = Decision
applicants-row-label = Applicant { $id }, { $name }
applicants-status-tooltip = Status: { $status }
applicants-opening-tooltip = { $opening } (opening ID { $id })
applicants-deleted-upstream = deleted upstream
applicants-not-fetched = not fetched yet
applicants-sort-by = Sort by { $column }

## The second row of filters

applicants-filter-opening = Opening
applicants-any-opening = Any opening
applicants-filter-tag = Tag
applicants-any-tag = Any tag
applicants-filter-decision = Decision
applicants-any-decision = Any decision
applicants-stale = Not started after { $days } days
applicants-stale-count = Not started after { $days } days ({ $count })
applicants-stale-hint = Invited candidates who have not begun the test: select one to copy a reminder (the days are set in Settings)
applicants-then-by = Then by
applicants-then-by-hint = What decides between applicants the sort finds equal
applicants-then-by-nothing = nothing

## The view and its toolbar

applicants-title = Applicants
applicants-no-profile = Use a profile (Keys) to see the applicants it invited or looked up.
applicants-no-database = The local database is not available; see the message below.
applicants-none-yet = No applicant is tracked yet. Everyone you look up or invite with this profile appears here; you can also track an ID above.
applicants-reading = Reading your tracked applicants…
applicants-untrack-title = { $count ->
    [one] Stop tracking 1 applicant?
   *[other] Stop tracking { $count } applicants?
}
applicants-untrack-body = Their local history goes too. They stay in RickRut; you can track them again by ID.
applicants-untrack = Untrack
applicants-cancel = Cancel
applicants-filter = Filter
applicants-filter-hint = name, email or code
applicants-filter-status = Status
applicants-any-status = Any status
applicants-changed-only = Changed since last look ({ $count })
applicants-track-id = Track ID
applicants-track-id-hint = e.g. 1002
applicants-track = Track
applicants-track-hint = Track this ID and fetch the applicant now (or press Enter)
applicants-untrack-shown = Untrack { $count } shown…
applicants-export = Export…
applicants-export-as = { $format } ({ $count } shown)…
applicants-cancel-refresh = Cancel refresh
applicants-refresh-all = Refresh all
applicants-refresh-all-hint = Fetch the current state of every tracked applicant (Ctrl+R)
applicants-refresh-selected = Refresh selected
applicants-refresh-selected-hint = Fetch the selected applicant now
applicants-refresh-selected-none = Select an applicant in the table first
applicants-retry-failed = Retry { $count } failed
applicants-concurrency = Requests at once
applicants-concurrency-hint = How many requests a refresh sends at the same time (1–64)

## The refresh's progress

applicants-progress = { $done } / { $total }
applicants-progress-counts = { $changed } changed · { $deleted } deleted upstream · { $failed } failed
applicants-slow-down = the server asked to slow down: waiting { $seconds } s
applicants-refresh-finished = Refresh finished.
applicants-refresh-cancelled = Refresh cancelled.
applicants-none-refreshed = { $count ->
    [one] The applicant could not be refreshed. { $reason }
   *[other] None of the { $count } applicants could be refreshed. { $reason }
}
applicants-some-not-refreshed = { $count ->
    [one] 1 applicant could not be refreshed. { $reason }
   *[other] { $count } applicants could not be refreshed. { $reason }
}
applicants-which-ones = Which ones

## Tracking and exports

applicants-tracking-fetching = Tracking { $id }; fetching it now.
applicants-tracking-refresh = Tracking { $id }; refresh to fetch it.
applicants-untracked = { $count ->
    [one] Stopped tracking 1 applicant.
   *[other] Stopped tracking { $count } applicants.
}
applicants-format-json = JSON
applicants-export-cancelled = Export cancelled.
applicants-exported = { $count ->
    [one] Exported 1 applicant to { $path }.
   *[other] Exported { $count } applicants to { $path }.
}
applicants-saved = Saved { $path }.
