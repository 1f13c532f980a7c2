# The command line's output for a person.
# Every id here starts with "cli-".
