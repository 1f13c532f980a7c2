# The team's shared record.
# Every id here starts with "team-".
