# Les messages que le recruteur envoie lui-même au candidat. Les variables sont les champs
# du modèle ; gardez-les toutes, où que la phrase les place.

# When the candidate's opening is not known yet.
messages-unknown-opening = le poste proposé
messages-invitation-default =
    Bonjour { $first_name },

    Nous vous remercions de votre candidature pour { $opening }. La prochaine étape est une courte évaluation en ligne sur RickRut : vous allez recevoir un e-mail de RickRut avec le lien, et votre code d'accès est { $code }.

    Faites-la quand cela vous convient cette semaine, de préférence d'une traite et au calme.

    Bien cordialement,
messages-reminder-default =
    Bonjour { $first_name },

    Petit rappel concernant votre évaluation RickRut pour { $opening } : nous vous l'avons envoyée il y a { $days } jours et elle vous attend toujours. Votre code d'accès est { $code }.

    Si l'e-mail de RickRut ne vous est pas parvenu, ou s'il vous faut plus de temps, répondez simplement à ce message.

    Bien cordialement,
