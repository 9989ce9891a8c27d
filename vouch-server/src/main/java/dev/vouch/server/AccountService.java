package dev.vouch.server;

import dev.vouch.auth.ApiTokens;
import dev.vouch.auth.LoginThrottle;
import dev.vouch.auth.Passwords;
import dev.vouch.auth.StoredToken;
import dev.vouch.auth.TokenScope;
import dev.vouch.auth.Totp;
import dev.vouch.store.Accounts;
import dev.vouch.store.Accounts.Account;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Accounts, sign-in, TOTP and API tokens of the server, over the workspace database. Decides nothing about HTTP;
 * the controllers and filters call it.
 */
@Service
public class AccountService {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");
    public static final String SETUP_FILE = ".vouch/setup-code";
    private final WorkspaceContext ws;
    private final Passwords passwords = new Passwords();
    private final LoginThrottle throttle;
    private final LoginThrottle addresses;
    private final LoginThrottle names;
    private final ApiTokens tokens;
    private final SecureRandom random = new SecureRandom();
    private volatile String setupCode;
    private final SecretBox box;

    public AccountService(WorkspaceContext ws) {
        this.ws = ws;
        this.throttle = LoginThrottle.standard(ws.clock());
        this.addresses = new LoginThrottle(ws.clock(), 20, Duration.ofMinutes(1), Duration.ofHours(1));
        this.names = new LoginThrottle(ws.clock(), 50, Duration.ofMinutes(1), Duration.ofHours(1));
        this.tokens = new ApiTokens(random, ws.clock());
        this.box = SecretBox.forWorkspace(ws.workspace().dir(), Optional.ofNullable(System.getenv(SecretBox.ENV)));
    }

    private Accounts accounts() {
        return ws.store().accounts();
    }

    // ---- first run -------------------------------------------------------------------------------------------

    public boolean needsSetup() {
        return accounts().count() == 0;
    }

