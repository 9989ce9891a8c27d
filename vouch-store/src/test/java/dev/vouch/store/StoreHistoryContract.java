package dev.vouch.store;

import static dev.vouch.model.Outcome.FAIL;
import static dev.vouch.model.Outcome.PASS;
import static dev.vouch.store.Scans.dayAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour every store backend must show. A backend's test extends this and supplies a fresh, empty,
 * migrated store (SQLite today; PostgreSQL later).
 */
abstract class StoreHistoryContract {
    static final String VM = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/VM1";
    static final String STG = "infra/azurerm_storage_account.logs";
    static final String STG2 = "infra/azurerm_storage_account.data";

    protected Store store;

    protected abstract Store newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Four scans: day 1 baseline; day 2 one fix and a re-cased Azure id; day 3 a removal, a new message and a new pair; day 4 = day 3. */
    protected void recordFourScans() {
        store.recordScan(Scans.day(1)
                .with("AZ-STG-003", STG, FAIL, "allows TLS1_0")
                .with("AZ-STG-001", STG, PASS, "")
                .with("AZ-VM-001", VM, FAIL, "disk not encrypted")
                .build());
        store.recordScan(Scans.day(2)
                .with("AZ-STG-003", STG, PASS, "")
                .with("AZ-STG-001", STG, PASS, "")
                .with("AZ-VM-001", VM.toLowerCase(), FAIL, "disk not encrypted")
                .build());
        Scans day3 = Scans.day(3)
                .with("AZ-STG-003", STG, PASS, "")
                .with("AZ-VM-001", VM, FAIL, "disks os and data not encrypted")
                .with("AZ-STG-003", STG2, FAIL, "allows TLS1_1");
        store.recordScan(day3.build());
        Scans day4 = Scans.day(4)
                .with("AZ-STG-003", STG, PASS, "")
                .with("AZ-VM-001", VM, FAIL, "disks os and data not encrypted")
                .with("AZ-STG-003", STG2, FAIL, "allows TLS1_1");
        store.recordScan(day4.build());
    }

