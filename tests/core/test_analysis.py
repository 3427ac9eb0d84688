"""Analysis and default-deny decisions on real photos, with the real detector and encoder."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from spoenk_publisher.core import analysis as analysis_module
from spoenk_publisher.core.analysis import AnalysisCache, analyse_photo
from spoenk_publisher.core.decisions import ConsentSnapshot, ManualDecision, decide_photo
from spoenk_publisher.core.faces import Box
from spoenk_publisher.core.pool import analyse_batch

DATA = Path(__file__).resolve().parents[1] / "data"
OBAMA = DATA / "people" / "obama" / "obama-1.jpg"
BIDEN = DATA / "people" / "biden" / "biden-1.jpg"
LIN = DATA / "people" / "lin_manuel_miranda" / "lin-1.png"  # never enrolled
GROUP = DATA / "groups" / "obama_and_biden.jpg"  # Biden, Obama and a child (never enrolled)
# Approximate boxes from shared/photos/manifest.json.
GROUP_BOXES = {
    "biden": Box(737, 449, 923, 634),
    "obama": Box(1133, 390, 1356, 613),
    "child": Box(1594, 1062, 1749, 1216),
}
TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def references() -> dict[str, np.ndarray]:
    """One reference encoding per enrolled adult, from their own portrait."""
    found = {}
    for person, path in [("obama", OBAMA), ("biden", BIDEN)]:
        faces = analyse_photo(path).faces
        assert len(faces) == 1 and faces[0].encoding is not None
        found[person] = faces[0].encoding
    return found


@pytest.fixture(scope="module")
def group():
    return analyse_photo(GROUP)


def snapshot(references, states: dict[str, str], channel: str = "instagram") -> ConsentSnapshot:
    ids = tuple(references)
    return ConsentSnapshot(
        channel=channel,
        on=TODAY,
        reference_encodings=np.stack([references[i] for i in ids]),
        reference_person_ids=ids,
        names={"obama": "B. Obama", "biden": "J. Biden"},
        consent_states=states,
    )


def decision_at(decision, box: Box):
    best = max(decision.faces, key=lambda face: face.box.iou(box))
    assert best.box.iou(box) >= 0.4, f"no face found at {box}"
    return best


def test_group_photo_faces_are_found_in_full_resolution_pixels(group):
    assert (group.width, group.height) == (2000, 1428)
    for box in GROUP_BOXES.values():
        assert max(face.box.iou(box) for face in group.faces) >= 0.4


def test_child_is_blurred_when_only_the_adults_consented(references, group):
    consent = snapshot(references, {"obama": "granted", "biden": "granted"})

    decision = decide_photo(group.faces, consent)

    obama, biden = (
        decision_at(decision, GROUP_BOXES["obama"]),
        decision_at(decision, GROUP_BOXES["biden"]),
    )
    assert (obama.action, obama.person_id, obama.reason) == ("keep", "obama", "consent")
    assert (biden.action, biden.person_id) == ("keep", "biden")
    assert obama.distance < 0.5 and biden.distance < 0.5
    child = decision_at(decision, GROUP_BOXES["child"])
    assert child.action == "blur" and child.person_id is None
    assert child.reason in ("unknown", "too_small", "unreliable")
    # Every face that is not a consenting adult is blurred, whatever else was detected.
    assert all(f.action == "blur" for f in decision.faces if f not in (obama, biden))
    assert decision.verdict == "blur"
    assert set(decision.people_shown) == {"obama", "biden"}


def test_never_enrolled_person_is_unknown(references):
    lin = analyse_photo(LIN)
    consent = snapshot(references, {"obama": "granted", "biden": "granted"})

    decision = decide_photo(lin.faces, consent)

    face = decision_at(decision, Box(241, 170, 562, 491))  # his face, from the manifest
    assert (face.action, face.reason, face.person_id) == ("blur", "unknown", None)
    assert face.distance > 0.6
    assert all(f.action == "blur" for f in decision.faces)


@pytest.mark.parametrize("state", ["refused", "withdrawn", "expired", "none"])
def test_known_person_without_valid_consent_is_blurred(references, group, state):
    consent = snapshot(references, {"obama": "granted", "biden": state})

    decision = decide_photo(group.faces, consent)

    biden = decision_at(decision, GROUP_BOXES["biden"])
    assert (biden.action, biden.reason, biden.person_id) == ("blur", "no_consent", "biden")
    assert biden.consent_state == state
    assert decision_at(decision, GROUP_BOXES["obama"]).action == "keep"


def test_consent_is_per_channel(references, group):
    consent = snapshot(references, {}, channel="website")  # nobody has website consent

    decision = decide_photo(group.faces, consent)

    assert all(face.action == "blur" for face in decision.faces)
    assert decision.people_shown == ()


def test_two_people_nearly_equally_close_is_ambiguous(references, group):
    # The same reference under two ids: nobody can tell which person it is.
    lookalike = snapshot(references, {"obama": "granted", "twin": "granted"})
    lookalike = ConsentSnapshot(
        "instagram",
        TODAY,
        np.stack([references["obama"], references["obama"] + 0.001]),
        ("obama", "twin"),
        {},
        {"obama": "granted", "twin": "granted"},
    )

    decision = decide_photo(group.faces, lookalike)

    obama = decision_at(decision, GROUP_BOXES["obama"])
    assert (obama.action, obama.reason, obama.person_id) == ("blur", "ambiguous", None)


def test_face_too_small_to_recognise_is_blurred(references, tmp_path):
    # Obama's portrait shrunk until his face is about 25 px high: found, but not encodable.
    small = tmp_path / "small.jpg"
    with Image.open(OBAMA) as image:
        image.resize((image.width // 11, image.height // 11), Image.Resampling.LANCZOS).save(small)
    consent = snapshot(references, {"obama": "granted", "biden": "granted"})

    analysed = analyse_photo(small)
    decision = decide_photo(analysed.faces, consent)

    assert len(analysed.faces) == 1 and analysed.faces[0].encoding is None
    assert [(f.action, f.reason) for f in decision.faces] == [("blur", "too_small")]


def test_manual_decisions_never_override_missing_consent(references, group):
    consent = snapshot(references, {"obama": "granted", "biden": "refused"})
    child_box = GROUP_BOXES["child"]
    missed = Box(10, 10, 120, 130)
    manual = [
        ManualDecision(child_box, "assign", "biden"),  # named, but Biden has no consent
        ManualDecision(GROUP_BOXES["obama"], "force_blur"),
        ManualDecision(missed, "add"),
    ]

    decision = decide_photo(group.faces, consent, manual)

    child = decision_at(decision, child_box)
    assert (child.action, child.reason, child.person_id) == ("blur", "no_consent", "biden")
    assert decision_at(decision, GROUP_BOXES["obama"]).reason == "forced_blur"
    added = decision_at(decision, missed)
    assert (added.action, added.reason, added.manual) == ("blur", "unknown", "add")
    assert decision.people_shown == ()


def test_not_a_face_is_ignored_and_exclude_policy_leaves_the_photo_out(references, group):
    consent = snapshot(references, {"obama": "granted", "biden": "granted"})
    others = [
        f.box
        for f in group.faces
        if max(f.box.iou(b) for b in (GROUP_BOXES["obama"], GROUP_BOXES["biden"])) < 0.4
    ]

    excluded = decide_photo(group.faces, consent, policy="exclude")
    cleared = decide_photo(
        group.faces, consent, [ManualDecision(b, "not_a_face") for b in others], policy="exclude"
    )

    assert excluded.verdict == "exclude"
    assert cleared.verdict == "ok"
    assert {f.action for f in cleared.faces} == {"keep", "ignore"}


def test_cache_hit_does_not_detect_again(tmp_path, monkeypatch):
    cache = AnalysisCache(tmp_path / "cache.sqlite")
    first = analyse_batch([OBAMA, LIN], cache=cache, workers=1)
    assert not any(a.from_cache for a in first.analyses.values())

    def no_detection(*args, **kwargs):
        raise AssertionError("detection must not run for a cached photo")

    monkeypatch.setattr(analysis_module, "detect_faces", no_detection)
    copy = tmp_path / "renamed.jpg"  # same bytes under another name: same identity
    shutil.copy(OBAMA, copy)
    second = analyse_batch([OBAMA, LIN, copy], cache=cache, workers=1)

    assert all(a.from_cache for a in second.analyses.values())
    for path in (OBAMA, LIN):
        before, after = first.analyses[path], second.analyses[path]
        assert [f.box for f in after.faces] == [f.box for f in before.faces]
        for old, new in zip(before.faces, after.faces, strict=True):
            assert (old.encoding is None) == (new.encoding is None)
            assert old.encoding is None or np.allclose(old.encoding, new.encoding)
            # The quality is cached too: a change in the register re-decides without encoding.
            assert old.quality is not None and new.quality == old.quality
    assert second.analyses[copy].sha256 == first.analyses[OBAMA].sha256
    assert (tmp_path / "cache.sqlite").stat().st_mode & 0o077 == 0
    cache.clear()
    assert cache.get(OBAMA, first.analyses[OBAMA].sha256, "standard") is None


def test_a_cached_photo_under_a_lying_name_is_still_refused(tmp_path):
    """The cache knows photos by their bytes; a copy of an analysed JPEG named .png is refused
    as it would be without the cache (export refuses it too), not shown as fine."""
    cache = AnalysisCache(tmp_path / "cache.sqlite")
    analyse_batch([OBAMA], cache=cache, workers=1)
    lying = tmp_path / "eigenlijk-jpeg.png"
    shutil.copy(OBAMA, lying)
    for known_files in (False, True):  # a first look, and re-opening the event
        result = analyse_batch([lying], cache=cache, workers=1, known_files=known_files)
        assert lying not in result.analyses
        assert result.failures[lying].code == "photo.wrong_suffix"
    cache.close()


def test_possible_faces_are_cached_and_an_older_cache_file_still_opens(tmp_path):
    # A cache file from before "possible" faces: its faces table has no kind column.
    import sqlite3

    path = tmp_path / "cache.sqlite"
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TABLE faces (sha256 TEXT, mode TEXT, version TEXT, idx INTEGER, x0 INTEGER,"
        " y0 INTEGER, x1 INTEGER, y1 INTEGER, score REAL, source TEXT, encoding BLOB,"
        " PRIMARY KEY (sha256, mode, version, idx))"
    )
    old.commit()
    old.close()
    group = DATA / "groups" / "voc-2008_002079.jpg"  # a weak box on a wine glass: possible
    analysed = analyse_photo(group)
    assert {face.kind for face in analysed.faces} == {"face", "possible"}

    cache = AnalysisCache(path)
    cache.put(analysed)
    again = cache.get(group, analysed.sha256, "standard")

    assert [(f.box, f.kind) for f in again.faces] == [(f.box, f.kind) for f in analysed.faces]


def test_batch_reports_a_bad_photo_and_goes_on_in_parallel(tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(OBAMA.read_bytes()[:5000])
    seen = []

    result = analyse_batch(
        [OBAMA, bad, LIN], workers=2, progress=lambda done, total, p: seen.append((done, total))
    )

    assert set(result.analyses) == {OBAMA, LIN}
    assert result.failures[bad].code == "photo.truncated"
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert len(result.analyses[OBAMA].faces) == 1
    assert len(result.analyses[LIN].faces) >= 1


def test_cancel_stops_promptly_and_keeps_what_finished(tmp_path):
    photos = []
    for index in range(6):  # distinct bytes, so none is a cache hit of another
        path = tmp_path / f"p{index}.jpg"
        with Image.open(OBAMA) as image:
            image.rotate(index * 0.5).save(path, quality=90)
        photos.append(path)
    done_count = []

    result = analyse_batch(
        photos,
        workers=1,
        progress=lambda done, total, p: done_count.append(done),
        cancelled=lambda: len(done_count) >= 3,  # the start report plus two photos
    )

    assert result.cancelled
    assert 1 <= len(result.analyses) < len(photos)
    assert all(len(a.faces) == 1 for a in result.analyses.values())
