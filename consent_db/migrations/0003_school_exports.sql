-- 0003: importing a school's own consent export as it is.
--   * who answered a consent question (a parent, or the pupil), and the month a pupil turns 16,
--     so that a parent's consent for a pupil of 16 or older can be flagged for renewal;
--   * the choices a user made for the columns of a file layout (--map), remembered per layout;
--   * the key that makes a stable id for a pupil without a number.

-- 'parent' or 'pupil' when the file said who answered; NULL when it did not (and for consent
-- entered in the app or typed in from a form).
ALTER TABLE consents ADD COLUMN answered_by TEXT
    CHECK (answered_by IS NULL OR answered_by IN ('parent', 'pupil'));

-- The month in which a pupil turns 16 ('YYYY-MM'), never the date of birth: the 16+ rule needs
-- no more, and a birth date is personal data the register has no other use for. A parent's
-- consent is flagged from the first day of that month: at most a month early, never late.
ALTER TABLE people ADD COLUMN turns_16_in TEXT
    CHECK (turns_16_in IS NULL OR date(turns_16_in || '-01') IS (turns_16_in || '-01'));

-- One row per file layout (the normalised header, hashed): what the user chose for its columns.
-- The header itself is kept so that someone reading the table sees which file it was; it holds
-- column names, never a pupil's data.
CREATE TABLE import_layouts (
    layout_key  TEXT PRIMARY KEY NOT NULL CHECK (length(layout_key) = 16),
    header      TEXT NOT NULL,
    choices     TEXT NOT NULL,  -- JSON: {"normalised column": "target"}
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

-- Secrets of this register. 'person_id': the HMAC key of the id given to a pupil whose file has
-- no pupil number (see register/import_store.py), so that an id reveals nothing of the name or
-- the date of birth it was made from to someone without the register.
CREATE TABLE register_keys (
    name   TEXT PRIMARY KEY NOT NULL,
    value  BLOB NOT NULL CHECK (length(value) = 32)
);
INSERT INTO register_keys (name, value) VALUES ('person_id', randomblob(32));
