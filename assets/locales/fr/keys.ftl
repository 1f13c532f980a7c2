# Clés d'API et profils.
# Every id here starts with "keys-".

## La vue Clés

keys-title = Clés
keys-intro = Un profil est un nom et une adresse de serveur. Sa clé d'API est conservée dans le trousseau du système, jamais dans un fichier.
keys-add-profile = Ajouter un profil…
keys-no-profile = Aucun profil pour l'instant. Ajoutez-en un avec votre clé d'API.
keys-column-profile = Profil
keys-column-server = Serveur
keys-column-key = Clé
keys-column-actions = Actions
keys-in-use = (actif)
keys-verify-result = { $profile } : { $result }
keys-verifying = Vérification de la clé…
keys-place-session = cette session seulement
keys-place-keyring = trousseau du système
keys-place-session-brackets = (cette session)
keys-place-keyring-brackets = (trousseau)
keys-hide-key = Masquer la clé
keys-reveal-key = Afficher
keys-show-key = Afficher la clé
keys-hide-key-of = Masquer la clé de { $profile }
keys-reveal-key-of = Afficher la clé de { $profile }
keys-use = Utiliser
keys-use-hint = Utiliser le profil { $profile }
keys-verify = Vérifier
keys-verify-hint = Vérifier que le serveur accepte la clé de { $profile }
keys-replace = Remplacer…
keys-replace-hint = Coller une nouvelle clé pour { $profile }
keys-delete-button = Supprimer…
keys-delete-hint = Supprimer le profil { $profile } et sa clé

## Ajouter un profil ou remplacer sa clé

keys-replace-title = Remplacer la clé de { $profile }
keys-add-title = Ajouter un profil
keys-profile-name = Nom du profil
keys-profile-name-hint = ex. Recrutement Acme
keys-server-address = Adresse du serveur
keys-api-key = Clé d'API
keys-api-key-hint = collez la clé depuis votre tableau de bord RickRut
keys-save = Enregistrer
keys-save-hint = Enregistrer la clé dans le trousseau du système (ou appuyez sur Entrée)
keys-cancel = Annuler
keys-saving = Enregistrement…
keys-refused = La clé n'a pas été enregistrée. Vérifiez-la dans votre tableau de bord RickRut, ou enregistrez-la telle quelle si vous êtes sûr qu'elle est bonne.
keys-save-anyway = Enregistrer quand même
keys-keyring-failed = La clé n'a pas été enregistrée dans le trousseau du système. { $reason }
keys-session-explained = Une clé gardée pour cette session est oubliée à la fermeture de l'application, et n'est jamais écrite dans un fichier.
keys-keep-for-session = Garder pour cette session
keys-name-taken = Un profil nommé { $profile } existe déjà ; utilisez Remplacer… sur celui-ci.
keys-paste-again = Collez à nouveau la clé.
keys-saved-unchecked = Enregistrée ; le serveur n'a pas pu vérifier la clé pour l'instant
keys-accepted = la clé a été acceptée par le serveur.
keys-unchecked = la clé n'a pas pu être vérifiée : { $reason }

## Supprimer un profil

keys-delete-title = Supprimer le profil { $profile } ?
keys-delete-body = Sa clé est retirée du trousseau. Cette action est définitive.
keys-delete = Supprimer
keys-not-deleted = La clé de { $profile } n'a pas été supprimée : { $reason }
keys-deleted = Le profil { $profile } et sa clé ont été supprimés.

## Profils utilisés, barre d'état, diagnostic

keys-store-unavailable = indisponible ({ $reason })
keys-store-opening = ouverture
keys-activity-opening = Ouverture du profil { $profile }…
keys-activity-saving = Enregistrement de la clé…
keys-activity-verifying = Vérification de la clé auprès du serveur…
keys-activity-deleting = Suppression de la clé…
keys-activity-demo = Démarrage de la démo…
keys-no-such-profile = Aucun profil ne s'appelle { $profile }.
keys-no-keyring = La clé de { $profile } ne peut pas être lue : aucun trousseau du système n'est disponible. Ajoutez-la à nouveau dans Clés et gardez-la pour cette session.
keys-using-profile = Profil { $profile } utilisé.
keys-open-failed = Le profil { $profile } n'a pas pu être ouvert. Cliquez à nouveau sur Utiliser ; si l'échec persiste, redémarrez l'application.
keys-profiles-not-saved = Les profils n'ont pas été enregistrés. Modifiez à nouveau un profil pour réessayer, ou redémarrez l'application.
keys-demo-failed = La démo n'a pas démarré. Réessayez, ou redémarrez l'application.
keys-demo-failed-because = La démo n'a pas démarré : { $reason }
