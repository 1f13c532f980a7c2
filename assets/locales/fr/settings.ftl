# Réglages, raccourcis clavier, modèles de messages.
# Every id here starts with "settings-".
