# Inviter un candidat.
# Every id here starts with "invite-".
