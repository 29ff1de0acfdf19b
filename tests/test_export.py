"""Exports: the Word file reopened and checked, Markdown escaped, text email-ready, CSV, names."""

import csv
import datetime as dt
import io
import re

import docx
import pandas as pd
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from drafting import (
    ChosenReason,
    Draft,
    Group,
    assemble,
    file_name,
    reasons_csv,
    render,
    to_docx,
    to_markdown,
    to_text,
)
from drafting.letter.asks import same_ask
from drafting.model.fairness import raised
from tests.helpers import LETTER_DATE

EVERY_KIND_OF_CHARACTER = (
    "Welsh ŵ ŷ Ŵ Ŷ â, “curly” ‘quotes’, accents é ñ ü, emoji 😀👩🏽‍🦰, "
    "right-to-left مرحبا بالعالم and עברית, {{ 7*7 }} <script>x</script>"
)


def reopen(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs]


@pytest.fixture
def letter(full_draft, catalogue):
    return assemble(full_draft, catalogue, template="formal", today=LETTER_DATE)


def test_the_word_letter_is_a4_with_real_heading_and_list_styles(letter):
    document = reopen(to_docx(letter, author="Hillside Community Café"))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == 2.5
    styles = {p.style.name for p in document.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "List Number", "List Bullet"} <= styles
    title = next(p for p in document.paragraphs if p.style.name == "Heading 1")
    assert title.text == "Response to Proposals to Commission Community Support Services"
    assert document.core_properties.title == title.text
    assert document.core_properties.author == "Hillside Community Café"


def test_a_long_title_and_group_name_still_make_a_word_file(full_draft, catalogue):
    """A title over about 243 characters or a name over 255 once stopped the download with no
    word (issue 12): the file's properties are fitted to Word's limit; the letter keeps it all."""
    full_draft.consultation.title = "T" * 300
    full_draft.group.name = "N" * 300
    letter = assemble(full_draft, catalogue, template="formal", today=LETTER_DATE)
    made = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
    document = reopen(to_docx(letter, author=full_draft.group.name, made=made))
    properties = document.core_properties
    assert (len(properties.title), len(properties.author)) == (255, 255)
    assert properties.title.endswith("T…") and properties.author == "N" * 254 + "…"
    assert "T" * 300 in "\n".join(paragraphs(document))  # the letter itself is whole
    assert properties.created == properties.modified == made
    assert properties.last_modified_by == properties.author
    assert "python-docx" not in properties.comments


def test_the_word_letter_has_the_address_block_date_and_reference(letter):
    document = reopen(to_docx(letter))
    sender = document.paragraphs[0]
    assert sender.text.split("\n") == [
        "Hillside Community Café",
        "3 Station Road, Hillside HS1 4AB",
        "hello@hillside-cafe.example",
        "01234 567890",
    ]
    assert sender.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    texts = paragraphs(document)
    assert "25 November 2026" in texts
    reference = next(p for p in document.paragraphs if p.text.startswith("Reference:"))
    assert reference.text == "Reference: HDC/2026/17" and reference.runs[0].bold


def test_the_word_letter_holds_every_example_and_ask_in_order(letter, full_draft):
    text = "\n".join(paragraphs(reopen(to_docx(letter))))
    for chosen in full_draft.reasons:
        assert chosen.example in text
    asks = [p.text for p in reopen(to_docx(letter)).paragraphs if p.style.name == "List Number"]
    assert asks == [t for b in letter.blocks if b.kind == "numbered" for t in b.texts]
    assert asks[: len(full_draft.asks)] == full_draft.asks  # the group's own come first
    for concern in raised(full_draft):
        assert any(same_ask(concern.ask, ask) for ask in asks)


def test_every_character_typed_reaches_the_word_file(sample, catalogue):
    sample.reasons[0].example = EVERY_KIND_OF_CHARACTER
    sample.group.name = "Cymdeithas Llanfairpwll ŵ ŷ"
    letter = assemble(sample, catalogue, today=LETTER_DATE)
    text = "\n".join(paragraphs(reopen(to_docx(letter))))
    assert EVERY_KIND_OF_CHARACTER in text
    assert "Cymdeithas Llanfairpwll ŵ ŷ" in text


def test_the_longest_allowed_example_reaches_the_word_file(sample, catalogue):
    sample.reasons[0].example = ("A long example. " * 700)[:10_000]
    text = "\n".join(paragraphs(reopen(to_docx(assemble(sample, catalogue)))))
    assert sample.reasons[0].example.strip() in text


def test_control_characters_word_cannot_hold_are_left_out_and_nothing_else(sample, catalogue):
    sample.reasons[0].example = "bell\x07 nul\x00 escape\x1b tab\tkept"
    text = "\n".join(paragraphs(reopen(to_docx(assemble(sample, catalogue)))))
    assert "bell nul escape tab\tkept" in text
    assert "\x07" in to_text(assemble(sample, catalogue))


def test_user_line_breaks_become_line_breaks_in_word(sample, catalogue):
    sample.reasons[0].example = "Line one\nLine two"
    document = reopen(to_docx(assemble(sample, catalogue)))
    assert any(p.text.endswith("Line one\nLine two") for p in document.paragraphs)


