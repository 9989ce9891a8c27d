package dev.vouch.vault.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestTest {
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void hashesKnownVectors() {
        assertThat(Digest.of(new byte[0]).hex()).isEqualTo(EMPTY);
        assertThat(Digest.of("abc".getBytes(StandardCharsets.US_ASCII)).hex()).isEqualTo(ABC);
    }

    @Test
    void parsesPrefixedAndBareHexAndPrintsPrefixed() {
        assertThat(Digest.parse("sha256:" + ABC)).isEqualTo(new Digest(ABC));
        assertThat(Digest.parse(ABC)).isEqualTo(new Digest(ABC));
        assertThat(new Digest(ABC)).hasToString("sha256:" + ABC);
        assertThat(new Digest(ABC).bytes()).hasSize(32).startsWith((byte) 0xba, (byte) 0x78);
    }

    @Test
    void rejectsMalformedDigestsNamingTheValue() {
        assertThatThrownBy(() -> Digest.parse("sha256:" + ABC.toUpperCase()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a digest").hasMessageContaining("64 lowercase hex");
        assertThatThrownBy(() -> Digest.parse("sha512:" + ABC))
                .hasMessageContaining("unsupported digest algorithm 'sha512'");
        assertThatThrownBy(() -> Digest.parse(ABC.substring(1)))
                .hasMessageContaining("not a digest: '" + ABC.substring(1) + "'");
        assertThatThrownBy(() -> Digest.parse("../../etc/passwd"))
                .hasMessageContaining("not a digest");
        assertThatThrownBy(() -> new Digest("zz" + ABC.substring(2)))
                .hasMessageContaining("64 lowercase hex characters");
    }
}
