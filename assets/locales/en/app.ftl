# The app as a whole: its name, the language menu.

app-name = RickRut Dashboard
language-system = Same as the system ({ $language })
