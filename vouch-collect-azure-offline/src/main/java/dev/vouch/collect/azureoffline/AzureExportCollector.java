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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Offline Azure exports: {@code az … -o json} output and ARM REST responses (including REST API example
 * files and directories of paged responses), normalized to Vouch resources with ARM REST property names.
 * Source {@code azure-export}. See docs/azure-offline.md.
 */
public final class AzureExportCollector implements Collector {
    public static final String SOURCE = "azure-export";

    private final Clock clock;
    private final ResourceNormalizer normalizer;

    public AzureExportCollector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.normalizer = new ResourceNormalizer(ArmTypeTable.load());
    }

    @Override
    public String source() {
        return SOURCE;
    }

    /**
     * @param path one JSON file, or a directory read recursively for {@code *.json}
     * @throws IllegalArgumentException when the path is missing or holds no JSON file
     */
    @Override
    public Collection collect(Path path) {
        SourceFiles sources = SourceFiles.of(path, "Azure export", ".json");
        Instant now = clock.instant();
        Run run = new Run(now);
        for (Path file : sources.files()) {
            run.read(file, sources.display(file));
        }
        List<Resource> resources = new ArrayList<>(run.resources);
        resources.addAll(run.subscriptions.synthetic(now));
        return new Collection(resources, run.errors);
    }

    /** The state of one collect call. */
    private final class Run {
        private final Instant now;
        private final List<Resource> resources = new ArrayList<>();
        private final List<CollectionError> errors = new ArrayList<>();
        private final Set<String> seenIds = new HashSet<>();
        private final SubscriptionLedger subscriptions = new SubscriptionLedger();

        Run(Instant now) {
            this.now = now;
        }

        void read(Path file, String display) {
            java.util.Optional<LocatedJson> read = LocatedJson.read(file, SOURCE, display, errors);
            if (read.isEmpty()) {
                return;
            }
            LocatedJson json = read.get();
            ExportShapes.Found found = ExportShapes.find(json.root());
            for (ExportShapes.Misfit misfit : found.misfits()) {
                String where = misfit.index() < 0 ? "the document" : "item " + misfit.index();
                errors.add(new CollectionError(Origin.of(SOURCE, display),
                        where + " is " + misfit.what() + ", expected an Azure resource object"));
            }
            for (Map<String, Object> object : found.objects()) {
                add(object, new Origin(SOURCE, display, json.lineOf(object)));
            }
        }

        private void add(Map<String, Object> object, Origin origin) {
            Resource resource;
            try {
                resource = normalizer.normalize(object, origin, now).build();
            } catch (ResourceNormalizer.InvalidResource e) {
                errors.add(new CollectionError(origin, e.getMessage()));
                return;
            }
            // The same resource in several files (a list page and a get) is kept once: the first read wins.
            if (seenIds.add(resource.id().toLowerCase(Locale.ROOT))) {
                resources.add(resource);
                subscriptions.saw(resource);
            }
        }
    }
}
