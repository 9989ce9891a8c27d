package dev.vouch.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** SARIF {@code result}s: one per reported finding. */
final class SarifResults {
    private SarifResults() {
    }

    static ObjectNode result(ReportInput in, Finding f, int ruleIndex) {
        ObjectNode r = Json.object();
        r.put("ruleId", f.checkId());
        r.put("ruleIndex", ruleIndex);
        boolean unresolved = f.outcome() == Outcome.ERROR || f.outcome() == Outcome.UNKNOWN;
        r.put("level", unresolved ? "note" : SarifRenderer.level(f.severity()));
        r.putObject("message").put("text", message(in, f));
        ObjectNode loc = r.putArray("locations").addObject();
        physical(f.origin()).ifPresent(p -> loc.set("physicalLocation", p));
        ObjectNode logical = loc.putArray("logicalLocations").addObject();
        logical.put("name", f.resourceName());
        logical.put("fullyQualifiedName", f.resourceId());
        logical.put("kind", "resource");
        r.putObject("partialFingerprints").put(SarifRenderer.FINGERPRINT_KEY, fingerprint(f));
        if (f.outcome() == Outcome.EXCEPTED) {
            ObjectNode s = r.putArray("suppressions").addObject();
            s.put("kind", "external");
            s.put("status", "accepted");
            s.put("justification", "Vouch exception " + f.exceptionId());
        }
        ObjectNode props = r.putObject("properties");
        props.put("outcome", f.outcome().name());
        props.put("severity", f.severity().label());
        props.put("resourceType", f.resourceType());
        props.put("resourceId", f.resourceId());
        props.put("origin", f.origin().source());
        return r;
    }

    private static String message(ReportInput in, Finding f) {
        String text = f.message().isBlank() ? in.title(f.checkId()) : f.message();
        return switch (f.outcome()) {
            case ERROR -> "Could not evaluate (ERROR): " + text;
            case UNKNOWN -> "Could not evaluate (UNKNOWN): " + text;
            case EXCEPTED -> text + " (accepted by exception " + f.exceptionId() + ")";
            default -> text;
        };
    }

    /**
     * A physical location for a file origin: a relative path stays relative (to the scanned root),
     * an absolute path becomes a {@code file://} URI; API URLs have none. {@code region.startLine} when
     * the line is known.
     */
    static Optional<ObjectNode> physical(Origin origin) {
        String loc = origin.location().replace('\\', '/');
        if (loc.isBlank() || loc.contains("://")) {
            return Optional.empty();
        }
        ObjectNode p = Json.object();
        p.putObject("artifactLocation").put("uri", uri(loc));
        if (origin.line() > 0) {
            p.putObject("region").put("startLine", origin.line());
        }
        return Optional.of(p);
    }

    private static String uri(String path) {
        try {
            String encoded = new URI(null, null, path, null).toASCIIString();
            return path.startsWith("/") ? "file://" + encoded : encoded;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Origin location '" + path + "' cannot be written as a URI", e);
        }
    }

    /** SHA-256 over check id and resource id (ARM ids lower-cased), so an alert survives line moves. */
    static String fingerprint(Finding f) {
        String id = f.resourceId();
        if ("azure".equalsIgnoreCase(f.provider()) || id.regionMatches(true, 0, "/subscriptions/", 0, 15)) {
            id = id.toLowerCase(Locale.ROOT);
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((f.checkId() + "\n" + id).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
