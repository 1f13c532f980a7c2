# Ce que la ligne de commande affiche pour une personne.
# Every id here starts with "cli-".

## get et create
cli-not-tracked-locally = Le candidat n’a pas été enregistré en local : { $error }
cli-invite-not-logged = L’invitation n’a pas été notée en local : { $error }
cli-applicant-not-scored = pas encore noté
cli-applicant-not-rated = pas de note
cli-applicant-id = ID :                   { $id }
cli-applicant-status = Statut :               { $status }
cli-applicant-step = Étape :                { $step }
cli-applicant-opening = Poste :                { $name } (ID { $id })
cli-applicant-opening-id = ID du poste :          { $id }
cli-applicant-code = Code :                 { $code }
cli-applicant-skill = Score de compétences : { $score }
cli-applicant-adequation = Score d’adéquation :   { $score }
cli-applicant-recruiter = Note du recruteur :    { $score }
cli-applicant-answers = Réponses :             { $quizz } quiz, { $case ->
    [one] { $case } étude de cas
   *[other] { $case } études de cas
} ({ $gibberish ->
    [one] { $gibberish } jugée incohérente
   *[other] { $gibberish } jugées incohérentes
}), { $poll ->
    [one] { $poll } sondage
   *[other] { $poll } sondages
}

## note, tag, decide, forget
cli-note-empty = La note est vide ; écrivez ce que vous voulez garder.
cli-note-kept = Note enregistrée pour le candidat { $id }.
cli-tag-none = Indiquez au moins une étiquette, par exemple `tag 1003 remote`.
cli-tagged = Candidat { $id } étiqueté { $tags }.
cli-decided = Candidat { $id } : { $decision }.
cli-forgotten = Tout ce que ce profil gardait sur le candidat { $id } est supprimé : sa fiche, son historique, ses notes, étiquettes, décision et invitations.
cli-forget-nothing = Ce profil ne gardait rien sur le candidat { $id }.

## Profils et clés
cli-no-such-profile = Aucun profil ne s’appelle { $name }.
cli-no-such-profile-list = Aucun profil ne s’appelle { $name } ; `rickrut-dashboard key list` les affiche.
cli-no-key-for-profile = Aucune clé n’est enregistrée pour le profil { $name } ; ajoutez-en une avec `rickrut-dashboard key set { $name }`.
cli-no-api-key = Pas de clé d’API : définissez la variable d’environnement { $variable } ou utilisez --profile NOM (la clé n’est jamais prise sur la ligne de commande).
cli-which-profile = Quel profil ? Indiquez --profile NOM (voir `rickrut-dashboard key list`).
cli-not-tracked-this-time = { $problem } Ce candidat n’est pas suivi cette fois-ci.
cli-no-config-dir = Ce système n’a pas de dossier de configuration pour les profils (HOME est-il défini ?).
cli-key-refused-nothing-saved = { $problem } Rien n’a été enregistré (--unchecked enregistre une clé que le serveur refuse).
cli-no-profiles = Aucun profil. Ajoutez-en un avec `rickrut-dashboard key set NOM`.
cli-profile-line = { $name }	{ $site }
cli-profile-line-active = { $name }	{ $site } (actif)
cli-key-saved = Clé du profil { $name } enregistrée dans le trousseau du système.
cli-key-not-checked = Le serveur n’a pas pu vérifier la clé pour l’instant : { $problem }
cli-profile-deleted = Profil { $name } et sa clé supprimés.
cli-paste-key = Collez la clé d’API puis appuyez sur Entrée (elle ne s’affiche pas) :
cli-key-unreadable = Impossible de lire la clé sur l’entrée standard : { $error }.
cli-key-none = Aucune clé n’a été donnée sur l’entrée standard.

## L’application
cli-no-runtime = Impossible de démarrer les tâches de fond : { $error }.
cli-demo-failed = La démo n’a pas démarré : { $error }
cli-record-unavailable-window = { $problem } Les candidats ne seront pas suivis pendant cette session.
cli-window-failed = La fenêtre n’a pas pu s’ouvrir : { $error }.
cli-not-a-duration = « { $text } » n’est pas une durée : écrivez 30s, 10m ou 1h
cli-duration-out-of-range = « { $text } » est hors limites : de 1s à 24h
cli-lang-unknown = utilisez en ou fr
# Le modèle d’indicatif : gardez les clés {…} telles quelles.
cli-progress-template = {"{"}bar:40{"}"} {"{"}pos{"}"}/{"{"}len{"}"} {"{"}msg{"}"} [{"{"}elapsed_precise{"}"}, encore {"{"}eta{"}"}]

## openings, shortlist, opening name
cli-openings-heading = POSTE	ID	SUIVIS	PAS COMMENCÉ	EN RETARD	COMMENCÉ	NOTÉS	ACHÈVEMENT	MÉDIANE COMPÉTENCES	MÉDIANE ADÉQUATION	DERNIÈRE ACTIVITÉ
cli-percent = { $value } %
cli-openings-count = { $count ->
    [one] { $count } poste.
   *[other] { $count } postes.
}
cli-no-such-opening = Ce profil ne connaît aucun poste nommé { $name } ; `rickrut-dashboard openings` les liste.
cli-shortlist-heading = RANG	ID	NOM	E-MAIL	GLOBAL	COMPÉTENCES	ADÉQUATION	DÉCISION	ÉTIQUETTES
cli-shortlist-summary = { $count ->
    [one] { $count } candidat pour { $opening }, classé selon les compétences ({ $skill } %) et l’adéquation ({ $adequation } %).
   *[other] { $count } candidats pour { $opening }, classés selon les compétences ({ $skill } %) et l’adéquation ({ $adequation } %).
}
cli-opening-name-empty = Indiquez le nom du poste tel que l’API l’attend, par exemple software-engineer.
cli-opening-named = Le poste { $id } s’appelle désormais { $name }.

