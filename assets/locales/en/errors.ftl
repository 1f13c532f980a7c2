# What went wrong, in one sentence with the next step.
# Every id here starts with "errors-".
