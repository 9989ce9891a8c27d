package dev.vouch.vault.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobCipherKeyTest {
    private static final byte[] PLAINTEXT = "policy.pdf".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private static byte[] seededKey(int seed, int length) {
        byte[] k = new byte[length];
        new Random(seed).nextBytes(k);
        return k;
    }

    private static void assertSameKey(BlobCipher a, BlobCipher b) {
        Digest d = Digest.of(PLAINTEXT);
        assertThat(b.decrypt(d, a.encrypt(d, PLAINTEXT))).isEqualTo(PLAINTEXT);
    }

    @Test
    void generatedKeyIsBase64Of32BytesAndUsableFromTheEnvironment() {
        String key = BlobCipher.generateKeyBase64();

        assertThat(key).hasSize(44);
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        BlobCipher fromEnv = BlobCipher.fromEnvironment("VOUCH_VAULT_KEY", Map.of("VOUCH_VAULT_KEY", key));
        assertSameKey(fromEnv, BlobCipher.fromBytes(Base64.getDecoder().decode(key)));
        assertThat(fromEnv.toString()).isEqualTo("BlobCipher[AES-256-GCM]").doesNotContain(key);
    }

    @Test
    void environmentErrorsNameTheVariableAndNeverTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(seededKey(3, 16));
        String notBase64 = "this-is-not*base64!!secret";

        assertThatThrownBy(() -> BlobCipher.fromEnvironment("VOUCH_VAULT_KEY", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment variable VOUCH_VAULT_KEY is not set");
        assertThatThrownBy(() -> BlobCipher.fromEnvironment("VOUCH_VAULT_KEY", Map.of("VOUCH_VAULT_KEY", shortKey)))
                .hasMessage("environment variable VOUCH_VAULT_KEY decodes to 16 bytes; expected 32 (AES-256)")
                .message().doesNotContain(shortKey);
        assertThatThrownBy(() -> BlobCipher.fromEnvironment("MY_KEY", Map.of("MY_KEY", notBase64)))
                .hasMessage("environment variable MY_KEY is not valid Base64; expected the Base64 of 32 bytes")
                .message().doesNotContain("secret");
    }

    @Test
    void keyFileHoldsRawBytesOrBase64Text() throws IOException {
        byte[] key = seededKey(5, 32);
        Path raw = Files.write(dir.resolve("raw.key"), key);
        Path text = Files.writeString(dir.resolve("text.key"), Base64.getEncoder().encodeToString(key) + "\n");

        assertSameKey(BlobCipher.fromKeyFile(raw), BlobCipher.fromBytes(key));
        assertSameKey(BlobCipher.fromKeyFile(text), BlobCipher.fromBytes(key));
    }

    @Test
    void badKeyFileIsNamedWithoutItsContent() throws IOException {
        Path wrongLength = Files.write(dir.resolve("short.key"), seededKey(6, 20));
        Path missing = dir.resolve("missing.key");

        assertThatThrownBy(() -> BlobCipher.fromKeyFile(wrongLength))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vault encryption key file " + wrongLength
                        + ": expected 32 raw bytes or 44 characters of Base64, found 20 bytes");
        assertThatThrownBy(() -> BlobCipher.fromKeyFile(missing))
                .hasMessageContaining("cannot read vault encryption key file " + missing);
    }
}
