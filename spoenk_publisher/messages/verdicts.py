"""Sentences about a photo's verdict and why each face is kept or blurred."""

from __future__ import annotations

MESSAGES = {
    "face.consent": ("toestemming voor {channel}", "consent for {channel}"),
    "face.refused": ("geen toestemming voor {channel}", "no consent for {channel}"),
    "face.none": ("geen toestemming voor {channel}", "no consent for {channel}"),
    "face.withdrawn": (
        "toestemming voor {channel} ingetrokken",
        "consent for {channel} withdrawn",
    ),
    "face.expired": ("toestemming voor {channel} verlopen", "consent for {channel} expired"),
    "face.not_yet": (
        "toestemming voor {channel} gaat pas later in",
        "consent for {channel} starts later",
    ),
    "face.unknown": ("onbekend", "unknown"),
    "face.ambiguous": ("niet met zekerheid herkend", "not recognised with certainty"),
    "face.too_small": ("te klein om te herkennen", "too small to recognise"),
    "face.unreliable": (
        "te scheef, wazig of klein om zeker te herkennen",
        "too turned, blurred or small to recognise with certainty",
    ),
    "face.forced_blur": ("met de hand vervaagd", "blurred by hand"),
    "face.named": ("{name} ({why})", "{name} ({why})"),
    "face.times": ("{count}× {why}", "{count}× {why}"),
    "verdict.ok_none": (
        "Mag geplaatst worden: geen gezichten gevonden.",
        "May be published: no faces found.",
    ),
    "verdict.no_faces": ("geen gezichten gevonden", "no faces found"),
    "verdict.ok": ("Mag geplaatst worden ({people}).", "May be published ({people})."),
    "verdict.blur": (
        ("1 gezicht wordt vervaagd: {why}", "{count} gezichten worden vervaagd: {why}"),
        ("1 face will be blurred: {why}", "{count} faces will be blurred: {why}"),
    ),
    "verdict.exclude": ("Wordt weggelaten: {why}", "Left out: {why}"),
    "verdict.export_only": (
        "Alleen de export mag geplaatst worden: {why}",
        "Only the export may be published: {why}",
    ),
}
