package dev.vouch.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class ServicesAndFirewallTest {
    @TempDir
    Path tmp;

    @Test
    void parsesSsOutputAndFlagsRiskyServices() {
        TestRoot root = new TestRoot(tmp)
                .command("ss_-tlnpH.out", String.join("\n",
                        "LISTEN 0      4096   127.0.0.53%lo:53        0.0.0.0:*    users:((\"systemd-resolve\",pid=512,fd=14))",
                        "LISTEN 0      128          0.0.0.0:22        0.0.0.0:*    users:((\"sshd\",pid=901,fd=3))",
                        "LISTEN 0      64                 *:23              *:*    users:((\"inetd\",pid=77,fd=5))",
                        "LISTEN 0      128             [::]:6001         [::]:*"))
                .command("ss_-ulnpH.out", "UNCONN 0 0 0.0.0.0:69 0.0.0.0:* users:((\"in.tftpd\",pid=3,fd=0))\n");
        Resource r = root.byType().get("linux.services");
        List<?> listening = (List<Object>) r.properties().get("listening");

        assertThat(listening).hasSize(5);
        assertThat((Map<String, Object>) listening.get(0)).containsEntry("address", "127.0.0.53").containsEntry("port", 53L)
                .containsEntry("process", "systemd-resolve").containsEntry("loopback", true);
        assertThat((List<Object>) r.properties().get("riskyServices"))
                .extracting(m -> ((Map<String, Object>) m).get("service") + "/" + ((Map<String, Object>) m).get("address"))
                .containsExactly("telnet/0.0.0.0", "x11/::", "tftp/0.0.0.0");
    }

    @Test
    void fallsBackToProcNet() {
        TestRoot root = new TestRoot(tmp)
                .file("/proc/net/tcp",
                        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                        "   0: 0100007F:0CEA 00000000:0000 0A 00000000:00000000 00:00000000 00000000   113        0 20811 1",
                        "   1: 0100007F:0CEA 0100007F:D3C4 01 00000000:00000000 00:00000000 00000000   113        0 20812 1")
                .file("/proc/net/tcp6",
                        "  sl  local_address                         remote_address                        st",
                        "   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A",
                        "   1: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A");
        Resource r = root.byType().get("linux.services");
        assertThat(r.properties()).containsEntry("source", "/proc/net");
        assertThat((List<Object>) r.properties().get("listening"))
                .extracting(m -> ((Map<String, Object>) m).get("address") + " " + ((Map<String, Object>) m).get("port"))
                .containsExactly("127.0.0.1 3306", ":: 22", "::1 8080");
    }

    @Test
    void nftablesInputPolicyAndUfwDefaults() {
        TestRoot root = new TestRoot(tmp)
                .command("nft_list_ruleset.out", "table inet filter {\n chain input {\n  type filter hook input priority 0; policy drop;\n }\n}\n")
                .file("/etc/ufw/ufw.conf", "ENABLED=yes").file("/etc/default/ufw", "DEFAULT_INPUT_POLICY=\"ACCEPT\"")
                .file("/usr/sbin/ufw", "");
        Resource r = root.byType().get("linux.firewall");
        assertThat(r.properties()).containsEntry("active", true).containsEntry("defaultDeny", true)
                .containsEntry("activeFirewalls", List.of("nftables", "ufw"));
        assertThat((Map<String, Object>) r.properties().get("ufw")).containsEntry("defaultDeny", false)
                .containsEntry("defaultInputPolicy", "ACCEPT");
    }

    @Test
    void noSocketSourceIsAnError() {
        Resource r = new TestRoot(tmp).file("/etc/hostname", "h").byType().get("linux.services");
        assertThat(r.errors()).singleElement().asString().contains("listening sockets unknown");
    }
}
