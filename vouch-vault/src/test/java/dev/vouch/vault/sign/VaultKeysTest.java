package dev.vouch.vault.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultKeysTest {
    private static final byte[] MESSAGE = "vouch/acme\n1\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void saveAndLoadRoundTrip() throws IOException {
        VaultKeys keys = VaultKeys.generate();
        Path priv = dir.resolve("keys/vault.key");
        Path pub = dir.resolve("keys/vault.pub");
        keys.save(priv, pub);

        VaultKeys loaded = VaultKeys.load(priv, pub);

        assertThat(loaded.publicKey().getEncoded()).isEqualTo(keys.publicKey().getEncoded());
        assertThat(VaultKeys.verify(keys.publicKey(), MESSAGE, loaded.sign(MESSAGE))).isTrue();
        assertThat(Files.readString(priv)).startsWith("-----BEGIN PRIVATE KEY-----\n")
                .endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .endsWith("-----END PUBLIC KEY-----\n");
        assertThat(VaultKeys.loadPublic(pub).getEncoded()).isEqualTo(keys.publicKey().getEncoded());
    }

    @Test
    void privateKeyIsOwnerOnly() throws IOException {
        Path priv = dir.resolve("vault.key");
        VaultKeys.generate().save(priv, dir.resolve("vault.pub"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
    }

    @Test
    void refusesToOverwriteExistingKeys() throws IOException {
        Path priv = dir.resolve("vault.key");
        Path pub = dir.resolve("vault.pub");
        VaultKeys first = VaultKeys.generate();
        first.save(priv, pub);
        String before = Files.readString(priv);

        assertThatThrownBy(() -> VaultKeys.generate().save(priv, dir.resolve("other.pub")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("refusing to overwrite existing vault key file " + priv);
        assertThatThrownBy(() -> VaultKeys.generate().save(dir.resolve("other.key"), pub))
                .hasMessage("refusing to overwrite existing vault key file " + pub);
        assertThat(Files.readString(priv)).isEqualTo(before);
        assertThat(dir.resolve("other.key")).doesNotExist();
        assertThat(dir.resolve("other.pub")).doesNotExist();
    }

    @Test
    void fingerprintIsSha256OfTheDerLikeOpenSsh() throws Exception {
        VaultKeys keys = VaultKeys.generate();
        keys.save(dir.resolve("vault.key"), dir.resolve("vault.pub"));
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(keys.publicKey().getEncoded());

        String fp = VaultKeys.fingerprint(keys.publicKey());

        assertThat(fp).matches("SHA256:[A-Za-z0-9+/]{43}")
                .isEqualTo("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash))
                .isEqualTo(VaultKeys.fingerprint(VaultKeys.loadPublic(dir.resolve("vault.pub"))));
        assertThat(keys.toString()).isEqualTo("VaultKeys[Ed25519, " + fp + "]");
    }

    @Test
    void toStringHoldsNoKeyMaterial() {
        VaultKeys keys = VaultKeys.generate();
        String raw = Base64.getEncoder().encodeToString(VaultKeys.rawPublicKey(keys.publicKey()));
        String pkcs8 = Base64.getEncoder().encodeToString(keys.privateKey().getEncoded());

        assertThat(keys.toString()).doesNotContain(raw).doesNotContain(pkcs8.substring(16, 40));
    }

    @Test
    void rawPublicKeyIsTheLast32BytesAndLoadsFromBase64() throws IOException {
        PublicKey key = VaultKeys.generate().publicKey();
        byte[] raw = VaultKeys.rawPublicKey(key);
        Path rawFile = Files.writeString(dir.resolve("raw.pub"), Base64.getEncoder().encodeToString(raw) + "\n");

        assertThat(raw).hasSize(32);
        assertThat(key.getEncoded()).endsWith(raw);
        assertThat(VaultKeys.loadPublic(rawFile).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(VaultKeys.publicKeyFromRaw(raw).getEncoded()).isEqualTo(key.getEncoded());
    }

    @Test
    void mismatchedKeyFilesAreRejected() {
        Path priv = dir.resolve("a.key");
        Path pub = dir.resolve("b.pub");
        VaultKeys.generate().save(priv, dir.resolve("a.pub"));
        VaultKeys.generate().save(dir.resolve("b.key"), pub);

        assertThatThrownBy(() -> VaultKeys.load(priv, pub))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(priv + " and " + pub + " are not the same key pair");
    }

    @Test
    void malformedKeyFilesAreNamed() throws IOException {
        Path ssh = Files.writeString(dir.resolve("id_ed25519"),
                "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----\n");
        Path garbage = Files.writeString(dir.resolve("vault.pub"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

        assertThatThrownBy(() -> VaultKeys.load(ssh, garbage))
                .hasMessageContaining("vault private key " + ssh + ": no '-----BEGIN PRIVATE KEY-----'")
                .hasMessageContaining("OpenSSH key");
        assertThatThrownBy(() -> VaultKeys.loadPublic(garbage))
                .hasMessage("vault public key " + garbage + ": not an Ed25519 public key (SubjectPublicKeyInfo)");
    }
}
