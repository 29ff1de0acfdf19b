"""The command line: build a letter from a draft file without the browser.

    python -m drafting reasons                      # the catalogue as CSV on stdout
    python -m drafting check draft.json             # is this a valid draft?
    python -m drafting build draft.json --template formal --format docx --output letter.docx
    python -m drafting purge                        # delete drafts untouched for the keeping time

A bad draft exits with status 2 and a one-line message, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafting.assembly import UnknownTemplateError, assemble
from drafting.draft import TONES, DraftError, load_draft
from drafting.export import FORMATS, file_name, render
from drafting.store import DEFAULT_KEEP_DAYS, KEEP_ENV, DraftStore, StoreError
from reasons.catalogue import load_catalogue

BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m drafting", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("reasons", help="print the reasons catalogue as CSV")
    check = commands.add_parser("check", help="check that a draft file is valid")
    check.add_argument("draft", type=Path)
    build = commands.add_parser("build", help="write the letter for a draft file")
    build.add_argument("draft", type=Path, help="the draft file (.json)")
    build.add_argument("--template", help="letter template (default: the draft's own)")
    build.add_argument("--tone", choices=TONES, help="tone of voice (default: the draft's own)")
    build.add_argument("--format", choices=list(FORMATS), default="docx")
    build.add_argument(
        "--output", type=Path, help="where to write (default: a name from the consultation)"
    )
    commands.add_parser(
        "purge",
        help="delete the stored drafts not changed for the keeping time"
        f" (${KEEP_ENV} days, default {DEFAULT_KEEP_DAYS})",
    )
    return parser


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
        letter = assemble(draft, catalogue, template=args.template, tone=args.tone)
    except (DraftError, UnknownTemplateError) as e:
        print(f"{args.draft}: {e}", file=sys.stderr)
        return BAD_INPUT
    output = args.output or Path(file_name(draft, args.format))
    try:
        output.write_bytes(render(letter, args.format, author=draft.group.name))
    except OSError as e:
        print(f"Cannot write {output}: {e.strerror}.", file=sys.stderr)
        return 1
    print(output)
    return 0


__all__ = ["main"]
