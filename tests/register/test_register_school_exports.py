"""A school's own consent export, imported as it is: the four layouts of tests/data/register/
schools/ (ParnasSys/Parro, Magister, SOMtoday, Social Schools; made up from their public
descriptions), the consent per person per channel they lead to, and the rules around them:
unanswered is no, categories to channels, ambiguity and --map, the remembered mapping, the
stable id without a pupil number, the school year as validity and the 16+ flag.

Dates are relative to the ``today`` fixture (the suite also runs with --today in other years).
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from register_testing import CSV_DIR

from spoenk_publisher.register import (
    AnsweredBy,
    ConsentState,
    Register,
    RegisterImportError,
    Role,
    school_year_end,
)
from spoenk_publisher.register.import_columns import answer
from spoenk_publisher.register.import_store import person_id_key, stable_person_id

SCHOOLS = CSV_DIR / "schools"
SOCIAL = ("instagram", "facebook", "x", "youtube", "linkedin")
PUBLIC = ("website", *SOCIAL, "yurls")

GRANTED, REFUSED, NONE = ConsentState.GRANTED, ConsentState.REFUSED, ConsentState.NONE


def consent(register: Register, person_id: str, on: date) -> dict[str, ConsentState]:
    """The consent in force per channel for one person."""
    return {
        channel.name: register.consent_status(person_id, channel.name, on).state
        for channel in register.channels()
    }


def expect(granted=(), refused=(), none=()) -> dict[str, ConsentState]:
    """The state of every default channel; channels not named must hold no record at all."""
    channels = ("website", "newsletter", *SOCIAL, "yurls")
    states = dict.fromkeys(channels, NONE)
    states.update(dict.fromkeys(granted, GRANTED))
    states.update(dict.fromkeys(refused, REFUSED))
    states.update(dict.fromkeys(none, NONE))
    return states


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


# -- the four layouts ----------------------------------------------------------------------------


def test_parnassys_export_windows_1252_semicolons(register: Register, today: date) -> None:
    summary = register.import_csv(SCHOOLS / "parnassys-parro.csv", today=today)

    assert (summary.people_added, summary.people_updated) == (5, 0)
    assert register.person("4003").name == "Zoë Çelik"  # Windows-1252
    assert register.person("4005").name == "Fatima El Amrani"  # roepnaam + voorvoegsel + achternaam
    assert register.person("4001").group == "5B"
    assert register.person("4001").role is Role.PUPIL  # no rol column: a pupil
    assert consent(register, "4001", today) == expect(
        granted=("website", "newsletter"), refused=SOCIAL
    )
    assert consent(register, "4002", today) == expect(granted=("website", "newsletter", *SOCIAL))
    # Nothing answered: no consent anywhere, and nothing recorded (no one refused).
    assert consent(register, "4003", today) == expect()
    assert register.consent_history("4003") == []
    # "Onbekend" for social media: no.
    assert consent(register, "4004", today) == expect(granted=("newsletter",), refused=("website",))
    assert consent(register, "4005", today) == expect(refused=("website", "newsletter", *SOCIAL))
    # Yurls has no column: the file leaves it alone.
    assert all(register.consent_history(p, "yurls") == [] for p in ("4001", "4002", "4005"))

    unanswered = [(u.person_id, u.column, u.value) for u in summary.unanswered]
    assert unanswered == [
        ("4003", "Beeldmateriaal nieuwsbrief", ""),
        ("4003", "Beeldmateriaal social media", ""),
        ("4003", "Beeldmateriaal website", ""),
        ("4004", "Beeldmateriaal social media", "Onbekend"),
    ]
    assert summary.plan is not None
    ignored = [c.label for c in summary.plan.columns if c.target.reason == "internal"]
    assert ignored == [
        "Beeldmateriaal Parro",
        "Beeldmateriaal schoolgids",
        "Deelname aan onderzoeken",
    ]


def test_magister_export_bom_commas_and_quoted_empty_fields(register: Register, today: date):
    summary = register.import_csv(SCHOOLS / "magister.csv", today=today)

    assert summary.people_added == 4
    assert register.person("123401").name == "Lotte van der Berg"
    assert register.person("123404").name == "Mohammed Yılmaz"
    assert register.person("123401").group == "H4A"
    assert consent(register, "123401", today) == expect(
        granted=("website", "newsletter"), refused=SOCIAL
    )
    assert consent(register, "123402", today) == expect(granted=("website", "newsletter", *SOCIAL))
    assert consent(register, "123403", today) == expect(granted=("website",), refused=SOCIAL)
    assert consent(register, "123404", today) == expect(refused=("website", "newsletter", *SOCIAL))
    assert [(u.person_id, u.column) for u in summary.unanswered] == [
        ("123403", "Gebruik beeldmateriaal in de digitale nieuwsbrief")
    ]
    # Who answered is kept with each record (the 16+ rule).
    assert register.consent_history("123401", "website")[0].answered_by is AnsweredBy.PUPIL
    assert register.consent_history("123402", "website")[0].answered_by is AnsweredBy.PARENT
    assert summary.plan is not None
    by_label = {c.label: c for c in summary.plan.columns}
    assert by_label["E-mailadres"].target.reason == "unused"
    assert by_label["Gebruik beeldmateriaal in het jaarboek"].target.reason == "internal"
    # The date of birth is not kept; only the month the pupil turns 16.
    assert register.turns_16_months()["123401"] == date(2025, 5, 1)
    columns = [row[1] for row in register.db.conn.execute("PRAGMA table_info(people)")]
    assert not any("birth" in column or "geboorte" in column for column in columns)


def test_somtoday_one_row_per_question_with_title_rows(register: Register, today: date):
    summary = register.import_csv(SCHOOLS / "somtoday.csv", today=today)

    assert summary.plan is not None
    assert summary.plan.header_line == 4  # two title rows and an empty line above it
    assert summary.plan.long
    assert summary.people_added == 3
    assert register.person("5002").name == "Finn de Boer"
    assert register.person("5002").group == "1A"
    assert consent(register, "5001", today) == expect(
        granted=("website", "newsletter"), refused=SOCIAL
    )
    assert consent(register, "5002", today) == expect(granted=("website", *SOCIAL))
    assert consent(register, "5003", today) == expect(granted=("newsletter",), refused=("website",))
    # An empty answer, and a question with no row for the pupil: both counted as no.
    assert [(u.person_id, u.column) for u in summary.unanswered] == [
        ("5002", "Foto's in de nieuwsbrief"),
        ("5003", "Foto's en video's op sociale media"),
    ]
    internal = [q.label for q in summary.plan.questions if q.target.reason == "internal"]
    assert internal == ["Deelname aan wetenschappelijk onderzoek"]


def test_social_schools_workbook_without_pupil_numbers(register: Register, today: date) -> None:
    summary = register.import_csv(SCHOOLS / "social-schools.xlsx", today=today)

    assert summary.plan is not None
    assert (summary.plan.kind, summary.plan.sheet, summary.plan.header_line) == (
        "xlsx",
        "Toestemmingen",  # the first sheet has no list: the one with a header is taken
        3,
    )
    key = person_id_key(register.db)
    mila = stable_person_id(key, "Mila Hendriks", date(2014, 4, 4))
    luuk = stable_person_id(key, "Luuk van Dam", date(2013, 10, 12))  # a real date cell
    tess = stable_person_id(key, "Tess Kok", date(2013, 12, 21))
    assert sorted(p.id for p in register.people()) == sorted([mila, luuk, tess])
    for person_id in (mila, luuk, tess):
        assert person_id.startswith("zn-") and len(person_id) == 15
        assert not any(part in person_id for part in ("2014", "2013", "0404", "1012"))
    # "buiten Social Schools": every public channel; "binnen": nothing; no newsletter column.
    assert consent(register, mila, today) == expect(granted=PUBLIC)
    assert consent(register, luuk, today) == expect(refused=PUBLIC)
    assert consent(register, tess, today) == expect()  # "Niet ingevuld"
    assert [(u.person_id, u.value) for u in summary.unanswered] == [(tess, "Niet ingevuld")]


def test_a_reimport_without_pupil_numbers_updates_the_same_people(
    register: Register, today: date, tmp_path: Path
) -> None:
    register.import_csv(SCHOOLS / "social-schools.xlsx", today=today)
    before = {p.name: p.id for p in register.people()}

    again = register.import_csv(SCHOOLS / "social-schools.xlsx", today=today)
    assert (again.people_added, again.people_updated, again.consent_records_added) == (0, 0, 0)

    # Next year: Mila moved up a group and her name was typed with another case and spacing.
    changed = tmp_path / "volgend-jaar.xlsx"
    shutil.copy(SCHOOLS / "social-schools.xlsx", changed)
    book = load_workbook(changed)
    sheet = book["Toestemmingen"]
    sheet["A4"], sheet["C4"], sheet["E4"] = "mila", "HENDRIKS ", "Groep 8"
    book.save(changed)
    summary = register.import_csv(changed, today=today)

    assert (summary.people_added, summary.people_updated) == (0, 1)
    assert len(register.people()) == 3
    mila = register.person(before["Mila Hendriks"])
    assert (mila.name, mila.group) == ("mila HENDRIKS", "Groep 8")


def test_every_sample_imports_twice_without_changes(tmp_path: Path, today: date) -> None:
    for sample in sorted(SCHOOLS.glob("*.*")):
        if sample.suffix not in (".csv", ".xlsx"):
            continue
        with Register.open(tmp_path / f"{sample.stem}.db", actor="tester") as register:
            register.import_csv(sample, today=today)
            again = register.import_csv(sample, today=today)
            assert (again.people_added, again.people_updated) == (0, 0), sample.name
            assert again.consent_records_added == 0, sample.name


# -- answers and categories ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "meaning"),
    [
        ("ja", True), ("Ja", True), ("J", True), ("yes", True), ("TRUE", True), ("1", True),
        ("x", True), ("X", True), ("✓", True), ("WAAR", True), ("Ja, ik geef toestemming", True),
        ("nee", False), ("N", False), ("no", False), ("false", False), ("0", False),
        ("✗", False), ("Nee, liever niet", False), ("Geen toestemming", False),
        ("", None), ("  ", None), ("onbekend", None), ("Niet ingevuld", None), ("-", None),
        ("misschien", "misschien"), ("geen bezwaar", "geen bezwaar"),
    ],
)  # fmt: skip
def test_answer_words(value: str, meaning: object) -> None:
    assert answer(value) == meaning


def test_a_platform_column_wins_over_social_media_and_public(
    register: Register, today: date, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "mixed.csv",
        "leerlingnummer;naam;Foto's openbaar;Social media;Instagram;Foto's in de nieuwsbrief\n"
        "1;Sanne de Vries;ja;nee;ja;nee\n",
    )
    summary = register.import_csv(path, today=today)

    assert consent(register, "1", today) == expect(
        granted=("instagram", "website", "yurls"),
        refused=("facebook", "x", "youtube", "linkedin", "newsletter"),
    )
    assert summary.plan is not None
    deciding = {c.label: c.channels for c in summary.plan.columns if c.target.kind == "consent"}
    assert deciding == {
        "Foto's openbaar": ("website", "yurls"),
        "Social media": ("facebook", "x", "youtube", "linkedin"),
        "Instagram": ("instagram",),
        "Foto's in de nieuwsbrief": ("newsletter",),
    }


def test_an_empty_answer_ends_a_consent_in_force(
    register: Register, today: date, tmp_path: Path
) -> None:
    """The register's own format too: an unanswered question is no, not "leave it"."""
    header = "leerlingnummer;naam;rol;website;instagram\n"
    register.import_csv(write(tmp_path / "a.csv", header + "1;Sanne;leerling;ja;ja\n"), today=today)
    summary = register.import_csv(
        write(tmp_path / "b.csv", header + "1;Sanne;leerling;ja;\n"), today=today
    )

    assert consent(register, "1", today)["instagram"] is ConsentState.WITHDRAWN
    assert consent(register, "1", today)["website"] is GRANTED
    assert [(u.column, u.value) for u in summary.unanswered] == [("instagram", "")]
    change = summary.people[0].consent_changes[0]
    assert (change.channel, change.withdraws, change.unanswered) == ("instagram", True, True)


