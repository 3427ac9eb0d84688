"""Re-opening an analysed event of 1,000 photos, and re-deciding it after a register change
(issue 14, goal 5: each in under a second).

Makes 1,000 photo files with distinct bytes (copies of real photos from ``tests/data`` with a
different JPEG comment each) and fills an analysis cache for them with the real analyses of
the originals (analysed once here with the real detector and encoder), as if the event had been
analysed. A register of 500 people with reference faces and Instagram consent stands in for a
school. Then times, in this process:

1. re-opening: every photo's analysis found in the cache (``analyse_batch(known_files=True,
   cached_only=True)``: no file is read when its path, time and size are unchanged);
2. deciding all 1,000 photos for Instagram through ``core.review.ReviewSession``;
3. a consent changed in the register, then all 1,000 decided again.

Run: .venv/bin/python bench/reopen.py [--photos 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "tests/data/groups/obama_and_biden.jpg",
    ROOT / "tests/data/groups/two_people.jpg",
    ROOT / "tests/data/groups/crowd-11.jpg",
    ROOT / "tests/data/groups/voc-2007_007763.jpg",
    ROOT / "tests/data/people/obama/obama-1.jpg",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from spoenk_publisher.core.analysis import AnalysisCache, analyse_photo
    from spoenk_publisher.core.photos import content_hash
    from spoenk_publisher.core.pool import analyse_batch
    from spoenk_publisher.core.review import ReviewSession
    from spoenk_publisher.register import Person, Register

    analyses = [analyse_photo(source) for source in SOURCES]
    faces = sum(len(a.faces) for a in analyses) / len(analyses)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "event"
        folder.mkdir()
        cache = AnalysisCache(Path(temp) / "analysis.sqlite")
        paths = []
        for number in range(args.photos):
            index = number % len(SOURCES)
            data = SOURCES[index].read_bytes()
            marker = f"spoenk bench {number}".encode()
            comment = b"\xff\xfe" + (len(marker) + 2).to_bytes(2, "big") + marker
            path = folder / f"IMG_{number:04d}.jpg"
            path.write_bytes(data[:2] + comment + data[2:])
            sha256 = content_hash(path)
            cache.put(replace(analyses[index], path=path, sha256=sha256))
            cache.remember_hash(path, sha256)  # as the first analysis of the event did
            paths.append(path)
        cache.close()

        register_path = Path(temp) / "register.db"
        rng = np.random.default_rng(1)
        with Register.open(register_path) as register:
            for number in range(500):
                person = f"{4000 + number}"
                register.add_person(Person(person, f"Leerling {number}", f"{number % 20}A"))
                base = rng.normal(0, 0.1, 128)
                register.db.conn.execute(
                    "INSERT INTO reference_faces (person_id, photo_sha256, encoding, created_at)"
                    " VALUES (?, ?, ?, '2026-11-29')",
                    (person, f"{number:064x}", base.astype("<f8").tobytes()),
                )
                register.record_consent(person, "instagram", number % 3 != 0)

        reopen: list[tuple[float, float]] = []
        decide: list[tuple[float, float]] = []
        redecide: list[tuple[float, float]] = []

        def timed(into: list[tuple[float, float]], work):
            wall, cpu = time.perf_counter(), time.process_time()
            result = work()
            into.append((time.perf_counter() - wall, time.process_time() - cpu))
            return result

        for _ in range(args.runs):
            cache = AnalysisCache(Path(temp) / "analysis.sqlite")
            batch = timed(
                reopen,
                lambda cache=cache: analyse_batch(
                    paths, cache=cache, known_files=True, cached_only=True
                ),
            )
            cache.close()
            assert len(batch.analyses) == args.photos, len(batch.analyses)
            with ReviewSession(register_path) as session:

                def decide_all(session=session, batch=batch) -> None:
                    for analysis in batch.analyses.values():
                        session.decide(analysis, "instagram")

                timed(decide, decide_all)
                session.register.record_consent("4003", "instagram", False)  # a change
                timed(redecide, lambda session=session: (session.forget_snapshots(),
                                                         decide_all()))  # fmt: skip

    def line(name: str, values: list[tuple[float, float]]) -> str:
        wall = [w for w, _c in values]
        cpu = [c for _w, c in values]
        return (
            f"  {name:<40} wall median {statistics.median(wall):.3f} s (min {min(wall):.3f}),"
            f" CPU median {statistics.median(cpu):.3f} s; goal < 1 s"
        )

    print(f"{args.photos} photos ({faces:.1f} faces each on average), 500 people; {args.runs} runs")
    print(line("re-open: every verdict's analysis from cache", reopen))
    print(line("decide all for Instagram", decide))
    print(line("a consent changed: decide all again", redecide))


if __name__ == "__main__":
    main()
