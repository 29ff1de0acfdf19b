"""Every source the app cites is in the checked list (reasons/sources.toml) with the same
publisher, title, year and link, and the corrections of November 2026 hold."""

import tomllib

import pytest

from reasons.catalogue import FOLDER
from reasons.fairness import concerns

SOURCES = tomllib.loads((FOLDER / "sources.toml").read_text(encoding="utf-8"))["sources"]
CHECKED = {(s["publisher"], s["title"], s["year"]): s["url"] for s in SOURCES}


def _cited(catalogue):
    for reason in catalogue.reasons:
        for e in reason.evidence:
            yield f"reason {reason.id}", e.publisher, e.title, e.year, e.url
    for concern in concerns():
        for s in concern.sources:
            yield f"concern {concern.id}", s.publisher, s.title, s.year, s.url


def test_every_cited_source_is_in_the_checked_list(catalogue):
    for where, publisher, title, year, url in _cited(catalogue):
        key = (publisher, title, year)
        assert key in CHECKED, f"{where}: {key} is not in sources.toml"
        assert CHECKED[key] == url, f"{where}: the link differs from sources.toml"


def test_every_checked_source_is_cited_and_has_a_link(catalogue):
    cited = {(p, t, y) for _, p, t, y, _ in _cited(catalogue)}
    assert set(CHECKED) == cited
    assert all(url.startswith("https://") for url in CHECKED.values())


@pytest.mark.parametrize(
    ("title", "publisher", "year"),
    [
        ("R v North and East Devon HA ex p Coughlan", "Court of Appeal", 1999),
        ("Consultation Principles", "Cabinet Office", 2018),
        ("Rebuilding Capacity: The case for insourcing public contracts", "APSE", 2019),
        ("The True Cost of Delivering Public Services", "NCVO", 2024),
    ],
)
def test_the_corrected_citations(title, publisher, year):
    assert (publisher, title, year) in CHECKED


def test_berry_is_never_cited_and_the_38_per_cent_is_navigating_changes(catalogue):
    text = " ".join(str(key) for key in CHECKED)
    text += " ".join(c.paragraph + c.summary for c in concerns())
    assert "Berry" not in text
    thirty_eight = [e for r in catalogue.reasons for e in r.evidence if "38%" in e.text]
    assert thirty_eight and all("Navigating Change" in e.title for e in thirty_eight)
    assert all(e.year == 2016 for e in thirty_eight)


def test_the_institute_for_governments_two_findings_are_kept_apart(catalogue):
    (ifg,) = [e for e in catalogue.reason(26).evidence if e.publisher == "Institute for Government"]
    first, second = ifg.text.split(". ", 1)
    assert "20 to 30%" in first and "5 to 10%" not in first
    assert "5 to 10%" in second
