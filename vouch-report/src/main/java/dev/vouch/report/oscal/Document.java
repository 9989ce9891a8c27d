package dev.vouch.report.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.report.assessment.VaultSeal;
import java.time.Instant;
import java.util.Optional;

/**
 * The frame around one result: metadata, the import of the assessment plan, and the back matter (the plan,
 * the vault's evidence entries and its seal).
 *
 * @param seed makes every per-document uuid unique to this document and stable for the same input
 * @param title the document title
 * @param organization the assessed organization (a party of type organization)
 * @param lastModified when the report was generated
 * @param version the document version
 * @param plan what was planned: catalog, control library and scope, in words
 */
record Document(String seed, String title, String organization, Instant lastModified, String version, String plan) {

    /** The {@code {"assessment-results": …}} document around {@code result}. */
    ObjectNode build(ObjectNode result, Evidence evidence, Optional<VaultSeal> seal) {
        ObjectNode ar = Oscal.object();
        ar.put("uuid", Uuids.of(seed, "assessment-results"));
        ar.set("metadata", metadata());
        ar.set("import-ap", Oscal.object().put("href", "#" + planUuid()).put("remarks",
                "Vouch keeps no separate OSCAL assessment plan document. The plan (the " + Oscal.FRAMEWORK
                        + " criteria in scope, assessed through the Vouch control library) is described by the"
                        + " back-matter resource this link points to."));
        ar.set("results", Oscal.array().add(result));
        ArrayNode resources = Oscal.array().add(planResource());
        resources.addAll(evidence.resources());
        seal.ifPresent(s -> resources.add(sealResource(s)));
        ar.set("back-matter", Oscal.object().set("resources", resources));
        ObjectNode root = Oscal.object();
        root.set("assessment-results", ar);
        return root;
    }

    /** The organization's party uuid: the same for every document about it. */
    String partyUuid() {
        return Uuids.of("party", organization);
    }

    private String planUuid() {
        return Uuids.of(seed, "assessment-plan");
    }

    private ObjectNode metadata() {
        ObjectNode m = Oscal.object();
        m.put("title", title);
        m.put("last-modified", Oscal.time(lastModified));
        m.put("version", version);
        m.put("oscal-version", Oscal.VERSION);
        ArrayNode props = Oscal.array();
        Oscal.prop(props, "generator", "Vouch");
        m.set("props", props);
        ArrayNode parties = Oscal.array();
        parties.addObject().put("uuid", partyUuid()).put("type", "organization").put("name", organization);
        m.set("parties", parties);
        return m;
    }

    private ObjectNode planResource() {
        ObjectNode r = Oscal.object();
        r.put("uuid", planUuid());
        r.put("title", "Vouch assessment plan (no separate OSCAL assessment plan document)");
        r.put("description", plan);
        ArrayNode props = Oscal.array();
        Oscal.prop(props, "framework", Oscal.FRAMEWORK);
        Oscal.prop(props, "control-library", "Vouch control library");
        r.set("props", props);
        r.put("remarks", "Reviewed-control ids are the framework's criterion ids in lower case (CC6.1 is cc6.1);"
                + " findings carry the original id in the criterion-id property.");
        return r;
    }

    private static ObjectNode sealResource(VaultSeal s) {
        ObjectNode r = Oscal.object();
        r.put("uuid", Uuids.of("vault-seal", s.rootHex(), Long.toString(s.treeSize())));
        r.put("title", "Evidence vault checkpoint");
        r.put("description", "The newest signed checkpoint of the Vouch evidence vault (C2SP signed note) when"
                + " this report was made: " + s.treeSize() + " entries, root " + s.rootHex()
                + ". The remarks hold the note exactly as signed; check a later log against it with"
                + " vouch vault consistency.");
        ArrayNode props = Oscal.array();
        Oscal.prop(props, "tree-size", Long.toString(s.treeSize()));
        Oscal.prop(props, "root-hash", s.rootHex());
        Oscal.prop(props, "key-fingerprint", s.keyFingerprint());
        r.set("props", props);
        r.put("remarks", s.note());
        return r;
    }
}
