package dev.vouch.collect.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import dev.vouch.model.Collection;
import dev.vouch.model.Resource;

/** Builds a directory laid out like a filesystem root for a test. */
final class TestRoot {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC);
    final Path dir;

    TestRoot(Path dir) {
        this.dir = dir;
    }

    TestRoot file(String hostPath, String... lines) {
        try {
            Path p = dir.resolve(hostPath.substring(1));
            Files.createDirectories(p.getParent());
            Files.writeString(p, String.join("\n", lines) + "\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestRoot command(String fileName, String output) {
        return file("/_commands/" + fileName, output);
    }

    HostFiles files() {
        return HostFiles.open(dir);
    }

    Collection collect() {
        return new HostCollector(CLOCK, CommandRunner.system()).collect(dir);
    }

    Map<String, Resource> byType() {
        return collect().resources().stream().collect(Collectors.toMap(Resource::type, r -> r));
    }
}
