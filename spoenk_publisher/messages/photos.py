"""Sentences about reading photos: why a file cannot be used, what is checked of it."""

from __future__ import annotations

MESSAGES = {
    "photo.missing": ("het bestand bestaat niet", "the file does not exist"),
    "photo.broken_link": (
        "de snelkoppeling wijst naar een bestand dat niet bestaat",
        "the link points to a file that does not exist",
    ),
    "photo.link_loop": (
        "de snelkoppeling wijst naar zichzelf (een kringverwijzing)",
        "the link points back to itself (a loop)",
    ),
    "photo.is_folder": ("dit is een map, geen foto", "this is a folder, not a photo"),
    "photo.not_a_file": (
        "dit is geen gewoon bestand (bijvoorbeeld een pijp of apparaat) en wordt niet gelezen",
        "this is not a regular file (a pipe or device, for example) and is not read",
    ),
    "photo.unreadable": (
        "het bestand kan niet gelezen worden ({detail})",
        "the file cannot be read ({detail})",
    ),
    "photo.no_permission": (
        "het bestand kan niet gelezen worden (geen toegang)",
        "the file cannot be read (no permission)",
    ),
    "photo.empty": ("het bestand is leeg (0 bytes)", "the file is empty (0 bytes)"),
    "photo.damaged_format": (
        "het bestand is beschadigd: het begint als een {format}-foto maar is niet te openen",
        "the file is damaged: it starts like a {format} image but cannot be decoded",
    ),
    "photo.not_an_image": (
        "het bestand is geen foto, of het formaat wordt niet ondersteund",
        "the file is not an image or its format is not supported",
    ),
    "photo.wrong_suffix": (
        "het bestand is een {format}-foto, maar de naam eindigt op {suffix}",
        "the file is a {format} image but its name ends in {suffix}",
    ),
    "photo.too_large": (
        "de foto is te groot om veilig te openen (de grens is {limit} megapixel)",
        "the image is too large to open safely (the limit is {limit} megapixels)",
    ),
    "photo.too_large_size": (
        "de foto is te groot om veilig te openen ({width}x{height}, {mp} megapixel; "
        "de grens is {limit} megapixel)",
        "the image is too large to open safely ({width}x{height}, {mp} MP; "
        "the limit is {limit} megapixels)",
    ),
    "photo.truncated": (
        "het bestand is onvolledig (afgebroken): kopieer het opnieuw van de camera of telefoon",
        "the file is incomplete (truncated): copy it again from the camera or phone",
    ),
    "photo.damaged": (
        "het bestand is beschadigd en niet te openen ({detail})",
        "the file is damaged and cannot be decoded ({detail})",
    ),
    "photo.changed": (
        "het bestand is veranderd sinds het gecontroleerd werd: controleer het opnieuw",
        "the file changed since it was checked: check it again",
    ),
    "photo.first_frame_only": (
        (
            "dit bestand bevat {count} beeld; alleen dat is gecontroleerd",
            "dit bestand bevat {count} beelden (een animatie of meerdere pagina's): alleen het "
            "eerste is gecontroleerd en alleen dat komt in de export. Plaats de export, nooit "
            "het origineel",
        ),
        (
            "this file holds {count} frame; only it was checked",
            "this file holds {count} frames (an animation or several pages): only the first "
            "was checked, and only it is exported. Publish the export, never the original",
        ),
    ),
    "analysis.failed": (
        "de analyse is mislukt ({detail})",
        "the analysis failed ({detail})",
    ),
    "analysis.process_died": (
        "het analyseproces stopte onverwacht (te weinig geheugen?)",
        "the analysis process stopped unexpectedly (out of memory?)",
    ),
}