# -- ambiguity, --map and the remembered mapping --------------------------------------------------


AMBIGUOUS = (
    "Stamnummer,Roepnaam,Achternaam,Klas,Foto's algemeen,Website,Naam op website,Nieuwkomer\n"
    "7001,Sanne,de Vries,3A,ja,ja,nee,nee\n"
    "7002,Daan,Jansen,3A,nee,ja,ja,ja\n"
)


def test_ambiguous_columns_import_nothing_and_say_why(
    register: Register, today: date, tmp_path: Path
) -> None:
    path = write(tmp_path / "eigen-lijst.csv", AMBIGUOUS)
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(path, today=today)

    problems = {p.column: p for p in error.value.problems}
    assert set(problems) == {"Foto's algemeen", "Website", "Naam op website", "Nieuwkomer"}
    assert all(p.line == 1 for p in problems.values())
    assert "seems to be about consent but names no channel" in str(problems["Foto's algemeen"])
    assert "decides website just as Naam op website" in str(problems["Website"])
    assert "holds answers (yes/no) but names no channel" in str(problems["Nieuwkomer"])
    assert '--map "Nieuwkomer=ignore"' in str(problems["Nieuwkomer"])
    assert error.value.plan is not None  # the screen can show the columns beside the problems
    assert register.people() == []


