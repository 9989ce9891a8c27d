package dev.vouch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace whose history lives in PostgreSQL (a real server): scan, score, history and a report as with SQLite. */
class PostgresWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void theWholeFlowRunsOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE vouch");
            }
            String url = pg.getJdbcUrl("postgres", "vouch");
            Path ws = dir.resolve("ws");
            Files.createDirectories(ws.resolve("tf"));
            Files.writeString(ws.resolve("tf/main.tf"), ScanCommandTest.GOOD_TF);
            Files.writeString(ws.resolve("vouch.yaml"), "organization: PG Co\nsources:\n  terraform: [tf]\ndatabase: " + url + "\n");

            CliRun before = CliRun.of("score", ws.toString());
            assertThat(before.exit()).isEqualTo(ExitCode.USAGE);
            assertThat(before.err()).contains("no scan recorded yet").doesNotContain("?user=");

            CliRun scan = CliRun.of("scan", ws.toString(), "-q");
            assertThat(scan.exit()).as(scan.err()).isZero();
            assertThat(scan.err()).contains("recorded scan #1 in jdbc:postgresql://").doesNotContain("?user=");
            assertThat(ws.resolve(".vouch/vouch.db")).doesNotExist();
            Files.writeString(ws.resolve("tf/main.tf"), ScanCommandTest.GOOD_TF.replace("TLS1_0", "TLS1_2"));
            assertThat(CliRun.of("scan", ws.toString(), "-q").exit()).isZero();

            var json = new ObjectMapper();
            double overall = json.readTree(CliRun.of("score", ws.toString(), "--format", "json").out()).path("overall").asDouble();
            var history = json.readTree(CliRun.of("history", ws.toString(), "--format", "json").out());
            assertThat(history.path("trend")).hasSize(2);
            assertThat(history.path("drift").toString()).contains("recovered");
            Path report = dir.resolve("r.json");
            assertThat(CliRun.of("report", "readiness", ws.toString(), "--format", "json", "-o", report.toString()).exit()).isZero();
            var model = json.readTree(report.toFile()).path("model");
            assertThat(model.path("assessment").path("overall").asDouble()).isEqualTo(overall);
            assertThat(model.path("trend")).hasSize(2);
            try (Connection c = pg.getDatabase("postgres", "vouch").getConnection(); Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT COUNT(*) FROM scan_score")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2); // each scan kept its score in PostgreSQL
            }
        }
    }
}
