"""Times as the history stores them: UTC ISO 8601 with milliseconds and a Z."""

from __future__ import annotations

from datetime import UTC, datetime


def to_iso(moment: datetime) -> str:
    """`2026-11-27T07:30:00.000Z` for an aware datetime (naive ones are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def from_iso(text: str) -> datetime:
    """The aware UTC datetime of a stored time."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime | None = None) -> str:
    """A file-name-safe UTC timestamp, e.g. `20261127T073000Z`."""
    return (moment or utc_now()).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def local_days_ago(when: datetime, now: datetime | None = None) -> int:
    """Whole calendar days between `when` and `now` on the runner's local dates (as the
    adherence figures count them): 10:00 and 23:30 the same local day are 0 days apart,
    whatever the UTC dates are. A naive `when` is taken as UTC, as the history stores it."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now if now is not None else datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return (now.astimezone().date() - when.astimezone().date()).days