def test_map_decides_and_is_remembered_for_the_same_layout(
    register: Register, today: date, tmp_path: Path
) -> None:
    path = write(tmp_path / "eigen-lijst.csv", AMBIGUOUS)
    choices = {
        "Foto's algemeen": "social media",
        "Naam op website": "negeren",
        "nieuwkomer": "negeren",  # any case
    }
    dry = register.import_csv(path, today=today, dry_run=True, choices=choices)
    assert dry.dry_run and register.people() == []

    summary = register.import_csv(path, today=today, choices=choices)
    assert summary.remembered
    assert consent(register, "7001", today) == expect(granted=("website", *SOCIAL))
    assert consent(register, "7002", today) == expect(granted=("website",), refused=SOCIAL)

    # Next month's list from the same system: same columns, other rows, no --map.
    later = write(
        tmp_path / "eigen-lijst-2.csv",
        AMBIGUOUS.replace("7002,Daan,Jansen,3A,nee", "7002,Daan,Jansen,3A,ja")
        + "7003,Noor,Bakker,3B,nee,nee,nee,nee\n",
    )
    again = register.import_csv(later, today=today)
    assert again.plan is not None and again.plan.remembered
    origins = {c.label: c.origin for c in again.plan.columns}
    assert origins["Foto's algemeen"] == origins["Nieuwkomer"] == "remembered"
    assert again.people_added == 1
    assert consent(register, "7002", today) == expect(granted=("website", *SOCIAL))
    assert not again.remembered  # nothing new to remember

    # A file with other columns does not use those choices.
    other = write(tmp_path / "ander.csv", AMBIGUOUS.replace(",Nieuwkomer", ",Nieuw"))
    with pytest.raises(RegisterImportError):
        register.import_csv(other, today=today)


