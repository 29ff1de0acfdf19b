"""The letter as Markdown: the pieces of its plain text (`drafting.letter.blocks.to_text`),
marked up, with what the group typed escaped so it shows exactly as typed."""

from __future__ import annotations

import re

from drafting.letter.blocks import Letter, Line, Piece, Span, block_pieces, render_blocks

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&!])")

# Each line's own indent ([^\S\n]: white space but a line break): `\s*` would run on through a
# long run of blank lines from each of them.
_MD_LINE_START = re.compile(r"^([^\S\n]*)([-+=]|\d+(?=[.)]))", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Backslash-escape what Markdown would read as formatting, links, HTML or a heading."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _markdown_line(line: Line, indent: str) -> str:
    def styled(span: Span) -> str:
        text = escape_markdown(span.text)
        marks = ("**" if span.bold else "") + ("*" if span.italic else "")
        core = text.strip()
        if not marks or not core:
            return text
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        return f"{lead}{marks}{core}{marks[::-1]}{trail}"

    return "".join(styled(s) for s in line).replace("\n", "  \n" + indent)


_MARKDOWN_HEADINGS = {"title": "# ", "heading": "## ", "subheading": "### "}


def to_markdown(letter: Letter) -> str:
    """Return the letter as Markdown; user text is escaped so it renders exactly as typed."""
    return render_blocks(letter, _markdown_line, _MARKDOWN_HEADINGS)


def markdown_pieces(letter: Letter) -> list[tuple[Piece, str]]:
    """Each piece of the letter with its Markdown, as `to_markdown` writes it (the preview
    shows these, one by one, each with its own edit button)."""
    return [
        (piece, text)
        for block in letter.blocks
        for piece, text in zip(
            block.pieces(), block_pieces(block, _markdown_line, _MARKDOWN_HEADINGS), strict=True
        )
    ]
