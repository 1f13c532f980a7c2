# Clés d'API et profils.
# Every id here starts with "keys-".
