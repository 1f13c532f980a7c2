# Un candidat : recherche, fiche, réponses, historique, comparaison.
# Every id here starts with "applicant-".

## Consulter

applicant-lookup-title = Consulter un candidat
applicant-id-label = ID du candidat
applicant-id-hint = un ID, ou le nom ou l'e-mail d'un candidat suivi
applicant-lookup-button = Consulter
applicant-cancel = Annuler
applicant-lookup-cancel-hint = Arrêter cette recherche (Échap)
applicant-choose-one = Choisissez l'un des candidats ci-dessous, ou tapez son ID.
applicant-lookup-empty = Tapez l'ID d'un candidat, ou le nom ou l'e-mail d'un candidat suivi, puis Entrée.
applicant-demo-try = Dans la démo, essayez :
applicant-demo-reference = l'exemple de la documentation de l'API, avec score
applicant-demo-answers = avec score, réponses aux quiz et aux études de cas
applicant-demo-gibberish = avec score, un enregistrement signalé comme incohérent
applicant-demo-moving = invité, progresse pendant la démo
applicant-demo-many = avec score, 1 000 réponses aux quiz et 1 000 aux études de cas
applicant-decision = Décision : { $decision }
applicant-rating-short = votre note { $rating }/5
applicant-tags-short = étiquettes { $tags }
applicant-note-or-decide = Noter ou décider…
applicant-note-or-decide-hint = Ouvrir ce candidat dans Candidats, où se trouvent vos notes et votre décision
applicant-no-profile = Aucun profil en cours : ajoutez votre clé d'API dans Clés, ou essayez la démo.
applicant-not-found = Aucun candidat n'a l'ID { $id } sur ce serveur ; vérifiez le numéro.
applicant-lookup-cancelled = Recherche de { $id } annulée.
applicant-lookup-crashed = La recherche de { $id } s'est arrêtée de façon inattendue ; réessayez, et si cela se reproduit, copiez les détails dans un signalement.
applicant-not-saved = Non enregistré sur cet ordinateur : { $problem }

## Recherche par nom ou e-mail

applicant-find-none = Aucun candidat suivi n'a ce nom ou cet e-mail ; tapez son ID pour interroger RickRut.
applicant-find-hint = Consulter ce candidat
applicant-find-more =
    { $count ->
        [one] et 1 autre ; précisez le nom
       *[other] et { $count } autres ; précisez le nom
    }
applicant-recent = Récents
applicant-recent-hint = Consulter { $id } à nouveau

## La fiche

applicant-skill-means = Score de compétences, de 0 à 100 : la qualité des réponses du candidat aux quiz et aux études de cas.
applicant-adequation-means = Score d'adéquation, de 0 à 100 : à quel point les réponses du candidat correspondent aux attentes du poste.
applicant-recruiter-means = Score recruteur : la note donnée par un recruteur dans le tableau de bord de RickRut ; 0 signifie que personne n'a encore noté. Votre propre note est gardée à part, sous Votre évaluation.
applicant-step-of = Étape { $step } sur { $last }
applicant-fact-id = ID
applicant-fact-code = Code
applicant-fact-opening = Poste
applicant-opening-named-hint = ID du poste { $id }, nom utilisé pour inviter : { $name }
applicant-opening-unnamed-hint = ID du poste { $id } ; nommez-le dans Postes pour voir son nom ici
applicant-fact-source = Source
applicant-fact-slug = Slug
applicant-fact-created = Créé
applicant-fact-updated = Mis à jour
applicant-fact-finished = Terminé
applicant-fact-cv = CV
applicant-fact-audio = Présentation audio
applicant-open-cv = Ouvrir le CV
applicant-open-audio = Écouter la présentation
applicant-not-uploaded = non déposé
applicant-link-withheld = lien bloqué
# $what is "cv" or "audio".
applicant-withheld-not-a-path =
    { $what ->
        [cv] Le serveur a donné ce CV sous la forme { $path }, qui n'est pas un chemin sur son propre site : il n'est pas ouvert.
       *[audio] Le serveur a donné cette présentation audio sous la forme { $path }, qui n'est pas un chemin sur son propre site : elle n'est pas ouverte.
    }
applicant-withheld-off-site =
    { $what ->
        [cv] Le serveur a donné ce CV sous la forme { $path }, qui sort de son site : il n'est pas ouvert.
       *[audio] Le serveur a donné cette présentation audio sous la forme { $path }, qui sort de son site : elle n'est pas ouverte.
    }
applicant-withheld-no-site =
    { $what ->
        [cv] Le serveur a donné ce CV sous la forme { $path }, mais l'adresse du serveur est inutilisable : il n'est pas ouvert.
       *[audio] Le serveur a donné cette présentation audio sous la forme { $path }, mais l'adresse du serveur est inutilisable : elle n'est pas ouverte.
    }
applicant-text-introduction = Présentation écrite
applicant-scores = Scores
applicant-skill-score = Score de compétences
applicant-adequation-score = Score d'adéquation
applicant-recruiter-score = Score recruteur
applicant-not-rated = non noté
applicant-quizz-answers = Réponses aux quiz ({ $count })
applicant-case-answers = Réponses aux études de cas ({ $count })
applicant-case-answers-gibberish =
    { $gibberish ->
        [one] Réponses aux études de cas ({ $count }, { $gibberish } signalée incohérente)
       *[other] Réponses aux études de cas ({ $count }, { $gibberish } signalées incohérentes)
    }
