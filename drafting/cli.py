"""The command line: build a letter from a draft file without the browser.

    python -m drafting reasons                      # the catalogue as CSV on stdout
    python -m drafting check draft.json             # is this a valid draft?
    python -m drafting build draft.json --template formal --format docx --output letter.docx
    python -m drafting blocks draft.json --template formal  # the letter's blocks as JSON
    python -m drafting consultation paper.pdf       # what a consultation document says, as JSON
    python -m drafting purge                        # delete drafts untouched for the keeping time

`build` applies the draft's `edits`, each in place of its block; an edit whose generated text
has changed since it was made (stale), or of a block the template does not have, is reported
on stderr, one line each, and the letter is still written (exit status 0). `blocks` prints
the generated letter's blocks (each paragraph, heading and list item) as a JSON array of
{"id", "kind", "text"}: an edit names a block by its id, and its "was" is the block's text.

A bad draft exits with status 2 and a one-line message, never a traceback. The questions
template with no questions, or with some left unanswered, still writes its letter and says so
on stderr; so does a letter over its template's length on the group's own words alone (they
are never cut).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from drafting.letter.assembly import assemble, questions_note
from drafting.letter.final import final_letter
from drafting.letter.length import length_report
from drafting.letter.templates import UnknownTemplateError, template_info
from drafting.model.draft import DraftError
from drafting.model.parsing import load_draft
from drafting.output.files import FORMATS, file_name, render
from drafting.reading.files import ConsultationError
from drafting.reading.worker import read_in_worker
from drafting.store import DEFAULT_KEEP_DAYS, KEEP_ENV, DraftStore, StoreError
from reasons.catalogue import load_catalogue
from reasons.phrases import TONES

BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m drafting", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("reasons", help="print the reasons catalogue as CSV")
    check = commands.add_parser("check", help="check that a draft file is valid")
    check.add_argument("draft", type=Path)
    build = commands.add_parser("build", help="write the letter for a draft file")
    blocks = commands.add_parser("blocks", help="print the letter's blocks as JSON")
    for command in (build, blocks):
        command.add_argument("draft", type=Path, help="the draft file (.json)")
        command.add_argument("--template", help="letter template (default: the draft's own)")
        command.add_argument(
            "--tone", choices=TONES, help="tone of voice (default: the draft's own)"
        )
    build.add_argument("--format", choices=list(FORMATS), default="docx")
    build.add_argument(
        "--output", type=Path, help="where to write (default: a name from the consultation)"
    )
    consultation = commands.add_parser(
        "consultation", help="read a consultation document (PDF, Word or text) and print JSON"
    )
    consultation.add_argument("document", type=Path)
    commands.add_parser(
        "purge",
        help="delete the stored drafts not changed for the keeping time"
        f" (${KEEP_ENV} days, default {DEFAULT_KEEP_DAYS})",
    )
    return parser


def _consultation(path: Path) -> int:
    """Print what a consultation document says as one JSON object; exit 2 if it is unreadable."""
    try:
        reading = read_in_worker(path.read_bytes())
    except OSError as e:
        print(f"Cannot read {path}: {e.strerror}.", file=sys.stderr)
        return BAD_INPUT
    except ConsultationError as e:
        print(f"{path}: {e}", file=sys.stderr)
        return BAD_INPUT
    print(json.dumps(reading.to_json(), ensure_ascii=False, indent=2))
    return 0


def _purge() -> int:
    try:
        with DraftStore() as store:
            deleted, kept = store.purge(), store.count()
    except StoreError as e:
        print(e, file=sys.stderr)
        return 1
    print(
        f"Deleted {deleted} draft{'' if deleted == 1 else 's'} not changed for"
        f" {store.keep_days} days; {kept} kept in {store.where}."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "consultation":
        return _consultation(args.document)
    if args.command == "purge":
        return _purge()
    catalogue = load_catalogue()
    if args.command == "reasons":
        columns = ["id", "title", "theme", "theme_title", "summary", "source"]
        catalogue.frame()[columns].to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    try:
        draft = load_draft(args.draft, catalogue.ids)
        if args.command == "check":
            print(f"{args.draft}: a valid draft with {len(draft.reasons)} reasons.")
            return 0
        if args.command == "blocks":
            letter = assemble(draft, catalogue, template=args.template, tone=args.tone)
            pieces = [{"id": p.id, "kind": p.kind, "text": p.text} for p in letter.pieces()]
            print(json.dumps(pieces, ensure_ascii=False, indent=2))
            return 0
        final = final_letter(draft, catalogue, template=args.template, tone=args.tone)
    except (DraftError, UnknownTemplateError) as e:
        print(f"{args.draft}: {e}", file=sys.stderr)
        return BAD_INPUT
    for problem in final.problems(args.template or draft.template):
        print(f"{args.draft}: {problem}", file=sys.stderr)
    template = args.template or draft.template
    length = length_report(draft, final.letter, template_info(template))
    for note in (questions_note(draft, template), length.note if length.over else ""):
        if note:
            print(f"Note: {note}", file=sys.stderr)  # the letter is still written
    output = args.output or Path(file_name(draft, args.format))
    try:
        output.write_bytes(render(final.letter, args.format, author=draft.group.name))
    except OSError as e:
        print(f"Cannot write {output}: {e.strerror}.", file=sys.stderr)
        return 1
    print(output)
    return 0


__all__ = ["main"]
