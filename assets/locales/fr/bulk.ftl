# Inviter depuis un tableur : aperçu, confirmation, envoi, résultats.
# Every id here starts with "bulk-".
