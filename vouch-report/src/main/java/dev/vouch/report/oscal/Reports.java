package dev.vouch.report.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** Pieces both results share: reviewed controls, finding targets, number format. */
final class Reports {

    private Reports() {
    }

    /** A score with one decimal, as every Vouch report prints it. */
    static String score(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }

    /**
     * The reviewed controls: one selection listing the criteria as OSCAL control ids (lower case), with the
     * original ids in {@code criterion-id} properties.
     */
    static ObjectNode reviewedControls(List<String> criterionIds, String scope) {
        ObjectNode selection = Oscal.object();
        selection.put("description", "The " + Oscal.FRAMEWORK + " criteria in " + scope + ".");
        ArrayNode props = Oscal.array();
        criterionIds.forEach(id -> Oscal.prop(props, "criterion-id", id));
        Oscal.putArray(selection, "props", props);
        ArrayNode include = Oscal.array();
        criterionIds.forEach(id -> include.addObject().put("control-id", Oscal.token(id)));
        Oscal.putArray(selection, "include-controls", include);
        selection.put("remarks", "Control ids are the criterion ids in lower case, as OSCAL tokens (CC6.1 is cc6.1).");
        ObjectNode rc = Oscal.object();
        rc.put("description", "SOC 2 " + Oscal.FRAMEWORK + " criteria assessed through the Vouch control library.");
        rc.set("control-selections", Oscal.array().add(selection));
        return rc;
    }

    /** A finding target on an objective (a criterion or a Vouch control), satisfied or not. */
    static ObjectNode target(String id, boolean satisfied, String why) {
        ObjectNode status = Oscal.object().put("state", satisfied ? "satisfied" : "not-satisfied")
                .put("reason", satisfied ? "pass" : "fail").put("remarks", why);
        ObjectNode t = Oscal.object().put("type", "objective-id").put("target-id", Oscal.token(id));
        t.set("status", status);
        return t;
    }
}
