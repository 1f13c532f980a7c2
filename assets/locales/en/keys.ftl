# API keys and profiles.
# Every id here starts with "keys-".

## The Keys view

keys-title = Keys
keys-intro = A profile is a name and a server address. Its API key is kept in the OS keyring, never in a file.
keys-add-profile = Add profile…
keys-no-profile = No profile yet. Add one with your API key.
keys-column-profile = Profile
keys-column-server = Server
keys-column-key = Key
keys-column-actions = Actions
keys-in-use = (in use)
keys-verify-result = { $profile }: { $result }
keys-verifying = Verifying the key…
keys-place-session = this session only
keys-place-keyring = OS keyring
keys-place-session-brackets = (this session only)
keys-place-keyring-brackets = (OS keyring)
keys-hide-key = Hide key
keys-reveal-key = Reveal key
keys-show-key = Show key
keys-hide-key-of = Hide key of { $profile }
keys-reveal-key-of = Reveal key of { $profile }
keys-use = Use
keys-use-hint = Use profile { $profile }
keys-verify = Verify
keys-verify-hint = Check that the server accepts the key of { $profile }
keys-replace = Replace key…
keys-replace-hint = Paste a new key for { $profile }
keys-delete-button = Delete…
keys-delete-hint = Delete profile { $profile } and its key

## Adding a profile or replacing its key

keys-replace-title = Replace the key of { $profile }
keys-add-title = Add a profile
keys-profile-name = Profile name
keys-profile-name-hint = e.g. Acme hiring
keys-server-address = Server address
keys-api-key = API key
keys-api-key-hint = paste the key from your RickRut dashboard
keys-save = Save key
keys-save-hint = Save the key in the OS keyring (or press Enter)
keys-cancel = Cancel
keys-saving = Saving…
keys-refused = The key was not saved. Check it in your RickRut dashboard, or save it as it is if you know it is right.
keys-save-anyway = Save anyway
keys-keyring-failed = The key was not saved in the OS keyring. { $reason }
keys-session-explained = A key kept for this session is forgotten when the app closes, and never written to a file.
keys-keep-for-session = Keep for this session only
keys-name-taken = A profile named { $profile } exists already; use Replace key… on it.
keys-paste-again = Paste the key again.
keys-saved-unchecked = Saved; the server could not check the key now
keys-accepted = the key was accepted by the server.
keys-unchecked = the key could not be checked: { $reason }

## Deleting a profile

keys-delete-title = Delete profile { $profile }?
keys-delete-body = Its key is removed from the keyring. This cannot be undone.
keys-delete = Delete
keys-not-deleted = The key of { $profile } was not deleted: { $reason }
keys-deleted = Profile { $profile } and its key were deleted.

## Profiles in use, the status bar, the diagnostics

keys-store-unavailable = unavailable ({ $reason })
keys-store-opening = opening
keys-activity-opening = Opening profile { $profile }…
keys-activity-saving = Saving the key…
keys-activity-verifying = Checking the key with the server…
keys-activity-deleting = Deleting the key…
keys-activity-demo = Starting the demo…
keys-no-such-profile = There is no profile named { $profile }.
keys-no-keyring = The key for { $profile } cannot be read: no OS keyring is available. Add it again in Keys and keep it for this session only.
keys-using-profile = Using profile { $profile }.
keys-open-failed = Could not open profile { $profile }. Try Use again; if it keeps failing, restart the app.
keys-profiles-not-saved = Profiles were not saved. Change a profile again to retry, or restart the app.
keys-demo-failed = The demo did not start. Try again, or restart the app.
keys-demo-failed-because = The demo did not start: { $reason }
