"""What each column of a school's list means: the plan of an import, before any row is read.

A header is recognised in this order (``recognise``), on its normalised text (lower case, no
accents, punctuation as spaces):

1. **a field**, when the whole header is one of its words (``FIELD_WORDS``): the pupil number
   (``leerlingnummer``, ``stamnummer``, ...), the name or its parts (``roepnaam``,
   ``tussenvoegsel``, ``achternaam``), the group (``groep``, ``klas``, ``stamgroep``, ...), role,
   date of birth, who answered (``ingevuld door``), validity, and the question and answer
   columns of a list with one row per pupil and question;
   ``geldig tot <kanaal>`` is the end date of one channel;
2. **inside the school only** (``binnen``, ``intern``): grants nothing;
3. **channels by name** (``website``, ``nieuwsbrief``, ``instagram``, ...): decides those
   channels (level 1);
4. **social media** (``social media``, ``sociale media``): every social channel (level 2);
5. **public** (``openbaar``, ``extern``, ``buiten <platform>``): every public channel (level 3);
6. **internal categories** (Parro, Social Schools, schoolgids, jaarboek, onderzoek,
   klassenfoto, ...): grant nothing;
7. anything else is not used.

A channel is decided by the most specific column that covers it (lowest level): "social media"
covers Instagram only when there is no Instagram column. Every column and every channel's source
is shown in the plan.

**Ambiguous** (nothing is imported until the user decides with ``--map "Kolom=kanaal"`` or
``--map "Kolom=negeren"``, or with the drop-down in the app; the choice is remembered for files
with the same header):

- two columns for one field (two numbers, two groups), or two equally specific columns for one
  channel;
- a column that names no channel but looks like a consent question: its header speaks of
  consent or images (``toestemming``, ``beeldmateriaal``, ``foto``, ...), its values are all
  answers (ja/nee, x, ...), or its header is a near miss of a channel (``instagarm``).

No sentence is written here: problems are ``Message`` codes (``messages/csv_import.py``).
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from spoenk_publisher.messages import Message
from spoenk_publisher.register.channels import PUBLIC, SOCIAL_MEDIA, Channel
from spoenk_publisher.register.errors import ImportProblem

# -- words ----------------------------------------------------------------------------------

#: Header words per field, normalised (see ``normalised``). The first word is the one export
#: writes and the one a plan shows.
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "id": (
        "leerlingnummer", "id", "stamnummer", "leerlingnr", "llnr", "studentnummer",
        "deelnemernummer", "personeelsnummer", "nummer", "number", "leerling nummer",
        "leerling nr", "leerling id", "student number", "student id",
    ),
    "name": ("naam", "name", "volledige naam", "naam leerling", "leerlingnaam", "full name"),
    "first_name": ("roepnaam", "voornaam", "first name", "roepnaam leerling"),
    "prefix": ("tussenvoegsel", "tussenvoegsels", "voorvoegsel", "voorvoegsels"),
    "last_name": ("achternaam", "familienaam", "last name", "surname", "achternaam leerling"),
    "group": (
        "groep", "group", "klas", "class", "stamgroep", "klasnaam", "basisgroep", "groepscode",
        "groepsnaam", "stamklas",
    ),
    "role": ("rol", "role"),
    "active": ("actief", "active"),
    "valid_until": (
        "geldig tot", "valid until", "schooljaar", "school year", "geldig tot en met",
    ),
    "birth_date": (
        "geboortedatum", "geb datum", "geboorte datum", "date of birth", "birth date",
        "birthdate",
    ),
    "answered_by": (
        "ingevuld door", "beantwoord door", "answered by", "toestemming gegeven door",
        "gegeven door",
    ),
    "question": ("vraag", "toestemmingsvraag", "question", "categorie", "avg vraag"),
    "answer": ("antwoord", "answer", "waarde", "value"),
}  # fmt: skip

#: Fields that say who a row is about; a header row has at least one of them.
IDENTITY_FIELDS = ("id", "name", "first_name", "last_name")

#: Extra words for the default channels, besides their name and label.
CHANNEL_WORDS: dict[str, tuple[str, ...]] = {
    "website": ("website", "websites", "schoolwebsite", "site", "webpagina", "internet"),
    "newsletter": ("nieuwsbrief", "nieuwsbrieven", "newsletter", "schoolkrant"),
    "instagram": ("instagram",),
    "facebook": ("facebook",),
    "x": ("x", "twitter"),
    "youtube": ("youtube",),
    "linkedin": ("linkedin",),
    "yurls": ("yurls",),
}
_SOCIAL_WORDS = ("social media", "sociale media", "socials", "social")
_PUBLIC_WORDS = (
    "openbaar", "openbare", "extern", "externe", "buiten", "publiek", "publieke",
)  # fmt: skip
_INSIDE_WORDS = ("binnen", "intern", "interne", "intranet", "besloten")
#: Categories of Dutch consent forms that are about something other than a channel.
_INTERNAL_WORDS = (
    "parro", "socialschools", "schoolgids", "jaarboek", "onderzoek", "onderzoeken",
    "klassenfoto", "klassenfotos", "schoolfoto", "schoolfotograaf", "schoolapp",
    "ouderportaal", "klasbord", "prikbord",
)  # fmt: skip
#: Words in a header that mean it is about consent or images: such a column is never ignored
#: silently.
_CONSENT_WORDS = (
    "toestemming", "beeldmateriaal", "beeld", "beelden", "foto", "fotos", "video", "videos",
    "film", "afbeelding", "afbeeldingen", "publicatie", "publiceren", "akkoord", "avg",
    "consent", "photo", "photos", "media", "portret",
)  # fmt: skip

#: Words a user writes after ``--map "Kolom=`` to leave a column out.
IGNORE_WORDS = ("negeren", "ignore", "niet gebruiken", "overslaan", "skip")
#: What ``--map "Kolom=automatisch"`` (or the drop-down's first entry) says: read the column by
#: its header again, and forget a choice remembered for it.
AUTOMATIC = "automatisch"
_AUTOMATIC_WORDS = (AUTOMATIC, "automatic", "auto")

# Answers. An answer's text is normalised first; a tick or a cross counts as ja or nee.
YES_WORDS = frozenset(
    {"ja", "j", "yes", "y", "1", "true", "waar", "x", "akkoord", "toegestaan",
     "toestemming", "toestemming gegeven", "wel toestemming"}
)  # fmt: skip
NO_WORDS = frozenset(
    {"nee", "n", "no", "0", "false", "onwaar", "niet akkoord", "niet toegestaan",
     "geen toestemming", "toestemming geweigerd", "geweigerd"}
)  # fmt: skip
#: Not answered: no consent (the Dutch data-protection authority: silence is not consent).
UNANSWERED_WORDS = frozenset(
    {"", "onbekend", "niet ingevuld", "niet beantwoord", "geen antwoord", "nog niet ingevuld",
     "unknown", "not answered", "nvt", "n v t"}
)  # fmt: skip
_TICKS = {"✓": "ja", "✔": "ja", "☑": "ja", "✗": "nee", "✘": "nee", "☒": "nee"}
_NO_ANSWER_MARKS = ("-", "?", "—", "–")


def normalised(text: str) -> str:
    """A header (or answer) as it is compared: lower case, no accents, punctuation as spaces,
    and "Social Schools" as one word (so that its "social" is not social media)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())
    return re.sub(r"\bsocial schools?\b", "socialschools", text)


