package dev.vouch.collect.azureoffline;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Policy Insights answers are OData records without ARM {@code id}/{@code type}. A policy state record
 * gets an id under its resource, a summary record an id under its scope, so neither is lost.
 */
final class PolicyStates {
    static final String STATE_TYPE = "Microsoft.PolicyInsights/policyStates";
    static final String SUMMARY_TYPE = "Microsoft.PolicyInsights/policyStates/summary";

    private PolicyStates() {}

    static Optional<Map<String, Object>> identify(Map<String, Object> obj) {
        if (obj.get("id") != null || obj.get("type") != null) {
            return Optional.empty();
        }
        String resourceId = JsonValues.asString(obj.get("resourceId"));
        String assignment = JsonValues.asString(obj.get("policyAssignmentId"));
        if (resourceId != null && assignment != null && obj.containsKey("complianceState")) {
            String reference = JsonValues.asString(obj.get("policyDefinitionReferenceId"));
            String id = AzureIds.withLeadingSlash(resourceId) + "/providers/" + STATE_TYPE + "/"
                    + AzureIds.lastSegment(assignment) + (reference == null || reference.isEmpty() ? "" : "-" + reference);
            return Optional.of(with(obj, id, STATE_TYPE));
        }
        String context = JsonValues.asString(obj.get("@odata.context"));
        if (context != null && context.contains("#summary")) {
            String path = URI.create(context.replace(" ", "%20")).getRawPath();
            int meta = path.indexOf("/$metadata");
            String scope = meta < 0 ? path : path.substring(0, meta);
            return Optional.of(with(obj, scope + "/latest/summary", SUMMARY_TYPE));
        }
        return Optional.empty();
    }

    private static Map<String, Object> with(Map<String, Object> obj, String id, String type) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("type", type);
        obj.forEach(out::putIfAbsent);
        return out;
    }
}
