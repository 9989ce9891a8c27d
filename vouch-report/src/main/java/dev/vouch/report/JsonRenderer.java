package dev.vouch.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 */
public final class JsonRenderer implements Renderer {
    public static final String SCHEMA_VERSION = "1.0";

    @Override
    public void render(ReportInput in, Writer out) {
        ScanResult s = in.scan();
        ObjectNode root = Json.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.set("scan", scan(s));
        root.set("summary", summary(in));
        ArrayNode checks = root.putArray("checks");
        in.checkIds().forEach(id -> checks.add(check(in, id)));
        ArrayNode findings = root.putArray("findings");
        FindingOrder.sorted(s.findings(), FindingOrder.BY_CHECK).forEach(f -> findings.add(finding(f)));
        ArrayNode errors = root.putArray("collectionErrors");
        FindingOrder.sorted(s.errors(), FindingOrder.ERRORS).forEach(e -> errors.add(error(e)));
        ArrayNode notices = root.putArray("exceptionNotices");
        FindingOrder.sorted(s.exceptionNotices(), FindingOrder.NOTICES).forEach(n -> notices.add(notice(n)));
        Json.write(root, out, "JSON");
    }

    private static ObjectNode scan(ScanResult s) {
        ObjectNode o = Json.object();
        o.put("startedAt", s.startedAt().toString());
        o.put("finishedAt", s.finishedAt().toString());
        o.put("durationMs", Duration.between(s.startedAt(), s.finishedAt()).toMillis());
        ArrayNode sources = o.putArray("sources");
        s.sources().forEach(sources::add);
        o.put("resourceCount", s.resourceCount());
        o.put("incomplete", s.incomplete());
        return o;
    }

    private static ObjectNode summary(ReportInput in) {
        ObjectNode o = Json.object();
        o.put("checkCount", in.checkIds().size());
        o.put("findingCount", in.scan().findings().size());
        Map<Outcome, Integer> counts = Readiness.zeros();
        in.scan().findings().forEach(f -> counts.merge(f.outcome(), 1, Integer::sum));
        o.set("outcomes", outcomes(counts));
        ArrayNode cats = o.putArray("categories");
        for (Readiness r : Readiness.of(in)) {
            ObjectNode c = cats.addObject();
            c.put("category", r.category().name());
            c.put("label", r.category().label());
            c.put("checksPassing", r.checksPassing());
            c.put("checksFailing", r.checksFailing());
            c.put("checksNotApplicable", r.checksNotApplicable());
            c.set("outcomes", outcomes(r.outcomes()));
            c.put("applicable", r.applicable());
            c.put("passing", r.passing());
            if (r.passRatePercent() < 0) {
                c.putNull("passRatePercent");
            } else {
                c.put("passRatePercent", r.passRatePercent());
            }
        }
        return o;
    }

    private static ObjectNode outcomes(Map<Outcome, Integer> counts) {
        ObjectNode o = Json.object();
        for (Outcome out : Outcome.values()) {
            o.put(out.name(), counts.getOrDefault(out, 0));
        }
        return o;
    }

    private static ObjectNode check(ReportInput in, String id) {
        ObjectNode o = Json.object();
        o.put("id", id);
        CheckInfo info = in.check(id).orElse(null);
        o.put("title", info == null ? id : info.title());
        if (info != null) {
            o.put("severity", info.severity().label());
            o.put("resourceType", info.resourceType());
            o.put("description", info.description());
        }
        ArrayNode criteria = o.putArray("criteria");
        in.criteria(id).forEach(criteria::add);
        ArrayNode cats = o.putArray("categories");
        in.categories(id).forEach(c -> cats.add(c.name()));
        if (info != null) {
            ObjectNode rem = o.putObject("remediation");
            rem.put("text", info.remediation().text());
            rem.put("cli", info.remediation().cli());
            rem.put("terraform", info.remediation().terraform());
            o.set("references", Json.sorted(info.references()));
            ArrayNode tags = o.putArray("tags");
            info.tags().stream().sorted().forEach(tags::add);
        }
        return o;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode o = Json.object();
        o.put("checkId", f.checkId());
        o.put("outcome", f.outcome().name());
        o.put("severity", f.severity().label());
        o.put("resourceType", f.resourceType());
        o.put("resourceId", f.resourceId());
        o.put("resourceName", f.resourceName());
        o.put("provider", f.provider());
        o.put("message", f.message());
        o.set("origin", origin(f.origin()));
        o.put("exceptionId", f.exceptionId());
        return o;
    }

    private static ObjectNode origin(Origin origin) {
        ObjectNode o = Json.object();
        o.put("source", origin.source());
        o.put("location", origin.location());
        o.put("line", origin.line());
        return o;
    }

    private static ObjectNode error(CollectionError e) {
        ObjectNode o = Json.object();
        o.set("origin", origin(e.origin()));
        o.put("message", e.message());
        return o;
    }

    private static ObjectNode notice(ExceptionNotice n) {
        ObjectNode o = Json.object();
        o.put("exceptionId", n.exceptionId());
        o.put("kind", n.kind().name());
        o.put("message", n.message() == null ? "" : n.message());
        return o;
    }
}
