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
    "enrol.no_encoding": (
        "van dit gezicht zijn geen kenmerken bekend (met de hand getekend, of te klein): het kan "
        "geen referentie zijn",
        "this face has no encoding (drawn by hand, or too small): it cannot be a reference",
    ),
    "enrol.turned": (
        "het gezicht is te ver opzij gedraaid voor een referentie: gebruik een foto waarop de "
        "persoon recht in de camera kijkt",
        "the face is turned too far to the side to serve as a reference: use a photo of the "
        "person looking straight into the camera",
    ),
    "enrol.tilted": (
        "het hoofd is te ver omhoog of omlaag gekanteld voor een referentie: gebruik een foto "
        "waarop de persoon recht in de camera kijkt",
        "the head is tilted too far up or down to serve as a reference: use a photo of the "
        "person looking straight into the camera",
    ),
    "enrol.blurred": (
        "het gezicht is te wazig voor een referentie (onscherp, bewogen of uitvergroot): "
        "gebruik een scherpe foto die dichterbij genomen is",
        "the face is too blurred to serve as a reference (out of focus, moving or enlarged): "
        "use a sharp photo taken closer by",
    ),
}
