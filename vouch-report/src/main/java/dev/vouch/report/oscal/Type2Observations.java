package dev.vouch.report.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.assess.type2.ControlResult;
import dev.vouch.assess.type2.ExceptionPeriod;
import dev.vouch.assess.type2.SlaStatus;
import dev.vouch.assess.type2.Type2Report;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Type II TEST observations: one per check that was non-passing (or covered by an accepted exception) at
 * some time in the window, its resources as subjects with their periods.
 */
final class Type2Observations {

    private final Type2Report report;
    private final String seed;
    private final Inventory inventory;
    private final Map<String, String> uuids = new TreeMap<>();

    Type2Observations(Type2Report report, String seed, Inventory inventory) {
        this.report = report;
        this.seed = seed;
        this.inventory = inventory;
    }

    /** The observation uuid of a check, when it has one. */
    Optional<String> uuid(String checkId) {
        return Optional.ofNullable(uuids.get(checkId));
    }

    /** When the observations were collected: the last scan in the window, else the window end. */
    Instant collected() {
        List<Instant> scans = report.scans();
        return scans.isEmpty() ? report.window().to() : scans.get(scans.size() - 1);
    }

    ArrayNode build() {
        Map<String, Set<ExceptionPeriod>> byCheck = new TreeMap<>();
        for (ControlResult c : report.controls()) {
            List<ExceptionPeriod> all = new ArrayList<>(c.exceptions());
            all.addAll(c.accepted());
            all.forEach(e -> byCheck.computeIfAbsent(e.checkId(), k -> new LinkedHashSet<>()).add(e));
        }
        ArrayNode out = Oscal.array();
        byCheck.forEach((checkId, periods) -> out.add(observation(checkId, List.copyOf(periods))));
        return out;
    }

    private ObjectNode observation(String checkId, List<ExceptionPeriod> periods) {
        String uuid = Uuids.of(seed, "observation", "check", checkId);
        uuids.put(checkId, uuid);
        long beyond = periods.stream().filter(ExceptionPeriod::beyondSla).count();
        long accepted = periods.stream().filter(p -> p.status() == SlaStatus.ACCEPTED).count();
        ObjectNode o = Oscal.object();
        o.put("uuid", uuid);
        o.put("title", checkId + ": non-passing periods in the observation window");
        o.put("description", "Check " + checkId + " had " + periods.size() + " non-passing or excepted period"
                + (periods.size() == 1 ? "" : "s") + " overlapping " + report.window() + ": " + beyond
                + " beyond the remediation SLA, " + accepted + " covered by an accepted exception.");
        ArrayNode p = Oscal.array();
        Oscal.prop(p, "check-id", checkId);
        Oscal.prop(p, "periods", Integer.toString(periods.size()));
        Oscal.prop(p, "beyond-sla", Long.toString(beyond));
        Oscal.prop(p, "accepted", Long.toString(accepted));
        o.set("props", p);
        o.set("methods", Oscal.strings(List.of("TEST")));
        o.set("types", Oscal.strings(List.of(accepted == periods.size() ? "mitigation" : "finding")));
        o.set("subjects", subjects(periods));
        o.put("collected", Oscal.time(collected()));
        return o;
    }

    private ArrayNode subjects(List<ExceptionPeriod> periods) {
        Map<String, List<ExceptionPeriod>> byResource = new TreeMap<>();
        periods.forEach(e -> byResource.computeIfAbsent(e.resourceId(), k -> new ArrayList<>()).add(e));
        ArrayNode out = Oscal.array();
        byResource.forEach((id, list) -> {
            inventory.add(id, "", list.get(0).resourceName(), "");
            ObjectNode s = inventory.subject(id);
            ArrayNode p = Oscal.array();
            list.forEach(e -> Oscal.prop(p, "sla-status", e.status().name().toLowerCase(Locale.ROOT).replace('_', '-')));
            s.set("props", p);
            s.put("remarks", String.join("\n", list.stream().map(Type2Observations::line).toList()));
            out.add(s);
        });
        return out;
    }

    /** {@code 2024-06-16T12:00:00Z → 2024-06-25T12:00:00Z, 9 d, critical, SLA 7 d: beyond SLA}. */
    static String line(ExceptionPeriod e) {
        String sla = e.status() == SlaStatus.ACCEPTED ? "accepted exception"
                : "SLA " + days(e.sla()) + ": " + switch (e.status()) {
                    case WITHIN -> "within SLA";
                    case OPEN_WITHIN -> "open, within SLA so far";
                    case BEYOND -> "beyond SLA";
                    case ACCEPTED -> "accepted";
                };
        return Oscal.time(e.from()) + " → " + Oscal.time(e.to()) + (e.openAtWindowEnd() ? " (open at window end)" : "")
                + ", " + days(e.duration()) + ", " + e.severity().label() + ", " + sla;
    }

    private static String days(Duration d) {
        long hours = d.toHours();
        return hours % 24 == 0 ? hours / 24 + " d" : hours / 24 + " d " + hours % 24 + " h";
    }
}
