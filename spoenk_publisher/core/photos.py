"""The one way to read a photo: formats, EXIF orientation, colour, reduced decode, hash, errors.

Every other module gets its pixels from here, so they are always upright, 8-bit sRGB RGB, and
every coordinate in the app is a pixel of the upright, full-resolution image.
"""

from __future__ import annotations

import errno
import hashlib
import io
import math
import stat
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pillow_heif
from PIL import Image, ImageCms, ImageFile, UnidentifiedImageError

from spoenk_publisher.base import Box
from spoenk_publisher.messages import FileError

pillow_heif.register_heif_opener()

#: Suffixes the app offers to open; anything else in an event folder is ignored.
PHOTO_SUFFIXES: frozenset[str] = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".tif", ".tiff", ".bmp", ".gif", ".heic", ".heif"}
)

#: Which Pillow formats a suffix may hold. A file whose bytes are another format is refused,
#: because a lying name usually means a wrong or tampered file.
_FORMATS_FOR_SUFFIX: dict[str, frozenset[str]] = {
    ".jpg": frozenset({"JPEG", "MPO"}),
    ".jpeg": frozenset({"JPEG", "MPO"}),
    ".jpe": frozenset({"JPEG", "MPO"}),
    ".png": frozenset({"PNG"}),
    ".webp": frozenset({"WEBP"}),
    ".tif": frozenset({"TIFF"}),
    ".tiff": frozenset({"TIFF"}),
    ".bmp": frozenset({"BMP", "DIB"}),
    ".gif": frozenset({"GIF"}),
    ".heic": frozenset({"HEIF"}),
    ".heif": frozenset({"HEIF"}),
}

#: Largest image accepted, in pixels. 200 MP is above any phone or camera a school owns
#: (a 102 MP medium-format sensor fits); beyond it a file is treated as a decompression bomb.
#: The one limit: Pillow's own bomb check (89.5 MP by default) is set to it too, so a 102 MP
#: photo is read and a 201 MP one is refused with this number in the message.
MAX_PIXELS = 200_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

#: Long side of the working copy that analysis runs on by default.
ANALYSIS_LONG_SIDE = 1600

_SRGB_PROFILE = ImageCms.createProfile("sRGB")


class UnreadablePhoto(FileError):
    """A photo that cannot be used: the file and why, as a code (``messages.photos``)."""


