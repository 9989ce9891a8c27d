package dev.vouch.report;

import dev.vouch.model.CheckInfo;
import dev.vouch.model.CollectionError;
import dev.vouch.model.ExceptionNotice;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.ScanResult;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;

/**
 * The scan as versioned JSON (docs/json-format.md, docs/schema/scan-result-1.0.schema.json). Output is
 * deterministic: fixed key order, checks by id, findings by check then resource, errors by origin.
 * Streamed: each finding is written as it is visited, no document tree is built.
 */
public final class JsonRenderer implements Renderer {
    public static final String SCHEMA_VERSION = "1.0";
    private final boolean pretty;

    /** Indented JSON, for people and diffs. */
    public JsonRenderer() {
        this(true);
    }

    /** @param pretty false for compact JSON, the same document without whitespace (what the vault stores) */
    public JsonRenderer(boolean pretty) {
        this.pretty = pretty;
    }

    @Override
    public void render(ReportInput in, Writer out) {
        ScanResult s = in.scan();
        Json j = Json.open(out, "JSON", pretty).object();
        j.field("schemaVersion", SCHEMA_VERSION);
        scan(j, s);
        summary(j, in);
        j.array("checks");
        in.checkIds().forEach(id -> check(j, in, id));
        j.end().array("findings");
        in.checkIds().forEach(id -> in.findings(id).forEach(f -> finding(j, f)));
        j.end().array("collectionErrors");
        FindingOrder.sorted(s.errors(), FindingOrder.ERRORS).forEach(e -> error(j, e));
        j.end().array("exceptionNotices");
        FindingOrder.sorted(s.exceptionNotices(), FindingOrder.NOTICES).forEach(n -> notice(j, n));
        j.end().end().finish();
    }

    private static void scan(Json j, ScanResult s) {
        j.object("scan")
                .field("startedAt", s.startedAt().toString())
                .field("finishedAt", s.finishedAt().toString())
                .field("durationMs", Duration.between(s.startedAt(), s.finishedAt()).toMillis())
                .strings("sources", s.sources())
                .field("resourceCount", s.resourceCount())
                .field("incomplete", s.incomplete())
                .end();
    }

    private static void summary(Json j, ReportInput in) {
        j.object("summary")
                .field("checkCount", in.checkIds().size())
                .field("findingCount", in.scan().findings().size());
        Map<Outcome, Integer> counts = Readiness.zeros();
        in.scan().findings().forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
        outcomes(j, counts);
        j.array("categories");
        for (Readiness r : Readiness.of(in)) {
            j.object()
                    .field("category", r.category().name())
                    .field("label", r.category().label())
                    .field("checksPassing", r.checksPassing())
                    .field("checksFailing", r.checksFailing())
                    .field("checksNotApplicable", r.checksNotApplicable());
            outcomes(j, r.outcomes());
            j.field("applicable", r.applicable()).field("passing", r.passing());
            if (r.passRatePercent() < 0) {
                j.nullField("passRatePercent");
            } else {
                j.field("passRatePercent", r.passRatePercent());
            }
            j.end();
        }
        j.end().end();
    }

    private static void outcomes(Json j, Map<Outcome, Integer> counts) {
        j.object("outcomes");
        for (Outcome out : Outcome.values()) {
            j.field(out.name(), counts.getOrDefault(out, 0));
        }
        j.end();
    }

    private static void check(Json j, ReportInput in, String id) {
        CheckInfo info = in.check(id).orElse(null);
        j.object().field("id", id).field("title", info == null ? id : info.title());
        if (info != null) {
            j.field("severity", info.severity().label())
                    .field("resourceType", info.resourceType())
                    .field("description", info.description());
        }
        j.strings("criteria", in.criteria(id));
        j.strings("categories", in.categories(id).stream().map(Enum::name).toList());
        if (info != null) {
            j.object("remediation")
                    .field("text", info.remediation().text())
                    .field("cli", info.remediation().cli())
                    .field("terraform", info.remediation().terraform())
                    .end();
            j.sorted("references", info.references());
            j.strings("tags", info.tags().stream().sorted().toList());
        }
        j.end();
    }

    private static void finding(Json j, Finding f) {
        j.object()
                .field("checkId", f.checkId())
                .field("outcome", f.outcome().name())
                .field("severity", f.severity().label())
                .field("resourceType", f.resourceType())
                .field("resourceId", f.resourceId())
                .field("resourceName", f.resourceName())
                .field("provider", f.provider())
                .field("message", f.message());
        origin(j, f.origin());
        j.field("exceptionId", f.exceptionId()).end();
    }

    private static void origin(Json j, Origin origin) {
        j.object("origin")
                .field("source", origin.source())
                .field("location", origin.location())
                .field("line", origin.line())
                .end();
    }

    private static void error(Json j, CollectionError e) {
        j.object();
        origin(j, e.origin());
        j.field("message", e.message()).end();
    }

    private static void notice(Json j, ExceptionNotice n) {
        j.object()
                .field("exceptionId", n.exceptionId())
                .field("kind", n.kind().name())
                .field("message", n.message() == null ? "" : n.message())
                .end();
    }
}
