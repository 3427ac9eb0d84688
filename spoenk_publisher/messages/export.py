"""Sentences about exporting: why a photo or the whole export could not be written."""

from __future__ import annotations

MESSAGES = {
    "export.write_failed": (
        "kon niet worden weggeschreven ({detail})",
        "could not be written ({detail})",
    ),
    "export.own_output": (
        "overgeslagen: dit is een foto die deze app eerder exporteerde",
        "skipped: this is a photo this app exported before",
    ),
    "export.out_dir_unusable": (
        "de exportmap {folder} kan niet gemaakt worden ({detail})",
        "the export folder {folder} cannot be made ({detail})",
    ),
    "export.out_dir_not_a_folder": (
        "{folder} is een bestand, geen map: kies een map voor de export",
        "{folder} is a file, not a folder: choose a folder for the export",
    ),
    "export.out_is_source": (
        "{folder} is een map met de foto's zelf: kies een andere (lege) map voor de export, "
        "zodat geëxporteerde foto's niet tussen de originelen komen",
        "{folder} holds the photos themselves: choose another (empty) folder for the export, "
        "so that exported photos do not mix with the originals",
    ),
}
