# Reading a spreadsheet of candidates.
# Every id here starts with "import-".
