"""In a real browser: drop the consultation document on Start, confirm what was found, and see
the details, questions and suggested reasons filled in with their quotes."""

from __future__ import annotations

from playwright.sync_api import expect

from tests import consultation_docs as docs
from tests.browser.conftest import commit, go_to, open_app

QUOTE = (
    "We propose to appoint a single lead provider to deliver one integrated and unified service"
    " model across the whole city from 1 April 2027."
)
EXAMPLE = (
    "A national company already runs day services in Eastbrook, where three lunch clubs closed."
)


def test_a_dropped_document_fills_the_details_questions_and_quoted_reasons(
    app_server, page, tmp_path
):
    document = tmp_path / "wellbeing-consultation.pdf"
    document.write_bytes(docs.paper_pdf())
    open_app(page, app_server)
    uploader = page.get_by_role("region", name="The consultation document (PDF or Word)")
    with page.expect_file_chooser() as chooser:
        uploader.get_by_role("button", name="Upload", exact=True).click()
    chooser.value.set_files(document)

    expect(page.get_by_text("What we found in wellbeing-consultation.pdf")).to_be_visible()
    expect(page.get_by_label("Title of the consultation")).to_have_value(
        "Consultation on the future of community wellbeing services"
    )
    expect(page.get_by_text(f"\u2018{QUOTE}\u2019 (page 3)").first).to_be_visible()
    page.get_by_role("button", name="Fill in my response").click()
    expect(page.get_by_text("we filled in: the title, the public body")).to_be_visible()

    go_to(page, "About you", "About you and the consultation")
    expect(page.get_by_label("Who is consulting")).to_have_value("Westbrook City Council")
    expect(page.get_by_label("How to respond")).to_have_value(
        "wellbeing.consultation@westbrook.example; https://haveyoursay.westbrook.example/wellbeing;"
        " Freepost WESTBROOK CONSULTATION, Civic Centre, Market Street, Westbrook WB1 2AA"
    )
    go_to(page, "Questions and fairness")
    expect(page.get_by_label("The question").first).to_have_value(
        "Do you agree with our proposal to appoint a single lead provider?"
    )
    expect(page.get_by_text("Question 3b")).to_be_visible()
    go_to(page, "Local examples")
    expect(
        page.get_by_text("Your letter quotes the consultation document beside your example:").first
    ).to_be_visible()
    # The letter puts a quote beside the group's own example (a reason with none is only named
    # in it, issue 22): give the reason that quotes the single lead provider its example.
    commit(page.get_by_label("Your local example for reason 14", exact=True), EXAMPLE)
    go_to(page, "Your letter")
    expect(
        page.get_by_text(
            f"Your document proposes \u2018{QUOTE.rstrip('.')}\u2019 (page 3). {EXAMPLE}"
        )
    ).to_be_visible()
    expect(page.get_by_text("Consultation closes: 15 December 2026")).to_be_visible()
