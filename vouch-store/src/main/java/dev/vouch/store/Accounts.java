package dev.vouch.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The accounts and API tokens of {@code vouch serve}, kept in the workspace's database (schema V5). Holds no
 * password, TOTP code or token in clear: password hashes, TOTP secrets and token digests only. Which user may do
 * what is decided by the server; this class only stores.
 */
public final class Accounts {
    private final Function<Function<Handle, Object>, Object> call;

    @SuppressWarnings("unchecked")
    Accounts(Function<Function<Handle, Object>, Object> call) {
        this.call = call;
    }

    /**
     * A server account.
     *
     * @param username unique, compared as stored (the server folds case before storing)
     * @param role admin, editor, viewer or auditor (the server's enum, stored by name)
     * @param passwordHash Argon2id PHC string; empty for single-sign-on-only accounts
     * @param totpSecret Base32 TOTP secret once enrolment has begun; {@code mfaEnabled} once confirmed with a code
     * @param totpLastStep the last TOTP time step accepted (replays of it or earlier are refused); -1 when none
     * @param windowFrom the start of what an auditor may see (an auditor's observation window)
     * @param windowTo the end of what an auditor may see
     * @param ssoSubject the single-sign-on identity (issuer and subject) the account is bound to, once it has used one
     */
    public record Account(long id, String username, String displayName, String role, Optional<String> passwordHash,
            Optional<String> totpSecret, long totpLastStep, boolean mfaEnabled, Optional<Instant> windowFrom,
            Optional<Instant> windowTo, boolean disabled, Instant createdAt, Instant passwordChangedAt, Optional<String> ssoSubject) {
        public Account {
            Objects.requireNonNull(ssoSubject, "ssoSubject");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(passwordHash, "passwordHash");
            Objects.requireNonNull(totpSecret, "totpSecret");
            Objects.requireNonNull(windowFrom, "windowFrom");
            Objects.requireNonNull(windowTo, "windowTo");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
        }

        /** Never prints the hash or the secret. */
        @Override
        public String toString() {
            return "Account[" + id + ", " + username + ", " + role + (disabled ? ", disabled" : "") + "]";
        }
    }

