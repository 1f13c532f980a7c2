# La liste des candidats suivis : barre d'outils, tableau, filtres, export.
# Every id here starts with "applicants-".
