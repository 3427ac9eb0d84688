"""onnxruntime sessions: one set of options for every model the app runs (CenterFace, the
face encoder), one session per model per process."""

from __future__ import annotations

import os
from collections.abc import Callable

import onnxruntime as ort

_threads: int | None = None


def set_session_threads(threads: int | None) -> None:
    """Intra-op threads for sessions made from now on in this process (None: all cores).

    Analysis runs one process per core and calls this with 1 in each worker.
    """
    global _threads
    _threads = threads


def session_threads() -> int:
    return _threads or os.cpu_count() or 1


_sessions: dict[tuple[str, int, int], ort.InferenceSession] = {}


def cached_session(name: str, model: Callable[[], str | bytes]) -> ort.InferenceSession:
    """The process's session for the model ``name``, made from ``model()`` (a file path or the
    model's bytes) on first use and then reused."""
    threads = session_threads()
    key = (name, os.getpid(), threads)  # a session must not be shared across a fork
    if key not in _sessions:
        _sessions[key] = new_session(model(), threads)
    return _sessions[key]


def existing_session(name: str) -> ort.InferenceSession | None:
    """The session for ``name`` if this process has made it already (else None)."""
    return _sessions.get((name, os.getpid(), session_threads()))


def new_session(model: str | bytes, threads: int | None = None) -> ort.InferenceSession:
    """A CPU session for ``model`` (a file path or the model's bytes) with the app's options."""
    # Nothing may leave the machine: ORT_DISABLE_TELEMETRY (spoenk_publisher/__init__.py) stops
    # onnxruntime's telemetry before it starts; this also silences the runtime API's events.
    # Older versions lack the call.
    if hasattr(ort, "disable_telemetry_events"):
        ort.disable_telemetry_events()
    options = ort.SessionOptions()
    options.log_severity_level = 3
    options.intra_op_num_threads = threads or session_threads()
    options.inter_op_num_threads = 1
    # Idle threads sleep instead of spinning: on 2 cores shared with the GUI and the other
    # analysis process, spinning cost 20-30 % more wall time per photo.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # No memory pattern: with it, onnxruntime plans one block for all of a run's intermediate
    # tensors at once. Without it, one process analysing the nine 12 MP photos of
    # bench/compare.py peaked at 400 MB instead of 450 MB, for the same CPU time (three runs
    # each, alternating, 2026-11-29).
    options.enable_mem_pattern = False
    session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    if isinstance(model, bytes) and getattr(session, "_model_bytes", None) is not None:
        # onnxruntime's wrapper keeps a model given as bytes for a fallback to other execution
        # providers; with the CPU provider alone there is none, and the encoder's 22 MB would
        # otherwise stay in every analysis process (measured: -22 MB of resident memory).
        session._model_bytes = None
    return session
