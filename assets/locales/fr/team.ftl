# Le dossier partagé de l'équipe.
# Every id here starts with "team-".
