package dev.vouch.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {
    @TempDir
    Path tmp;

    @Test
    void directoryRunnerReplaysOutputAndExitCode() {
        new TestRoot(tmp).file("/systemctl_is-active_auditd.out", "inactive").file("/systemctl_is-active_auditd.rc", "3");
        CommandRunner runner = CommandRunner.fromDirectory(tmp);

        assertThat(runner.run(List.of("systemctl", "is-active", "auditd"), CommandRunner.DEFAULT_TIMEOUT))
                .isEqualTo(new CommandRunner.Completed(3, "inactive\n"));
        assertThat(runner.run(List.of("/usr/sbin/sshd", "-T"), CommandRunner.DEFAULT_TIMEOUT))
                .isInstanceOf(CommandRunner.NotAvailable.class);
    }

    @Test
    void fileNamesJoinArgvWithUnderscores() {
        assertThat(DirectoryCommandRunner.fileName(List.of("/usr/sbin/sshd", "-T"))).isEqualTo("sshd_-T");
        assertThat(DirectoryCommandRunner.fileName(List.of("nft", "list", "ruleset"))).isEqualTo("nft_list_ruleset");
        assertThat(DirectoryCommandRunner.fileName(List.of("systemctl", "is-enabled", "dnf-automatic.timer")))
                .isEqualTo("systemctl_is-enabled_dnf-automatic.timer");
        assertThat(DirectoryCommandRunner.fileName(List.of("x", "../../etc/passwd"))).isEqualTo("x_.._.._etc_passwd");
    }

    @Test
    void systemRunnerRunsWithoutShellAndReportsMissingPrograms() {
        CommandRunner runner = CommandRunner.system();
        assertThat(runner.run(List.of("echo", "a b", "$HOME"), CommandRunner.DEFAULT_TIMEOUT))
                .isEqualTo(new CommandRunner.Completed(0, "a b $HOME\n"));
        assertThat(runner.run(List.of("false"), CommandRunner.DEFAULT_TIMEOUT))
                .isEqualTo(new CommandRunner.Completed(1, ""));
        assertThat(runner.run(List.of("vouch-no-such-program"), CommandRunner.DEFAULT_TIMEOUT))
                .isEqualTo(new CommandRunner.NotAvailable("vouch-no-such-program: not installed"));
    }

    @Test
    void liveCommandsNeverRunForAFixtureRoot() {
        CommandRunner exploding = (cmd, timeout) -> {
            throw new AssertionError("ran " + cmd);
        };
        new TestRoot(tmp).file("/etc/hostname", "fixture");
        var c = new HostCollector(TestRoot.CLOCK, exploding).collect(tmp);
        assertThat(c.resources()).hasSize(9);
    }
}
