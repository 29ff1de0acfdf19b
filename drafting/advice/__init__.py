"""Advice on what the group types: how strong an example is (`feedback`), personal
details it may hold (`privacy`) and the people's names in it (`names`).

May import: `reasons/`, `drafting.text`, `drafting.model`.
"""
