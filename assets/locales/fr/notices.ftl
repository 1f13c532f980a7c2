# Les notifications et les lignes qui disent qui a avancé.
# Every id here starts with "notices-".
