"""The letter a commissioning officer weighs, measured as the issue measures it: on the body
from the salutation to the sign-off of `python -m drafting build ... --format txt`, for varied
sample drafts (tests/letter_samples.py) and the shared sample draft."""

import re

import pytest

from drafting import assemble, list_templates, to_text
from drafting.letter.assembly import LEVELS, questions_note
from drafting.letter.blocks import parse_letter
from drafting.letter.context import template_context
from drafting.letter.length import (
    duplicate_asks,
    length_report,
    letter_measures,
    repeated_passages,
    sentence_openings,
)
from drafting.letter.ownwords import body
from drafting.letter.phrasing import salutation
from drafting.letter.templates import template_environment, template_info
from drafting.model.parsing import load_draft
from reasons.phrases import TONES
from tests import letter_samples
from tests.helpers import DATA, LETTER_DATE, reasons_catalogue

TEMPLATES = [t.id for t in list_templates()]
SAMPLES = letter_samples.samples()
SAMPLES["sample-draft"] = load_draft(DATA / "sample-draft.json")
CASES = [(name, template) for name in SAMPLES for template in TEMPLATES]


def build(draft, template, tone=None):
    return assemble(draft, reasons_catalogue(), template=template, tone=tone, today=LETTER_DATE)


@pytest.mark.parametrize(("name", "template"), CASES)
def test_every_bar_holds_on_every_sample(name, template, catalogue):
    draft = SAMPLES[name]
    letter = build(draft, template)
    info = template_info(template)
    m = letter_measures(draft, letter, info)
    if info.budget and name != "wordy":  # its own words alone pass the email's budget
        assert m.words <= info.budget, (name, template, m.words)
    assert m.top_opening[1] <= 2, m.top_opening
    assert not m.duplicate_asks
    assert not m.repeated
    text = body(letter)
    for chosen in draft.reasons:  # every chosen reason is made, with its example whole
        reason = catalogue.reason(chosen.id)
        named = reason.point in text or reason.title.lower()[1:] in text.lower()
        assert named or chosen.example.strip() in text, (name, template, chosen.id)
        assert chosen.example.strip() in text
    assert draft.group.signatory in text


@pytest.mark.parametrize("template", ["formal", "questions"])
def test_a_group_that_wrote_fully_has_at_least_40_per_cent_own_words(template):
    draft = SAMPLES["rich"]
    m = letter_measures(draft, build(draft, template), template_info(template))
    assert m.own.percent >= 40


@pytest.mark.parametrize("name", SAMPLES)
def test_the_full_letters_keep_the_most_own_words_they_can(name):
    """When the aim is out of reach (short examples, none at all), the letter is the level of
    detail with the highest own share, never a longer one with less."""
    draft = SAMPLES[name]
    info = template_info("formal")
    chosen = letter_measures(draft, build(draft, "formal"), info).own.percent
    for detail in LEVELS:
        context = template_context(draft, reasons_catalogue(), draft.tone, LETTER_DATE, detail)
        markup = template_environment().get_template("formal.j2").render(context)
        other = letter_measures(draft, parse_letter(markup), info).own.percent
        assert chosen >= other or chosen >= info.own


def test_the_long_letters_move_stock_text_to_the_annex_not_out(catalogue):
    draft = SAMPLES["seven-reasons"]
    text = to_text(build(draft, "formal"))
    annex = text.index("Annex: evidence and sources")
    for chosen in draft.reasons:
        assert text.index(catalogue.reason(chosen.id).paragraph) > annex
    for concern_ask in ("Publish the equality impact assessment",):
        assert concern_ask in text


def test_a_reason_without_an_example_is_named_not_listed_bare_in_the_short_letters(catalogue):
    draft = SAMPLES["no-examples"]
    for template in ("email", "councillors"):
        text = body(build(draft, template))
        assert (
            "these concerns, if it would help: \u2018Competition undermines joint working\u2019,"
            in text
        )
        for chosen in draft.reasons:
            reason = catalogue.reason(chosen.id)
            assert reason.point not in text and reason.paragraph not in text
    formal = to_text(build(draft, "formal"))  # named in the letter, set out in the annex
    assert "We also ask you to weigh these points, each set out in the annex:" in formal
    assert all(catalogue.reason(c.id).paragraph in formal for c in draft.reasons)


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_tone_changes_wording_never_the_position_or_the_asks(template):
    draft = SAMPLES["joint"]
    letters = [build(draft, template, tone) for tone in TONES]
    asks = {
        tuple(t for b in letter.blocks if b.kind == "numbered" for t in b.texts)
        for letter in letters
    }
    assert len(asks) == 1
    positions = {
        next(b.text for b in letter.blocks if b.text.startswith("We oppose")) for letter in letters
    }
    assert positions == {"We oppose the decision to put these services out to tender."}
    assert len({to_text(letter) for letter in letters}) == len(TONES)
    for letter in letters:
        assert "withdraw" not in letter.text.lower()
        assert letter.text.count("Pause the tender") == 1  # the group's own ask, merged


