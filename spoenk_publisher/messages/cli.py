"""Sentences the command line prints around the core's own."""

from __future__ import annotations

MESSAGES = {
    "cli.error": ("fout: {text}", "error: {text}"),
    "cli.interrupted": ("afgebroken", "interrupted"),
    "cli.unexpected": (
        "onverwachte fout ({detail}); er is niets half gedaan achtergelaten. Meld dit aan de "
        "beheerder (SPOENK_DEBUG=1 toont de details)",
        "unexpected error ({detail}); nothing was left half done. Report it to your "
        "administrator (SPOENK_DEBUG=1 shows the details)",
    ),
    "cli.no_photos": (
        "geen foto's gevonden in {paths}",
        "no photos found in {paths}",
    ),
    "cli.unknown_channel": (
        "onbekend kanaal '{channel}'; het register kent: {known}",
        "unknown channel '{channel}'; the register knows: {known}",
    ),
    "check.cannot_check": (
        "Kan niet gecontroleerd worden: {reason}",
        "Cannot be checked: {reason}",
    ),
    "export.done": (
        "{exported} foto('s) geëxporteerd naar {folder} ({new} nieuw, {old} stonden er al); "
        "{covered} gezicht(en) vervaagd; {left_out} foto('s) weggelaten; {failed} mislukt.",
        "Exported {exported} photo(s) to {folder} ({new} new, {old} already there); "
        "{covered} face(s) covered; {left_out} photo(s) left out; {failed} failed.",
    ),
    "export.left_out": (
        "weggelaten: {path} (een gezicht zonder toestemming, keuze 'weglaten')",
        "left out: {path} (a face without consent, policy 'exclude')",
    ),
    "export.failed": ("mislukt: {path}: {reason}", "failed: {path}: {reason}"),
    "export.skipped": ("overgeslagen: {path}: {reason}", "skipped: {path}: {reason}"),
    "export.first_frame": ("let op: {path}: {reason}", "note: {path}: {reason}"),
    "export.manifest": (
        "Overzicht van wat waarheen ging: {manifest} (bewaren, niet uploaden).",
        "What went where: {manifest} (keep it, do not upload it).",
    ),
    "export.progress": ("Exporteren", "Exporting"),
    "reg.imported": (
        "{file}: {rows} regels: {added} mensen toegevoegd, {updated} bijgewerkt, {records} "
        "toestemmingen vastgelegd",
        "{file}: {rows} rows: added {added} people, updated {updated}, added {records} consent "
        "records",
    ),
    "reg.imported_dry": (
        "{file}: {rows} regels: zou {added} mensen toevoegen, {updated} bijwerken en {records} "
        "toestemmingen vastleggen (proef: er is niets opgeslagen)",
        "{file}: {rows} rows: would add {added} people, update {updated}, add {records} consent "
        "records (dry run: nothing written)",
    ),
    "reg.exported": ("{count} mensen weggeschreven naar {file}", "wrote {count} people to {file}"),
    "reg.added": ("{id} toegevoegd", "added {id}"),
    "reg.updated": ("{id} bijgewerkt", "updated {id}"),
    "reg.enrolled": (
        (
            "{id}: 1 nieuw referentiegezicht uit {photos} foto('s) ({total} in totaal)",
            "{id}: {count} nieuwe referentiegezichten uit {photos} foto('s) ({total} in totaal)",
        ),
        (
            "enrolled {id}: 1 new reference face from {photos} photo(s) ({total} in all)",
            "enrolled {id}: {count} new reference faces from {photos} photo(s) ({total} in all)",
        ),
    ),
    "reg.remove_question": (
        "{id} ({name}) verwijderen, met {count} referentiegezicht(en) en alle toestemmingen? "
        "Dit kan niet ongedaan worden",
        "Remove {id} ({name}) with {count} reference face(s) and all consent records? This "
        "cannot be undone",
    ),
    "reg.remove_cancelled": ("niets verwijderd", "nothing was removed"),
    "reg.removed": (
        "{id} verwijderd: {faces} referentiegezicht(en) en {records} toestemming(en) gewist; "
        "{cached} bewaarde foto-analyse(s) met dit gezicht gewist",
        "removed {id}: {faces} reference face(s) and {records} consent record(s) deleted; "
        "{cached} cached photo analysis(es) with their face deleted",
    ),
    "reg.yes": ("ja", "yes"),
    "reg.no": ("nee", "no"),
    "reg.list_header": (
        "nummer|naam|groep|rol|actief|gezichten|toestemming op {day}",
        "id|name|group|role|active|faces|consent on {day}",
    ),
    "reg.show": (
        "nummer:   {id}\nnaam:     {name}\ngroep:    {group}\nrol:      {role}\n"
        "actief:   {active}\ngezichten: {faces} referentiegezicht(en)\ntoestemming op {day}:",
        "id:       {id}\nname:     {name}\ngroup:    {group}\nrole:     {role}\n"
        "active:   {active}\nfaces:    {faces} reference faces\nconsent on {day}:",
    ),
    "reg.history": ("geschiedenis:", "history:"),
    "reg.no_history": ("  (geen toestemmingen vastgelegd)", "  (no consent records)"),
    "reg.report_none": (
        "Geen enkele geëxporteerde foto toont {id}.",
        "No exported photo shows {id}.",
    ),
    "reg.channel_added": ("kanaal {channel} toegevoegd", "added channel {channel}"),
    "role.pupil": ("leerling", "pupil"),
    "role.staff": ("medewerker", "staff"),
    "role.other": ("overig", "other"),
    "consent.yes_until": ("ja, tot en met {until}", "yes, until {until}"),
    "consent.expired": ("nee: verlopen na {until}", "no: expired after {until}"),
    "consent.none": ("nee: geen toestemming vastgelegd", "no: no consent recorded"),
    "consent.not_yet": ("nee: toestemming gaat in op {start}", "no: consent starts on {start}"),
    "consent.refused": ("nee: geweigerd vanaf {start}", "no: refused from {start}"),
    "consent.withdrawn": ("nee: ingetrokken vanaf {start}", "no: withdrawn from {start}"),
    "record.granted_until": (
        "{channel}: toestemming vanaf {start} tot en met {until} ({source})",
        "{channel}: granted from {start} until {until} ({source})",
    ),
    "record.refused": (
        "{channel}: geweigerd vanaf {start} ({source})",
        "{channel}: refused from {start} ({source})",
    ),
    "record.withdrawn": (
        "{channel}: ingetrokken vanaf {start} ({source})",
        "{channel}: withdrawn from {start} ({source})",
    ),
    "source.form": ("formulier", "form"),
    "source.csv": ("csv", "csv"),
    "source.app": ("app", "app"),
    "reg.portraits.progress": ("Portretten", "Portraits"),
    "reg.portraits.done": (
        "{enrolled} portret(ten) als referentie opgeslagen, {already} stonden er al, {refused} "
        "geweigerd, {unmatched} bij niemand te plaatsen; {without} mensen hebben nog geen "
        "referentiegezicht.",
        "{enrolled} portrait(s) enrolled, {already} already there, {refused} refused, "
        "{unmatched} matching nobody; {without} people have no reference face yet.",
    ),
    "reg.portraits.refused": (
        "geweigerd: {file} ({id}): {why}",
        "refused: {file} ({id}): {why}",
    ),
    "reg.portraits.unmatched": (
        "bij niemand te plaatsen: {file} (geen leerlingnummer of naam uit het register in de "
        "bestandsnaam)",
        "matches nobody: {file} (no pupil number or name from the register in the file name)",
    ),
    "reg.portraits.ambiguous": (
        "niet eenduidig: {file} past bij {ids}; geef het bestand het leerlingnummer als naam",
        "ambiguous: {file} matches {ids}; name the file by the pupil number",
    ),
    "reg.portraits.without": (
        "Nog zonder referentiegezicht ({count}):",
        "Still without a reference face ({count}):",
    ),
    "reg.portraits.more": ("  ... en nog {count}", "  ... and {count} more"),
    "demo.made": (
        "Demoregister: {path}\nProbeer het met het demo-evenement:",
        "Demo register: {path}\nTry it with the demo event:",
    ),
}
