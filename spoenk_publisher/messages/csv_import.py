"""Sentences about importing and exporting the register's lists (``register.csv_io``): problems
in a file, the plan of an import (which column went where), and the 16+ renewal mark."""

from __future__ import annotations

_MAP = '--map "{column}=kanaal" of --map "{column}=negeren"'
_MAP_EN = '--map "{column}=channel" or --map "{column}=ignore"'

MESSAGES = {
    # -- where, and the headline ---------------------------------------------------------------
    "csv_import.where": ("regel {line}", "line {line}"),
    "csv_import.where_column": ("regel {line}, kolom {column}", "line {line}, column {column}"),
    "csv_import.headline": (
        (
            "{file}: {count} probleem, er is niets geïmporteerd",
            "{file}: {count} problemen, er is niets geïmporteerd",
        ),
        (
            "{file}: {count} problem, nothing was imported",
            "{file}: {count} problems, nothing was imported",
        ),
    ),
    # -- the file as a whole -------------------------------------------------------------------
    "csv_import.unreadable": (
        "het bestand kan niet gelezen worden ({detail})",
        "the file cannot be read ({detail})",
    ),
    "csv_import.empty": ("het bestand is leeg", "the file is empty"),
    "csv_import.not_csv": ("geen geldige CSV ({detail})", "not valid CSV ({detail})"),
    "csv_import.old_excel": (
        "een oud Excel-bestand (.xls): sla het in Excel op als .xlsx of als CSV",
        "an old Excel file (.xls): save it in Excel as .xlsx or as CSV",
    ),
    "csv_import.xlsx_unreadable": (
        "het Excel-bestand kan niet gelezen worden ({detail})",
        "the Excel file cannot be read ({detail})",
    ),
    "csv_import.no_header": (
        "geen kopregel gevonden in de eerste {rows} regels: het bestand heeft een kolom nodig "
        "met het leerlingnummer (leerlingnummer, stamnummer, ...) of de naam (naam, of roepnaam "
        "en achternaam)",
        "no header found in the first {rows} lines: the file needs a column with the pupil "
        "number (leerlingnummer, stamnummer, ...) or the name (naam, or roepnaam and achternaam)",
    ),
    "csv_import.no_rows": (
        "het bestand heeft een kopregel maar geen regels",
        "the file has a header but no rows",
    ),
    "csv_import.no_name_column": (
        "de kolom naam ontbreekt (of roepnaam en achternaam)",
        "the column naam is missing (or roepnaam and achternaam)",
    ),
    "csv_import.no_first_name_column": (
        "de kolom roepnaam ontbreekt naast achternaam",
        "the column roepnaam is missing beside achternaam",
    ),
    "csv_import.no_id_column": (
        "er is geen kolom leerlingnummer (of stamnummer, ...) en geen kolom geboortedatum: "
        "zonder een van beide is dezelfde leerling bij een volgende import niet te herkennen",
        "there is no column leerlingnummer (or stamnummer, ...) and no column geboortedatum: "
        "without one of them the same pupil cannot be recognised at the next import",
    ),
    "csv_import.no_question_column": (
        "de kolom {missing} ontbreekt (een lijst met één regel per vraag heeft de kolommen "
        "vraag en antwoord)",
        "the column {missing} is missing (a list with one row per question has the columns "
        "vraag and antwoord)",
    ),
    # -- columns -------------------------------------------------------------------------------
    "csv_import.ambiguous_close": (
        "onbekende kolom; bedoelt u {channel}? Kies met " + _MAP,
        "unknown column; do you mean {channel}? Choose with " + _MAP_EN,
    ),
    "csv_import.ambiguous_consent": (
        "deze kolom lijkt over toestemming te gaan, maar noemt geen kanaal. Kies met " + _MAP,
        "this column seems to be about consent but names no channel. Choose with " + _MAP_EN,
    ),
    "csv_import.ambiguous_answers": (
        "deze kolom bevat antwoorden (ja/nee), maar noemt geen kanaal. Kies met " + _MAP,
        "this column holds answers (yes/no) but names no channel. Choose with " + _MAP_EN,
    ),
    "csv_import.ambiguous_field": (
        "dezelfde soort kolom als {others}; kies er één en negeer de andere met --map "
        '"{column}=negeren"',
        "the same kind of column as {others}; keep one and ignore the other with --map "
        '"{column}=ignore"',
    ),
    "csv_import.ambiguous_channel": (
        'beslist net als {others} over {channels}; negeer er één met --map "{column}=negeren" '
        'of geef met --map "{column}=kanaal" aan waarover elk gaat',
        'decides {channels} just as {others} does; ignore one with --map "{column}=ignore" or '
        'say with --map "{column}=channel" what each is about',
    ),
    "csv_import.map_unknown_column": (
        "--map noemt de kolom {column}, die niet in het bestand staat (kolommen: {known})",
        "--map names the column {column}, which is not in the file (columns: {known})",
    ),
    "csv_import.map_unknown_target": (
        "--map: {target} is geen kanaal of veld; schrijf een kanaal (website, nieuwsbrief, "
        "instagram, ...), social media, openbaar, een veld (leerlingnummer, naam, groep, ...) "
        "of negeren",
        "--map: {target} is not a channel or a field; write a channel (website, nieuwsbrief, "
        "instagram, ...), social media, openbaar, a field (leerlingnummer, naam, groep, ...) or "
        "ignore",
    ),
    # -- rows ----------------------------------------------------------------------------------
    "csv_import.value_after_last": (
        "een waarde na de laatste kolom: '{value}'",
        "a value after the last column: '{value}'",
    ),
    "csv_import.value_no_header": (
        "een waarde in een kolom zonder kop: '{value}'",
        "a value in a column without a header: '{value}'",
    ),
    "csv_import.id_empty": ("het leerlingnummer is leeg", "the pupil number is empty"),
    "csv_import.id_scientific": (
        "'{value}' lijkt een getal dat Excel heeft herschreven; maak de kolom in Excel op als "
        "tekst",
        "'{value}' looks like a number Excel rewrote; format the column as text in Excel",
    ),
    "csv_import.id_twice": (
        "{id} staat ook al op regel {first}",
        "{id} is already on line {first}",
    ),
    "csv_import.name_empty": ("de naam is leeg", "the name is empty"),
    "csv_import.name_differs": (
        "{name} heeft hetzelfde nummer als {other} op regel {first}",
        "{name} has the same number as {other} on line {first}",
    ),
    "csv_import.answer_twice": (
        "deze vraag is voor deze leerling al anders beantwoord op regel {first}",
        "this question was answered differently for this pupil on line {first}",
    ),
    "csv_import.not_birth_date": (
        "'{value}' is geen geboortedatum (schrijf 31-12-2012 of 2012-12-31)",
        "'{value}' is not a date of birth (write 31-12-2012 or 2012-12-31)",
    ),
    "csv_import.birth_date_missing": (
        "de geboortedatum is leeg, en het bestand heeft geen leerlingnummer: zonder een van "
        "beide is deze leerling bij een volgende import niet te herkennen",
        "the date of birth is empty and the file has no pupil number: without one of them this "
        "pupil cannot be recognised at the next import",
    ),
    "csv_import.not_role": (
        "'{value}' is geen rol; schrijf leerling, medewerker of overig",
        "'{value}' is not a role; write leerling, medewerker or overig (or pupil, staff, other)",
    ),
    "csv_import.not_yes_no": (
        "'{value}' is geen ja of nee",
        "'{value}' is not ja or nee (also accepted: yes/no, 1/0)",
    ),
    "csv_import.not_answer": (
        "'{value}' is geen antwoord; schrijf ja of nee (ook: j/n, yes/no, true/false, 1/0, x); "
        "leeg, onbekend of niet ingevuld telt als nee",
        "'{value}' is not an answer; write ja or nee (also: j/n, yes/no, true/false, 1/0, x); "
        "empty, onbekend or niet ingevuld count as no",
    ),
    "csv_import.not_date": (
        "'{value}' is geen datum (schrijf 31-07-2027, 2027-07-31 of een schooljaar: 2026-2027)",
        "'{value}' is not a date (write 2027-07-31, 31-07-2027 or a school year: 2026-2027)",
    ),
    "csv_import.date_past": ("{date} ligt in het verleden", "{date} is in the past"),
    "csv_import.not_answered_by": (
        "'{value}': niet duidelijk wie antwoordde; schrijf ouder/verzorger of leerling",
        "'{value}': not clear who answered; write ouder/verzorger (parent) or leerling (pupil)",
    ),
    # -- export --------------------------------------------------------------------------------
    "csv_export.exists": (
        "{file} bestaat al; geef --overwrite om het te vervangen",
        "{file} already exists; pass --overwrite to replace it",
    ),
    "csv_export.done": (
        ("{count} persoon geschreven naar {file}", "{count} mensen geschreven naar {file}"),
        ("wrote {count} person to {file}", "wrote {count} people to {file}"),
    ),
    # -- the plan ------------------------------------------------------------------------------
    "csv_import.plan.source_csv": (
        "{file}: CSV ({encoding}, gescheiden door {delimiter}), kopregel op regel {line}",
        "{file}: CSV ({encoding}, separated by {delimiter}), header on line {line}",
    ),
    "csv_import.plan.source_xlsx": (
        "{file}: Excel-werkmap, blad {sheet}, kopregel op rij {line}",
        "{file}: Excel workbook, sheet {sheet}, header on row {line}",
    ),
    "csv_import.plan.delimiter.;": ("puntkomma", "semicolon"),
    "csv_import.plan.delimiter.,": ("komma", "comma"),
    "csv_import.plan.delimiter.tab": ("tab", "tab"),
    "csv_import.plan.encoding.utf-8": ("UTF-8", "UTF-8"),
    "csv_import.plan.encoding.utf-8-sig": ("UTF-8 met BOM", "UTF-8 with BOM"),
    "csv_import.plan.encoding.windows-1252": ("Windows-1252", "Windows-1252"),
    "csv_import.plan.encoding.utf-16": ("UTF-16", "UTF-16"),
    "csv_import.plan.columns": ("Kolommen:", "Columns:"),
    "csv_import.plan.questions": (
        "Vragen (één regel per leerling en vraag):",
        "Questions (one row per pupil and question):",
    ),
    "csv_import.plan.untouched": (
        "Geen kolom voor {channels}: daar blijft alles zoals het is",
        "No column for {channels}: nothing changes there",
    ),
    "csv_import.plan.remembered_used": (
        "Keuzes van een eerdere import met deze kolommen zijn gebruikt.",
        "Choices from an earlier import with these columns were used.",
    ),
    "csv_import.plan.people": (
        "Mensen: {added} nieuw, {changed} gewijzigd, {same} ongewijzigd",
        "People: {added} new, {changed} changed, {same} unchanged",
    ),
    "csv_import.plan.person_new": (
        "nieuw       {id}  {name} {group}",
        "new         {id}  {name} {group}",
    ),
    "csv_import.plan.person_changed": (
        "gewijzigd   {id}  {name}: {fields}",
        "changed     {id}  {name}: {fields}",
    ),
    "csv_import.plan.records": (
        ("Toestemming: {count} record ({channels})", "Toestemming: {count} records ({channels})"),
        ("Consent: {count} record ({channels})", "Consent: {count} records ({channels})"),
    ),
    "csv_import.plan.no_records": (
        "Toestemming: niets verandert",
        "Consent: nothing changes",
    ),
    "csv_import.plan.unanswered": (
        (
            "Geteld als nee (leeg, onbekend of niet ingevuld): {count} antwoord",
            "Geteld als nee (leeg, onbekend of niet ingevuld): {count} antwoorden",
        ),
        (
            "Counted as no (empty, unknown or not answered): {count} answer",
            "Counted as no (empty, unknown or not answered): {count} answers",
        ),
    ),
    "csv_import.plan.unanswered_line": (
        "regel {line}, {name}: {column} ({value})",
        "line {line}, {name}: {column} ({value})",
    ),
    "csv_import.plan.empty_value": ("leeg", "empty"),
    "csv_import.plan.more": ("... en nog {count}", "... and {count} more"),
    "csv_import.plan.dry_run": (
        "Proefimport: er is niets opgeslagen. Importeren: "
        "spoenk-publisher register import-csv {file}{options}",
        "Dry run: nothing was written. To import: "
        "spoenk-publisher register import-csv {file}{options}",
    ),
    "csv_import.plan.imported": (
        "{file}: {added} mensen toegevoegd, {changed} gewijzigd, {records} toestemmingsrecords",
        "{file}: {added} people added, {changed} changed, {records} consent records",
    ),
    "csv_import.plan.choices_remembered": (
        "De keuzes voor deze kolommen zijn onthouden voor een volgende import.",
        "The choices for these columns are remembered for a next import.",
    ),
    "csv_import.plan.map_hint": (
        "Kies wat deze kolommen betekenen en probeer het opnieuw, bijvoorbeeld:",
        "Choose what these columns mean and try again, for example:",
    ),
    # what a column is taken as
    "csv_import.channel.newsletter": ("nieuwsbrief", "newsletter"),
    "csv_import.target.field": ("{field}", "{field}"),
    "csv_import.target.channels": ("{channels}", "{channels}"),
    "csv_import.target.social": ("{channels} (social media)", "{channels} (social media)"),
    "csv_import.target.public": ("{channels} (openbaar)", "{channels} (public)"),
    "csv_import.target.covered": (
        "geen kanaal: elk kanaal ervan heeft een eigen kolom",
        "no channel: each of its channels has a column of its own",
    ),
    "csv_import.target.until": ("geldig tot, voor {channel}", "valid until, for {channel}"),
    "csv_import.target.internal": (
        "genegeerd: intern, geeft geen toestemming voor een kanaal",
        "ignored: internal, grants no channel",
    ),
    "csv_import.target.unused": ("niet gebruikt", "not used"),
    "csv_import.target.chosen": ("genegeerd", "ignored"),
    "csv_import.target.not_needed": (
        "niet nodig: de kolom met de hele naam wordt gebruikt",
        "not needed: the column with the whole name is used",
    ),
    "csv_import.target.ambiguous": ("NIET EENDUIDIG: {problem}", "AMBIGUOUS: {problem}"),
    "csv_import.origin.map": ("(--map)", "(--map)"),
    "csv_import.origin.remembered": ("(onthouden)", "(remembered)"),
    "csv_import.field.id": ("leerlingnummer", "pupil number"),
    "csv_import.field.name": ("naam", "name"),
    "csv_import.field.first_name": ("roepnaam", "first name"),
    "csv_import.field.prefix": ("tussenvoegsel", "name prefix"),
    "csv_import.field.last_name": ("achternaam", "surname"),
    "csv_import.field.group": ("groep", "group"),
    "csv_import.field.role": ("rol", "role"),
    "csv_import.field.active": ("actief", "active"),
    "csv_import.field.valid_until": ("geldig tot", "valid until"),
    "csv_import.field.birth_date": (
        "geboortedatum (alleen voor het id en de 16+-regel; niet bewaard)",
        "date of birth (only for the id and the 16+ rule; not stored)",
    ),
    "csv_import.field.answered_by": ("ingevuld door", "answered by"),
    "csv_import.field.question": ("vraag", "question"),
    "csv_import.field.answer": ("antwoord", "answer"),
    "csv_import.changed.name": ("naam", "name"),
    "csv_import.changed.group": ("groep", "group"),
    "csv_import.changed.role": ("rol", "role"),
    "csv_import.changed.active": ("actief", "active"),
    "csv_import.changed.turns_16": ("16 jaar in", "turns 16 in"),
    # -- 16+ -----------------------------------------------------------------------------------
    "csv_import.renewal_mark": ("16+", "16+"),
    "csv_import.renewal_legend": (
        "16+: toestemming van een ouder, maar de leerling is nu 16 of ouder: vraag de leerling "
        "zelf opnieuw",
        "16+: consent given by a parent, but the pupil is now 16 or older: ask the pupil again",
    ),
    "csv_import.renewal_tooltip": (
        "Toestemming gegeven door een ouder/verzorger; de leerling is nu 16 of ouder en beslist "
        "zelf: vraag de leerling opnieuw.",
        "Consent given by a parent or guardian; the pupil is now 16 or older and decides for "
        "themself: ask the pupil again.",
    ),
}
