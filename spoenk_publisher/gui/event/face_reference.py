""""Use as reference photo" in the review (issue 12.3): keep a face the user named as one of that
person's reference faces, as digiKam and Immich learn from confirmed faces. The register checks
the face (``ReviewSession.keep_as_reference``) and may refuse; the outcome is one plain line
from the messages catalogue (``messages/verdicts.py``: ``review.reference_*``)."""

from __future__ import annotations

from spoenk_publisher.core.analysis import PhotoAnalysis
from spoenk_publisher.core.decisions import FaceDecision
from spoenk_publisher.core.enrolment import EnrolmentError
from spoenk_publisher.core.review import ReviewSession
from spoenk_publisher.messages import Message
from spoenk_publisher.register import RegisterError


def may_become_reference(face: FaceDecision) -> bool:
    """Offered for a face the user named, found by the detector (a drawn one has no
    encoding); an automatic match is not offered: a person has to say who it is first."""
    return face.manual == "assign" and face.person_id is not None


def keep_face_as_reference(
    session: ReviewSession, analysis: PhotoAnalysis, face: FaceDecision, channel: str
) -> tuple[Message, bool | None]:
    """Keep ``face`` as a reference of the person it was named as. Returns the line to show
    and whether a reference was added (True: then the other photos may be decided again;
    False: it already was one; None: refused)."""
    person = face.name or face.person_id or ""
    try:
        added = session.keep_as_reference(analysis, face.box, face.person_id or "")
    except (EnrolmentError, RegisterError) as error:
        return refusal(session, error.message, person, channel), None
    code = "review.reference_kept" if added else "review.reference_already"
    return Message(code, name=person), added


def refusal(session: ReviewSession, why: Message, person: str, channel: str) -> Message:
    """The register's refusal of a reference face as one plain line (names, not ids)."""
    params = dict(why.params)
    if why.code == "register.reference_is_other":
        other = str(params.get("other", ""))
        names = session.snapshot(channel).names if channel else {}
        return Message("review.reference_is_other", name=person, other=names.get(other, other))
    if why.code == "register.reference_disagrees":
        return Message("review.reference_disagrees", name=person)
    if why.code == "enrol.too_small":
        return Message(
            "review.reference_too_small", height=params["height"], needed=params["needed"]
        )
    return Message("review.reference_refused", name=person, why=why)
