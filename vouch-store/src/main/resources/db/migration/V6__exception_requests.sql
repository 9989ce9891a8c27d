-- Vouch store, schema 6: exceptions (accepted risks) requested and decided through `vouch serve`.
-- An approved, unrevoked request applies to scans like an exception listed in vouch.yaml.
-- Dates are ISO text (expires: the last day it applies), instants epoch milliseconds (UTC).

CREATE TABLE exception_request (
    id             BIGINT   NOT NULL PRIMARY KEY,
    check_id       TEXT     NOT NULL,
    resource_glob  TEXT     NOT NULL,
    reason         TEXT     NOT NULL,
    expires        TEXT     NOT NULL,
    requested_by   TEXT     NOT NULL,
    requested_at   BIGINT   NOT NULL,
    state          TEXT     NOT NULL,
    decided_by     TEXT,
    decided_at     BIGINT,
    decision_note  TEXT
);
