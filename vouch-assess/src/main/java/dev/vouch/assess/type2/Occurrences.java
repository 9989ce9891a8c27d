package dev.vouch.assess.type2;

import dev.vouch.assess.EvidenceItem;
import dev.vouch.catalog.Frequency;
import java.util.List;

/**
 * Expected versus performed occurrences of one evidence requirement of a manual or hybrid control.
 *
 * @param evidenceType the requirement's type key, e.g. {@code review_record}
 * @param cadence the requirement's cadence
 * @param expected number of cadence periods in the window (0 for per-event requirements)
 * @param performed periods touched by at least one matching evidence item
 * @param missed periods touched by none
 * @param items the matching items that touch the window, newest coverage last
 */
public record Occurrences(String evidenceType, Frequency cadence, int expected, List<Period> performed,
        List<Period> missed, List<EvidenceItem> items) {

    public Occurrences {
        performed = List.copyOf(performed);
        missed = List.copyOf(missed);
        items = List.copyOf(items);
    }

    public boolean perEvent() {
        return cadence == Frequency.PER_EVENT;
    }

    /** True when something was recorded: a performed period, or for per-event requirements any item. */
    public boolean tested() {
        return perEvent() ? !items.isEmpty() : !performed.isEmpty();
    }
}
