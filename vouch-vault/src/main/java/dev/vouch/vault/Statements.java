package dev.vouch.vault;

import dev.vouch.vault.blob.Digest;
import dev.vouch.vault.jcs.Jcs;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the canonical statement for one piece of evidence (docs/vault.md, "Statements"). */
final class Statements {
    static final int VERSION = 1;

    private Statements() {
    }

    static byte[] canonical(long seq, Evidence e, Digest digest, long size, String source, Instant time) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", (long) VERSION);
        m.put("seq", seq);
        m.put("kind", e.kind());
        if (digest != null) {
            m.put("digest", digest.toString());
            m.put("size", size);
            if (!e.mediaType().isEmpty()) {
                m.put("mediaType", e.mediaType());
            }
        }
        if (!e.name().isEmpty()) {
            m.put("name", e.name());
        }
        Map<String, Object> scope = new LinkedHashMap<>();
        put(scope, "controls", e.controls());
        put(scope, "criteria", e.criteria());
        put(scope, "sources", e.sources());
        if (!scope.isEmpty()) {
            m.put("scope", scope);
        }
        m.put("source", source);
        if (!e.actor().isEmpty()) {
            m.put("actor", e.actor());
        }
        m.put("time", seconds(time));
        m.put("covers", Map.of("from", seconds(e.coversFrom()), "to", seconds(e.coversTo())));
        if (!e.note().isEmpty()) {
            m.put("note", e.note());
        }
        return Jcs.canonicalize(m);
    }

    private static void put(Map<String, Object> m, String key, List<String> values) {
        if (!values.isEmpty()) {
            m.put(key, values);
        }
    }

    static String seconds(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
