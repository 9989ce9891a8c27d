package dev.vouch.collect.host;

import dev.vouch.collect.Collector;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import java.nio.file.Files;
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
 * The local Linux host (source {@code host}): one {@code linux.<area>} resource per area, id
 * {@code host:<hostname>/<area>}. {@code collect(root)} reads files under {@code root}: {@code /} for
 * the live host (commands run through the injected runner), or a directory laid out like a root
 * (commands replayed from {@code <root>/_commands}, see {@link CommandRunner#fromDirectory}); live
 * commands never run for a root other than {@code /}. See docs/host.md.
 */
public final class HostCollector implements Collector {
    private static final Logger LOG = LoggerFactory.getLogger(HostCollector.class);
    private static final Map<String, AreaReader> AREAS = areas();

    private final Clock clock;
    private final CommandRunner runner;

    public HostCollector(Clock clock, CommandRunner runner) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    private static Map<String, AreaReader> areas() {
        Map<String, AreaReader> m = new LinkedHashMap<>();
        m.put("accounts", new AccountsReader());
        m.put("sudoers", new SudoersReader());
        m.put("sshd", new SshdReader());
        m.put("auditd", new AuditdReader());
        m.put("time_sync", new TimeSyncReader());
        m.put("firewall", new FirewallReader());
        m.put("updates", new UpdatesReader());
        m.put("services", new ServicesReader());
        m.put("files", new FilesReader());
        return m;
    }

    @Override
    public String source() {
        return "host";
    }

    @Override
    public Collection collect(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Host root " + root + " is not a directory");
        }
        HostFiles files = HostFiles.open(root);
        CommandRunner commands = files.live() ? runner : CommandRunner.fromDirectory(files.root().resolve("_commands"));
        HostContext ctx = new HostContext(files, commands);
        String host = hostname(files);
        Instant now = clock.instant();
        List<Resource> resources = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        AREAS.forEach((area, reader) -> {
            AreaData data = readSafely(area, reader, ctx);
            resources.add(toResource(host, data, now));
            errors.addAll(data.problems());
        });
        return new Collection(resources, errors);
    }

    private static AreaData readSafely(String area, AreaReader reader, HostContext ctx) {
        try {
            return reader.read(ctx);
        } catch (RuntimeException e) {
            LOG.warn("Reading host area {} failed", area, e);
            return AreaData.builder(area, "/").error("reading " + area + " failed: " + e.getMessage()).build();
        }
    }

    private static Resource toResource(String host, AreaData data, Instant now) {
        Resource.Builder b = Resource.builder("linux." + data.area(), "host:" + host + "/" + data.area())
                .name(host + " " + data.area())
                .provider("linux")
                .scope(host)
                .properties(new LinkedHashMap<>(data.properties()))
                .origin(new Origin("host", data.origin(), 0))
                .collectedAt(now);
        data.errors().forEach(b::error);
        return b.build();
    }

    /** The first word of /etc/hostname, or {@code localhost}. */
    static String hostname(HostFiles files) {
        return files.lines("/etc/hostname").stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> Text.words(l).get(0)).findFirst().orElse("localhost");
    }
}
