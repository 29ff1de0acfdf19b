"""The reader on the corpus of real consultation documents (tests/data/consultations), in every
form a group has them, meets the targets of issue 23, as `python -m bench.reader` reports."""

import pytest

from bench.reader import CORPUS, FORMS, documents, run
from drafting.reading.reader import read_consultation


@pytest.fixture(scope="module")
def tallies():
    return run(read_consultation)


@pytest.mark.parametrize("form", [*FORMS, "all"])
def test_the_reader_meets_the_targets_on_every_form(tallies, form):
    assert tallies[form].meets_targets() == []


def test_the_corpus_has_its_documents_and_forms():
    names = documents()
    assert len(names) == 37
    assert [len(documents(which=w)) for w in ("first", "second", "third")] == [24, 8, 5]
    for name in names:
        assert (CORPUS / f"{name}.source").read_text(encoding="utf-8").startswith("url: http")
        for pattern in FORMS.values():
            assert (CORPUS / "forms" / pattern.format(name=name)).stat().st_size > 0
