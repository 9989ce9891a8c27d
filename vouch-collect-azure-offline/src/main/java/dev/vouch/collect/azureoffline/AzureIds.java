package dev.vouch.collect.azureoffline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure functions over ARM resource ids. Ids compare case-insensitively; these keep the given case. */
final class AzureIds {
    private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)^/subscriptions/([^/]+)");
    private static final Pattern DIAGNOSTIC_TARGET = Pattern.compile("(?i)^(.*?)/providers/[^/]+/diagnosticSettings/[^/]+$");

    private AzureIds() {}

    /** Real responses sometimes omit the leading slash ({@code subscriptions/…/diagnosticSettings/x}). */
    static String withLeadingSlash(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        return !id.startsWith("/") && (lower.startsWith("subscriptions/") || lower.startsWith("providers/")) ? "/" + id : id;
    }

    /** {@code /subscriptions/<guid>} of an id, or empty for tenant-level ids. */
    static Optional<String> subscriptionScope(String id) {
        Matcher m = SUBSCRIPTION.matcher(id);
        return m.find() ? Optional.of("/subscriptions/" + m.group(1)) : Optional.empty();
    }

    static Optional<String> subscriptionGuid(String scope) {
        Matcher m = SUBSCRIPTION.matcher(scope);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The resource a diagnostic setting (or any extension resource under /providers/…/diagnosticSettings/) targets. */
    static Optional<String> diagnosticTarget(String id) {
        Matcher m = DIAGNOSTIC_TARGET.matcher(id);
        return m.matches() && !m.group(1).isEmpty() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String lastSegment(String id) {
        String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** The ARM type an id names: {@code …/providers/Ns/t1/n1/t2/n2} gives {@code Ns/t1/t2}. */
    static Optional<String> inferArmType(String id) {
        List<String> seg = segments(id);
        int providers = -1;
        for (int i = seg.size() - 3; i >= 0; i--) {
            if (seg.get(i).equalsIgnoreCase("providers")) {
                providers = i;
                break;
            }
        }
        if (providers < 0) {
            return inferWithoutProvider(seg);
        }
        StringBuilder type = new StringBuilder(seg.get(providers + 1));
        for (int i = providers + 2; i < seg.size(); i += 2) {
            type.append('/').append(seg.get(i));
        }
        return Optional.of(type.toString());
    }

    private static Optional<String> inferWithoutProvider(List<String> seg) {
        if (seg.size() == 2 && seg.get(0).equalsIgnoreCase("subscriptions")) {
            return Optional.of("Microsoft.Resources/subscriptions");
        }
        if (seg.size() == 4 && seg.get(0).equalsIgnoreCase("subscriptions") && seg.get(2).equalsIgnoreCase("resourceGroups")) {
            return Optional.of("Microsoft.Resources/resourceGroups");
        }
        return Optional.empty();
    }

    /**
     * An id that names a parent while the type names a child (upstream example: a TDE response whose id is
     * the database's) gets the missing {@code /<child type>/<name>} appended, so ids stay unique.
     */
    static String completeChildId(String id, String armType, String name) {
        Optional<String> inferred = inferArmType(id);
        if (inferred.isEmpty()) {
            return id;
        }
        String idType = inferred.get().toLowerCase(Locale.ROOT);
        String type = armType.toLowerCase(Locale.ROOT);
        if (type.startsWith(idType + "/")) {
            String missing = armType.substring(idType.length() + 1);
            if (!missing.contains("/")) {
                return id + "/" + missing + "/" + name;
            }
        }
        return id;
    }

    private static List<String> segments(String id) {
        List<String> out = new ArrayList<>();
        for (String s : id.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
