# Les notifications et les lignes qui disent qui a avancé.
# Every id here starts with "notices-".

# Un candidat qui n’a pas donné de nom.
notices-applicant = Candidat { $id }
notices-opening = poste { $id }
notices-no-opening = pas encore de poste

## Le titre d’une notification
notices-finished-one = { $who } a terminé le test
notices-finished-one-in = { $who } a terminé le test — { $opening }
notices-finished = { $count ->
    [one] { $count } candidat a terminé le test
   *[other] { $count } candidats ont terminé le test
}
notices-finished-in = { $count ->
    [one] { $count } candidat a terminé le test — { $opening }
   *[other] { $count } candidats ont terminé le test — { $opening }
}
notices-moved-one = { $who } a avancé
notices-moved-one-in = { $who } a avancé — { $opening }
notices-moved = { $count ->
    [one] { $count } candidat a avancé
   *[other] { $count } candidats ont avancé
}
notices-moved-in = { $count ->
    [one] { $count } candidat a avancé — { $opening }
   *[other] { $count } candidats ont avancé — { $opening }
}
notices-finished-moved = { $finished ->
    [one] { $finished } a terminé
   *[other] { $finished } ont terminé
}, { $moved ->
    [one] { $moved } a avancé
   *[other] { $moved } ont avancé
}
notices-finished-moved-in = { $finished ->
    [one] { $finished } a terminé
   *[other] { $finished } ont terminé
}, { $moved ->
    [one] { $moved } a avancé
   *[other] { $moved } ont avancé
} — { $opening }

## Les lignes d’une notification, une par candidat
notices-line-scores = { $who } : compétences / adéquation { $scores }
notices-line-scores-in = { $who } : compétences / adéquation { $scores } ({ $opening })
notices-line-finished = { $who } : terminé
notices-line-finished-in = { $who } : terminé ({ $opening })
notices-line-now = { $who } : désormais { $status }
notices-line-now-in = { $who } : désormais { $status } ({ $opening })
notices-more = et { $count } de plus
notices-open = Ouvrir

## Un statut, dit comme un recruteur le dit
notices-status-invited = invité
notices-status-started = en train de passer le test
notices-status-completed = terminé, scores à venir
notices-status-scored = noté

## Ce par quoi les candidats peuvent être triés en second
notices-sort-skill = compétences
notices-sort-adequation = adéquation
notices-sort-rating = votre note
notices-sort-decision = décision
notices-sort-name = nom
notices-sort-status = statut
notices-sort-step = étape
notices-sort-updated = mise à jour
notices-sort-id = ID
notices-sort-email = e-mail
notices-sort-opening = poste
notices-sort-last-checked = dernière vérification
