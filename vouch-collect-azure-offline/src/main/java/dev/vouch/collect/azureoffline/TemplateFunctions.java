package dev.vouch.collect.azureoffline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ARM template functions over evaluated arguments. Any function not listed here is unresolved. */
final class TemplateFunctions {
    /**
     * Where the template is taken to deploy: a synthetic subscription ({@code arm:<file>}, also the scope and
     * the synthetic subscription resource's id) and a placeholder resource group.
     */
    record Deployment(String subscriptionId, String resourceGroupName, boolean subscriptionLevel) {
        String resourceGroupId() {
            return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroupName;
        }

        String baseId() {
            return subscriptionLevel ? "/subscriptions/" + subscriptionId : resourceGroupId();
        }
    }

    private static final Pattern FORMAT_ITEM = Pattern.compile("\\{(\\d+)(?::[^}]*)?}");

    private final Deployment deployment;

    TemplateFunctions(Deployment deployment) {
        this.deployment = deployment;
    }

    Deployment deployment() {
        return deployment;
    }

    Object call(String name, List<Object> args) {
        if (args.contains(Unresolved.VALUE) && !name.equals("createarray") && !name.equals("createobject")) {
            return Unresolved.VALUE;
        }
        return switch (name) {
            case "concat" -> concat(args);
            case "format" -> format(args);
            case "tolower" -> text("toLower", args).toLowerCase(Locale.ROOT);
            case "toupper" -> text("toUpper", args).toUpperCase(Locale.ROOT);
            case "equals" -> { arity(name, args.size(), 2); yield Objects.equals(args.get(0), args.get(1)); }
            case "not" -> { arity(name, args.size(), 1); yield !truthy(name, args.get(0)); }
            case "resourceid" -> resourceId(args);
            case "subscriptionresourceid" -> "/subscriptions/" + deployment.subscriptionId() + "/providers/" + typedPath(args, 0);
            case "extensionresourceid" -> stringify(args.get(0)) + "/providers/" + typedPath(args, 1);
            case "resourcegroup" -> resourceGroup();
            case "subscription" -> subscription();
            case "uniquestring" -> uniqueString(args);
            case "string" -> { arity(name, args.size(), 1); yield stringify(args.get(0)); }
            case "int" -> toInt(args);
            case "bool" -> { arity(name, args.size(), 1); yield truthy(name, args.get(0)); }
            case "createarray" -> new ArrayList<>(args);
            case "createobject" -> createObject(args);
            case "union" -> union(args);
            case "empty" -> { arity(name, args.size(), 1); yield isEmpty(args.get(0)); }
            case "length" -> { arity(name, args.size(), 1); yield length(args.get(0)); }
            case "contains" -> { arity(name, args.size(), 2); yield contains(args.get(0), args.get(1)); }
            case "replace" -> { arity(name, args.size(), 3); yield stringify(args.get(0)).replace(stringify(args.get(1)), stringify(args.get(2))); }
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> Unresolved.VALUE;
        };
    }

    static void arity(String function, int actual, int expected) {
        if (actual != expected) {
            throw new TemplateEvaluator.TemplateError(function + "() takes " + expected + " arguments, got " + actual);
        }
    }

