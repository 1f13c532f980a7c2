# Notifications and the lines that say who moved.
# Every id here starts with "notices-".

# A candidate who gave no name.
notices-applicant = Applicant { $id }
notices-opening = opening { $id }
notices-no-opening = no opening yet

## A notification's title
notices-finished-one = { $who } finished the test
notices-finished-one-in = { $who } finished the test — { $opening }
notices-finished = { $count } candidates finished the test
notices-finished-in = { $count } candidates finished the test — { $opening }
notices-moved-one = { $who } moved on
notices-moved-one-in = { $who } moved on — { $opening }
notices-moved = { $count } candidates moved on
notices-moved-in = { $count } candidates moved on — { $opening }
notices-finished-moved = { $finished } finished, { $moved } moved on
notices-finished-moved-in = { $finished } finished, { $moved } moved on — { $opening }

## A notification's lines, one per candidate
notices-line-scores = { $who }: skill / fit { $scores }
notices-line-scores-in = { $who }: skill / fit { $scores } ({ $opening })
notices-line-finished = { $who }: finished
notices-line-finished-in = { $who }: finished ({ $opening })
notices-line-now = { $who }: now { $status }
notices-line-now-in = { $who }: now { $status } ({ $opening })
notices-more = and { $count } more
notices-open = Open

## A status as a recruiter says it
notices-status-invited = invited
notices-status-started = taking the test
notices-status-completed = done, scores to come
notices-status-scored = scored

## What the applicants can be sorted by, second
notices-sort-skill = skill
notices-sort-adequation = adequation
notices-sort-rating = your rating
notices-sort-decision = decision
notices-sort-name = name
notices-sort-status = status
notices-sort-step = step
notices-sort-updated = updated
notices-sort-id = ID
notices-sort-email = email
notices-sort-opening = opening
notices-sort-last-checked = last checked
