# La liste des candidats suivis : barre d'outils, tableau, filtres, export.
# Every id here starts with "applicants-".

## Messages à copier pour un candidat (sous le nom, sur la fiche)

applicants-not-started = { $days ->
    [0] Invitation envoyée aujourd’hui, test pas encore commencé
    [1] Invitation envoyée hier, test pas encore commencé
   *[other] Invitation envoyée il y a { $days } jours, test pas encore commencé
}
applicants-copy-reminder = Copier la relance
applicants-copy-reminder-hint = Copier une relance à envoyer au candidat, d’après votre modèle dans Réglages
applicants-copy-invitation = Copier l’invitation
applicants-copy-invitation-hint = Copier un message à envoyer au candidat, d’après votre modèle dans Réglages

## Le tableau

applicants-column-id = ID
applicants-column-name = Nom
applicants-column-email = E-mail
applicants-column-opening = Poste
applicants-column-status = Statut
applicants-column-step = Étape
applicants-column-skill = Compétences
applicants-column-adequation = Adéquation
applicants-column-updated = Mis à jour
applicants-column-last-checked = Vérifié
applicants-column-rating = Votre note
applicants-column-decision = Décision
applicants-row-label = Candidat { $id }, { $name }
applicants-status-tooltip = Statut : { $status }
applicants-opening-tooltip = { $opening } (ID du poste { $id })
applicants-deleted-upstream = supprimé dans RickRut
applicants-not-fetched = pas encore récupéré
applicants-sort-by = Trier par { $column }

## La seconde ligne de filtres

applicants-filter-opening = Poste
applicants-any-opening = Tous les postes
applicants-filter-tag = Étiquette
applicants-any-tag = Toutes les étiquettes
applicants-filter-decision = Décision
applicants-any-decision = Toutes les décisions
applicants-stale = Non commencé après { $days } jours
applicants-stale-count = Non commencé après { $days } jours ({ $count })
applicants-stale-hint = Candidats invités qui n’ont pas commencé le test : sélectionnez-en un pour copier une relance (le nombre de jours se règle dans Réglages)
applicants-then-by = Puis par
applicants-then-by-hint = Ce qui départage les candidats que le tri trouve à égalité
applicants-then-by-nothing = rien

## La vue et sa barre d'outils

applicants-title = Candidats
applicants-no-profile = Utilisez un profil (Clés) pour voir les candidats qu’il a invités ou recherchés.
applicants-no-database = La base locale n’est pas disponible ; voir le message ci-dessous.
applicants-none-yet = Aucun candidat suivi pour l’instant. Tous ceux que vous recherchez ou invitez avec ce profil apparaissent ici ; vous pouvez aussi suivre un ID ci-dessus.
applicants-reading = Lecture de vos candidats suivis…
applicants-untrack-title = { $count ->
    [one] Ne plus suivre ce candidat ?
   *[other] Ne plus suivre ces { $count } candidats ?
}
applicants-untrack-body = Leur historique local est aussi supprimé. Ils restent dans RickRut ; vous pourrez les suivre à nouveau par leur ID.
applicants-untrack = Ne plus suivre
applicants-cancel = Annuler
applicants-filter = Filtrer
applicants-filter-hint = nom, e-mail ou code
applicants-filter-status = Statut
applicants-any-status = Tous les statuts
applicants-changed-only = Modifiés depuis la dernière visite ({ $count })
applicants-track-id = Suivre l’ID
applicants-track-id-hint = ex. 1002
applicants-track = Suivre
applicants-track-hint = Suivre cet ID et récupérer le candidat maintenant (ou appuyez sur Entrée)
applicants-untrack-shown = Ne plus suivre les { $count } affichés…
applicants-export = Exporter…
applicants-export-as = { $format } ({ $count } affichés)…
applicants-cancel-refresh = Annuler l’actualisation
applicants-refresh-all = Tout actualiser
applicants-refresh-all-hint = Récupérer l’état actuel de chaque candidat suivi (Ctrl+R)
applicants-refresh-selected = Actualiser la sélection
applicants-refresh-selected-hint = Récupérer le candidat sélectionné maintenant
applicants-refresh-selected-none = Sélectionnez d’abord un candidat dans le tableau
applicants-retry-failed = { $count ->
    [one] Réessayer l’échec
   *[other] Réessayer les { $count } échecs
}
applicants-concurrency = Requêtes simultanées
applicants-concurrency-hint = Nombre de requêtes qu’une actualisation envoie en même temps (1 à 64)

## La progression de l'actualisation

applicants-progress = { $done } / { $total }
applicants-progress-counts = { $changed } modifiés · { $deleted } supprimés dans RickRut · { $failed } en échec
applicants-slow-down = le serveur demande de ralentir : attente de { $seconds } s
applicants-refresh-finished = Actualisation terminée.
applicants-refresh-cancelled = Actualisation annulée.
applicants-none-refreshed = { $count ->
    [one] Le candidat n’a pas pu être actualisé. { $reason }
   *[other] Aucun des { $count } candidats n’a pu être actualisé. { $reason }
}
applicants-some-not-refreshed = { $count ->
    [one] 1 candidat n’a pas pu être actualisé. { $reason }
   *[other] { $count } candidats n’ont pas pu être actualisés. { $reason }
}
applicants-which-ones = Lesquels

## Suivi et exports

applicants-tracking-fetching = Suivi de { $id } ; récupération en cours.
applicants-tracking-refresh = Suivi de { $id } ; actualisez pour le récupérer.
applicants-untracked = { $count ->
    [one] Vous ne suivez plus 1 candidat.
   *[other] Vous ne suivez plus { $count } candidats.
}
applicants-format-json = JSON
applicants-export-cancelled = Export annulé.
applicants-exported = { $count ->
    [one] { $count } candidat exporté vers { $path }.
   *[other] { $count } candidats exportés vers { $path }.
}
applicants-saved = Enregistré : { $path }.
