# Les postes, leur entonnoir et la présélection.
# Every id here starts with "openings-".

## La vue

openings-title = Postes
openings-no-profile = Choisissez un profil (Clés) pour voir ses postes et les meilleurs candidats de chacun.
openings-none = Aucun poste pour l'instant. Invitez un candidat : le poste apparaîtra ici, avec tous les candidats que vous y suivez.
openings-choose = Choisissez un poste pour voir ses meilleurs candidats.
openings-id-unnamed = ID { $id }, nom encore inconnu
openings-id-named = { $name } · ID { $id }
openings-id-hint = Le nom est ce qu'envoie Inviter ; l'ID est ce que répond le serveur.
openings-name-button = Nommer…
openings-name-button-hint = Indiquer le nom de ce poste et lui donner votre propre intitulé
openings-stale =
    { $count ->
        [one] { $count } n'a pas commencé…
       *[other] { $count } n'ont pas commencé…
    }
openings-stale-hint = Les candidats de ce poste invités il y a plusieurs jours qui n'ont pas commencé : dans Candidats, avec une relance à copier
openings-close = Fermer
openings-close-hint = Revenir à tous les postes
openings-name-label = Nom du poste
openings-name-hint = tel qu'Inviter l'envoie, p. ex. software-engineer
openings-title-label = Votre intitulé
openings-title-hint = facultatif, p. ex. Développeur backend, Lyon
openings-save-name = Enregistrer
openings-save-name-hint = Tapez le nom qu'envoie Inviter, p. ex. software-engineer
openings-cancel = Annuler
openings-named = Le poste { $id } s'appelle désormais { $name }.
openings-weighed = La présélection compte désormais les compétences pour { $skill } % et l'adéquation pour { $adequation } %.

## Entonnoir, pondération et répartition des scores

openings-funnel = Entonnoir
openings-invited = Invités
openings-invited-hint = Tous les candidats que ce profil a invités (ou consultés) pour ce poste
openings-started = Ont commencé
openings-started-hint = Ont commencé le test (étape au-delà de 0)
openings-scored = Avec score
openings-scored-hint = Ont terminé avec un score
openings-status-count = { $count } { $status }
openings-by-status = Par statut : { $statuses }
openings-by-status-hint = Le statut de chaque candidat à la dernière actualisation
openings-skill-counts = Poids compétences
openings-skill-counts-hint = Le score global prend cette part du score de compétences, et le reste du score d'adéquation
openings-adequation-share = adéquation { $share } %
openings-overall-scores = Scores globaux
openings-overall-scores-hint = Combien de candidats avec score tombent dans chaque dizaine de l'échelle de 0 à 100
openings-axis-overall = score global
openings-axis-applicants = candidats

## La liste des postes

openings-column-opening = Poste
openings-column-tracked = Suivis
openings-column-not-started = Pas commencé
openings-column-started = Commencé
openings-column-scored = Avec score
openings-column-completion = Achèvement
openings-column-median-skill = Méd. compét.
openings-column-median-adequation = Méd. adéquation
openings-column-last-activity = Dernière activité
openings-row = { $opening } : { $tracked } suivis, { $scored } avec score
openings-not-started-late = { $count } · { $late } en retard
openings-percent = { $value } %
openings-sent-as = { $opening } — envoyé sous le nom { $name }, ID { $id }
openings-unnamed-hint = ID du poste { $id } ; nommez-le pour inviter sous son nom
openings-by-id-hint = Candidats suivis par ID et pas encore récupérés
openings-not-started-late-hint =
    { $late ->
        [one] Invités sans avoir commencé (étape 0) ; { $late } a dépassé le délai fixé dans Réglages : Candidats le liste avec une relance à copier
       *[other] Invités sans avoir commencé (étape 0) ; { $late } ont dépassé le délai fixé dans Réglages : Candidats les liste avec une relance à copier
    }
openings-not-started-hint = Invités sans avoir commencé (étape 0)
openings-started-column-hint = Ont commencé le test (étape au-delà de 0), avec ou sans score
openings-scored-column-hint = Ont terminé avec un score
openings-completion-hint = Part des candidats avec score parmi tous les suivis

## La présélection

openings-column-compare = Comparer
openings-column-rank = Rang
openings-column-name = Nom
openings-column-overall = Global
openings-column-skill = Compét.
openings-column-adequation = Adéquation
openings-column-recruiter = Recruteur
openings-column-step = Étape
openings-column-finished = Terminé
openings-column-flags = Alertes
openings-column-rating = Votre note
openings-column-decision = Décision
openings-not-rated = non noté
openings-not-scored = sans score
openings-gibberish =
    { $count ->
        [one] { $count } incohérente
       *[other] { $count } incohérentes
    }
openings-rating = { $rating }/5
openings-rank-row = Rang { $rank }, { $name }, score global { $overall }
openings-overall-hint = Le score global : compétences et adéquation, pondérées comme ci-dessus
openings-recruiter-hint = La note donnée par un recruteur dans RickRut ; 0 signifie que personne n'a encore noté
openings-gibberish-hint = { $gibberish } des { $cases } réponses enregistrées aux études de cas ont été signalées incohérentes par RickRut
openings-rating-hint = Votre propre note, gardée sur cet ordinateur
openings-compare-one = Comparer { $name }
openings-shortlist = Présélection
openings-scored-only = Avec score seulement
openings-scored-only-hint = Écarter les candidats qui n'ont pas encore de score
openings-top = Top
openings-top-all = tous
openings-top-hint = N'afficher que les N meilleurs ; vide : tout le monde
openings-compare = Comparer ({ $count })
openings-compare-hint = Afficher côte à côte les candidats cochés
openings-compare-disabled-hint = Cochez de 2 à { $most } candidats dans la première colonne pour les comparer
openings-clear = Effacer
openings-clear-hint = Tout décocher
openings-no-match = Aucun candidat ne correspond ; décochez Avec score seulement ou videz Top.
openings-compare-full = La comparaison accepte { $most } candidats au plus ; décochez-en un d'abord.

## Choisir un poste dans Inviter et Envoi groupé

openings-picker = Postes…
openings-picker-hint = Les postes auxquels ce profil a déjà invité
