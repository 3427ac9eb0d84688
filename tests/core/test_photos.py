"""The photo loader on a real photo: formats, orientation, colours, reduced decode, bad input."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import numpy as np
import piexif
import pytest
from PIL import Image, ImageCms

from spoenk_publisher.core.photos import (
    MAX_PIXELS,
    UnreadablePhoto,
    content_hash,
    image_size,
    list_photos,
    load_for_analysis,
    load_upright,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "loader"
REAL_PHOTO = DATA / "voc-2008_001322.jpg"  # 500x375, three hand-boxed faces


@pytest.fixture(scope="module")
def upright() -> Image.Image:
    return Image.open(REAL_PHOTO).convert("RGB")


def mean_abs_diff(a: Image.Image, b: Image.Image) -> float:
    assert a.size == b.size, (a.size, b.size)
    return float(np.abs(np.asarray(a, np.int16) - np.asarray(b, np.int16)).mean())


# --- formats -----------------------------------------------------------------------------------

LOSSLESS = {"png": "PNG", "tiff": "TIFF", "bmp": "BMP"}
LOSSY = {"jpg": "JPEG", "webp": "WEBP", "heic": "HEIF"}


@pytest.mark.parametrize("suffix", [*LOSSLESS, *LOSSY, "gif"])
def test_every_format_loads_as_upright_rgb(tmp_path, upright, suffix):
    path = tmp_path / f"photo.{suffix}"
    if suffix == "gif":
        upright.save(path, "GIF")
    else:
        fmt = LOSSLESS.get(suffix) or LOSSY[suffix]
        upright.save(path, fmt, **({"quality": 95} if suffix in LOSSY else {}))

    loaded = load_upright(path)

    assert loaded.mode == "RGB" and loaded.size == upright.size
    # Lossless formats give the same pixels; lossy ones and GIF's 256 colours stay close.
    limit = {"png": 0, "tiff": 0, "bmp": 0, "jpg": 4, "webp": 6, "heic": 6, "gif": 12}[suffix]
    assert mean_abs_diff(loaded, upright) <= limit


def test_animated_gif_gives_its_first_frame(tmp_path, upright):
    second = Image.new("RGB", upright.size, (0, 0, 255))
    path = tmp_path / "anim.gif"
    upright.save(path, "GIF", save_all=True, append_images=[second], duration=100)

    first = load_upright(path)

    assert mean_abs_diff(first, upright) < 12
    assert mean_abs_diff(first, second) > 50


# --- EXIF orientation ---------------------------------------------------------------------------

# What a camera stores for each orientation value, given the upright picture: the inverse of
# the transform that the value asks a viewer to apply.
STORED_FROM_UPRIGHT = {
    1: [],
    2: [Image.Transpose.FLIP_LEFT_RIGHT],
    3: [Image.Transpose.ROTATE_180],
    4: [Image.Transpose.FLIP_TOP_BOTTOM],
    5: [Image.Transpose.TRANSPOSE],
    6: [Image.Transpose.ROTATE_90],
    7: [Image.Transpose.TRANSVERSE],
    8: [Image.Transpose.ROTATE_270],
}


def save_with_orientation(upright: Image.Image, orientation: int, path: Path, **kwargs) -> None:
    stored = upright
    for step in STORED_FROM_UPRIGHT[orientation]:
        stored = stored.transpose(step)
    exif = piexif.dump({"0th": {piexif.ImageIFD.Orientation: orientation}})
    stored.save(path, "JPEG", quality=95, exif=exif, **kwargs)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_each_orientation_gives_the_same_upright_pixels(tmp_path, upright, orientation):
    path = tmp_path / f"o{orientation}.jpg"
    save_with_orientation(upright, orientation, path)

    loaded = load_upright(path)

    assert loaded.size == upright.size
    assert image_size(path) == upright.size
    assert mean_abs_diff(loaded, upright) < 4
    # The check can fail: the picture mirrored is far from the upright one.
    assert mean_abs_diff(loaded.transpose(Image.Transpose.FLIP_LEFT_RIGHT), upright) > 20


def test_reduced_decode_of_a_rotated_photo_is_upright_too(tmp_path, upright):
    path = tmp_path / "o6.jpg"
    save_with_orientation(upright, 6, path)

    working = load_for_analysis(path, long_side=250)

    assert working.full_size == upright.size
    assert max(working.image.size) == 250
    reference = upright.resize(working.image.size, Image.Resampling.BILINEAR)
    assert mean_abs_diff(working.image, reference) < 6


# --- colour modes -------------------------------------------------------------------------------


def test_cmyk_jpeg_is_converted_to_rgb(tmp_path, upright):
    path = tmp_path / "cmyk.jpg"
    upright.convert("CMYK").save(path, "JPEG", quality=95)

    assert mean_abs_diff(load_upright(path), upright) < 6


def test_greyscale_and_palette_become_rgb(tmp_path, upright):
    grey_path, palette_path = tmp_path / "grey.png", tmp_path / "palette.png"
    upright.convert("L").save(grey_path)
    upright.convert("P", palette=Image.Palette.ADAPTIVE, colors=256).save(palette_path)

    grey = load_upright(grey_path)
    assert grey.mode == "RGB"
    assert mean_abs_diff(grey, upright.convert("L").convert("RGB")) == 0
    assert mean_abs_diff(load_upright(palette_path), upright) < 10


def test_transparent_areas_become_white(tmp_path, upright):
    rgba = upright.convert("RGBA")
    alpha = Image.new("L", upright.size, 255)
    alpha.paste(0, (0, 0, 100, 100))
    rgba.putalpha(alpha)
    path = tmp_path / "alpha.png"
    rgba.save(path)

    loaded = load_upright(path)

    assert loaded.getpixel((10, 10)) == (255, 255, 255)
    assert loaded.getpixel((300, 300)) == upright.getpixel((300, 300))


def test_sixteen_bit_greyscale_is_scaled_not_clipped(tmp_path):
    values = np.array([[0, 16384, 32768, 65535]], dtype=np.uint16).repeat(4, axis=0)
    path = tmp_path / "grey16.png"
    Image.fromarray(values).save(path)  # uint16 -> mode I;16

    loaded = np.asarray(load_upright(path))

    assert list(loaded[0, :, 0]) == [0, 64, 128, 255]


def test_sixteen_bit_rgb_png_keeps_its_colours(tmp_path):
    # Pillow cannot write a 48-bit PNG, so write the chunks by hand: one red, one mid-grey pixel.
    rows = struct.pack(">HHHHHH", 65535, 0, 0, 32896, 32896, 32896)
    raw = b"\x00" + rows
    path = tmp_path / "rgb16.png"
    path.write_bytes(_png(width=2, height=1, bit_depth=16, colour_type=2, raw=raw))

    loaded = load_upright(path)

    assert loaded.getpixel((0, 0)) == (255, 0, 0)
    assert loaded.getpixel((1, 0)) == (128, 128, 128)


def test_embedded_icc_profile_is_converted_to_srgb(tmp_path):
    # A profile whose red and green primaries are sRGB's green and red: a pixel stored as pure
    # red in it is green in sRGB. Reading it as sRGB (ignoring the profile) would show red.
    profile = _matrix_profile(red=SRGB_D50["green"], green=SRGB_D50["red"], blue=SRGB_D50["blue"])
    path = tmp_path / "swapped.png"
    Image.new("RGB", (8, 8), (255, 0, 0)).save(path, icc_profile=profile)

    r, g, b = load_upright(path).getpixel((4, 4))

    assert g > 200 and r < 60 and b < 60


def test_srgb_profile_changes_nothing(tmp_path, upright):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = tmp_path / "srgb.png"
    upright.save(path, icc_profile=srgb)

    assert mean_abs_diff(load_upright(path), upright) < 1.5


# --- reduced decode -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def twelve_mp(tmp_path_factory, upright) -> Path:
    """A 4000x3000 JPEG (12 MP) made from the real photo, as a phone would deliver it."""
    path = tmp_path_factory.mktemp("big") / "big.jpg"
    upright.resize((4000, 3000), Image.Resampling.LANCZOS).save(path, "JPEG", quality=92)
    return path


def test_reduced_decode_maps_back_to_full_resolution(twelve_mp):
    full = load_upright(twelve_mp)
    working = load_for_analysis(twelve_mp, long_side=1600)

    assert working.image.size == (1600, 1200)
    assert working.full_size == (4000, 3000)
    assert working.scale == pytest.approx(2.5)
    assert working.to_full((0, 0, 1600, 1200)) == (0, 0, 4000, 3000)
    # A face's box on the working copy covers the same face at full resolution: the face from
    # the hand boxes (344,155)-(434,245) in the 500 px original, i.e. x8 at 4000 px.
    face_working = (344 * 3.2, 155 * 3.2, 434 * 3.2, 245 * 3.2)
    box = working.to_full(face_working)
    assert box == (2752, 1240, 3472, 1960)
    crop_full = full.crop(box).resize((288, 288), Image.Resampling.BILINEAR)
    crop_working = working.image.crop(tuple(round(v) for v in face_working)).resize((288, 288))
    assert mean_abs_diff(crop_full, crop_working) < 8


def test_small_photo_is_not_enlarged(upright):
    working = load_for_analysis(REAL_PHOTO, long_side=1600)

    assert working.image.size == upright.size
    assert working.scale == 1.0


def test_odd_sizes_map_each_axis_exactly(tmp_path, upright):
    path = tmp_path / "odd.jpg"
    upright.resize((3001, 1999)).save(path, "JPEG", quality=90)

    working = load_for_analysis(path, long_side=700)

    assert max(working.image.size) == 700
    assert working.to_full((0, 0, *working.image.size)) == (0, 0, 3001, 1999)


# --- identity -----------------------------------------------------------------------------------


def test_content_hash_is_sha256_of_the_bytes(tmp_path):
    import hashlib

    assert content_hash(REAL_PHOTO) == hashlib.sha256(REAL_PHOTO.read_bytes()).hexdigest()
    renamed = tmp_path / "other-name.jpg"
    renamed.write_bytes(REAL_PHOTO.read_bytes())
    assert content_hash(renamed) == content_hash(REAL_PHOTO)


def test_list_photos_skips_other_files(tmp_path):
    for name in ["b.JPG", "a.png", ".hidden.jpg", "notes.txt", "c.heic"]:
        (tmp_path / name).write_bytes(b"x")

    assert [p.name for p in list_photos(tmp_path)] == ["a.png", "b.JPG", "c.heic"]


# --- bad input ----------------------------------------------------------------------------------


def bad_file(tmp_path: Path, kind: str) -> Path:
    data = REAL_PHOTO.read_bytes()
    if kind == "empty":
        return _write(tmp_path / "empty.jpg", b"")
    if kind == "truncated":
        return _write(tmp_path / "truncated.jpg", data[: len(data) // 2])
    if kind == "corrupt":
        # A valid header followed by noise where the compressed picture should be.
        noise = np.random.default_rng(1).integers(0, 256, len(data), dtype=np.uint8).tobytes()
        return _write(tmp_path / "corrupt.jpg", data[:200] + noise)
    if kind == "lying-extension":
        buffer = io.BytesIO()
        Image.open(REAL_PHOTO).save(buffer, "PNG")
        return _write(tmp_path / "really-a-png.jpg", buffer.getvalue())
    if kind == "not-an-image":
        return _write(tmp_path / "notes.jpg", b"Dit is geen foto.\n" * 50)
    if kind == "bomb":
        # A PNG header that claims 30000 x 30000 pixels (900 MP).
        return _write(tmp_path / "bomb.png", _png(30000, 30000, 8, 2, raw=b"", header_only=True))
    if kind == "missing":
        return tmp_path / "gone.jpg"
    raise AssertionError(kind)


BAD_INPUT_REASONS = {
    "empty": "empty",
    "truncated": "truncated",
    "corrupt": "damaged",
    "lying-extension": "is a PNG image but its name ends in .jpg",
    "not-an-image": "not an image",
    "bomb": "too large",
    "missing": "does not exist",
}


@pytest.mark.parametrize("kind", list(BAD_INPUT_REASONS))
@pytest.mark.parametrize("loader", [load_upright, load_for_analysis], ids=["full", "reduced"])
def test_bad_input_raises_one_clear_error(tmp_path, kind, loader):
    path = bad_file(tmp_path, kind)

    with pytest.raises(UnreadablePhoto) as caught:
        loader(path)

    assert caught.value.path == path
    assert path.name in str(caught.value)
    assert BAD_INPUT_REASONS[kind] in caught.value.reason.text("en")
    dutch = caught.value.text("nl")  # the same reason, in the user's language
    assert path.name in dutch and dutch != caught.value.text("en")


def test_bomb_limit_is_above_any_real_camera():
    assert MAX_PIXELS >= 102_000_000  # Fujifilm GFX 100 medium format


def test_a_batch_reports_bad_files_and_goes_on(tmp_path):
    from click.testing import CliRunner

    from spoenk_publisher.cli import main

    folder = tmp_path / "event"
    folder.mkdir()
    _write(folder / "a-good.jpg", REAL_PHOTO.read_bytes())
    bad_file(folder, "truncated")
    _write(folder / "z-good.jpg", REAL_PHOTO.read_bytes())

    result = CliRunner().invoke(main, ["inspect", str(folder)])

    assert result.exit_code == 1
    assert result.stdout.count("500x375") == 2
    assert "truncated.jpg" in result.stderr and "truncated" in result.stderr


# --- helpers ------------------------------------------------------------------------------------


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _png(width, height, bit_depth, colour_type, raw: bytes, header_only=False) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    body = b"" if header_only else chunk(b"IDAT", zlib.compress(raw))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + body + chunk(b"IEND", b"")


# sRGB primaries adapted to D50, as an ICC matrix/TRC profile stores them.
SRGB_D50 = {
    "red": (0.4361, 0.2225, 0.0139),
    "green": (0.3851, 0.7169, 0.0971),
    "blue": (0.1431, 0.0606, 0.7141),
}


def _matrix_profile(red, green, blue, gamma: float = 2.2) -> bytes:
    """A minimal ICC v2 RGB display profile (matrix + gamma curves)."""

    def s15(v: float) -> bytes:
        return struct.pack(">i", round(v * 65536))

    def xyz(values) -> bytes:
        return b"XYZ " + b"\0" * 4 + b"".join(s15(v) for v in values)

    curve = b"curv" + b"\0" * 4 + struct.pack(">IH", 1, round(gamma * 256)) + b"\0\0"
    text = b"test profile\0"
    desc = (
        b"desc"
        + b"\0" * 4
        + struct.pack(">I", len(text))
        + text
        + b"\0" * 8
        + b"\0\0\0"
        + b"\0" * 67
    )
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz((0.9642, 1.0, 0.8249))),
        (b"rXYZ", xyz(red)),
        (b"gXYZ", xyz(green)),
        (b"bXYZ", xyz(blue)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text" + b"\0" * 4 + b"none\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, blobs = b"", b""
    for signature, blob in tags:
        blob += b"\0" * (-len(blob) % 4)
        table += signature + struct.pack(">II", offset + len(blobs), len(blob))
        blobs += blob
    body = struct.pack(">I", len(tags)) + table + blobs
    header = (
        struct.pack(">I", 128 + len(body))
        + b"\0" * 4
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + b"\0" * 12
        + b"acsp"
        + b"\0" * 24
        + struct.pack(">I", 0)
        + s15(0.9642)
        + s15(1.0)
        + s15(0.8249)
        + b"\0" * 48
    )
    assert len(header) == 128
    return header + body


def test_truncated_photo_is_refused_even_after_face_recognition_is_imported(tmp_path):
    import face_recognition  # noqa: F401  (it sets ImageFile.LOAD_TRUNCATED_IMAGES = True)

    path = bad_file(tmp_path, "truncated")

    with pytest.raises(UnreadablePhoto, match="truncated"):
        load_upright(path)
