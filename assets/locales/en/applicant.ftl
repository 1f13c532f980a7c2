# One applicant: look up, the card, answers, history, comparison, find.
# Every id here starts with "applicant-".
