package dev.vouch.assess;

import dev.vouch.catalog.ControlType;
import dev.vouch.catalog.Nature;
import java.util.List;

/**
 * One control's score. Automated controls are scored by their checks, manual ones by their evidence,
 * hybrid ones by the mean of both (a missing evidence part counts as 0 once the control is tested at
 * all). With no part at all the control is {@link Status#NOT_TESTED}: score 0, shown apart, and it
 * still weighs on its criteria and categories.
 *
 * @param controlId the control
 * @param title its title
 * @param type preventive, detective or corrective
 * @param nature automated, manual or hybrid
 * @param weight its weight in criterion, category and overall means (by type)
 * @param criteria the in-scope criteria it addresses
 * @param status SCORED or NOT_TESTED
 * @param score 0–100 (0 when not tested)
 * @param hasAutomated whether an automated part exists (some check had applicable findings)
 * @param automated the automated part (0 when absent)
 * @param hasEvidence whether an evidence part exists (some matching evidence item was recorded)
 * @param evidence the evidence part: share of requirements that are fresh (0 when absent)
 * @param checks the scores of its checks that have findings, in the control's check order
 * @param checksWithoutFindings its checks with no findings at all in this scan
 * @param evidenceRequirements its evidence requirements, judged (informational for automated controls)
 * @param arithmetic every line behind the score: checks, evidence, parts, result
 */
public record ControlScore(String controlId, String title, ControlType type, Nature nature, double weight,
        List<String> criteria, Status status, double score, boolean hasAutomated, double automated,
        boolean hasEvidence, double evidence, List<CheckScore> checks, List<String> checksWithoutFindings,
        List<EvidenceStatus> evidenceRequirements, List<String> arithmetic) {

    public ControlScore {
        criteria = List.copyOf(criteria);
        checks = List.copyOf(checks);
        checksWithoutFindings = List.copyOf(checksWithoutFindings);
        evidenceRequirements = List.copyOf(evidenceRequirements);
        arithmetic = List.copyOf(arithmetic);
    }

    public boolean tested() {
        return status == Status.SCORED;
    }

    /** The last arithmetic line: how the score itself was formed. */
    public String formula() {
        return arithmetic.get(arithmetic.size() - 1);
    }
}
