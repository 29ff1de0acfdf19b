"""Two tabs writing examples for different reasons (issue 25): the app offers to keep both, and
both examples are stored; nothing either tab typed is lost."""

from drafting import ChosenReason, Draft
from drafting.store import DraftStore
from tests.helpers import open_tab, texts


def test_two_tabs_writing_examples_for_different_reasons_keep_both():
    with DraftStore() as store:
        link, _ = store.create(Draft(reasons=[ChosenReason(2), ChosenReason(20)]))
    first, second = open_tab(link, "examples"), open_tab(link, "examples")
    first.text_area(key="example_2").input("Our lunch club closed in May 2026.").run()
    second.text_area(key="example_20").input("The bus to the new hub runs twice a week.").run()
    assert "you can keep both" in texts(second.warning)
    second.button(key="conflict_both").click().run()
    assert "Kept both" in texts(second.success)
    with DraftStore() as store:
        stored = store.load(link).draft
    assert [(r.id, r.example) for r in stored.reasons] == [
        (2, "Our lunch club closed in May 2026."),
        (20, "The bus to the new hub runs twice a week."),
    ]
    assert second.text_area(key="example_2").value == "Our lunch club closed in May 2026."
