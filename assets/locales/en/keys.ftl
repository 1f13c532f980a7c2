# API keys and profiles.
# Every id here starts with "keys-".
