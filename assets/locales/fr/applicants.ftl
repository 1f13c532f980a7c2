# La liste des candidats suivis : barre d'outils, tableau, filtres, export.
# Every id here starts with "applicants-".

## Messages à copier pour un candidat (sous le nom, sur la fiche)

applicants-not-started = { $days ->
    [0] Invité aujourd'hui, pas encore commencé
    [1] Invité hier, pas encore commencé
   *[other] Invité il y a { $days } jours, pas encore commencé
}
applicants-copy-reminder = Copier la relance
applicants-copy-reminder-hint = Copier une relance à envoyer au candidat, d'après votre modèle dans Paramètres
applicants-copy-invitation = Copier l'invitation
applicants-copy-invitation-hint = Copier un message à envoyer au candidat, d'après votre modèle dans Paramètres
