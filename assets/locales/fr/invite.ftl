# Inviter un candidat.
# Every id here starts with "invite-".

invite-title = Inviter
invite-intro = Invitez un candidat à un poste. Il reçoit le test par e-mail.
invite-email = E-mail
invite-opening = Poste
invite-opening-hint = ex. software-engineer
invite-first-name = Prénom
invite-last-name = Nom
invite-optional = facultatif
invite-send = Envoyer l'invitation
invite-sending = Envoi…
invite-invited = Invitation envoyée à { $name }.
invite-id = ID
invite-code = Code
invite-status = Statut
invite-open-in-look-up = Ouvrir dans Recherche
invite-checked-first = Chaque champ est vérifié avant tout envoi.
invite-not-saved-locally = Non enregistré localement
invite-interrupted = L'invitation a été interrompue avant la réponse du serveur. Elle a peut-être été créée : recherchez l'e-mail avant de la renvoyer.
invite-copy = Copier
invite-copy-code = Copier le code
