# Inviting one candidate.
# Every id here starts with "invite-".

invite-title = Invite
invite-intro = Invite one candidate to an opening. They receive the test by email.
invite-email = Email
invite-opening = Opening
invite-opening-hint = e.g. software-engineer
invite-first-name = First name
invite-last-name = Last name
invite-optional = optional
invite-send = Send invite
invite-sending = Sending…
invite-invited = { $name } was invited.
invite-id = ID
invite-code = Code
invite-status = Status
invite-open-in-look-up = Open in Look up
invite-checked-first = Every field is checked before anything is sent.
invite-not-saved-locally = Not saved locally
invite-interrupted = The invite was stopped before an answer came. It may or may not have been created: look the email up before sending it again.
invite-copy = Copy
invite-copy-code = Copy the code
