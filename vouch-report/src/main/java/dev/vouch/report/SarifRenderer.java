package dev.vouch.report;

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
 * Streamed: results are written one by one as the findings are visited, no document tree is built.
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
        Json j = Json.open(out, "SARIF").object();
        j.field("$schema", SCHEMA_URI).field("version", "2.1.0");
        j.array("runs").object();
        j.object("tool").object("driver").field("name", "Vouch");
        if (!informationUri.isBlank()) {
            j.field("informationUri", informationUri);
        }
        List<String> ruleIds = in.checkIds();
        j.array("rules");
        ruleIds.forEach(id -> SarifRules.rule(j, in, id));
        j.end().end().end();
        j.array("invocations");
        invocation(j, in.scan());
        j.end().array("results");
        for (int i = 0; i < ruleIds.size(); i++) {
            for (Finding f : in.findings(ruleIds.get(i))) {
                if (reported(f.outcome())) {
                    SarifResults.result(j, in, f, i);
                }
            }
        }
        j.end().end().end().end().finish();
    }

    private boolean reported(Outcome o) {
        return switch (o) {
            case FAIL, EXCEPTED -> true;
            case ERROR, UNKNOWN -> includeUnresolved;
            case PASS, NOT_APPLICABLE -> false;
        };
    }

    private static void invocation(Json j, ScanResult s) {
        j.object()
                .field("executionSuccessful", !s.incomplete())
                .field("startTimeUtc", s.startedAt().toString())
                .field("endTimeUtc", s.finishedAt().toString())
                .array("toolExecutionNotifications");
        for (CollectionError e : FindingOrder.sorted(s.errors(), FindingOrder.ERRORS)) {
            j.object().field("level", "error").object("message").field("text", e.display()).end();
            if (SarifResults.hasPhysical(e.origin())) {
                j.array("locations").object();
                SarifResults.physical(j, e.origin());
                j.end().end();
            }
            j.end();
        }
        j.end().end();
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
                .or(() -> in.findings(checkId).stream().map(Finding::severity).findFirst())
                .orElse(Severity.MEDIUM);
    }
}
