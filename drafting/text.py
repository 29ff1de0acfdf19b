"""Text helpers every stage shares: sentences, words, e-mail addresses, links and file-name
slugs, each defined once. Imports nothing of the core (it sits below `model/`).

    >>> sentences("We lost the grant in May. Forty people now eat alone.")
    ['We lost the grant in May.', 'Forty people now eat alone.']
    >>> words("Don't close the café")
    ["don't", 'close', 'the', 'café']
"""

from __future__ import annotations

import functools
import re
import unicodedata

# What a group types: a sentence ends at . ! or ? before a space and a capital, a quote or a
# bracket ("£4.50" and "11am." followed by a small letter go on).
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])")
# What a public body's document says: as above, but the full stop must follow a word (or a
# closing bracket, quote or %), so "4.1" and "11.59pm" go on.
DOCUMENT_SENTENCE_BREAK = re.compile(r"(?<=\w[.!?])\s+(?=[A-Z(“\"'‘])|(?<=[)’”\"'%][.!?])\s+")
WORD = re.compile(r"\w+(?:['’]\w+)*")
NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")  # a word that can be part of a name
# An address starts where a run of the characters it may hold starts: without the look-behind,
# a long run without an "@" ("a.a.a.…") is scanned again from each of its characters.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LINK = re.compile(r"(https?://[^\s<>\"]*[^\s<>\".,;:)])")  # a link a letter prints (a group)
WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"']+", re.I)  # as documents give one


def sentences(text: str) -> list[str]:
    """The sentences of what a group typed, each as typed."""
    return SENTENCE_BREAK.split(text.strip())


def words(text: str) -> list[str]:
    """The words of `text`, lower case, without punctuation (an apostrophe stays inside)."""
    return list(word_tuple(text))


@functools.lru_cache(maxsize=4096)
def word_tuple(text: str) -> tuple[str, ...]:
    # Assembly tries several versions of a letter, each weighing the same typed passages.
    found = WORD.findall(text)
    if not found:
        return ()
    # Lower-cased together, not one by one (much quicker on a long letter): the same, as the
    # space between two words ends a word for str.lower's one rule of context (final sigma).
    return tuple(" ".join(found).lower().replace("’", "'").split(" "))


def slug(text: str) -> str:
    """Make text safe in a file name: `slug("Café & Co")` is 'cafe-co'; at most 50 characters,
    cut between words, never inside one (a single word longer than that is cut).

        >>> slug("Recommissioning the Hillside and District new carer centre service")
        'recommissioning-the-hillside-and-district-new'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    whole = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(whole) <= 50:
        return whole
    cut = whole[:51]  # with the character after: a "-" there means the 50 end on a word
    return cut[: cut.rfind("-")] if "-" in cut else whole[:50]