def answer(value: str) -> bool | None | str:
    """True (consent), False (no), None (not answered: counts as no), or the value itself when
    it is no answer at all (a problem for that cell)."""
    raw = value.strip()
    if raw in _TICKS:
        raw = _TICKS[raw]
    if raw in _NO_ANSWER_MARKS:
        return None
    word = normalised(raw)
    if word in UNANSWERED_WORDS:
        return None
    if word in YES_WORDS:
        return True
    if word in NO_WORDS:
        return False
    # "Ja, ik geef toestemming" / "Nee, liever niet": the first word answers.
    first = word.split(" ", 1)[0]
    if first in ("ja", "yes"):
        return True
    if first in ("nee", "no"):
        return False
    return value


# -- targets --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """What a column (or a question of a long list) is taken as.

    ``kind`` is "field" (``field`` says which), "consent" (``levels``: channel and how
    specific the column is for it, 1 = names it), "until" (the end date of the one channel in
    ``levels``) or "ignore" (``reason``: "internal", "unused", "chosen", "not_needed").
    """

    kind: str
    field: str = ""
    levels: tuple[tuple[str, int], ...] = ()
    reason: str = ""

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(channel for channel, _level in self.levels)


_UNUSED = Target("ignore", reason="unused")


def _words_for(channels: Sequence[Channel]) -> dict[str, str]:
    """Normalised word -> channel name, for the register's channels."""
    words: dict[str, str] = {}
    for channel in channels:
        for word in (*CHANNEL_WORDS.get(channel.name, ()), channel.name, channel.label):
            words.setdefault(normalised(word), channel.name)
    return words


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?:^| ){re.escape(phrase)}(?: |$)", text) is not None


