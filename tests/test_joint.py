"""Joint and follow-up: co-signatories in every template, one voice, a cover email, and a
letter to councillors from the same draft."""

import re

import pytest

from drafting import CoSignatory, Group, assemble, list_templates, to_text
from drafting.letter.assembly import cover_email
from tests.helpers import LETTER_DATE

TEMPLATES = [t.id for t in list_templates()]
JOINT = "This is a joint response, signed with us by"


@pytest.mark.parametrize("template", TEMPLATES)
def test_co_signatories_sign_under_the_signature_in_every_template(sample, catalogue, template):
    sample.co_signatories = [
        CoSignatory("Hillside Tenants", "Sam Okafor", "Chair"),
        CoSignatory("", "Priya Shah", ""),
        CoSignatory("Youth Club", "", ""),
    ]
    letter = assemble(sample, catalogue, template=template, today=LETTER_DATE)
    kinds = [b.kind for b in letter.blocks]
    signature = kinds.index("signature")
    assert letter.blocks[signature + 1].text == "Also signed by"
    assert letter.blocks[signature + 2].texts == [
        "Sam Okafor, Chair, Hillside Tenants",
        "Priya Shah",
        "Youth Club",
    ]
    assert (
        f"{JOINT} Hillside Tenants, Priya Shah and Youth Club. Where it says “we”, it speaks"
        " for all of us." in letter.text
    )


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_response_from_one_group_says_nothing_about_joint_signing(sample, catalogue, template):
    text = assemble(sample, catalogue, template=template, today=LETTER_DATE).text
    assert JOINT not in text and "Also signed by" not in text


@pytest.mark.parametrize("template", TEMPLATES)
def test_the_letter_speaks_as_we_never_as_i(full_draft, catalogue, template):
    text = assemble(full_draft, catalogue, template=template, today=LETTER_DATE).text
    assert not re.search(r"\b(?:I|I'm|I am|my|me)\b", text)
    assert re.search(r"\bWe\b", text)


def test_the_cover_email_names_the_letter_who_signs_and_who_is_copied_in(sample, catalogue):
    sample.co_signatories = [CoSignatory("Hillside Tenants", "Sam Okafor", "Chair")]
    sample.copy_to = ["Cllr Jane Doe, Cabinet Member", "Hillside Healthwatch"]
    email = cover_email(sample, catalogue, today=LETTER_DATE)
    text = to_text(email)
    assert text.startswith(
        "Subject: Response to Proposals to Commission Community Support Services (HDC/2026/17)"
    )
    assert "Dear Commissioning Team," in text
    assert (
        "Please find attached the response of Hillside Community Café to your consultation"
        " “Proposals to Commission Community Support Services”, which closes on"
        " 31 January 2027." in text
    )
    assert "signed with us by Hillside Tenants." in text
    assert "- Cllr Jane Doe, Cabinet Member\n- Hillside Healthwatch" in text
    assert "Please confirm that you have received our response" in text
    assert text.rstrip().endswith("hello@hillside-cafe.example")


def test_a_cover_email_for_a_bare_draft_still_reads_well(catalogue):
    from drafting import Draft

    text = to_text(cover_email(Draft(group=Group(signatory="Ali")), catalogue, today=LETTER_DATE))
    assert "Dear Sir or Madam," in text and "response of our group to your consultation." in text
    assert "Yours faithfully," in text and "copy" not in text


def test_user_text_in_the_cover_email_is_data(sample, catalogue):
    sample.consultation.title = "{{ 7*7 }} <b>x</b>"
    sample.copy_to = ["<script>alert(1)</script>"]
    text = to_text(cover_email(sample, catalogue, today=LETTER_DATE))
    assert "{{ 7*7 }} <b>x</b>" in text and "<script>alert(1)</script>" in text
    assert "49" not in text


def test_the_cover_email_is_not_listed_as_a_letter_template():
    assert "_cover_email" not in TEMPLATES and "councillors" in TEMPLATES
