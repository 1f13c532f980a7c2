# Ce qui n'a pas marché, en une phrase, avec la marche à suivre.
# Every id here starts with "errors-".
