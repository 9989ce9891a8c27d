package dev.vouch.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class SudoersParserTest {
    @TempDir
    Path tmp;

    @Test
    void followsIncludesAndIncludeDirSkippingDottedAndBackupFiles() {
        TestRoot root = new TestRoot(tmp)
                .file("/etc/sudoers", "Defaults env_reset", "Defaults use_pty", "root ALL=(ALL:ALL) ALL",
                        "#include extra", "@includedir /etc/sudoers.d")
                .file("/etc/extra", "%wheel ALL = (ALL) ALL")
                .file("/etc/sudoers.d/10-ops", "deploy ALL=(ALL) NOPASSWD:ALL")
                .file("/etc/sudoers.d/20-old~", "backup ALL=(ALL) NOPASSWD: ALL")
                .file("/etc/sudoers.d/30.disabled", "disabled ALL=(ALL) NOPASSWD: ALL");
        SudoersParser.Result r = new SudoersParser(root.files()).parse("/etc/sudoers");

        assertThat(r.files()).containsExactly("/etc/sudoers", "/etc/extra", "/etc/sudoers.d/10-ops");
        assertThat(r.rules()).extracting(m -> m.get("users")).containsExactly("root", "%wheel", "deploy");
        Map<String, Object> deploy = r.rules().get(2);
        assertThat(deploy).containsEntry("nopasswd", true).containsEntry("allCommands", true)
                .containsEntry("runas", "ALL").containsEntry("file", "/etc/sudoers.d/10-ops").containsEntry("line", 1L);
        assertThat(r.rules().get(0)).containsEntry("nopasswd", false).containsEntry("runas", "ALL:ALL");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void includeCycleIsReadOnceAndReported() {
        TestRoot root = new TestRoot(tmp)
                .file("/etc/sudoers", "root ALL=(ALL) ALL", "@include /etc/sudoers.local")
                .file("/etc/sudoers.local", "#include /etc/sudoers", "ops ALL=(ALL) ALL");
        SudoersParser.Result r = new SudoersParser(root.files()).parse("/etc/sudoers");

        assertThat(r.rules()).extracting(m -> m.get("users")).containsExactly("root", "ops");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("cycle"));
    }

    @Test
    void defaultsAreSplitIntoSettingsWithScopeNegationAndValues() {
        TestRoot root = new TestRoot(tmp).file("/etc/sudoers",
                "Defaults\tenv_keep += \"LANG LC_*\", logfile=/var/log/sudo.log",
                "Defaults:millert !authenticate",
                "Defaults !use_pty",
                "Cmnd_Alias SHELLS = /bin/sh, \\",
                "   /bin/bash",
                "FULLTIMERS ALL = (ALL:ALL) NOPASSWD: ALL   # comment");
        Resource res = root.byType().get("linux.sudoers");
        List<?> defaults = (List<Object>) res.properties().get("defaults");

        assertThat(defaults).hasSize(4);
        assertThat((Map<String, Object>) defaults.get(0)).containsEntry("name", "env_keep").containsEntry("operator", "+=")
                .containsEntry("value", "LANG LC_*");
        assertThat((Map<String, Object>) defaults.get(2)).containsEntry("scope", ":millert").containsEntry("negated", true);
        assertThat(res.properties()).containsEntry("logfile", "/var/log/sudo.log").containsEntry("usePty", false)
                .containsEntry("noAuthenticate", List.of("/etc/sudoers:2"))
                .containsEntry("nopasswdRules", List.of("/etc/sudoers:6"));
    }

    @Test
    void missingSudoersMeansNotInstalledAndUnreadableIsAnError() {
        assertThat(new TestRoot(tmp).file("/etc/hostname", "h").byType().get("linux.sudoers").properties())
                .containsEntry("installed", false);
        TestRoot unreadable = new TestRoot(tmp).file("/etc/sudoers", "root ALL=(ALL) ALL", "@includedir /etc/sudoers.d")
                .file("/etc/sudoers.d/ops", "ops ALL=(ALL) ALL").file("/_unreadable", "/etc/sudoers.d/ops");
        Resource r = unreadable.byType().get("linux.sudoers");
        assertThat(r.errors()).containsExactly("sudoers file could not be read: /etc/sudoers.d/ops: permission denied");
    }

    @Test
    void stripsTagsAndOptionsBeforeCommands() {
        Map<String, Object> r = SudoRule.parse("/etc/sudoers", 3,
                "bob SPARC = (OP) NOEXEC: SETENV: ALL : SGI = (OP) ALL");
        assertThat(r).containsEntry("users", "bob").containsEntry("hosts", "SPARC").containsEntry("runas", "OP")
                .containsEntry("allCommands", true).containsEntry("nopasswd", false);
        Map<String, Object> cd = SudoRule.parse("/etc/sudoers", 4, "jill, jack ALL = CWD=* /usr/bin/, !SU");
        assertThat(cd).containsEntry("users", "jill,jack").containsEntry("commands", "/usr/bin/, !SU")
                .containsEntry("allCommands", false);
    }
}
