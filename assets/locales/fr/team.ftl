# Le dossier partagé de l'équipe.
# Every id here starts with "team-".

team-unreachable = La base de données de l’équipe est injoignable ; vérifiez votre connexion réseau (ou contactez la personne qui gère la base), puis réessayez.
team-refused = La base de données de l’équipe a refusé l’utilisateur ou le mot de passe de ce profil ; vérifiez-les dans Clés, puis réessayez.
team-address = L’adresse de la base de données de l’équipe n’est pas utilisable ; saisissez-la sous la forme postgres://utilisateur@hôte:port/base dans Clés (le mot de passe a son propre champ).
team-failed = La base de données de l’équipe n’a pas pu être lue ou modifiée ; réessayez, et si le problème persiste, copiez les détails dans un signalement.
team-newer-schema = Ce dossier a été modifié en dernier par une version plus récente de l’application (schéma { $found }, celle-ci connaît le { $known }) ; mettez l’application à jour avant d’y écrire.
team-password-unreadable = Le mot de passe de la base de données de l’équipe n’a pas pu être lu dans le trousseau du système. { $reason }
team-address-wrong = Saisissez la base de données de l’équipe sous la forme postgres://utilisateur@hôte:port/base (le mot de passe a son propre champ).
team-address-has-password = Retirez le mot de passe de l’adresse de la base de données : il a son propre champ et est conservé dans le trousseau du système.
team-address-unreadable = (adresse illisible)
team-teammate-refreshing = Un membre de votre équipe est en train d’actualiser les candidats de l’équipe ; cette actualisation n’a donc pas été lancée, et ses résultats apparaîtront quand vous actualiserez la liste.
team-record-unreachable-stop = L’envoi s’est arrêté car la base de données de l’équipe est injoignable ; relancez l’import dès qu’elle répond : les lignes dont la réponse n’a pas été enregistrée sont indiquées comme incertaines et ne seront jamais renvoyées d’elles-mêmes.
team-list-database = base de données d’équipe { $address }
team-paste-password = Collez le mot de passe de la base de données de l’équipe et appuyez sur Entrée (il ne s’affiche pas) :
team-read-failed = Lecture impossible sur l’entrée standard : { $reason }.
team-no-password = Aucun mot de passe de base de données n’a été fourni : définissez RICKRUT_TEAM_DB_PASSWORD ou saisissez-le sur la ligne qui suit la clé.
team-push-no-team = Le profil { $profile } n’a pas de base de données d’équipe ; ajoutez-en une avec `rickrut-dashboard key set { $profile } --team-db postgres://utilisateur@hôte/base`.
team-pushed = Le dossier local de { $profile } a été copié dans la base de données de l’équipe : { $new } de ses { $local } candidats y étaient nouveaux ({ $rows } lignes ajoutées au total) ; relancer la copie n’ajoute rien.
team-window-heading = Base de données d’équipe de { $profile }
team-window-explain = Conservez le dossier de ce profil dans une base PostgreSQL partagée par l’équipe, pour que chacun voie qui a été invité, les notes et les décisions. Laissez vide pour garder le dossier sur cet ordinateur.
team-window-address = Base de données d’équipe
team-window-password = Mot de passe de la base
team-window-save = Enregistrer la base d’équipe
team-window-local = Garder le dossier sur cet ordinateur
team-window-push = Copier mon dossier local dans la base de l’équipe
team-window-saved = Le mot de passe de la base de données de l’équipe est enregistré dans le trousseau du système.
team-window-no-keyring = Le mot de passe n’a pas pu être enregistré car le trousseau du système n’est pas disponible ; la base de données de l’équipe ne peut pas être ouverte sans lui.
team-window-not-open = La base de données de l’équipe n’est pas encore ouverte ; attendez la connexion, puis relancez la copie.
team-window-pushed = Copie terminée : { $new } de vos { $local } candidats étaient nouveaux pour l’équipe ({ $rows } lignes ajoutées au total) ; relancer la copie n’ajoute rien.
team-window-not-recorded = Rien n’a été envoyé car la base de données de l’équipe n’est pas ouverte et l’invitation n’aurait pas pu y être enregistrée ; vérifiez la connexion dans Clés, puis invitez de nouveau.
team-last-read = La base de données de l’équipe est injoignable : vous consultez ce que cet ordinateur y a lu en dernier ({ $when }) ; rien ne peut être modifié ni envoyé avant son retour.
