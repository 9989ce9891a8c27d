package dev.vouch.collect.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conformance against real third-party files (../shared/fixtures/real/linux from the project root),
 * copied into a temporary root at test time; skipped when that folder is absent.
 */
class RealSamplesTest {
    @TempDir
    Path tmp;

    static Path realLinux() {
        for (Path p : List.of(Path.of("../../shared/fixtures/real/linux"), Path.of("../shared/fixtures/real/linux"))) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        assumeTrue(false, "real samples (shared/fixtures/real/linux) not present");
        return null;
    }

    private static List<Path> files(Path dir, String prefixOrSuffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(prefixOrSuffix) || n.contains(prefixOrSuffix);
            }).sorted().toList();
        }
    }

    private TestRoot rootWith(String hostPath, Path source) throws IOException {
        TestRoot root = new TestRoot(Files.createTempDirectory(tmp, "r"));
        Path target = root.dir.resolve(hostPath.substring(1));
        Files.createDirectories(target.getParent());
        Files.copy(source, target);
        return root;
    }

    @Test
    void everySshdConfigParsesAndTheHardenedOnesDisablePasswords() throws IOException {
        List<Path> configs = files(realLinux().resolve("ssh"), "sshd_config");
        assertThat(configs).isNotEmpty();
        for (Path cfg : configs) {
            SshdConfigParser.Result r = new SshdConfigParser(rootWith("/etc/ssh/sshd_config", cfg).files())
                    .parse("/etc/ssh/sshd_config");
            assertThat(r.problems()).as(cfg.toString()).isEmpty();
            assertThat(r.unreadable()).isEmpty();
            String name = cfg.getFileName().toString();
            if (name.startsWith("24cr") || name.startsWith("grapheneos")) {
                assertThat(r.config()).as(name).containsEntry("passwordauthentication", "no");
            }
            if (name.startsWith("24cr")) {
                assertThat(r.config()).containsEntry("permitrootlogin", "no").containsEntry("maxauthtries", "2")
                        .containsEntry("x11forwarding", "no").containsEntry("allowtcpforwarding", "no");
            }
            if (name.startsWith("grapheneos")) {
                assertThat(r.config()).containsEntry("clientaliveinterval", "60").containsEntry("maxauthtries", "1")
                        .containsEntry("logingracetime", "5");
            }
            if (name.startsWith("openssh-portable")) {
                assertThat(r.config()).doesNotContainKey("permitrootlogin").containsKey("subsystem");
            }
        }
    }

    @Test
    void everySudoersParsesWithRulesAndDefaults() throws IOException {
        List<Path> files = files(realLinux().resolve("sudoers"), "sudoers");
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            SudoersParser.Result r = new SudoersParser(rootWith("/etc/sudoers", f).files()).parse("/etc/sudoers");
            assertThat(r.rules()).as(f.toString()).isNotEmpty();
            String name = f.getFileName().toString();
            if (name.equals("debian-bookworm_sudoers")) {
                assertThat(r.problems()).isEmpty();
                assertThat(r.defaults()).anySatisfy(d -> assertThat(d).containsEntry("name", "use_pty"));
                assertThat(r.rules()).allSatisfy(x -> assertThat(x).containsEntry("nopasswd", false));
            }
            if (name.equals("24cr-debian-hardening_sudoers.d_admin")) {
                assertThat(r.rules()).singleElement().satisfies(x -> assertThat(x).containsEntry("nopasswd", true)
                        .containsEntry("users", "admin").containsEntry("allCommands", true));
            }
            if (name.equals("sudo-upstream_examples_sudoers.in")) {
                assertThat(r.problems()).isEmpty();
                assertThat(r.rules()).filteredOn(x -> Boolean.TRUE.equals(x.get("nopasswd")))
                        .extracting(x -> x.get("users")).containsExactly("FULLTIMERS", "fred", "ALL");
                assertThat(r.defaults()).anySatisfy(d -> assertThat(d).containsEntry("name", "authenticate")
                        .containsEntry("negated", true).containsEntry("scope", ":millert"));
            }
        }
    }

    @Test
    void everyAuditRulesFileParses() throws IOException {
        List<Path> files = files(realLinux().resolve("auditd"), ".rules");
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            AuditRules r = new AuditRules();
            r.parse(f.getFileName().toString(), Files.readAllLines(f));
            assertThat(r.problems).as(f.toString()).isEmpty();
            String name = f.getFileName().toString();
            if (name.equals("audit-userspace_30-stig.rules")) {
                assertThat(r.watches).extracting(w -> w.get("path"))
                        .contains("/etc/passwd", "/etc/shadow", "/etc/group", "/etc/gshadow");
            }
            if (name.equals("audit-userspace_99-finalize.rules")) {
                assertThat(r.enabled).as("-e 2 is commented out upstream").isNull();
            }
            if (name.equals("neo23x0-audit.rules")) {
                assertThat(r.deleteAll).isTrue();
                assertThat(r.keys).contains("auditlog", "modules");
            }
            if (name.equals("audit-userspace_10-base-config.rules")) {
                assertThat(r.deleteAll).isTrue();
                assertThat(r.backlog).isEqualTo(8192L);
            }
        }
    }
}
