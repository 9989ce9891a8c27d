package dev.vouch.assess.type2;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Type II operating-effectiveness analysis over one observation window.
 *
 * @param scans finish times of the scans that fall in the window, in time order
 * @param controls one result per control, in catalog order
 */
public record Type2Report(Window window, Type2Policy policy, List<java.time.Instant> scans,
        List<ControlResult> controls) {

    public Type2Report {
        scans = List.copyOf(scans);
        controls = List.copyOf(controls);
    }

    public Optional<ControlResult> control(String id) {
        return controls.stream().filter(c -> c.controlId().equals(id)).findFirst();
    }

    /** How many controls got each verdict (every verdict present, possibly 0). */
    public Map<Verdict, Integer> verdictCounts() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        controls.forEach(c -> m.merge(c.verdict(), 1, Integer::sum));
        return m;
    }
}
