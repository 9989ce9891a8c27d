package dev.vouch.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class SshdConfigParserTest {
    @TempDir
    Path tmp;

    @Test
    void includeGlobsAreReadInPlaceAndTheFirstValueWins() {
        TestRoot root = new TestRoot(tmp)
                .file("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf", "PasswordAuthentication yes",
                        "PermitRootLogin yes", "AllowUsers alice", "Include extra.d/*")
                .file("/etc/ssh/sshd_config.d/50-cloud.conf", "PasswordAuthentication no")
                .file("/etc/ssh/sshd_config.d/10-root.conf", "permitrootlogin=No", "AllowUsers bob")
                .file("/etc/ssh/sshd_config.d/README", "PermitRootLogin yes")
                .file("/etc/ssh/extra.d/x", "MaxAuthTries 3");
        SshdConfigParser.Result r = new SshdConfigParser(root.files()).parse("/etc/ssh/sshd_config");

        assertThat(r.files()).containsExactly("/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/10-root.conf",
                "/etc/ssh/sshd_config.d/50-cloud.conf", "/etc/ssh/extra.d/x");
        assertThat(r.config()).containsEntry("passwordauthentication", "no").containsEntry("permitrootlogin", "no")
                .containsEntry("allowusers", "bob alice").containsEntry("maxauthtries", "3");
    }

    @Test
    void matchBlocksAreRecordedAndDoNotChangeTheGlobalView() {
        TestRoot root = new TestRoot(tmp).file("/etc/ssh/sshd_config",
                "X11Forwarding no", "Match User anoncvs", "\tX11Forwarding yes", "\tAllowTcpForwarding no",
                "Match Address 10.0.0.0/8", "  PasswordAuthentication yes");
        SshdConfigParser.Result r = new SshdConfigParser(root.files()).parse("/etc/ssh/sshd_config");

        assertThat(r.config()).containsExactly(Map.entry("x11forwarding", "no"));
        assertThat(r.matchBlocks()).hasSize(2);
        assertThat(r.matchBlocks().get(0)).containsEntry("criteria", "User anoncvs").containsEntry("line", 2L)
                .containsEntry("config", Map.of("x11forwarding", "yes", "allowtcpforwarding", "no"));
    }

    @Test
    void defaultsFillAbsentKeywordsAndTimesBecomeSeconds() {
        TestRoot root = new TestRoot(tmp).file("/usr/sbin/sshd", "")
                .file("/etc/ssh/sshd_config", "ClientAliveInterval 5m", "LoginGraceTime 1h30s", "LogLevel verbose");
        Resource r = root.byType().get("linux.sshd");
        @SuppressWarnings("unchecked")
        Map<String, String> config = (Map<String, String>) r.properties().get("config");

        assertThat(r.properties()).containsEntry("installed", true).containsEntry("source", "/etc/ssh/sshd_config");
        assertThat(config).containsEntry("clientaliveinterval", "300").containsEntry("logingracetime", "3630")
                .containsEntry("loglevel", "VERBOSE").containsEntry("permitrootlogin", "prohibit-password")
                .containsEntry("passwordauthentication", "yes").containsEntry("maxauthtries", "6");
        assertThat((List<Object>) r.properties().get("defaultsApplied")).contains("permitrootlogin")
                .doesNotContain("clientaliveinterval");
    }

    @Test
    void sshdDashTOutputWinsOverTheFiles() {
        TestRoot root = new TestRoot(tmp).file("/etc/ssh/sshd_config", "PermitRootLogin yes")
                .command("sshd_-T.out", "permitrootlogin without-password\nallowusers a\nallowusers b\nloglevel INFO\n");
        Resource r = root.byType().get("linux.sshd");
        assertThat(r.properties()).containsEntry("source", "sshd -T")
                .containsEntry("config", Map.of("permitrootlogin", "without-password", "allowusers", "a b", "loglevel", "INFO"));
    }

    @Test
    void noConfigAndNoBinaryMeansNotInstalled() {
        Resource r = new TestRoot(tmp).file("/etc/hostname", "h").byType().get("linux.sshd");
        assertThat(r.properties()).containsEntry("installed", false);
        assertThat(r.errors()).isEmpty();
    }
}
