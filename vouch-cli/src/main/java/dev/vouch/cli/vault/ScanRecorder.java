package dev.vouch.cli.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vouch.model.Resource;
import dev.vouch.model.ScanResult;
import dev.vouch.report.JsonRenderer;
import dev.vouch.report.ReportInput;
import dev.vouch.vault.Evidence;
import dev.vouch.vault.Vault;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records a scan in the vault as two statements with blobs: the normalized snapshot (what was seen)
 * and the findings (what was concluded), each covering the scan's own time span.
 */
public final class ScanRecorder {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ScanRecorder() {
    }

    /** Appends the scan's snapshot and findings, then {@code extra} (e.g. exception events), in one batch. */
    public static Vault.Appended record(Vault vault, ScanResult scan, List<Resource> resources, ReportInput report,
            Map<String, List<String>> controlsByCheck, String actor, List<Evidence> extra) {
        Set<String> controls = new TreeSet<>();
        Set<String> criteria = new TreeSet<>();
        scan.findings().forEach(f -> {
            controls.addAll(controlsByCheck.getOrDefault(f.checkId(), List.of()));
            criteria.addAll(report.criteria(f.checkId()));
        });
        String stamp = scan.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace(":", "");
        Evidence snapshot = new Evidence("scan.snapshot", snapshot(resources), "application/json",
                "snapshot-" + stamp + ".json", List.copyOf(controls), List.copyOf(criteria), scan.sources(), actor,
                scan.startedAt(), scan.finishedAt(), resources.size() + " resources");
        StringWriter findings = new StringWriter();
        new JsonRenderer(false).render(report, findings);
        Evidence result = new Evidence("scan.findings", findings.toString().getBytes(StandardCharsets.UTF_8),
                "application/json", "findings-" + stamp + ".json", List.copyOf(controls), List.copyOf(criteria),
                scan.sources(), actor, scan.startedAt(), scan.finishedAt(), scan.findings().size() + " findings");
        List<Evidence> batch = new ArrayList<>(List.of(snapshot, result));
        batch.addAll(extra);
        return vault.append(batch);
    }

    static byte[] snapshot(List<Resource> resources) {
        List<Map<String, Object>> out = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", r.type());
            m.put("id", r.id());
            m.put("name", r.name());
            m.put("provider", r.provider());
            m.put("scope", r.scope());
            m.put("location", r.location());
            m.put("tags", r.tags());
            m.put("properties", r.properties());
            m.put("attributes", r.attributes());
            m.put("origin", Map.of("source", r.origin().source(), "location", r.origin().location(), "line", r.origin().line()));
            m.put("collectedAt", r.collectedAt().toString());
            m.put("unknowns", List.copyOf(r.unknowns()));
            m.put("errors", r.errors());
            out.add(m);
        }
        try {
            return JSON.writeValueAsBytes(Map.of("schemaVersion", "1.0", "resources", out));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the snapshot: " + e.getMessage(), e);
        }
    }
}
