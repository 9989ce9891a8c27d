package dev.vouch.assess.type2;

import static dev.vouch.assess.type2.Type2Fixtures.JUNE;
import static dev.vouch.assess.type2.Type2Fixtures.automated;
import static dev.vouch.assess.type2.Type2Fixtures.item;
import static dev.vouch.assess.type2.Type2Fixtures.juneScans;
import static dev.vouch.assess.type2.Type2Fixtures.juneSpans;
import static dev.vouch.assess.type2.Type2Fixtures.manual;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.assess.EvidenceItem;
import dev.vouch.catalog.Control;
import dev.vouch.catalog.EvidenceType;
import dev.vouch.catalog.Frequency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Type2TextTest {

    static final List<Control> CONTROLS = List.of(
            automated("VC-HC", "CHK-H", "CHK-C"),
            automated("VC-L", "CHK-L"),
            automated("VC-H", "CHK-H"),
            manual("VC-WK", EvidenceType.REVIEW_RECORD, Frequency.WEEKLY),
            automated("VC-Z", "CHK-ZZZ"));

    /** Weekly reviews for June weeks 1, 2 and 4 (of 1-7, 8-14, 15-21, 22-30): week 3 missed. */
    static final List<EvidenceItem> EVIDENCE = List.of(
            item("review_record", "VC-WK", "2024-06-01", "2024-06-07", 1, "wk1"),
            item("review_record", "VC-WK", "2024-06-08", "2024-06-14", 2, "wk2"),
            item("review_record", "VC-WK", "2024-06-22", "2024-06-28", 3, "wk4"));

    static Type2Report report(List<Instant> scans, List<FindingSpan> spans, List<EvidenceItem> evidence) {
        return new Type2Analyzer(CONTROLS, Type2Policy.defaults()).analyze(JUNE, scans, spans, evidence);
    }

    @Test
    void summaryShowsWindowTableAndDetails() {
        Type2Report r = report(juneScans(), juneSpans(), EVIDENCE);
        assertThat(r.verdictCounts()).containsEntry(Verdict.EFFECTIVE, 1).containsEntry(Verdict.NOT_EFFECTIVE, 2)
                .containsEntry(Verdict.EFFECTIVE_WITH_EXCEPTIONS, 1).containsEntry(Verdict.NOT_TESTED, 1);
        String text = new Type2Text().summary(r);
        assertThat(text).startsWith("""
                Type II observation window 2024-06-01 → 2024-07-01 (end exclusive), 30 d
                Scans in window: 27, expected every 1 d; coverage minimum 90%; SLA critical 7 d, high 30 d, medium 90 d, low 180 d
                EFFECTIVE 1 | EFFECTIVE WITH EXCEPTIONS 1 | NOT EFFECTIVE 2 | NOT TESTED 1

                control  nature     verdict                    coverage  exceptions  missed
                VC-HC    automated  NOT EFFECTIVE                 90.0%  3 (1 >SLA)       -
                VC-L     automated  EFFECTIVE                     90.0%           -       -
                VC-H     automated  EFFECTIVE WITH EXCEPTIONS     90.0%  2 (0 >SLA)       -
                VC-WK    manual     NOT EFFECTIVE                     -           -       1
                VC-Z     automated  NOT TESTED                     0.0%           -       -
                """);
        assertThat(text).contains("""

                VC-HC  NOT EFFECTIVE  VC-HC operates
                  - 1 exception beyond SLA: CHK-C on kv-1 (critical, 9 d > SLA 7 d)
                  - coverage 90.0% (27/30 slots of 1 d; gaps: 2024-06-11 → 2024-06-14 (3 slots))
                  - 1 exception remediated within SLA
                  - 1 exception open at window end, within SLA so far
                  exception CHK-H vm-1 [/subs/1/vm-1] high 2024-06-05T12:00:00Z → 2024-06-15T12:00:00Z, 10 d, within SLA 30 d
                  exception CHK-C kv-1 [/subs/1/kv-1] critical 2024-06-16T12:00:00Z → 2024-06-25T12:00:00Z, 9 d, beyond SLA 7 d
                  exception CHK-H vm-2 [/subs/1/vm-2] high 2024-06-25T12:00:00Z → open at window end, 5 d 12 h, open within SLA 30 d
                """);
        assertThat(text).contains("""
                VC-WK  NOT EFFECTIVE  VC-WK operates
                  - review_record weekly: 3 of 4 periods performed; missed period 3 (2024-06-15 → 2024-06-22)
                  missed    review_record period 3 (2024-06-15 → 2024-06-22)
                """);
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        Type2Report expected = report(juneScans(), juneSpans(), EVIDENCE);
        Random random = new Random(42);
        for (int i = 0; i < 5; i++) {
            List<Instant> scans = new ArrayList<>(juneScans());
            List<FindingSpan> spans = new ArrayList<>(juneSpans());
            List<EvidenceItem> evidence = new ArrayList<>(EVIDENCE);
            Collections.shuffle(scans, random);
            Collections.shuffle(spans, random);
            Collections.shuffle(evidence, random);
            Type2Report again = report(scans, spans, evidence);
            assertThat(again).isEqualTo(expected);
            assertThat(new Type2Text().summary(again)).isEqualTo(new Type2Text().summary(expected));
        }
    }
}
