# Un candidat : recherche, fiche, réponses, historique, comparaison.
# Every id here starts with "applicant-".
