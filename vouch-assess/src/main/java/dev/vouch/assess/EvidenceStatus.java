package dev.vouch.assess;

import dev.vouch.catalog.EvidenceType;
import dev.vouch.catalog.Frequency;
import java.util.List;

/**
 * One evidence requirement of a control, judged at "now".
 *
 * @param controlId the control
 * @param index the requirement's position in the control's {@code evidence} list (0-based)
 * @param type the required artifact type
 * @param description what is required
 * @param cadence how often a fresh artifact is due
 * @param windowDays the cadence window before grace (1, 7, 31, 92 or 366)
 * @param limitDays the window plus 10 % grace, e.g. 101.2
 * @param freshness FRESH, STALE or MISSING
 * @param satisfiedBy the fresh items, newest coverage first
 * @param staleItems matching items that are no longer fresh, newest coverage first
 * @param arithmetic the judgement in words, with the dates it rests on
 */
public record EvidenceStatus(String controlId, int index, EvidenceType type, String description, Frequency cadence,
        int windowDays, double limitDays, Freshness freshness, List<EvidenceItem> satisfiedBy,
        List<EvidenceItem> staleItems, String arithmetic) {

    public EvidenceStatus {
        satisfiedBy = List.copyOf(satisfiedBy);
        staleItems = List.copyOf(staleItems);
    }

    public boolean fresh() {
        return freshness == Freshness.FRESH;
    }
}
