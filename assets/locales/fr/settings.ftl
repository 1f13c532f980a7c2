# Réglages, raccourcis clavier, modèles de messages.
# Every id here starts with "settings-".

settings-title = Paramètres
settings-timeout = Délai des requêtes
settings-timeout-hint = Temps accordé à une requête avant de l'abandonner (5 à 300 s)
settings-seconds-suffix = { " " }s
settings-concurrency = Requêtes simultanées
settings-concurrency-hint = Pour l'actualisation générale et l'invitation groupée (1 à 64)
settings-notifications = Notifications du bureau
settings-notify-moved = quand des candidats ont avancé
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

## Raccourcis clavier (F1)

settings-shortcut-look-up = Rechercher un candidat (aller au champ ID)
settings-shortcut-new-invite = Nouvelle invitation
settings-shortcut-refresh = Actualiser tous les candidats suivis
settings-shortcut-filter = Filtrer les candidats
settings-shortcut-keys = Clés
settings-shortcut-look-up-view = Recherche
settings-shortcut-invite = Inviter
settings-shortcut-bulk = Invitation groupée
settings-shortcut-applicants = Candidats
settings-shortcut-openings = Postes et présélections
settings-shortcut-settings = Paramètres
settings-shortcut-quit = Quitter (les paramètres sont enregistrés)
settings-shortcut-help = Cette liste de raccourcis
settings-shortcut-about = À propos, emplacements et diagnostic
settings-key-esc = Échap
settings-shortcut-esc = Annuler la requête en cours, ou fermer une fenêtre
settings-key-enter = Entrée
settings-shortcut-enter = Rechercher l'ID saisi
settings-key-arrows = ↑ ↓ Début Fin
settings-shortcut-arrows = Choisir le candidat au-dessus, en dessous, le premier ou le dernier (Candidats)
settings-key-tab = Tab / Maj+Tab
settings-shortcut-tab = Passer d'un contrôle à l'autre ; Espace ou Entrée active un bouton
settings-shortcut-zoom = Agrandir le texte (Ctrl+Moins pour réduire, Ctrl+0 pour revenir)
