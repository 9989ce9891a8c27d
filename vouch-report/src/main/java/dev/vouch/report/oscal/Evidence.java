package dev.vouch.report.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.report.assessment.EvidenceEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The vault's evidence index in OSCAL terms: each entry is a back-matter resource (its vault link and SHA-256
 * digest), and each manual entry (one that names controls) is also an EXAMINE observation.
 */
final class Evidence {

    private static final String SHA256 = "sha256:";

    private final List<EvidenceEntry> entries;
    private final String seed;

    /** @param seed the document's seed, so observation uuids differ between documents */
    Evidence(List<EvidenceEntry> entries, String seed) {
        this.entries = List.copyOf(entries);
        this.seed = seed;
    }

    static String resourceUuid(EvidenceEntry e) {
        return Uuids.of("evidence", Long.toString(e.seq()), e.digest());
    }

    String observationUuid(EvidenceEntry e) {
        return Uuids.of(seed, "observation", "evidence", Long.toString(e.seq()));
    }

    /** Entries that name controls: evidence a person recorded for them. */
    List<EvidenceEntry> manual() {
        return entries.stream().filter(e -> !e.controls().isEmpty()).toList();
    }

    /** Manual entries that name the control. */
    List<EvidenceEntry> manualFor(String controlId) {
        return manual().stream().filter(e -> e.controls().contains(controlId)).toList();
    }

    /** Scan records ({@code scan.*} kinds) whose covered span contains {@code at}. */
    List<EvidenceEntry> scanRecordsAt(Instant at) {
        return entries.stream().filter(e -> e.kind().startsWith("scan."))
                .filter(e -> !at.isBefore(e.coversFrom()) && !at.isAfter(e.coversTo())).toList();
    }

    /** A {@code relevant-evidence} item pointing at the entry's back-matter resource. */
    static ObjectNode relevant(EvidenceEntry e) {
        return Oscal.object().put("href", "#" + resourceUuid(e)).put("description", label(e) + ", " + e.digest());
    }

    /** {@code vault #12 evidence.manual 'Q1 access review'}. */
    static String label(EvidenceEntry e) {
        return "vault #" + e.seq() + " " + e.kind() + (e.name().isBlank() ? "" : " '" + e.name() + "'");
    }

    /** One EXAMINE observation per manual entry, in log order. */
    ArrayNode observations() {
        ArrayNode out = Oscal.array();
        for (EvidenceEntry e : manual()) {
            ObjectNode o = out.addObject();
            o.put("uuid", observationUuid(e));
            o.put("title", "Evidence: " + (e.name().isBlank() ? e.kind() : e.name()));
            o.put("description", "Recorded evidence " + label(e) + " for " + String.join(", ", e.controls())
                    + ", covering " + Oscal.time(e.coversFrom()) + " to " + Oscal.time(e.coversTo()) + ".");
            ArrayNode props = Oscal.array();
            Oscal.prop(props, "vault-seq", Long.toString(e.seq()));
            Oscal.prop(props, "evidence-kind", e.kind());
            e.controls().forEach(c -> Oscal.prop(props, "control-id", c));
            Oscal.putArray(o, "props", props);
            o.set("methods", Oscal.strings(List.of("EXAMINE")));
            o.set("types", Oscal.strings(List.of("control-objective")));
            o.set("relevant-evidence", Oscal.array().add(relevant(e)));
            o.put("collected", Oscal.time(e.recordedAt()));
        }
        return out;
    }

    /** One back-matter resource per entry, in log order. */
    ArrayNode resources() {
        ArrayNode out = Oscal.array();
        for (EvidenceEntry e : entries) {
            ObjectNode r = out.addObject();
            r.put("uuid", resourceUuid(e));
            r.put("title", e.name().isBlank() ? e.kind() + " (vault #" + e.seq() + ")" : e.name());
            r.put("description", "Vouch evidence vault entry #" + e.seq() + " (" + e.kind() + "), recorded "
                    + Oscal.time(e.recordedAt()) + ", covering " + Oscal.time(e.coversFrom()) + " to "
                    + Oscal.time(e.coversTo()) + ".");
            ArrayNode props = Oscal.array();
            Oscal.prop(props, "vault-seq", Long.toString(e.seq()));
            Oscal.prop(props, "evidence-kind", e.kind());
            Oscal.prop(props, "recorded-at", Oscal.time(e.recordedAt()));
            Oscal.prop(props, "covers-from", Oscal.time(e.coversFrom()));
            Oscal.prop(props, "covers-to", Oscal.time(e.coversTo()));
            e.controls().forEach(c -> Oscal.prop(props, "control-id", c));
            Oscal.prop(props, "digest", e.digest());
            Oscal.putArray(r, "props", props);
            r.set("rlinks", Oscal.array().add(rlink(e)));
        }
        return out;
    }

    private static ObjectNode rlink(EvidenceEntry e) {
        ObjectNode link = Oscal.object().put("href", "vault:log#" + e.seq());
        String d = e.digest().trim();
        if (d.toLowerCase(Locale.ROOT).startsWith(SHA256) && d.length() > SHA256.length()) {
            link.set("hashes", Oscal.array().add(Oscal.object().put("algorithm", "SHA-256")
                    .put("value", d.substring(SHA256.length()).toLowerCase(Locale.ROOT))));
        }
        return link;
    }
}
