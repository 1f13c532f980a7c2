# What went wrong, in one sentence with the next step.
# Every id here starts with "errors-".

# Under a sentence, what support needs (shown with -v or under Details).
errors-details = Details: { $details }

## The server's answers
errors-api-base-url = The server address is not usable: { $reason }
errors-api-key-missing = The API key is missing. Add one in Keys (on the command line: --profile, or RICKRUT_API_KEY).
errors-api-bad-request = The server refused the request as incomplete; check what was typed.
errors-api-unauthorized = The server refused the API key. Check the key in Keys, or make a new one in your RickRut dashboard.
errors-api-not-found = The server has no applicant with that ID; check the number.
errors-api-already-invited = This email was already invited to this opening; nothing new was created.
errors-api-unknown-opening = The server does not know this opening; check its name as RickRut spells it.
errors-api-email-refused = The server did not accept this email address; check it.
errors-api-refused-saying = The server did not accept it: { $reason }.
errors-api-refused = The server did not accept it; check what was typed.
errors-api-rate-limited-no-wait = The server has had too many requests for now and asked for no wait; try again in a moment.
errors-api-rate-limited-wait = The server has had too many requests for now and asks to wait { $wait }; try again then.
errors-api-rate-limited = The server has had too many requests for now; try again in a minute.
errors-api-server = The RickRut server had a problem; try again in a few minutes.
errors-api-unexpected-status = The server gave an answer the app does not expect; try again later, or check the server address in Keys.
errors-api-timeout = The server did not answer within { $after }; it may be slow or unreachable. Try again, or allow more time.
errors-api-connection-refused = The server could not be reached: nothing answers at that address. Check the connection and the server address.
errors-api-connection-dns = The server could not be reached: the server's name was not found. Check the connection and the server address.
errors-api-connection-certificate = The server could not be reached: its certificate is not trusted. Check the connection and the server address.
errors-api-connection-cut = The server could not be reached: the connection was cut. Check the connection and the server address.
errors-api-connection-unreachable = The server could not be reached: the network is unreachable. Check the connection and the server address.
errors-api-connection-failed = The server could not be reached: the connection failed. Check the connection and the server address.
errors-api-body-too-large = The server's answer was larger than { $mib } MiB and was not read.
errors-api-undecodable = The server's answer could not be read; it may not be a RickRut server. Check the server address, or try again later.

## Keys and profiles
errors-keyring-unavailable = No OS keyring is available on this computer. You can keep the key for this session only.
errors-keyring-locked = The OS keyring is locked or refused access. Unlock it and try again, or keep the key for this session only.
errors-keyring-timed-out = The OS keyring did not answer in time. It may be waiting for a password prompt; try again, or keep the key for this session only.
errors-keyring-bad-encoding = The key stored in the keyring is not readable; replace it in Keys.
errors-keyring-other = The OS keyring failed; try again, or keep the key for this session only.
errors-profiles-read = The profiles file { $path } could not be read; check that it is yours to read, then start the app again.
errors-profiles-corrupt = The profiles file { $path } is damaged; the app starts without profiles and keeps the damaged file as it is until you save a profile.
errors-profiles-write = The profiles file { $path } could not be saved; check that the disk has room and its folder can be written to, then save again.
errors-profile-name-empty = A profile needs a name.
errors-profile-name-too-long = A profile name has at most { $max } characters.
errors-profile-name-control = A profile name cannot contain control characters.
errors-profile-name-spaces = A profile name cannot start or end with spaces.
errors-profile-name-demo = "Demo" is the built-in demo's name; choose another.
errors-key-empty = Paste the API key first.
errors-key-has-spaces = An API key has no spaces in it; check what was pasted.
errors-no-key = No key is stored for { $name }; paste one in Keys.
errors-key-unreadable = The key for { $name } could not be read. { $problem }
errors-profile-address = Profile { $name }: { $problem }
errors-key-refused-nothing-saved = { $problem } Nothing was saved.

## The local record
errors-record-full = The local record could not be written: the disk is full (or not writable). Free some space, then try again.
errors-record-corrupt = The local record is damaged; close the app and open it again to set it aside and start a new one.
errors-record-failed = The local record could not be read or written; try again, and if it happens again, copy the details into a report.
errors-record-open = The local record at { $path } could not be opened; check that its folder can be written to, or choose another data directory.
errors-record-busy = The local record is busy with other work; try again.
errors-no-data-directory = This system has no data directory for the local record; pass --data-dir.
errors-refresh-record-failed = Refreshing stopped because the local record could not be written (is the disk full?). Free some space, then refresh again: what was saved before is kept.

## Background work, exports, openings
errors-cancelled = Cancelled.
errors-task-crashed = The background work stopped unexpectedly; try again, and if it happens again, copy the details into a report.
errors-export-write = { $path } could not be written; check that the folder exists and the disk has room.
errors-format-csv = CSV
errors-format-xlsx = Excel workbook
errors-opening-is-id = That is the ID of { $name }; the invite is sent to { $name }.
errors-opening-spelled = Did you mean { $name }? The server compares opening names exactly.
errors-opening-new = New opening: the server refuses names it does not know, so check the spelling.

## What was typed, refused before anything is sent
errors-input-bad-id = "{ $input }" is not an applicant ID: an ID is a whole number above zero.
errors-input-id-too-large = { $input } is larger than any applicant ID can be; check the number.
errors-input-missing-email = An email is required.
errors-input-bad-email = "{ $input }" is not a valid email address.
errors-input-missing-opening = An opening is required (for example software-engineer).

## How long, in a sentence that asks to wait
errors-duration-days = { $count } days
errors-duration-years = years

## Why a link from the server is shown as text (a clause: "…, and it leaves the server's site")
errors-link-not-a-path = it is not a path on the server's own site
errors-link-off-site = it leaves the server's site
errors-link-no-site = the server address is not usable

## Why a server address is not usable (after "The server address is not usable: ")
errors-url-not-a-url = "{ $input }" is not a URL ({ $error }).
errors-url-credentials = it must not contain a user name or password.
errors-url-query = it must not contain a query or fragment; the key is added by the app.
errors-url-http = only https:// addresses are allowed, except for this computer (127.0.0.1, [::1], localhost).
errors-url-scheme = the scheme { $scheme }:// is not supported.
errors-url-no-host = it has no host.
errors-record-moved-aside = The local record was damaged, so it was moved to { $path } and a new one was started; applicants will be tracked again as you look them up.