    /**
     * When the workspace has no account yet, makes a one-time set-up code and writes it to {@link #SETUP_FILE}
     * (readable by the server's user only); whoever can read that file may create the first admin. No default
     * password exists at any time.
     *
     * @return the file holding the code, when one was made
     */
    public Optional<Path> prepareSetup() {
        if (!needsSetup()) {
            return Optional.empty();
        }
        byte[] b = new byte[15];
        random.nextBytes(b);
        String code = new org.apache.commons.codec.binary.Base32().encodeToString(b).toLowerCase(Locale.ROOT);
        Path file = ws.workspace().dir().resolve(SETUP_FILE);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "setup-code", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, code + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the set-up code to " + file + ": " + e.getMessage(), e);
        }
        setupCode = code;
        return Optional.of(file);
    }

    /** Creates the first admin with the set-up code. */
    public Account setup(String code, String username, String displayName, String password) {
        String expected = setupCode;
        if (expected == null || code == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                code.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new IllegalArgumentException("the set-up code is not right (it is in " + SETUP_FILE + " in the workspace)");
        }
        String name = username(username);
        requireGoodPassword(password, name);
        Account a = accounts().createFirst(name, displayName(displayName, name), Role.ADMIN.name(), passwords.hash(password),
                ws.clock().instant()).orElseThrow(() -> new IllegalArgumentException("the first admin exists already; sign in"));
        setupCode = null;
        try {
            Files.deleteIfExists(ws.workspace().dir().resolve(SETUP_FILE));
        } catch (IOException e) {
            // the code is void anyway (kept in memory only until now)
        }
        return a;
    }

    // ---- sign-in ---------------------------------------------------------------------------------------------

    /** The outcome of checking a user name and password. */
    public sealed interface SignIn {
        /** Right password; what is still needed depends on the account. */
        record Verified(Account account, Step next) implements SignIn {
        }

        /**
         * @param throttled refused without checking (too many failures): not worth an audit entry each time
         * @param account the existing account the name belongs to; empty for names no account has (recorded in the
         *                log only: anyone can type any name, and what they type may be a password)
         */
        record Refused(String message, boolean throttled, Optional<String> account) implements SignIn {
        }
    }

    /** What a verified password leads to. */
    public enum Step {
        /** signed in */
        DONE,
        /** a TOTP code is needed */
        TOTP,
        /** an admin without TOTP: must enrol before anything else */
        ENROL
    }

    public SignIn checkPassword(String username, String password, java.net.InetAddress from) {
        String user = LoginThrottle.userKey(username == null ? "" : username);
        String addr = LoginThrottle.addressKey(from);
        String pair = user + " " + addr;
        // a name from one address: 5 tries, then back-off; an address over all names: 20; a name over all addresses:
        // 50 (so that nobody locks a colleague out with five wrong guesses from elsewhere, while spread-out guessing
        // is still slowed)
        Optional<Duration> wait = throttle.retryAfter(pair).or(() -> addresses.retryAfter(addr)).or(() -> names.retryAfter(user));
        if (wait.isPresent()) {
            return new SignIn.Refused(tooMany(wait.get()), true, Optional.empty());
        }
        throttle.begin(pair);
        addresses.begin(addr);
        names.begin(user);
        Optional<Account> account = Optional.empty();
        try {
            account = accounts().byUsername(username(username));
        } catch (IllegalArgumentException e) {
            // not a valid name: same answer and the same time as a wrong password
        }
        boolean ok = passwords.matches(password, account.flatMap(Account::passwordHash).orElse(null));
        if (!ok || account.get().disabled()) {
            return new SignIn.Refused("The user name or password is not right.", false, account.map(Account::username));
        }
        throttle.success(pair);
        addresses.success(addr);
        names.success(user);
        Account a = account.get();
        if (passwords.needsRehash(a.passwordHash().orElseThrow())) {
            accounts().setPassword(a.id(), passwords.hash(password), a.passwordChangedAt());
        }
        Step next = a.mfaEnabled() ? Step.TOTP : Role.parse(a.role()) == Role.ADMIN ? Step.ENROL : Step.DONE;
        return new SignIn.Verified(a, next);
    }

    /** An account about to give a TOTP code (counted as an attempt), or why it may not: disabled, or codes on hold. */
    private record CodeAttempt(Optional<Account> account, Optional<String> refusal) {
    }

    private CodeAttempt codeAttempt(long accountId) {
        Optional<Account> found = accounts().byId(accountId).filter(x -> !x.disabled());
        if (found.isEmpty()) {
            return new CodeAttempt(Optional.empty(), Optional.of("This account is disabled."));
        }
        Optional<Duration> wait = throttle.begin("totp:" + accountId);
        return new CodeAttempt(found, wait.map(AccountService::tooMany));
    }

    /** Checks a TOTP code of a password-verified account; throttled like passwords, replays refused. */
    public Optional<String> checkTotp(long accountId, String code) {
        CodeAttempt attempt = codeAttempt(accountId);
        if (attempt.refusal().isPresent()) {
            return attempt.refusal();
        }
        Account a = attempt.account().orElseThrow();
        String key = "totp:" + accountId;
        if (!a.mfaEnabled() || a.totpSecret().isEmpty()) {
            return Optional.of("This account has no authenticator set up.");
        }
        OptionalLong step = Totp.verify(box.open(a.totpSecret().get()), code, ws.clock().instant(), a.totpLastStep());
        if (step.isEmpty() || !accounts().acceptTotpStep(accountId, step.getAsLong())) {
            return Optional.of("The code is not right (or was used already). Use the newest code from your authenticator app.");
        }
        throttle.success(key);
        return Optional.empty();
    }

    /** Starts TOTP enrolment: a new secret, shown once to the user (as text and otpauth URI). */
    public String beginEnrol(long accountId) {
        String secret = Totp.newSecret(random);
        if (!accounts().beginTotp(accountId, box.seal(secret))) { // the database never holds the key in clear
            throw new IllegalStateException("this account has an authenticator already; an admin resets it first");
        }
        return secret;
    }

    public String otpauthUri(String username, String secret) {
        return Totp.uri("Vouch " + ws.workspace().organization(), username, secret);
    }

    /** Confirms enrolment with a first code; MFA is on from then on. */
    public Optional<String> confirmEnrol(long accountId, String code) {
        CodeAttempt attempt = codeAttempt(accountId);
        if (attempt.refusal().isPresent()) {
            return attempt.refusal();
        }
        Account a = attempt.account().orElseThrow();
        String key = "totp:" + accountId;
        if (a.totpSecret().isEmpty()) {
            return Optional.of("Start the set-up again: no secret was issued.");
        }
        OptionalLong step = Totp.verify(box.open(a.totpSecret().get()), code, ws.clock().instant(), -1);
        if (step.isEmpty()) {
            return Optional.of("The code is not right. Check the time on your phone and type the newest code.");
        }
        accounts().enableMfa(accountId, step.getAsLong());
        throttle.success(key);
        return Optional.empty();
    }

    public VouchUser sessionUser(Account a) {
        Role role = Role.parse(a.role());
        return new VouchUser(a.id(), a.username(), role, a.windowFrom(), a.windowTo(), Optional.empty(), role.writes());
    }

    public Optional<Account> account(long id) {
        return accounts().byId(id);
    }

    public List<Account> all() {
        return accounts().all();
    }

    // ---- accounts ------------------------------------------------------------------------------------------

    /** Creates an account with an initial password (the new user changes it after signing in). */
    public Account create(String username, String displayName, Role role, String password, Optional<Instant> windowFrom,
            Optional<Instant> windowTo) {
        String name = username(username);
        requireGoodPassword(password, name);
        if (role == Role.AUDITOR && (windowFrom.isEmpty() || windowTo.isEmpty())) {
            throw new IllegalArgumentException("window: an auditor needs the observation window (from and to) they may see");
        }
        if (windowFrom.isPresent() && windowTo.isPresent() && windowTo.get().isBefore(windowFrom.get())) {
            throw new IllegalArgumentException("window: ends before it starts");
        }
        return accounts().create(name, displayName(displayName, name), role.name(), Optional.of(passwords.hash(password)),
                role == Role.AUDITOR ? windowFrom : Optional.empty(), role == Role.AUDITOR ? windowTo : Optional.empty(),
                ws.clock().instant());
    }

    public void changePassword(long accountId, String current, String next) {
        Account a = accounts().byId(accountId).orElseThrow();
        String key = "pw:" + accountId;
        Optional<Duration> wait = throttle.begin(key);
        if (wait.isPresent()) {
            throw new IllegalArgumentException(tooMany(wait.get()));
        }
        if (!passwords.matches(current, a.passwordHash().orElse(null))) {
            throw new IllegalArgumentException("current password: not right");
        }
        throttle.success(key);
        requireGoodPassword(next, a.username());
        accounts().setPassword(accountId, passwords.hash(next), ws.clock().instant());
    }

    public void setDisabled(long accountId, boolean disabled, long by) {
        if (accountId == by && disabled) {
            throw new IllegalArgumentException("you cannot disable your own account");
        }
        accounts().byId(accountId).orElseThrow(() -> new java.util.NoSuchElementException("no account " + accountId));
        accounts().setDisabled(accountId, disabled);
    }

    /** An admin resets another account's authenticator: it enrols again at its next sign-in (admins) or may. */
    public void resetMfa(long accountId, long by) {
        if (accountId == by) {
            throw new IllegalArgumentException("you cannot reset your own authenticator here; ask another admin (or use 'vouch users reset-mfa')");
        }
        accounts().byId(accountId).orElseThrow(() -> new java.util.NoSuchElementException("no account " + accountId));
        accounts().disableMfa(accountId);
    }

    /** An admin sets a new initial password for another account (handed over by a separate channel). */
    public void setPassword(long accountId, String password, long by) {
        if (accountId == by) {
            throw new IllegalArgumentException("change your own password on your account page (it asks for the current one)");
        }
        Account a = accounts().byId(accountId).orElseThrow(() -> new java.util.NoSuchElementException("no account " + accountId));
        requireGoodPassword(password, a.username());
        accounts().setPassword(accountId, passwords.hash(password), ws.clock().instant());
    }

    /** Changes another account's role (and an auditor's window). */
    public void setRole(long accountId, Role role, Optional<Instant> windowFrom, Optional<Instant> windowTo, long by) {
        if (accountId == by) {
            throw new IllegalArgumentException("you cannot change your own role; ask another admin");
        }
        Account before = accounts().byId(accountId).orElseThrow(() -> new java.util.NoSuchElementException("no account " + accountId));
        if (role == Role.AUDITOR && (windowFrom.isEmpty() || windowTo.isEmpty())) {
            throw new IllegalArgumentException("window: an auditor needs the observation window (from and to) they may see");
        }
        if (windowFrom.isPresent() && windowTo.isPresent() && windowTo.get().isBefore(windowFrom.get())) {
            throw new IllegalArgumentException("window: ends before it starts");
        }
        accounts().setRole(accountId, role.name(), role == Role.AUDITOR ? windowFrom : Optional.empty(),
                role == Role.AUDITOR ? windowTo : Optional.empty());
        if (role == Role.ADMIN && Role.parse(before.role()) != Role.ADMIN) {
            // tokens made before the promotion would carry admin rights their owner never had when making them
            accounts().tokens(accountId).stream().filter(t -> t.revokedAt().isEmpty())
                    .forEach(t -> accounts().revokeToken(t.id(), ws.clock().instant()));
        }
    }

    // ---- API tokens ----------------------------------------------------------------------------------------

    /** Issues a token for {@code owner}; the returned token text is shown once and never kept. */
    public ApiTokens.Issued issueToken(Account owner, String name, TokenScope scope) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 80 || n.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: 1 to 80 printable characters, e.g. 'CI pipeline'");
        }
        if (scope == TokenScope.READ_WRITE && !Role.parse(owner.role()).writes()) {
            throw new IllegalArgumentException("scope: a " + Role.parse(owner.role()).label() + " may only have read tokens");
        }
        ApiTokens.Issued issued = tokens.issue(n, owner.username(), scope);
        StoredToken s = issued.stored();
        accounts().addToken(new Accounts.Token(s.id(), owner.id(), s.name(), s.scope().name(), s.secretSha256(), s.createdAt(),
                Optional.empty(), Optional.empty()));
        return issued;
    }

    public List<Accounts.Token> tokens(long accountId) {
        return accounts().tokens(accountId);
    }

    public List<Accounts.Token> allTokens() {
        return accounts().allTokens();
    }

    public Optional<Accounts.Token> token(String id) {
        return accounts().token(id);
    }

    public boolean revoke(String tokenId) {
        return accounts().revokeToken(tokenId, ws.clock().instant());
    }

    /** The outcome of a presented bearer token. */
    public sealed interface TokenCheck {
        record Ok(VouchUser user) implements TokenCheck {
        }

        /** 401 */
        record Invalid() implements TokenCheck {
        }

        /** 403: the token is good but its scope does not allow the method */
        record Forbidden(VouchUser user) implements TokenCheck {
        }
    }

    public TokenCheck checkToken(String presented, String method) {
        Optional<String> id = ApiTokens.idOf(presented);
        Optional<Accounts.Token> row = id.flatMap(accounts()::token);
        if (row.isEmpty()) {
            return new TokenCheck.Invalid();
        }
        Accounts.Token t = row.get();
        Optional<Account> owner = accounts().byId(t.accountId());
        if (owner.isEmpty() || owner.get().disabled()) {
            return new TokenCheck.Invalid();
        }
        StoredToken stored = new StoredToken(t.id(), t.name(), owner.get().username(), TokenScope.valueOf(t.scope()),
                t.secretSha256(), t.createdAt(), t.revokedAt());
        ApiTokens.Verdict v = ApiTokens.check(presented, stored, method);
        if (v == ApiTokens.Verdict.INVALID || v == ApiTokens.Verdict.REVOKED) {
            return new TokenCheck.Invalid();
        }
        Role role = Role.parse(owner.get().role());
        VouchUser user = new VouchUser(owner.get().id(), owner.get().username(), role, owner.get().windowFrom(),
                owner.get().windowTo(), Optional.of(t.id()), role.writes() && stored.scope() == TokenScope.READ_WRITE);
        if (t.lastUsedAt().map(u -> u.isBefore(ws.clock().instant().minusSeconds(60))).orElse(true)) {
            accounts().tokenUsed(t.id(), ws.clock().instant()); // at most once a minute per token
        }
        return v == ApiTokens.Verdict.FORBIDDEN ? new TokenCheck.Forbidden(user) : new TokenCheck.Ok(user);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Folds a user name (NFKC, lower case) and checks its form. */
    public static String username(String raw) {
        String n = Normalizer.normalize(raw == null ? "" : raw.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (!NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("user name: 1 to 64 of a-z 0-9 . _ @ - (starting with a letter or digit)");
        }
        return n;
    }

    private static String displayName(String raw, String fallback) {
        String d = raw == null ? "" : raw.strip().replaceAll("\\p{Cntrl}", "");
        return d.isEmpty() ? fallback : d.length() > 100 ? d.substring(0, 100) : d;
    }

    private static void requireGoodPassword(String password, String username) {
        List<String> problems = Passwords.problems(password == null ? "" : password, username);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("password: " + String.join("; ", problems));
        }
    }

    private static String tooMany(Duration wait) {
        long s = Math.max(1, wait.toSeconds());
        return "Too many failed attempts. Try again in " + (s >= 120 ? (s / 60) + " minutes." : s + " seconds.");
    }
}
