"""Draw the app icon (a camera on a shield: photos, protected) and write it in every format the
bundles need: ``resources/icons/spoenk-publisher.png`` (256 px, Linux and the window icon),
``.ico`` (Windows) and ``.icns`` (macOS).

Drawn with Pillow, no artwork downloaded. The icons are committed; run this again only to change
them: ``.venv/bin/python packaging/make_icons.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
NAME = "spoenk-publisher"
#: Drawn this large and scaled down, which smooths the edges Pillow draws without anti-aliasing.
CANVAS = 1024

BACKGROUND = (27, 94, 140)  # Spoenk blue
SHIELD = (255, 255, 255)
CAMERA = (27, 94, 140)
LENS = (255, 255, 255)
LENS_RING = (245, 166, 35)  # a warm accent, the "consent given" colour


def draw_icon(size: int = CANVAS) -> Image.Image:
    """The icon at ``size`` pixels square, with a transparent margin as desktop icons have."""
    s = CANVAS / 1024
    image = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([40 * s, 40 * s, 984 * s, 984 * s], radius=200 * s, fill=BACKGROUND)
    # A shield: straight top with rounded corners, sides curving to a point at the bottom.
    shield = [
        (232 * s, 200 * s),
        (792 * s, 200 * s),
        (792 * s, 520 * s),
        (770 * s, 630 * s),
        (700 * s, 740 * s),
        (600 * s, 830 * s),
        (512 * s, 884 * s),
        (424 * s, 830 * s),
        (324 * s, 740 * s),
        (254 * s, 630 * s),
        (232 * s, 520 * s),
    ]
    draw.polygon(shield, fill=SHIELD)
    # A camera body with its viewfinder bump, and a lens in the accent colour.
    draw.rounded_rectangle([312 * s, 400 * s, 712 * s, 660 * s], radius=48 * s, fill=CAMERA)
    draw.rounded_rectangle([420 * s, 350 * s, 560 * s, 420 * s], radius=20 * s, fill=CAMERA)
    draw.ellipse([422 * s, 440 * s, 602 * s, 620 * s], fill=LENS_RING)
    draw.ellipse([462 * s, 480 * s, 562 * s, 580 * s], fill=LENS)
    draw.ellipse([482 * s, 500 * s, 542 * s, 560 * s], fill=CAMERA)
    draw.ellipse([636 * s, 430 * s, 676 * s, 470 * s], fill=LENS_RING)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS_DIR.mkdir(parents=True, exist_ok=True)
    icon = draw_icon()
    icon.resize((256, 256), Image.Resampling.LANCZOS).save(ICONS_DIR / f"{NAME}.png")
    icon.save(
        ICONS_DIR / f"{NAME}.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )
    icon.save(ICONS_DIR / f"{NAME}.icns")
    for path in sorted(ICONS_DIR.glob(f"{NAME}.*")):
        print(f"{path.relative_to(ICONS_DIR.parents[1])}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
