"""The letter, its own-words measure and its Word file, made once per content of the draft.

One server process serves many groups, and every click reruns a page: the Your letter page would
otherwise assemble the letter, measure it and (on a download) build the Word file again for a
draft that has not changed. Each result here is kept under the draft's whole content (its JSON
text, every field the letter reads) with the template, tone and date, in a small cache the
process's sessions share: two drafts with the same content get the same letter anyway. The
results are shared, so nothing here may change them. A caller that already holds the draft's
JSON (the app keeps it from the last save) passes it as `content`, saving the work of making it
again on every run. Each kind of result is bounded twice: by count (KEPT) and by the bytes its
keys and results hold (KEPT_BYTES), so a few long drafts cannot make the process grow without end.

    >>> import datetime as dt
    >>> from drafting import Draft
    >>> from reasons import load_catalogue
    >>> catalogue, day = load_catalogue(), dt.date(2026, 11, 25)
    >>> final_letter(Draft(), catalogue, today=day) is final_letter(Draft(), catalogue, today=day)
    True
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from drafting.advice.privacy import personal_details_note
from drafting.letter.blocks import Letter, Piece
from drafting.letter.final import FinalLetter
from drafting.letter.final import final_letter as make_final_letter
from drafting.letter.final import own_words as measure_own_words
from drafting.letter.ownwords import OwnWords
from drafting.model.draft import Draft
from drafting.model.parsing import draft_to_json
from drafting.output.files import render
from drafting.output.markdown import markdown_pieces
from drafting.output.word import to_docx
from reasons.catalogue import Catalogue

KEPT = 64  # results of each kind: a few per active session


KEPT_BYTES = 32_000_000  # of each kind, keys included: four kinds, at most 128 MB in all
T = TypeVar("T")


def size_of(value: object) -> int:
    """About how many bytes `value` holds in memory: itself and everything it reaches through
    tuples, lists, dicts and dataclasses, each object counted once.

    >>> size_of("a" * 1000) >= 1000 and size_of(("a" * 1000, "b" * 1000)) >= 2000
    True
    """
    seen, total, todo = set(), 0, [value]
    while todo:
        item = todo.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, (tuple, list, set, frozenset)):
            todo.extend(item)
        elif isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            fields = getattr(item, "__dict__", None)
            todo.extend(fields.values() if fields else (getattr(item, f) for f in item.__slots__))
    return total


class _Kept:
    """The last results of one kind, by key, at most KEPT of them holding at most KEPT_BYTES
    (least recently used goes first); a result bigger than that alone is not kept."""

    def __init__(self, limit: int = KEPT_BYTES) -> None:
        self._results: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
        self._lock = threading.Lock()  # sessions run in threads of the one process
        self.limit = limit
        self.bytes = 0

    def set_limit(self, limit: int) -> None:
        """Hold at most `limit` bytes from now on, letting the oldest results go at once."""
        with self._lock:
            self.limit = limit
            while self._results and self.bytes > limit:
                self.bytes -= self._results.popitem(last=False)[1][1]

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key][0]
        result = make()  # outside the lock: another session need not wait for this one's work
        size = size_of(key) + size_of(result)
        with self._lock:
            if key in self._results or size > self.limit:
                return result
            self._results[key] = (result, size)
            self.bytes += size
            while len(self._results) > KEPT or self.bytes > self.limit:
                self.bytes -= self._results.popitem(last=False)[1][1]
        return result


_letters, _own, _pieces, _files = _Kept(), _Kept(), _Kept(), _Kept()


def _key(
    draft: Draft,
    catalogue: Catalogue,
    template: str | None = None,
    tone: str | None = None,
    today: dt.date | None = None,
    content: str | None = None,
) -> tuple:
    return (
        content or draft_to_json(draft),
        id(catalogue),
        template or draft.template,
        tone or draft.tone,
        today or dt.date.today(),
    )


def final_letter(draft: Draft, catalogue: Catalogue, **choices: Any) -> FinalLetter:
    """`drafting.letter.final.final_letter` (the same `template`, `tone` and `today`), made once per
    content of the draft (`content`: its JSON, if the caller has it)."""
    key = _key(draft, catalogue, **choices)
    return _letters.get(
        key,
        lambda: make_final_letter(draft, catalogue, template=key[2], tone=key[3], today=key[4]),
    )


def own_words(
    draft: Draft, catalogue: Catalogue, *, template: str | None = None, today=None, content=None
) -> OwnWords:
    """How much of the final letter is the group's own writing, measured once per content."""
    return _from_final(
        _own,
        lambda final: measure_own_words(draft, final),
        draft,
        catalogue,
        template,
        today,
        content,
    )


def preview_pieces(
    draft: Draft, catalogue: Catalogue, *, template: str | None = None, today=None, content=None
) -> list[tuple[Piece, str]]:
    """The final letter's pieces with their Markdown (`export.markdown_pieces`), for its
    preview, made once per content."""
    return _from_final(
        _pieces,
        lambda final: markdown_pieces(final.letter),
        draft,
        catalogue,
        template,
        today,
        content,
    )


def _from_final(
    kept: _Kept, make: Callable[[FinalLetter], T], draft, catalogue, template, today, content
) -> T:
    """`make(final letter)`, kept in `kept` under the draft's content, template and date."""
    key = _key(draft, catalogue, template, today=today, content=content)
    return kept.get(
        key,
        lambda: make(final_letter(draft, catalogue, template=key[2], today=key[4], content=key[0])),
    )


def letter_file(
    draft: Draft,
    catalogue: Catalogue,
    fmt: str,
    *,
    template: str | None = None,
    today: dt.date | None = None,
) -> bytes:
    """The final letter's file in `fmt` (docx, txt, md), made once per content: a second click
    on a download, or another session's, gets the same bytes (a Word file's creation time is
    when it was first made)."""
    key = (*_key(draft, catalogue, template, today=today), fmt)
    return _files.get(
        key,
        lambda: render(
            final_letter(draft, catalogue, template=key[2], today=key[4]).letter,
            fmt,
            draft.group.name,
        ),
    )


def warm_up() -> None:
    """Load what a first click would otherwise load while every session of the process waits
    for it: the word lists that find names in examples (over a second), and python-docx with
    the blank letter every Word file starts from."""
    personal_details_note("Grace Okafor runs the lunch club.")
    to_docx(Letter(title="", blocks=()))
