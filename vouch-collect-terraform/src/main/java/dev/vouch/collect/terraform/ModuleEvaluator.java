package dev.vouch.collect.terraform;

import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates one root module: variables (defaults, then tfvars), locals (lazily, with cycle
 * detection), and resources with {@code count}/{@code for_each}; references between resources are
 * resolved on demand. Produces one {@link TfResource} per resource instance.
 */
final class ModuleEvaluator implements Scope {
    private record Decl(Body.Block block, String file) {}

    private record LocalDecl(Body.Attribute attr, String file) {}

    private final ExprEvaluator ev;
    private final BodyEvaluator bodies;
    private final String dirLabel;
    private final String subscriptionId;
    private final List<CollectionError> errors;
    private final Map<String, Object> variables = new HashMap<>();
    private final Map<String, LocalDecl> localDecls = new HashMap<>();
    private final Map<String, Object> localValues = new HashMap<>();
    private final Map<String, Decl> resources = new LinkedHashMap<>();
    private final Map<String, List<TfResource>> expanded = new HashMap<>();
    private final Map<String, Object> resourceValues = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    ModuleEvaluator(ExprEvaluator ev, String dirLabel, String subscriptionId, List<CollectionError> errors) {
        this.ev = ev;
        this.bodies = new BodyEvaluator(ev, errors);
        this.dirLabel = dirLabel;
        this.subscriptionId = subscriptionId;
        this.errors = errors;
    }

    List<TfResource> evaluate(List<ModuleFiles.ParsedFile> files, Map<String, Object> tfvars) {
        for (ModuleFiles.ParsedFile f : files) {
            declare(f);
        }
        tfvars.forEach((k, v) -> {
            if (variables.containsKey(k)) {
                variables.put(k, v);
            }
        });
        List<TfResource> out = new ArrayList<>();
        for (String key : resources.keySet()) {
            out.addAll(expand(key));
        }
        return out;
    }

    private void declare(ModuleFiles.ParsedFile f) {
        for (Body.Block b : f.body().blocks()) {
            switch (b.type()) {
                case "variable" -> variables.put(b.label(0), variableDefault(b, f));
                case "locals" -> b.body().attributes().forEach(a -> localDecls.put(a.name(), new LocalDecl(a, f.relPath())));
                case "resource" -> resources.put(b.label(0) + "." + b.label(1), new Decl(b, f.relPath()));
                default -> { }
            }
        }
    }

    /**
     * A variable's {@code default}, or unknown when it has none. An explicit {@code default = null}
     * is a known null (an optional variable), not unknown: {@code var.x == null} is true.
     */
    private Object variableDefault(Body.Block b, ModuleFiles.ParsedFile f) {
        Optional<Body.Attribute> d = b.body().attribute("default");
        if (d.isEmpty()) {
            return Unknown.VALUE;
        }
        Body.Attribute a = d.get();
        return bodies.evalAttr(a.value(), Scope.empty(), f.relPath(), a.line(), "variable '" + b.label(0) + "' default");
    }

    @Override
    public Resolved resolve(String root, List<String> attrs) {
        switch (root) {
            case "var":
                return attrs.isEmpty() ? new Resolved(new LinkedHashMap<>(variables), 0) : new Resolved(variable(attrs.get(0)), 1);
            case "local":
                if (attrs.isEmpty()) {
                    throw new EvalException("'local' must be followed by an attribute name");
                }
                return new Resolved(local(attrs.get(0)), 1);
            case "data":
                return new Resolved(data(attrs), Math.min(2, attrs.size()));
            case "path", "module", "self", "count", "each":
                return new Resolved(Unknown.VALUE, 0);
            case "terraform":
                return new Resolved(Map.of("workspace", "default"), 0);
            default:
                break;
        }
        if (attrs.isEmpty()) {
            throw new EvalException("unknown name '" + root + "'");
        }
        String key = root + "." + attrs.get(0);
        if (!resources.containsKey(key)) {
            throw new EvalException("reference to undeclared resource " + key);
        }
        return new Resolved(resourceValue(key), 1);
    }

    private Object variable(String name) {
        if (!variables.containsKey(name)) {
            throw new EvalException("reference to undeclared input variable '" + name + "'");
        }
        return variables.get(name);
    }

    private Object local(String name) {
        if (localValues.containsKey(name)) {
            return localValues.get(name);
        }
        LocalDecl d = localDecls.get(name);
        if (d == null) {
            throw new EvalException("reference to undeclared local value '" + name + "'");
        }
        String guard = "local." + name;
        if (!inProgress.add(guard)) {
            throw new EvalException("cycle: local." + name + " refers to itself");
        }
        try {
            Object v = bodies.evalAttr(d.attr().value(), this, d.file(), d.attr().line(), "local." + name);
            localValues.put(name, v);
            return v;
        } finally {
            inProgress.remove(guard);
        }
    }

    private Object data(List<String> attrs) {
        String type = attrs.isEmpty() ? "" : attrs.get(0);
        if (type.equals("azurerm_subscription") || type.equals("azurerm_client_config")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", subscriptionId);
            m.put("subscription_id", subscriptionId);
            return new InstanceValue(m);
        }
        return Unknown.VALUE;
    }

    private Object resourceValue(String key) {
        if (!resourceValues.containsKey(key)) {
            expand(key);
        }
        return resourceValues.get(key);
    }

    private List<TfResource> expand(String key) {
        if (expanded.containsKey(key)) {
            return expanded.get(key);
        }
        if (!inProgress.add(key)) {
            throw new EvalException("cycle: " + key + " refers to itself");
        }
        try {
            Decl d = resources.get(key);
            List<TfResource> instances = new ResourceExpander(this, bodies, dirLabel).expand(key, d.block(), d.file(), resourceValues);
            expanded.put(key, instances);
            return instances;
        } finally {
            inProgress.remove(key);
        }
    }
}
