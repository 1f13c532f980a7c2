# Ce qui n'a pas marché, en une phrase, avec la marche à suivre.
# Every id here starts with "errors-".

# Sous une phrase, ce dont le support a besoin (avec -v ou sous Détails).
errors-details = Détails : { $details }

## Les réponses du serveur
errors-api-base-url = L’adresse du serveur n’est pas utilisable : { $reason }
errors-api-key-missing = La clé d’API manque. Ajoutez-en une dans Clés (en ligne de commande : --profile, ou RICKRUT_API_KEY).
errors-api-bad-request = Le serveur a refusé la demande, jugée incomplète ; vérifiez ce qui a été saisi.
errors-api-unauthorized = Le serveur a refusé la clé d’API. Vérifiez la clé dans Clés, ou créez-en une nouvelle dans votre tableau de bord RickRut.
errors-api-not-found = Le serveur n’a aucun candidat avec cet ID ; vérifiez le numéro.
errors-api-already-invited = Cet e-mail a déjà été invité à ce poste ; rien de nouveau n’a été créé.
errors-api-unknown-opening = Le serveur ne connaît pas ce poste ; vérifiez son nom tel que RickRut l’écrit.
errors-api-email-refused = Le serveur n’a pas accepté cette adresse e-mail ; vérifiez-la.
errors-api-refused-saying = Le serveur ne l’a pas accepté : { $reason }.
errors-api-refused = Le serveur ne l’a pas accepté ; vérifiez ce qui a été saisi.
errors-api-rate-limited-no-wait = Le serveur a reçu trop de demandes pour l’instant, sans demander d’attendre ; réessayez dans un instant.
errors-api-rate-limited-wait = Le serveur a reçu trop de demandes pour l’instant et demande d’attendre { $wait } ; réessayez ensuite.
errors-api-rate-limited = Le serveur a reçu trop de demandes pour l’instant ; réessayez dans une minute.
errors-api-server = Le serveur RickRut a rencontré un problème ; réessayez dans quelques minutes.
errors-api-unexpected-status = Le serveur a donné une réponse inattendue ; réessayez plus tard, ou vérifiez l’adresse du serveur dans Clés.
errors-api-timeout = Le serveur n’a pas répondu en { $after } ; il est peut-être lent ou injoignable. Réessayez, ou accordez-lui plus de temps.
errors-api-connection-refused = Le serveur est injoignable : rien ne répond à cette adresse. Vérifiez la connexion et l’adresse du serveur.
errors-api-connection-dns = Le serveur est injoignable : son nom est introuvable. Vérifiez la connexion et l’adresse du serveur.
errors-api-connection-certificate = Le serveur est injoignable : son certificat n’est pas reconnu. Vérifiez la connexion et l’adresse du serveur.
errors-api-connection-cut = Le serveur est injoignable : la connexion a été coupée. Vérifiez la connexion et l’adresse du serveur.
errors-api-connection-unreachable = Le serveur est injoignable : le réseau n’est pas accessible. Vérifiez la connexion et l’adresse du serveur.
errors-api-connection-failed = Le serveur est injoignable : la connexion a échoué. Vérifiez la connexion et l’adresse du serveur.
errors-api-body-too-large = La réponse du serveur dépassait { $mib } Mio et n’a pas été lue.
errors-api-undecodable = La réponse du serveur est illisible ; ce n’est peut-être pas un serveur RickRut. Vérifiez l’adresse du serveur, ou réessayez plus tard.

## Clés et profils
errors-keyring-unavailable = Aucun trousseau système n’est disponible sur cet ordinateur. Vous pouvez garder la clé pour cette session seulement.
errors-keyring-locked = Le trousseau système est verrouillé ou a refusé l’accès. Déverrouillez-le et réessayez, ou gardez la clé pour cette session seulement.
errors-keyring-timed-out = Le trousseau système n’a pas répondu à temps. Il attend peut-être un mot de passe ; réessayez, ou gardez la clé pour cette session seulement.
errors-keyring-bad-encoding = La clé enregistrée dans le trousseau est illisible ; remplacez-la dans Clés.
errors-keyring-other = Le trousseau système a échoué ; réessayez, ou gardez la clé pour cette session seulement.
errors-profiles-read = Le fichier des profils { $path } est illisible ; vérifiez que vous avez le droit de le lire, puis relancez l’application.
errors-profiles-corrupt = Le fichier des profils { $path } est endommagé ; l’application démarre sans profils et le laisse tel quel jusqu’à ce que vous enregistriez un profil.
errors-profiles-write = Le fichier des profils { $path } n’a pas pu être enregistré ; vérifiez qu’il reste de la place sur le disque et que son dossier est accessible en écriture, puis enregistrez de nouveau.
errors-profile-name-empty = Un profil doit avoir un nom.
errors-profile-name-too-long = Un nom de profil compte au plus { $max } caractères.
errors-profile-name-control = Un nom de profil ne peut pas contenir de caractères de contrôle.
errors-profile-name-spaces = Un nom de profil ne peut pas commencer ni finir par des espaces.
errors-profile-name-demo = « Demo » est le nom de la démo intégrée ; choisissez-en un autre.
errors-key-empty = Collez d’abord la clé d’API.
errors-key-has-spaces = Une clé d’API ne contient pas d’espaces ; vérifiez ce qui a été collé.
errors-no-key = Aucune clé n’est enregistrée pour { $name } ; collez-en une dans Clés.
errors-key-unreadable = La clé de { $name } n’a pas pu être lue. { $problem }
errors-profile-address = Profil { $name } : { $problem }
errors-key-refused-nothing-saved = { $problem } Rien n’a été enregistré.

