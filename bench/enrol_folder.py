"""How long enrolling a school's portraits takes (issue 12: "500 portraits in minutes").

Makes N portrait files (600 x 800 JPEGs, as a school photographer delivers them) from the faces
of the shared photos: each face of at least 60 px is cut out with room around it and scaled to
a portrait; the faces are real, but there are only a few dozen different people, so many
portraits show someone already enrolled under another number and are refused by the register's
consistency check (that costs the same as enrolling). Then runs ``core.portraits.enrol_folder``
on the analysis processes, as ``spoenk-publisher register enrol-folder`` does, and prints
portraits per minute and the time for 500.

Run: .venv/bin/python bench/enrol_folder.py [--portraits 60]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "photos"


def make_portraits(folder: Path, count: int) -> None:
    manifest = json.loads((SHARED / "manifest.json").read_text())
    crops = []
    for photo in manifest["photos"]:
        image = Image.open(SHARED / photo["file"]).convert("RGB")
        for x0, y0, x1, y1 in (face["box"] for face in photo["faces"]):
            side = max(x1 - x0, y1 - y0)
            if side < 60:
                continue
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            half_w, half_h = side * 1.2, side * 1.6
            box = (cx - half_w, cy - half_h * 0.9, cx + half_w, cy + half_h * 1.1)
            crops.append(image.crop(tuple(round(v) for v in box)).resize((600, 800)))
    folder.mkdir(parents=True)
    for number in range(count):
        crop = crops[number % len(crops)]
        if number // len(crops) % 2:
            crop = crop.transpose(Image.Transpose.FLIP_LEFT_RIGHT)  # other bytes, same person
        crop.save(folder / f"{1000 + number}.jpg", quality=90)
    return len(crops)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--portraits", type=int, default=60)
    args = parser.parse_args()

    from spoenk_publisher.core.pool import AnalysisPool
    from spoenk_publisher.core.portraits import enrol_folder, reference_face_safely
    from spoenk_publisher.register import Person, Register

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "portretten"
        faces = make_portraits(folder, args.portraits)
        print(f"{args.portraits} portraits of 600 x 800 px from {faces} real faces")
        with Register.open(Path(temp) / "register.db") as register:
            for number in range(args.portraits):
                register.add_person(Person(str(1000 + number), f"Leerling {number}", "5B"))
            pool = AnalysisPool()
            pool.warm_up()
            started = time.perf_counter()
            cpu_started = os.times()
            report = enrol_folder(
                register, folder, submit=lambda path: pool.call(reference_face_safely, path)
            )
            seconds = time.perf_counter() - started
            pool.shutdown(wait=True)
            cpu = os.times()
            children = (cpu.children_user + cpu.children_system) - (
                cpu_started.children_user + cpu_started.children_system
            )
        per_minute = args.portraits / seconds * 60
        print(f"machine: {os.cpu_count()} cores; {pool.workers} analysis processes")
        print(
            f"enrolled {len(report.enrolled)}, refused {len(report.refused)} "
            f"(mostly the same person under another number), in {seconds:.1f} s wall"
        )
        print(f"  {per_minute:.0f} portraits per minute; 500 portraits: {500 / per_minute:.1f} min")
        if children:
            print(f"  worker CPU per portrait: {children / args.portraits:.2f} s")


if __name__ == "__main__":
    main()
