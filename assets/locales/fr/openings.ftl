# Les postes, leur entonnoir et la présélection.
# Every id here starts with "openings-".
