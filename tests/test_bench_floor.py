"""The benchmark's floor app draws what the page draws: the same elements, in the same
fragments (bench/floor.py), so that a page's rerun against it measures the page's own logic."""

from collections import Counter

from streamlit.testing.v1 import AppTest, local_script_runner

from bench import floor
from tests.helpers import go, open_app


def _kinds(at: AppTest) -> Counter:
    found = Counter()

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            found[getattr(child, "type", None)] += 1
            walk(child)

    walk(at.main)
    walk(at.sidebar)
    return found


def test_the_floor_of_choose_reasons_draws_its_elements_in_its_fragments(
    sample, monkeypatch, tmp_path
):
    monkeypatch.setattr(
        local_script_runner, "parse_tree_from_messages", floor.parse_tree_keeping_fragments
    )
    page = go(open_app(sample), "reasons")
    floor.remember(page)
    script = floor.write_floor_app(page, "reasons", tmp_path)

    source = (tmp_path / "reasons.py").read_text(encoding="utf-8")
    assert source.count("@st.fragment") == 6  # one for each theme's tick boxes
    the_floor = AppTest.from_file(str(script), default_timeout=30).run()
    assert not the_floor.exception
    page_kinds, floor_kinds = _kinds(page), _kinds(the_floor)
    assert floor_kinds["checkbox"] == page_kinds["checkbox"] == 26
    assert [c.label for c in the_floor.checkbox] == [c.label for c in page.checkbox]
    for kind in (
        "button",
        "markdown",
        "header",
        "selectbox",
        "text_input",
        "download_button",
        "html",
    ):
        assert floor_kinds[kind] == page_kinds[kind], kind
