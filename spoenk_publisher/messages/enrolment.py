"""Sentences about reference photos: why one cannot be used."""

from __future__ import annotations

MESSAGES = {
    "enrol.no_face": (
        "er is geen gezicht gevonden; een referentiefoto moet precies één gezicht tonen",
        "no face was found; a reference photo must show exactly one face",
    ),
    "enrol.several_faces": (
        "een referentiefoto moet precies één gezicht tonen, maar er zijn er {count} gevonden; "
        "gebruik een foto van de persoon alleen, of knip hem bij",
        "a reference photo must show exactly one face, but {count} faces were found; "
        "use a photo of the person alone, or crop it",
    ),
    "enrol.too_small": (
        "het gezicht is te klein voor een referentie ({height} pixels hoog, minstens {needed} "
        "nodig): gebruik een foto die dichterbij genomen is",
        "the face is too small to serve as a reference ({height} pixels high, at least "
        "{needed} needed): use a closer photo",
    ),
}
