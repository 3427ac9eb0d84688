"""The quick check's answer (``messages.verdicts.quick_answer``): "Mag zo op ...", "Alleen met N
gezichten vervaagd" or "Niet plaatsen", by the rule in ``core.answer.answer_code``. The
decisions are built by hand: the rule reads only a decision's fields, as the app and ``check``
hand them over."""

from __future__ import annotations

from spoenk_publisher import messages
from spoenk_publisher.base import Box
from spoenk_publisher.core.answer import DO_NOT_POST, POST, WITH_BLUR, answer
from spoenk_publisher.core.decisions import FaceDecision, PhotoDecision
from spoenk_publisher.messages import text
from spoenk_publisher.messages.verdicts import answer_line, quick_answer

BIG = Box(100, 100, 220, 240)
OTHER = Box(400, 100, 520, 240)
FAR = Box(700, 50, 720, 74)


def kept(box: Box = BIG, name: str = "Sanne de Vries") -> FaceDecision:
    return FaceDecision(box, "keep", "consent", "1", name, 0.3, "granted")


def blurred(box: Box = OTHER, reason: str = "unknown", kind: str = "face") -> FaceDecision:
    return FaceDecision(box, "blur", reason, kind=kind)  # type: ignore[arg-type]


def photo(*faces: FaceDecision, verdict: str | None = None, frames: int = 1) -> PhotoDecision:
    if verdict is None:
        verdict = "blur" if any(f.blurred for f in faces) else "ok"
    return PhotoDecision("instagram", faces, verdict, frames)  # type: ignore[arg-type]


def said(decision: PhotoDecision, lang: str = "nl") -> tuple[str, str, str, str]:
    said = quick_answer(answer(decision), "Instagram")
    why = text(said.why, lang) if said.why else ""
    return said.code, text(said.headline, lang), text(said.visible, lang), why


def test_nothing_blurred_is_fine_to_post_as_it_is():
    assert said(photo(kept())) == (
        POST,
        "Mag zo op Instagram",
        "Herkenbaar in beeld: Sanne de Vries",
        "",
    )
    assert said(photo())[:3] == (POST, "Mag zo op Instagram", "Geen gezichten gevonden")
    # A face marked "not a face" by hand counts for nothing.
    poster = FaceDecision(OTHER, "ignore", "not_a_face", manual="not_a_face")
    assert said(photo(kept(), poster))[0] == POST


def test_a_person_blurred_beside_someone_shown_is_only_with_blur():
    code, headline, visible, _why = said(photo(kept(), blurred(), blurred(FAR, "too_small")))
    assert (code, headline) == (WITH_BLUR, "Alleen met 2 gezichten vervaagd")
    assert visible == "Herkenbaar in beeld: Sanne de Vries"
    assert said(photo(kept(), blurred()), "en")[1] == "Only with 1 face blurred"


def test_only_a_possible_face_blurred_is_fine_after_the_export_not_do_not_post():
    # The chandelier of the user test: a weak detection, nobody else in the photo.
    lamp = blurred(kind="possible")
    code, headline, visible, why = said(photo(lamp))
    assert (code, headline) == (WITH_BLUR, "Alleen met 1 mogelijk gezicht vervaagd")
    assert visible == "Niemand herkenbaar in beeld"
    assert "lamp" in why
    # Beside a real blurred person, the possible face is counted apart.
    code, headline, _visible, why = said(photo(kept(), blurred(), blurred(FAR, kind="possible")))
    assert headline == "Alleen met 1 gezicht vervaagd" and "1 mogelijk gezicht" in why


def test_the_only_person_blurred_is_do_not_post():
    # The other photo of the user test: its only person is blurred.
    code, headline, visible, why = said(photo(blurred(BIG)))
    assert (code, headline, visible) == (
        DO_NOT_POST,
        "Niet plaatsen",
        "Niemand herkenbaar in beeld",
    )
    assert "niemand op deze foto mag herkenbaar op Instagram" in why
    # Everyone blurred: a refusal, a forced blur, a face drawn by hand.
    refused = FaceDecision(OTHER, "blur", "no_consent", "2", "Daan", 0.3, "refused")
    forced = FaceDecision(BIG, "blur", "forced_blur", manual="force_blur")
    assert said(photo(refused, forced))[0] == DO_NOT_POST


def test_tiny_faces_alone_do_not_make_a_photo_do_not_post():
    crowd = [blurred(Box(10 * i, 10, 10 * i + 20, 34), "too_small") for i in range(5)]
    assert said(photo(*crowd))[:2] == (WITH_BLUR, "Alleen met 5 gezichten vervaagd")


def test_the_policy_leaving_it_out_and_an_animation_are_do_not_post():
    code, _headline, _visible, why = said(photo(kept(), blurred(), verdict="exclude"))
    assert code == DO_NOT_POST and "laat de foto weg" in why
    code, _headline, _visible, why = said(photo(kept(), verdict="export_only", frames=3))
    assert code == DO_NOT_POST and "3 beelden" in why and "nooit het origineel" in why


def test_checks_line_starts_with_the_answer():
    before = messages.language()
    messages.set_language("nl")
    try:
        decision = photo(kept(), blurred())
        line = answer_line(answer(decision), decision, "Instagram")
    finally:
        messages.set_language(before)
    assert line.startswith("Alleen met 1 gezicht vervaagd — 1 gezicht wordt vervaagd: onbekend")
