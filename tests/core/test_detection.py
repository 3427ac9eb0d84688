"""Face detection on real group photos, checked against their hand (or reference) boxes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from spoenk_publisher.core.faces import Box, DetectedFace, centerface
from spoenk_publisher.core.faces.detection import (
    LARGE_PASS_MAX_ZOOM,
    MERGE_IOU,
    MODES,
    PLANS,
    DetectionPlan,
    DetectorPass,
    detect_faces,
    detect_in_image,
    pass_zoom,
)
from spoenk_publisher.core.photos import load_for_analysis

DATA = Path(__file__).resolve().parents[1] / "data"
GROUPS = DATA / "groups"
TRUTH = json.loads((GROUPS / "faces.json").read_text())["photos"]
VOC = sorted(name for name in TRUTH if name.startswith("voc-"))
MATCH_IOU = 0.4


def truth_boxes(name: str) -> list[Box]:
    return [Box(*box) for box in TRUTH[name]["faces"]]


def found_truth(truth: list[Box], faces: list[DetectedFace]) -> list[Box]:
    """The truth boxes matched one-to-one by a detection at IoU >= 0.4."""
    unused = [face.box for face in faces]
    found = []
    for box in truth:
        best = max(unused, key=box.iou, default=None)
        if best is not None and box.iou(best) >= MATCH_IOU:
            unused.remove(best)
            found.append(box)
    return found


@pytest.mark.parametrize("name", VOC)
def test_every_hand_labelled_face_is_found(name: str) -> None:
    truth = truth_boxes(name)
    faces = detect_faces(load_for_analysis(GROUPS / name))

    assert found_truth(truth, faces) == truth
    # Any other box is small: VOC's hand labels leave out the tiny faces in the background
    # (2008_002079 has five at the bar, all found), so a large extra box would be an error.
    extra = [f.box for f in faces if max(f.box.iou(box) for box in truth) < MATCH_IOU]
    assert all(box.height < min(t.height for t in truth) for box in extra)


def test_boxes_from_a_reduced_decode_are_in_full_resolution_pixels() -> None:
    truth = truth_boxes("crowd-11.jpg")  # 1024 x 791, 26 faces of 36-72 px
    working = load_for_analysis(GROUPS / "crowd-11.jpg", long_side=512)
    assert working.scale == pytest.approx(2.0)

    faces = detect_faces(working)

    assert len(found_truth(truth, faces)) == len(truth)
    assert all(face.box.x1 <= 1024 and face.box.y1 <= 791 for face in faces)


def test_boxes_are_upright_for_a_photo_stored_rotated(tmp_path: Path) -> None:
    name = "voc-2007_007763.jpg"
    upright = Image.open(GROUPS / name)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    rotated = tmp_path / "rotated.jpg"
    upright.transpose(Image.Transpose.ROTATE_90).save(rotated, quality=95, exif=exif)

    faces = detect_faces(load_for_analysis(rotated))

    assert found_truth(truth_boxes(name), faces) == truth_boxes(name)


def test_faces_are_sorted_scored_and_not_duplicated() -> None:
    faces = detect_faces(load_for_analysis(GROUPS / "crowd-11.jpg"))

    assert [face.box for face in faces] == sorted(face.box for face in faces)
    assert all(face.source == "centerface" and 0 < face.score <= 1 for face in faces)
    assert {face.kind for face in faces} <= {"face", "possible"}
    for index, face in enumerate(faces):
        assert all(face.box.iou(other.box) <= MERGE_IOU for other in faces[index + 1 :])


@pytest.mark.parametrize(
    ("photo", "approximate_box"),
    [
        ("obama/obama-1.jpg", Box(349, 142, 617, 409)),
        # The 2048-px pass also finds this face's upper half: merged into the whole face.
        ("lin_manuel_miranda/lin-1.png", Box(241, 170, 562, 491)),
    ],
)
def test_a_face_filling_the_photo_is_found_once(photo: str, approximate_box: Box) -> None:
    faces = detect_faces(load_for_analysis(DATA / "people" / photo))

    assert len(faces) == 1
    assert faces[0].box.iou(approximate_box) >= MATCH_IOU  # shared/photos' HOG box


def test_a_photo_without_people_has_no_faces() -> None:
    assert detect_faces(load_for_analysis(DATA / "no_face" / "kit-1-background.jpg")) == []


def test_thorough_finds_at_least_what_standard_finds() -> None:
    name = "voc-2008_002079.jpg"
    working = load_for_analysis(GROUPS / name)
    standard = detect_faces(working, "standard")
    thorough = detect_faces(working, "thorough")

    assert MODES == ("standard", "thorough")
    assert found_truth(truth_boxes(name), thorough) == truth_boxes(name)
    for face in standard:  # (tiny background faces are placed a few pixels apart)
        assert max(face.box.iou(other.box) for other in thorough) >= MERGE_IOU


def test_an_unknown_mode_is_refused() -> None:
    working = load_for_analysis(GROUPS / "voc-2008_001009.jpg", long_side=256)
    with pytest.raises(ValueError, match="quick"):
        detect_faces(working, "quick")


def matched(truth: Box, faces: list[DetectedFace]) -> DetectedFace | None:
    best = max(faces, key=lambda face: truth.iou(face.box), default=None)
    return best if best is not None and truth.iou(best.box) >= MATCH_IOU else None


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_every_true_face_is_a_face_not_a_possible_one(name: str) -> None:
    faces = detect_faces(load_for_analysis(GROUPS / name))

    kinds = [getattr(matched(box, faces), "kind", None) for box in truth_boxes(name)]
    assert kinds == ["face"] * len(kinds)


def test_a_weak_box_on_folded_hands_is_kept_as_a_possible_face() -> None:
    # voc-2008_002079: the folded hands at the table (x 152-171, y 239-264) draw a weak
    # CenterFace box; no second look supports it, so it stays, covered, as "possible" for
    # review. (A glass on the table drew one too while the large pass enlarged this 500-px
    # photo 5x; at 1.5x it draws none.)
    hands = Box(152, 239, 171, 264)
    faces = detect_faces(load_for_analysis(GROUPS / "voc-2008_002079.jpg"))

    on_hands = [face for face in faces if face.box.iou(hands) >= 0.3]
    assert [face.kind for face in on_hands] == ["possible"]
    assert on_hands[0].score < 0.5


def test_tiles_cover_the_axis_and_each_small_face_lies_whole_in_its_own_tile() -> None:
    for length in (300, 1089, 1707, 1920, 2560, 2624, 5000):
        spans = centerface.tile_spans(length, 1088, 160)
        assert all(size <= 1088 and size % 32 == 0 and start % 32 == 0 for start, size, *_ in spans)
        assert spans[0][2] <= 0 and spans[-1][3] >= length
        assert all(a[3] == b[2] for a, b in zip(spans, spans[1:], strict=False))
        for start, size, core_start, core_end in spans:
            # a face up to 160 px centred anywhere in the core (and the axis) is inside the tile
            low, high = max(0, core_start), min(length, core_end)
            assert start <= max(0, low - 80) and min(length, high + 80) <= start + size


def test_a_tiled_pass_finds_what_one_run_finds() -> None:
    name = "crowd-11.jpg"  # 1024 x 791: at 2560 px, 3 x 2 tiles of at most 1088 px
    image = load_for_analysis(GROUPS / name).image
    truth = truth_boxes(name)
    for tiling in (None, centerface.Tiling(1088, 160)):
        plan = DetectionPlan(passes=(DetectorPass(2560, tiling=tiling),), threshold=0.25)
        found = detect_in_image(image, plan)
        faces = [
            DetectedFace(Box(*(round(v) for v in box)), score, "centerface")
            for box, score in zip(found.boxes.tolist(), found.scores.tolist(), strict=True)
        ]
        assert found_truth(truth, faces) == truth


def test_a_crowd_shown_small_keeps_every_face_although_the_large_pass_enlarges_less(
    tmp_path: Path,
) -> None:
    """The large pass enlarges a photo at most 1.5x (``LARGE_PASS_MAX_ZOOM``), not up to 2,560
    px: crowd-11 at a fifth of its size in the middle of a 1229 x 949 canvas has 26 faces of
    7-14 px. All are found; enlarged only 1.0x, 6 were missed."""
    scale, canvas_factor = 0.2, 6
    with Image.open(GROUPS / "crowd-11.jpg") as image:
        small = image.convert("RGB").resize(
            (round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS
        )
        canvas = Image.new("RGB", (small.width * canvas_factor, small.height * canvas_factor))
    canvas.paste((128, 128, 128), (0, 0, *canvas.size))
    left, top = (canvas.width - small.width) // 2, (canvas.height - small.height) // 2
    canvas.paste(small, (left, top))
    canvas.save(tmp_path / "small-crowd.png")
    truth = [
        Box(*(round(v * scale) + (left, top)[i % 2] for i, v in enumerate(box)))
        for box in TRUTH["crowd-11.jpg"]["faces"]
    ]
    assert max(box.height for box in truth) <= 16

    faces = detect_faces(load_for_analysis(tmp_path / "small-crowd.png"))

    assert found_truth(truth, faces) == truth
    assert LARGE_PASS_MAX_ZOOM * max(canvas.size) < PLANS["standard"].passes[-1].long_side


def test_the_large_pass_shows_a_12_megapixel_photo_at_2560_px_although_its_working_copy_is_smaller(
    tmp_path: Path,
) -> None:
    """The 1.5x cap is on enlarging the photo, not its working copy: a 4000 x 3000 photo is
    analysed from a 1600-px working copy, which the large pass must show at 2560 px (1.6x the
    copy, 0.64x the photo). Capped at 1.5x of the copy (2400 px), bench/detection.py lost three
    hand-checked faces of 22-31 px (city.jpg) that 2560 px finds. A photo smaller than its
    working copy's size is still enlarged at most 1.5x."""
    large_pass = PLANS["standard"].passes[-1]
    big = tmp_path / "big.jpg"
    with Image.open(GROUPS / "crowd-11.jpg") as image:
        image.convert("RGB").resize((4000, 3000), Image.Resampling.BILINEAR).save(big)
    working = load_for_analysis(big)
    assert max(working.image.size) < large_pass.long_side

    zoom = pass_zoom(large_pass, working.image.size, working.scale)

    assert round(zoom * max(working.image.size)) == large_pass.long_side
    small = load_for_analysis(GROUPS / "crowd-11.jpg")
    assert small.scale == 1.0
    assert pass_zoom(large_pass, small.image.size, small.scale) == LARGE_PASS_MAX_ZOOM