    static String nameArg(String function, List<Object> args) {
        arity(function, args.size(), 1);
        Object v = args.get(0);
        if (v == Unresolved.VALUE) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new TemplateEvaluator.TemplateError(function + "() takes a string, got " + v);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    static boolean truthy(String function, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        if (v instanceof Long n) {
            return n != 0;
        }
        throw new TemplateEvaluator.TemplateError(function + "() needs a boolean, got " + v);
    }

    static String stringify(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return v == null ? "" : String.valueOf(v);
    }

    private static String text(String function, List<Object> args) {
        arity(function, args.size(), 1);
        return stringify(args.get(0));
    }

    private static Object concat(List<Object> args) {
        if (!args.isEmpty() && args.stream().allMatch(a -> a instanceof List)) {
            List<Object> out = new ArrayList<>();
            args.forEach(a -> out.addAll(JsonValues.asList(a)));
            return out;
        }
        StringBuilder sb = new StringBuilder();
        args.forEach(a -> sb.append(stringify(a)));
        return sb.toString();
    }

    private static Object format(List<Object> args) {
        if (args.isEmpty()) {
            throw new TemplateEvaluator.TemplateError("format() needs a format string");
        }
        Matcher m = FORMAT_ITEM.matcher(stringify(args.get(0)));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1)) + 1;
            if (i >= args.size()) {
                throw new TemplateEvaluator.TemplateError("format() has no argument {" + (i - 1) + "}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(stringify(args.get(i))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** resourceId([subscriptionId], [resourceGroupName], type, name1, name2 …): the type is the first argument with a '/'. */
    private Object resourceId(List<Object> args) {
        int typeAt = -1;
        for (int i = 0; i < args.size(); i++) {
            if (stringify(args.get(i)).contains("/")) {
                typeAt = i;
                break;
            }
        }
        if (typeAt < 0 || typeAt > 2) {
            throw new TemplateEvaluator.TemplateError("resourceId() needs a resource type such as 'Microsoft.Storage/storageAccounts'");
        }
        String sub = typeAt == 2 ? stringify(args.get(0)) : deployment.subscriptionId();
        String rg = typeAt >= 1 ? stringify(args.get(typeAt - 1)) : deployment.resourceGroupName();
        String base = deployment.subscriptionLevel() && typeAt == 0
                ? "/subscriptions/" + sub : "/subscriptions/" + sub + "/resourceGroups/" + rg;
        return base + "/providers/" + typedPath(args, typeAt);
    }

    /** {@code Ns/t1/t2} with names n1, n2 gives {@code Ns/t1/n1/t2/n2}. */
    static String typedPath(List<Object> args, int typeAt) {
        String[] types = stringify(args.get(typeAt)).split("/");
        List<String> names = new ArrayList<>();
        for (int i = typeAt + 1; i < args.size(); i++) {
            names.addAll(List.of(stringify(args.get(i)).split("/")));
        }
        StringBuilder sb = new StringBuilder(types[0]);
        for (int i = 1; i < types.length; i++) {
            sb.append('/').append(types[i]);
            if (i - 1 < names.size()) {
                sb.append('/').append(names.get(i - 1));
            }
        }
        return sb.toString();
    }

    private Map<String, Object> resourceGroup() {
        Map<String, Object> rg = new LinkedHashMap<>();
        rg.put("id", deployment.resourceGroupId());
        rg.put("name", deployment.resourceGroupName());
        rg.put("type", "Microsoft.Resources/resourceGroups");
        rg.put("location", Unresolved.VALUE);
        return rg;
    }

    private Map<String, Object> subscription() {
        Map<String, Object> s = new LinkedHashMap<>();
        // Like Terraform's data.azurerm_subscription: the synthetic subscription's id is the scope itself.
        s.put("id", deployment.subscriptionId());
        s.put("subscriptionId", deployment.subscriptionId());
        s.put("tenantId", Unresolved.VALUE);
        s.put("displayName", Unresolved.VALUE);
        return s;
    }

    /** Deterministic stand-in for ARM's uniqueString: 13 base-32-like characters of a SHA-256 of the arguments. */
    private static String uniqueString(List<Object> args) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String joined = String.join("\u0000", args.stream().map(TemplateFunctions::stringify).toList());
            String hex = HexFormat.of().formatHex(sha.digest(joined.getBytes(StandardCharsets.UTF_8)));
            return hex.substring(0, 13);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private static Object toInt(List<Object> args) {
        arity("int", args.size(), 1);
        Object v = args.get(0);
        if (v instanceof Long) {
            return v;
        }
        try {
            return Long.parseLong(stringify(v).trim());
        } catch (NumberFormatException e) {
            throw new TemplateEvaluator.TemplateError("int() cannot convert '" + v + "'");
        }
    }

    private static Object createObject(List<Object> args) {
        if (args.size() % 2 != 0) {
            throw new TemplateEvaluator.TemplateError("createObject() takes key/value pairs");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (args.get(i) == Unresolved.VALUE) {
                return Unresolved.VALUE;
            }
            out.put(stringify(args.get(i)), args.get(i + 1));
        }
        return out;
    }

    private static Object union(List<Object> args) {
        if (!args.isEmpty() && args.stream().allMatch(a -> a instanceof Map)) {
            Map<String, Object> out = new LinkedHashMap<>();
            args.forEach(a -> out.putAll(JsonValues.asMap(a)));
            return out;
        }
        if (!args.isEmpty() && args.stream().allMatch(a -> a instanceof List)) {
            LinkedHashSet<Object> out = new LinkedHashSet<>();
            args.forEach(a -> out.addAll(JsonValues.asList(a)));
            return new ArrayList<>(out);
        }
        throw new TemplateEvaluator.TemplateError("union() takes only objects or only arrays");
    }

    private static boolean isEmpty(Object v) {
        if (v instanceof String s) {
            return s.isEmpty();
        }
        if (v instanceof List<?> l) {
            return l.isEmpty();
        }
        return v instanceof Map<?, ?> m ? m.isEmpty() : v == null;
    }

    private static Object length(Object v) {
        if (v instanceof String s) {
            return (long) s.length();
        }
        if (v instanceof List<?> l) {
            return (long) l.size();
        }
        if (v instanceof Map<?, ?> m) {
            return (long) m.size();
        }
        throw new TemplateEvaluator.TemplateError("length() needs a string, array or object, got " + v);
    }

    private static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            return s.contains(stringify(item));
        }
        if (container instanceof List<?> l) {
            return l.contains(item);
        }
        return container instanceof Map<?, ?> m && m.containsKey(stringify(item));
    }
}