def test_position_and_stage_drive_the_opening_and_the_position():
    early = build(SAMPLES["questions"], "formal")
    assert "early engagement" in body(early)
    assert "could support the direction of these plans only with the changes" in early.text
    assert "competitive tendering is the way" not in early.text
    assert "do not support" not in early.text
    unchosen = build(SAMPLES["rich"], "formal").text  # no position chosen: none stated
    assert not re.search(r"We (do not|could|oppose|support)", unchosen)
    formal = build(SAMPLES["council-questions"], "formal")
    assert (
        "We do not support the proposal to put these services out to competitive tender."
        in formal.text
    )
    assert "Set the tender aside" in formal.text
    nhs = build(SAMPLES["nhs"], "formal")
    assert "We support the aims of this proposal, but we have concerns" in nhs.text
    assert "Do not go ahead" not in nhs.text


def test_the_groups_summary_agreement_and_alternatives_are_in_the_letter():
    draft = SAMPLES["rich"]
    text = body(build(draft, "formal"))
    assert draft.summary in text and "In one sentence" not in text
    assert "Where we agree\n\n" + draft.agree in text
    assert "What we propose instead" in text and "Keep it Local" in text
    # The group's description reads as a sentence: joined to its name as a phrase.
    assert "on behalf of Eastfield Carers' Network, a carers' support group run by" in text


def test_the_provider_selection_regime_is_proposed_only_where_it_applies():
    assert "Provider Selection Regime" in build(SAMPLES["nhs"], "formal").text
    joint = build(SAMPLES["joint"], "formal").text  # chose it, but a council consults
    assert "Provider Selection Regime" not in joint and "Grant funding" in joint


def test_asks_come_the_groups_own_first_then_the_reasons_merged(catalogue):
    draft = SAMPLES["rich"]
    letter = build(draft, "formal")
    asks = [t for b in letter.blocks if b.kind == "numbered" for t in b.texts]
    assert asks[:2] == draft.asks
    assert not duplicate_asks(draft, letter)


@pytest.mark.parametrize(
    ("recipient", "greeting", "close"),
    [
        ("Ms Amina Khan, Director of Commissioning", "Dear Ms Khan,", "Yours sincerely,"),
        ("Cllr Jo Bloggs", "Dear Councillor Bloggs,", "Yours sincerely,"),
        (
            "Head of Commissioning, Adult Social Care",
            "Dear Head of Commissioning,",
            "Yours faithfully,",
        ),
        ("Commissioning Team", "Dear Commissioning Team,", "Yours faithfully,"),
        ("Amina Khan", "Dear Amina Khan,", "Yours sincerely,"),
        ("", "Dear Sir or Madam,", "Yours faithfully,"),
    ],
)
def test_the_salutation_and_close_follow_the_recipient(recipient, greeting, close):
    assert salutation(recipient) == (greeting, close)


def test_letters_greet_and_close_by_the_recipient_and_the_email_names_the_group():
    nhs = build(SAMPLES["nhs"], "formal").text
    assert "Dear Ms Khan," in nhs and "Yours sincerely," in nhs
    council = build(SAMPLES["rich"], "formal").text
    assert "Dear Head of Commissioning," in council and "Yours faithfully," in council
    email = build(SAMPLES["rich"], "email")
    first = body(email).split("\n\n")[1]
    assert SAMPLES["rich"].group.name in first


def test_the_questions_letter_numbers_each_question_once_and_answers_first(catalogue):
    draft = SAMPLES["questions"]
    letter = build(draft, "questions")
    text = body(letter)
    assert "Q1." not in text and text.count("Question 1") == 1
    headings = [
        b.text for b in letter.blocks if b.kind == "subheading" and b.text.startswith("Question")
    ]
    assert headings == ["Question 1", "Question 2", "Question 3"]
    answer = draft.questions[0].answer
    assert text.index(answer) < text.index(draft.reasons[0].example)
    # Reason 9 is linked to questions 1 and 2: made once, then referred to.
    assert text.count(draft.reasons[1].example) == 1
    assert "See also Local knowledge left out of planning (question 1)." in text
    assert "We have no comment on this question." in text
    assert questions_note(draft, "questions") == "Question 3 has no answer and no linked reason."


