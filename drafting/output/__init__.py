"""Files for download: the Word file (`word`), Markdown (`markdown`; plain text is the letter's own, `letter.blocks.to_text`), the
reasons as CSV, file names and the one `render` entry (`files`), and the calendar entry
(`ics`).

May import: everything below it: `reasons/`, `drafting.text`, `model`, `reading`, `advice`,
`letter`.
"""
