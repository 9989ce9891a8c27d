package dev.vouch.collect.git;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Branch protection declared as code in {@code .github/settings.yml} (the GitHub "Settings" app,
 * probot/settings, and safe-settings use this file). It states intent, not what GitHub enforces:
 * docs/git.md says so.
 */
final class BranchProtectionFile {
    static final String PATH = ".github/settings.yml";

    private BranchProtectionFile() {
    }

    /** The facts, or a {@link Malformed} naming the file and line when it cannot be parsed. */
    static Map<String, Object> read(TreeFiles tree, String defaultBranch, YAMLMapper yaml) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<String> text = tree.read(PATH);
        out.put("present", text.isPresent());
        if (text.isEmpty()) {
            return out;
        }
        out.put("path", PATH);
        JsonNode root;
        try {
            root = yaml.readTree(text.get());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Malformed(PATH + (at == null ? "" : ":" + at.getLineNr()) + ": " + e.getOriginalMessage(), e);
        }
        JsonNode protection = protectionOf(root, defaultBranch);
        boolean protectedBranch = protection.isObject();
        out.put("defaultBranchProtected", protectedBranch);
        if (protectedBranch) {
            JsonNode reviews = protection.path("required_pull_request_reviews");
            out.put("requiredApprovingReviews", reviews.isObject()
                    ? reviews.path("required_approving_review_count").asLong(1) : 0L);
            out.put("requireCodeOwnerReviews", reviews.path("require_code_owner_reviews").asBoolean(false));
            out.put("dismissStaleReviews", reviews.path("dismiss_stale_reviews").asBoolean(false));
            out.put("requiredStatusChecks", protection.path("required_status_checks").isObject());
            out.put("enforceAdmins", protection.path("enforce_admins").asBoolean(false));
            out.put("allowForcePushes", protection.path("allow_force_pushes").asBoolean(false));
            out.put("requiredSignatures", protection.path("required_signatures").asBoolean(false));
        }
        return out;
    }

    private static JsonNode protectionOf(JsonNode root, String branch) {
        for (JsonNode b : root.path("branches")) {
            if (branch.equals(b.path("name").asText())) {
                return b.path("protection");
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The settings file is not valid YAML; the message names the file and line. */
    static final class Malformed extends RuntimeException {
        Malformed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
