"""The assembled letter as a structure (blocks of styled text) that every exporter renders.

Templates write a small, fixed subset of HTML; `parse_letter` turns it into blocks. User text
reaches that HTML only escaped (see `assemble.py`), so nothing a user types can add a block,
a heading or a tag: it always comes back here as literal text.

Every block, and every item of a list, has an id: the `id="..."` a template gives its tag
(derived from what the block comes from, such as `reason-20` or `ask-1`, so the same across
regenerations and tones), else one from its kind and place (`paragraph-3`, the third plain
paragraph; `asks-2`, the second item of the list `asks`). An id used twice gets `-2`, `-3`...

    >>> letter = parse_letter('<p id="opening">Hello.</p><ol id="asks"><li id="ask-1">A</li>'
    ...                       '<li>B</li></ol><p>Bye.</p>')
    >>> [(p.id, p.kind, p.text) for p in letter.pieces()]
    [('opening', 'paragraph', 'Hello.'), ('ask-1', 'numbered', 'A'), ('asks-2', 'numbered', 'B'), \
('paragraph-1', 'paragraph', 'Bye.')]

    >>> parse_letter('<h1>Our response</h1><p>We <strong>object</strong>.</p>').blocks[1].items
    ((Span(text='We ', bold=False, italic=False), Span(text='object', bold=True, italic=False), \
Span(text='.', bold=False, italic=False)),)
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

# Paragraph classes a template may use, besides a plain <p>.
PARAGRAPH_KINDS = ("sender", "recipient", "date", "reference", "salutation", "signature", "note")
HEADING_KINDS = {"h1": "title", "h2": "heading", "h3": "subheading"}
LIST_KINDS = {"ul": "bullets", "ol": "numbered"}

# Template layout (a newline and its indentation) folds to one space; user line breaks arrive
# as <br> and become "\n", so they are never folded.
_LAYOUT = re.compile(r"(?<![ \t])[ \t]*\n\s*")  # from a run's start: linear


class LetterTemplateError(ValueError):
    """A template wrote markup outside the subset the letter structure understands."""


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


Line = tuple[Span, ...]


@dataclass(frozen=True)
class Piece:
    """What the group can edit on its own: a paragraph or heading, or one item of a list."""

    id: str
    kind: str
    line: Line

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.line)


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of the letter.

    `items` holds one entry for a paragraph or heading and one per item for a list. A "\\n"
    inside a span's text is a line break (address lines, the user's own line breaks). `id` is
    the block's id; `item_ids` has one id per item (for a paragraph or heading, its own id).
    """

    kind: str
    items: tuple[Line, ...]
    id: str = ""
    item_ids: tuple[str, ...] = ()

    def pieces(self) -> list[Piece]:
        ids = self.item_ids or (self.id,) * len(self.items)
        return [Piece(i, self.kind, line) for i, line in zip(ids, self.items, strict=True)]

    @property
    def texts(self) -> list[str]:
        return ["".join(s.text for s in item) for item in self.items]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


@dataclass(frozen=True)
class Letter:
    title: str
    blocks: tuple[Block, ...]

    @property
    def text(self) -> str:
        """All the letter's words, a blank line between blocks (for search and word counts)."""
        return "\n\n".join(b.text for b in self.blocks)

    def word_count(self) -> int:
        return len(self.text.split())

    def pieces(self) -> list[Piece]:
        """Every editable piece, in the letter's order."""
        return [piece for block in self.blocks for piece in block.pieces()]


def _tidy(spans: list[Span]) -> Line:
    """Merge neighbouring spans of one style and trim the line's outer white space."""
    merged: list[Span] = []
    for span in spans:
        if merged and (merged[-1].bold, merged[-1].italic) == (span.bold, span.italic):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic)
        elif span.text:
            merged.append(span)
    if merged:
        merged[0] = Span(merged[0].text.lstrip(), merged[0].bold, merged[0].italic)
        merged[-1] = Span(merged[-1].text.rstrip(), merged[-1].bold, merged[-1].italic)
    return tuple(s for s in merged if s.text)


