# The team's shared record.
# Every id here starts with "team-".

team-unreachable = The team database cannot be reached; check your network (or ask whoever runs the database), then try again.
team-refused = The team database refused this profile's user or password; check them in Keys, then try again.
team-address = The team database address is not one the app can use; write it as postgres://user@host:port/database in Keys (the password goes in its own field).
team-failed = The team database could not be read or written; try again, and if it happens again, copy the details into a report.
team-newer-schema = This record was last changed by a newer version of the app (schema { $found }, this one knows { $known }); update the app before writing to it.
team-password-unreadable = The team database's password could not be read from the OS keyring. { $reason }
team-address-wrong = Write the team database as postgres://user@host:port/database (the password goes in its own field).
team-address-has-password = Leave the password out of the team database address; it goes in its own field and is kept in the OS keyring.
team-address-unreadable = (an address that cannot be read)
team-teammate-refreshing = A teammate is refreshing the team's applicants right now, so this refresh was skipped; their results show here when you refresh the list.
team-record-unreachable-stop = Sending stopped because the team database could not be reached; run the import again once it answers: rows whose answer was not recorded are listed as unknown, never sent again by themselves.
team-list-database = team database { $address }
team-paste-password = Paste the team database's password and press Enter (it is not shown):
team-read-failed = Could not read it from standard input: { $reason }.
team-no-password = No team database password was given: set RICKRUT_TEAM_DB_PASSWORD or write it on the line after the key.
team-push-no-team = Profile { $profile } has no team database; add one with `rickrut-dashboard key set { $profile } --team-db postgres://user@host/database`.
team-pushed = Copied this computer's record of { $profile } to the team database: { $new } of its { $local } applicants were new there ({ $rows } rows added in all); running it again adds nothing.
team-window-heading = Team database of { $profile }
team-window-explain = Keep this profile's record in a PostgreSQL database the team shares, so that everyone sees who was invited, the notes and the decisions. Leave it empty to keep the record on this computer.
team-window-address = Team database
team-window-password = Database password
team-window-save = Save team database
team-window-local = Keep the record on this computer
team-window-push = Copy my local record to the team database
team-window-saved = The team database's password is saved in the OS keyring.
team-window-no-keyring = The password could not be saved because the OS keyring is not available; the team database cannot be opened without it.
team-window-not-open = The team database is not open yet; wait for it to connect, then copy again.
team-window-pushed = Copied: { $new } of your { $local } applicants were new to the team ({ $rows } rows added in all); copying again adds nothing.
team-window-not-recorded = Nothing was sent because the team database is not open, so the invite could not be recorded for the team; check the connection in Keys, then invite again.
team-last-read = The team database cannot be reached, so this is what this computer last read from it ({ $when }); nothing can be changed or sent until it is back.
