"""Write every letter the core makes for a set of drafts into a folder, one file each, so two
versions of the code can be compared byte for byte (`diff -r`): a change meant to move code
and not wording (issue 21) must leave every file the same.

    .venv/bin/python -m bench.snapshot OUT_DIR          # write the letters
    diff -r BEFORE_DIR AFTER_DIR && echo same           # compare two versions

The drafts: the shared sample draft, the letter tests' varied samples, the benchmark's realistic
and 26-reason drafts, and each of those at every stage and position. For each: every template in
every tone, as plain text, Markdown, the Word file's parts (its XML, with the file's own
timestamps left out) and the letter's blocks; the cover email; the survey answers; the reasons
CSV; the calendar entry. Letters are dated 25 November 2026.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import sys
import zipfile
from pathlib import Path

from bench.drafts import big_draft, realistic_draft
from drafting import (
    TONES,
    cover_email,
    draft_deadline_ics,
    final_letter,
    list_templates,
    load_draft,
    reasons_csv,
    render,
    survey_answers,
)
from reasons.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 25)
_STAMPS = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")


def drafts(catalogue) -> dict:
    """Every draft compared, by a name that is also its folder."""
    sys.path.insert(0, str(ROOT))
    from tests.letter_samples import samples

    base = {"sample": load_draft(ROOT / "tests" / "data" / "sample-draft.json")}
    base.update(samples())
    base["realistic"] = realistic_draft()
    base["big"] = big_draft(catalogue)
    found = dict(base)
    for name, draft in base.items():
        for position in ("oppose", "support_with_changes", "support_with_concerns"):
            for stage in ("early", "formal", "tender"):
                found[f"{name}-{position}-{stage}"] = dataclasses.replace(
                    draft, position=position, stage=stage
                )
    return found


def docx_parts(data: bytes) -> bytes:
    """The Word file's parts, each named, in order, without the times it was written."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(z.namelist()):
            out.append(b"== " + name.encode() + b"\n" + _STAMPS.sub(b"", z.read(name)))
    return b"\n".join(out)


def write(out: Path) -> int:
    """Write every file; return how many letters (template and tone) were made."""
    catalogue = load_catalogue()
    count = 0
    for name, draft in drafts(catalogue).items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for info in list_templates():
            for tone in TONES:
                final = final_letter(draft, catalogue, template=info.id, tone=tone, today=TODAY)
                stem = folder / f"{info.id}-{tone}"
                letter = final.letter
                for fmt in ("txt", "md"):
                    stem.with_suffix(f".{fmt}").write_bytes(render(letter, fmt, author="x"))
                docx = render(letter, "docx", author=draft.group.name)
                stem.with_suffix(".docx.xml").write_bytes(docx_parts(docx))
                pieces = [{"id": p.id, "kind": p.kind, "text": p.text} for p in letter.pieces()]
                stem.with_suffix(".blocks.json").write_text(
                    json.dumps(pieces, ensure_ascii=False, indent=1), encoding="utf-8"
                )
                count += 1
        cover = cover_email(draft, catalogue, today=TODAY)
        (folder / "cover.txt").write_bytes(render(cover, "txt", author="x"))
        answers = [dataclasses.asdict(a) for a in survey_answers(draft, catalogue)]
        (folder / "survey.json").write_text(
            json.dumps(answers, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        (folder / "reasons.csv").write_text(reasons_csv(draft, catalogue), encoding="utf-8")
        stamp = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.UTC)
        if draft.consultation.closing_date:
            (folder / "deadline.ics").write_text(
                draft_deadline_ics(draft, stamp=stamp, uid_seed=name), encoding="utf-8"
            )
    return count


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    made = write(Path(sys.argv[1]))
    print(f"{made} letters written to {sys.argv[1]}")
