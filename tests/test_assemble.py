"""Letter assembly: every reason in every template and tone, user text always literal."""

import re
import shutil

import pytest

import drafting.letter.templates as assemble_module
from drafting import (
    TONES,
    ChosenReason,
    Draft,
    Group,
    LetterTemplateError,
    Question,
    UnknownTemplateError,
    assemble,
    list_templates,
    to_text,
)
from drafting.letter.blocks import parse_letter
from reasons.phrases import tone_phrases
from tests.helpers import LETTER_DATE, reasons_catalogue

TEMPLATES = [t.id for t in list_templates()]
HOSTILE = [
    "{{ 7*7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "<script>alert('x')</script>",
    "<b>bold</b> &amp; <p>",
    "[a link](https://example.com) and # not a heading",
    "Welsh: ŵ ŷ â ê î ô û; Llanfair’s “café”",
    "emoji 😀👍🏽 and right-to-left: مرحبا שלום",
    "tab\there and  two  spaces",
]


def letter_text(draft, **kwargs) -> str:
    return assemble(draft, reasons_catalogue(), today=LETTER_DATE, **kwargs).text


def test_the_folder_has_the_four_templates_with_names_and_descriptions():
    templates = {t.id: t for t in list_templates()}
    assert {"formal", "councillors", "email", "questions"} <= set(templates)
    for template in templates.values():
        assert template.name and template.description and template.length
        assert not template.id.startswith("_")


