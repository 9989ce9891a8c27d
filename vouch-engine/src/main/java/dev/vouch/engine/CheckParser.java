package dev.vouch.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.vouch.model.CheckInfo;
import dev.vouch.model.Remediation;
import dev.vouch.model.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates one check.yaml tree and compiles its expressions; problems go to the given list. */
final class CheckParser {
    static final Pattern ID = Pattern.compile("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$");
    static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$");
    private static final Set<String> FIELDS = Set.of("id", "title", "severity", "resource", "description", "when",
            "assert", "message", "join", "remediation", "references", "tags");
    private static final Set<String> REMEDIATION_FIELDS = Set.of("text", "cli", "terraform");
    private static final Set<String> JOIN_FIELDS = Set.of("type", "on", "match", "key");
    /** Stands in for expressions when only metadata is loaded; never run. */
    private static final CelAbstractSyntaxTree PLACEHOLDER = placeholder();

    private static CelAbstractSyntaxTree placeholder() {
        try {
            return CelEnvironment.compiler().compile("true").getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException(e);
        }
    }

    private final String file;
    private final List<String> problems;
    private final boolean compileCel;
    private String label;

    CheckParser(String file, List<String> problems) {
        this(file, problems, true);
    }

    /** With {@code compileCel} false, expressions are only checked for presence (listing needs no programs). */
    CheckParser(String file, List<String> problems, boolean compileCel) {
        this.file = file;
        this.problems = problems;
        this.compileCel = compileCel;
        this.label = file;
    }

