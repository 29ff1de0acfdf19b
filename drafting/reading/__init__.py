"""Reading a consultation document: its file turned into pages (`files`), the details
(`details`), the questions (`questions`), the passages that tie it to a reason (`signals`), all
gathered by `reader.read_consultation`, and put into the draft (`filling`).

May import: `reasons/`, `drafting.text`, `drafting.model`.
"""
