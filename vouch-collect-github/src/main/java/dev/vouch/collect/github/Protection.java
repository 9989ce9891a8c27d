package dev.vouch.collect.github;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default branch's effective protection: classic branch protection and the active ruleset rules
 * that target the branch, merged the way GitHub enforces them (the strictest setting wins).
 *
 * @param properties the {@code effectiveProtection} map
 * @param unknowns paths under {@code properties.effectiveProtection} that cannot be established
 */
record Protection(Map<String, Object> properties, Set<String> unknowns) {
    static final String PREFIX = "properties.effectiveProtection.";
    static final List<String> FIELDS = List.of("protected", "sources", "requiredApprovingReviews", "dismissStaleReviews",
            "requireCodeOwnerReviews", "requireLastPushApproval", "requiredStatusChecks", "strictStatusChecks",
            "enforceAdmins", "allowForcePushes", "allowDeletions", "requiredSignatures", "requiredLinearHistory");
    private static final Set<String> PROTECTIVE_RULES = Set.of("pull_request", "required_status_checks", "non_fast_forward",
            "deletion", "update", "required_signatures", "required_linear_history", "required_deployments", "merge_queue");

    /** Every field unknown: the protection response was not available (not exported). */
    static Protection unknown() {
        Map<String, Object> props = new LinkedHashMap<>();
        Set<String> unknowns = new LinkedHashSet<>();
        for (String f : FIELDS) {
            props.put(f, null);
            unknowns.add(PREFIX + f);
        }
        return new Protection(props, unknowns);
    }

    /** {@code classic} is the branch protection response, or an empty map when the branch is not protected. */
    static Protection of(Map<String, Object> classic, List<Object> rules) {
        boolean hasClassic = !classic.isEmpty();
        Map<String, Object> reviews = Json.map(classic.get("required_pull_request_reviews"));
        Map<String, Object> checks = Json.map(classic.get("required_status_checks"));
        List<String> sources = new ArrayList<>();
        if (hasClassic) {
            sources.add("branch-protection");
        }
        long approvals = asLong(reviews.get("required_approving_review_count"));
        boolean dismissStale = reviews.get("dismiss_stale_reviews") instanceof Boolean b && b;
        boolean codeOwners = reviews.get("require_code_owner_reviews") instanceof Boolean b && b;
        boolean lastPush = reviews.get("require_last_push_approval") instanceof Boolean b && b;
        Set<String> statusChecks = new LinkedHashSet<>();
        Json.list(checks.get("contexts")).forEach(c -> statusChecks.add(String.valueOf(c)));
        Json.list(checks.get("checks")).forEach(c -> statusChecks.add(Json.string(Json.map(c), "context")));
        boolean strict = checks.get("strict") instanceof Boolean b && b;
        boolean forcePushBlocked = hasClassic && !Json.enabled(classic, "allow_force_pushes");
        boolean deletionBlocked = hasClassic && !Json.enabled(classic, "allow_deletions");
        boolean signatures = Json.enabled(classic, "required_signatures");
        boolean linear = Json.enabled(classic, "required_linear_history");
        boolean rulesProtect = false;
        for (Object o : rules) {
            Map<String, Object> rule = Json.map(o);
            String type = Json.string(rule, "type");
            Map<String, Object> p = Json.map(rule.get("parameters"));
            if (!PROTECTIVE_RULES.contains(type)) {
                continue;
            }
            rulesProtect = true;
            String source = "ruleset:" + rule.getOrDefault("ruleset_id", "?");
            if (!sources.contains(source)) {
                sources.add(source);
            }
            switch (type) {
                case "pull_request" -> {
                    approvals = Math.max(approvals, asLong(p.get("required_approving_review_count")));
                    dismissStale |= p.get("dismiss_stale_reviews_on_push") instanceof Boolean b && b;
                    codeOwners |= p.get("require_code_owner_review") instanceof Boolean b && b;
                    lastPush |= p.get("require_last_push_approval") instanceof Boolean b && b;
                }
                case "required_status_checks" -> {
                    Json.list(p.get("required_status_checks")).forEach(c -> statusChecks.add(Json.string(Json.map(c), "context")));
                    strict |= p.get("strict_required_status_checks_policy") instanceof Boolean b && b;
                }
                case "non_fast_forward" -> forcePushBlocked = true;
                case "deletion" -> deletionBlocked = true;
                case "required_signatures" -> signatures = true;
                case "required_linear_history" -> linear = true;
                default -> { }
            }
        }
        statusChecks.remove("");
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("protected", hasClassic || rulesProtect);
        props.put("sources", sources);
        props.put("requiredApprovingReviews", approvals);
        props.put("dismissStaleReviews", dismissStale);
        props.put("requireCodeOwnerReviews", codeOwners);
        props.put("requireLastPushApproval", lastPush);
        props.put("requiredStatusChecks", new ArrayList<>(statusChecks));
        props.put("strictStatusChecks", strict);
        Set<String> unknowns = new LinkedHashSet<>();
        boolean adminsClassic = Json.enabled(classic, "enforce_admins");
        if (!adminsClassic && rulesProtect) {
            // The branch-rules answer does not list a ruleset's bypass actors, so whether admins are bound is open.
            props.put("enforceAdmins", null);
            unknowns.add(PREFIX + "enforceAdmins");
        } else {
            props.put("enforceAdmins", adminsClassic);
        }
        props.put("allowForcePushes", !forcePushBlocked);
        props.put("allowDeletions", !deletionBlocked);
        props.put("requiredSignatures", signatures);
        props.put("requiredLinearHistory", linear);
        return new Protection(props, unknowns);
    }

    private static long asLong(Object o) {
        return o instanceof Number n ? n.longValue() : 0L;
    }
}