## list, export, refresh, watch
cli-tracked-count = { $count ->
    [one] { $count } candidat suivi.
   *[other] { $count } candidats suivis.
}
cli-export-xlsx-needs-file = Un classeur ne peut pas s’afficher dans le terminal ; ajoutez --output FICHIER.xlsx.
cli-exported = { $count ->
    [one] { $count } candidat exporté vers { $path }.
   *[other] { $count } candidats exportés vers { $path }.
}
cli-refresh-progress = { $changed } modifiés, { $failed } en échec
cli-refresh-stopped = Actualisation interrompue ; ce qui a été reçu est enregistré. Relancez-la pour continuer.
cli-refreshed = { $done } candidats suivis sur { $total } actualisés : { $changed } modifiés, { $deleted } supprimés chez RickRut, { $failed } en échec.
cli-no-notification-service = Aucune notification n’a été envoyée : cette session n’a pas de service de notifications.
cli-failed-for = { $count ->
    [one] { $count } candidat : { $reason }
   *[other] { $count } candidats : { $reason }
}
cli-failed-for-ids = { $count ->
    [one] { $count } candidat ({ $ids }) : { $reason }
   *[other] { $count } candidats ({ $ids }) : { $reason }
}
cli-failed-for-ids-more = { $count } candidats ({ $ids }, et { $more } de plus ; -v les liste tous) : { $reason }
cli-watch-all-finished = Tous les candidats suivis ont terminé ; la surveillance continue pour les nouveaux (Ctrl-C l’arrête).
cli-watch-stopped-saved = Surveillance arrêtée ; ce qui a été reçu est enregistré.
cli-watch-stopped = Surveillance arrêtée.

## import
cli-unknown-encoding = « { $name } » n’est pas un jeu de caractères connu de l’application ; essayez utf-8, windows-1252, iso-8859-15 ou utf-16le.
cli-import-rows-summary = { $count ->
    [one] { $count } ligne : { $summary }.
   *[other] { $count } lignes : { $summary }.
}
cli-import-not-confirmed = Rien n’a été envoyé ; relancez la commande et répondez o pour envoyer.
cli-import-resuming = Reprise de l’import de { $file } (tâche { $job }).
cli-import-interrupted = { $count ->
    [one] { $count } ligne était en cours d’envoi quand la dernière exécution s’est arrêtée : son résultat est inconnu.
   *[other] { $count } lignes étaient en cours d’envoi quand la dernière exécution s’est arrêtée : leur résultat est inconnu.
}
cli-import-resending = { $count ->
    [one] Nouvel envoi de { $count } ligne au résultat inconnu.
   *[other] Nouvel envoi de { $count } lignes au résultat inconnu.
}
cli-import-progress = { $created } créés, { $skipped } ignorés, { $left_out } écartés, { $failed } en échec, { $unknown } inconnus, { $rate }/s
cli-import-results = Résultats : { $path }
cli-import-outcome = { $total } lignes : { $created } créées, { $skipped } ignorées, { $left_out } écartées, { $failed } en échec, { $unknown } inconnues, { $pending } pas encore envoyées.
cli-import-stopped = Arrêté. Relancez la même commande pour continuer.
cli-import-unknown = { $count ->
    [one] { $count } ligne a un résultat inconnu. Vérifiez-la dans RickRut, puis relancez avec --resend-unknown (une invitation en double est refusée par le serveur et comptée comme déjà invitée).
   *[other] { $count } lignes ont un résultat inconnu. Vérifiez-les dans RickRut, puis relancez avec --resend-unknown (une invitation en double est refusée par le serveur et comptée comme déjà invitée).
}
cli-import-refused = { $count ->
    [one] Le serveur a refusé { $count } ligne ; la raison figure dans le fichier de résultats : vérifiez-la, puis importez de nouveau le fichier (les lignes déjà invitées sont ignorées).
   *[other] Le serveur a refusé { $count } lignes ; la raison de chacune figure dans le fichier de résultats : vérifiez-les, puis importez de nouveau le fichier (les lignes déjà invitées sont ignorées).
}
cli-import-to-send = { $openings ->
    [one] { $count ->
        [one] { $count } invitation à envoyer, pour 1 poste :
       *[other] { $count } invitations à envoyer, pour 1 poste :
    }
   *[other] { $count } invitations à envoyer, pour { $openings } postes :
}
cli-import-opening-count = { $opening } : { $count }
cli-import-more-openings = { $count ->
    [one] et { $count } autre poste
   *[other] et { $count } autres postes
}
cli-import-confirm = Les envoyer ? [o/N]
cli-import-opening-is-id = est l’ID de { $name }, et le serveur attend des noms : écrivez { $name } dans le fichier
cli-import-opening-warning = { $count ->
    [one] { $opening } ({ $count } ligne) : { $warning }
   *[other] { $opening } ({ $count } lignes) : { $warning }
}

## Une décision sur un candidat
cli-decision-none = aucune décision
cli-decision-shortlisted = présélectionné
cli-decision-on-hold = en attente
cli-decision-rejected = refusé