# The subset is small enough for one regular expression: a tag (with at most a class, then an
# id), a run of text, or a stray "<" that is an error. Far faster than html.parser on long letters.
_TOKEN = re.compile(
    r'<(/?)([a-z0-9]+)(?:\s+class="([a-z]*)")?(?:\s+id="([^"<>]*)")?\s*/?>|([^<]+)|(<)'
)
_NOT_ID = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=4096)  # a letter's ids come back in every version of it
def block_id(written: str) -> str:
    """An id as a template wrote it, made safe: lower case, a run of anything but letters and
    digits becoming "-" (a template may build an id from data, such as `question-4.1`).

        >>> block_id("Question-4.1 (b)")
        'question-4-1-b'
    """
    return _NOT_ID.sub("-", html.unescape(written).lower()).strip("-")[:70]  # room for "-2"


class _LetterParser:
    def __init__(self, markup: str) -> None:
        self.markup = markup
        self.position = 0
        self.found: list[_Found] = []  # the blocks, their ids as the template wrote them
        self.kind: str | None = None  # the open block
        self.id = ""  # the open block's id, as the template wrote it
        self.items: list[Line] = []
        self.item_ids: list[str] = []
        self.item_id = ""  # the open list item's id
        self.spans: list[Span] | None = None  # the open line, if any
        self.bold = self.italic = 0

    def feed(self) -> None:
        for token in _TOKEN.finditer(self.markup):
            self.position = token.start()
            closing, tag, css_class, tag_id, text, stray = token.groups()
            if stray:
                self.fail("a '<' that starts no allowed tag")
            elif text is not None:
                if self.spans is not None or not text.isspace():  # else layout between blocks
                    self.handle_data(html.unescape(text) if "&" in text else text)
            elif closing:
                self.handle_endtag(tag)
            else:
                self.handle_starttag(tag, css_class, block_id(tag_id or ""))

    def fail(self, what: str) -> None:
        line = self.markup.count("\n", 0, self.position) + 1
        raise LetterTemplateError(f"{what} (rendered line {line})")

    def handle_starttag(self, tag: str, css_class: str | None, tag_id: str = "") -> None:
        if tag in ("strong", "em", "br"):
            if self.spans is None:
                self.fail(f"<{tag}> outside a paragraph, heading or list item")
            if tag == "br":
                self.spans.append(Span("\n", bool(self.bold), bool(self.italic)))
            elif tag == "strong":
                self.bold += 1
            else:
                self.italic += 1
            return
        if self.kind is not None and not (tag == "li" and self.kind in LIST_KINDS.values()):
            self.fail(f"<{tag}> inside another block")
        if tag == "p":
            kind = css_class or "paragraph"
            if kind not in ("paragraph", *PARAGRAPH_KINDS):
                self.fail(f'unknown paragraph class "{kind}"')
            self.open(kind, tag_id, line=True)
        elif tag in HEADING_KINDS:
            self.open(HEADING_KINDS[tag], tag_id, line=True)
        elif tag in LIST_KINDS:
            self.open(LIST_KINDS[tag], tag_id, line=False)
        elif tag == "li":
            if self.kind not in LIST_KINDS.values() or self.spans is not None:
                self.fail("<li> outside a list, or inside another <li>")
            self.spans, self.item_id = [], tag_id
        else:
            self.fail(f"<{tag}> is not allowed in a letter template")

    def open(self, kind: str, tag_id: str, *, line: bool) -> None:
        self.kind, self.id, self.items, self.item_ids = kind, tag_id, [], []
        self.spans = [] if line else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "strong":
            self.bold -= 1
        elif tag == "em":
            self.italic -= 1
        elif tag == "li" or (tag in ("p", *HEADING_KINDS) and self.spans is not None):
            if self.spans is None:
                self.fail(f"</{tag}> without its opening tag")
            line = _tidy(self.spans)
            if line:
                self.items.append(line)
                self.item_ids.append(self.item_id if tag == "li" else "")
            self.spans = None
            if tag != "li":
                self.end_block()
        elif tag in LIST_KINDS:
            self.end_block()
        elif tag != "br":
            self.fail(f"</{tag}> without its opening tag")

    def end_block(self) -> None:
        if self.items:
            kind = self.kind or "paragraph"
            self.found.append((kind, self.id, tuple(self.items), tuple(self.item_ids)))
        self.kind, self.id, self.items, self.item_ids, self.spans = None, "", [], [], None

    def handle_data(self, data: str) -> None:
        if self.spans is None:
            if data.strip():
                self.fail(f"text outside a block: {data.strip()[:40]!r}")
            return
        text = _LAYOUT.sub(" ", data) if "\n" in data else data
        self.spans.append(Span(text, bool(self.bold), bool(self.italic)))


