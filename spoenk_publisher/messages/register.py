"""Sentences about the consent register: why it cannot be used, what a change needs."""

from __future__ import annotations

MESSAGES = {
    "register.unavailable": (
        "het toestemmingsregister {path} kan niet gebruikt worden: {reason}",
        "the consent register {path} cannot be used: {reason}",
    ),
    "register.reason.os": ("{detail}", "{detail}"),
    "register.reason.not_a_register": (
        "het bestand is geen toestemmingsregister (kies het juiste bestand, of een nieuwe naam "
        "voor een nieuw register)",
        "the file is not a consent register (choose the right file, or a new name for a new "
        "register)",
    ),
    "register.reason.empty_file": (
        "het bestand is leeg, geen toestemmingsregister (kies het juiste bestand, of een nieuwe "
        "naam voor een nieuw register)",
        "the file is empty, not a consent register (choose the right file, or a new name for "
        "a new register)",
    ),
    "register.reason.damaged": (
        "het bestand is beschadigd; zet een reservekopie terug",
        "the file is damaged; restore a backup",
    ),
    "register.reason.no_wal": (
        "de schijf ondersteunt het register niet (een netwerkmap?); kies een map op deze computer",
        "the disk does not support the register (a network folder?); choose a folder on this "
        "computer",
    ),
    "register.reason.schema_missing": (
        "de bestanden met de opbouw van het register ontbreken in deze installatie ({folder})",
        "the register's schema files are missing from this installation ({folder})",
    ),
    "register.busy": (
        "het toestemmingsregister {path} bleef {seconds} s bezet (een ander programma schrijft "
        "erin); er is niets veranderd, probeer het opnieuw",
        "the consent register {path} stayed busy for {seconds} s (another program is writing "
        "to it); nothing was changed, try again",
    ),
    "register.too_new": (
        "het toestemmingsregister {path} heeft schemaversie {found}; deze versie van Spoenk "
        "Publisher kent tot {supported}: werk de app bij",
        "the consent register {path} has schema version {found}, this version of Spoenk "
        "Publisher knows up to {supported}: update the app",
    ),
    "register.unknown_person": (
        "er staat niemand met nummer '{id}' in het register",
        "there is nobody with number '{id}' in the register",
    ),
    "register.person_exists": (
        "er staat al iemand met nummer '{id}' in het register",
        "there is already a person with number '{id}' in the register",
    ),
    "register.unknown_channel": (
        "onbekend kanaal '{channel}' (bekend: {known})",
        "unknown channel '{channel}' (known: {known})",
    ),
    "register.channel_exists": (
        "het kanaal '{channel}' bestaat al",
        "the channel '{channel}' already exists",
    ),
    "register.channel_name": (
        "een kanaalnaam bestaat uit kleine letters, cijfers, '_' en '-': '{name}'",
        "a channel name uses lower-case letters, digits, '_' and '-' only: '{name}'",
    ),
    "register.photo_of_other_person": (
        "deze foto (sha256 {sha}…) is al een referentiefoto van '{other}', dus niet ook van "
        "'{id}'",
        "this photo (sha256 {sha}…) is already a reference face of '{other}', so it cannot "
        "also be one of '{id}'",
    ),
    "register.needs_id": (
        "een persoon heeft een nummer nodig (leerling- of personeelsnummer)",
        "a person needs an id (the pupil or staff number)",
    ),
    "register.needs_name": (
        "persoon '{id}' heeft een naam nodig",
        "person '{id}' needs a name",
    ),
    "register.consent_needs_end": (
        "toestemming heeft een einddatum nodig (geldig tot)",
        "consent needs an end date (valid until)",
    ),
    "register.consent_ends_before_start": (
        "toestemming kan niet eindigen ({until}) voordat ze ingaat ({start})",
        "consent cannot end ({until}) before it starts ({start})",
    ),
    "register.enrol_needs_photo": (
        "voor een referentiegezicht is minstens één foto nodig",
        "enrolment needs at least one reference photo",
    ),
    "register.bad_encoding": (
        "een gezichtscode moet {size} getallen hebben",
        "a face encoding must have {size} numbers",
    ),
    "register.reference_disagrees": (
        "deze foto (sha256 {sha}…) lijkt niet op de andere referentiefoto's van '{id}' "
        "(afstand {distance}): gebruik alleen foto's van {id} zelf; is het wel {id}, verwijder "
        "dan eerst de oude referentiefoto's. Er is niets opgeslagen",
        "this photo (sha256 {sha}…) does not look like the other reference photos of '{id}' "
        "(distance {distance}): use photos of {id} only; if it is {id}, remove the old "
        "reference photos first. Nothing was stored",
    ),
    "register.reference_is_other": (
        "het gezicht op deze foto (sha256 {sha}…) lijkt meer op '{other}' dan op '{id}' "
        "(afstand {distance}): waarschijnlijk de verkeerde foto. Er is niets opgeslagen",
        "the face in this photo (sha256 {sha}…) looks more like '{other}' than like '{id}' "
        "(distance {distance}): probably the wrong photo. Nothing was stored",
    ),
    "demo.not_a_demo_register": (
        "{path} bestaat al en is geen demoregister; het is niet aangeraakt (kies een ander "
        "bestand)",
        "{path} already exists and is not a demo register; it was left alone (choose another "
        "file)",
    ),
    "review.no_register": (
        "er is geen toestemmingsregister gekozen: iedereen wordt vervaagd",
        "no consent register was chosen: everyone is blurred",
    ),
}