def recognise(label: str, channels: Sequence[Channel]) -> Target:
    """What a header means on its own (see the module's docstring for the order)."""
    text = normalised(label)
    if not text:
        return _UNUSED
    for name, words in FIELD_WORDS.items():
        if text in words:
            return Target("field", name)
    by_word = _words_for(channels)
    for until in FIELD_WORDS["valid_until"]:
        if text.startswith(until + " ") and text[len(until) + 1 :] in by_word:
            return Target("until", levels=((by_word[text[len(until) + 1 :]], 1),))
    if any(_contains(text, word) for word in _INSIDE_WORDS):
        return Target("ignore", reason="internal")
    levels: dict[str, int] = {}
    for word, channel in by_word.items():
        if _contains(text, word):
            levels[channel] = 1
    names = [channel.name for channel in channels]
    if any(_contains(text, word) for word in _SOCIAL_WORDS):
        for channel in names:
            if channel in SOCIAL_MEDIA:
                levels.setdefault(channel, 2)
    if any(_contains(text, word) for word in _PUBLIC_WORDS):
        for channel in names:
            if channel in PUBLIC:
                levels.setdefault(channel, 3)
    if levels:
        return Target("consent", levels=tuple(sorted(levels.items(), key=_in(names))))
    if any(_contains(text, word) for word in _INTERNAL_WORDS):
        return Target("ignore", reason="internal")
    return _UNUSED


def _in(names: list[str]):
    return lambda item: names.index(item[0])


def parse_target(choice: str, channels: Sequence[Channel]) -> Target | None:
    """What a user's ``--map`` choice (or drop-down entry) means; None when it means nothing.

    Accepted: ``negeren``/``ignore``; a field word (``klas``, ``stamnummer``, ...); a channel
    (``website``, ``nieuwsbrief``), several separated by commas, or ``social media`` /
    ``openbaar``.
    """
    text = normalised(choice)
    if not text:
        return None
    if text in IGNORE_WORDS:
        return Target("ignore", reason="chosen")
    found = recognise(choice, channels)
    if found.kind in ("field", "consent", "until") and (
        found.kind != "consent" or _only_channel_words(text, channels)
    ):
        return found
    levels: dict[str, int] = {}
    for part in choice.split(","):
        target = recognise(part, channels)
        if target.kind != "consent" or not _only_channel_words(normalised(part), channels):
            return None
        for channel, level in target.levels:
            levels[channel] = min(level, levels.get(channel, level))
    if not levels:
        return None
    names = [channel.name for channel in channels]
    return Target("consent", levels=tuple(sorted(levels.items(), key=_in(names))))


