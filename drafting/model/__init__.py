"""The draft model: the draft and its file (validation, merge), and what the pages change in
it (selection of reasons, questions, fair-process concerns, progress, the group's profile,
wording helpers, the deadline).

May import: `reasons/`, `drafting.text`. Nothing else of `drafting`.
"""
