-- Vouch store, schema 5: the accounts and API tokens of `vouch serve`.
-- Passwords are kept as Argon2id PHC strings only; API tokens as the SHA-256 of their secret part only.
-- Booleans are INTEGER 0/1 and instants epoch milliseconds (UTC), portable between SQLite and PostgreSQL.

CREATE TABLE account (
    id                  BIGINT   NOT NULL PRIMARY KEY,
    username            TEXT     NOT NULL UNIQUE,
    display_name        TEXT     NOT NULL,
    role                TEXT     NOT NULL,
    password_hash       TEXT,
    totp_secret         TEXT,
    totp_last_step      BIGINT   NOT NULL,
    mfa_enabled         INTEGER  NOT NULL,
    window_from         BIGINT,
    window_to           BIGINT,
    disabled            INTEGER  NOT NULL,
    created_at          BIGINT   NOT NULL,
    password_changed_at BIGINT   NOT NULL
);

CREATE TABLE api_token (
    id             TEXT     NOT NULL PRIMARY KEY,
    account_id     BIGINT   NOT NULL REFERENCES account (id),
    name           TEXT     NOT NULL,
    scope          TEXT     NOT NULL,
    secret_sha256  TEXT     NOT NULL,
    created_at     BIGINT   NOT NULL,
    last_used_at   BIGINT,
    revoked_at     BIGINT
);

CREATE INDEX api_token_account ON api_token (account_id);
