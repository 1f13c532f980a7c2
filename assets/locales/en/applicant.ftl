# One applicant: look up, the card, answers, history, comparison, find.
# Every id here starts with "applicant-".

## Look up

applicant-lookup-title = Look up
applicant-id-label = Applicant ID
applicant-id-hint = an ID, or a name or email you track
applicant-lookup-button = Look up
applicant-cancel = Cancel
applicant-lookup-cancel-hint = Stop this look-up (Esc)
applicant-choose-one = Choose one of the applicants below, or type their ID.
applicant-lookup-empty = Type an applicant's ID, or the name or email of one you track, and press Enter.
applicant-demo-try = In the demo, try:
applicant-demo-reference = the API reference's own example, scored
applicant-demo-answers = scored, with quizz and case answers
applicant-demo-gibberish = scored, a recording flagged as gibberish
applicant-demo-moving = invited, moving along while the demo runs
applicant-demo-many = scored, 1,000 quizz and 1,000 case answers
applicant-decision = Decision: { $decision }
applicant-rating-short = your rating { $rating } / 5
applicant-tags-short = tags { $tags }
applicant-note-or-decide = Note or decide…
applicant-note-or-decide-hint = Open this applicant in Applicants, where your notes and decision live
applicant-no-profile = No profile is in use: add your API key in Keys, or try the demo.
applicant-not-found = No applicant has the ID { $id } on this server; check the number.
applicant-lookup-cancelled = Look-up of { $id } cancelled.
applicant-lookup-crashed = The look-up of { $id } stopped unexpectedly; try again, and if it happens again, copy the details into a report.
applicant-not-saved = Not saved locally: { $problem }

## Finding by name or email

applicant-find-none = No tracked applicant has that name or email; type their ID to ask RickRut.
applicant-find-hint = Look this applicant up
applicant-find-more =
    { $count ->
        [one] and 1 more; type more of the name
       *[other] and { $count } more; type more of the name
    }
applicant-recent = Recent
applicant-recent-hint = Look up { $id } again

## The card

applicant-skill-means = Skill score, 0 to 100: how well the candidate answered the test's quizz and case questions.
applicant-adequation-means = Adequation score, 0 to 100: how closely the candidate's answers fit what this opening asks for.
applicant-recruiter-means = Recruiter score: the mark a recruiter gave in RickRut's own dashboard; 0 there means nobody rated yet. Your own rating is kept apart, under Your assessment.
applicant-step-of = Step { $step } of { $last }
applicant-fact-id = ID
applicant-fact-code = Code
applicant-fact-opening = Opening
applicant-opening-named-hint = Opening ID { $id }, invited as { $name }
applicant-opening-unnamed-hint = Opening ID { $id }; name it in Openings to see its name here
applicant-fact-source = Source
applicant-fact-slug = Slug
applicant-fact-created = Created
applicant-fact-updated = Updated
applicant-fact-finished = Finished
applicant-fact-cv = CV
applicant-fact-audio = Audio introduction
applicant-open-cv = Open CV
applicant-open-audio = Open audio introduction
applicant-not-uploaded = not uploaded
applicant-link-withheld = link withheld
# $what is "cv" or "audio".
applicant-withheld-not-a-path =
    { $what ->
        [cv] The server gave this CV as { $path }, and it is not a path on the server's own site: it is not opened.
       *[audio] The server gave this audio introduction as { $path }, and it is not a path on the server's own site: it is not opened.
    }
applicant-withheld-off-site =
    { $what ->
        [cv] The server gave this CV as { $path }, and it leaves the server's site: it is not opened.
       *[audio] The server gave this audio introduction as { $path }, and it leaves the server's site: it is not opened.
    }
applicant-withheld-no-site =
    { $what ->
        [cv] The server gave this CV as { $path }, and the server address is not usable: it is not opened.
       *[audio] The server gave this audio introduction as { $path }, and the server address is not usable: it is not opened.
    }
