"""The drafting core: the draft, letter assembly and export. Plain Python, no Streamlit.

>>> from drafting import assemble, parse_draft, to_docx
>>> from reasons import load_catalogue
"""

from drafting.letter.assembly import assemble, cover_email
from drafting.letter.blocks import Block, Letter, LetterTemplateError, Span, to_text
from drafting.letter.final import final_letter
from drafting.letter.survey import survey_answers
from drafting.letter.templates import TemplateInfo, UnknownTemplateError, list_templates
from drafting.model.draft import (
    SCHEMA,
    ChosenReason,
    Consultation,
    CoSignatory,
    Draft,
    DraftError,
    Edit,
    Group,
    Question,
)
from drafting.model.parsing import (
    draft_from_dict,
    draft_to_json,
    load_draft,
    parse_draft,
    save_draft,
)
from drafting.output.files import FORMATS, file_name, reasons_csv, render
from drafting.output.ics import draft_deadline_ics
from drafting.output.markdown import to_markdown
from drafting.output.word import to_docx
from reasons.phrases import TONES, tone_phrases

__all__ = [
    "FORMATS",
    "SCHEMA",
    "TONES",
    "Block",
    "ChosenReason",
    "CoSignatory",
    "Consultation",
    "Draft",
    "DraftError",
    "Edit",
    "Group",
    "Letter",
    "LetterTemplateError",
    "Question",
    "Span",
    "TemplateInfo",
    "UnknownTemplateError",
    "assemble",
    "cover_email",
    "draft_deadline_ics",
    "draft_from_dict",
    "draft_to_json",
    "file_name",
    "final_letter",
    "list_templates",
    "load_draft",
    "parse_draft",
    "reasons_csv",
    "render",
    "save_draft",
    "survey_answers",
    "to_docx",
    "to_markdown",
    "to_text",
    "tone_phrases",
]
