# Inviting from a spreadsheet: preview, confirmation, sending, results.
# Every id here starts with "bulk-".
