"""The drafting core: the draft, letter assembly and export. Plain Python, no Streamlit.

>>> from drafting import assemble, parse_draft, to_docx
>>> from reasons import load_catalogue
"""

from drafting.assembly import (
    TemplateInfo,
    UnknownTemplateError,
    assemble,
    cover_email,
    list_templates,
)
from drafting.calendar import draft_deadline_ics
from drafting.draft import (
    SCHEMA,
    TONES,
    ChosenReason,
    Consultation,
    CoSignatory,
    Draft,
    DraftError,
    Edit,
    Group,
    Question,
    draft_from_dict,
    draft_to_json,
    load_draft,
    parse_draft,
    save_draft,
)
from drafting.export import (
    FORMATS,
    file_name,
    reasons_csv,
    render,
    to_docx,
    to_markdown,
    to_text,
)
from drafting.final import final_letter
from drafting.letter import Block, Letter, LetterTemplateError, Span
from drafting.survey import survey_answers
from reasons.phrases import tone_phrases

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
