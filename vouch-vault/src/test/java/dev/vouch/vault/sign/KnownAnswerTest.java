package dev.vouch.vault.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Interoperability with published signed-note vectors: the example of Go's
 * golang.org/x/mod/sumdb/note package documentation (key "PeterNeumann") and the example of the
 * C2SP signed-note specification (key "example.com/foo"). Ed25519 is deterministic, so signing the
 * same text with the same key must reproduce the published signature line byte for byte.
 */
class KnownAnswerTest {
    private static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    /** Verifier key PeterNeumann+c74f20a3+&lt;Base64(0x01 ‖ public key)&gt;. */
    private static final String GO_PUBLIC = "ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    /** Signer key PRIVATE+KEY+PeterNeumann+c74f20a3+&lt;Base64(0x01 ‖ seed)&gt;. */
    private static final String GO_SEED = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String GO_LINE = "\u2014 PeterNeumann "
            + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    private static final String SPEC_PUBLIC = "AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
    private static final String SPEC_NOTE = "This is an example message.\n\n\u2014 example.com/foo "
            + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

    private static byte[] withoutTypeByte(String base64) {
        byte[] b = Base64.getDecoder().decode(base64);
        assertThat(b[0]).isEqualTo((byte) 0x01);
        return Arrays.copyOfRange(b, 1, b.length);
    }

    private static VaultKeys goKeys() throws Exception {
        byte[] pkcs8 = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] der = Arrays.copyOf(pkcs8, pkcs8.length + 32);
        System.arraycopy(withoutTypeByte(GO_SEED), 0, der, pkcs8.length, 32);
        PrivateKey priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        return new VaultKeys(VaultKeys.publicKeyFromRaw(withoutTypeByte(GO_PUBLIC)), priv);
    }

    @Test
    void keyIdMatchesPublishedVerifierKeys() {
        PublicKey peter = VaultKeys.publicKeyFromRaw(withoutTypeByte(GO_PUBLIC));
        PublicKey foo = VaultKeys.publicKeyFromRaw(withoutTypeByte(SPEC_PUBLIC));

        assertThat(NoteSignature.hex(NoteSignature.keyId("PeterNeumann", peter))).isEqualTo("c74f20a3");
        assertThat(NoteSignature.hex(NoteSignature.keyId("example.com/foo", foo))).isEqualTo("530d903a");
    }

    @Test
    void signingReproducesTheGoSignatureLine() throws Exception {
        assertThat(NoteSignature.signLine("PeterNeumann", goKeys(), GO_TEXT)).isEqualTo(GO_LINE);
    }

    @Test
    void verifiesTheSpecExampleNote() {
        PublicKey foo = VaultKeys.publicKeyFromRaw(withoutTypeByte(SPEC_PUBLIC));
        NoteParser.Note note = NoteParser.parse(SPEC_NOTE);

        assertThat(note.text()).isEqualTo("This is an example message.\n");
        assertThat(note.signatures()).singleElement().satisfies(s -> {
            assertThat(s.keyName()).isEqualTo("example.com/foo");
            assertThat(s.keyIdHex()).isEqualTo("530d903a");
            assertThat(s.verifies(foo, note.text())).isTrue();
            assertThat(s.verifies(foo, "This is an example message!\n")).isFalse();
        });
    }
}
