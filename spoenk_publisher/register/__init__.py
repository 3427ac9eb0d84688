"""The consent register: who may appear unblurred on which channel, and by which faces they are
known. Plain Python over one SQLite file (sqlite-utils); no Qt.

The rest of the app uses what is imported here::

    with Register.open(path) as register:
        register.may_appear("12345", "instagram", date.today())
"""

from spoenk_publisher.register.audit import AuditEntry
from spoenk_publisher.register.channels import Channel
from spoenk_publisher.register.consent import (
    AnsweredBy,
    ConsentRecord,
    ConsentState,
    ConsentStatus,
    RecordStatus,
    Source,
    school_year_end,
)
from spoenk_publisher.register.csv_export import ExportFileExists
from spoenk_publisher.register.csv_io import (
    ConsentChange,
    ImportSummary,
    PersonChange,
    Unanswered,
)
from spoenk_publisher.register.errors import (
    ChannelExists,
    ImportProblem,
    InconsistentReference,
    InvalidRecord,
    PersonExists,
    PhotoEnrolledForOtherPerson,
    RegisterBusy,
    RegisterError,
    RegisterImportError,
    RegisterTooNew,
    RegisterUnavailable,
    UnknownChannel,
    UnknownPerson,
)
from spoenk_publisher.register.import_columns import ColumnPlan, ImportPlan
from spoenk_publisher.register.people import Person, Role
from spoenk_publisher.register.reference_faces import ENCODING_SIZE, ReferenceFace
from spoenk_publisher.register.store import Register, RemovalSummary

__all__ = [
    "ENCODING_SIZE",
    "AnsweredBy",
    "AuditEntry",
    "Channel",
    "ChannelExists",
    "ColumnPlan",
    "ConsentChange",
    "ConsentRecord",
    "ConsentState",
    "ConsentStatus",
    "ExportFileExists",
    "ImportPlan",
    "ImportProblem",
    "ImportSummary",
    "InconsistentReference",
    "InvalidRecord",
    "Person",
    "PersonChange",
    "PersonExists",
    "PhotoEnrolledForOtherPerson",
    "RecordStatus",
    "ReferenceFace",
    "Register",
    "RegisterBusy",
    "RegisterError",
    "RegisterImportError",
    "RegisterTooNew",
    "RegisterUnavailable",
    "RemovalSummary",
    "Role",
    "Source",
    "Unanswered",
    "UnknownChannel",
    "UnknownPerson",
    "school_year_end",
]
