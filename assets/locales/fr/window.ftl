# Le cadre de la fenêtre : navigation, barre d'état, dialogues, éléments communs.
# Every id here starts with "window-".
