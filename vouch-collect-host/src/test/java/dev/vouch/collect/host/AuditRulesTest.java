package dev.vouch.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class AuditRulesTest {
    @TempDir
    Path tmp;

    @Test
    void parsesControlWatchAndSyscallLines() {
        AuditRules r = new AuditRules();
        r.parse("/etc/audit/rules.d/x.rules", List.of(
                "## comment", "-D", "-b 8192", "--backlog_wait_time 60000", "-f 1",
                "-w /etc/passwd -p wa -k identity",
                "-w /var/run/faillock/ -p wa -k logins",
                "-a always,exit -F arch=b64 -S adjtimex,settimeofday -S clock_settime -F key=time-change",
                "-a exit,always -F arch=b32 -F path=/etc/shadow -F perm=wa -F auid>=1000 -k identity",
                "-a never,exit -F arch=b64 -F dir=/dev/shm/ -F key=sharedmemaccess",
                "-e 2"));

        assertThat(r.deleteAll).isTrue();
        assertThat(r.backlog).isEqualTo(8192L);
        assertThat(r.failureMode).isEqualTo(1L);
        assertThat(r.enabled).isEqualTo(2L);
        assertThat(r.watches).extracting(w -> w.get("path") + " " + w.get("perms") + " " + w.get("form"))
                .containsExactly("/etc/passwd wa watch", "/var/run/faillock wa watch", "/etc/shadow wa rule");
        assertThat(r.syscallRules).hasSize(3);
        Map<String, Object> time = r.syscallRules.get(0);
        assertThat(time).containsEntry("action", "always").containsEntry("list", "exit").containsEntry("arch", "b64")
                .containsEntry("syscalls", List.of("adjtimex", "settimeofday", "clock_settime"))
                .containsEntry("key", "time-change").containsEntry("line", 8L);
        assertThat(r.syscallRules.get(1)).containsEntry("action", "always").containsEntry("list", "exit")
                .containsEntry("fields", List.of("path=/etc/shadow", "perm=wa", "auid>=1000"));
        assertThat(r.keys).containsExactly("identity", "logins", "time-change");
        assertThat(r.problems).isEmpty();
    }

    @Test
    void aBrokenLineIsAProblemNamingFileAndLineAndTheRestIsRead() {
        AuditRules r = new AuditRules();
        r.parse("/etc/audit/rules.d/bad.rules", List.of("-b lots", "-w /etc/group -p wa -k identity"));
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.origin().location()).isEqualTo("/etc/audit/rules.d/bad.rules");
            assertThat(p.origin().line()).isEqualTo(1);
        });
        assertThat(r.watches).hasSize(1);
    }

    @Test
    void collectorPrefersLoadedRulesAndReadsAuditdConf() {
        TestRoot root = new TestRoot(tmp)
                .file("/etc/audit/auditd.conf", "max_log_file_action = ROTATE", "space_left_action = email", "num_logs = 5")
                .file("/etc/audit/rules.d/10.rules", "-w /etc/hosts -p wa -k net")
                .command("auditctl_-l.out", "-w /etc/sudoers -p wa -k scope\n")
                .command("auditctl_-s.out", "enabled 2\nfailure 1\n")
                .command("systemctl_is-active_auditd.out", "active");
        Resource r = root.byType().get("linux.auditd");

        assertThat(r.properties()).containsEntry("installed", true).containsEntry("active", true)
                .containsEntry("rulesSource", "auditctl -l").containsEntry("immutable", true)
                .containsEntry("maxLogFileAction", "rotate").containsEntry("spaceLeftAction", "email")
                .containsEntry("numLogs", 5L);
        assertThat((List<Object>) r.properties().get("watches")).singleElement()
                .satisfies(w -> assertThat((Map<String, Object>) w).containsEntry("path", "/etc/sudoers"));
    }

    @Test
    void withoutLoadedRulesReadsRulesDInNameOrder() {
        TestRoot root = new TestRoot(tmp).file("/etc/audit/auditd.conf", "")
                .file("/etc/audit/rules.d/99-finalize.rules", "-e 2")
                .file("/etc/audit/rules.d/10-base.rules", "-D", "-w /etc/passwd -p wa -k identity")
                .file("/etc/audit/rules.d/README", "-w /ignored -p wa")
                .file("/etc/audit/audit.rules", "-w /generated -p wa");
        Resource r = root.byType().get("linux.auditd");
        assertThat(r.properties()).containsEntry("rulesSource", "/etc/audit/rules.d").containsEntry("immutable", true)
                .containsEntry("enabledFlag", 2L).containsEntry("active", false);
        assertThat((List<Object>) r.properties().get("watches")).hasSize(1);
    }
}