applicant-text-introduction = Text introduction
applicant-scores = Scores
applicant-skill-score = Skill score
applicant-adequation-score = Adequation score
applicant-recruiter-score = Recruiter score
applicant-not-rated = not rated
applicant-quizz-answers = Quizz answers ({ $count })
applicant-case-answers = Case answers ({ $count })
applicant-case-answers-gibberish = Case answers ({ $count }, { $gibberish } flagged gibberish)
applicant-poll-answers = Poll answers ({ $count })
applicant-no-quizz-answers = No quizz answers yet.
applicant-no-case-answers = No case answers yet.
applicant-no-poll-answers = No poll answers yet.
applicant-column-quizz-id = Quizz ID
applicant-column-option-id = Option ID
applicant-column-score = Score (of 100)
applicant-column-answered-at = Answered at
applicant-column-case-id = Case ID
applicant-column-duration = Duration
applicant-column-audio-file = Audio file
applicant-column-check = Check
applicant-column-answer = Answer
applicant-duration-seconds = { $seconds } s
applicant-audio-file = { $name } ({ $kind })
applicant-audio-file-size = { $name } ({ $kind }, { $size })
applicant-unknown-type = unknown type
applicant-gibberish = ⚠ gibberish
applicant-gibberish-hint = The vendor flagged this recording as gibberish
applicant-check-ok = ok

## Your assessment

applicant-assessment = Your assessment
applicant-assessment-hint = Kept on this computer for this profile; never sent to RickRut
applicant-your-rating = Your rating
applicant-rate-hint = Rate { $rating } of 5
applicant-your-decision = Your decision
applicant-decision-none = no decision
applicant-decision-shortlisted = shortlisted
applicant-decision-on-hold = on hold
applicant-decision-rejected = rejected
applicant-forget-button = Forget applicant…
applicant-forget-hint = Remove everything this app holds on them: record, history, notes, tags, decision and invites
applicant-tags = Tags
applicant-remove-tag-hint = Remove the tag { $tag }
applicant-tag-hint = add a tag
applicant-tag-field-hint = Type a tag and press Enter
applicant-add-tag-hint = Add this tag
applicant-notes = Notes ({ $count })
applicant-new-note = New note
applicant-new-note-hint = What you want to remember about this applicant
applicant-add-note = Add note
applicant-forget-title = Forget { $name }?
applicant-forget-text = Everything this app holds on them is removed from this computer: their record and history, your notes, tags, rating and decision, and the invites sent to them. RickRut keeps its own copy; untrack instead to keep your notes.
applicant-forget = Forget
applicant-note-kept = Note kept.
applicant-note-empty = The note is empty.
applicant-tag-added = Tag added.
applicant-tag-removed = Tag removed.
applicant-rated = Rated { $rating } of 5.
applicant-rating-cleared = Rating cleared.
applicant-decided = Decision: { $decision }.
applicant-forgotten = Everything the app held on applicant { $id } is removed.

## Details in Applicants

applicant-untrack = Untrack
applicant-untrack-hint = Stop tracking this applicant
applicant-export-json = Export JSON…
applicant-compare-remove = Remove from comparison
applicant-compare-remove-hint = Take this applicant out of the comparison
applicant-compare-add = Add to comparison
applicant-compare-add-hint = Compare this applicant side by side with others (2 to 4)
applicant-compare-show = Compare ({ $count })
applicant-compare-show-hint = Show the applicants added side by side
applicant-close = Close
applicant-not-fetched = Applicant { $id } has not been fetched yet; refresh to see it.

## Score history

applicant-history = Score history
applicant-no-scores = No scores yet.
applicant-skill = Skill
applicant-adequation = Adequation
applicant-chart = Score history chart
applicant-chart-span = Score history chart, { $from } to { $to }
applicant-status-changes = Status changes
applicant-status-change = { $time } — { $status }
applicant-status-change-step = { $time } — { $status } (step { $step })

## Comparison

applicant-compare-title = Compare applicants
applicant-compare-scale = Scores on one 0–100 scale. Esc closes this window.
applicant-not-fetched-short = not fetched yet
applicant-overall = Overall
applicant-compare-recruiter = Recruiter score: { $score }
applicant-compare-step = Step { $step }
applicant-compare-finished = Finished { $hours } h after the invite
applicant-compare-case-minutes = { $minutes } min recorded on the cases
applicant-compare-answers = { $quizz } quizz, { $cases } case, { $polls } poll answers
applicant-compare-flagged = Flagged: { $flags }
applicant-compare-rating = Your rating: { $rating } / 5
applicant-compare-no-rating = Your rating: none
applicant-compare-tags = Tags: { $tags }
applicant-compare-notes = Notes
applicant-compare-open = Open in Applicants
applicant-score-of-100 = { $what }: { $score } out of 100
applicant-not-scored = not scored
