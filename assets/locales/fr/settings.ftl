# Réglages, raccourcis clavier, modèles de messages.
# Every id here starts with "settings-".

settings-title = Paramètres
settings-timeout = Délai des requêtes
settings-timeout-hint = Temps accordé à une requête avant de l'abandonner (5 à 300 s)
settings-seconds-suffix = { " " }s
settings-concurrency = Requêtes simultanées
settings-concurrency-hint = Pour l'actualisation générale et l'invitation groupée (1 à 64)
settings-notifications = Notifications du bureau
settings-notify-moved = quand une vérification trouve des candidats qui ont avancé
settings-notify-finished = seulement quand ils ont terminé
settings-stale-after = Non commencé après
settings-days-suffix = { " " }jours
settings-stale-hint = Les candidats invités qui n'ont pas commencé après ce nombre de jours sont proposés pour une relance
settings-language = Langue
settings-theme = Thème
settings-theme-system = Thème du système
settings-theme-light = Clair
settings-theme-dark = Sombre
settings-text-size = Taille du texte
settings-data-dir = Dossier des données
settings-data-dir-default = le dossier de données du système
settings-data-dir-next-start = Pris en compte au prochain démarrage. Actuellement : { $now }
settings-data-dir-not-full = Le dossier des données doit être un chemin complet (commençant par / sous Linux et macOS).
settings-restore = Rétablir les valeurs par défaut
settings-about = À propos et diagnostic…
settings-shortcuts = Raccourcis clavier…

## Messages aux candidats

settings-messages-title = Messages aux candidats
settings-messages-help = À copier depuis la fiche d'un candidat et après une invitation. Champs remplis automatiquement : { $placeholders }.
settings-invitation = Invitation
settings-invitation-field = Message d'invitation
settings-reminder = Relance
settings-reminder-field = Message de relance
settings-restore-message = Rétablir le texte par défaut
