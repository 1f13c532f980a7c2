# Openings, their funnel and the shortlist.
# Every id here starts with "openings-".

## The view

openings-title = Openings
openings-no-profile = Use a profile (Keys) to see its openings and who scored best in each.
openings-none = No opening yet. Invite a candidate and the opening appears here, with everyone you track in it.
openings-choose = Choose an opening to see who scored best in it.
openings-id-unnamed = ID { $id }, name not known yet
openings-id-named = { $name } · ID { $id }
openings-id-hint = The name is what Invite sends; the ID is what the server answers with.
openings-name-button = Name…
openings-name-button-hint = Say which name this opening ID has, and give it a title of your own
openings-stale =
    { $count ->
        [one] 1 not started…
       *[other] { $count } not started…
    }
openings-stale-hint = The candidates of this opening invited days ago who have not begun: in Applicants, with a reminder to copy
openings-close = Close
openings-close-hint = Back to every opening
openings-name-label = Opening name
openings-name-hint = as Invite sends it, e.g. software-engineer
openings-title-label = Your title
openings-title-hint = optional, e.g. Backend engineer, Lyon
openings-save-name = Save name
openings-save-name-hint = Type the name Invite sends, e.g. software-engineer
openings-cancel = Cancel
openings-named = Opening { $id } is now called { $name }.
openings-weighed = The shortlist now counts skill for { $skill } % and adequation for { $adequation } %.

## Funnel, weights and the spread of scores

openings-funnel = Funnel
openings-invited = Invited
openings-invited-hint = Everyone this profile invited (or looked up) for this opening
openings-started = Started
openings-started-hint = Began the test (step above 0)
openings-scored = Scored
openings-scored-hint = Finished with a score
openings-status-count = { $count } { $status }
openings-by-status = By status: { $statuses }
openings-by-status-hint = The status each applicant had when last refreshed
openings-skill-counts = Skill counts
openings-skill-counts-hint = The overall score is this share of the skill score plus the rest of the adequation score
openings-adequation-share = adequation { $share } %
openings-overall-scores = Overall scores
openings-overall-scores-hint = How many scored applicants fall in each tenth of the 0–100 scale
openings-axis-overall = overall score
openings-axis-applicants = applicants

## The list of openings

openings-column-opening = Opening
openings-column-tracked = Tracked
openings-column-not-started = Not started
openings-column-started = Started
openings-column-scored = Scored
openings-column-completion = Completion
openings-column-median-skill = Median skill
openings-column-median-adequation = Median adequation
openings-column-last-activity = Last activity
openings-row = { $opening }: { $tracked } tracked, { $scored } scored
openings-not-started-late = { $count } · { $late } late
openings-percent = { $value } %
openings-sent-as = { $opening } — sent as { $name }, ID { $id }
openings-unnamed-hint = Opening ID { $id }; name it to invite by name
openings-by-id-hint = Applicants tracked by ID and not fetched yet
openings-not-started-late-hint =
    { $late ->
        [one] Invited and not started yet (step 0); 1 of them past the days set in Settings: Applicants lists them with a reminder to copy
       *[other] Invited and not started yet (step 0); { $late } of them past the days set in Settings: Applicants lists them with a reminder to copy
    }
openings-not-started-hint = Invited and not started yet (step 0)
openings-started-column-hint = Started the test (step above 0), scored or not
openings-scored-column-hint = Finished with a score
openings-completion-hint = Scored, out of everyone tracked

## The shortlist

openings-column-compare = Compare
openings-column-rank = Rank
openings-column-name = Name
openings-column-overall = Overall
openings-column-skill = Skill
openings-column-adequation = Adequation
openings-column-recruiter = Recruiter
openings-column-step = Step
openings-column-finished = Finished
openings-column-flags = Flags
openings-column-rating = Your rating
openings-column-decision = Decision
openings-not-rated = not rated
openings-not-scored = not scored
openings-gibberish =
    { $count ->
        [one] 1 gibberish
       *[other] { $count } gibberish
    }
openings-rating = { $rating } / 5
openings-rank-row = Rank { $rank }, { $name }, overall { $overall }
openings-overall-hint = The overall score: skill and adequation, weighed as set above
openings-recruiter-hint = The score a recruiter gave in RickRut; 0 there means nobody rated yet
openings-gibberish-hint = { $gibberish } of { $cases } recorded case answers were flagged as gibberish by RickRut
openings-rating-hint = Your own rating, kept on this computer
openings-compare-one = Compare { $name }
openings-shortlist = Shortlist
openings-scored-only = Scored only
openings-scored-only-hint = Leave out applicants who have no score yet
openings-top = Top
openings-top-all = all
openings-top-hint = Show only the best N; empty shows everyone
openings-compare = Compare ({ $count })
openings-compare-hint = Show the ticked applicants side by side
openings-compare-disabled-hint = Tick 2 to { $most } applicants in the first column to compare them
openings-clear = Clear
openings-clear-hint = Untick everyone
openings-no-match = No applicant matches; untick Scored only or clear Top.
openings-compare-full = Compare takes { $most } applicants at most; untick one first.

## Choosing an opening in Invite and Bulk invite

openings-picker = Openings…
openings-picker-hint = Openings this profile invited to before
