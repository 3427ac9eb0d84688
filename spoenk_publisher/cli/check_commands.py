"""``spoenk-publisher check``: may these photos be published on a channel, and what is blurred."""

from __future__ import annotations

import json
import math
from pathlib import Path

import click

from spoenk_publisher.cli.register_commands import (
    chosen_register_path,
    consent_snapshot,
    register_path_option,
)
from spoenk_publisher.cli.verdict_text import LANGUAGES, error_sentence, verdict_sentence
from spoenk_publisher.core.analysis import AnalysisCache, analyse_batch, default_cache_path
from spoenk_publisher.core.decisions import decide_photo
from spoenk_publisher.core.faces.detection import MODES
from spoenk_publisher.core.photos import expand_photo_paths


@click.command("check")
@click.argument("photos", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--channel", "-c", required=True, help="The channel, e.g. instagram or website.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per photo per line.")
@click.option("--mode", type=click.Choice(MODES), default="standard", show_default=True)
@click.option("--policy", type=click.Choice(["blur", "exclude"]), default="blur", show_default=True)
@click.option("--lang", type=click.Choice(LANGUAGES), default="nl", show_default=True)
@click.option("--no-cache", is_flag=True, help="Analyse again, ignoring cached results.")
@register_path_option
def check(
    photos: tuple[Path, ...],
    channel: str,
    as_json: bool,
    mode: str,
    policy: str,
    lang: str,
    no_cache: bool,
) -> None:
    """Say per photo whether it may be published on CHANNEL, and which faces get blurred.

    Exit code 0 when every photo was checked, whatever the verdicts; 1 when a photo could not
    be read (the others are still checked); 2 for a wrong channel or register.
    """
    from spoenk_publisher.register import Register, RegisterError

    try:
        with Register.open(chosen_register_path()) as register:
            snapshot = consent_snapshot(register, channel)
            label = next(c.label for c in register.channels() if c.name == channel)
    except RegisterError as error:
        raise click.ClickException(str(error)) from None

    paths = expand_photo_paths(photos)
    cache = None if no_cache else AnalysisCache(default_cache_path())
    try:
        result = analyse_batch(paths, mode=mode, cache=cache, workers=None)
    finally:
        if cache is not None:
            cache.close()

    for path in paths:
        if path in result.failures:
            reason = result.failures[path]
            if as_json:
                click.echo(json.dumps({"photo": str(path), "error": reason}, ensure_ascii=False))
            else:
                click.echo(f"{path}: {error_sentence(reason, lang)}", err=True)
            continue
        analysis = result.analyses[path]
        decision = decide_photo(analysis.faces, snapshot, policy=policy)
        if as_json:
            click.echo(json.dumps(_as_json(analysis, decision), ensure_ascii=False))
        else:
            click.echo(f"{path}: {verdict_sentence(decision, label, lang)}")
    if result.failures:
        raise SystemExit(1)


def _as_json(analysis, decision) -> dict:
    # Decisions follow the analysed faces in order; faces a person added come after them.
    kinds = [face.kind for face in analysis.faces]
    return {
        "photo": str(analysis.path),
        "sha256": analysis.sha256,
        "width": analysis.width,
        "height": analysis.height,
        "channel": decision.channel,
        "verdict": decision.verdict,
        "faces": [
            {
                "box": face.box.as_list(),
                "person": face.person_id,
                "name": face.name,
                "distance": None
                if face.distance is None or math.isinf(face.distance)
                else round(face.distance, 4),
                "action": face.action,
                "reason": face.reason,
                "kind": kinds[index] if index < len(kinds) else "face",
            }
            for index, face in enumerate(decision.faces)
            if face.action != "ignore"
        ],
    }