def test_a_12_megapixel_photo_is_analysed_in_well_under_a_gigabyte(tmp_path: Path) -> None:
    photo = tmp_path / "big.jpg"
    with Image.open(GROUPS / "voc-2007_007763.jpg") as image:
        image.convert("RGB").resize((4000, 3000), Image.Resampling.LANCZOS).save(photo, quality=92)
    script = (
        "import sys\n"
        "from spoenk_publisher.core.faces import centerface\n"
        "from spoenk_publisher.core.faces.detection import detect_faces\n"
        "from spoenk_publisher.core.photos import load_for_analysis\n"
        "centerface.set_session_threads(1)\n"
        "faces = detect_faces(load_for_analysis(sys.argv[1]))\n"
        # VmHWM, not ru_maxrss: the latter keeps the forking test process's size across exec.
        "peak = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "print(len(faces), peak.split()[1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(photo)], capture_output=True, text=True, check=True
    )
    count, max_rss_kb = map(int, done.stdout.split())

    assert count >= 7
    # One 2560 x 1920 run took 1.9 GB here; tiles of at most 1088 px keep it near 0.5 GB.
    assert max_rss_kb < 700_000


@pytest.mark.parametrize(
    ("name", "index", "side", "visible"),
    [
        ("voc-2008_002079.jpg", 0, "right", 0.35),
        ("voc-2008_002079.jpg", 2, "right", 0.5),
        ("voc-2008_002079.jpg", 4, "left", 0.35),
        ("voc-2008_002079.jpg", 5, "left", 0.35),
        ("voc-2008_001009.jpg", 1, "left", 0.35),
    ],
)
def test_a_face_cut_by_the_frame_is_found(
    tmp_path: Path, name: str, index: int, side: str, visible: float
) -> None:
    # Without the mirrored padding none of these was found: with less than half a face in
    # the photo, its centre lies outside the model's grid.
    x0, y0, x1, y1 = TRUTH[name]["faces"][index]
    with Image.open(GROUPS / name) as image:
        if side == "left":
            crop = (round(x1 - visible * (x1 - x0)), 0, image.width, image.height)
        else:
            crop = (0, 0, round(x0 + visible * (x1 - x0)), image.height)
        image.crop(crop).save(tmp_path / "cut.png")
    visible_part = Box(max(x0, crop[0]) - crop[0], y0, min(x1, crop[2]) - crop[0], y1)

    faces = detect_faces(load_for_analysis(tmp_path / "cut.png"))

    assert matched(visible_part, faces) is not None
