"""The home window's quick estimate equals the expanded plan's length, to the bit."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from ptcoach.catalog.catalog import Catalog
from ptcoach.engine.plan import expand, total_s


@pytest.fixture(scope="module")
def routines(tmp_path_factory):
    return Catalog.load(tmp_path_factory.mktemp("data")).routines


def test_the_estimate_equals_the_plan_for_every_builtin_routine(routines):
    assert routines
    for routine in routines.values():
        for lead in (None, 0.0, 7.5):
            assert total_s(routine, lead_in_s=lead) == expand(routine, lead_in_s=lead).total_s


def test_the_estimate_equals_the_plan_for_random_targets(routines):
    rng = random.Random(20240611)
    for _ in range(200):
        routine = rng.choice(list(routines.values()))
        targets = [
            replace(
                t,
                sets=rng.randint(0, 5),
                reps=None if t.reps is None else rng.randint(0, 30),
                hold_s=None if t.hold_s is None else rng.choice([0.0, 0.5, 12.3, 45.0]),
                cold_s=None if t.cold_s is None else rng.uniform(0, 90),
                rest_s=rng.choice([0.0, 0.1, 30.0, 61.7]),
            )
            for t in routine.default_targets()
        ]
        lead = rng.choice([None, 0.0, 3.3])
        assert (
            total_s(routine, targets, lead_in_s=lead)
            == expand(routine, targets, lead_in_s=lead).total_s
        ), routine.id
