"""``spoenk-publisher check``: may these photos be published on a channel, and what is blurred."""

from __future__ import annotations

import json
import math
from pathlib import Path

import click

from spoenk_publisher.cli.common import fail, language_option, say
from spoenk_publisher.cli.register_commands import register_path_option, review_session
from spoenk_publisher.core.answer import answer
from spoenk_publisher.core.faces.detection import MODES
from spoenk_publisher.core.photos import expand_photo_paths
from spoenk_publisher.core.pool import analyse_batch
from spoenk_publisher.core.retention import open_analysis_cache
from spoenk_publisher.messages import Message, display_path, text
from spoenk_publisher.messages.verdicts import answer_line


@click.command("check")
@click.argument("photos", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--channel", "-c", required=True, help="The channel, e.g. instagram or website.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per photo per line.")
@click.option("--mode", type=click.Choice(MODES), default="standard", show_default=True)
@click.option("--policy", type=click.Choice(["blur", "exclude"]), default="blur", show_default=True)
@click.option("--no-cache", is_flag=True, help="Analyse again, ignoring cached results.")
@language_option
@register_path_option
def check(
    photos: tuple[Path, ...],
    channel: str,
    as_json: bool,
    mode: str,
    policy: str,
    no_cache: bool,
) -> None:
    """Say per photo whether it may be published on CHANNEL, and which faces get blurred.

    Each line starts with the answer the app's quick check gives ("Mag zo op Instagram",
    "Alleen met 2 gezichten vervaagd" or "Niet plaatsen"), then the details.

    Exit code 0 when every photo was checked, whatever the verdicts; 1 when a photo could not
    be read (the others are still checked) or no photo was found; 2 for a wrong channel.
    """
    with review_session(channel) as session:
        label = session.channel_label(channel)
        paths = expand_photo_paths(photos)
        if not paths:
            fail(Message("cli.no_photos", paths=[display_path(p) for p in photos]))
        cache = None if no_cache else open_analysis_cache()
        try:
            result = analyse_batch(paths, mode=mode, cache=cache, workers=None)
        finally:
            if cache is not None:
                cache.close()
        # The decisions of the review: the register's consent and the faces decided by hand.
        decisions = {
            path: session.decide(analysis, channel, policy)
            for path, analysis in result.analyses.items()
        }

    for path in paths:
        shown = display_path(path)
        if path in result.failures:
            reason = result.failures[path]
            if as_json:
                click.echo(json.dumps({"photo": shown, "error": text(reason)}, ensure_ascii=False))
            else:
                say(f"{shown}: {text(Message('check.cannot_check', reason=reason))}", err=True)
            continue
        analysis, decision = result.analyses[path], decisions[path]
        if as_json:
            click.echo(json.dumps(_as_json(analysis, decision), ensure_ascii=False))
        else:
            say(f"{shown}: {answer_line(answer(decision), decision, label)}")
    if result.failures:
        raise SystemExit(1)


def _as_json(analysis, decision) -> dict:
    # Decisions follow the analysed faces in order; faces a person added come after them.
    return {
        "photo": display_path(analysis.path),
        "sha256": analysis.sha256,
        "width": analysis.width,
        "height": analysis.height,
        "frames": analysis.frames,
        "channel": decision.channel,
        "verdict": decision.verdict,
        "answer": answer(decision).code,
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
                "consent": face.consent_state,
                "kind": face.kind,
            }
            for face in decision.faces
            if face.action != "ignore"
        ],
    }