def test_a_template_dropped_into_the_folder_is_listed(tmp_path, monkeypatch):
    folder = tmp_path / "letter_templates"
    shutil.copytree(assemble_module.TEMPLATE_DIR, folder)
    (folder / "thanks.j2").write_text(
        "{#-\nname: Thank you note\ndescription: A short thank you.\nlength: A few lines\n-#}\n"
        "<p>Thank you.</p>\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(assemble_module, "TEMPLATE_DIR", folder)
    thanks = next(t for t in list_templates() if t.id == "thanks")
    assert (thanks.name, thanks.length) == ("Thank you note", "A few lines")


@pytest.fixture
def own_template(tmp_path, monkeypatch):
    """Write a template of one's own into a copy of the folder and render from there."""
    folder = tmp_path / "letter_templates"
    shutil.copytree(assemble_module.TEMPLATE_DIR, folder)
    monkeypatch.setattr(assemble_module, "TEMPLATE_DIR", folder)
    assemble_module.template_environment.cache_clear()  # its loader reads the folder it was given

    def write(name: str, budget: int, body: str) -> str:
        (folder / f"{name}.j2").write_text(
            f"{{#- name: {name}\nbudget: {budget} -#}}\n{body}", encoding="utf-8"
        )
        return name

    yield write
    assemble_module.template_environment.cache_clear()


def test_a_template_cannot_change_a_list_it_is_given(own_template, catalogue):
    # The sandbox is immutable: `asks.pop()` is refused, so no render can change what the next
    # level of detail (or another session) is given.
    draft = Draft(reasons=[ChosenReason(2)], asks=["Keep the grant open to small groups."])
    name = own_template("pop", 27, '<p id="t">{{ title }}</p>{% set final = asks.pop() %}')
    with pytest.raises(LetterTemplateError, match=r"template 'pop' is broken.*unsafe"):
        assemble(draft, catalogue, template=name, today=LETTER_DATE)


def test_a_template_may_ask_for_a_level_flag_that_does_not_exist(own_template, catalogue):
    name = own_template(
        "flags",
        5,
        '<p id="t">{{ title }}</p>{% if detail.compact is defined %}<p id="c">Compact.</p>'
        '{% else %}<p id="f">A full letter with more words than its budget.</p>{% endif %}'
        '<p id="x">{{ detail.layout | default("plain") }}</p>',
    )
    letter = assemble(Draft(reasons=[ChosenReason(2)]), catalogue, template=name)
    assert "A full letter" in letter.text and "plain" in letter.text


def test_a_template_cannot_change_the_tone_phrases_other_letters_use(own_template, catalogue):
    name = own_template(
        "tone", 400, '{% set _ = tone.update({"opening": "Changed."}) %}<p id="t">{{ title }}</p>'
    )
    before = tone_phrases()["formal"].copy()
    with pytest.raises(LetterTemplateError, match="unsafe"):
        assemble(Draft(reasons=[ChosenReason(2)]), catalogue, template=name, tone="formal")
    assert tone_phrases()["formal"] == before


@pytest.mark.parametrize("tone", TONES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_reason_and_example_appears_in_every_template_and_tone(
    full_draft, catalogue, template, tone
):
    text = letter_text(full_draft, template=template, tone=tone)
    for chosen in full_draft.reasons:
        reason = catalogue.reason(chosen.id)
        assert chosen.example in text, (template, tone, chosen.id)
        assert reason.title in text  # the reason is always named, with its example
    for must in (
        "Hillside Community Café",
        "Maria Lopez",
        "Sam Okafor",
        "Keep the current grants.",
    ):
        assert must in text


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_tone_changes_the_wording_but_not_the_facts(full_draft, catalogue, template):
    letters = {tone: letter_text(full_draft, template=template, tone=tone) for tone in TONES}
    assert len(set(letters.values())) == len(TONES)
    facts = [r.example for r in full_draft.reasons] + full_draft.asks + [full_draft.context]
    for text in letters.values():
        assert all(fact in text for fact in facts)


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("payload", HOSTILE)
def test_user_text_comes_out_exactly_as_typed(sample, template, payload):
    sample.reasons[0].example = payload
    sample.group.name = payload
    sample.asks = [payload]
    sample.consultation.title = payload
    letter = assemble(sample, reasons_catalogue(), template=template, today=LETTER_DATE)
    assert payload in letter.text
    assert "49" not in letter.text
    assert "loop" not in letter.text.replace(payload, "")


def test_user_line_breaks_are_kept_and_layout_never_folds_them(sample):
    sample.reasons[0].example = "First line.\nSecond line.\r\n\r\nA new paragraph."
    text = letter_text(sample)
    assert "First line.\nSecond line.\n\nA new paragraph." in text


def test_empty_optional_fields_leave_no_stray_labels_or_blank_lines(catalogue):
    draft = Draft(
        group=Group(name="Tiny Group", signatory="Ali Khan"),
        reasons=[ChosenReason(2, "")],
    )
    for template in TEMPLATES:
        text = letter_text(draft, template=template)
        for label in (
            "Reference:",
            "Registration:",
            "Also signed by",
            "Copied to",
            "In one sentence",
            "Where we agree",
            "What we propose instead",
            "How this consultation",
            "None",
            "()",
            "Question",
        ):
            assert label not in text, (template, label)
        assert "\n\n\n" not in text
        assert "price comes before quality" in text.lower()  # a bare reason is named
        assert "Dear Sir or Madam," in text or "Dear Councillor," in text


def test_reasons_keep_the_draft_order_and_formal_groups_them_by_theme(catalogue):
    # 20 (shape of the sector) first, then 2 (cost), then 14 (sector again); examples long
    # enough for the letter to keep its headings.
    long = " ".join(f"word{i}" for i in range(60))
    draft = Draft(
        reasons=[
            ChosenReason(20, f"A {long}"),
            ChosenReason(2, f"B {long}"),
            ChosenReason(14, f"C {long}"),
        ]
    )
    text = letter_text(draft, template="formal")
    sector, cost = catalogue.theme("sector").title, catalogue.theme("cost").title
    titles = [catalogue.reason(i).title for i in (20, 14, 2)]
    positions = [text.index(t) for t in (sector, titles[0], titles[1], cost, titles[2])]
    assert positions == sorted(positions)
    email = letter_text(draft, template="email")
    assert email.index(titles[0]) < email.index(titles[2]) < email.index(titles[1])


def test_the_questions_template_answers_each_question_in_order(catalogue):
    draft = Draft(
        reasons=[ChosenReason(2, "Price is 70%."), ChosenReason(20, "Four groups.")],
        questions=[
            Question("Do you agree with the model?", [2], "No, we do not."),
            Question("Anything else?", [], ""),
        ],
    )
    text = letter_text(draft, template="questions")
    order = [
        "Question 1",
        "Do you agree with the model?",
        "No, we do not.",
        catalogue.reason(2).title,
        "Price is 70%.",
        "Question 2",
        "Anything else?",
        "We have no comment on this question.",
        "Other points",
        catalogue.reason(20).title,
        "Four groups.",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)


def test_the_questions_keep_the_consultations_own_numbers(catalogue):
    draft = Draft(
        questions=[
            Question("Do you agree?", [], "No.", number="3a"),
            Question("Anything else?", [], "Yes."),
        ]
    )
    blocks = assemble(draft, catalogue, template="questions", today=LETTER_DATE).blocks
    headings = [b.text for b in blocks if b.kind == "subheading"]
    assert headings == ["Question 3a", "Question 2"]  # unnumbered: its place in the list


def test_a_linked_reason_not_chosen_is_still_named_and_set_out_in_the_annex(catalogue):
    draft = Draft(questions=[Question("Why?", [26], "")])
    text = letter_text(draft, template="questions")
    assert "\u2018No proof that contracting out works better\u2019" in text
    assert catalogue.reason(26).paragraph in text


def test_the_formal_letter_has_its_parts_in_order(full_draft):
    letter = assemble(full_draft, reasons_catalogue(), template="formal", today=LETTER_DATE)
    kinds = [b.kind for b in letter.blocks]
    assert kinds[:4] == ["sender", "date", "recipient", "reference"]
    assert kinds.count("title") == 1 and "numbered" in kinds and "signature" in kinds
    assert "25 November 2026" in letter.text
    assert letter.title == "Response to Proposals to Commission Community Support Services"


@pytest.mark.parametrize("name", ["nonexistent", "_parts", "../formal", "FORMAL"])
def test_an_unknown_template_is_refused_with_the_choices(sample, name):
    with pytest.raises(UnknownTemplateError):
        assemble(sample, reasons_catalogue(), template=name)


def test_an_unknown_tone_is_refused(sample):
    with pytest.raises(ValueError, match="Unknown tone"):
        assemble(sample, reasons_catalogue(), tone="angry")


@pytest.mark.parametrize(
    "markup",
    [
        "<div>x</div>",
        "<p>unclosed",
        "loose text",
        "<p><p>nested</p></p>",
        "<li>x</li>",
        '<p class="shout">x</p>',
        "<p>x</span></p>",
    ],
)
def test_markup_outside_the_letter_subset_is_a_template_error(markup):
    with pytest.raises(LetterTemplateError):
        parse_letter(markup)


def test_plain_text_of_a_letter_has_no_markup(full_draft):
    text = to_text(assemble(full_draft, reasons_catalogue(), today=LETTER_DATE))
    assert not re.search(r"<[a-z/]", text)
