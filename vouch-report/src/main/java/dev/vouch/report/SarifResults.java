package dev.vouch.report;

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

/** SARIF {@code result}s: one per reported finding. */
final class SarifResults {
    private SarifResults() {
    }

    static void result(Json j, ReportInput in, Finding f, int ruleIndex) {
        boolean unresolved = f.outcome() == Outcome.ERROR || f.outcome() == Outcome.UNKNOWN;
        j.object()
                .field("ruleId", f.checkId())
                .field("ruleIndex", ruleIndex)
                .field("level", unresolved ? "note" : SarifRenderer.level(f.severity()))
                .object("message").field("text", message(in, f)).end();
        j.array("locations").object();
        physical(j, f.origin());
        j.array("logicalLocations").object()
                .field("name", f.resourceName())
                .field("fullyQualifiedName", f.resourceId())
                .field("kind", "resource")
                .end().end();
        j.end().end();
        j.object("partialFingerprints").field(SarifRenderer.FINGERPRINT_KEY, fingerprint(f)).end();
        if (f.outcome() == Outcome.EXCEPTED) {
            j.array("suppressions").object()
                    .field("kind", "external")
                    .field("status", "accepted")
                    .field("justification", "Vouch exception " + f.exceptionId())
                    .end().end();
        }
        j.object("properties")
                .field("outcome", f.outcome().name())
                .field("severity", f.severity().label())
                .field("resourceType", f.resourceType())
                .field("resourceId", f.resourceId())
                .field("origin", f.origin().source())
                .end();
        j.end();
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

    /** Whether the origin is a file, which gets a SARIF physical location (API URLs have none). */
    static boolean hasPhysical(Origin origin) {
        String loc = path(origin);
        return !loc.isBlank() && !loc.contains("://");
    }

    /**
     * Writes the {@code physicalLocation} of a file origin, if it has one ({@link #hasPhysical}): a relative
     * path stays relative (to the scanned root), an absolute path becomes a {@code file://} URI.
     * {@code region.startLine} when the line is known.
     */
    static void physical(Json j, Origin origin) {
        if (!hasPhysical(origin)) {
            return;
        }
        j.object("physicalLocation").object("artifactLocation").field("uri", uri(path(origin))).end();
        if (origin.line() > 0) {
            j.object("region").field("startLine", origin.line()).end();
        }
        j.end();
    }

    private static String path(Origin origin) {
        return origin.location().replace('\\', '/');
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
