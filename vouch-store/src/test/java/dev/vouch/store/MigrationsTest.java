package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The up-to-date shortcut must know the newest migration, and must not skip one that is pending. */
class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void migrationListMatchesTheFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted().toList()).isEqualTo(Database.MIGRATIONS);
        }
    }

    @Test
    void aFreshDatabaseIsMigratedAndThenSeenAsUpToDate() throws Exception {
        Path db = dir.resolve("v.db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + db);
        assertThat(Database.upToDate(ds)).isFalse();
        Store.open(db, Clock.systemUTC()).close();
        assertThat(Database.upToDate(ds)).isTrue();
        try (var c = ds.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("DELETE FROM flyway_schema_history WHERE script = '" + Database.MIGRATIONS.get(Database.MIGRATIONS.size() - 1) + "'");
        }
        assertThat(Database.upToDate(ds)).as("a pending migration").isFalse();
    }
}
