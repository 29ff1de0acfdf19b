"""The Questions and fairness step under AppTest, and the journey it is for: paste three
questions, link reasons, tick two fairness concerns, download a Word file that answers every
question and lists its sources."""

import datetime as dt
import io

import docx

from drafting import ChosenReason, Draft, Question, assemble
from drafting.letter.asks import ask_subjects_of
from reasons.fairness import concerns
from tests.helpers import (
    draft_of,
    go,
    link_of,
    open_app,
    open_tab,
    preview,
    question_numbers,
    saved,
    texts,
)

PASTED = """Please answer the questions below.
Q1. Do you agree with the proposal to commission community support through a single
contract?
☐ Agree
☐ Disagree
Q2. What impact would the proposal have on your organisation?
Q3a. Is there anything else we should consider?
"""


def word_text(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_journey_paste_three_questions_link_reasons_tick_two_concerns_download(
    app_sample, downloads, catalogue
):
    app_sample.consultation.opens = "2026-12-01"
    at = open_app(app_sample, "questions")
    at.text_area(key="questions_paste").input(PASTED).run()
    assert "Found 3 questions: 1, 2 and 3a." in texts(at.caption)
    at.button(key="questions_add_pasted").click().run()
    asked = [at.text_area(key=f"question_{i}_text").value for i in range(3)]
    assert list(zip(question_numbers(at), (q[:28] for q in asked), strict=True)) == [
        ("1", "Do you agree with the propos"),
        ("2", "What impact would the propos"),
        ("3a", "Is there anything else we sh"),
    ]
    assert at.text_area(key="questions_paste").value == ""
    assert "Questions 1, 2 and 3a have no answer" in at.warning[0].value

    at.multiselect(key="question_0_reasons").set_value([2, 20]).run()
    at.multiselect(key="question_1_reasons").set_value([20]).run()
    answer = "No. Our café would lose the grant that pays for its Thursday lunch club."
    at.text_area(key="question_1_answer").input(answer).run()
    at.text_area(key="question_2_answer").input("Ask the people who use the service.").run()
    assert "no answer" not in texts(at.warning)
    assert "shorter than the 12 weeks" in texts(at.warning)  # 61 days: a hint to tick it

    at.checkbox(key="fairness_information").check().run()
    at.checkbox(key="fairness_time").check().run()
    note = "The papers came out on 1 December, with Christmas in the middle."
    at.text_area(key="fairness_time_note").input(note).run()
    assert saved(at).fairness == ["information", "time"]

    go(at, "letter")
    at.radio(key="letter_template").set_value("questions").run()
    assert "no answer" not in texts(at.warning)  # nothing flagged before the download
    name, word = downloads(at)["download_docx"]
    assert name.endswith(".docx")
    text = word_text(word)
    for label, question in zip(("1", "2", "3a"), asked, strict=True):
        heading = text.index(f"Question {label}")
        assert text[heading + 1] == question
        assert "We have no comment on this question." not in text[heading : heading + 4]
    whole = "\n".join(text)
    assert answer in text and note in whole
    example = next(r.example for r in app_sample.reasons if r.id == 20)
    assert whole.count(example) == 1  # made under question 1 only
    assert "(question 1)." in whole  # and referred to under question 2
    price = next(r.example for r in app_sample.reasons if r.id == 2)
    assert catalogue.reason(2).title in whole and price in whole
    letter = assemble(saved(at), catalogue, template="questions")
    asks = [t for b in letter.blocks if b.kind == "numbered" for t in b.texts]
    assert all(a in whole for a in asks)  # the Word letter holds the letter's asks
    for concern in concerns()[1:3]:
        # Its principle, and its ask or one of the group's asks on the same subject (one
        # list of at most six asks, merged by subject).
        assert concern.paragraph in whole
        assert any(ask_subjects_of(a) & ask_subjects_of(concern.ask) for a in asks), concern.id
    sources = [s.split(": https://")[0] for s in text[text.index("Sources") + 1 :]]
    assert "UK Supreme Court, R (Moseley) v Haringey LBC [2014] UKSC 56 (2014)" in sources
    gunning = "R (Moseley) v Haringey LBC [2014] UKSC 56, paragraph 25, setting out the Gunning"
    assert f"UK Supreme Court, {gunning} principles (2014)" in sources


def test_the_questions_survive_a_refresh_and_a_half_finished_paste_too():
    at = open_tab(page="questions")
    at.text_area(key="questions_paste").input("1. Do you agree?\n2. Why?").run()
    at.button(key="questions_add_pasted").click().run()
    at.text_area(key="question_1_answer").input("Because it works.").run()
    at.text_area(key="questions_paste").input("3. Not split yet").run()
    again = open_tab(link_of(at), "questions")
    assert again.text_area(key="question_1_answer").value == "Because it works."
    assert again.text_area(key="questions_paste").value == "3. Not split yet"
    assert question_numbers(again) == ["1", "2"]


def test_a_question_can_be_renumbered_edited_removed_and_added_by_hand():
    draft = Draft(questions=[Question("First?", number="1"), Question("Second?", number="2")])
    at = open_app(draft, "questions")
    at.text_input(key="question_1_number").input("2b").run()
    at.text_area(key="question_1_text").input("Second, reworded?").run()
    assert saved(at).questions[1] == Question("Second, reworded?", number="2b")
    at.button(key="question_remove_0").click().run()
    assert question_numbers(at) == ["2b"]
    assert at.text_input(key="question_0_number").value == "2b"
    at.button(key="question_add").click().run()
    assert question_numbers(at) == ["2b", ""]
    assert at.text_area(key="question_1_text").value == ""


def test_pasting_nothing_useful_says_so_and_adds_nothing():
    at = open_app(page="questions")
    at.button(key="questions_add_pasted").click().run()
    assert "No questions found" in at.toast[0].value
    assert question_numbers(at) == []


def test_your_chosen_reasons_are_offered_first(app_sample):
    app_sample.questions = [Question("Why?")]
    at = open_app(app_sample, "questions")
    options = at.multiselect(key="question_0_reasons").options
    assert options[:3] == [
        "2. Price comes before quality",
        "20. Small local groups may not survive",
        "1. Competition undermines joint working",
    ]
    assert len(options) == 26


def test_an_unanswered_question_is_flagged_on_the_page_the_sidebar_and_before_download(app_sample):
    app_sample.questions = [Question("Why?", number="4")]
    at = open_app(app_sample, "questions")
    assert "Question 4 has no answer and no linked reason." in at.warning[0].value
    assert "Question 4 has no answer" in texts(at.sidebar.markdown)
    go(at, "letter")
    assert "Question 4 has no answer" in texts(at.warning)
    assert "choose *Answers to the consultation's questions*" in texts(at.caption)


def test_unticking_a_concern_keeps_its_note_for_later():
    at = open_app(page="questions")
    at.checkbox(key="fairness_equality").check().run()
    at.text_area(key="fairness_equality_note").input("No assessment in the papers.").run()
    at.checkbox(key="fairness_equality").uncheck().run()
    assert saved(at).fairness == []
    at.checkbox(key="fairness_equality").check().run()
    assert at.text_area(key="fairness_equality_note").value == "No assessment in the papers."


def test_the_time_concern_says_how_long_the_consultation_runs():
    draft, opens = Draft(), dt.date.today() + dt.timedelta(days=1)  # open on any day it runs
    draft.consultation.opens = opens.isoformat()
    draft.consultation.closes = (opens + dt.timedelta(days=42)).isoformat()
    at = open_app(draft, "questions")
    assert "runs for 42 days (6 weeks): shorter than the 12 weeks" in texts(at.warning)
    at.checkbox(key="fairness_time").check().run()  # ticked: the nudge becomes a note
    assert not at.main.warning and "runs for 42 days" in texts(at.caption)
    draft_of(at).consultation.opens = ""
    at.run()
    assert "Enter the dates the consultation opened" in texts(at.caption)


def test_ticked_concerns_reach_the_preview_with_their_asks(app_sample):
    app_sample.fairness = ["equality"]
    at = open_app(app_sample, "letter")
    shown = preview(at)
    # Its ask and its source; the sentence naming its principle (and the section over it) only
    # where the letter has room for the app's own words after the group's.
    assert concerns()[3].ask in shown and "Equality Act 2010, section 149 (2010)" in shown


def test_the_new_step_sits_between_about_you_and_your_letter():
    at = open_app(page="details")
    assert at.button(key="details_next").label == "Next: Questions and fairness"
    at.button(key="details_next").click().run()
    assert at.title[0].value == "Questions and fairness"
    assert at.button(key="questions_next").label == "Next: Your letter"
    assert at.caption[0].value == "Step 5 of 6"


def test_hostile_text_in_a_question_stays_text(app_sample):
    hostile = "1. {{ 7*7 }} <script>alert(1)</script> [link](http://x) $5"
    at = open_app(app_sample, "questions")
    at.text_area(key="questions_paste").input(hostile).run()
    at.button(key="questions_add_pasted").click().run()
    assert not at.exception
    assert at.text_area(key="question_0_text").value == hostile[3:]
    at.text_area(key="question_0_answer").input("An answer.").run()
    go(at, "letter")
    at.radio(key="letter_template").set_value("questions").run()
    assert hostile[3:] in preview(at) and "49" not in preview(at)


def test_the_closing_date_counts_down_and_warns_once_passed():
    draft = Draft(reasons=[ChosenReason(2)])
    draft.consultation.closes = (dt.date.today() - dt.timedelta(days=2)).isoformat()
    at = open_app(draft, "questions")
    assert "closed 2 days ago" in texts(at.main.warning)
    assert "closed 2 days ago" in texts(at.sidebar.warning)
    draft_of(at).consultation.closes = (dt.date.today() + dt.timedelta(days=5)).isoformat()
    at.run()
    assert "closes in 5 days" in texts(at.main.info)
