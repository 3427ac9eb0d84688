-- 0001: people, channels, consent records (history), reference faces, audit log.
-- Dates are ISO 'YYYY-MM-DD' text, timestamps ISO 8601 UTC text.

CREATE TABLE people (
    id          TEXT PRIMARY KEY NOT NULL CHECK (id <> '' AND id = trim(id)),  -- the school's own number
    name        TEXT NOT NULL CHECK (trim(name) <> ''),
    group_name  TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL CHECK (role IN ('pupil', 'staff', 'other')),
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX people_by_group ON people (group_name);

CREATE TABLE channels (
    name      TEXT PRIMARY KEY NOT NULL CHECK (name <> '' AND name = lower(trim(name))),
    label     TEXT NOT NULL,
    position  INTEGER NOT NULL
);
-- The school group's social-media protocol.
INSERT INTO channels (name, label, position) VALUES
    ('website', 'Website', 1),
    ('newsletter', 'Newsletter', 2),
    ('instagram', 'Instagram', 3),
    ('facebook', 'Facebook', 4),
    ('x', 'X', 5),
    ('youtube', 'YouTube', 6),
    ('linkedin', 'LinkedIn', 7),
    ('yurls', 'Yurls', 8);

-- One row per statement of consent; a withdrawal is a new row. Rows are never changed, and
-- deleted only when their person is removed.
CREATE TABLE consents (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id    TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    channel      TEXT NOT NULL REFERENCES channels (name),
    status       TEXT NOT NULL CHECK (status IN ('granted', 'refused', 'withdrawn')),
    valid_from   TEXT NOT NULL CHECK (date(valid_from) IS valid_from),
    valid_until  TEXT CHECK (valid_until IS NULL
                             OR (date(valid_until) IS valid_until AND valid_until >= valid_from)),
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    source       TEXT NOT NULL CHECK (source IN ('form', 'csv', 'app')),
    note         TEXT NOT NULL DEFAULT '',
    CHECK (status <> 'granted' OR valid_until IS NOT NULL)
);
CREATE INDEX consents_by_person_channel ON consents (person_id, channel, valid_from);
CREATE TRIGGER consents_are_history BEFORE UPDATE ON consents
BEGIN
    SELECT RAISE(ABORT, 'consent records are never changed: add a new record');
END;

-- Face encodings (128 float64, little-endian) and the hash of the photo they came from; never
-- the photo itself. One photo is a reference of at most one person.
CREATE TABLE reference_faces (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    person_id     TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    photo_sha256  TEXT NOT NULL UNIQUE CHECK (length(photo_sha256) = 64),
    encoding      BLOB NOT NULL CHECK (length(encoding) = 1024),
    created_at    TEXT NOT NULL
);
CREATE INDEX reference_faces_by_person ON reference_faces (person_id);

-- Who changed what, when. No foreign key: a line outlives the person it is about, and it holds
-- no names or face data.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    person_id  TEXT,
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_person ON audit_log (person_id);
CREATE TRIGGER audit_log_is_kept_unchanged BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never changed');
END;
CREATE TRIGGER audit_log_is_kept BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is never deleted from');
END;