## La base locale
errors-record-full = La base locale n’a pas pu être enregistrée : le disque est plein (ou protégé en écriture). Libérez de la place, puis réessayez.
errors-record-corrupt = La base locale est endommagée ; fermez l’application et rouvrez-la pour la mettre de côté et en commencer une nouvelle.
errors-record-failed = La base locale n’a pas pu être lue ou enregistrée ; réessayez, et si cela se reproduit, copiez les détails dans un signalement.
errors-record-open = La base locale { $path } n’a pas pu être ouverte ; vérifiez que son répertoire est accessible en écriture, ou choisissez un autre répertoire de données.
errors-record-busy = La base locale est occupée par une autre tâche ; réessayez.
errors-no-data-directory = Ce système n’a pas de répertoire de données pour la base locale ; indiquez --data-dir.
errors-refresh-record-failed = Actualisation interrompue : la base locale n’a pas pu être enregistrée (le disque est-il plein ?). Libérez de la place, puis actualisez de nouveau : ce qui était déjà enregistré est conservé.

## Tâches de fond, exports, postes
errors-cancelled = Annulé.
errors-task-crashed = La tâche de fond s’est arrêtée de façon inattendue ; réessayez, et si cela se reproduit, copiez les détails dans un signalement.
errors-export-write = { $path } n’a pas pu être enregistré ; vérifiez que le dossier existe et que le disque a de la place.
errors-format-csv = CSV
errors-format-xlsx = Classeur Excel
errors-opening-is-id = C’est l’ID de { $name } ; l’invitation est envoyée à { $name }.
errors-opening-spelled = Vouliez-vous dire { $name } ? Le serveur compare les noms de poste à l’identique.
errors-opening-new = Nouveau poste : le serveur refuse les noms qu’il ne connaît pas, vérifiez donc l’orthographe.

## Ce qui a été saisi, refusé avant tout envoi
errors-input-bad-id = « { $input } » n’est pas un ID de candidat : un ID est un nombre entier supérieur à zéro.
errors-input-id-too-large = { $input } dépasse tout ID de candidat possible ; vérifiez le numéro.
errors-input-missing-email = Un e-mail est obligatoire.
errors-input-bad-email = « { $input } » n’est pas une adresse e-mail valide.
errors-input-missing-opening = Un poste est obligatoire (par exemple software-engineer).

## Une durée, dans une phrase qui demande d’attendre
errors-duration-days = { $count } jours
errors-duration-years = des années

## Pourquoi un lien du serveur est affiché en texte (une proposition : « …, et il quitte le site du serveur »)
errors-link-not-a-path = ce n’est pas un chemin sur le site du serveur
errors-link-off-site = il quitte le site du serveur
errors-link-no-site = l’adresse du serveur n’est pas utilisable

## Pourquoi une adresse de serveur n’est pas utilisable (après « L’adresse du serveur n’est pas utilisable : »)
errors-url-not-a-url = « { $input } » n’est pas une URL ({ $error }).
errors-url-credentials = elle ne doit contenir ni nom d’utilisateur ni mot de passe.
errors-url-query = elle ne doit contenir ni paramètres ni fragment ; l’application ajoute la clé elle-même.
errors-url-http = seules les adresses https:// sont acceptées, sauf pour cet ordinateur (127.0.0.1, [::1], localhost).
errors-url-scheme = le protocole { $scheme }:// n’est pas pris en charge.
errors-url-no-host = elle n’a pas de nom d’hôte.
errors-record-moved-aside = La base locale était endommagée : elle a été déplacée vers { $path } et une nouvelle a été créée ; les candidats seront de nouveau suivis à mesure que vous les consultez.
