# Le cadre de la fenêtre : navigation, barre d'état, dialogues, éléments communs.
# Every id here starts with "window-".

## Les vues, comme la navigation les nomme

window-view-keys = Clés
window-view-lookup = Consulter
window-view-invite = Inviter
window-view-bulk = Envoi groupé
window-view-applicants = Candidats
window-view-openings = Postes
window-view-settings = Réglages

## Barre de titre et navigation

window-theme = Thème
window-unseen =
    { $count ->
        [one] 1 candidat a changé depuis votre dernière visite
       *[other] { $count } candidats ont changé depuis votre dernière visite
    }

## Barre d'état

window-status-opening-profile = Ouverture du profil { $name }…
window-status-profile = Profil { $name }
window-status-session-key = clé gardée pour cette session seulement
window-status-no-profile = Aucun profil en cours
window-status-requests =
    { $count ->
        [one] 1 requête en cours
       *[other] { $count } requêtes en cours
    }
window-status-doing = { $doing } ({ $requests })
window-status-offline = Hors ligne : la prochaine vérification attendra que le serveur réponde
window-status-read-only-copy = Lecture seule : état du { $when }
window-status-read-only-newer = Lecture seule : une version plus récente de l’application a modifié la base de l’équipe
window-status-ready = Prêt
window-status-details-hint = Ce qui n’a pas marché, pour le support
window-dismiss = Fermer
window-dismiss-hint = Fermer ce message
window-doing-refreshing = Actualisation : { $done } sur { $total }…
window-doing-sending = Envoi des invitations : { $done } sur { $total }…
window-doing-lookup = Recherche de { $id }…
window-doing-invite = Envoi de l’invitation…
window-doing-reading = Lecture du fichier…

## Écran d'accueil

window-welcome-title = Bienvenue dans RickRut Dashboard
window-welcome-text = Gardez votre clé d’API dans le trousseau du système, consultez vos candidats et invitez-en de nouveaux.
window-welcome-add-key = Ajouter votre clé d’API
window-welcome-demo = Essayer la démo
window-welcome-demo-starting = Lancement de la démo…
window-welcome-demo-hint = Un bac à sable intégré, avec des candidats fictifs ; aucun compte nécessaire

## Raccourcis clavier et À propos (F2)

window-shortcuts-title = Raccourcis clavier
window-about-title = À propos de RickRut Dashboard
window-about-version = Version { $version }
window-about-not-available = non disponible
window-about-profiles = Profils
window-about-database = Base locale
window-about-database-demo = Les données de la démo restent en mémoire, remises à zéro à chaque ouverture.
window-about-database-memory = Gardée en mémoire pour cette session seulement.
window-about-database-none = Non disponible ; voyez le message dans la barre d’état.
window-about-logs = Journaux
window-about-private = Le diagnostic ne contient ni clé ni donnée de candidat.
window-about-copy = Copier le diagnostic
window-about-copy-hint = Copier ce dont le support a besoin : versions, chemins et nombres, sans clé ni donnée de candidat

## Éléments communs

window-details = Détails
window-status-badge = Statut : { $status }
window-copy = Copier
window-copied = Copié
window-copy-code = Copier le code
window-copy-details = Copier les détails
window-copy-value = Copier cette valeur
window-click-to-copy = Cliquez pour copier
window-not-scored-yet = pas encore de score
window-score-of-100 = { $label } : { $score } sur 100
window-checks-label = Vérifier les candidats en cours
window-checks-hint = Tant que l’application est ouverte, même réduite, les candidats sans score sont vérifiés à cet intervalle ; tapez « désactivé » (ou 0) pour arrêter
# Ce que montre le réglage de l'intervalle ; taper ce mot arrête les vérifications.
window-checks-off = désactivé
window-checks-every = toutes les { $minutes } min
window-time-with-relative = { $time } ({ $relative })
window-just-now = à l’instant
window-minutes-ago =
    { $count ->
        [one] il y a { $count } minute
       *[other] il y a { $count } minutes
    }
window-hours-ago =
    { $count ->
        [one] il y a { $count } heure
       *[other] il y a { $count } heures
    }
window-days-ago =
    { $count ->
        [one] il y a { $count } jour
       *[other] il y a { $count } jours
    }
window-months-ago = il y a { $count } mois
window-years-ago =
    { $count ->
        [one] il y a { $count } an
       *[other] il y a { $count } ans
    }
window-in-minutes =
    { $count ->
        [one] dans { $count } minute
       *[other] dans { $count } minutes
    }
window-in-hours =
    { $count ->
        [one] dans { $count } heure
       *[other] dans { $count } heures
    }
window-in-days =
    { $count ->
        [one] dans { $count } jour
       *[other] dans { $count } jours
    }
window-in-months = dans { $count } mois
window-in-years =
    { $count ->
        [one] dans { $count } an
       *[other] dans { $count } ans
    }
window-size-bytes = { $size } o
window-size-kib = { $size } Kio
window-size-mib = { $size } Mio

# Le statut d'un candidat sur son badge ; un statut inconnu tel que le serveur l'envoie.
window-status-word =
    { $status ->
    [INVITED] INVITÉ
    [STARTED] EN COURS
    [COMPLETED] TERMINÉ
    [SCORED] NOTÉ
    [REJECTED] REFUSÉ
    [HIRED] RECRUTÉ
       *[other] { $status }
    }
