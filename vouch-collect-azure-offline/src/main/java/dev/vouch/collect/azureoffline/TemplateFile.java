package dev.vouch.collect.azureoffline;

import dev.vouch.collect.files.LocatedJson;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One ARM template file (plus its optional parameters file) turned into resources. */
final class TemplateFile {
    private final String display;
    private final LocatedJson template;
    private final LocatedJson parameters;
    private final ResourceNormalizer normalizer;
    private final Instant now;

    TemplateFile(String display, LocatedJson template, LocatedJson parameters, ResourceNormalizer normalizer, Instant now) {
        this.display = display;
        this.template = template;
        this.parameters = parameters;
        this.normalizer = normalizer;
        this.now = now;
    }

    static boolean isTemplate(Object root) {
        return schema(root).contains("deploymenttemplate");
    }

    static boolean isParameters(Object root) {
        return schema(root).contains("deploymentparameters");
    }

    private static String schema(Object root) {
        Map<String, Object> map = JsonValues.asMap(root);
        String schema = map == null ? null : JsonValues.asString(map.get("$schema"));
        return schema == null ? "" : schema.toLowerCase(Locale.ROOT);
    }

    /** {@code main.json} -> {@code main.parameters.json} beside it. */
    static Path parametersFileFor(Path templateFile) {
        String name = templateFile.getFileName().toString();
        String stem = name.substring(0, name.length() - ".json".length());
        return templateFile.resolveSibling(stem + ".parameters.json");
    }

    Collection collect() {
        Map<String, Object> root = JsonValues.asMap(template.root());
        String scope = "arm:" + display;
        boolean subscriptionLevel = schema(root).contains("subscriptiondeploymenttemplate");
        TemplateEvaluator evaluator = new TemplateEvaluator(JsonValues.asMap(root.get("parameters")), suppliedValues(),
                JsonValues.asMap(root.get("variables")),
                new TemplateFunctions.Deployment(scope, ArmTemplateCollector.RESOURCE_GROUP_PLACEHOLDER, subscriptionLevel));
        TemplateResources walker = new TemplateResources(evaluator, template);
        walker.walk(root.get("resources"));

        List<Resource> resources = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        for (TemplateResources.Failed f : walker.failed()) {
            errors.add(new CollectionError(origin(f.line()), f.message()));
        }
        for (TemplateResources.Built b : walker.built()) {
            try {
                resources.add(normalizer.normalize(b.rest(), origin(b.line()), now)
                        .scope(scope).unknowns(b.unknowns()).build());
            } catch (ResourceNormalizer.InvalidResource e) {
                errors.add(new CollectionError(origin(b.line()), e.getMessage()));
            }
        }
        if (subscriptionLevel) {
            // A resource-group template is one feature's deployment, not a subscription: subscription-wide
            // checks (activity-log alerts, Defender plans) would judge it for what it never claims to hold.
            resources.add(subscription(scope));
        }
        return new Collection(resources, errors);
    }

    private Origin origin(int line) {
        return new Origin(ArmTemplateCollector.SOURCE, display, line);
    }

    /** Values from the parameters file; a Key Vault {@code reference} cannot be read offline. */
    private Map<String, Object> suppliedValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> root = parameters == null ? null : JsonValues.asMap(parameters.root());
        Map<String, Object> params = root == null ? null : JsonValues.asMap(root.get("parameters"));
        if (params != null) {
            params.forEach((name, spec) -> {
                Map<String, Object> s = JsonValues.asMap(spec);
                if (s != null && s.containsKey("value")) {
                    out.put(name, s.get("value"));
                } else if (s != null && s.containsKey("reference")) {
                    out.put(name, Unresolved.VALUE);
                }
            });
        }
        return out;
    }

    private Resource subscription(String scope) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("subscriptionId", scope);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("synthetic", Boolean.TRUE);
        return Resource.builder(SubscriptionLedger.SUBSCRIPTION_TYPE, scope).name(scope)
                .provider(ResourceNormalizer.PROVIDER).scope(scope).properties(properties).attributes(attributes)
                .origin(Origin.of(ArmTemplateCollector.SOURCE, display)).collectedAt(now).build();
    }
}
