"""The final letter: the generated letter with the group's own edits, block by block.

An edit replaces the text of one piece of the letter (a paragraph, a heading or one item of a
list, by its id: see `drafting.letter.blocks`) and keeps that piece's kind, so a heading stays a
heading and an ask stays a numbered ask in every export; the rest of the letter keeps following the
answers. The preview and every download use the same `FinalLetter.letter`.

Each edit records the generated text it replaced (`was`). When that text changes (a new
example, another tone, a reason reordered) the edit is still used, and it is *stale*: the
app shows it beside the downloads with the new generated text, and the command line reports
it. An edit of a piece this letter does not have is *unknown*: kept in the draft, and reported.
An edit whose text is empty takes its piece out of the letter.

    >>> from drafting.letter.blocks import parse_letter
    >>> letter = parse_letter('<h2>Our reasons</h2><p id="r"><strong>Cost.</strong> Dear.</p>')
    >>> applied = apply_edits(letter, [Edit("r", "Cost. Dear.", "Cost. Too dear for us.")])
    >>> applied.letter.blocks[1].items[0]
    (Span(text='Cost.', bold=True, italic=False), Span(text=' Too dear for us.', bold=False, \
italic=False))
    >>> applied.stale, applied.unknown
    ((), ())
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, replace

from drafting.letter.assembly import assemble
from drafting.letter.blocks import Block, Letter, Line, Piece, Span, to_text
from drafting.letter.ownwords import OwnWords, measure_letter
from drafting.model.draft import WHOLE_LETTER, Draft, Edit
from reasons.catalogue import Catalogue


@dataclass(frozen=True)
class StaleEdit:
    """An edit whose generated text has changed since: `now` is the generated text today."""

    edit: Edit
    now: str


@dataclass(frozen=True)
class AppliedEdits:
    letter: Letter  # what the preview shows and every download holds
    edited: frozenset[str]  # ids of the pieces the group's own text replaced
    stale: tuple[StaleEdit, ...]
    unknown: tuple[Edit, ...]  # edits of pieces this letter does not have


@dataclass(frozen=True)
class FinalLetter(AppliedEdits):
    generated: Letter = Letter("", ())  # the letter made from the answers alone

    def problems(self, template: str) -> list[str]:
        """One plain-English line per stale or unknown edit (the command line prints them)."""
        lines = [
            f"Your edit of '{s.edit.block}' is used, but the text it replaced has changed"
            f" since; it now reads: {_short(s.now)}"
            for s in self.stale
        ]
        lines += [
            f"Your edit of '{e.block}' is kept in the draft, but the {template} letter has no"
            " such part, so it is not used."
            for e in self.unknown
        ]
        return lines


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def restyle(line: Line, text: str) -> Line:
    """The group's `text` for a piece whose generated line was `line`: plain text, except that
    each bold or italic run of the generated line still found in it (in order) keeps its style.

        >>> restyle((Span("Cost.", bold=True), Span(" Dear.")), "Cost. Far too dear.")[0]
        Span(text='Cost.', bold=True, italic=False)
    """
    spans: list[Span] = []
    at = 0
    for span in line:
        if not (span.bold or span.italic) or not span.text.strip():
            continue
        found = text.find(span.text, at)
        if found < 0:
            continue
        if found > at:
            spans.append(Span(text[at:found]))
        spans.append(Span(span.text, span.bold, span.italic))
        at = found + len(span.text)
    if at < len(text):
        spans.append(Span(text[at:]))
    return tuple(spans)


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def apply_edits(letter: Letter, edits: list[Edit]) -> AppliedEdits:
    """Put each edit in place of its piece (an empty one takes the piece out)."""
    by_id = {e.block: e for e in edits}
    found: set[str] = set()
    stale: list[StaleEdit] = []
    blocks: list[Block] = []
    for block in letter.blocks:
        items, ids = [], []
        for piece in block.pieces():
            edit = by_id.get(piece.id)
            line = piece.line
            if edit:
                found.add(piece.id)
                if _normalise(edit.was) != piece.text:
                    stale.append(StaleEdit(edit, piece.text))
                text = _normalise(edit.text)
                line = restyle(piece.line, text) if text else ()
            if line:
                items.append(line)
                ids.append(piece.id)
        if items:
            blocks.append(replace(block, items=tuple(items), item_ids=tuple(ids)))
    unknown = tuple(e for e in edits if e.block not in found)
    return AppliedEdits(
        Letter(letter.title, tuple(blocks)), frozenset(found), tuple(stale), unknown
    )


def edits_for(draft: Draft, template: str) -> list[Edit]:
    """The draft's edits that apply to `template`: its own, then those made for any template
    (an edit made for this template wins)."""
    own = [e for e in draft.edits if e.template == template]
    taken = {e.block for e in own}
    return own + [e for e in draft.edits if not e.template and e.block not in taken]


def final_letter(
    draft: Draft,
    catalogue: Catalogue,
    *,
    template: str | None = None,
    tone: str | None = None,
    today: dt.date | None = None,
) -> FinalLetter:
    """The letter the group sends: generated from the draft, with its edits for the template.

    An old whole-letter edit still in the draft is split into block edits first (on a copy
    of the edits: see `carry_over` to keep the split)."""
    template = template or draft.template
    generated = assemble(draft, catalogue, template=template, tone=tone, today=today)
    edits = _split_whole_letter(edits_for(draft, template), generated, template)
    applied = apply_edits(generated, edits)
    return FinalLetter(**vars(applied), generated=generated)


def own_words(draft: Draft, final: FinalLetter) -> OwnWords:
    """How much of the final letter (with its edits) is the group's own writing."""
    return measure_letter(draft, final.letter)


