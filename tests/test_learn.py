"""The Learn pages: every condition and technique of the source text has one; links resolve."""

from __future__ import annotations

from pathlib import Path

import pytest

from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.learn import Learn

CONDITIONS = [
    "runners-knee",
    "shin-splints",
    "achilles-tendonitis",
    "plantar-fasciitis",
    "it-band-syndrome",
    "patellar-tendonitis",
    "lower-back-pain",
]
TECHNIQUES = [
    "myofascial-release",
    "joint-mobilisation",
    "soft-tissue-massage",
    "trigger-point-therapy",
    "manual-stretching",
    "gait-analysis",
    "strength-training",
    "dry-needling",
    "kinesiology-taping",
    "heat-and-cold",
]


@pytest.fixture(scope="module")
def learn() -> Learn:
    return Learn.load()


@pytest.mark.parametrize("page_id", [*CONDITIONS, *TECHNIQUES, "why-physical-therapy", "safety"])
def test_every_condition_and_technique_has_a_page(learn: Learn, page_id: str) -> None:
    page = learn.page(page_id)
    assert page.title and len(page.text.split()) > 60


@pytest.mark.parametrize("condition", CONDITIONS)
def test_each_condition_page_links_to_its_routine(learn: Learn, condition: str) -> None:
    assert f"routine:{condition}" in learn.page(condition).links()


def test_every_link_resolves(learn: Learn, tmp_path: Path) -> None:
    catalog = Catalog.load(tmp_path)
    broken = []
    for page in learn.pages:
        for link in page.links():
            kind, _, target = link.partition(":")
            known = {"learn": learn, "exercise": catalog.exercises, "routine": catalog.routines}
            if target not in known[kind]:
                broken.append(f"{page.id}: {link}")
    assert broken == []


def test_every_exercise_links_to_a_learn_page(learn: Learn, tmp_path: Path) -> None:
    catalog = Catalog.load(tmp_path)
    missing = [ex.id for ex in catalog.exercises.values() if ex.learn not in learn]
    assert missing == []


def test_safety_says_to_stop_on_sharp_pain_and_that_the_app_is_no_therapist(learn: Learn) -> None:
    text = learn.page("safety").text.lower()
    assert "sharp" in text and "does not replace a physical therapist" in text


def test_search_ranks_the_page_about_the_words_first(learn: Learn) -> None:
    hits = learn.search("IT band")
    assert hits[0].page.id == "it-band-syndrome"
    assert "band" in hits[0].snippet.lower()
    assert learn.search("   ") == []
    assert learn.search("zzzz-no-such-word") == []


def test_an_unknown_page_names_the_known_ones(learn: Learn) -> None:
    with pytest.raises(KeyError, match="safety"):
        learn.page("nope")
