"""The assembled letter as a structure (blocks of styled text) that every exporter renders.

Templates write a small, fixed subset of HTML; `parse_letter` turns it into blocks. User text
reaches that HTML only escaped (see `assemble.py`), so nothing a user types can add a block,
a heading or a tag: it always comes back here as literal text.

    >>> parse_letter('<h1>Our response</h1><p>We <strong>object</strong>.</p>').blocks[1].items
    ((Span(text='We ', bold=False, italic=False), Span(text='object', bold=True, italic=False), \
Span(text='.', bold=False, italic=False)),)
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass

# Paragraph classes a template may use, besides a plain <p>.
PARAGRAPH_KINDS = ("sender", "recipient", "date", "reference", "salutation", "signature", "note")
HEADING_KINDS = {"h1": "title", "h2": "heading", "h3": "subheading"}
LIST_KINDS = {"ul": "bullets", "ol": "numbered"}
KINDS = ("paragraph", *PARAGRAPH_KINDS, *HEADING_KINDS.values(), *LIST_KINDS.values())

# Template layout (a newline and its indentation) folds to one space; user line breaks arrive
# as <br> and become "\n", so they are never folded.
_LAYOUT = re.compile(r"[ \t]*\n\s*")


class LetterTemplateError(ValueError):
    """A template wrote markup outside the subset the letter structure understands."""


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


Line = tuple[Span, ...]


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of the letter.

    `items` holds one entry for a paragraph or heading and one per item for a list. A "\\n"
    inside a span's text is a line break (address lines, the user's own line breaks).
    """

    kind: str
    items: tuple[Line, ...]

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


# The subset is small enough for one regular expression: a tag (with at most a class, then at
# most an id, which the parser accepts and leaves to the Block), a run of text, or a stray "<"
# that is an error. Far faster than html.parser on long letters.
_TOKEN = re.compile(
    r'<(/?)([a-z0-9]+)(?:\s+class="([a-z]*)")?(?:\s+id="[a-z0-9-]+")?\s*/?>|([^<]+)|(<)'
)


class _LetterParser:
    def __init__(self, markup: str) -> None:
        self.markup = markup
        self.position = 0
        self.blocks: list[Block] = []
        self.kind: str | None = None  # the open block
        self.items: list[Line] = []
        self.spans: list[Span] | None = None  # the open line, if any
        self.bold = self.italic = 0

    def feed(self) -> None:
        for token in _TOKEN.finditer(self.markup):
            self.position = token.start()
            closing, tag, css_class, text, stray = token.groups()
            if stray:
                self.fail("a '<' that starts no allowed tag")
            elif text is not None:
                self.handle_data(html.unescape(text) if "&" in text else text)
            elif closing:
                self.handle_endtag(tag)
            else:
                self.handle_starttag(tag, css_class)

    def fail(self, what: str) -> None:
        line = self.markup.count("\n", 0, self.position) + 1
        raise LetterTemplateError(f"{what} (rendered line {line})")

    def handle_starttag(self, tag: str, css_class: str | None) -> None:
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
            self.open(kind, line=True)
        elif tag in HEADING_KINDS:
            self.open(HEADING_KINDS[tag], line=True)
        elif tag in LIST_KINDS:
            self.open(LIST_KINDS[tag], line=False)
        elif tag == "li":
            if self.kind not in LIST_KINDS.values() or self.spans is not None:
                self.fail("<li> outside a list, or inside another <li>")
            self.spans = []
        else:
            self.fail(f"<{tag}> is not allowed in a letter template")

    def open(self, kind: str, *, line: bool) -> None:
        self.kind, self.items = kind, []
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
            self.spans = None
            if tag != "li":
                self.end_block()
        elif tag in LIST_KINDS:
            self.end_block()
        elif tag != "br":
            self.fail(f"</{tag}> without its opening tag")

    def end_block(self) -> None:
        if self.items:
            self.blocks.append(Block(self.kind or "paragraph", tuple(self.items)))
        self.kind, self.items, self.spans = None, [], None

    def handle_data(self, data: str) -> None:
        if self.spans is None:
            if data.strip():
                self.fail(f"text outside a block: {data.strip()[:40]!r}")
            return
        self.spans.append(Span(_LAYOUT.sub(" ", data), bool(self.bold), bool(self.italic)))


def parse_letter(markup: str, title: str = "") -> Letter:
    """Parse a rendered template into a Letter; empty paragraphs and lists are left out.

    Raises LetterTemplateError if the markup uses a tag or class outside the subset.
    """
    parser = _LetterParser(markup)
    parser.feed()
    if parser.kind is not None:
        parser.fail(f"a {parser.kind} block is not closed")
    return Letter(title, tuple(parser.blocks))


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def letter_from_text(title: str, text: str) -> Letter:
    """Turn plain text (a group's own edit of its letter) back into a Letter for the exporters.

    Each block between blank lines becomes a paragraph, keeping its line breaks; a block that is
    exactly `title` becomes the letter's title heading.

        >>> letter = letter_from_text("Our response", "Our response\\n\\nWe object.")
        >>> [b.kind for b in letter.blocks]
        ['title', 'paragraph']
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for chunk in _BLANK_LINE.split(text):
        chunk = chunk.strip()
        if chunk:
            kind = "title" if title.strip() and chunk == title.strip() else "paragraph"
            blocks.append(Block(kind, ((Span(chunk),),)))
    return Letter(title, tuple(blocks))


def digest(text: str, dated: str = "") -> str:
    """A short fingerprint of a letter's text, to tell later whether it has changed.

    `dated` is the letter's own date as written in it: it is left out, so that a letter made
    again on another day, from the same answers, has the same fingerprint.

        >>> digest("25 November 2026. We object.", "25 November 2026") == digest(
        ...     "26 November 2026. We object.", "26 November 2026")
        True
    """
    if dated:
        text = text.replace(dated, "")
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
