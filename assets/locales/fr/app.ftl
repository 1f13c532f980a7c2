# L'application dans son ensemble : son nom, le choix de la langue.

app-name = RickRut Dashboard
language-system = Comme le système ({ $language })
