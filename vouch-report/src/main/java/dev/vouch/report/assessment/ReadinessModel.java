package dev.vouch.report.assessment;

import dev.vouch.assess.Assessment;
import dev.vouch.model.CheckInfo;
import dev.vouch.model.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a readiness report shows, gathered once; every format (PDF, HTML, XLSX, CSV, JSON, OSCAL)
 * renders this and nothing else, so they cannot disagree.
 *
 * @param organization from the workspace's {@code vouch.yaml}
 * @param generatedAt when the report was made (the scoring clock)
 * @param scan the scan whose findings are scored
 * @param assessment the scores, bands, remediation and arithmetic
 * @param trend the overall score at each recorded scan, oldest first
 * @param checks the loaded checks by id (titles and remediation steps)
 * @param findings the findings of {@code scan}
 * @param evidence the vault's evidence index, in log order
 * @param seal the newest signed checkpoint of the vault, when it has one
 */
public record ReadinessModel(String organization, Instant generatedAt, ScanRef scan, Assessment assessment,
        List<TrendPoint> trend, Map<String, CheckInfo> checks, List<Finding> findings, List<EvidenceEntry> evidence,
        Optional<VaultSeal> seal) {

    public ReadinessModel {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(assessment, "assessment");
        trend = List.copyOf(trend);
        checks = Map.copyOf(checks);
        findings = List.copyOf(findings);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(seal, "seal");
    }

    /** The findings of one check, in resource order. */
    public List<Finding> findingsOf(String checkId) {
        return findings.stream().filter(f -> f.checkId().equals(checkId))
                .sorted(java.util.Comparator.comparing(Finding::resourceId)).toList();
    }

    /** Every check's findings in resource order, grouped in one pass (renderers that visit every check use this). */
    public Map<String, List<Finding>> findingsByCheck() {
        Map<String, List<Finding>> out = new java.util.HashMap<>();
        for (Finding f : findings) {
            out.computeIfAbsent(f.checkId(), k -> new java.util.ArrayList<>()).add(f);
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparing(Finding::resourceId)));
        return out;
    }

    /** The check's title, or its id when the check is no longer loaded. */
    public String checkTitle(String checkId) {
        CheckInfo c = checks.get(checkId);
        return c == null ? checkId : c.title();
    }
}