def _only_channel_words(text: str, channels: Sequence[Channel]) -> bool:
    """A choice names channels and nothing else ("website", "social media", "openbaar")."""
    words = set(_words_for(channels)) | set(_SOCIAL_WORDS) | set(_PUBLIC_WORDS)
    return text in words


def choice_word(target: Target) -> str:
    """The word ``--map`` takes for ``target`` (what the plan suggests and remembers)."""
    if target.kind == "ignore":
        return IGNORE_WORDS[0]
    if target.kind == "field":
        return FIELD_WORDS[target.field][0]
    if target.kind == "until":
        return f"geldig tot {target.channels[0]}"
    return ",".join(target.channels)


# -- the plan -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ColumnPlan:
    """One column of the file (or, in a list with one row per question, one question).

    ``channels`` are the channels this column decides: those of its target that no more
    specific column took. ``problem`` says why it is ambiguous (then nothing is imported).
    """

    label: str
    index: int | None  # the column's position; None for a question
    target: Target
    origin: str = "auto"  # "auto", "map" (given now) or "remembered" (from an earlier import)
    channels: tuple[str, ...] = ()
    problem: Message | None = None
    #: values of this column (or answers to this question) seen in the file, for the plan
    answers_seen: int = 0

    @property
    def key(self) -> str:
        return normalised(self.label)


@dataclass(frozen=True)
class ImportPlan:
    """What the import makes of a file's columns, shown before anything is written."""

    file: str
    kind: str  # "csv" or "xlsx"
    encoding: str
    delimiter: str
    sheet: str
    header_line: int
    layout_key: str
    columns: tuple[ColumnPlan, ...]
    questions: tuple[ColumnPlan, ...] = ()
    #: the user's choices in force, by normalised column label (remembered ones included)
    choices: Mapping[str, str] = field(default_factory=dict)
    remembered: bool = False
    #: remembered choices the user set back to automatic (normalised labels)
    forgotten: frozenset[str] = frozenset()

    @property
    def long(self) -> bool:
        """One row per pupil and question (the questions are values, not columns)."""
        return any(c.target.kind == "field" and c.target.field == "question" for c in self.used)

    @property
    def used(self) -> tuple[ColumnPlan, ...]:
        return tuple(c for c in self.columns if c.target.kind != "ignore" and not c.problem)

    @property
    def sources(self) -> tuple[ColumnPlan, ...]:
        """Columns and questions, in the order of the file."""
        return self.columns + self.questions

    @property
    def ambiguous(self) -> tuple[ColumnPlan, ...]:
        return tuple(c for c in self.sources if c.problem is not None)

    def field_column(self, name: str) -> ColumnPlan | None:
        return next(
            (
                c
                for c in self.columns
                if c.target.kind == "field" and c.target.field == name and not c.problem
            ),
            None,
        )

    def deciding(self, channel: str) -> ColumnPlan | None:
        """The column (or question) that decides ``channel``; None: the file leaves it alone."""
        return next((c for c in self.sources if channel in c.channels), None)

    def problems(self) -> list[ImportProblem]:
        return [
            ImportProblem(self.header_line, c.label, c.problem)
            for c in self.ambiguous
            if c.problem is not None
        ]


def channel_word(channel: str) -> str | Message:
    """A channel as a Dutch or English reader expects it (and ``--map`` takes it): the
    newsletter is "nieuwsbrief" in Dutch, every other channel its name."""
    return Message("csv_import.channel.newsletter") if channel == "newsletter" else channel