def test_map_overrides_a_recognised_column(register: Register, today: date, tmp_path: Path):
    path = write(
        tmp_path / "lijst.csv", "leerlingnummer;naam;Beeldmateriaal social media\n1;Sanne;ja\n"
    )
    register.import_csv(path, today=today, choices={"Beeldmateriaal social media": "instagram"})
    assert consent(register, "1", today) == expect(granted=("instagram",))


def test_map_names_columns_and_targets_that_exist(register: Register, today, tmp_path: Path):
    path = write(tmp_path / "lijst.csv", "leerlingnummer;naam;website\n1;Sanne;ja\n")
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(path, today=today, choices={"Websiet": "website", "website": "tiktokk"})
    texts = [str(problem) for problem in error.value.problems]
    assert any("--map names the column Websiet, which is not in the file" in t for t in texts)
    assert any("tiktokk is not a channel or a field" in t for t in texts)


# -- validity and 16+ ---------------------------------------------------------------------------


def test_a_school_year_as_validity_ends_on_31_july_of_its_second_year(
    register: Register, today: date, tmp_path: Path
) -> None:
    next_year = school_year_end(today).year  # the school year after this one starts then
    path = write(
        tmp_path / "lijst.csv",
        "leerlingnummer;naam;website;instagram;schooljaar\n"
        f"1;Sanne;ja;ja;{next_year}-{next_year + 1}\n"
        f"2;Daan;ja;nee;{next_year - 1}/{next_year}\n",
    )
    register.import_csv(path, today=today)
    assert register.consent_status("1", "website", today).valid_until == date(next_year + 1, 7, 31)
    assert register.consent_status("2", "website", today).valid_until == school_year_end(today)

    past = write(
        tmp_path / "vorig-jaar.csv",
        f"leerlingnummer;naam;website;geldig tot\n3;Noor;ja;{next_year - 2}-{next_year - 1}\n",
    )
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(past, today=today)
    assert [(p.line, p.column) for p in error.value.problems] == [(2, "geldig tot")]
    assert "is in the past" in str(error.value.problems[0])


