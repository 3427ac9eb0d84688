"""The consent rule at its boundaries: no record, first and last day, expiry, withdrawal."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta

import pytest
from register_testing import TODAY

from spoenk_publisher.register import (
    ConsentState,
    Person,
    Register,
    Role,
    UnknownChannel,
    UnknownPerson,
    school_year_end,
)

START = date(2026, 12, 1)
END = date(2027, 7, 31)
DAY = timedelta(days=1)


def test_no_record_means_no(register: Register, sanne: Person) -> None:
    assert not register.may_appear(sanne.id, "instagram", TODAY)
    status = register.consent_status(sanne.id, "instagram", TODAY)
    assert status.state is ConsentState.NONE
    assert status.valid_until is None and status.record_id is None


def test_unknown_person_means_no(register: Register) -> None:
    assert not register.may_appear("9999", "instagram", TODAY)


def test_unknown_channel_is_an_error_not_an_answer(register: Register, sanne: Person) -> None:
    with pytest.raises(UnknownChannel, match="tiktok"):
        register.may_appear(sanne.id, "tiktok", TODAY)


def test_consent_holds_from_its_first_to_its_last_day(register: Register, sanne: Person) -> None:
    register.record_consent(sanne.id, "instagram", True, valid_from=START, valid_until=END)

    assert not register.may_appear(sanne.id, "instagram", START - DAY)
    assert register.may_appear(sanne.id, "instagram", START)
    assert register.may_appear(sanne.id, "instagram", END)
    assert not register.may_appear(sanne.id, "instagram", END + DAY)

    # Before its first day the consent is coming, not missing: said so (and still no).
    coming = register.consent_status(sanne.id, "instagram", START - DAY)
    assert coming.state is ConsentState.NOT_YET and coming.valid_from == START
    assert not coming.allowed
    expired = register.consent_status(sanne.id, "instagram", END + DAY)
    assert expired.state is ConsentState.EXPIRED
    assert expired.valid_until == END


def test_consent_is_per_channel(register: Register, sanne: Person) -> None:
    register.record_consent(sanne.id, "website", True, valid_from=START, valid_until=END)
    assert register.may_appear(sanne.id, "website", START)
    assert not register.may_appear(sanne.id, "instagram", START)


def test_withdrawal_means_no_from_its_day_and_keeps_history(
    register: Register, sanne: Person
) -> None:
    granted = register.record_consent(
        sanne.id, "instagram", True, valid_from=START, valid_until=END
    )
    withdrawal_day = date(2027, 3, 10)
    register.withdraw(sanne.id, ["instagram"], valid_from=withdrawal_day)

    assert register.may_appear(sanne.id, "instagram", withdrawal_day - DAY)
    assert not register.may_appear(sanne.id, "instagram", withdrawal_day)
    assert not register.may_appear(sanne.id, "instagram", END)
    status = register.consent_status(sanne.id, "instagram", withdrawal_day)
    assert status.state is ConsentState.WITHDRAWN

    history = register.consent_history(sanne.id, "instagram")
    assert [record.status for record in history] == ["granted", "withdrawn"]
    assert history[0] == granted  # the grant itself is unchanged


def test_withdrawal_without_channels_covers_every_channel(
    register: Register, sanne: Person
) -> None:
    for channel in ("website", "instagram", "yurls"):
        register.record_consent(sanne.id, channel, True, valid_from=START, valid_until=END)
    records = register.withdraw(sanne.id, valid_from=START)
    assert {record.channel for record in records} == {c.name for c in register.channels()}
    assert not any(register.may_appear(sanne.id, c.name, START) for c in register.channels())


def test_new_consent_after_a_withdrawal_counts(register: Register, sanne: Person) -> None:
    register.record_consent(sanne.id, "instagram", True, valid_from=START, valid_until=END)
    register.withdraw(sanne.id, ["instagram"], valid_from=START)
    register.record_consent(sanne.id, "instagram", True, valid_from=START, valid_until=END)
    assert register.may_appear(sanne.id, "instagram", START)


def test_refusal_means_no_and_says_so(register: Register, sanne: Person) -> None:
    register.record_consent(sanne.id, "facebook", False, valid_from=START)
    status = register.consent_status(sanne.id, "facebook", START)
    assert status.state is ConsentState.REFUSED
    assert not status.allowed


def test_latest_record_wins_even_when_it_starts_earlier(register: Register, sanne: Person) -> None:
    register.record_consent(sanne.id, "x", True, valid_from=START, valid_until=END)
    # Recorded later, valid from an earlier day: a letter dated before the form was typed in.
    register.withdraw(sanne.id, ["x"], valid_from=START - 5 * DAY)
    assert not register.may_appear(sanne.id, "x", START)


def test_a_future_consent_does_not_count_before_it_starts(
    register: Register, sanne: Person
) -> None:
    register.record_consent(sanne.id, "website", True, valid_from=START, valid_until=END)
    register.record_consent(
        sanne.id, "website", True, valid_from=date(2027, 8, 1), valid_until=date(2028, 7, 31)
    )
    assert register.may_appear(sanne.id, "website", END)
    assert register.may_appear(sanne.id, "website", date(2027, 8, 1))
    assert not register.may_appear(sanne.id, "website", date(2028, 8, 1))


def test_default_end_is_the_end_of_the_school_year(register: Register, sanne: Person) -> None:
    record = register.record_consent(sanne.id, "website", True, today=TODAY)
    assert record.valid_from == TODAY
    assert record.valid_until == date(2027, 7, 31)


@pytest.mark.parametrize(
    ("on", "end"),
    [
        (date(2026, 11, 25), date(2027, 7, 31)),
        (date(2027, 1, 1), date(2027, 7, 31)),
        (date(2027, 7, 31), date(2027, 7, 31)),
        (date(2027, 8, 1), date(2028, 7, 31)),
    ],
)
def test_school_year_end(on: date, end: date) -> None:
    assert school_year_end(on) == end


def test_consent_for_an_unknown_person_is_refused(register: Register) -> None:
    with pytest.raises(UnknownPerson):
        register.record_consent("9999", "website", True)


def test_consent_cannot_end_before_it_starts(register: Register, sanne: Person) -> None:
    from spoenk_publisher.register import InvalidRecord

    with pytest.raises(InvalidRecord, match="before it starts"):
        register.record_consent(sanne.id, "website", True, valid_from=END, valid_until=START)
    assert register.consent_history(sanne.id) == []


def test_the_database_refuses_to_rewrite_history(register: Register, sanne: Person) -> None:
    record = register.record_consent(sanne.id, "website", True, valid_from=START, valid_until=END)
    with pytest.raises(sqlite3.IntegrityError, match="never changed"):
        register.db.conn.execute(
            "UPDATE consents SET valid_until = '2030-07-31' WHERE id = ?", (record.id,)
        )


def test_consent_statuses_answers_for_everyone(register: Register, sanne: Person) -> None:
    register.add_person(Person("1002", "Daan Jansen", "5B"))
    register.record_consent(sanne.id, "website", True, valid_from=START, valid_until=END)
    statuses = register.consent_statuses("website", START)
    assert statuses[sanne.id].allowed
    assert statuses["1002"].state is ConsentState.NONE
    assert statuses["1002"] == register.consent_status("1002", "website", START)
    assert statuses[sanne.id] == register.consent_status(sanne.id, "website", START)


def test_the_bulk_query_gives_the_per_person_answer_for_every_history(register: Register) -> None:
    """Decisions read consent for a whole channel at once (``consent_statuses``); that query must
    give, for every person and day, exactly what the per-person rule gives: granted, refused,
    withdrawn, expired and none alike, whatever order the records were made in."""
    rng = random.Random(20261129)
    first = date(2026, 8, 1)
    days = [first + timedelta(days=offset) for offset in range(0, 420, 7)]
    for number in range(60):
        person = register.add_person(Person(f"P{number:03d}", f"Kind {number}", "5B", Role.PUPIL))
        for _ in range(rng.randrange(0, 5)):
            start = rng.choice(days)
            kind = rng.choice(["grant", "grant", "refuse", "withdraw"])
            if kind == "withdraw":
                register.withdraw(person.id, ["instagram"], valid_from=start)
            else:
                until = start + timedelta(days=rng.randrange(0, 200)) if kind == "grant" else None
                register.record_consent(
                    person.id, "instagram", kind == "grant", valid_from=start, valid_until=until
                )
    seen: set[ConsentState] = set()
    for day in days:
        bulk = register.consent_statuses("instagram", day)
        for person in register.people():
            single = register.consent_status(person.id, "instagram", day)
            assert bulk[person.id] == single, (person.id, day)
            seen.add(single.state)
    assert seen == set(ConsentState)  # every state was compared