applicant-poll-answers = Réponses au sondage ({ $count })
applicant-no-quizz-answers = Pas encore de réponse aux quiz.
applicant-no-case-answers = Pas encore de réponse aux études de cas.
applicant-no-poll-answers = Pas encore de réponse au sondage.
applicant-column-quizz-id = ID du quiz
applicant-column-option-id = ID de l'option
applicant-column-score = Score (sur 100)
applicant-column-answered-at = Répondu le
applicant-column-case-id = ID de l'étude
applicant-column-duration = Durée
applicant-column-audio-file = Fichier audio
applicant-column-check = Contrôle
applicant-column-answer = Réponse
applicant-duration-seconds = { $seconds } s
applicant-audio-file = { $name } ({ $kind })
applicant-audio-file-size = { $name } ({ $kind }, { $size })
applicant-unknown-type = type inconnu
applicant-gibberish = ⚠ incohérent
applicant-gibberish-hint = Le fournisseur a signalé cet enregistrement comme incohérent
applicant-check-ok = ok

## Votre évaluation

applicant-assessment = Votre évaluation
applicant-assessment-hint = Gardée sur cet ordinateur pour ce profil ; jamais envoyée à RickRut
applicant-your-rating = Votre note
applicant-rate-hint = Noter { $rating } sur 5
applicant-your-decision = Votre décision
applicant-decision-none = aucune décision
applicant-decision-shortlisted = présélectionné
applicant-decision-on-hold = en attente
applicant-decision-rejected = refusé
applicant-forget-button = Oublier le candidat…
applicant-forget-hint = Effacer tout ce que l'application garde sur ce candidat : fiche, historique, notes, étiquettes, décision et invitations
applicant-tags = Étiquettes
applicant-remove-tag-hint = Retirer l'étiquette { $tag }
applicant-tag-hint = ajouter une étiquette
applicant-tag-field-hint = Tapez une étiquette puis Entrée
applicant-add-tag-hint = Ajouter cette étiquette
applicant-notes = Notes ({ $count })
applicant-new-note = Nouvelle note
applicant-new-note-hint = Ce que vous voulez retenir sur ce candidat
applicant-add-note = Ajouter la note
applicant-forget-title = Oublier { $name } ?
applicant-forget-text = Tout ce que l'application garde sur ce candidat est effacé de cet ordinateur : sa fiche et son historique, vos notes, étiquettes, note et décision, et les invitations envoyées. RickRut garde sa propre copie ; pour conserver vos notes, arrêtez plutôt de le suivre.
applicant-forget = Oublier
applicant-note-kept = Note enregistrée.
applicant-note-empty = La note est vide.
applicant-tag-added = Étiquette ajoutée.
applicant-tag-removed = Étiquette retirée.
applicant-rated = Noté { $rating } sur 5.
applicant-rating-cleared = Note effacée.
applicant-decided = Décision : { $decision }.
applicant-forgotten = Tout ce que l'application gardait sur le candidat { $id } est effacé.

## Détails dans Candidats

applicant-untrack = Ne plus suivre
applicant-untrack-hint = Arrêter de suivre ce candidat
applicant-export-json = Exporter en JSON…
applicant-compare-remove = Retirer de la comparaison
applicant-compare-remove-hint = Sortir ce candidat de la comparaison
applicant-compare-add = Comparer
applicant-compare-add-hint = Comparer ce candidat côte à côte avec d'autres (2 à 4)
applicant-compare-show = Comparaison ({ $count })
applicant-compare-show-hint = Afficher côte à côte les candidats ajoutés
applicant-close = Fermer
applicant-not-fetched = Le candidat { $id } n'a pas encore été récupéré ; actualisez pour le voir.

## Historique des scores

applicant-history = Historique des scores
applicant-no-scores = Pas encore de score.
applicant-skill = Compétences
applicant-adequation = Adéquation
applicant-chart = Graphique de l'historique des scores
applicant-chart-span = Graphique de l'historique des scores, du { $from } au { $to }
applicant-status-changes = Changements de statut
applicant-status-change = { $time } — { $status }
applicant-status-change-step = { $time } — { $status } (étape { $step })

## Comparaison

applicant-compare-title = Comparer les candidats
applicant-compare-scale = Scores sur une même échelle de 0 à 100. Échap ferme cette fenêtre.
applicant-not-fetched-short = pas encore récupéré
applicant-overall = Global
applicant-compare-recruiter = Score recruteur : { $score }
applicant-compare-step = Étape { $step }
applicant-compare-finished = Terminé { $hours } h après l'invitation
applicant-compare-case-minutes = { $minutes } min enregistrées sur les études de cas
applicant-compare-answers = Réponses : quiz { $quizz }, études de cas { $cases }, sondage { $polls }
applicant-compare-flagged = Alertes : { $flags }
applicant-compare-rating = Votre note : { $rating }/5
applicant-compare-no-rating = Votre note : aucune
applicant-compare-tags = Étiquettes : { $tags }
applicant-compare-notes = Notes
applicant-compare-open = Ouvrir dans Candidats
applicant-score-of-100 = { $what } : { $score } sur 100
applicant-not-scored = sans score