    /** An API token as kept: its public id and the SHA-256 of its secret. */
    public record Token(String id, long accountId, String name, String scope, String secretSha256, Instant createdAt,
            Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {
        public Token {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(secretSha256, "secretSha256");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(lastUsedAt, "lastUsedAt");
            Objects.requireNonNull(revokedAt, "revokedAt");
        }

        @Override
        public String toString() {
            return "Token[" + id + ", " + name + ", " + scope + "]";
        }
    }

    public long count() {
        return run(h -> h.createQuery("SELECT COUNT(*) FROM account").mapTo(Long.class).one());
    }

    /**
     * Creates an account and returns it with its id.
     *
     * @throws IllegalArgumentException when the username is taken
     */
    public Account create(String username, String displayName, String role, Optional<String> passwordHash,
            Optional<Instant> windowFrom, Optional<Instant> windowTo, Instant now) {
        return run(h -> h.inTransaction(t -> {
            if (t.createQuery("SELECT COUNT(*) FROM account WHERE username = :u").bind("u", username).mapTo(Long.class).one() > 0) {
                throw new IllegalArgumentException("an account named '" + username + "' exists already");
            }
            long id = t.createQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM account").mapTo(Long.class).one();
            t.createUpdate("INSERT INTO account (id, username, display_name, role, password_hash, totp_secret, totp_last_step,"
                            + " mfa_enabled, window_from, window_to, disabled, created_at, password_changed_at)"
                            + " VALUES (:id, :u, :d, :r, :p, NULL, -1, 0, :wf, :wt, 0, :now, :now)")
                    .bind("id", id).bind("u", username).bind("d", displayName).bind("r", role)
                    .bind("p", passwordHash.orElse(null)).bind("wf", windowFrom.map(Instant::toEpochMilli).orElse(null))
                    .bind("wt", windowTo.map(Instant::toEpochMilli).orElse(null)).bind("now", now.toEpochMilli()).execute();
            return byId(t, id).orElseThrow();
        }));
    }

    /**
     * Creates the first account, only while there is none: two concurrent first-run set-ups cannot both succeed.
     *
     * @return empty when an account exists already
     */
    public Optional<Account> createFirst(String username, String displayName, String role, String passwordHash, Instant now) {
        return run(h -> h.inTransaction(t -> {
            if (t.createQuery("SELECT COUNT(*) FROM account").mapTo(Long.class).one() > 0) {
                return Optional.<Account>empty();
            }
            t.createUpdate("INSERT INTO account (id, username, display_name, role, password_hash, totp_secret, totp_last_step,"
                            + " mfa_enabled, window_from, window_to, disabled, created_at, password_changed_at)"
                            + " VALUES (1, :u, :d, :r, :p, NULL, -1, 0, NULL, NULL, 0, :now, :now)")
                    .bind("u", username).bind("d", displayName).bind("r", role).bind("p", passwordHash)
                    .bind("now", now.toEpochMilli()).execute();
            return byId(t, 1);
        }));
    }

    public Optional<Account> byUsername(String username) {
        return run(h -> h.createQuery(SELECT + " WHERE username = :u").bind("u", username).map(Accounts::account).findOne());
    }

    public Optional<Account> byId(long id) {
        return run(h -> byId(h, id));
    }

    public List<Account> all() {
        return run(h -> h.createQuery(SELECT + " ORDER BY username").map(Accounts::account).list());
    }

    public void setPassword(long id, String passwordHash, Instant now) {
        update("UPDATE account SET password_hash = :p, password_changed_at = :now WHERE id = :id",
                u -> u.bind("p", passwordHash).bind("now", now.toEpochMilli()).bind("id", id));
    }

    /**
     * Starts (or restarts) TOTP enrolment of an account without MFA: the secret is kept, MFA stays off until
     * {@link #enableMfa} confirms it. An authenticator already confirmed is never replaced here (reset it first).
     *
     * @return whether enrolment began (false: the account has MFA on)
     */
    public boolean beginTotp(long id, String secret) {
        return run(h -> h.createUpdate("UPDATE account SET totp_secret = :s, totp_last_step = -1 WHERE id = :id AND mfa_enabled = 0")
                .bind("s", secret).bind("id", id).execute()) == 1;
    }

    public void enableMfa(long id, long acceptedStep) {
        update("UPDATE account SET mfa_enabled = 1, totp_last_step = :st WHERE id = :id AND totp_secret IS NOT NULL",
                u -> u.bind("st", acceptedStep).bind("id", id));
    }

    public void disableMfa(long id) {
        update("UPDATE account SET mfa_enabled = 0, totp_secret = NULL, totp_last_step = -1 WHERE id = :id", u -> u.bind("id", id));
    }

    /**
     * Records an accepted TOTP step, only when it is later than the last one: of two concurrent sign-ins with the same
     * code at most one succeeds.
     *
     * @return whether the step was newer (and is now recorded)
     */
    public boolean acceptTotpStep(long id, long step) {
        return run(h -> h.createUpdate("UPDATE account SET totp_last_step = :st WHERE id = :id AND totp_last_step < :st")
                .bind("st", step).bind("id", id).execute()) == 1;
    }

    public void setRole(long id, String role, Optional<Instant> windowFrom, Optional<Instant> windowTo) {
        update("UPDATE account SET role = :r, window_from = :wf, window_to = :wt WHERE id = :id",
                u -> u.bind("r", role).bind("wf", windowFrom.map(Instant::toEpochMilli).orElse(null))
                        .bind("wt", windowTo.map(Instant::toEpochMilli).orElse(null)).bind("id", id));
    }

    /**
     * Binds an account to a single-sign-on identity, once.
     *
     * @return whether it was unbound and is now bound
     */
    public boolean bindSso(long id, String subject) {
        return run(h -> h.createUpdate("UPDATE account SET sso_subject = :s WHERE id = :id AND sso_subject IS NULL")
                .bind("s", subject).bind("id", id).execute()) == 1;
    }

    /** Forgets the single-sign-on identity (the person's identity at the provider changed): the next one binds. */
    public void unbindSso(long id) {
        update("UPDATE account SET sso_subject = NULL WHERE id = :id", u -> u.bind("id", id));
    }

    public void setDisabled(long id, boolean disabled) {
        update("UPDATE account SET disabled = :d WHERE id = :id", u -> u.bind("d", disabled ? 1 : 0).bind("id", id));
    }

    public void addToken(Token t) {
        update("INSERT INTO api_token (id, account_id, name, scope, secret_sha256, created_at, last_used_at, revoked_at)"
                        + " VALUES (:id, :a, :n, :s, :h, :c, NULL, NULL)",
                u -> u.bind("id", t.id()).bind("a", t.accountId()).bind("n", t.name()).bind("s", t.scope())
                        .bind("h", t.secretSha256()).bind("c", t.createdAt().toEpochMilli()));
    }

    public Optional<Token> token(String id) {
        return run(h -> h.createQuery(TOKEN_SELECT + " WHERE id = :id").bind("id", id).map(Accounts::token).findOne());
    }

    public List<Token> tokens(long accountId) {
        return run(h -> h.createQuery(TOKEN_SELECT + " WHERE account_id = :a ORDER BY created_at, id").bind("a", accountId)
                .map(Accounts::token).list());
    }

    public List<Token> allTokens() {
        return run(h -> h.createQuery(TOKEN_SELECT + " ORDER BY created_at, id").map(Accounts::token).list());
    }

    /** @return whether a token that was not yet revoked is now */
    public boolean revokeToken(String id, Instant at) {
        return run(h -> h.createUpdate("UPDATE api_token SET revoked_at = :t WHERE id = :id AND revoked_at IS NULL")
                .bind("t", at.toEpochMilli()).bind("id", id).execute()) == 1;
    }

    public void tokenUsed(String id, Instant at) {
        update("UPDATE api_token SET last_used_at = :t WHERE id = :id", u -> u.bind("t", at.toEpochMilli()).bind("id", id));
    }

    private static final String SELECT = "SELECT id, username, display_name, role, password_hash, totp_secret, totp_last_step,"
            + " mfa_enabled, window_from, window_to, disabled, created_at, password_changed_at, sso_subject FROM account";
    private static final String TOKEN_SELECT = "SELECT id, account_id, name, scope, secret_sha256, created_at, last_used_at,"
            + " revoked_at FROM api_token";

    private static Optional<Account> byId(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE id = :id").bind("id", id).map(Accounts::account).findOne();
    }

    private static Account account(java.sql.ResultSet rs, StatementContext ctx) throws java.sql.SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), rs.getString("role"),
                Optional.ofNullable(rs.getString("password_hash")), Optional.ofNullable(rs.getString("totp_secret")),
                rs.getLong("totp_last_step"), rs.getInt("mfa_enabled") == 1, instant(rs, "window_from"), instant(rs, "window_to"),
                rs.getInt("disabled") == 1, Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("password_changed_at")), Optional.ofNullable(rs.getString("sso_subject")));
    }

    private static Token token(java.sql.ResultSet rs, StatementContext ctx) throws java.sql.SQLException {
        return new Token(rs.getString("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("scope"),
                rs.getString("secret_sha256"), Instant.ofEpochMilli(rs.getLong("created_at")), instant(rs, "last_used_at"),
                instant(rs, "revoked_at"));
    }

    private static Optional<Instant> instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    private void update(String sql, java.util.function.UnaryOperator<org.jdbi.v3.core.statement.Update> bind) {
        run(h -> bind.apply(h.createUpdate(sql)).execute());
    }

    @SuppressWarnings("unchecked")
    private <T> T run(Function<Handle, T> work) {
        return (T) call.apply((Function<Handle, Object>) (Function<?, ?>) work);
    }
}
