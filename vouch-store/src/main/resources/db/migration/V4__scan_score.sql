-- The overall readiness score of a scan, computed once and kept: a trend over a year of history reads
-- these instead of re-scoring every point. 'basis' names what the score depends on (scope, catalog,
-- scoring rules); a different basis is a different score.
CREATE TABLE scan_score (
    scan_id  BIGINT           NOT NULL REFERENCES scan (id),
    basis    TEXT             NOT NULL,
    overall  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (scan_id, basis)
);
