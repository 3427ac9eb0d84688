-- 0002: what was published (each export, per file, who is shown unblurred) and the decisions
-- made by hand in the app (per photo hash).

-- One row per export run. No foreign keys to people: the record of what was published must
-- outlive a removed person (the school still has to find those photos). It holds ids and
-- hashes only, no names, photos or face data.
CREATE TABLE exports (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,
    channel  TEXT NOT NULL,
    out_dir  TEXT NOT NULL,
    event    TEXT NOT NULL
);

CREATE TABLE exported_files (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    export_id      INTEGER NOT NULL REFERENCES exports (id),
    file_name      TEXT NOT NULL,
    output_sha256  TEXT NOT NULL CHECK (length(output_sha256) = 64),
    source_sha256  TEXT NOT NULL CHECK (length(source_sha256) = 64),
    faces_blurred  INTEGER NOT NULL CHECK (faces_blurred >= 0)
);
CREATE INDEX exported_files_by_source ON exported_files (source_sha256);

CREATE TABLE exported_people (
    file_id    INTEGER NOT NULL REFERENCES exported_files (id),
    person_id  TEXT NOT NULL,
    PRIMARY KEY (file_id, person_id)
);
CREATE INDEX exported_people_by_person ON exported_people (person_id);

-- A face assigned to a person, marked "not a face", forced to blur, or a box drawn around a
-- face the detector missed. Boxes are upright full-resolution pixels of the photo.
CREATE TABLE manual_decisions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    photo_sha256  TEXT NOT NULL CHECK (length(photo_sha256) = 64),
    x0            INTEGER NOT NULL,
    y0            INTEGER NOT NULL,
    x1            INTEGER NOT NULL CHECK (x1 > x0),
    y1            INTEGER NOT NULL CHECK (y1 > y0),
    kind          TEXT NOT NULL CHECK (kind IN ('assign', 'not_a_face', 'force_blur', 'add')),
    person_id     TEXT REFERENCES people (id) ON DELETE CASCADE,
    decided_at    TEXT NOT NULL,
    decided_by    TEXT NOT NULL,
    CHECK (kind <> 'assign' OR person_id IS NOT NULL)
);
CREATE INDEX manual_decisions_by_photo ON manual_decisions (photo_sha256);
