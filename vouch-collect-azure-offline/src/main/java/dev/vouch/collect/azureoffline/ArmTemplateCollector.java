package dev.vouch.collect.azureoffline;

import dev.vouch.collect.files.SourceFiles;
import dev.vouch.collect.files.LocatedJson;
import dev.vouch.collect.Collector;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARM deployment templates (JSON with a {@code $schema} naming {@code deploymentTemplate}), with values
 * from a sibling {@code <name>.parameters.json}. Resources normalize like ARM REST responses; values the
 * template cannot tell offline are left out and listed in {@code Resource.unknowns}. Source {@code arm}.
 */
public final class ArmTemplateCollector implements Collector {
    public static final String SOURCE = "arm";
    static final String RESOURCE_GROUP_PLACEHOLDER = "{resourceGroup}";
    private static final Logger LOG = LoggerFactory.getLogger(ArmTemplateCollector.class);

    private final Clock clock;
    private final ResourceNormalizer normalizer;

    public ArmTemplateCollector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.normalizer = new ResourceNormalizer(ArmTypeTable.load());
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /**
     * @param path a template file, or a directory read recursively for templates and their parameter files
     * @throws IllegalArgumentException when the path is missing or holds no JSON file
     */
    @Override
    public Collection collect(Path path) {
        SourceFiles sources = SourceFiles.of(path, "ARM template", ".json");
        Instant now = clock.instant();
        List<Resource> resources = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        Map<Path, LocatedJson> parsed = new LinkedHashMap<>();
        for (Path file : sources.files()) {
            LocatedJson.read(file, SOURCE, sources.display(file), errors).ifPresent(json -> parsed.put(file, json));
        }
        boolean single = sources.files().size() == 1;
        parsed.forEach((file, json) -> {
            String display = sources.display(file);
            if (TemplateFile.isTemplate(json.root())) {
                Path paramsFile = TemplateFile.parametersFileFor(file);
                LocatedJson params = parsed.containsKey(paramsFile) ? parsed.get(paramsFile)
                        : java.nio.file.Files.isRegularFile(paramsFile)
                        ? LocatedJson.read(paramsFile, SOURCE, sources.display(paramsFile), errors).orElse(null) : null;
                TemplateFile template = new TemplateFile(display, json, params, normalizer, now);
                Collection c = template.collect();
                resources.addAll(c.resources());
                errors.addAll(c.errors());
            } else if (single) {
                errors.add(new CollectionError(Origin.of(SOURCE, display),
                        display + ": not an ARM deployment template (no $schema naming deploymentTemplate)"));
            } else if (!TemplateFile.isParameters(json.root())) {
                LOG.debug("skipping {}: not an ARM template", display);
            }
        });
        return new Collection(resources, errors);
    }

}
