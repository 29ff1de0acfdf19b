"""How much of a letter is the group's own writing, against the app's template text.

Officers often group identical or near-identical responses and count them as one; what they
weigh is local evidence. So the Letter page shows this share, and nudges when it is low.

The measure reads the letter's body, from the salutation to the sign-off, and counts a word as
the group's own when it falls in a run of four words (or more) that is also found in something
the group typed: its description, examples, context, asks, answers, summary, where it agrees,
its notes on the consultation's fairness, the words it added in its edits of the letter, and so
on. A run is matched inside one typed field, ignoring case and punctuation; the app's own words
that an edit kept do not count.

    >>> measure("We object. Our lunch club closed in May.", ["our lunch club closed in May"])
    OwnWords(own=6, total=8)
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from drafting.letter.blocks import Letter
from drafting.model.draft import Draft
from drafting.text import word_tuple, words

LOW_SHARE = 0.2  # below this, nudge the group to add its own evidence
RUN = 4  # words in a run shared with what the group typed


@dataclass(frozen=True)
class OwnWords:
    """How many of a letter's words are the group's own, of how many in all."""

    own: int
    total: int

    @property
    def share(self) -> float:
        return self.own / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(self.share * 100)

    @property
    def low(self) -> bool:
        return self.share < LOW_SHARE


def measure(text: str, typed: Iterable[str] | frozenset[tuple[str, ...]]) -> OwnWords:
    """Count the words of `text` that fall in a run of RUN words found in one of `typed` (the
    typed passages, or their `typed_runs` worked out once)."""
    runs = typed if isinstance(typed, frozenset) else typed_runs(typed)
    letter = word_tuple(text)
    # Whether a typed run starts at each word, a byte each (0 or 1), read as one number: a
    # word is the group's own if a run starts at it or at one of the RUN - 1 words before, so
    # the number OR-ed with itself shifted by 1 to RUN - 1 bytes has a bit for each own word.
    starts = int.from_bytes(bytes(map(runs.__contains__, _runs(letter))), "little")
    covered = 0
    for word in range(RUN):
        covered |= starts << 8 * word
    return OwnWords(covered.bit_count(), len(letter))


def _runs(w: tuple[str, ...]) -> zip:
    """Each run of RUN words in `w`, in order (the one starting at each word in turn)."""
    return zip(*(w[i:] for i in range(RUN)), strict=False)  # the shorter tails end it


def typed_runs(typed: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """Every run of RUN words inside one of the `typed` passages."""
    return frozenset().union(*map(_field_runs, typed))


@functools.lru_cache(maxsize=1024)
def _field_runs(field: str) -> frozenset[tuple[str, ...]]:
    # Kept: the letter is weighed against the same passages again and again as the group
    # edits one of them, changes the template or tone, or measures the letter it will send.
    return frozenset(_runs(word_tuple(field)))


def typed_texts(draft: Draft) -> list[str]:
    """Everything the group wrote itself (not what it copied from the consultation)."""
    g = draft.group
    found = [g.name, g.about, g.signatory, g.role, g.registration, draft.context]
    found += [draft.summary, draft.agree, *draft.asks]
    found += [r.example for r in draft.reasons]
    found += [q.answer for q in draft.questions]
    found += list(draft.fairness_notes.values())
    found += [f"{c.name} {c.role} {c.group}" for c in draft.co_signatories]
    return [t for t in found if t.strip()]


def added_words(was: str, text: str) -> list[str]:
    """The runs of words an edit added to or put in place of the generated text `was`: what
    the group typed in it, not the app's words it kept.

        >>> added_words("We ask you to pause.", "We ask you, please, to pause the tender.")
        ['please', 'the tender']
    """
    before, after = words(was), words(text)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    added = (" ".join(after[j1:j2]) for op, _, _, j1, j2 in matcher.get_opcodes() if op != "equal")
    return [run for run in added if run and run not in " ".join(before)]  # a copy is not typed


def body(letter: Letter) -> str:
    """The letter from its salutation to its sign-off (signature included), as plain text:
    what an officer reads as the group's response, without the address block or annexes."""
    kinds = [b.kind for b in letter.blocks]
    start = kinds.index("salutation") if "salutation" in kinds else 0
    last = "signature" if "signature" in kinds else "salutation"  # else the close
    end = len(kinds) - kinds[::-1].index(last) if last in kinds[start + 1 :] else len(kinds)
    return "\n\n".join(b.text for b in letter.blocks[start:end])


def measure_letter(draft: Draft, final: Letter) -> OwnWords:
    """Measure the group's own share of the body of `final`, the letter it will send: what it
    typed in the app, and what it added in its edits of the letter (the generated letter itself
    never depends on the edits, so assembly counts `typed_texts` alone)."""
    edited = [added for e in draft.edits for added in added_words(e.was, e.text)]
    return measure(body(final), typed_texts(draft) + edited)


def own_words_note(result: OwnWords, missing_examples: int = 0) -> str:
    """Say, in plain English, how much of the letter is the group's own, with a nudge if low."""
    said = f"About {result.percent}% of this letter is in your own words."
    if not result.low:
        return f"{said} Your local evidence is what makes a response count."
    hint = (
        f" {missing_examples} of your reasons {'has' if missing_examples == 1 else 'have'} no"
        " local example yet."
        if missing_examples
        else ""
    )
    return (
        f"{said} Officers often group identical or near-identical responses together and count"
        " them as one; what they weigh is local evidence. Add what you have seen yourself: an"
        f" example for each reason, an answer to each question, or a note on how the"
        f" consultation has been run.{hint}"
    )
