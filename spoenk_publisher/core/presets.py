"""Per channel: the size, format and quality a published photo gets."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

OutputFormat = Literal["jpeg", "png"]


@dataclass(frozen=True)
class ChannelPreset:
    long_side: int | None  # None: keep the photo's own size
    format: OutputFormat = "jpeg"
    quality: int = 88  # JPEG only

    @property
    def suffix(self) -> str:
        return ".jpg" if self.format == "jpeg" else ".png"


#: Sizes each platform shows without recompressing much (late 2026); a school can override
#: them in a presets file (see ``load_presets``).
DEFAULT_PRESETS: dict[str, ChannelPreset] = {
    "website": ChannelPreset(1600),
    "newsletter": ChannelPreset(1600),
    "instagram": ChannelPreset(1080),
    "facebook": ChannelPreset(2048),
    "x": ChannelPreset(2048),
    "youtube": ChannelPreset(1920),
    "linkedin": ChannelPreset(1200),
    "yurls": ChannelPreset(1200),
}
FALLBACK_PRESET = ChannelPreset(1600)


def preset_for(channel: str, presets: dict[str, ChannelPreset] | None = None) -> ChannelPreset:
    return (presets or DEFAULT_PRESETS).get(channel, FALLBACK_PRESET)


def load_presets(path: Path | str) -> dict[str, ChannelPreset]:
    """Defaults overridden by a JSON file: ``{"instagram": {"long_side": 1350, "quality": 90}}``."""
    presets = dict(DEFAULT_PRESETS)
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    for channel, values in data.items():
        base = presets.get(channel, FALLBACK_PRESET)
        presets[channel] = replace(base, **{k: values[k] for k in values if k in _FIELDS})
    return presets


_FIELDS = ("long_side", "format", "quality")
