"""Find people's names in what a group types, so the app can warn before a letter is published.

Two maintained word lists do the work: the first names of `gender-guesser` (about 40,000 given
names from Britain, Ireland and some fifty other countries) and the English words of
`english-words` (Webster's second edition). A capitalised word is taken for a first name when it
is on the first list and is not an ordinary English word ("Doreen", "Priya", not "Grant" or
"May"); a capitalised word after it is taken for a surname. An ordinary word that is also a name
("Grace", "Mark") counts only when a surname that is not an ordinary word follows it ("Grace
Okafor", not "Grace Park"). A name after "in", "at", "from" or "near", or before "Park", "Road",
"House" and the like, is read as a place ("in Brent", "Victoria Park").

    >>> find_names("Doreen Smith, 84, and Priya lost their lunch club in Brent in May.")
    ['Doreen Smith', 'Priya']
    >>> find_names("Mark Jones spoke for the Grant Committee on Thursday.")
    ['Mark Jones']
"""

from __future__ import annotations

import functools

from drafting.text import NAME_WORD

_PLACE_WORDS = frozenset({"in", "at", "from", "near", "across", "around", "into"})
# A first name before one of these names a place or a body ("Victoria Park", "Florence House").
_PLACE_ENDINGS = frozenset(
    [
        "Park",
        "Road",
        "Street",
        "Lane",
        "Avenue",
        "Close",
        "Court",
        "House",
        "Hall",
        "Centre",
        "Church",
        "Square",
        "Gardens",
        "Estate",
        "Ward",
        "Way",
        "Hill",
        "Green",
        "Trust",
        "Council",
        "Foundation",
        "Hospital",
        "School",
        "College",
        "Station",
        "Library",
        "Surgery",
        "Practice",
        "Fund",
    ]
)
# Capitalised in the word list, so not caught as ordinary words by it.
_CALENDAR = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Christmas",
        "Easter",
    ]
)


@functools.cache
def _first_names() -> frozenset[str]:
    from gender_guesser.detector import Detector

    return frozenset(Detector(case_sensitive=True).names)


@functools.cache
def _english_words() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())


def _ordinary(word: str) -> bool:
    return word.lower() in _english_words() or word in _CALENDAR


def _capitalised(word: str) -> bool:
    return word[0].isupper() and word[1:2].islower()


def find_names(text: str) -> list[str]:
    """Return what in `text` looks like a person's name (first name, and a surname if one
    follows), in the order found, each once."""
    words = list(NAME_WORD.finditer(text))
    found: list[str] = []
    i = 0
    while i < len(words):
        word = words[i].group().removesuffix("'s").removesuffix("’s")
        after = words[i + 1] if i + 1 < len(words) else None
        # A surname follows across a space, not a comma or a full stop; after an ordinary
        # word ("Grace"), only a surname that is not one ("Okafor", not "Park") makes a name.
        surname = (
            after
            if after
            and text[words[i].end() : after.start()] == " "
            and _capitalised(after.group())
            and not (_ordinary(word) and _ordinary(after.group()))
            else None
        )
        before = words[i - 1].group().lower() if i else ""
        is_name = (
            _capitalised(word)
            and word in _first_names()
            and (surname or not _ordinary(word))
            and before not in _PLACE_WORDS
            and not (after and after.group() in _PLACE_ENDINGS)
        )
        if is_name:
            end = surname.end() if surname else words[i].start() + len(word)
            name = text[words[i].start() : end]
            if name not in found:
                found.append(name)
            i += 2 if surname else 1
        else:
            i += 1
    return found
