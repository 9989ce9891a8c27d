package dev.vouch.collect.graph;

import dev.vouch.collect.Collector;
import dev.vouch.collect.files.SourceFiles;
import dev.vouch.model.Collection;
import dev.vouch.model.Origin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Reads saved Microsoft Graph responses (a directory of {@code *.json}, recursively, or one file) and
 * normalizes them to {@code entra.user}, {@code entra.conditional_access_policy},
 * {@code entra.application} and one synthetic {@code entra.tenant} (docs/graph.md). One call reads one
 * tenant's export.
 */
public final class GraphExportCollector implements Collector {
    private final Clock clock;

    public GraphExportCollector(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String source() {
        return GraphObject.SOURCE;
    }

    @Override
    public Collection collect(Path path) {
        SourceFiles files = SourceFiles.of(path, "Graph export", ".json");
        ExportReader reader = new ExportReader();
        for (Path file : files.files()) {
            reader.read(file, files.display(file));
        }
        return GraphNormalizer.normalize(reader.objects(), reader.seen(), reader.errors(),
                Origin.of(GraphObject.SOURCE, files.display(path)), clock.instant());
    }
}
