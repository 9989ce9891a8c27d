package dev.vouch.report;

import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import dev.vouch.model.ScanResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every renderer reads: one scan, and the SOC 2 criteria each check tests. The checks are indexed
 * by id and the findings grouped by check (each group in {@link FindingOrder#BY_CHECK} order) once, at
 * construction, so that renderers look up a check in constant time and never filter all findings per check.
 */
public final class ReportInput {
    private final ScanResult scan;
    private final Map<String, List<String>> criteriaByCheck;
    private final Map<String, CheckInfo> checksById = new HashMap<>();
    private final Map<String, List<Finding>> findingsByCheck;
    private final List<String> checkIds;

    /**
     * @param scan the scan to report
     * @param criteriaByCheck check id to criterion ids (e.g. {@code CC6.1}), in the catalog's order; a check
     *     absent from the map is reported under {@link TrustCategory#UNMAPPED}
     */
    public ReportInput(ScanResult scan, Map<String, List<String>> criteriaByCheck) {
        this.scan = Objects.requireNonNull(scan, "scan");
        Map<String, List<String>> copy = new TreeMap<>();
        criteriaByCheck.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.criteriaByCheck = Collections.unmodifiableMap(copy);
        scan.checks().forEach(c -> checksById.putIfAbsent(c.id(), c));
        this.findingsByCheck = group(scan);
        this.checkIds = List.copyOf(findingsByCheck.keySet());
    }

    /** Every check id (described or named by a finding) to its findings, sorted; ids in order. */
    private static Map<String, List<Finding>> group(ScanResult scan) {
        Map<String, List<Finding>> byCheck = new TreeMap<>();
        scan.checks().forEach(c -> byCheck.put(c.id(), new ArrayList<>()));
        scan.findings().forEach(f -> byCheck.computeIfAbsent(f.checkId(), k -> new ArrayList<>()).add(f));
        byCheck.replaceAll((id, fs) -> {
            fs.sort(FindingOrder.WITHIN_CHECK);
            return Collections.unmodifiableList(fs);
        });
        return Collections.unmodifiableMap(byCheck);
    }

    public static ReportInput of(ScanResult scan) {
        return new ReportInput(scan, Map.of());
    }

    public ScanResult scan() {
        return scan;
    }

    public Map<String, List<String>> criteriaByCheck() {
        return criteriaByCheck;
    }

    public Optional<CheckInfo> check(String checkId) {
        return Optional.ofNullable(checksById.get(checkId));
    }

    /** The check's title, or its id when the scan does not describe it. */
    public String title(String checkId) {
        CheckInfo info = checksById.get(checkId);
        return info == null ? checkId : info.title();
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
        return checkIds;
    }

    /** The check's findings in {@link FindingOrder#BY_CHECK} order; empty for an unknown id. */
    List<Finding> findings(String checkId) {
        return findingsByCheck.getOrDefault(checkId, List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReportInput r && scan.equals(r.scan) && criteriaByCheck.equals(r.criteriaByCheck);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scan, criteriaByCheck);
    }

    @Override
    public String toString() {
        return "ReportInput[scan=" + scan + ", criteriaByCheck=" + criteriaByCheck + "]";
    }
}
