# Reading a spreadsheet of candidates.
# Every id here starts with "import-".

## Why a file could not be read
import-file-unreadable = { $path } could not be read; check that it is still there, then choose it again.
import-not-text = The file is neither a spreadsheet nor text; save the list from your spreadsheet as .xlsx or .csv and choose that file.
import-not-a-workbook = The file could not be read as a spreadsheet; open it in your spreadsheet, save it again as .xlsx and choose that copy.
import-too-large = The file is larger than a list of candidates can be ({ $why }); it was not opened, so save only the candidates' sheet and choose that file.
import-too-large-file = { $size } on disk, over the { $max } an import reads
import-too-large-parts = { $count } parts in the zip
import-too-large-part = a part claims 4 GB or more unpacked
import-too-large-unpacked = its parts unpack to more than { $max }
import-megabytes = { $count } MB
import-no-such-sheet = The workbook has no sheet named "{ $name }"; choose one of { $sheets }.
import-empty = The file has no candidates in it.
import-no-email-column = No email column was found; the header has { $header }. Name a column "email".
import-no-columns = no columns
import-too-many-rows = The file has { $rows } rows; at most 100,000 can be imported at once. Split it.
import-malformed = The file could not be read as CSV; save it from the spreadsheet again as CSV.
import-no-opening = The file has no opening column; choose one opening for every row.

## How the file was read
import-read-as = Read as { $encoding }, separated by { $separator ->
    [semicolons] semicolons
    [tabs] tabs
    [bars] vertical bars
   *[commas] commas
}.
import-read-as-guessed = Read as { $encoding } (a guess: if names look wrong, choose another character set), separated by { $separator ->
    [semicolons] semicolons
    [tabs] tabs
    [bars] vertical bars
   *[commas] commas
}.
import-read-sheet-of = Read the sheet "{ $sheet }", one of { $count } sheets.
import-read-sheet = Read the sheet "{ $sheet }".

## Each row's verdict
import-verdict-ready = ready
import-verdict-invalid-email = invalid email: { $why }
import-verdict-missing-opening = missing opening
import-verdict-duplicate = duplicate of row { $row }
import-verdict-already-invited = already invited to that opening
import-verdict-left-out = left out
import-count-ready = { $count } ready
import-count-invalid-email = { $count } invalid email
import-count-missing-opening = { $count } missing opening
import-count-duplicate = { $count } duplicate in file
import-count-already-invited = { $count } already invited
import-count-left-out = { $count } left out

## Sending
import-row-already-invited = already invited to this opening
import-row-answer-not-recorded = the answer could not be recorded; check this invite in RickRut
import-stopped-record-failed = Sending stopped because the local record could not be written (is the disk full?). Free some space, then run the import again: rows whose answer was not recorded are listed as unknown, never sent again by themselves.

# A name from the file, quoted in a sentence.
import-quoted = "{ $name }"