def parse_letter(markup: str, title: str = "") -> Letter:
    """Parse a rendered template into a Letter; empty paragraphs and lists are left out.

    Raises LetterTemplateError if the markup uses a tag or class outside the subset.
    """
    starts = [start.start() for start in _BLOCK_START.finditer(markup)]
    ends = [*starts, len(markup)]
    parts = [_part(markup[a:b]) for a, b in zip([0, *starts], ends, strict=True)]
    if any(part is None for part in parts):
        found = _parse(markup)  # as a whole: it raises the error, if the markup has one
    else:
        found = [block for part in parts for block in part]
    return Letter(title, _with_ids(found))


_Found = tuple[str, str, tuple[Line, ...], tuple[str, ...]]  # kind, id, items, the items' ids
# Where a block may start: each stretch from one to the next parses on its own, and a letter
# tried at several levels of detail, or made again, is mostly the same stretches.
_BLOCK_START = re.compile(r"<(?:p|h[1-3]|ul|ol)\b")


def _parse(markup: str) -> list[_Found]:
    parser = _LetterParser(markup)
    parser.feed()
    if parser.kind is not None:
        parser.fail(f"a {parser.kind} block is not closed")
    return parser.found


@functools.lru_cache(maxsize=1024)
def _part(markup: str) -> tuple[_Found, ...] | None:
    """The blocks of a stretch of markup, or None unless it parses on its own: without an
    error, and closing every block, bold and italic it opens (else it is parsed as a whole)."""
    parser = _LetterParser(markup)
    try:
        parser.feed()
    except LetterTemplateError:
        return None
    if parser.kind is not None or parser.bold or parser.italic:
        return None
    return tuple(parser.found)


def _with_ids(found: list[_Found]) -> tuple[Block, ...]:
    """The blocks, each id the template wrote (else one counted from the kind) made unique in
    the letter, and each list item's too."""
    used: set[str] = set()
    counts: dict[str, int] = {}

    def unique(wanted: str, fallback: str) -> str:
        if not wanted:
            counts[fallback] = counts.get(fallback, 0) + 1
            wanted = f"{fallback}-{counts[fallback]}"
        made, n = wanted, 1
        while made in used:
            n += 1
            made = f"{wanted}-{n}"
        used.add(made)
        return made

    blocks = []
    for kind, written, items, written_item_ids in found:
        block_id = unique(written, kind)
        item_ids = (block_id,)
        if kind in LIST_KINDS.values():
            item_ids = tuple(
                unique(item or f"{block_id}-{n}", kind)
                for n, item in enumerate(written_item_ids, start=1)
            )
        blocks.append(Block(kind, items, block_id, item_ids))
    return tuple(blocks)


def _plain_line(line: Line, indent: str) -> str:
    return "".join(s.text for s in line).replace("\n", "\n" + indent)


def block_pieces(block: Block, line_text: Callable[[Line, str], str], marks: dict) -> list[str]:
    """Each piece of a block (a list: each item, with its marker) in one export's form."""
    if block.kind not in ("bullets", "numbered"):
        return [marks.get(block.kind, "") + line_text(block.items[0], "")]
    items = []
    for n, item in enumerate(block.items, start=1):
        marker = f"{n}. " if block.kind == "numbered" else "- "
        items.append(marker + line_text(item, " " * len(marker)))
    return items


def render_blocks(
    letter: Letter, line_text: Callable[[Line, str], str], heading_marks: dict
) -> str:
    parts = ["\n".join(block_pieces(b, line_text, heading_marks)) for b in letter.blocks]
    return "\n\n".join(parts) + "\n"


def to_text(letter: Letter) -> str:
    """Return the letter as plain text, ready to paste into an email."""
    return render_blocks(letter, _plain_line, {})
