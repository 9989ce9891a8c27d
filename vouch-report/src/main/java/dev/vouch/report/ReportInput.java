package dev.vouch.report;

import dev.vouch.model.CheckInfo;
import dev.vouch.model.ScanResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every renderer reads: one scan, and the SOC 2 criteria each check tests.
 *
 * @param scan the scan to report
 * @param criteriaByCheck check id to criterion ids (e.g. {@code CC6.1}), in the catalog's order; a check
 *     absent from the map is reported under {@link TrustCategory#UNMAPPED}
 */
public record ReportInput(ScanResult scan, Map<String, List<String>> criteriaByCheck) {

    public ReportInput {
        Objects.requireNonNull(scan, "scan");
        Map<String, List<String>> copy = new TreeMap<>();
        criteriaByCheck.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        criteriaByCheck = java.util.Collections.unmodifiableMap(copy);
    }

    public static ReportInput of(ScanResult scan) {
        return new ReportInput(scan, Map.of());
    }

    public Optional<CheckInfo> check(String checkId) {
        return scan.checks().stream().filter(c -> c.id().equals(checkId)).findFirst();
    }

    /** The check's title, or its id when the scan does not describe it. */
    public String title(String checkId) {
        return check(checkId).map(CheckInfo::title).orElse(checkId);
    }

    public List<String> criteria(String checkId) {
        return criteriaByCheck.getOrDefault(checkId, List.of());
    }

    /** The categories of the check's criteria, in criterion order; {@code [UNMAPPED]} when it has none. */
    public List<TrustCategory> categories(String checkId) {
        Set<TrustCategory> out = new LinkedHashSet<>();
        criteria(checkId).forEach(c -> out.add(TrustCategory.ofCriterion(c)));
        return out.isEmpty() ? List.of(TrustCategory.UNMAPPED) : new ArrayList<>(out);
    }

    /** The category a check's findings are listed under: that of its first criterion. */
    public TrustCategory primaryCategory(String checkId) {
        return categories(checkId).get(0);
    }

    /** Ids of every check that ran or produced a finding, sorted. */
    public List<String> checkIds() {
        Set<String> ids = new java.util.TreeSet<>();
        scan.checks().forEach(c -> ids.add(c.id()));
        scan.findings().forEach(f -> ids.add(f.checkId()));
        return new ArrayList<>(ids);
    }
}