    static Map<String, String> states(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(
                f -> f.checkId() + " " + f.resourceId(), f -> f.outcome() + (f.message().isEmpty() ? "" : ": " + f.message()),
                (a, b) -> a + " | " + b, java.util.TreeMap::new));
    }

    @Test
    void emptyStoreHasNoHistory() {
        assertThat(store.scans()).isEmpty();
        assertThat(store.latestScan()).isEmpty();
        assertThat(store.findingsAsOf(Instant.parse("2030-01-01T00:00:00Z"))).isEmpty();
        assertThat(store.changesSince(1)).isEmpty();
    }

    @Test
    void intervalsOpenOnlyWhenStateChanges() {
        recordFourScans();
        // day 1: 3 opened; day 2: AZ-STG-003/logs reopened (+1), VM re-cased is the same pair;
        // day 3: VM message changed (+1), data account new (+1); day 4: identical (+0)
        assertThat(store.intervalCount()).isEqualTo(6);
        assertThat(store.scans()).extracting(ScanSummary::id).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void asOfReconstructsEachPointInTime() {
        recordFourScans();
        assertThat(store.findingsAsOf(dayAt(1, 1))).as("before the first scan finished").isEmpty();
        Map<String, String> day1 = Map.of(
                "AZ-STG-001 " + STG, "PASS",
                "AZ-STG-003 " + STG, "FAIL: allows TLS1_0",
                "AZ-VM-001 " + VM, "FAIL: disk not encrypted");
        assertThat(states(store.findingsAsOf(dayAt(1, 2)))).as("exactly at scan 1").isEqualTo(day1);
        assertThat(states(store.findingsAsOf(dayAt(1, 20)))).as("between scans 1 and 2").isEqualTo(day1);
        assertThat(states(store.findingsAsOf(dayAt(2, 12)))).isEqualTo(Map.of(
                "AZ-STG-001 " + STG, "PASS",
                "AZ-STG-003 " + STG, "PASS",
                "AZ-VM-001 " + VM, "FAIL: disk not encrypted"));
        Map<String, String> day3 = Map.of(
                "AZ-STG-003 " + STG, "PASS",
                "AZ-STG-003 " + STG2, "FAIL: allows TLS1_1",
                "AZ-VM-001 " + VM, "FAIL: disks os and data not encrypted");
        assertThat(states(store.findingsAsOf(dayAt(3, 12)))).isEqualTo(day3);
        assertThat(states(store.findingsAsOf(Instant.parse("2031-01-01T00:00:00Z")))).isEqualTo(day3);
        assertThat(states(store.findingsAtScan(1))).isEqualTo(day1);
        assertThat(states(store.findingsAtScan(4))).isEqualTo(day3);
    }

    @Test
    void findingsKeepTheirDetails() {
        recordFourScans();
        Finding vm = store.findingsAtScan(4).stream().filter(f -> f.checkId().equals("AZ-VM-001")).findFirst().orElseThrow();
        assertThat(vm).isEqualTo(Scans.finding("AZ-VM-001", VM, FAIL, "disks os and data not encrypted"));
    }

    @Test
    void changesSinceAScanAreNetDifferences() {
        recordFourScans();
        List<FindingChange> changes = store.changesSince(1);
        assertThat(changes).hasSize(4);
        assertThat(changes.get(0)).isInstanceOf(FindingChange.Disappeared.class)
                .extracting(FindingChange::checkId, FindingChange::resourceId).containsExactly("AZ-STG-001", STG);
        assertThat(changes.get(1)).asInstanceOf(type(FindingChange.Appeared.class))
                .satisfies(a -> assertThat(a.now().resourceId()).isEqualTo(STG2));
        assertThat(changes.get(2)).asInstanceOf(type(FindingChange.Changed.class)).satisfies(c -> {
            assertThat(c.before().outcome()).isEqualTo(FAIL);
            assertThat(c.now().outcome()).isEqualTo(PASS);
            assertThat(c.resourceId()).isEqualTo(STG);
        });
        assertThat(changes.get(3)).asInstanceOf(type(FindingChange.Changed.class))
                .satisfies(c -> assertThat(c.now().message()).isEqualTo("disks os and data not encrypted"));
        assertThat(store.changesSince(3)).isEmpty();
        assertThat(store.changesBetween(1, 2)).singleElement().isInstanceOf(FindingChange.Changed.class);
    }

    @Test
    void aDeltaTakesOneScansFindingsToAnothers() {
        recordFourScans();
        for (long from = 1; from <= 3; from++) {
            for (long to = from + 1; to <= 4; to++) {
                Map<String, Finding> state = new java.util.HashMap<>();
                store.findingsAtScan(from).forEach(f -> state.put(FindingDelta.key(f), f));
                store.delta(from, to).applyTo(state);
                assertThat(states(List.copyOf(state.values()))).as("scan %d -> %d", from, to)
                        .isEqualTo(states(store.findingsAtScan(to)));
            }
        }
        FindingDelta d = store.delta(2, 3);
        assertThat(d.ended()).extracting(Finding::checkId).containsExactlyInAnyOrder("AZ-STG-001", "AZ-VM-001");
        assertThat(d.started()).extracting(Finding::message).containsExactlyInAnyOrder("disks os and data not encrypted", "allows TLS1_1");
        assertThat(store.delta(3, 4).ended()).isEmpty();
        assertThat(store.delta(3, 4).started()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.delta(3, 3)).hasMessageContaining("the first must be earlier");
    }

    @Test
    void scoresAreKeptPerBasis() {
        recordFourScans();
        assertThat(store.scores("a")).isEmpty();
        store.saveScore(1, "a", 12.5);
        store.saveScore(2, "a", 40.0);
        store.saveScore(2, "a", 41.0);
        store.saveScore(2, "b", 99.0);
        assertThat(store.scores("a")).containsExactlyInAnyOrderEntriesOf(Map.of(1L, 12.5, 2L, 41.0));
        assertThat(store.scores("b")).containsExactlyInAnyOrderEntriesOf(Map.of(2L, 99.0));
    }

    @Test
    void identicalRescansAddNoFindingRows() {
        recordFourScans();
        long before = store.intervalCount();
        for (int day = 5; day <= 40; day++) {
            store.recordScan(Scans.day(day)
                    .with("AZ-STG-003", STG, PASS, "")
                    .with("AZ-VM-001", VM.toUpperCase(), FAIL, "disks os and data not encrypted")
                    .with("AZ-STG-003", STG2, FAIL, "allows TLS1_1")
                    .build());
        }
        assertThat(store.intervalCount()).isEqualTo(before);
        assertThat(store.scans()).hasSize(40);
        assertThat(store.latestScan()).get().satisfies(s -> {
            assertThat(s.id()).isEqualTo(40L);
            assertThat(s.count(FAIL)).isEqualTo(2);
            assertThat(s.count(PASS)).isEqualTo(1);
            assertThat(s.findingCount()).isEqualTo(3);
        });
        Finding vm = store.findingsAsOf(dayAt(40, 5)).stream().filter(f -> f.checkId().equals("AZ-VM-001")).findFirst().orElseThrow();
        assertThat(vm.resourceId()).as("an interval keeps the description it opened with").isEqualTo(VM);
    }

    @Test
    void scanDetailsAreKept() {
        long id = store.recordScan(Scans.day(1)
                .with("AZ-STG-003", STG, Outcome.EXCEPTED, "allows TLS1_0")
                .error("infra/broken.tf", 7, "unexpected '}'")
                .notice("EXC-2026-004", ExceptionNotice.Kind.EXPIRED, "expired 2026-01-31")
                .build());
        ScanSummary s = store.scan(id).orElseThrow();
        assertThat(s.sources()).containsExactly("azure-export:exports/", "terraform:infra/");
        assertThat(s.resourceCount()).isEqualTo(3);
        assertThat(s.startedAt()).isEqualTo(dayAt(1, 2).minusSeconds(30));
        assertThat(s.finishedAt()).isEqualTo(dayAt(1, 2));
        assertThat(s.recordedAt()).isEqualTo(StoreTestClock.NOW);
        assertThat(s.count(Outcome.EXCEPTED)).isEqualTo(1);
        assertThat(s.incomplete()).isTrue();
        assertThat(store.collectionErrors(id)).singleElement()
                .satisfies(e -> assertThat(e.display()).isEqualTo("infra/broken.tf:7: unexpected '}'"));
        assertThat(store.exceptionNotices(id)).containsExactly(
                new ExceptionNotice("EXC-2026-004", ExceptionNotice.Kind.EXPIRED, "expired 2026-01-31"));
    }

    @Test
    void outOfOrderScansAreRejected() {
        store.recordScan(Scans.day(2).with("AZ-STG-003", STG, PASS, "").build());
        assertThatThrownBy(() -> store.recordScan(Scans.day(1).with("AZ-STG-003", STG, FAIL, "x").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("older than the latest recorded scan");
        assertThat(store.scans()).hasSize(1);
        assertThat(store.intervalCount()).isEqualTo(1);
    }

    @Test
    void duplicatePairInOneScanKeepsTheFirst() {
        store.recordScan(Scans.day(1)
                .with("AZ-VM-001", VM, FAIL, "first")
                .with("AZ-VM-001", VM.toLowerCase(), PASS, "")
                .build());
        assertThat(states(store.findingsAtScan(1))).isEqualTo(Map.of("AZ-VM-001 " + VM, "FAIL: first"));
    }

    @org.junit.jupiter.api.Test
    void accountsAndTokensAreKeptAndChanged() {
        Accounts a = store.accounts();
        java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertThat(a.count()).isZero();
        Accounts.Account admin = a.createFirst("alice", "Alice", "ADMIN", "$argon2id$hash", t0).orElseThrow();
        assertThat(admin.id()).isEqualTo(1);
        assertThat(a.createFirst("mallory", "M", "ADMIN", "$argon2id$x", t0)).isEmpty(); // only while there is none
        Accounts.Account aud = a.create("bob", "Bob", "AUDITOR", java.util.Optional.of("$argon2id$b"),
                java.util.Optional.of(t0), java.util.Optional.of(t0.plusSeconds(86400)), t0);
        assertThat(aud.id()).isEqualTo(2);
        assertThat(aud.windowTo()).contains(t0.plusSeconds(86400));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.create("bob", "B", "VIEWER", java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), t0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bob");
        assertThat(a.beginTotp(1, "JBSWY3DPEHPK3PXP")).isTrue();
        assertThat(a.byId(1).orElseThrow().mfaEnabled()).isFalse();
        a.enableMfa(1, 100);
        assertThat(a.beginTotp(1, "KRSXG5CTMVRXEZLU")).isFalse(); // a confirmed authenticator is not replaced
        assertThat(a.byUsername("alice").orElseThrow()).satisfies(x -> {
            assertThat(x.mfaEnabled()).isTrue();
            assertThat(x.totpSecret()).contains("JBSWY3DPEHPK3PXP");
            assertThat(x.totpLastStep()).isEqualTo(100);
            assertThat(x.toString()).doesNotContain("JBSWY").doesNotContain("argon2");
        });
        assertThat(a.acceptTotpStep(1, 100)).isFalse(); // replay
        assertThat(a.acceptTotpStep(1, 101)).isTrue();
        assertThat(a.byId(1).orElseThrow().ssoSubject()).isEmpty();
        assertThat(a.bindSso(1, "https://login.example/t/v2.0 sub-1")).isTrue();
        assertThat(a.bindSso(1, "https://login.example/t/v2.0 sub-2")).isFalse(); // bound once
        assertThat(a.byId(1).orElseThrow().ssoSubject()).contains("https://login.example/t/v2.0 sub-1");
        a.unbindSso(1);
        assertThat(a.bindSso(1, "https://login.example/t/v2.0 sub-2")).isTrue();
        a.setDisabled(2, true);
        assertThat(a.byId(2).orElseThrow().disabled()).isTrue();
        a.addToken(new Accounts.Token("abcdefgh", 1, "ci", "READ", "00ff", t0, java.util.Optional.empty(), java.util.Optional.empty()));
        a.tokenUsed("abcdefgh", t0.plusSeconds(5));
        assertThat(a.token("abcdefgh").orElseThrow().lastUsedAt()).contains(t0.plusSeconds(5));
        assertThat(a.revokeToken("abcdefgh", t0.plusSeconds(9))).isTrue();
        assertThat(a.revokeToken("abcdefgh", t0.plusSeconds(10))).isFalse();
        assertThat(a.tokens(1)).singleElement().satisfies(tk -> assertThat(tk.revokedAt()).contains(t0.plusSeconds(9)));
        assertThat(a.all()).extracting(Accounts.Account::username).containsExactly("alice", "bob");
    }

    @org.junit.jupiter.api.Test
    void exceptionRequestsAreDecidedOnce() {
        ExceptionRequests x = store.exceptionRequests();
        java.time.Instant t0 = java.time.Instant.parse("2026-03-01T10:00:00Z");
        ExceptionRequests.Request r = x.create("AZ-STG-003", "infra/*", "legacy client needs TLS 1.1 until cut-over",
                java.time.LocalDate.parse("2026-06-30"), "erin", t0);
        assertThat(r.id()).isEqualTo(1);
        assertThat(r.exceptionId()).isEqualTo("REQ-1");
        assertThat(r.state()).isEqualTo(ExceptionRequests.State.REQUESTED);
        assertThat(x.approved()).isEmpty();
        assertThat(x.decide(1, ExceptionRequests.State.REQUESTED, ExceptionRequests.State.APPROVED, "alice", "ok until June", t0.plusSeconds(60))).isTrue();
        assertThat(x.decide(1, ExceptionRequests.State.REQUESTED, ExceptionRequests.State.REJECTED, "bob", "", t0.plusSeconds(61))).isFalse();
        assertThat(x.approved()).singleElement().satisfies(a -> {
            assertThat(a.decidedBy()).contains("alice");
            assertThat(a.decidedAt()).contains(t0.plusSeconds(60));
            assertThat(a.expires()).isEqualTo(java.time.LocalDate.parse("2026-06-30"));
            assertThat(a.decisionNote()).isEqualTo("ok until June");
        });
        x.create("AZ-VM-001", "*", "second", java.time.LocalDate.parse("2026-04-01"), "erin", t0.plusSeconds(5));
        assertThat(x.all()).extracting(ExceptionRequests.Request::id).containsExactly(2L, 1L);
        assertThat(x.decide(1, ExceptionRequests.State.APPROVED, ExceptionRequests.State.REVOKED, "alice", "fixed", t0.plusSeconds(90))).isTrue();
        assertThat(x.approved()).isEmpty();
    }
}
