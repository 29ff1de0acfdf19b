"""Render an assembled Letter as Word, Markdown or plain text, and the chosen reasons as CSV.

Every exporter walks the same Letter blocks, so the formats never disagree about content.

    >>> from drafting.letter.blocks import parse_letter
    >>> letter = parse_letter('<h1>Our response</h1><p>We object.</p>')
    >>> to_text(letter)
    'Our response\\n\\nWe object.\\n'
"""

from __future__ import annotations

import csv
import datetime as dt

from drafting.letter.blocks import Letter, to_text
from drafting.model.draft import Draft
from drafting.output.markdown import to_markdown
from drafting.output.word import to_docx
from drafting.text import slug
from reasons.catalogue import Catalogue

FORMATS = {"docx": "Word document", "md": "Markdown", "txt": "Plain text"}


def _safe_cell(value: str) -> str:
    """Stop a spreadsheet reading a cell as a formula: prefix =, +, -, @ with an apostrophe."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def reasons_csv(draft: Draft, catalogue: Catalogue) -> str:
    """Return the chosen reasons, in the letter's order, with the group's examples as CSV
    (every cell quoted)."""
    rows = [
        {
            "order": n,
            "id": chosen.id,
            "title": catalogue.reason(chosen.id).title,
            "theme": catalogue.theme(catalogue.reason(chosen.id).theme).title,
            "example": _safe_cell(chosen.example),
            "source": catalogue.source_of(chosen.id),
        }
        for n, chosen in enumerate(draft.reasons, start=1)
    ]
    columns = ["order", "id", "title", "theme", "example", "source"]
    import pandas as pd

    # Every cell in quotes: a line break inside an example (even a lone carriage return, which
    # a draft file can carry) then stays inside its cell instead of starting a new row.
    return pd.DataFrame(rows, columns=columns).to_csv(
        index=False, lineterminator="\n", quoting=csv.QUOTE_ALL
    )


def file_name(
    draft: Draft, extension: str, today: dt.date | None = None, kind: str = "response"
) -> str:
    """Name a download after the consultation and the date, e.g.
    `response-proposals-to-commission-community-support-2026-11-25.docx`; `kind` replaces the
    first word (e.g. "councillors", "deadline")."""
    c = draft.consultation
    title = slug(c.title.strip() or c.body.strip()) or "consultation"
    return f"{kind}-{title}-{(today or dt.date.today()).isoformat()}.{extension}"


def render(letter: Letter, fmt: str, author: str = "") -> bytes:
    """Return the letter's file content in one of FORMATS (docx, md, txt)."""
    if fmt == "docx":
        return to_docx(letter, author)
    if fmt == "md":
        return to_markdown(letter).encode("utf-8")
    if fmt == "txt":
        return to_text(letter).encode("utf-8")
    raise ValueError(f"Unknown format '{fmt}'; choose from {', '.join(FORMATS)}.")
