package dev.vouch.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Outcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalsOverlappingTest {
    static final String STG = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1";

    @TempDir
    Path dir;

    /** Day 1 FAIL, day 2 PASS, day 3 PASS again: intervals FAIL [d1, d2) and PASS [d2, open). */
    private Store history() {
        Store store = Store.open(dir.resolve("vouch.db"), StoreTestClock.fixed());
        store.recordScan(Scans.day(1).with("AZ-STG-003", STG, Outcome.FAIL, "TLS1_0").build());
        store.recordScan(Scans.day(2).with("AZ-STG-003", STG, Outcome.PASS, "ok").build());
        store.recordScan(Scans.day(3).with("AZ-STG-003", STG, Outcome.PASS, "ok").build());
        return store;
    }

    private static List<String> describe(List<FindingInterval> intervals) {
        return intervals.stream().map(i -> i.finding().outcome() + " " + i.validFrom() + " "
                + (i.isOpen() ? "open" : i.validTo().toString())).toList();
    }

    @Test
    void returnsEachOverlappingIntervalWithItsBounds() {
        try (Store store = history()) {
            List<FindingInterval> all = store.intervalsOverlapping(Scans.DAY1, Scans.dayAt(4, 0));
            assertThat(describe(all)).containsExactly(
                    "FAIL " + Scans.dayAt(1, 2) + " " + Scans.dayAt(2, 2),
                    "PASS " + Scans.dayAt(2, 2) + " open");
            assertThat(all.get(0).finding().resourceId()).isEqualTo(STG);
            assertThat(all.get(0).finding().checkId()).isEqualTo("AZ-STG-003");
        }
    }

    @Test
    void boundsAreHalfOpen() {
        try (Store store = history()) {
            Instant d2 = Scans.dayAt(2, 2);
            assertThat(describe(store.intervalsOverlapping(d2, Scans.dayAt(3, 0))))
                    .containsExactly("PASS " + d2 + " open");
            assertThat(describe(store.intervalsOverlapping(Scans.DAY1, d2)))
                    .containsExactly("FAIL " + Scans.dayAt(1, 2) + " " + d2);
            assertThat(store.intervalsOverlapping(Scans.DAY1, Scans.dayAt(1, 2))).isEmpty();
        }
    }
}
