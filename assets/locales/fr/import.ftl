# La lecture d'un tableur de candidats.
# Every id here starts with "import-".
