"""The one job contract (``gui/jobs.py``): steps in order, exactly one ending and then ``ended``,
the error object itself on failure, Cancel honoured at a checkpoint, writes one at a time."""

from __future__ import annotations

import threading
import time

from spoenk_publisher.gui.jobs import GENERAL, WRITE, Job, JobRunner, Progress


def record(job: Job) -> list[tuple]:
    """Every signal of ``job``, in the order the UI thread gets them."""
    seen: list[tuple] = []
    job.signals.progress.connect(lambda step: seen.append(("progress", step)))
    job.signals.finished.connect(lambda result: seen.append(("finished", result)))
    job.signals.cancelled.connect(lambda: seen.append(("cancelled",)))
    job.signals.failed.connect(lambda error: seen.append(("failed", error)))
    job.signals.ended.connect(lambda: seen.append(("ended",)))
    return seen


def run(qtbot, runner: JobRunner, job: Job, role: str = GENERAL) -> list[tuple]:
    seen = record(job)
    with qtbot.waitSignal(job.signals.ended, timeout=10_000):
        runner.start(job, role)
    return seen


def test_steps_come_in_order_then_the_result_then_the_end(qtbot, qapp):
    def count(job: Job):
        for done in range(3):
            yield Progress(done, 3, f"item {done}")
        return "done"

    seen = run(qtbot, JobRunner(), Job(count))
    assert seen == [
        ("progress", Progress(0, 3, "item 0")),
        ("progress", Progress(1, 3, "item 1")),
        ("progress", Progress(2, 3, "item 2")),
        ("finished", "done"),
        ("ended",),
    ]


def test_a_failure_carries_the_error_itself(qtbot, qapp):
    problem = OSError(28, "No space left on device")

    def fail(_job: Job):
        raise problem

    seen = run(qtbot, JobRunner(), Job(fail))
    assert seen == [("failed", problem), ("ended",)]
    assert seen[0][1] is problem


def test_cancel_stops_at_the_next_checkpoint_and_before_the_start(qtbot, qapp):
    started = threading.Event()
    steps = []

    def slow(job: Job):
        for step in range(1000):
            started.set()
            job.stop_if_cancelled()
            steps.append(step)
            time.sleep(0.01)
        return "all of it"

    runner = JobRunner()
    job = Job(slow)
    seen = record(job)
    with qtbot.waitSignal(job.signals.ended, timeout=10_000):
        runner.start(job)
        assert started.wait(5)
        job.cancel()
    assert seen == [("cancelled",), ("ended",)]
    assert 0 < len(steps) < 1000

    never = Job(lambda _job: steps.append("ran"))
    never.cancel()
    before = len(steps)
    assert run(qtbot, runner, never) == [("cancelled",), ("ended",)]
    assert len(steps) == before
    # The runner hears "ended" after the test's own slot: on a busy machine, a moment later.
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5_000)


def test_writes_run_one_at_a_time(qtbot, qapp):
    runner = JobRunner(pools={GENERAL: 4, WRITE: 1})
    busy = []
    overlaps = []

    def write(_job: Job):
        busy.append(1)
        if len(busy) > 1:
            overlaps.append(len(busy))
        time.sleep(0.05)
        busy.pop()

    jobs = [Job(write) for _ in range(4)]
    for job in jobs:
        runner.start(job, WRITE)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10_000)
    assert overlaps == []
