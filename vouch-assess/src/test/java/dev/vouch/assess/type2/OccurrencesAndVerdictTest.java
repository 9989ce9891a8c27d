package dev.vouch.assess.type2;

import static dev.vouch.assess.type2.Type2Fixtures.JUNE;
import static dev.vouch.assess.type2.Type2Fixtures.at;
import static dev.vouch.assess.type2.Type2Fixtures.hybrid;
import static dev.vouch.assess.type2.Type2Fixtures.item;
import static dev.vouch.assess.type2.Type2Fixtures.juneScans;
import static dev.vouch.assess.type2.Type2Fixtures.juneSpans;
import static dev.vouch.assess.type2.Type2Fixtures.manual;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.assess.EvidenceItem;
import dev.vouch.catalog.Control;
import dev.vouch.catalog.EvidenceType;
import dev.vouch.catalog.Frequency;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OccurrencesAndVerdictTest {

    static final Window YEAR_2024 = Window.parse("2024-01-01..2024-12-31");

    /** Reviews for Q1, Q2 (end written exclusively as 07-01) and Q4; Q3 has only a wrong kind and another control. */
    static List<EvidenceItem> reviews() {
        return List.of(
                item("review_record", "VC-REV", "2024-01-01", "2024-03-31T23:59:59Z", 3, "Q1 access review"),
                item("review_record", "VC-REV", "2024-04-01", "2024-07-01", 7, "Q2 access review"),
                item("policy", "VC-REV", "2024-07-01", "2024-09-30", 9, "Access policy"),
                item("review_record", "VC-OTHER", "2024-07-01", "2024-09-30", 10, "Q3 review of something else"),
                item("review_record", "VC-REV", "2024-10-01", "2024-12-31", 14, "Q4 access review"));
    }

    private static ControlResult analyze(Window window, Control control, List<EvidenceItem> evidence) {
        return new Type2Analyzer(List.of(control), Type2Policy.defaults())
                .analyze(window, juneScans(), juneSpans(), evidence).control(control.id()).orElseThrow();
    }

    @Test
    void quarterlyReviewWithQ3MissingIsThreeOfFourAndNotEffective() {
        ControlResult r = analyze(YEAR_2024, manual("VC-REV", EvidenceType.REVIEW_RECORD, Frequency.QUARTERLY),
                reviews());
        Occurrences o = r.occurrences().get(0);
        assertThat(o.expected()).isEqualTo(4);
        assertThat(o.performed()).extracting(Period::label).containsExactly("Q1 2024", "Q2 2024", "Q4 2024");
        assertThat(o.missed()).containsExactly(new Period(3, at("2024-07-01"), at("2024-10-01"), "Q3 2024"));
        assertThat(o.items()).extracting(EvidenceItem::vaultSeq).containsExactly(3L, 7L, 14L);
        assertThat(r.coverage()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_EFFECTIVE);
        assertThat(r.reasons()).containsExactly(
                "review_record quarterly: 3 of 4 periods performed; missed Q3 2024 (2024-07-01 → 2024-10-01)");
    }

    @Test
    void genericEvidenceAtAnInstantInsideQ3CompletesTheYear() {
        List<EvidenceItem> all = new ArrayList<>(reviews());
        all.add(item("evidence.manual", "VC-REV", "2024-08-15", "2024-08-15", 20, "Q3 review sign-off"));
        ControlResult r = analyze(YEAR_2024, manual("VC-REV", EvidenceType.REVIEW_RECORD, Frequency.QUARTERLY), all);
        assertThat(r.occurrences().get(0).missed()).isEmpty();
        assertThat(r.verdict()).isEqualTo(Verdict.EFFECTIVE);
        assertThat(r.reasons()).containsExactly("review_record quarterly: 4 of 4 periods performed");
    }

    @Test
    void periodsFollowTheCadence() {
        assertThat(OccurrenceCounter.periods(YEAR_2024, Frequency.MONTHLY)).hasSize(12)
                .extracting(Period::label).startsWith("2024-01", "2024-02").endsWith("2024-12");
        assertThat(OccurrenceCounter.periods(YEAR_2024, Frequency.ANNUAL)).extracting(Period::label)
                .containsExactly("2024");
        // 366 days = 52 weeks + 2 days; the 2-day tail (< 3.5 d) folds into week 52
        List<Period> weeks = OccurrenceCounter.periods(YEAR_2024, Frequency.WEEKLY);
        assertThat(weeks).hasSize(52);
        assertThat(weeks.get(51)).isEqualTo(new Period(52, at("2024-12-23"), at("2025-01-01"), "period 52"));
        assertThat(OccurrenceCounter.periods(JUNE, Frequency.DAILY)).hasSize(30);
    }

    @Test
    void shortTrailingRemainderFoldsIntoThePreviousPeriodAndALongOneStands() {
        List<Period> folded = OccurrenceCounter.periods(Window.parse("2024-01-01..2025-01-10"), Frequency.QUARTERLY);
        assertThat(folded).hasSize(4);
        assertThat(folded.get(3)).isEqualTo(new Period(4, at("2024-10-01"), at("2025-01-11"), "period 4"));
        List<Period> kept = OccurrenceCounter.periods(Window.parse("2024-01-01..2025-02-28"), Frequency.QUARTERLY);
        assertThat(kept).hasSize(5);
        assertThat(kept.get(4)).isEqualTo(new Period(5, at("2025-01-01"), at("2025-03-01"), "period 5"));
    }

    @Test
    void perEventEvidenceIsListedNotCounted() {
        Control c = manual("VC-ACK", EvidenceType.ACKNOWLEDGMENT, Frequency.PER_EVENT);
        List<EvidenceItem> items = List.of(
                item("acknowledgment", "VC-ACK", "2023-11-02", "2023-11-02", 1, "old hire"),
                item("acknowledgment", "VC-ACK", "2024-03-04", "2024-03-04", 2, "new hire A"),
                item("acknowledgment", "VC-ACK", "2024-09-09", "2024-09-09", 3, "new hire B"));
        ControlResult r = analyze(YEAR_2024, c, items);
        Occurrences o = r.occurrences().get(0);
        assertThat(o.expected()).isZero();
        assertThat(o.items()).extracting(EvidenceItem::name).containsExactly("new hire A", "new hire B");
        assertThat(r.verdict()).isEqualTo(Verdict.EFFECTIVE);
        assertThat(r.reasons()).containsExactly("acknowledgment per_event: 2 items in the window (per event, not counted)");
        assertThat(analyze(YEAR_2024, c, List.of()).verdict()).isEqualTo(Verdict.NOT_TESTED);
    }

    @Test
    void manualControlWithoutEvidenceIsNotTested() {
        ControlResult r = analyze(YEAR_2024, manual("VC-REV", EvidenceType.REVIEW_RECORD, Frequency.QUARTERLY),
                List.of());
        assertThat(r.verdict()).isEqualTo(Verdict.NOT_TESTED);
        assertThat(r.reasons()).containsExactly("no evidence covers any period of the window");
    }

    @Test
    void hybridNeedsBothItsChecksAndItsEvidence() {
        Control c = hybrid("VC-HYB", "CHK-L", EvidenceType.CONFIG_EXPORT, Frequency.MONTHLY);
        ControlResult both = analyze(JUNE, c,
                List.of(item("config_export", "VC-HYB", "2024-06-01", "2024-06-30", 5, "June export")));
        assertThat(both.verdict()).isEqualTo(Verdict.EFFECTIVE);
        assertThat(both.reasons()).containsExactly(
                "coverage 90.0% (27/30 slots of 1 d; gaps: 2024-06-11 → 2024-06-14 (3 slots))",
                "config_export monthly: 1 of 1 periods performed");
        ControlResult checksOnly = analyze(JUNE, c, List.of());
        assertThat(checksOnly.verdict()).isEqualTo(Verdict.NOT_EFFECTIVE);
        assertThat(checksOnly.reasons()).containsExactly(
                "hybrid control: no evidence covers any period of the window",
                "config_export monthly: 0 of 1 periods performed; missed 2024-06 (2024-06-01 → 2024-07-01)",
                "coverage 90.0% (27/30 slots of 1 d; gaps: 2024-06-11 → 2024-06-14 (3 slots))");
    }
}
