# The list of tracked applicants: toolbar, table, filters, export.
# Every id here starts with "applicants-".
