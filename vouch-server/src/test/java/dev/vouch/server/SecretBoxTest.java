package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vouch.cli.workspace.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TOTP keys are sealed with a key outside the database; the wrong key says what to do. */
class SecretBoxTest {
    @TempDir
    Path dir;

    @Test
    void sealsWithAKeyFileMadeOnFirstUse() throws Exception {
        SecretBox box = SecretBox.forWorkspace(dir, Optional.empty());
        Path key = dir.resolve(SecretBox.FILE);
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        String sealed = box.seal("JBSWY3DPEHPK3PXP");
        assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(box.seal("JBSWY3DPEHPK3PXP")).isNotEqualTo(sealed); // a fresh nonce each time
        assertThat(SecretBox.forWorkspace(dir, Optional.empty()).open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP"); // same key file
        assertThat(box.open("JBSWY3DPEHPK3PXP")).isEqualTo("JBSWY3DPEHPK3PXP"); // stored before sealing existed

        String other = Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox wrong = SecretBox.forWorkspace(dir, Optional.of(other));
        assertThatThrownBy(() -> wrong.open(sealed)).hasMessageContaining("reset-mfa").hasMessageNotContaining("JBSWY");
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBadEnvironmentKeyIsNamed() {
        assertThatThrownBy(() -> SecretBox.forWorkspace(dir, Optional.of("not base64 !"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("VOUCH_SECRET_KEY");
        assertThatThrownBy(() -> SecretBox.forWorkspace(dir, Optional.of(Base64.getEncoder().encodeToString(new byte[16]))))
                .hasMessageContaining("32 bytes");
    }
}
