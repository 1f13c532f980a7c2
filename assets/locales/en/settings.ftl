# Settings, keyboard shortcuts, message templates.
# Every id here starts with "settings-".
