package dev.vouch.server;

import dev.vouch.assess.Assessment;
import dev.vouch.assess.CheckScore;
import dev.vouch.assess.ControlScore;
import dev.vouch.assess.Scorer;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Category;
import dev.vouch.model.Finding;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift between two scans, per control: the control's automated part is PASS when every check with applicable
 * findings passes on all of them and FAIL otherwise; a control whose state flipped (either way) drifted. Evidence is
 * left out on purpose: drift is what the scan saw change, and the evidence does not change between two scans.
 */
final class ControlDrift {
    /** At most this many controls are reported per scan (the rest are counted in the log). */
    static final int MAX = 10;

    /** One control that moved. */
    record Moved(String controlId, String title, String from, String to, String reason) {
    }

    private final Catalog catalog;
    private final Set<Category> scope;

    ControlDrift(Catalog catalog, Set<Category> scope) {
        this.catalog = catalog;
        this.scope = scope;
    }

    /** The controls whose automated state differs between {@code before} and {@code after}, in catalog order. */
    List<Moved> between(List<Finding> before, Instant beforeAt, List<Finding> after, Instant afterAt) {
        Map<String, ControlScore> was = byControl(score(before, beforeAt));
        List<Moved> out = new ArrayList<>();
        for (ControlScore now : score(after, afterAt).controls()) {
            ControlScore then = was.get(now.controlId());
            if (then == null || !now.hasAutomated() || !then.hasAutomated()) {
                continue; // newly or no longer tested is coverage, not drift
            }
            String from = state(then);
            String to = state(now);
            if (!from.equals(to)) {
                out.add(new Moved(now.controlId(), now.title(), from, to, reason(now, to)));
            }
        }
        return out;
    }

    private Assessment score(List<Finding> findings, Instant at) {
        return new Scorer(catalog, scope, Clock.fixed(at, ZoneOffset.UTC)).score(findings, List.of());
    }

    private static Map<String, ControlScore> byControl(Assessment a) {
        Map<String, ControlScore> m = new LinkedHashMap<>();
        a.controls().forEach(c -> m.put(c.controlId(), c));
        return m;
    }

    static String state(ControlScore c) {
        return c.checks().stream().allMatch(s -> s.nonPassing() == 0) ? "PASS" : "FAIL";
    }

    private static String reason(ControlScore now, String to) {
        if (to.equals("PASS")) {
            return "every check of " + now.controlId() + " passes now";
        }
        List<String> failing = new ArrayList<>();
        for (CheckScore s : now.checks()) {
            if (s.nonPassing() > 0) {
                failing.add(s.checkId() + " (" + s.nonPassing() + " of " + s.applicable() + " resources)");
            }
        }
        return "failing: " + String.join(", ", failing);
    }
}
