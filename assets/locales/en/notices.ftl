# Notifications and the lines that say who moved.
# Every id here starts with "notices-".
