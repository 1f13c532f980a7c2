# Inviter depuis un tableur : aperçu, confirmation, envoi, résultats.
# Every id here starts with "bulk-".

## Choix du fichier

bulk-title = Invitation groupée
bulk-no-profile = Utilisez un profil (Clés) pour inviter depuis un fichier.
bulk-intro = Invitez tous les candidats d'un tableur (.xlsx, .xls, .ods) ou d'un fichier CSV : une ligne d'en-tête avec une colonne e-mail et, si vous le souhaitez, poste, prénom et nom. Déposez le fichier sur la fenêtre, ou choisissez-le.
bulk-opening-for-all = Poste pour tous
bulk-opening-for-all-hint = utilisé si le fichier n'a pas de colonne poste
bulk-choose-file = Choisir un fichier…
bulk-reading = Lecture du fichier…
bulk-file-kind = Tableur ou CSV
bulk-interrupted = Un import de { $file } du { $started } n'est pas terminé.
bulk-interrupted-unreadable = Les imports inachevés n'ont pas pu être lus
bulk-resume = Reprendre

## L'aperçu

bulk-column-row = Ligne
bulk-column-send = Envoi
bulk-column-email = E-mail
bulk-column-opening = Poste
bulk-column-name = Nom
bulk-column-verdict = Verdict
bulk-verdict-count = { $count } { $verdict }
bulk-preview-summary = { $file } : { $rows } lignes. { $counts }
bulk-more-openings-to-check = D'autres postes de ce fichier sont à vérifier ; contrôlez la colonne Poste.
bulk-opening-is-id = { $rows ->
    [one] { $opening } (1 ligne) est l'ID de { $name }, or le serveur attend des noms : écrivez { $name } dans ces cellules.
   *[other] { $opening } ({ $rows } lignes) est l'ID de { $name }, or le serveur attend des noms : écrivez { $name } dans ces cellules.
}
bulk-opening-warning = { $rows ->
    [one] { $opening } (1 ligne) : { $warning }
   *[other] { $opening } ({ $rows } lignes) : { $warning }
}
bulk-send-invites = { $count ->
    [one] Envoyer { $count } invitation…
   *[other] Envoyer { $count } invitations…
}
bulk-at-once = simultanées :{ " " }
bulk-choose-another = Autre fichier…
bulk-preview-row-label = Ligne { $row }, { $email }, { $verdict }
bulk-send-row = Envoyer la ligne { $row }
bulk-row-will-be-sent = La ligne { $row } sera envoyée : cliquez pour l'écarter
bulk-row-left-out = La ligne { $row } est écartée : cliquez pour l'envoyer
bulk-verdict-of-row = Verdict de la ligne { $row } : { $verdict }
bulk-verdict-copied = Verdict de la ligne { $row } copié.
bulk-edit-email = E-mail de la ligne { $row } : cliquez pour modifier
bulk-edit-opening = Poste de la ligne { $row } : cliquez pour modifier
bulk-sheet = Feuille
bulk-read-as-other = Lire avec un autre encodage…

## La question avant l'envoi

bulk-invites = { $count ->
    [one] { $count } invitation
   *[other] { $count } invitations
}
bulk-confirm-title = { $count ->
    [one] Envoyer { $count } invitation ?
   *[other] Envoyer { $count } invitations ?
}
bulk-confirm-body = { $openings ->
    [one] Pour { $openings } poste ; chaque candidat reçoit un e-mail de RickRut.
   *[other] Pour { $openings } postes ; chaque candidat reçoit un e-mail de RickRut.
}
bulk-confirm-more-openings = et { $count } autres postes
bulk-confirm-left-out = { $count ->
    [one] { $count } ligne est écartée et ne sera pas envoyée.
   *[other] { $count } lignes sont écartées et ne seront pas envoyées.
}
bulk-confirm-send = { $count ->
    [one] Envoyer { $count } invitation
   *[other] Envoyer { $count } invitations
}
bulk-cancel = Annuler
bulk-busy-sending = Terminez ou mettez en pause l'envoi en cours d'abord.

## L'envoi et les résultats

bulk-pause = Pause
bulk-pause-hint = Termine les invitations en cours, puis attend ; Reprendre poursuit l'envoi
bulk-cancel-hint = Termine les invitations en cours et écarte le reste
bulk-retry-failed = { $count ->
    [one] Réessayer l'échec
   *[other] Réessayer les { $count } échecs
}
bulk-retry-failed-hint = Renvoie les lignes refusées par le serveur ou perdues par le réseau ; les lignes écartées le restent
bulk-resend-unknown = { $count ->
    [one] Renvoyer l'incertaine
   *[other] Renvoyer les { $count } incertaines
}
bulk-resend-unknown-hint = Sans risque si le serveur refuse une invitation en double : elle compte alors comme déjà invitée
bulk-mark-unknown-done = Marquer les incertaines comme faites
bulk-copy-messages = { $count ->
    [one] Copier le message d'invitation
   *[other] Copier { $count } messages d'invitation
}
bulk-copy-messages-hint = Un message par candidat invité, chacun sous son adresse e-mail, d'après votre modèle dans Paramètres
bulk-message-to =
    À : { $email }

    { $message }
bulk-save-results = Enregistrer les résultats…
bulk-save-as = { $format }…
bulk-new-import = Nouvel import…
bulk-show = Afficher
bulk-show-all = toutes
bulk-state-pending = en attente
bulk-state-sending = en cours
bulk-state-created = créée
bulk-state-skipped = ignorée
bulk-state-failed = en échec
bulk-state-unknown = incertaine
bulk-state-left-out = écartée
bulk-column-state = État
bulk-column-new-id = Nouvel ID
bulk-column-code = Code
bulk-column-detail = Détail
bulk-progress = { $done } / { $total }
bulk-progress-counts = { $sent } envoyées · { $created } créées · { $skipped } ignorées · { $left_out } écartées · { $failed } en échec · { $unknown } incertaines
bulk-rate = { $rate }/s
bulk-rate-eta = { $rate }/s, encore { $seconds } s environ
bulk-slow-down = le serveur demande de ralentir : { $seconds } s
bulk-detail-of-row = Détail de la ligne { $row } : { $detail }
bulk-detail-copied = Détail de la ligne { $row } copié.
bulk-result-row-label = Ligne { $row }, { $email }, { $state }
bulk-interrupted-unknown = { $count ->
    [one] { $count } ligne était en cours d'envoi à l'arrêt de l'application ; son résultat est inconnu. Renvoyez-la ou marquez-la comme faite ci-dessous.
   *[other] { $count } lignes étaient en cours d'envoi à l'arrêt de l'application ; leur résultat est inconnu. Renvoyez-les ou marquez-les comme faites ci-dessous.
}
bulk-sending-stopped = L'envoi s'est arrêté de façon inattendue. Un import inachevé peut être repris depuis cette vue.
bulk-marked-done = { $count ->
    [one] { $count } ligne marquée comme faite.
   *[other] { $count } lignes marquées comme faites.
}
bulk-export-cancelled = Export annulé.
bulk-saved = Enregistré : { $path }.
