-- The intervals that start or end between two scans (the delta a trend applies from one point to the
-- next) are found through these, so a year of history is walked at the cost of its churn.
CREATE INDEX ix_finding_state_from_scan ON finding_state (valid_from_scan);
CREATE INDEX ix_finding_state_to_scan ON finding_state (valid_to_scan);
