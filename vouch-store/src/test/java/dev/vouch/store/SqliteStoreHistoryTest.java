package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreHistoryTest extends StoreHistoryContract {
    @TempDir
    Path dir;

    @Override
    protected Store newStore() {
        return Store.open(dir.resolve("vouch.db"), StoreTestClock.fixed());
    }

    @Test
    void intervalRowsHaveExactBounds() throws SQLException {
        recordFourScans();
        assertThat(rows("SELECT check_id || ' ' || resource_key || ' ' || outcome || ' [' || valid_from_scan || ','"
                + " || COALESCE(CAST(valid_to_scan AS TEXT), '-') || ')' FROM finding_state ORDER BY id")).containsExactly(
                "AZ-STG-003 " + STG + " FAIL [1,2)",
                "AZ-STG-001 " + STG + " PASS [1,3)",
                "AZ-VM-001 " + VM.toLowerCase() + " FAIL [1,3)",
                "AZ-STG-003 " + STG + " PASS [2,-)",
                "AZ-VM-001 " + VM.toLowerCase() + " FAIL [3,-)",
                "AZ-STG-003 " + STG2 + " FAIL [3,-)");
        assertThat(rows("SELECT valid_from_at || '-' || valid_to_at FROM finding_state WHERE id = 1"))
                .containsExactly(Scans.dayAt(1, 2).toEpochMilli() + "-" + Scans.dayAt(2, 2).toEpochMilli());
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vouch.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
