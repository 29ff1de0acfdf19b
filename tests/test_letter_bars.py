"""Issue 22's bars, on every sample draft (tests/letter_samples.py and the shared sample), in
every template and tone: what `python -m bench.letters` prints, asserted."""

import pytest

from drafting import assemble, list_templates, to_text
from drafting.letter.bars import letter_bars, open_quotes, worry_openings
from drafting.letter.blocks import parse_letter
from drafting.letter.length import asks
from drafting.letter.templates import template_info
from drafting.model.parsing import load_draft
from reasons.phrases import TONES
from tests import letter_samples
from tests.helpers import DATA, LETTER_DATE

SAMPLES = letter_samples.samples() | {"sample-draft": load_draft(DATA / "sample-draft.json")}
TEMPLATES = [t.id for t in list_templates()]


def build(draft, template, tone):
    from reasons import load_catalogue

    return assemble(draft, load_catalogue(), template=template, tone=tone, today=LETTER_DATE)


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_letter_meets_every_bar_in_every_tone(name, template):
    draft, info = SAMPLES[name], template_info(template)
    letters = {tone: build(draft, template, tone) for tone in TONES}
    for tone, letter in letters.items():
        bars = letter_bars(draft, letter, info)
        assert bars.failures == [], (name, template, tone)
    # The same asks, in the same order, whatever the tone.
    assert len({tuple(asks(letter)) for letter in letters.values()}) == 1


def test_a_group_that_supports_with_changes_is_never_asked_to_set_the_tender_aside():
    draft = letter_samples.early_changes()
    draft.asks.append("Set the tender aside until the carers' strategy is agreed.")
    for template in TEMPLATES:
        text = to_text(build(draft, template, "firm"))
        assert "Set the tender aside" not in text and "Pause the tender" not in text
        assert "Divide the contract into neighbourhood lots." in text
        # It proposes changes, not something instead: no grants or in-house alternative.
        assert "What we propose instead" not in text and "Keep it in-house" not in text


def test_a_group_that_opposes_gets_the_asks_for_if_the_tender_goes_ahead_last():
    text = to_text(build(letter_samples.joint_lunch(), "formal", "formal"))
    intro = text.index("If you go ahead despite this, we ask you to:")
    assert text.index("Set the tender aside and keep the lunch clubs' grants.") < intro
    assert text.index("Pay the full cost of any contract, including the minibus.") > intro


def test_stock_asks_on_the_groups_subjects_give_way_to_the_groups_own():
    text = to_text(build(letter_samples.crisis_cafe(), "formal", "formal"))
    assert "Split any contract into local lots." in text
    assert "local lots that small providers can bid for" not in text  # reason 14's ask
    assert text.count("options appraisal") <= 2  # the group's ask, and the annex's source
    assert "Keep part of the budget as grants" not in text


def test_no_position_is_stated_until_the_group_chooses_one():
    draft = letter_samples.rich()
    assert draft.position == "" and draft.stage == ""
    for template in TEMPLATES:
        text = to_text(build(draft, template, "formal"))
        for stance in ("We do not support", "We oppose", "We could support", "We support"):
            assert stance not in text
        assert "Set the tender aside" not in text


def test_councillors_are_asked_for_what_a_councillor_can_do():
    nhs = to_text(build(letter_samples.crisis_cafe(), "councillors", "formal"))
    assert "raise this at the health scrutiny committee" in nhs
    assert "options appraisal" in nhs and "meet us" in nhs
    council = to_text(build(letter_samples.joint_lunch(), "councillors", "firm"))
    assert "call this in at scrutiny" in council


def test_each_reason_leads_with_the_groups_fact_and_no_form_label_is_printed():
    draft = letter_samples.crisis_cafe()
    draft.summary = "Keep the café open after 8pm."
    for template in TEMPLATES:
        text = to_text(build(draft, template, "formal"))
        assert "Small local groups may not survive. Your document proposes" in text
        assert "In one sentence" not in text and "Registration:" not in text
        assert "Riverside Crisis Café\nRegistered charity 1187654" in text  # in the signature


def test_the_measures_find_an_open_quote_and_worry_openings():
    letter = parse_letter('<p id="a">She said: \u201cNobody rushes me.</p><p id="b">Fine.</p>')
    assert open_quotes(letter) == 1
    assert worry_openings("We fear this. We are worried. We are concerned. Our café.") == 3