@dataclass(frozen=True)
class WorkingCopy:
    """A reduced, upright RGB copy of a photo for analysis, and how it maps to the original.

    ``image`` is ``scale_x``/``scale_y`` times smaller than the upright full-resolution photo
    of ``full_size``; ``to_full`` maps a box on the copy back to full-resolution pixels.
    """

    image: Image.Image
    full_size: tuple[int, int]
    scale_x: float
    scale_y: float
    #: Frames in the file (an animation, pages); only the first is ``image``.
    frames: int = 1

    @property
    def scale(self) -> float:
        """Full-resolution pixels per working-copy pixel (along the long side)."""
        return max(self.scale_x, self.scale_y)

    def to_full(self, box: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
        """Map ``(x0, y0, x1, y1)`` on the copy to the full image, rounded outward and clipped."""
        return _scaled_outward(box, self.scale_x, self.scale_y, self.full_size)

    def to_copy(self, box: Box) -> Box:
        """Map a full-resolution ``box`` onto the copy, rounded outward and clipped."""
        corners = (box.x0, box.y0, box.x1, box.y1)
        return Box(*_scaled_outward(corners, 1 / self.scale_x, 1 / self.scale_y, self.image.size))


def _scaled_outward(
    box: tuple[float, float, float, float], factor_x: float, factor_y: float, size: tuple[int, int]
) -> tuple[int, int, int, int]:
    """``box`` times ``factor_x`` and ``factor_y``, rounded outward and clipped to ``size``."""
    x0, y0, x1, y1 = box
    width, height = size
    eps = 1e-6  # float noise must not push an exact edge one pixel outward
    return (
        max(0, math.floor(x0 * factor_x + eps)),
        max(0, math.floor(y0 * factor_y + eps)),
        min(width, math.ceil(x1 * factor_x - eps)),
        min(height, math.ceil(y1 * factor_y - eps)),
    )


def content_hash(path: Path | str) -> str:
    """SHA-256 of the file's bytes: the photo's identity in caches and records.

    Raises ``UnreadablePhoto`` for anything but a readable regular file (a FIFO would block).
    """
    check_regular_file(Path(path))
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_photo_path(path: Path | str) -> bool:
    """True for a file name the app would open as a photo."""
    return Path(path).suffix.lower() in PHOTO_SUFFIXES


def list_photos(folder: Path | str) -> list[Path]:
    """The photos directly in ``folder``, sorted by name; hidden files are skipped.

    Every entry with a photo's name is listed, even one that is no regular file (a folder, a
    pipe, a broken link or a link loop): reading it then says why, so nothing is skipped
    without a word.
    """
    return sorted(
        p
        for p in Path(folder).iterdir()
        if not p.name.startswith(".") and is_photo_path(p) and not _is_plain_folder(p)
    )


def _is_plain_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False


def check_regular_file(path: Path) -> None:
    """Raise ``UnreadablePhoto`` unless ``path`` is a regular file that exists."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise UnreadablePhoto(path, "photo.broken_link") from None
        raise UnreadablePhoto(path, "photo.missing") from None
    except OSError as error:
        if error.errno == errno.ELOOP:  # a link that points (through others) at itself
            raise UnreadablePhoto(path, "photo.link_loop") from None
        detail = error.strerror or str(error)
        raise UnreadablePhoto(path, "photo.unreadable", detail=detail) from None
    if stat.S_ISDIR(mode):
        raise UnreadablePhoto(path, "photo.is_folder")
    if not stat.S_ISREG(mode):
        raise UnreadablePhoto(path, "photo.not_a_file")


def expand_photo_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Folders replaced by the photos directly in them; files kept as given, in order."""
    expanded: list[Path] = []
    for path in map(Path, paths):
        expanded.extend(list_photos(path) if path.is_dir() else [path])
    return expanded


def load_upright(path: Path | str) -> Image.Image:
    """The whole photo, upright (EXIF orientation applied), as 8-bit sRGB RGB."""
    return _decode(Path(path), long_side=None).image


def load_at_least(path: Path | str, long_side: int | None) -> WorkingCopy:
    """The whole photo, upright, as 8-bit sRGB RGB, decoded at 1/2, 1/4 or 1/8 of its size
    where JPEG DCT scaling leaves a long side of at least ``long_side`` (None: full size), and
    not resized further. For a photo published smaller: a 12 MP JPEG published at 1080 px is
    decoded at 2000 px, in a third of the time and a quarter of the memory."""
    return _decode(Path(path), long_side=long_side, resize=False)


def load_for_analysis(path: Path | str, long_side: int = ANALYSIS_LONG_SIDE) -> WorkingCopy:
    """An upright copy no longer than ``long_side``, decoded fast (JPEG DCT scaling).

    Boxes found on it map back to full-resolution upright pixels with ``WorkingCopy.to_full``.
    """
    return _decode(Path(path), long_side=long_side)


def image_size(path: Path | str) -> tuple[int, int]:
    """Upright full-resolution (width, height) without decoding the pixels."""
    path = Path(path)
    with _open_checked(path) as image:
        width, height = image.size
        if _orientation(image) in (5, 6, 7, 8):
            return height, width
        return width, height


def _open_checked(path: Path) -> Image.Image:
    check_regular_file(path)
    if path.stat().st_size == 0:
        raise UnreadablePhoto(path, "photo.empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_large(path, None) from None
    except UnidentifiedImageError:
        kind = _signature_kind(path)
        if kind:
            raise UnreadablePhoto(path, "photo.damaged_format", format=kind) from None
        raise UnreadablePhoto(path, "photo.not_an_image") from None
    except PermissionError:
        raise UnreadablePhoto(path, "photo.no_permission") from None
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise _damaged(path, error) from None

    expected = _FORMATS_FOR_SUFFIX.get(path.suffix.lower())
    if expected is not None and image.format not in expected:
        found = image.format or "?"
        image.close()
        raise UnreadablePhoto(path, "photo.wrong_suffix", format=found, suffix=path.suffix)
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise _too_large(path, (width, height))
    return image


def _frames(image: Image.Image) -> int:
    """Frames of an animation or pages of a document; 1 for an ordinary photo. A phone's MPO
    JPEG holds a second, smaller picture of the same scene that no viewer shows: 1 frame."""
    if image.format == "MPO":
        return 1
    return max(1, int(getattr(image, "n_frames", 1) or 1))


_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF8", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)


#: The Pillow formats each first-bytes signature stands for.
_FORMATS_OF_SIGNATURE: dict[str, frozenset[str]] = {
    "JPEG": frozenset({"JPEG", "MPO"}),
    "PNG": frozenset({"PNG"}),
    "GIF": frozenset({"GIF"}),
    "TIFF": frozenset({"TIFF"}),
    "BMP": frozenset({"BMP", "DIB"}),
    "WebP": frozenset({"WEBP"}),
    "HEIC": frozenset({"HEIF"}),
}


def check_suffix(path: Path | str) -> None:
    """Raise ``UnreadablePhoto`` (``photo.wrong_suffix``) when a file's first bytes are another
    format than its name says: the loader's rule, for a photo known by its bytes from the
    analysis cache and so not opened again (16 bytes read)."""
    path = Path(path)
    kind = _signature_kind(path)
    expected = _FORMATS_FOR_SUFFIX.get(path.suffix.lower())
    if kind is None or expected is None:
        return
    if not (_FORMATS_OF_SIGNATURE[kind] & expected):
        found = sorted(_FORMATS_OF_SIGNATURE[kind])[0]
        raise UnreadablePhoto(path, "photo.wrong_suffix", format=found, suffix=path.suffix)


def _signature_kind(path: Path) -> str | None:
    """The image format a file's first bytes announce, to tell damaged from not-an-image."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError:
        return None
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    if head[4:8] == b"ftyp":
        return "HEIC"
    return next((kind for magic, kind in _SIGNATURES if head.startswith(magic)), None)


def _too_large(path: Path, size: tuple[int, int] | None) -> UnreadablePhoto:
    limit = MAX_PIXELS // 1_000_000
    if size is None:
        return UnreadablePhoto(path, "photo.too_large", limit=limit)
    megapixels = round(size[0] * size[1] / 1_000_000)
    return UnreadablePhoto(
        path, "photo.too_large_size", width=size[0], height=size[1], mp=megapixels, limit=limit
    )


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(0x0112, 1)
    except Exception:  # a broken EXIF block must not hide the picture
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _decode(path: Path, long_side: int | None, resize: bool = True) -> WorkingCopy:
    # face_recognition switches this on when imported, which would turn a truncated photo into
    # a silently grey one; a damaged file must be reported instead.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    image = _open_checked(path)
    try:
        orientation = _orientation(image)
        stored_w, stored_h = image.size
        full_size = (stored_h, stored_w) if orientation in (5, 6, 7, 8) else (stored_w, stored_h)
        icc = image.info.get("icc_profile")
        frames = _frames(image)
        if getattr(image, "n_frames", 1) > 1:
            image.seek(0)  # animated GIF/WebP, multi-page TIFF: the first frame
        if long_side is not None and image.format in ("JPEG", "MPO"):
            # DCT scaling: decode at 1/2, 1/4 or 1/8 directly, never below the requested size.
            factor = max(stored_w, stored_h) / long_side
            if factor >= 2:
                image.draft(
                    image.mode, (math.ceil(stored_w / factor), math.ceil(stored_h / factor))
                )
        try:
            image.load()
        except (Image.DecompressionBombError, MemoryError):
            raise _too_large(path, full_size) from None
        except (OSError, SyntaxError, ValueError, EOFError) as error:
            raise _damaged(path, error) from None
        rgb = _to_srgb(image, icc)
        rgb = _apply_orientation(rgb, orientation)
        if rgb is image:
            rgb = image.copy()  # closing the file below would invalidate the pixels
    finally:
        image.close()

    if resize and long_side is not None and max(rgb.size) > long_side:
        ratio = long_side / max(rgb.size)
        target = (max(1, round(rgb.width * ratio)), max(1, round(rgb.height * ratio)))
        rgb = rgb.resize(target, Image.Resampling.BILINEAR, reducing_gap=2.0)
    return WorkingCopy(
        image=rgb,
        full_size=full_size,
        scale_x=full_size[0] / rgb.width,
        scale_y=full_size[1] / rgb.height,
        frames=frames,
    )


def _damaged(path: Path, error: BaseException) -> UnreadablePhoto:
    text = str(error).strip() or type(error).__name__
    if "truncated" in text.lower():
        return UnreadablePhoto(path, "photo.truncated")
    return UnreadablePhoto(path, "photo.damaged", detail=text)


_TRANSPOSE_FOR_ORIENTATION = {
    2: (Image.Transpose.FLIP_LEFT_RIGHT,),
    3: (Image.Transpose.ROTATE_180,),
    4: (Image.Transpose.FLIP_TOP_BOTTOM,),
    5: (Image.Transpose.TRANSPOSE,),
    6: (Image.Transpose.ROTATE_270,),
    7: (Image.Transpose.TRANSVERSE,),
    8: (Image.Transpose.ROTATE_90,),
}


def _apply_orientation(image: Image.Image, orientation: int) -> Image.Image:
    for step in _TRANSPOSE_FOR_ORIENTATION.get(orientation, ()):
        image = image.transpose(step)
    return image


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert any mode to 8-bit RGB; an embedded ICC profile is converted to sRGB."""
    mode = image.mode
    if mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        # 16/32-bit greyscale: Pillow's convert("L") clips at 255, so scale to 8 bits ourselves.
        array = np.asarray(image, dtype=np.float64)
        peak = 65535.0 if mode.startswith("I;16") or array.max() > 255 else 255.0
        grey = np.clip(array * (255.0 / peak) + 0.5, 0, 255).astype(np.uint8)
        image = Image.fromarray(grey, "L")
        mode = "L"
    elif mode == "F":
        array = np.asarray(image, dtype=np.float64)
        peak = 1.0 if array.max() <= 1.0 else 255.0
        image = Image.fromarray(np.clip(array * (255.0 / peak) + 0.5, 0, 255).astype(np.uint8), "L")
        mode = "L"

    if mode == "P":
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
        mode = image.mode
    if mode in ("LA", "La", "PA", "RGBa"):
        image = image.convert("RGBA")
        mode = "RGBA"

    if icc and mode in ("RGB", "RGBA", "CMYK", "L"):
        converted = _icc_to_srgb(image, icc)
        if converted is not None:
            image, mode = converted, converted.mode

    if mode == "RGBA":
        # Transparent areas become white, as a viewer on a white page would show them.
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        return background
    if mode != "RGB":
        return image.convert("RGB")
    return image


def _icc_to_srgb(image: Image.Image, icc: bytes) -> Image.Image | None:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ImageCms.PyCMSError):
        return None  # an unreadable profile: fall back to treating the pixels as sRGB
    mode = image.mode
    alpha = image.getchannel("A") if mode == "RGBA" else None
    base = image.convert("RGB") if mode == "RGBA" else image
    try:
        converted = ImageCms.profileToProfile(
            base,
            source,
            _SRGB_PROFILE,
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
            outputMode="RGB",
        )
    except (ImageCms.PyCMSError, ValueError, OSError):
        return None
    if converted is None:
        return None
    if alpha is not None:
        converted.putalpha(alpha)
    return converted