def _born(today: date, turns_16_months_from_now: int) -> date:
    """A date of birth (the 15th) of someone who turns 16 that many months from this month."""
    month = today.year * 12 + today.month - 1 + turns_16_months_from_now
    return date(month // 12 - 16, month % 12 + 1, 15)


def test_a_parents_consent_is_flagged_once_the_pupil_is_16(
    register: Register, today: date, tmp_path: Path
) -> None:
    rows = [
        ("8001", "Lotte", _born(today, -2), "Ouder/verzorger"),  # 16 since two months
        ("8002", "Sem", _born(today, 2), "ouder"),  # 16 in two months
        ("8003", "Julia", _born(today, -14), "Leerling"),  # 17, answered herself
        ("8004", "Mo", _born(today, -30), ""),  # 18, nobody said who answered
    ]
    path = write(
        tmp_path / "magister.csv",
        '"Stamnummer","Roepnaam","Achternaam","Geboortedatum","Ingevuld door","Website"\n'
        + "".join(
            f'"{id_}","{name}","Test","{born.strftime("%d-%m-%Y")}","{by}","Ja"\n'
            for id_, name, born, by in rows
        ),
    )
    register.import_csv(path, today=today)
    months = register.turns_16_months()

    def flagged(on: date) -> set[str]:
        return {
            person_id
            for person_id, status in register.consent_statuses("website", on).items()
            if status.needs_renewal(months.get(person_id))
        }

    assert flagged(today) == {"8001"}
    assert flagged(today + timedelta(days=92)) == {"8001", "8002"}  # Sem has turned 16

    # The pupil answers herself: a new record, and the flag is gone.
    path.write_text(path.read_text().replace("Ouder/verzorger", "Leerling"))
    summary = register.import_csv(path, today=today)
    assert summary.consent_records_added == 1
    assert flagged(today) == set()


def test_answered_by_must_be_clear(register: Register, today: date, tmp_path: Path) -> None:
    path = write(
        tmp_path / "lijst.csv", "leerlingnummer;naam;ingevuld door;website\n1;Sanne;de buurman;ja\n"
    )
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(path, today=today)
    assert [(p.line, p.column) for p in error.value.problems] == [(2, "ingevuld door")]


# -- the file -------------------------------------------------------------------------------------


def test_a_file_without_a_recognisable_header_is_refused(register: Register, tmp_path, today):
    path = write(tmp_path / "notities.csv", "Boodschappen\nmelk;brood\n")
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(path, today=today)
    assert "no header found in the first 20 lines" in str(error.value.problems[0])


def test_without_number_a_date_of_birth_is_needed(register: Register, today, tmp_path: Path):
    no_column = write(tmp_path / "a.csv", "naam;website\nSanne de Vries;ja\n")
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(no_column, today=today)
    assert "no column leerlingnummer" in str(error.value.problems[0])

    empty_cell = write(tmp_path / "b.csv", "naam;geboortedatum;website\nSanne de Vries;;ja\n")
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(empty_cell, today=today)
    assert [(p.line, p.column) for p in error.value.problems] == [(2, "geboortedatum")]


def test_an_old_binary_excel_file_is_refused_clearly(register: Register, tmp_path, today):
    path = tmp_path / "lijst.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(RegisterImportError) as error:
        register.import_csv(path, today=today)
    assert "save it in Excel as .xlsx or as CSV" in str(error.value)


def test_automatic_forgets_a_remembered_choice(
    register: Register, today: date, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "lijst.csv", "leerlingnummer;naam;Beeldmateriaal social media\n1;Sanne;ja\n"
    )
    register.import_csv(path, today=today, choices={"Beeldmateriaal social media": "instagram"})
    assert register.import_csv(path, today=today, dry_run=True).plan.remembered  # type: ignore[union-attr]

    summary = register.import_csv(
        path, today=today, choices={"Beeldmateriaal social media": "automatisch"}
    )
    assert summary.remembered  # the stored choices changed: the choice is gone
    assert consent(register, "1", today) == expect(granted=SOCIAL)
    again = register.import_csv(path, today=today, dry_run=True)
    assert again.plan is not None and not again.plan.remembered
