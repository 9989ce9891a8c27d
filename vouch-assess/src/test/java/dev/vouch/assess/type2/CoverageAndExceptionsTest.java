package dev.vouch.assess.type2;

import static dev.vouch.assess.type2.Type2Fixtures.JUNE;
import static dev.vouch.assess.type2.Type2Fixtures.at;
import static dev.vouch.assess.type2.Type2Fixtures.automated;
import static dev.vouch.assess.type2.Type2Fixtures.juneScans;
import static dev.vouch.assess.type2.Type2Fixtures.juneSpans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.model.Severity;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageAndExceptionsTest {

    private static ControlResult analyze(Type2Policy policy, String id, String... checks) {
        return new Type2Analyzer(List.of(automated(id, checks)), policy)
                .analyze(JUNE, juneScans(), juneSpans(), List.of()).control(id).orElseThrow();
    }

    @Test
    void windowParsesInclusiveDatesAsThirtyDays() {
        assertThat(JUNE.from()).isEqualTo(at("2024-06-01"));
        assertThat(JUNE.to()).isEqualTo(at("2024-07-01"));
        assertThat(JUNE.length()).isEqualTo(Duration.ofDays(30));
        assertThat(Window.parse("2024-06-01T00:00:00Z..2024-06-02T00:00:00Z").length()).isEqualTo(Duration.ofDays(1));
        assertThatThrownBy(() -> Window.parse("2024-06-30..2024-06-01")).hasMessageContaining("field 'to'");
        assertThatThrownBy(() -> Window.parse("2024-06-01")).hasMessageContaining("FROM..TO");
    }

    @Test
    void threeDayGapGivesTwentySevenOfThirtySlots() {
        Coverage c = analyze(Type2Policy.defaults(), "VC-L", "CHK-L").coverage().orElseThrow();
        assertThat(c.observed()).isEqualTo(27);
        assertThat(c.slots()).isEqualTo(30);
        assertThat(c.percent()).isEqualByComparingTo(new BigDecimal("90.0"));
        assertThat(c.gaps()).containsExactly(new Gap(at("2024-06-11"), at("2024-06-14"), 3));
    }

    @Test
    void aScanCountsOnlyWhenTheControlHadAnApplicableFindingInForce() {
        Coverage onlyNotApplicable = analyze(Type2Policy.defaults(), "VC-N", "CHK-N").coverage().orElseThrow();
        assertThat(onlyNotApplicable.observed()).isZero();
        assertThat(onlyNotApplicable.gaps()).containsExactly(new Gap(at("2024-06-01"), at("2024-07-01"), 30));
    }

    @Test
    void weeklyCadenceCutsTheLastSlotAtTheWindowEnd() {
        Coverage c = analyze(Type2Policy.defaults().withScanCadence(Duration.ofDays(7)), "VC-L", "CHK-L")
                .coverage().orElseThrow();
        // slots: 1-7, 8-14 (scans on 8, 9, 10, 14), 15-21, 22-28, 29-30
        assertThat(c.slots()).isEqualTo(5);
        assertThat(c.observed()).isEqualTo(5);
        assertThat(c.gaps()).isEmpty();
    }

    @Test
    void highExceptionOfTenDaysIsWithinItsThirtyDaySla() {
        ControlResult r = analyze(Type2Policy.defaults(), "VC-H", "CHK-H");
        ExceptionPeriod vm1 = r.exceptions().get(0);
        assertThat(vm1.resourceName()).isEqualTo("vm-1");
        assertThat(vm1.from()).isEqualTo(at("2024-06-05T12:00:00Z"));
        assertThat(vm1.to()).isEqualTo(at("2024-06-15T12:00:00Z"));
        assertThat(vm1.duration()).isEqualTo(Duration.ofDays(10));
        assertThat(vm1.sla()).isEqualTo(Duration.ofDays(30));
        assertThat(vm1.openAtWindowEnd()).isFalse();
        assertThat(vm1.status()).isEqualTo(SlaStatus.WITHIN);
    }

    @Test
    void exceptionStillOpenAtWindowEndIsMeasuredToTheWindowEnd() {
        ControlResult r = analyze(Type2Policy.defaults(), "VC-H", "CHK-H");
        assertThat(r.exceptions()).hasSize(2);
        ExceptionPeriod vm2 = r.exceptions().get(1);
        assertThat(vm2.resourceName()).isEqualTo("vm-2");
        assertThat(vm2.openAtWindowEnd()).isTrue();
        assertThat(vm2.to()).isEqualTo(at("2024-07-01"));
        assertThat(vm2.duration()).isEqualTo(Duration.ofDays(5).plusHours(12));
        assertThat(vm2.status()).isEqualTo(SlaStatus.OPEN_WITHIN);
        assertThat(r.verdict()).isEqualTo(Verdict.EFFECTIVE_WITH_EXCEPTIONS);
        assertThat(r.reasons()).containsExactly(
                "coverage 90.0% (27/30 slots of 1 d; gaps: 2024-06-11 → 2024-06-14 (3 slots))",
                "1 exception remediated within SLA",
                "1 exception open at window end, within SLA so far");
    }

    @Test
    void openExceptionOlderThanItsSlaIsBeyond() {
        ControlResult r = analyze(Type2Policy.defaults().withSla(Severity.HIGH, Duration.ofDays(5)), "VC-H", "CHK-H");
        assertThat(r.exceptions()).extracting(ExceptionPeriod::status)
                .containsExactly(SlaStatus.BEYOND, SlaStatus.BEYOND);
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_EFFECTIVE);
        assertThat(r.reasons().get(0)).isEqualTo(
                "2 exceptions beyond SLA: CHK-H on vm-1 (high, 10 d > SLA 5 d), CHK-H on vm-2 (high, 5 d 12 h, open > SLA 5 d)");
    }

    @Test
    void criticalExceptionOfNineDaysIsBeyondItsSevenDaySlaAndTheControlIsNotEffective() {
        ControlResult r = analyze(Type2Policy.defaults(), "VC-HC", "CHK-H", "CHK-C");
        assertThat(r.exceptions()).extracting(ExceptionPeriod::resourceName).containsExactly("vm-1", "kv-1", "vm-2");
        ExceptionPeriod kv = r.exceptions().get(1);
        assertThat(kv.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(kv.duration()).isEqualTo(Duration.ofDays(9));
        assertThat(kv.sla()).isEqualTo(Duration.ofDays(7));
        assertThat(kv.status()).isEqualTo(SlaStatus.BEYOND);
        assertThat(r.beyondSla()).isEqualTo(1);
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_EFFECTIVE);
        assertThat(r.reasons().get(0)).isEqualTo("1 exception beyond SLA: CHK-C on kv-1 (critical, 9 d > SLA 7 d)");
    }

    @Test
    void acceptedExceptionsAreListedApartAndNotJudgedAgainstTheSla() {
        ControlResult r = analyze(Type2Policy.defaults(), "VC-X", "CHK-X");
        assertThat(r.exceptions()).isEmpty();
        assertThat(r.accepted()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(SlaStatus.ACCEPTED);
            assertThat(e.from()).isEqualTo(at("2024-06-10T12:00:00Z"));
            assertThat(e.openAtWindowEnd()).isTrue();
        });
        assertThat(r.verdict()).isEqualTo(Verdict.EFFECTIVE_WITH_EXCEPTIONS);
        assertThat(r.reasons()).contains("1 accepted exception (EXCEPTED)");
    }

    @Test
    void cleanControlIsEffectiveAndLowCoverageIsNot() {
        assertThat(analyze(Type2Policy.defaults(), "VC-L", "CHK-L").verdict()).isEqualTo(Verdict.EFFECTIVE);
        Type2Policy strict = new Type2Policy(Duration.ofDays(1), Type2Policy.defaults().remediationSla(), 95);
        ControlResult r = analyze(strict, "VC-L", "CHK-L");
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_EFFECTIVE);
        assertThat(r.reasons()).containsExactly("coverage 90.0% (27/30 slots of 1 d; gaps: 2024-06-11 → 2024-06-14"
                + " (3 slots)) below the 95% minimum");
    }

    @Test
    void controlWhoseChecksNeverRanIsNotTested() {
        ControlResult r = analyze(Type2Policy.defaults(), "VC-Z", "CHK-ZZZ");
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_TESTED);
        assertThat(r.reasons()).containsExactly("no scan in the window produced an applicable finding of its checks");
    }

    @Test
    void periodsEndingBeforeTheWindowAreLeftOut() {
        List<FindingSpan> before = List.of(Type2Fixtures.span("CHK-H", "vm-9", dev.vouch.model.Outcome.FAIL,
                Severity.HIGH, "2024-05-01", "2024-06-01"));
        ControlResult r = new Type2Analyzer(List.of(automated("VC-H", "CHK-H")), Type2Policy.defaults())
                .analyze(JUNE, juneScans(), before, List.of()).control("VC-H").orElseThrow();
        assertThat(r.exceptions()).isEmpty();
    }
}
