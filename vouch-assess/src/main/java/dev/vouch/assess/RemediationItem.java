package dev.vouch.assess;

import java.util.List;

/**
 * One thing to fix, with the overall score it would bring. The gain is recomputed, not estimated:
 * the whole assessment is scored again with the fix applied.
 *
 * @param kind FIX_CHECK (make a check's FAIL/ERROR/UNKNOWN findings pass) or ADD_EVIDENCE (record a
 *     fresh item for one evidence requirement)
 * @param id the check id, or {@code CONTROL-ID/index:type} for evidence, e.g. {@code VC-IAM-03/0:review_record}
 * @param action what to do, in words
 * @param severity the check's severity label; empty for evidence items
 * @param gain {@code overallAfter − overall}, one decimal
 * @param overallAfter the overall score with this one fix applied
 * @param controlIds the in-scope controls it improves
 * @param resourceIds for checks, the non-passing resource ids (sorted); empty for evidence
 */
public record RemediationItem(Kind kind, String id, String action, String severity, double gain,
        double overallAfter, List<String> controlIds, List<String> resourceIds) {

    public enum Kind {
        FIX_CHECK, ADD_EVIDENCE
    }

    public RemediationItem {
        controlIds = List.copyOf(controlIds);
        resourceIds = List.copyOf(resourceIds);
    }
}
