"""Sentences about reading photos: why a file cannot be used."""

from __future__ import annotations

MESSAGES = {
    "photo.missing": ("het bestand bestaat niet", "the file does not exist"),
    "photo.unreadable": (
        "het bestand kan niet gelezen worden ({detail})",
        "the file cannot be read ({detail})",
    ),
    "photo.no_permission": (
        "het bestand kan niet gelezen worden (geen toegang)",
        "the file cannot be read (no permission)",
    ),
    "photo.empty": ("het bestand is leeg (0 bytes)", "the file is empty (0 bytes)"),
}
