"""Make the forms a group really has from each consultation text in this folder.

For every NAME.txt (the document's text as published, with the light markup described in
README.md) this writes, under forms/:

- NAME.pdf          the text as a simple web page printed to PDF by headless Chromium, without
                    the browser's header and footer (like a council's own PDF);
- NAME.print.pdf    the same page printed with Chromium's default header and footer (date and
                    time, page title, file URL, "1/2"), as a person printing a web page gets it;
- NAME.docx         a Word file made with python-docx: headings in Heading styles, numbered items
                    in Word's own list numbering (the number is not in the text), tables as tables;
- NAME.paste.txt    the text as a person copying from a web page has it: blank lines between
                    paragraphs, and each marked question shown as "Question N", a blank line, then
                    the question.

Usage, from the repository's root:
    python -m tests.data.consultations.make_forms [OUT_DIR] [NAME ...]
(OUT_DIR defaults to forms/ beside this file; with no names, every NAME.txt is done.)
Needs python-docx and /usr/bin/chromium (``apt-get install -y chromium``).
"""

from __future__ import annotations

import copy
import html
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from bench.appserver import CHROMIUM, CHROMIUM_ARGS

HERE = Path(__file__).resolve().parent


# The number a numbered item starts with, as published: "1.", "1)", "1 ", "* 1.", "3a", "(2)".
NUMBER = re.compile(r"^(?:\* )?(\d{1,3})([a-z]?)([.)]?)[ \t]*")


@dataclass
class Block:
    kind: str  # h1, h2, p, bullet, item, question, table
    text: str = ""
    number: str = ""  # for item/question: "1", "3a"
    suffix: str = ""  # "." or ")" or ""
    rows: list[list[str]] = field(default_factory=list)


def parse(text: str) -> list[Block]:
    """Read the marked-up text into blocks (one per line, tables grouped)."""
    blocks: list[Block] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("| "):
            cells = [c.strip() for c in line[2:].split(" | ")]
            if blocks and blocks[-1].kind == "table":
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block("table", rows=[cells]))
        elif line.startswith("# "):
            blocks.append(Block("h1", line[2:].strip()))
        elif line.startswith("## "):
            blocks.append(Block("h2", line[3:].strip()))
        elif line.startswith("{q}") or line.startswith("{n}"):
            body = line[3:]
            m = NUMBER.match(body)
            number, letter, suffix = (m.group(1), m.group(2), m.group(3)) if m else ("", "", "")
            rest = body[m.end() :] if m else body
            kind = "question" if line.startswith("{q}") else "item"
            blocks.append(Block(kind, rest.strip(), number + letter, suffix, rows=[[body]]))
        elif line.startswith("• "):
            blocks.append(Block("bullet", line[2:].strip()))
        else:
            blocks.append(Block("p", line.strip()))
    return blocks


def plain(block: Block) -> str:
    """A block's text as published (a numbered item keeps its number)."""
    if block.kind in ("item", "question"):
        return block.rows[0][0].strip()
    return block.text


def title_of(blocks: list[Block]) -> str:
    return next((b.text for b in blocks if b.kind == "h1"), "")


# --- HTML and PDF ---------------------------------------------------------------------------

CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 11pt; line-height: 1.35;
       margin: 0 1.5cm; }
