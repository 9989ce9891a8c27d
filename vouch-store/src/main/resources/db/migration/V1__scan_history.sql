-- Vouch store, schema 1: scans and the history of findings as state intervals.
-- Portable SQL: runs on SQLite and PostgreSQL (no AUTOINCREMENT, no SERIAL; ids are assigned by the
-- application inside the recording transaction). Instants are epoch milliseconds (UTC).

CREATE TABLE scan (
    id               BIGINT       NOT NULL PRIMARY KEY,
    started_at       BIGINT       NOT NULL,
    finished_at      BIGINT       NOT NULL,
    recorded_at      BIGINT       NOT NULL,
    resource_count   INTEGER      NOT NULL,
    finding_count    INTEGER      NOT NULL,
    pass_count       INTEGER      NOT NULL,
    fail_count       INTEGER      NOT NULL,
    error_count      INTEGER      NOT NULL,
    unknown_count    INTEGER      NOT NULL,
    na_count         INTEGER      NOT NULL,
    excepted_count   INTEGER      NOT NULL,
    collection_error_count INTEGER NOT NULL
);

CREATE TABLE scan_source (
    scan_id   BIGINT       NOT NULL REFERENCES scan (id),
    position  INTEGER      NOT NULL,
    source    TEXT         NOT NULL,
    PRIMARY KEY (scan_id, position)
);

CREATE TABLE scan_collection_error (
    scan_id          BIGINT   NOT NULL REFERENCES scan (id),
    position         INTEGER  NOT NULL,
    origin_source    TEXT     NOT NULL,
    origin_location  TEXT     NOT NULL,
    origin_line      INTEGER  NOT NULL,
    message          TEXT     NOT NULL,
    PRIMARY KEY (scan_id, position)
);

CREATE TABLE scan_exception_notice (
    scan_id       BIGINT       NOT NULL REFERENCES scan (id),
    position      INTEGER      NOT NULL,
    exception_id  TEXT         NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    message       TEXT         NOT NULL,
    PRIMARY KEY (scan_id, position)
);

-- One row per (check, resource) per period during which its state did not change.
-- valid_to_scan/valid_to_at are NULL while the interval is current.
CREATE TABLE finding_state (
    id               BIGINT       NOT NULL PRIMARY KEY,
    check_id         VARCHAR(64)  NOT NULL,
    resource_key     TEXT         NOT NULL,
    resource_id      TEXT         NOT NULL,
    resource_type    VARCHAR(128) NOT NULL,
    resource_name    TEXT         NOT NULL,
    provider         VARCHAR(32)  NOT NULL,
    severity         VARCHAR(16)  NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    message          TEXT         NOT NULL,
    exception_id     TEXT         NOT NULL,
    origin_source    TEXT         NOT NULL,
    origin_location  TEXT         NOT NULL,
    origin_line      INTEGER      NOT NULL,
    valid_from_scan  BIGINT       NOT NULL REFERENCES scan (id),
    valid_from_at    BIGINT       NOT NULL,
    valid_to_scan    BIGINT       REFERENCES scan (id),
    valid_to_at      BIGINT
);

CREATE UNIQUE INDEX ux_finding_state_current
    ON finding_state (check_id, resource_key) WHERE valid_to_scan IS NULL;
CREATE INDEX ix_finding_state_from ON finding_state (valid_from_at);
CREATE INDEX ix_finding_state_to ON finding_state (valid_to_at);
CREATE INDEX ix_finding_state_key ON finding_state (check_id, resource_key);
