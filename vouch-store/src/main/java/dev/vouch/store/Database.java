package dev.vouch.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens a SQLite database file: parent directories, WAL, busy timeout, foreign keys, migrations. */
final class Database {
    static final int BUSY_TIMEOUT_MS = 10_000;
    /** The migrations in db/migration (a test keeps the list in step with the files). */
    static final java.util.List<String> MIGRATIONS = java.util.List.of("V1__scan_history.sql",
            "V2__vault_exception_events.sql", "V3__interval_scan_indexes.sql", "V4__scan_score.sql", "V5__server_accounts.sql",
            "V6__exception_requests.sql", "V7__account_sso_subject.sql");

    private Database() {
    }

    static Jdbi openSqlite(Path dbFile) {
        Path file = dbFile.toAbsolutePath().normalize();
        createParents(file);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        migrate(ds, file);
        return Jdbi.create(ds);
    }

    /** Driver parameters that load classes or files named in the URL: a vouch.yaml must not choose code to run. */
    private static final java.util.Set<String> REFUSED_PARAMETERS = java.util.Set.of("socketfactory", "socketfactoryarg",
            "sslfactory", "sslfactoryarg", "sslpasswordcallback", "sslhostnameverifier", "authenticationpluginclassname",
            "loggerfile", "loggerlevel", "password");
    private static final java.util.Set<String> WEAK_SSL_MODES = java.util.Set.of("disable", "allow", "prefer", "require");

    static Jdbi openPostgres(String url) {
        String checked = secureUrl(url);
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        try {
            ds.setURL(checked);
        } catch (IllegalArgumentException e) {
            // the driver's message repeats the URL: not chained, so no stack trace can show its parameters
            throw new StoreException("Not a PostgreSQL JDBC URL: " + display(url) + " (expected jdbc:postgresql://host:port/database?user=NAME)");
        }
        ds.setConnectTimeout(10);
        String password = System.getenv("VOUCH_DB_PASSWORD");
        if (password != null && !password.isEmpty()) {
            ds.setPassword(password);
        }
        migrate(ds, display(url));
        return Jdbi.create(ds);
    }

    /**
     * The URL with safe defaults: parameters that would load code or put a password in the file are refused, and a
     * server that is not on this machine gets {@code sslmode=verify-full} (TLS with the certificate and host name
     * checked) unless the URL asks for that or {@code verify-ca}; weaker modes are refused for remote servers, because
     * the password would travel in clear or to an unverified server.
     */
    static String secureUrl(String url) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(url.substring("jdbc:".length()));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new StoreException("Not a PostgreSQL JDBC URL: " + display(url) + " (expected jdbc:postgresql://host:port/database?user=NAME)");
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean local = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]");
        String sslmode = null;
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String key = pair.split("=", 2)[0].toLowerCase(java.util.Locale.ROOT);
            if (REFUSED_PARAMETERS.contains(key)) {
                throw new StoreException(display(url) + ": the parameter '" + key + "' is not accepted"
                        + (key.equals("password") ? " (give the password in VOUCH_DB_PASSWORD)" : " (it would load code or files named in vouch.yaml)"));
            }
            if (key.equals("sslmode")) {
                sslmode = pair.contains("=") ? pair.split("=", 2)[1].toLowerCase(java.util.Locale.ROOT) : "";
            }
        }
        if (local) {
            return url;
        }
        if (sslmode == null) {
            return url + (query.isEmpty() ? "?" : "&") + "sslmode=verify-full";
        }
        if (WEAK_SSL_MODES.contains(sslmode)) {
            throw new StoreException(display(url) + ": sslmode=" + sslmode + " would send the password to a server whose certificate "
                    + "is not checked; use sslmode=verify-full (the default) or verify-ca");
        }
        return url;
    }

    /** The URL without its query string (which may carry a password), for messages. */
    static String display(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static void createParents(Path file) {
        Path parent = file.getParent();
        if (parent == null) {
            return;
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("Cannot create the directory for the Vouch database " + file + ": " + e, e);
        }
    }

    /**
     * Runs the Flyway migrations in {@code db/migration}; an unreadable file is named in the error. A database
     * already at the latest version skips Flyway (its start-up costs a quarter of a second on every command).
     */
    static void migrate(javax.sql.DataSource ds, Path file) {
        migrate(ds, file.toString());
    }

    static void migrate(javax.sql.DataSource ds, String name) {
        if (upToDate(ds)) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new StoreException("Cannot open the Vouch database " + name + ": " + describe(e), e);
        }
    }

    /** True when the schema history shows every migration up to the latest applied successfully. */
    static boolean upToDate(javax.sql.DataSource ds) {
        try (var c = ds.getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT script, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            java.util.Set<String> applied = new java.util.HashSet<>();
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(rs.getString(1));
            }
            return applied.equals(java.util.Set.copyOf(MIGRATIONS)); // Vouch's own history, all of it
        } catch (java.sql.SQLException e) {
            return false; // no history table yet, or not a database: Flyway creates it or says what is wrong
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = String.valueOf(root.getMessage());
        if (msg.contains("SQLITE_NOTADB") || msg.contains("not a database")) {
            return "the file is not a SQLite database (is it corrupt, or some other file?)";
        }
        if (msg.contains("SQLITE_CORRUPT") || msg.contains("malformed")) {
            return "the database file is corrupt (" + msg + ")";
        }
        return msg;
    }
}
