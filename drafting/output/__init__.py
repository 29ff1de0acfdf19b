"""Files for download: the Word file (`word`), Markdown (`markdown`), the reasons as CSV, file
names and the one `render` entry (`files`), and the calendar file (`ics`). Plain text is the
letter's own form (`drafting.letter.blocks.to_text`).

May import: everything below it: `reasons/`, `drafting.text`, `model`, `reading`, `advice`,
`letter`.
"""
