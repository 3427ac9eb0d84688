"""Anonymisation and resizing of one upright image: what the published photo will look like.

Every face to hide is covered over a region larger than the detector's box (forehead, hair,
ears, chin). The cover is destructive: the region is reduced to a handful of blocks before
anything else, so no deblurring can bring the face back. Its strength follows the face's size,
so a large face is as unrecognisable as a small one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PIL import Image, ImageDraw, ImageFilter

from spoenk_publisher.core.faces import Box

Style = Literal["pixelate", "blur", "solid"]
Shape = Literal["ellipse", "rectangle"]
STYLES: tuple[Style, ...] = ("pixelate", "blur", "solid")

#: Blocks across the covered region: at 7 a face keeps no feature a person or a face encoder
#: can use (tests/core/test_render.py checks that neither the detector nor the encoder finds it).
PIXELATE_BLOCKS = 7
#: The blur style first reduces the region to this many pixels across, then blurs it.
BLUR_SAMPLES = 5
SOLID_COLOUR = (128, 128, 128)


@dataclass(frozen=True)
class CoverMargins:
    """How far the cover reaches beyond the detector's box, in box widths/heights.

    Defaults are generous: CenterFace's box runs from brow to chin, and hair, ears and chin
    identify a child as much as the face does.
    """

    sides: float = 0.35
    top: float = 0.6
    bottom: float = 0.3


DEFAULT_MARGINS = CoverMargins()


def cover_region(box: Box, size: tuple[int, int], margins: CoverMargins = DEFAULT_MARGINS) -> Box:
    """The region covered for ``box`` in an image of ``size``, clipped to the image."""
    width, height = size
    return Box(
        max(0, round(box.x0 - margins.sides * box.width)),
        max(0, round(box.y0 - margins.top * box.height)),
        min(width, round(box.x1 + margins.sides * box.width)),
        min(height, round(box.y1 + margins.bottom * box.height)),
    )


def anonymise(
    image: Image.Image,
    boxes: Sequence[Box],
    style: Style = "pixelate",
    shape: Shape = "ellipse",
    margins: CoverMargins = DEFAULT_MARGINS,
) -> Image.Image:
    """A copy of ``image`` (RGB, upright) with every box (in its pixels) covered."""
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; expected one of {STYLES}")
    result = image.copy() if image.mode == "RGB" else image.convert("RGB")
    for box in boxes:
        region = cover_region(box, result.size, margins)
        if region.width < 1 or region.height < 1:
            continue
        crop = result.crop((region.x0, region.y0, region.x1, region.y1))
        covered = _cover(crop, style)
        mask = Image.new("L", crop.size, 0)
        draw = ImageDraw.Draw(mask)
        if shape == "ellipse":
            draw.ellipse((0, 0, crop.width - 1, crop.height - 1), fill=255)
        else:
            draw.rectangle((0, 0, crop.width - 1, crop.height - 1), fill=255)
        result.paste(covered, (region.x0, region.y0), mask)
    return result


def _cover(crop: Image.Image, style: Style) -> Image.Image:
    if style == "solid":
        return Image.new("RGB", crop.size, SOLID_COLOUR)
    side = max(crop.size)
    blocks = PIXELATE_BLOCKS if style == "pixelate" else BLUR_SAMPLES
    small = (max(1, round(crop.width * blocks / side)), max(1, round(crop.height * blocks / side)))
    reduced = crop.resize(small, Image.Resampling.BOX)
    if style == "pixelate":
        # Visible blocks, as "Gepixeld" promises: 7 across a face's region are 7 averages, from
        # which no face can be rebuilt (the detector and the encoder find nothing, tests).
        return reduced.resize(crop.size, Image.Resampling.NEAREST)
    smooth = reduced.resize(crop.size, Image.Resampling.BILINEAR)
    return smooth.filter(ImageFilter.GaussianBlur(radius=side / 8))


def fit_long_side(image: Image.Image, long_side: int | None) -> Image.Image:
    """``image`` scaled down so its long side is at most ``long_side`` (never enlarged)."""
    if not long_side or max(image.size) <= long_side:
        return image
    ratio = long_side / max(image.size)
    size = (max(1, round(image.width * ratio)), max(1, round(image.height * ratio)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
