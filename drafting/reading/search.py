"""Search the consultation document the group uploaded or pasted (its text kept in the draft)
for a sentence to quote beside a reason, when the reader found no passage for it.

    >>> find_sentences("Intro.\fWe will let one contract. Prices rise.", "one contract")
    [Sentence(text='We will let one contract.', page=2)]
"""

from __future__ import annotations

from drafting.model.draft import PAGE_BREAK
from drafting.reading.files import Page
from drafting.reading.sentences import Sentence, document_sentences
from drafting.text import words

MOST_FOUND = 8
LONGEST_QUOTE = 400  # characters: a longer "sentence" is a run of text the reader could not split


def find_sentences(document: str, query: str, most: int = MOST_FOUND) -> list[Sentence]:
    """The document's sentences holding every word of `query` (any case), in the document's
    order, at most `most`; pages numbered where the document has them."""
    wanted = words(query)
    if not wanted or not document.strip():
        return []
    paged = PAGE_BREAK in document
    pages = [
        Page(n if paged else None, text)
        for n, text in enumerate(document.split(PAGE_BREAK), start=1)
    ]
    found = []
    for sentence in document_sentences(pages):
        held = " ".join(words(sentence.text))
        if len(sentence.text) <= LONGEST_QUOTE and all(w in held for w in wanted):
            found.append(sentence)
            if len(found) == most:
                break
    return found