    Check parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            problem("the file must hold a YAML mapping");
            return null;
        }
        String id = text(node, "id", true);
        if (id != null) {
            label = "Check " + id + " (" + file + ")";
            if (!ID.matcher(id).matches()) {
                problem("field 'id' must match " + ID.pattern() + ", was '" + id + "'");
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                problem("unknown field '" + f + "' (allowed: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String title = text(node, "title", true);
        Severity severity = severity(node);
        String type = text(node, "resource", true);
        if (type != null && !TYPE.matcher(type).matches()) {
            problem("field 'resource' must be a Vouch type like azure.storage.account, was '" + type + "'");
        }
        CelAbstractSyntaxTree when = node.has("when") ? compile(node, "when", CelKind.BOOL) : null;
        CelAbstractSyntaxTree assertion = compile(node, "assert", CelKind.BOOL);
        CelAbstractSyntaxTree message = node.has("message") ? compile(node, "message", CelKind.STRING) : null;
        List<Check.Join> joins = joins(node.get("join"));
        Remediation remediation = remediation(node.get("remediation"));
        Map<String, String> references = stringMap(node.get("references"), "references");
        List<String> tags = stringList(node.get("tags"), "tags");
        String description = text(node, "description", false);
        if (!problems.isEmpty() || id == null || title == null || severity == null || type == null || assertion == null) {
            return null;
        }
        CheckInfo info = new CheckInfo(id, title, severity, type, description, remediation, references, tags, file);
        return new Check(info, when, assertion, message, joins);
    }

    private void problem(String what) {
        problems.add(label + ": " + what);
    }

    private String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                problem("field '" + field + "' is required");
            }
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            problem("field '" + field + "' must be a non-empty string");
            return null;
        }
        return v.asText().trim();
    }

    private Severity severity(JsonNode node) {
        String s = text(node, "severity", true);
        if (s == null) {
            return null;
        }
        try {
            return Severity.parse(s);
        } catch (IllegalArgumentException e) {
            problem("field 'severity' " + e.getMessage());
            return null;
        }
    }

    private CelAbstractSyntaxTree compile(JsonNode node, String field, CelKind expected) {
        String expr = text(node, field, true);
        return expr == null ? null : compileExpression(field, expr, expected);
    }

    private CelAbstractSyntaxTree compileExpression(String field, String expr, CelKind expected) {
        if (!compileCel) {
            return PLACEHOLDER;
        }
        try {
            CelAbstractSyntaxTree ast = CelEnvironment.compiler().compile(expr).getAst();
            CelKind kind = ast.getResultType().kind();
            boolean joinKey = expected == CelKind.DYN && (kind == CelKind.STRING || kind == CelKind.LIST);
            if (kind != expected && kind != CelKind.DYN && !joinKey) {
                problem("field '" + field + "' must evaluate to " + (expected == CelKind.DYN ? "a string or a list of strings"
                        : expected.name().toLowerCase(Locale.ROOT))
                        + ", but evaluates to " + ast.getResultType().name());
                return null;
            }
            return ast;
        } catch (CelValidationException e) {
            problem("field '" + field + "' is not valid CEL: " + e.getMessage().replace('\n', ' '));
            return null;
        }
    }

    private List<Check.Join> joins(JsonNode node) {
        List<Check.Join> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            problem("field 'join' must be a mapping of name to {type, on, match}");
            return out;
        }
        node.fields().forEachRemaining(e -> {
            Check.Join j = join(e.getKey(), e.getValue());
            if (j != null) {
                out.add(j);
            }
        });
        return out;
    }

    private Check.Join join(String name, JsonNode spec) {
        String where = "join." + name;
        if (!spec.isObject()) {
            problem("field '" + where + "' must be a mapping with type, on and optional match");
            return null;
        }
        spec.fieldNames().forEachRemaining(f -> {
            if (!JOIN_FIELDS.contains(f)) {
                problem("unknown field '" + where + "." + f + "' (allowed: key, match, on, type)");
            }
        });
        String type = text(spec, "type", false);
        String on = text(spec, "on", false);
        if (type == null || on == null) {
            problem("field '" + where + "' needs both 'type' and 'on'");
            return null;
        }
        if (spec.has("key")) {
            if (spec.has("match")) {
                problem("field '" + where + "' takes either 'match' or 'key', not both");
                return null;
            }
            String keySource = text(spec, "key", true);
            CelAbstractSyntaxTree onAst = compileExpression(where + ".on", on, CelKind.DYN);
            CelAbstractSyntaxTree keyAst = keySource == null ? null : compileExpression(where + ".key", keySource, CelKind.STRING);
            return onAst == null || keyAst == null ? null
                    : new Check.Join(name, type, on + "\u0000key:" + keySource, onAst, Check.Join.Match.KEY, keyAst);
        }
        String m = spec.has("match") ? spec.get("match").asText() : "id";
        Check.Join.Match match;
        if (m.equals("id")) {
            match = Check.Join.Match.ID;
        } else if (m.equals("scope")) {
            match = Check.Join.Match.SCOPE;
        } else {
            problem("field '" + where + ".match' must be one of id, scope, was '" + m + "'");
            return null;
        }
        CelAbstractSyntaxTree ast = compileExpression(where + ".on", on, CelKind.DYN);
        return ast == null ? null : new Check.Join(name, type, on, ast, match, null);
    }

    private Remediation remediation(JsonNode node) {
        if (node == null) {
            return Remediation.none();
        }
        if (node.isTextual()) {
            return new Remediation(node.asText(), "", "");
        }
        Map<String, String> m = stringMap(node, "remediation");
        m.keySet().stream().filter(k -> !REMEDIATION_FIELDS.contains(k))
                .forEach(k -> problem("unknown field 'remediation." + k + "' (allowed: cli, terraform, text)"));
        return new Remediation(m.get("text"), m.get("cli"), m.get("terraform"));
    }

    private Map<String, String> stringMap(JsonNode node, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject()) {
            problem("field '" + field + "' must be a mapping");
            return out;
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode()) {
                problem("field '" + field + "." + e.getKey() + "' must be a string");
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        });
        return out;
    }

    private List<String> stringList(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!node.isArray()) {
            problem("field '" + field + "' must be a list of strings");
            return out;
        }
        node.forEach(v -> out.add(v.asText()));
        return out;
    }
}
