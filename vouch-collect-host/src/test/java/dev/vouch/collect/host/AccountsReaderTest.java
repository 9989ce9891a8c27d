package dev.vouch.collect.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Resource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsReaderTest {
    @TempDir
    Path tmp;

    private TestRoot root() {
        return new TestRoot(tmp)
                .file("/etc/hostname", "web-01.example.com")
                .file("/etc/passwd", "root:x:0:0:root:/root:/bin/bash", "toor:x:0:0::/root:/bin/sh",
                        "old:$1$abc$def:1000:1000::/home/old:/bin/sh", "nopw::1001:1001::/home/nopw:/bin/sh",
                        "dana:x:1002:1002::/home/dana:/bin/bash", "dana:x:1003:1003::/home/dana2:/bin/bash")
                .file("/etc/shadow", "root:*:19800:0:99999:7:::", "dana::19800:0:99999:7:::", "dana:!:19800::::::")
                .file("/etc/group", "root:x:0:", "shadow:x:42:", "dana:x:1002:")
                .file("/etc/gshadow", "root:*::")
                .file("/etc/login.defs", "# PASS_MAX_DAYS 1", "PASS_MAX_DAYS\t90", "UID_MIN 1000")
                .file("/_stat", "/etc/shadow 0640 0 42", "/etc/passwd 0644 0 0");
    }

    @Test
    void findsUid0EmptyUnshadowedAndDuplicateAccounts() {
        Resource r = root().byType().get("linux.accounts");

        assertThat(r.id()).isEqualTo("host:web-01.example.com/accounts");
        assertThat(r.scope()).isEqualTo("web-01.example.com");
        assertThat(r.provider()).isEqualTo("linux");
        assertThat(r.origin().location()).isEqualTo("/etc/passwd");
        assertThat(r.errors()).isEmpty();
        assertThat(r.properties())
                .containsEntry("uid0Accounts", List.of("root", "toor"))
                .containsEntry("emptyPasswordAccounts", List.of("nopw", "dana"))
                .containsEntry("unshadowedAccounts", List.of("old", "nopw"))
                .containsEntry("duplicateNames", List.of("dana"))
                .containsEntry("duplicateUids", List.of("0"))
                .containsEntry("passMaxDays", 90L)
                .containsEntry("uidMin", 1000L);
    }

    @Test
    void statsComeFromTheStatMarkerWithNamesResolved() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> files =
                (Map<String, Map<String, Object>>) root().byType().get("linux.accounts").properties().get("files");
        assertThat(files.get("/etc/shadow")).containsEntry("mode", "0640").containsEntry("perms", "rw-r-----")
                .containsEntry("uid", 0L).containsEntry("gid", 42L).containsEntry("owner", "root")
                .containsEntry("group", "shadow").containsEntry("exists", true);
        assertThat(files.get("/etc/gshadow")).containsEntry("exists", true).containsKey("mode");
    }

    @Test
    void unreadableShadowIsAnErrorNeverASilentPass() {
        Resource r = root().file("/_unreadable", "/etc/shadow").byType().get("linux.accounts");
        assertThat(r.errors()).containsExactly("/etc/shadow could not be read: permission denied");
    }

    @Test
    void missingPasswdIsAnErrorAndHostnameFallsBackToLocalhost() {
        Resource r = new TestRoot(tmp).file("/etc/shadow", "root:*:1::::::").byType().get("linux.accounts");
        assertThat(r.id()).isEqualTo("host:localhost/accounts");
        assertThat(r.errors()).contains("/etc/passwd does not exist", "/etc/group does not exist");
    }
}
