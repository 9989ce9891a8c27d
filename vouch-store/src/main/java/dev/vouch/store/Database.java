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
    /** The highest migration in db/migration (a test keeps it in step with the files). */
    static final int LATEST_MIGRATION = 4;

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

    static Jdbi openPostgres(String url) {
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        try {
            ds.setURL(url);
        } catch (IllegalArgumentException e) {
            throw new StoreException("Not a PostgreSQL JDBC URL: " + display(url) + " (expected jdbc:postgresql://host:port/database)", e);
        }
        String password = System.getenv("VOUCH_DB_PASSWORD");
        if (password != null && !password.isEmpty()) {
            ds.setPassword(password);
        }
        migrate(ds, display(url));
        return Jdbi.create(ds);
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
                var rs = st.executeQuery("SELECT COUNT(*), SUM(CASE WHEN success THEN 0 ELSE 1 END), MAX(CAST(version AS INTEGER))"
                        + " FROM flyway_schema_history WHERE version IS NOT NULL")) {
            return rs.next() && rs.getInt(2) == 0 && rs.getInt(3) == LATEST_MIGRATION && rs.getInt(1) == LATEST_MIGRATION;
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
