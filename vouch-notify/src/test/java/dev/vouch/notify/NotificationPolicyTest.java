package dev.vouch.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers: which (check, resource) pairs count as new failures. */
class NotificationPolicyTest {
    private static final Instant AT = Instant.parse("2025-03-04T05:06:07Z");

    private static Finding f(String check, Severity sev, String provider, String id, Outcome outcome) {
        return new Finding(check, sev, "some.type", id, "name-" + id, provider, outcome, "msg " + check + " " + id,
                Origin.of("test", "x"), null);
    }

    @Test
    void onlyPairsThatWerePassingOrAbsentAndNowFailOrErrorAreNew() {
        List<Finding> before = List.of(
                f("C-1", Severity.HIGH, "aws", "pass-to-fail", Outcome.PASS),
                f("C-1", Severity.HIGH, "aws", "fail-to-fail", Outcome.FAIL),
                f("C-1", Severity.HIGH, "aws", "na-to-error", Outcome.NOT_APPLICABLE),
                f("C-1", Severity.HIGH, "aws", "excepted-to-fail", Outcome.EXCEPTED),
                f("C-1", Severity.HIGH, "aws", "unknown-to-fail", Outcome.UNKNOWN),
                f("C-1", Severity.HIGH, "aws", "pass-to-pass", Outcome.PASS),
                f("C-1", Severity.HIGH, "aws", "fail-to-pass", Outcome.FAIL));
        List<Finding> after = List.of(
                f("C-1", Severity.HIGH, "aws", "pass-to-fail", Outcome.FAIL),
                f("C-1", Severity.HIGH, "aws", "fail-to-fail", Outcome.FAIL),
                f("C-1", Severity.HIGH, "aws", "na-to-error", Outcome.ERROR),
                f("C-1", Severity.HIGH, "aws", "excepted-to-fail", Outcome.FAIL),
                f("C-1", Severity.HIGH, "aws", "unknown-to-fail", Outcome.FAIL),
                f("C-1", Severity.HIGH, "aws", "pass-to-pass", Outcome.PASS),
                f("C-1", Severity.HIGH, "aws", "fail-to-pass", Outcome.PASS),
                f("C-1", Severity.HIGH, "aws", "absent-to-fail", Outcome.FAIL),
                f("C-1", Severity.HIGH, "aws", "absent-to-unknown", Outcome.UNKNOWN),
                f("C-2", Severity.HIGH, "aws", "pass-to-pass", Outcome.FAIL)); // other check, same resource

        Notification.NewFailures n = new NotificationPolicy(Severity.LOW)
                .newFailures("Acme", "scan-2", AT, "", before, after).orElseThrow();

        assertThat(n.items()).extracting(Notification.FailureItem::checkId, Notification.FailureItem::resourceId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("C-1", "absent-to-fail"),
                        org.assertj.core.groups.Tuple.tuple("C-1", "excepted-to-fail"),
                        org.assertj.core.groups.Tuple.tuple("C-1", "na-to-error"),
                        org.assertj.core.groups.Tuple.tuple("C-1", "pass-to-fail"),
                        org.assertj.core.groups.Tuple.tuple("C-2", "pass-to-pass"));
        assertThat(n.items().get(0)).isEqualTo(new Notification.FailureItem("C-1", Severity.HIGH,
                "name-absent-to-fail", "absent-to-fail", "msg C-1 absent-to-fail"));
        assertThat(n.workspace()).isEqualTo("Acme");
        assertThat(n.scanId()).isEqualTo("scan-2");
    }

    @Test
    void minimumSeverityFiltersAndSortsMostSevereFirst() {
        List<Finding> after = List.of(
                f("L-1", Severity.LOW, "aws", "r1", Outcome.FAIL),
                f("M-1", Severity.MEDIUM, "aws", "r1", Outcome.FAIL),
                f("H-1", Severity.HIGH, "aws", "r1", Outcome.FAIL),
                f("C-1", Severity.CRITICAL, "aws", "r1", Outcome.ERROR));
        Notification.NewFailures n = new NotificationPolicy(Severity.MEDIUM)
                .newFailures("Acme", "s", AT, "", List.of(), after).orElseThrow();
        assertThat(n.items()).extracting(Notification.FailureItem::checkId).containsExactly("C-1", "H-1", "M-1");
        assertThat(Digest.of(n).title()).isEqualTo("Acme: 3 new failures (1 critical, 1 high)");
    }

    @Test
    void azureIdsMatchCaseInsensitivelyOtherIdsDoNot() {
        List<Finding> before = List.of(
                f("AZ-1", Severity.HIGH, "azure", "/subscriptions/S1/resourceGroups/RG/x", Outcome.FAIL),
                f("LX-1", Severity.HIGH, "linux", "/etc/SSH", Outcome.FAIL));
        List<Finding> after = List.of(
                f("AZ-1", Severity.HIGH, "azure", "/subscriptions/s1/resourcegroups/rg/x", Outcome.FAIL),
                f("LX-1", Severity.HIGH, "linux", "/etc/ssh", Outcome.FAIL));
        Notification.NewFailures n = new NotificationPolicy(Severity.LOW)
                .newFailures("Acme", "s", AT, "", before, after).orElseThrow();
        assertThat(n.items()).extracting(Notification.FailureItem::resourceId).containsExactly("/etc/ssh");
    }

    @Test
    void nothingNewMeansNoEvent() {
        List<Finding> same = List.of(f("C-1", Severity.HIGH, "aws", "r", Outcome.FAIL),
                f("C-2", Severity.HIGH, "aws", "r", Outcome.PASS));
        assertThat(new NotificationPolicy(Severity.LOW).newFailures("Acme", "s", AT, "", same, same)).isEmpty();
        assertThat(new NotificationPolicy(Severity.CRITICAL).newFailures("Acme", "s", AT, "", List.of(),
                List.of(f("C-1", Severity.HIGH, "aws", "r", Outcome.FAIL)))).isEmpty();
    }
}
