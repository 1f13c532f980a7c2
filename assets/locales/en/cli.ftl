# The command line's output for a person.
# Every id here starts with "cli-".

## get and create
cli-not-tracked-locally = The applicant was not tracked locally: { $error }
cli-invite-not-logged = The invite was not logged locally: { $error }
cli-applicant-not-scored = not scored yet
cli-applicant-not-rated = not rated
cli-applicant-id = ID:               { $id }
cli-applicant-status = Status:           { $status }
cli-applicant-step = Step:             { $step }
cli-applicant-opening = Opening:          { $name } (ID { $id })
cli-applicant-opening-id = Opening ID:       { $id }
cli-applicant-code = Code:             { $code }
cli-applicant-skill = Skill score:      { $score }
cli-applicant-adequation = Adequation score: { $score }
cli-applicant-recruiter = Recruiter score:  { $score }
cli-applicant-answers = Answers:          { $quizz } quizz, { $case } case ({ $gibberish } flagged gibberish), { $poll } poll

## note, tag, decide, forget
cli-note-empty = The note is empty; write what you want to keep.
cli-note-kept = Note kept for applicant { $id }.
cli-tag-none = Give at least one tag, e.g. `tag 1003 remote`.
cli-tagged = Applicant { $id } tagged { $tags }.
cli-decided = Applicant { $id }: { $decision }.
cli-forgotten = Everything this profile held on applicant { $id } is removed: their record, history, notes, tags, decision and invites.
cli-forget-nothing = This profile held nothing on applicant { $id }.

## Profiles and keys
cli-no-such-profile = There is no profile named { $name }.
cli-no-such-profile-list = There is no profile named { $name }; `rickrut-dashboard key list` shows them.
cli-no-key-for-profile = No key is stored for profile { $name }; save one with `rickrut-dashboard key set { $name }`.
cli-no-api-key = No API key: set the { $variable } environment variable or use --profile NAME (the key is never taken from the command line).
cli-which-profile = Which profile? Pass --profile NAME (see `rickrut-dashboard key list`).
cli-not-tracked-this-time = { $problem } This applicant is not tracked this time.
cli-no-config-dir = This system has no configuration directory for the profiles (is HOME set?).
cli-key-refused-nothing-saved = { $problem } Nothing was saved (--unchecked saves a key the server refuses).
cli-no-profiles = No profiles. Add one with `rickrut-dashboard key set NAME`.
cli-profile-line = { $name }	{ $site }
cli-profile-line-active = { $name }	{ $site } (active)
cli-key-saved = Saved the key of profile { $name } in the OS keyring.
cli-key-not-checked = The server could not check the key just now: { $problem }
cli-profile-deleted = Deleted profile { $name } and its key.
cli-paste-key = Paste the API key and press Enter (it is not shown):
cli-key-unreadable = Could not read the key from standard input: { $error }.
cli-key-none = No key was given on standard input.

## The app itself
cli-no-runtime = Could not start the background runtime: { $error }.
cli-demo-failed = The demo did not start: { $error }
cli-record-unavailable-window = { $problem } Applicants will not be tracked in this session.
cli-window-failed = The window could not open: { $error }.
cli-not-a-duration = '{ $text }' is not a duration: write 30s, 10m or 1h
cli-duration-out-of-range = '{ $text }' is out of range: from 1s to 24h
cli-lang-unknown = use en or fr
# indicatif's template: keep the {…} keys as they are.
cli-progress-template = {"{"}bar:40{"}"} {"{"}pos{"}"}/{"{"}len{"}"} {"{"}msg{"}"} [{"{"}elapsed_precise{"}"}, {"{"}eta{"}"} left]

## openings, shortlist, opening name
cli-openings-heading = OPENING	ID	TRACKED	NOT STARTED	LATE	STARTED	SCORED	COMPLETION	MEDIAN SKILL	MEDIAN ADEQUATION	LAST ACTIVITY
cli-percent = { $value } %
cli-openings-count = { $count ->
    [one] 1 opening.
   *[other] { $count } openings.
}
cli-no-such-opening = No opening called { $name } is known to this profile; `rickrut-dashboard openings` lists them.
cli-shortlist-heading = RANK	ID	NAME	EMAIL	OVERALL	SKILL	ADEQUATION	DECISION	TAGS
cli-shortlist-summary = { $count ->
    [one] 1 applicant for { $opening }, ranked by { $skill } % skill and { $adequation } % adequation.
   *[other] { $count } applicants for { $opening }, ranked by { $skill } % skill and { $adequation } % adequation.
}
cli-opening-name-empty = Give the opening's name as the API takes it, e.g. software-engineer.
cli-opening-named = Opening { $id } is now called { $name }.

