# La lecture d'un tableur de candidats.
# Every id here starts with "import-".

## Pourquoi un fichier n’a pas pu être lu
import-file-unreadable = { $path } n’a pas pu être lu ; vérifiez qu’il est toujours là, puis choisissez-le de nouveau.
import-not-text = Le fichier n’est ni un tableur ni du texte ; enregistrez la liste depuis votre tableur en .xlsx ou .csv et choisissez ce fichier.
import-not-a-workbook = Le fichier n’a pas pu être lu comme un classeur ; ouvrez-le dans votre tableur, enregistrez-le de nouveau en .xlsx et choisissez cette copie.
import-too-large = Le fichier est plus gros qu’une liste de candidats ne peut l’être ({ $why }) ; il n’a pas été ouvert : enregistrez seulement la feuille des candidats et choisissez ce fichier.
import-too-large-file = { $size } sur le disque, au-delà des { $max } qu’un import lit
import-too-large-parts = { $count } parties dans le zip
import-too-large-part = une partie annonce 4 Go ou plus une fois décompressée
import-too-large-unpacked = ses parties décompressées dépassent { $max }
import-megabytes = { $count } Mo
import-no-such-sheet = Le classeur n’a pas de feuille nommée « { $name } » ; choisissez parmi { $sheets }.
import-empty = Le fichier ne contient aucun candidat.
import-no-email-column = Aucune colonne d’e-mail n’a été trouvée ; l’en-tête contient { $header }. Nommez une colonne « email ».
import-no-columns = aucune colonne
import-too-many-rows = Le fichier compte { $rows } lignes ; au plus 100 000 peuvent être importées à la fois. Divisez-le.
import-malformed = Le fichier n’a pas pu être lu comme un CSV ; enregistrez-le de nouveau en CSV depuis le tableur.
import-no-opening = Le fichier n’a pas de colonne de poste ; choisissez un poste pour toutes les lignes.

## Comment le fichier a été lu
import-read-as = Lu en { $encoding }, séparé par des { $separator ->
    [semicolons] points-virgules
    [tabs] tabulations
    [bars] barres verticales
   *[commas] virgules
}.
import-read-as-guessed = Lu en { $encoding } (supposé : si les noms semblent faux, choisissez un autre jeu de caractères), séparé par des { $separator ->
    [semicolons] points-virgules
    [tabs] tabulations
    [bars] barres verticales
   *[commas] virgules
}.
import-read-sheet-of = Feuille « { $sheet } » lue, sur { $count } feuilles.
import-read-sheet = Feuille « { $sheet } » lue.

## Le verdict de chaque ligne
import-verdict-ready = prête
import-verdict-invalid-email = e-mail invalide : { $why }
import-verdict-missing-opening = poste manquant
import-verdict-duplicate = doublon de la ligne { $row }
import-verdict-already-invited = déjà invité à ce poste
import-verdict-left-out = écartée
import-count-ready = { $count ->
    [one] { $count } prête
   *[other] { $count } prêtes
}
import-count-invalid-email = { $count ->
    [one] { $count } e-mail invalide
   *[other] { $count } e-mails invalides
}
import-count-missing-opening = { $count ->
    [one] { $count } sans poste
   *[other] { $count } sans poste
}
import-count-duplicate = { $count ->
    [one] { $count } doublon dans le fichier
   *[other] { $count } doublons dans le fichier
}
import-count-already-invited = { $count ->
    [one] { $count } déjà invitée
   *[other] { $count } déjà invitées
}
import-count-left-out = { $count ->
    [one] { $count } écartée
   *[other] { $count } écartées
}

## L’envoi
import-row-already-invited = déjà invité à ce poste
import-row-answer-not-recorded = la réponse n’a pas pu être enregistrée ; vérifiez cette invitation dans RickRut
import-stopped-record-failed = Envoi interrompu : la base locale n’a pas pu être enregistrée (le disque est-il plein ?). Libérez de la place, puis relancez l’import : les lignes dont la réponse n’a pas été enregistrée sont marquées inconnues et ne sont jamais renvoyées d’elles-mêmes.

# Un nom tiré du fichier, cité dans une phrase.
import-quoted = « { $name } »
