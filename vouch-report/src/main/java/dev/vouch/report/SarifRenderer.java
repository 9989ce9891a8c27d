package dev.vouch.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.model.CheckInfo;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.ScanResult;
import dev.vouch.model.Severity;
import java.io.Writer;
import java.util.List;
import java.util.Objects;

/**
 * SARIF 2.1.0 for code scanning (GitHub accepts it). One run; one rule per check with its
 * {@code security-severity}; a result per FAIL (level by severity), per ERROR/UNKNOWN as {@code note}
 * (coverage gaps stay visible; turn off with {@code includeUnresolved = false}), and per EXCEPTED with
 * an accepted external suppression. PASS and NOT_APPLICABLE produce no result. Collection errors are
 * tool execution notifications and make {@code executionSuccessful} false. See docs/json-format.md.
 */
public final class SarifRenderer implements Renderer {
    public static final String SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String FINGERPRINT_KEY = "vouchFindingHash/v1";

    private final String informationUri;
    private final boolean includeUnresolved;

    /**
     * @param informationUri the project's home page, shown by SARIF viewers
     * @param includeUnresolved whether ERROR and UNKNOWN findings become {@code note} results
     */
    public SarifRenderer(String informationUri, boolean includeUnresolved) {
        this.informationUri = Objects.requireNonNull(informationUri, "informationUri");
        this.includeUnresolved = includeUnresolved;
    }

    @Override
    public void render(ReportInput in, Writer out) {
        ObjectNode root = Json.object();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "Vouch");
        if (!informationUri.isBlank()) {
            driver.put("informationUri", informationUri);
        }
        List<String> ruleIds = in.checkIds();
        ArrayNode rules = driver.putArray("rules");
        ruleIds.forEach(id -> rules.add(SarifRules.rule(in, id)));
        run.putArray("invocations").add(invocation(in.scan()));
        ArrayNode results = run.putArray("results");
        for (Finding f : FindingOrder.sorted(in.scan().findings(), FindingOrder.BY_CHECK)) {
            if (reported(f.outcome())) {
                results.add(SarifResults.result(in, f, ruleIds.indexOf(f.checkId())));
            }
        }
        Json.write(root, out, "SARIF");
    }

    private boolean reported(Outcome o) {
        return switch (o) {
            case FAIL, EXCEPTED -> true;
            case ERROR, UNKNOWN -> includeUnresolved;
            case PASS, NOT_APPLICABLE -> false;
        };
    }

    private static ObjectNode invocation(ScanResult s) {
        ObjectNode inv = Json.object();
        inv.put("executionSuccessful", !s.incomplete());
        inv.put("startTimeUtc", s.startedAt().toString());
        inv.put("endTimeUtc", s.finishedAt().toString());
        ArrayNode notes = inv.putArray("toolExecutionNotifications");
        for (CollectionError e : FindingOrder.sorted(s.errors(), FindingOrder.ERRORS)) {
            ObjectNode n = notes.addObject();
            n.put("level", "error");
            n.putObject("message").put("text", e.display());
            SarifResults.physical(e.origin()).ifPresent(p -> n.putArray("locations").addObject().set("physicalLocation", p));
        }
        return inv;
    }

    /** critical and high: error; medium: warning; low: note. */
    static String level(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** GitHub's security-severity score: critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low < 4.0. */
    static String securitySeverity(Severity s) {
        return switch (s) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
        };
    }

    static Severity severityOf(ReportInput in, String checkId) {
        return in.check(checkId).map(CheckInfo::severity)
                .or(() -> in.scan().findings().stream().filter(f -> f.checkId().equals(checkId)).map(Finding::severity).findFirst())
                .orElse(Severity.MEDIUM);
    }
}
