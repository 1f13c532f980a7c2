# Inviting from a spreadsheet: preview, confirmation, sending, results.
# Every id here starts with "bulk-".

## Choosing a file

bulk-title = Bulk invite
bulk-no-profile = Use a profile (Keys) to invite from a file.
bulk-intro = Invite everyone in a spreadsheet (.xlsx, .xls, .ods) or a CSV file: a header row with an email column, and optionally opening, first name and last name. Drop the file on the window, or choose it.
bulk-opening-for-all = Opening for all
bulk-opening-for-all-hint = used when the file has no opening column
bulk-choose-file = Choose a file…
bulk-reading = Reading the file…
bulk-file-kind = Spreadsheet or CSV
bulk-interrupted = An import of { $file } from { $started } did not finish.
bulk-interrupted-unreadable = Unfinished imports could not be read
bulk-resume = Resume

## The preview

bulk-column-row = Row
bulk-column-send = Send
bulk-column-email = Email
bulk-column-opening = Opening
bulk-column-name = Name
bulk-column-verdict = Verdict
bulk-verdict-count = { $count } { $verdict }
bulk-preview-summary = { $file }: { $rows } rows. { $counts }
bulk-more-openings-to-check = More openings in this file need a second look; check the Opening column.
bulk-opening-is-id = { $rows ->
    [one] { $opening } (1 row) is the ID of { $name }, and the server takes names: write { $name } in those cells.
   *[other] { $opening } ({ $rows } rows) is the ID of { $name }, and the server takes names: write { $name } in those cells.
}
bulk-opening-warning = { $rows ->
    [one] { $opening } (1 row): { $warning }
   *[other] { $opening } ({ $rows } rows): { $warning }
}
bulk-send-invites = { $count ->
    [one] Send 1 invite…
   *[other] Send { $count } invites…
}
bulk-at-once = at once:{ " " }
bulk-choose-another = Choose another file…
bulk-preview-row-label = Row { $row }, { $email }, { $verdict }
bulk-send-row = Send row { $row }
bulk-row-will-be-sent = Row { $row } will be sent: click to leave it out
bulk-row-left-out = Row { $row } is left out: click to send it
bulk-verdict-of-row = Verdict of row { $row }: { $verdict }
bulk-verdict-copied = Copied the verdict of row { $row }.
bulk-edit-email = Email of row { $row }: click to edit
bulk-edit-opening = Opening of row { $row }: click to edit
bulk-sheet = Sheet
bulk-read-as-other = Read as another character set…

## The question before sending

bulk-invites = { $count ->
    [one] 1 invite
   *[other] { $count } invites
}
bulk-confirm-title = { $count ->
    [one] Send 1 invite?
   *[other] Send { $count } invites?
}
bulk-confirm-body = { $openings ->
    [one] To 1 opening; each candidate gets an email from RickRut.
   *[other] To { $openings } openings; each candidate gets an email from RickRut.
}
bulk-confirm-more-openings = and { $count } more openings
bulk-confirm-left-out = { $count ->
    [one] 1 row is left out and will not be sent.
   *[other] { $count } rows are left out and will not be sent.
}
bulk-confirm-send = { $count ->
    [one] Send 1 invite
   *[other] Send { $count } invites
}
bulk-cancel = Cancel
bulk-busy-sending = Finish or pause the invites being sent first.

## Sending and the results

bulk-pause = Pause
bulk-pause-hint = Finish the invites in flight, then wait; Resume goes on
bulk-cancel-hint = Finish the invites in flight and leave the rest out
bulk-retry-failed = Retry { $count } failed
bulk-retry-failed-hint = Send again the rows the server refused or the network lost; rows left out stay out
bulk-resend-unknown = Re-send { $count } unknown
bulk-resend-unknown-hint = Safe where the server refuses a repeated invite: it then counts as already invited
bulk-mark-unknown-done = Mark unknown as done
bulk-copy-messages = { $count ->
    [one] Copy 1 invitation message
   *[other] Copy { $count } invitation messages
}
bulk-copy-messages-hint = One message per candidate invited, each under its email address, from your template in Settings
bulk-message-to =
    To: { $email }

    { $message }
bulk-save-results = Save results…
bulk-save-as = { $format }…
bulk-new-import = New import…
bulk-show = Show
bulk-show-all = all
bulk-state-pending = pending
bulk-state-sending = sending
bulk-state-created = created
bulk-state-skipped = skipped
bulk-state-failed = failed
bulk-state-unknown = unknown
bulk-state-left-out = left out
bulk-column-state = State
bulk-column-new-id = New ID
bulk-column-code = Code
bulk-column-detail = Detail
bulk-progress = { $done } / { $total }
bulk-progress-counts = { $sent } sent · { $created } created · { $skipped } skipped · { $left_out } left out · { $failed } failed · { $unknown } unknown
bulk-rate = { $rate }/s
bulk-rate-eta = { $rate }/s, about { $seconds } s left
bulk-slow-down = the server asked to slow down: { $seconds } s
bulk-detail-of-row = Detail of row { $row }: { $detail }
bulk-detail-copied = Copied the detail of row { $row }.
bulk-result-row-label = Row { $row }, { $email }, { $state }
bulk-interrupted-unknown = { $count ->
    [one] 1 row was being sent when the app stopped; its outcome is unknown. Re-send or mark it done below.
   *[other] { $count } rows were being sent when the app stopped; their outcome is unknown. Re-send or mark them done below.
}
bulk-sending-stopped = Sending stopped unexpectedly. An unfinished import can be resumed from this view.
bulk-marked-done = { $count ->
    [one] 1 row marked done.
   *[other] { $count } rows marked done.
}
bulk-export-cancelled = Export cancelled.
bulk-saved = Saved { $path }.