h1 { font-size: 22pt; margin: 0.2em 0 0.5em; }
h2 { font-size: 14pt; margin: 1em 0 0.3em; }
p { margin: 0.35em 0; }
ul { margin: 0.2em 0 0.4em; }
table { border-collapse: collapse; margin: 0.5em 0; width: 100%; }
td, th { border: 1px solid #444; padding: 4px 6px; vertical-align: top; font-size: 10pt; }
"""


def to_html(blocks: list[Block]) -> str:
    out = ["<!DOCTYPE html>", '<html lang="en-GB"><head><meta charset="utf-8">']
    title = title_of(blocks)
    if title:
        out.append(f"<title>{html.escape(title)}</title>")
    out.append(f"<style>{CSS}</style></head><body>")
    in_list = False
    for b in blocks:
        if b.kind == "bullet":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{html.escape(b.text)}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if b.kind == "h1":
            out.append(f"<h1>{html.escape(b.text)}</h1>")
        elif b.kind == "h2":
            out.append(f"<h2>{html.escape(b.text)}</h2>")
        elif b.kind == "table":
            out.append("<table>")
            for i, row in enumerate(b.rows):
                tag = "th" if i == 0 else "td"
                cells = "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row)
                out.append(f"<tr>{cells}</tr>")
            out.append("</table>")
        else:
            out.append(f"<p>{html.escape(plain(b))}</p>")
    if in_list:
        out.append("</ul>")
    out.append("</body></html>")
    return "\n".join(out)


def print_pdf(html_path: Path, pdf_path: Path, header_footer: bool) -> None:
    args = [CHROMIUM, *CHROMIUM_ARGS, f"--print-to-pdf={pdf_path}"]
    if not header_footer:
        args.append("--no-pdf-header-footer")
    args.append(html_path.as_uri())
    with tempfile.TemporaryDirectory() as profile:
        args.insert(1, f"--user-data-dir={profile}")
        subprocess.run(args, check=True, capture_output=True, timeout=120)
    if not pdf_path.exists():
        raise RuntimeError(f"Chromium wrote no PDF for {html_path.name}")


# --- Word -----------------------------------------------------------------------------------


def _numbering(document):
    """Word's numbering part, and the abstract numbering behind the List Number style."""
    from docx.oxml.ns import qn

    numbering = document.part.numbering_part.element
    style = document.styles["List Number"]
    num_id = style.element.pPr.numPr.numId.val
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    return numbering, abstract_id


def _new_list(document, start: int, suffix: str) -> int:
    """Add a numbering instance that starts at `start` and shows "N." or "N)"; return its id."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    numbering, abstract_id = _numbering(document)
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == abstract_id
    )
    if suffix == ")":
        # A separate abstract numbering whose level 0 reads "1)".
        abstract = copy.deepcopy(abstract)
        ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
        abstract_id = str(max(ids) + 1)
        abstract.set(qn("w:abstractNumId"), abstract_id)
        for nsid in abstract.findall(qn("w:nsid")):
            abstract.remove(nsid)
        lvl0 = abstract.find(qn("w:lvl"))
        lvl0.find(qn("w:lvlText")).set(qn("w:val"), "%1)")
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    num_id = max(ids) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), abstract_id)
    num.append(ref)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start_el = OxmlElement("w:startOverride")
    start_el.set(qn("w:val"), str(start))
    override.append(start_el)
    num.append(override)
    numbering.append(num)
    return num_id


def _set_num(paragraph, num_id: int) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), "0")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(num)
    ppr.append(numpr)


def make_docx(blocks: list[Block], path: Path | BinaryIO) -> None:
    """Write the blocks as a Word file to `path` (a file name or a binary stream)."""
    import docx

    document = docx.Document()
    current: tuple[int, int, str] | None = None  # (numId, next number expected, suffix)
    for b in blocks:
        if b.kind == "h1":
            document.add_heading(b.text, level=1)
        elif b.kind == "h2":
            document.add_heading(b.text, level=2)
        elif b.kind == "bullet":
            document.add_paragraph(b.text, style="List Bullet")
        elif b.kind == "table":
            width = max(len(r) for r in b.rows)
            table = document.add_table(rows=len(b.rows), cols=width)
            table.style = "Table Grid"
            for i, row in enumerate(b.rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        elif b.kind in ("item", "question") and b.number.isdigit():
            n = int(b.number)
            if current is None or current[1] != n or current[2] != b.suffix:
                current = (_new_list(document, n, b.suffix), n, b.suffix)
            paragraph = document.add_paragraph(b.text, style="List Number")
            _set_num(paragraph, current[0])
            current = (current[0], n + 1, current[2])
        else:
            document.add_paragraph(plain(b))
    document.save(path if hasattr(path, "write") else str(path))


# --- Pasted text ----------------------------------------------------------------------------


def to_paste(blocks: list[Block]) -> str:
    parts: list[str] = []
    for b in blocks:
        if b.kind == "question" and b.number:
            parts.append(f"Question {b.number}")
            parts.append(b.text)
        elif b.kind == "bullet":
            parts.append(b.text)
        elif b.kind == "table":
            parts.extend("\t".join(row) for row in b.rows)
        else:
            parts.append(plain(b))
    return "\n\n".join(parts) + "\n"


# --- Driver ---------------------------------------------------------------------------------


def make(name: str, out: Path, tmp: Path) -> list[Path]:
    blocks = parse((HERE / f"{name}.txt").read_text(encoding="utf-8"))
    html_path = tmp / f"{name}.html"
    html_path.write_text(to_html(blocks), encoding="utf-8")
    made = [out / f"{name}.pdf", out / f"{name}.print.pdf", out / f"{name}.docx"]
    print_pdf(html_path, made[0], header_footer=False)
    print_pdf(html_path, made[1], header_footer=True)
    make_docx(blocks, made[2])
    paste = out / f"{name}.paste.txt"
    paste.write_text(to_paste(blocks), encoding="utf-8")
    made.append(paste)
    return made


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else HERE / "forms"
    names = argv[1:] or sorted(
        p.name[: -len(".txt")] for p in HERE.glob("*.txt") if p.name.count(".") == 1
    )
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            for path in make(name, out, Path(tmp)):
                print(path.relative_to(out.parent) if out.parent in path.parents else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
