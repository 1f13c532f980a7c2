# The window's frame: navigation, status bar, dialogs, shared widgets.
# Every id here starts with "window-".
