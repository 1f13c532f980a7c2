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
