-- Which exception events (created, expired) have been recorded in the evidence vault, and as which
-- vault entry, so each is recorded once without rereading the vault's log.
CREATE TABLE vault_exception_event (
    exception_id VARCHAR(200) NOT NULL,
    event        VARCHAR(20)  NOT NULL,
    vault_seq    BIGINT       NOT NULL,
    recorded_at  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (exception_id, event)
);