# Changing edits, as the app's buttons do.
def set_edit(draft: Draft, template: str, piece: Piece, text: str) -> None:
    """Make `text` the group's own text for `piece` of the `template` letter; the generated
    text again (or nothing changed) removes the edit."""
    others = [e for e in draft.edits if (e.block, e.template) != (piece.id, template)]
    if _normalise(text) != piece.text:
        others.append(Edit(piece.id, piece.text, text, template))
    draft.edits = others


def keep_edit(draft: Draft, stale: StaleEdit) -> None:
    """Keep a stale edit as it is: it now replaces the new generated text."""
    for edit in draft.edits:
        if (edit.block, edit.template) == (stale.edit.block, stale.edit.template):
            edit.was = stale.now


def use_generated(draft: Draft, template: str, block: str) -> None:
    """Drop the group's edit of `block` in the `template` letter: the generated text returns."""
    draft.edits = [
        e for e in draft.edits if not (e.block == block and e.template in (template, ""))
    ]


# Carrying over an old draft's edit of the whole letter (see `drafting.model.draft.WHOLE_LETTER`).
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_MARKER = re.compile(r"^(?:\d+\.|-) ", re.MULTILINE)


def _chunks(text: str) -> list[str]:
    return [c.strip() for c in _BLANK_LINE.split(_normalise(text)) if c.strip()]


def _split_whole_letter(edits: list[Edit], generated: Letter, template: str) -> list[Edit]:
    """Replace a whole-letter edit by edits of the letter's pieces, so no word of it is lost.

    The edited text is compared, paragraph by paragraph, with the generated letter's plain
    text (as the old app showed it): a paragraph the group changed becomes an edit of its
    block (of each item, for a list whose items still match one a line), a paragraph it added
    joins the edit of the piece before it, and one it deleted becomes an empty edit (taken out).
    """
    whole = next((e for e in edits if e.block == WHOLE_LETTER), None)
    if whole is None:
        return edits
    rest = [e for e in edits if e.block != WHOLE_LETTER]
    blocks = generated.blocks
    if not blocks:  # nothing generated to attach the text to: keep it whole
        return edits
    made = [to_text(Letter("", (b,))).strip() for b in blocks]
    old = _chunks(whole.text)
    texts: dict[str, str] = {}  # piece id: the group's text
    pieces = {p.id: p for p in generated.pieces()}

    def put(block: Block, chunk: str) -> None:
        own = block.pieces()
        lines = [_MARKER.sub("", line, count=1) for line in chunk.split("\n")]
        if len(own) > 1 and len(lines) == len(own):
            for piece, line in zip(own, lines, strict=True):
                texts[piece.id] = line
            return
        texts[own[0].id] = _MARKER.sub("", chunk) if len(own) > 1 else chunk
        for piece in own[1:]:
            texts[piece.id] = ""

    def add_after(index: int, chunk: str) -> None:
        """Add a paragraph after block `index`'s last piece (before the first, at -1)."""
        piece = blocks[max(index, 0)].pieces()[-1 if index >= 0 else 0]
        mine = texts.get(piece.id, piece.text)
        texts[piece.id] = f"{mine}\n\n{chunk}" if index >= 0 else f"{chunk}\n\n{mine}"

    matcher = difflib.SequenceMatcher(None, made, old, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        pairs = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(pairs):
            put(blocks[i1 + k], old[j1 + k])
        if op in ("replace", "delete"):
            for block in blocks[i1 + pairs : i2]:
                for piece in block.pieces():
                    texts[piece.id] = ""
        if op in ("replace", "insert") and j1 + pairs < j2:
            add_after(i1 + pairs - 1, "\n\n".join(old[j1 + pairs : j2]))
    split = [
        Edit(pid, pieces[pid].text, text, template)
        for pid, text in texts.items()
        if text != pieces[pid].text and pid not in {e.block for e in rest}
    ]
    return rest + split


def carry_over(draft: Draft, catalogue: Catalogue, today: dt.date | None = None) -> bool:
    """Split an old whole-letter edit into edits of its template's blocks, in the draft itself;
    return whether there was one to split."""
    found = [e for e in draft.edits if e.block == WHOLE_LETTER]
    for whole in found:
        template = whole.template or draft.template
        generated = assemble(draft, catalogue, template=template, today=today)
        split = _split_whole_letter([whole], generated, template)
        draft.edits = [e for e in draft.edits if e is not whole]
        taken = {(e.block, e.template) for e in draft.edits}
        draft.edits += [e for e in split if (e.block, e.template) not in taken]
    return bool(found)
