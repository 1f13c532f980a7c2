# Ce que la ligne de commande affiche pour une personne.
# Every id here starts with "cli-".