def describe(column: ColumnPlan) -> Message:
    """What a column is taken as, in a few words (the right side of a plan's line)."""
    target = column.target
    if column.problem is not None:
        return Message("csv_import.target.ambiguous", problem=column.problem)
    if target.kind == "field":
        return Message(f"csv_import.field.{target.field}")
    if target.kind == "until":
        return Message("csv_import.target.until", channel=channel_word(target.channels[0]))
    if target.kind == "ignore":
        return Message(f"csv_import.target.{target.reason}")
    if not column.channels:
        return Message("csv_import.target.covered")
    levels = dict(target.levels)
    widest = max(levels[channel] for channel in column.channels)
    code = {1: "channels", 2: "social", 3: "public"}[widest]
    words = [channel_word(channel) for channel in column.channels]
    return Message(f"csv_import.target.{code}", channels=words)


def layout_key(header: Iterable[str]) -> str:
    """The same for every file with the same columns in the same order (whatever the case,
    accents or spacing): the key under which choices are remembered."""
    words = "\x1f".join(normalised(cell) for cell in header if normalised(cell))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:16]


def header_score(cells: list[str], channels: Sequence[Channel]) -> int:
    """How much ``cells`` look like a header: the number of recognised columns, 0 without a
    column that says who a row is about."""
    targets = [recognise(cell, channels) for cell in cells if cell.strip()]
    if not any(t.kind == "field" and t.field in IDENTITY_FIELDS for t in targets):
        return 0
    return sum(1 for t in targets if t.kind != "ignore" or t.reason == "internal")


def plan_columns(
    file: str,
    table_info: Mapping[str, object],
    header: Sequence[str],
    values: Sequence[Sequence[str]],
    channels: Sequence[Channel],
    choices: Mapping[str, str],
    *,
    remembered: Mapping[str, str] | None = None,
    questions: Sequence[tuple[str, Sequence[str]]] = (),
) -> tuple[ImportPlan, list[ImportProblem]]:
    """Decide every column: recognised, chosen with ``--map`` (``choices``, by label) or
    remembered; then settle which column decides each channel and what is ambiguous.

    ``values[i]`` are the cells of column ``i``; ``questions`` are, in a long list, each
    question with its answers. Returns the plan and the problems of ``choices`` themselves (a
    column or a target that does not exist).
    """
    header_line = int(table_info["header_line"])  # type: ignore[call-overload]
    remembered = dict(remembered or {})
    given = {normalised(label): target for label, target in choices.items()}
    forgotten = {key for key, target in given.items() if normalised(target) in _AUTOMATIC_WORDS}
    in_force = {
        key: target for key, target in {**remembered, **given}.items() if key not in forgotten
    }
    problems: list[ImportProblem] = []

    def decide(label: str, index: int | None, column_values: Sequence[str]) -> ColumnPlan:
        key = normalised(label)
        target = recognise(label, channels)
        origin = "auto"
        if key in in_force:
            chosen = parse_target(in_force[key], channels)
            if chosen is None:
                problems.append(
                    ImportProblem(
                        header_line,
                        label,
                        Message("csv_import.map_unknown_target", target=in_force[key]),
                    )
                )
            else:
                target, origin = chosen, ("map" if key in given else "remembered")
        seen = sum(1 for value in column_values if value.strip())
        plan = ColumnPlan(label, index, target, origin, answers_seen=seen)
        if origin == "auto" and target == _UNUSED:
            return replace(plan, problem=_looks_like_consent(label, column_values, channels))
        return plan

    columns = [
        decide(label, index, values[index] if index < len(values) else ())
        for index, label in enumerate(header)
        if label.strip()
    ]
    long_questions = [decide(label, None, answers) for label, answers in questions]

    labels = {normalised(c.label) for c in columns} | {normalised(q) for q, _ in questions}
    for label in choices:
        if normalised(label) not in labels:
            known = [c.label for c in columns] + [q for q, _ in questions]
            problems.append(
                ImportProblem(
                    header_line,
                    None,
                    Message("csv_import.map_unknown_column", column=label, known=known),
                )
            )

    columns = _settle_fields(columns)
    sources = _settle_channels(columns + long_questions, [c.name for c in channels])
    columns, long_questions = sources[: len(columns)], sources[len(columns) :]
    info = dict(table_info)
    plan = ImportPlan(
        file=file,
        kind=str(info["kind"]),
        encoding=str(info["encoding"]),
        delimiter=str(info["delimiter"]),
        sheet=str(info["sheet"]),
        header_line=header_line,
        layout_key=layout_key(header),
        columns=tuple(columns),
        questions=tuple(long_questions),
        choices={key: value for key, value in in_force.items() if key in labels},
        remembered=any(key in labels and key not in forgotten for key in remembered),
        forgotten=frozenset(forgotten & labels),
    )
    return plan, problems