## list, export, refresh, watch
cli-tracked-count = { $count ->
    [one] 1 tracked applicant.
   *[other] { $count } tracked applicants.
}
cli-export-xlsx-needs-file = A workbook cannot go to the terminal; add --output FILE.xlsx.
cli-exported = { $count ->
    [one] Exported 1 applicant to { $path }.
   *[other] Exported { $count } applicants to { $path }.
}
cli-refresh-progress = { $changed } changed, { $failed } failed
cli-refresh-stopped = Refresh stopped; what was received is saved. Run it again to continue.
cli-refreshed = Refreshed { $done } of { $total } tracked applicants: { $changed } changed, { $deleted } deleted upstream, { $failed } failed.
cli-no-notification-service = No desktop notification was sent: this session has no notification service.
cli-failed-for = { $count ->
    [one] 1 applicant: { $reason }
   *[other] { $count } applicants: { $reason }
}
cli-failed-for-ids = { $count ->
    [one] 1 applicant ({ $ids }): { $reason }
   *[other] { $count } applicants ({ $ids }): { $reason }
}
cli-failed-for-ids-more = { $count } applicants ({ $ids }, and { $more } more (-v lists them all)): { $reason }
cli-watch-all-finished = Every tracked candidate has finished; still watching for new ones (Ctrl-C stops).
cli-watch-stopped-saved = Stopped watching; what was received is saved.
cli-watch-stopped = Stopped watching.

## import
cli-unknown-encoding = "{ $name }" is not a character set this app knows; try utf-8, windows-1252, iso-8859-15 or utf-16le.
cli-import-rows-summary = { $count ->
    [one] 1 row: { $summary }.
   *[other] { $count } rows: { $summary }.
}
cli-import-not-confirmed = Nothing was sent; run the command again and answer y to send.
cli-import-resuming = Resuming the import of { $file } (job { $job }).
cli-import-interrupted = { $count ->
    [one] 1 row was being sent when the last run stopped: its outcome is unknown.
   *[other] { $count } rows were being sent when the last run stopped: their outcome is unknown.
}
cli-import-resending = { $count ->
    [one] Sending 1 row of unknown outcome again.
   *[other] Sending { $count } rows of unknown outcome again.
}
cli-import-progress = { $created } created, { $skipped } skipped, { $left_out } left out, { $failed } failed, { $unknown } unknown, { $rate }/s
cli-import-results = Results: { $path }
cli-import-outcome = { $total } rows: { $created } created, { $skipped } skipped, { $left_out } left out, { $failed } failed, { $unknown } unknown, { $pending } not sent yet.
cli-import-stopped = Stopped. Run the same command again to continue.
cli-import-unknown = { $count ->
    [one] 1 row has an unknown outcome. Check it in RickRut, then run again with --resend-unknown (a repeated invite is refused by the server and counts as already invited).
   *[other] { $count } rows have an unknown outcome. Check them in RickRut, then run again with --resend-unknown (a repeated invite is refused by the server and counts as already invited).
}
cli-import-refused = { $count ->
    [one] The server refused 1 row; its reason is in the results file: check it, then import the file again (rows already invited are skipped).
   *[other] The server refused { $count } rows; each one's reason is in the results file: check them, then import the file again (rows already invited are skipped).
}
cli-import-to-send = { $openings ->
    [one] { $count ->
        [one] 1 invite to send, to 1 opening:
       *[other] { $count } invites to send, to 1 opening:
    }
   *[other] { $count } invites to send, to { $openings } openings:
}
cli-import-opening-count = { $opening }: { $count }
cli-import-more-openings = { $count ->
    [one] and 1 more opening
   *[other] and { $count } more openings
}
cli-import-confirm = Send them? [y/N]
cli-import-opening-is-id = is the ID of { $name }, and the server takes names: write { $name } in the file
cli-import-opening-warning = { $count ->
    [one] { $opening } (1 row): { $warning }
   *[other] { $opening } ({ $count } rows): { $warning }
}

## A decision on an applicant
cli-decision-none = no decision
cli-decision-shortlisted = shortlisted
cli-decision-on-hold = on hold
cli-decision-rejected = rejected