@pytest.mark.parametrize(
    "payload",
    [
        "[a link](https://example.com)",
        "# not a heading",
        "<script>alert(1)</script>",
        "*not emphasis* and _nor this_",
        "1. not a list\n- nor this\n===",
        "back\\slash & ampersand | pipe ~tilde~ `code`",
    ],
)
def test_markdown_escapes_user_text_so_it_renders_as_typed(sample, catalogue, payload):
    sample.reasons[0].example = payload
    markdown = to_markdown(assemble(sample, catalogue))
    assert "](" not in markdown.replace("\\]", "")
    assert "<script>" not in markdown
    unescaped = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("  \n", "\n")
    assert payload in unescaped


def test_markdown_has_headings_lists_and_bold_titles(letter):
    markdown = to_markdown(letter)
    assert markdown.startswith("Hillside Community Café  \n3 Station Road")
    assert "\n# Response to Proposals to Commission Community Support Services\n" in markdown
    assert "\n## Our reasons\n" in markdown
    assert "\n1. Keep the current grants.\n2. " in markdown
    assert re.search(r"\n\*\*[A-Z][^*]+\.\*\* [A-Z]", markdown)


def test_plain_text_is_ready_for_an_email(letter):
    text = to_text(letter)
    assert "**" not in text and not re.search(r"^#", text, re.MULTILINE)  # no Markdown
    assert "\n1. Keep the current grants.\n2. " in text
    assert "\n- Sam Okafor, Chair, Hillside Tenants\n" in text
    assert "\n\n\n" not in text


def test_render_gives_each_format_and_refuses_others(letter):
    assert render(letter, "txt").decode("utf-8") == to_text(letter)
    assert render(letter, "md").decode("utf-8") == to_markdown(letter)
    assert paragraphs(reopen(render(letter, "docx")))
    with pytest.raises(ValueError, match="Unknown format 'pdf'"):
        render(letter, "pdf")


def test_the_reasons_csv_lists_the_chosen_reasons_in_order_with_examples(sample, catalogue):
    sample.reasons[1].example = '=HYPERLINK("http://x") and “Welsh” ŵ, with a comma'
    frame = pd.read_csv(io.StringIO(reasons_csv(sample, catalogue)), keep_default_na=False)
    assert list(frame.columns) == ["order", "id", "title", "theme", "example", "source"]
    assert frame.id.tolist() == [2, 20]
    assert frame.example[0] == sample.reasons[0].example
    assert frame.example[1] == "'" + sample.reasons[1].example  # not run as a formula
    assert frame.source[1].endswith("reason 20")


def test_an_empty_selection_gives_a_csv_with_only_the_header(catalogue):
    from drafting import Draft

    assert reasons_csv(Draft(), catalogue) == '"order","id","title","theme","example","source"\n'


@pytest.mark.parametrize("line_end", ["\r", "\r\n", "\n", "\u2028"])
def test_a_line_break_in_an_example_stays_in_its_cell(sample, catalogue, line_end):
    """A bare carriage return once split the row and put `=1+1` unquoted in the next row's
    first column (issue 12). Read back with Python's own csv reader, as a spreadsheet would."""
    sample.reasons[0].example = f"First line{line_end}=1+1{line_end}@SUM(A1){line_end}"
    text = reasons_csv(sample, catalogue)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 1 + len(sample.reasons)
    assert [row[0] for row in rows] == ["order", "1", "2"]
    assert rows[1][4] == sample.reasons[0].example


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        (
            "Proposals to Commission Community Support Services",
            "",
            "response-proposals-to-commission-community-support-services-2026-11-25.docx",
        ),
        (
            "Gwasanaethau Cymunedol: Ŵyl & “Dydd”",
            "",
            "response-gwasanaethau-cymunedol-wyl-dydd-2026-11-25.docx",
        ),
        ("", "Hillside District Council", "response-hillside-district-council-2026-11-25.docx"),
        ("", "", "response-consultation-2026-11-25.docx"),
        ("😀/../../etc", "", "response-etc-2026-11-25.docx"),
    ],
)
def test_file_names_come_from_the_consultation_and_the_date(sample, title, body, expected):
    sample.consultation.title, sample.consultation.body = title, body
    assert file_name(sample, "docx", LETTER_DATE) == expected


def test_the_word_file_follows_british_letter_conventions(catalogue):
    from docx.oxml.ns import qn

    draft = Draft(
        reasons=[ChosenReason(26, "Our council gave no figures.")],
        evidence=[26],
        group=Group(name="Hillside Café", signatory="Maria Lopez"),
    )
    draft.consultation.title = "Community Support"
    draft.consultation.reference = "HDC/17"
    document = reopen(to_docx(assemble(draft, catalogue, today=LETTER_DATE)))
    language = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert language.get(qn("w:val")) == "en-GB"
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "Response to Community Support – Reference: HDC/17"
    assert not section.first_page_header.paragraphs[0].text  # the letterhead is on page one
    for footer in (section.footer, section.first_page_footer):
        codes = [t.text for t in footer._element.iter(qn("w:instrText"))]
        assert footer.paragraphs[0].text.startswith("Page ") and " PAGE " in codes
    signature = next(p for p in document.paragraphs if p.text.startswith("Maria Lopez"))
    assert signature.paragraph_format.space_before.pt >= 36  # room to sign by hand
    links = document.element.body.findall(".//" + qn("w:hyperlink"))
    targets = {document.part.rels[link.get(qn("r:id"))].target_ref for link in links}
    assert (
        "https://www.instituteforgovernment.org.uk/publication/report/government-outsourcing-reform"
        in targets
    )
    assert all(t.startswith("https://") for t in targets)
