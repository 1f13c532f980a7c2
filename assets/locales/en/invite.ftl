# Inviting one candidate.
# Every id here starts with "invite-".