def _looks_like_consent(
    label: str, values: Sequence[str], channels: Sequence[Channel]
) -> Message | None:
    """Why an unrecognised column must not be ignored silently, or None."""
    text = normalised(label)
    close = difflib.get_close_matches(text, list(_words_for(channels)), n=1, cutoff=0.8)
    if close and len(text) > 2:
        return Message("csv_import.ambiguous_close", channel=close[0], column=label)
    if any(_contains(text, word) for word in _CONSENT_WORDS):
        return Message("csv_import.ambiguous_consent", column=label)
    answers = [answer(value) for value in values if value.strip()]
    if answers and all(not isinstance(found, str) for found in answers):
        return Message("csv_import.ambiguous_answers", column=label)
    return None


def _settle_fields(columns: list[ColumnPlan]) -> list[ColumnPlan]:
    """Two columns for one field are ambiguous; the parts of a name are not needed beside a
    column with the whole name."""
    by_field: dict[str, list[int]] = {}
    for position, column in enumerate(columns):
        if column.target.kind == "field":
            by_field.setdefault(column.target.field, []).append(position)
        elif column.target.kind == "until":
            by_field.setdefault("until " + column.target.channels[0], []).append(position)
    settled = list(columns)
    for positions in by_field.values():
        if len(positions) > 1:
            labels = [columns[p].label for p in positions]
            for p in positions:
                others = [label for label in labels if label != columns[p].label]
                settled[p] = replace(
                    columns[p],
                    problem=Message(
                        "csv_import.ambiguous_field", others=others, column=columns[p].label
                    ),
                )
    if "name" in by_field:
        for part in ("first_name", "prefix", "last_name"):
            for p in by_field.get(part, []):
                if settled[p].problem is None:
                    settled[p] = replace(settled[p], target=Target("ignore", reason="not_needed"))
    return settled


def _settle_channels(sources: list[ColumnPlan], names: list[str]) -> list[ColumnPlan]:
    """Give each channel to the most specific column that covers it; a tie is ambiguous."""
    deciding: dict[int, list[str]] = {p: [] for p in range(len(sources))}
    tied_with: dict[int, dict[str, None]] = {}
    tied_channels: dict[int, list[str]] = {}
    for channel in names:
        covering = [
            (level, p)
            for p, source in enumerate(sources)
            if source.target.kind == "consent" and source.problem is None
            for name, level in source.target.levels
            if name == channel
        ]
        if not covering:
            continue
        best = min(level for level, _p in covering)
        winners = [p for level, p in covering if level == best]
        if len(winners) == 1:
            deciding[winners[0]].append(channel)
            continue
        for p in winners:
            tied_with.setdefault(p, {}).update(
                dict.fromkeys(sources[q].label for q in winners if q != p)
            )
            tied_channels.setdefault(p, []).append(channel)
    settled = []
    for p, source in enumerate(sources):
        if p in tied_with:
            source = replace(
                source,
                problem=Message(
                    "csv_import.ambiguous_channel",
                    others=list(tied_with[p]),
                    channels=tied_channels[p],
                    column=source.label,
                ),
            )
        settled.append(replace(source, channels=tuple(deciding[p])))
    return settled