def test_without_questions_the_questions_template_says_so():
    draft = SAMPLES["sample-draft"]
    assert "no consultation questions" in questions_note(draft, "questions")
    assert questions_note(draft, "formal") == ""


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_block_a_template_writes_has_a_unique_id(template):
    draft = SAMPLES["rich"]
    draft_q = SAMPLES["questions"]
    for d in (draft, draft_q, SAMPLES["joint"]):
        context = template_context(d, reasons_catalogue(), d.tone, LETTER_DATE)
        markup = template_environment().get_template(f"{template}.j2").render(context)
        tags = re.findall(r"<(p|h[1-3]|ul|ol|li)\b([^>]*)>", markup)
        ids = [re.search(r'id="([a-z0-9-]+)"', attrs) for _, attrs in tags]
        assert all(ids), [t for t, i in zip(tags, ids, strict=True) if not i]
        values = [i.group(1) for i in ids]
        assert len(values) == len(set(values))


def test_block_ids_are_the_same_in_every_tone():
    draft = SAMPLES["rich"]
    found = set()
    for tone in TONES:
        context = template_context(draft, reasons_catalogue(), tone, LETTER_DATE)
        markup = template_environment().get_template("formal.j2").render(context)
        found.add(tuple(re.findall(r'id="([a-z0-9-]+)"', markup)))
    assert len(found) == 1


def test_the_length_report_says_what_to_cut_first():
    draft = SAMPLES["rich"]
    letter = build(draft, "email")
    report = length_report(draft, letter, template_info("email"))
    assert report.words <= 500 and not report.over
    assert report.note.endswith("of the 500 this template allows.")
    tight = template_info("email").__class__("email", "Email", "", "", budget=100)
    over = length_report(draft, letter, tight)
    assert over.over and "your own words alone take more than that" in over.note
    assert "Leave some examples out of this letter" in over.note
    assert "the longest are reason 20 (47 words) and reason 9 (36 words)" in over.note
    assert "formal response" in over.note


def test_the_measures_find_what_they_look_for():
    assert sentence_openings("We fear it may. We fear it may. We fear it may not.") == [
        ("we fear it may", 3)
    ]
    assert repeated_passages(
        "One two three four five six seven eight. One two three four five six seven eight."
    )
    assert body(build(SAMPLES["sample-draft"], "formal")).startswith("Dear Commissioning Team,")


def test_a_passage_typed_twice_is_printed_once():
    draft = letter_samples.rich()
    draft.context = draft.group.about
    draft.reasons[1].example = draft.reasons[0].example
    draft.asks.append(draft.asks[0])
    for template in TEMPLATES:
        letter = build(draft, template)
        text = body(letter)
        assert text.count("run by volunteers on the Eastfield estate") == 1
        assert text.count(draft.reasons[0].example) == 1
        assert not repeated_passages(text) and not duplicate_asks(draft, letter)


def test_an_email_over_its_budget_on_the_groups_words_keeps_every_example_whole():
    draft = letter_samples.rich()
    for chosen in draft.reasons:
        more = (f"Record {n} for reason {chosen.id} was kept week by week." for n in range(8))
        chosen.example += " " + " ".join(more)
    letter = build(draft, "email")
    email = body(letter)
    assert all(chosen.example in email for chosen in draft.reasons)  # never cut
    assert length_report(draft, letter, template_info("email")).over
    # Leaving examples out of the email (kept in the draft) brings it back within budget.
    draft.left_out = [f"email:{r.id}" for r in draft.reasons[1:]]
    shorter = build(draft, "email")
    assert not length_report(draft, shorter, template_info("email")).over
    assert draft.reasons[0].example in body(shorter)
    assert draft.reasons[1].example not in body(shorter)
    assert draft.reasons[1].example in body(build(draft, "councillors"))


def test_a_sentence_already_printed_is_not_printed_again():
    draft = letter_samples.rich()
    draft.context = f"{draft.group.about} {draft.context}"
    for template in TEMPLATES:
        text = body(build(draft, template))
        assert text.count("run by volunteers on the Eastfield estate since 2009") == 1
        assert not repeated_passages(text)
