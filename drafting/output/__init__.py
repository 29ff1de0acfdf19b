"""Files for download: the Word file (`word`), Markdown and plain text (`markdown`), the
reasons as CSV, file names and the one `render` entry (`files`), and the calendar entry
(`calendar`).

May import: everything below it: `reasons/`, `drafting.text`, `model`, `reading`, `advice`,
`letter`.
"""
