package dev.vouch.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vouch.model.Collection;
import dev.vouch.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Runs the collector on this machine's root: every area yields a resource, with data or a reason. */
class LiveHostSmokeTest {

    @Test
    void everyAreaYieldsAResourceOnTheLiveHost() {
        assumeTrue(Files.isRegularFile(Path.of("/etc/passwd")), "not a Linux host");
        Collection c = new HostCollector(TestRoot.CLOCK, CommandRunner.system()).collect(Path.of("/"));

        assertThat(c.resources()).extracting(Resource::type).containsExactly("linux.accounts", "linux.sudoers",
                "linux.sshd", "linux.auditd", "linux.time_sync", "linux.firewall", "linux.updates",
                "linux.services", "linux.files");
        for (Resource r : c.resources()) {
            assertThat(r.id()).startsWith("host:").endsWith("/" + r.type().substring(6));
            assertThat(r.provider()).isEqualTo("linux");
            assertThat(r.collectedAt()).isEqualTo(TestRoot.CLOCK.instant());
            assertThat(!r.properties().isEmpty() || !r.errors().isEmpty()).as(r.type()).isTrue();
            r.errors().forEach(e -> assertThat(e).as(r.type()).isNotBlank());
        }
        Resource accounts = c.resources().get(0);
        if (accounts.errors().isEmpty()) {
            assertThat(accounts.properties().get("uid0Accounts")).asList().contains("root");
        }
    }
}
