# Openings, their funnel and the shortlist.
# Every id here starts with "openings-".
