# The messages a recruiter sends a candidate themselves. The variables are the template's
# placeholders; keep each one, wherever the sentence puts it.

# When the candidate's opening is not known yet.
messages-unknown-opening = the position
messages-invitation-default =
    Hello { $first_name },

    Thank you for applying for { $opening }. The next step is a short online assessment on RickRut: you will receive an email from RickRut with the link, and your access code is { $code }.

    Take it whenever suits you this week; it is best done in one sitting, somewhere quiet.

    Best regards,
messages-reminder-default =
    Hello { $first_name },

    A quick reminder about your RickRut assessment for { $opening }: we sent it { $days } days ago and it is still waiting for you. Your access code is { $code }.

    If the email from RickRut did not reach you, or you need more time, just reply to this message.

    Best regards,
