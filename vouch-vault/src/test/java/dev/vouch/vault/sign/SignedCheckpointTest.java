package dev.vouch.vault.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignedCheckpointTest {
    private static final String ORIGIN = "vouch/acme-analytics";
    private static final Instant TIME = Instant.parse("2026-11-22T12:00:00Z");
    private static VaultKeys keys;
    private static byte[] root;

    @BeforeAll
    static void setUp() {
        keys = VaultKeys.generate();
        root = new byte[32];
        new Random(7).nextBytes(root);
    }

    private static Checkpoint checkpoint() {
        return new Checkpoint(ORIGIN, 1024, root, TIME);
    }

    private static String rootB64() {
        return Base64.getEncoder().encodeToString(root);
    }

    @Test
    void bodyIsExactlyTheDocumentedFormat() {
        assertThat(checkpoint().body()).isEqualTo(ORIGIN + "\n1024\n" + rootB64() + "\ntime 2026-11-22T12:00:00Z\n");
    }

    @Test
    void signedNoteIsBodyBlankLineAndOneEd25519SignatureLine() {
        String note = SignedCheckpoint.sign(checkpoint(), keys);

        String prefix = checkpoint().body() + "\n\u2014 " + ORIGIN + " ";
        assertThat(note).startsWith(prefix).endsWith("\n");
        byte[] payload = Base64.getDecoder().decode(note.substring(prefix.length(), note.length() - 1));
        assertThat(payload).hasSize(4 + 64);
        assertThat(payload).startsWith(NoteSignature.keyId(ORIGIN, keys.publicKey()));
    }

    @Test
    void signParseVerifyRoundTrip() {
        String note = SignedCheckpoint.sign(checkpoint(), keys);

        assertThat(SignedCheckpoint.parse(note)).isEqualTo(checkpoint());
        SignedCheckpoint.Verification v = SignedCheckpoint.verify(note, keys.publicKey());
        assertThat(v.valid()).isTrue();
        assertThat(v.checkpoint()).isEqualTo(checkpoint());
        assertThat(v.checkpoint().root()).isEqualTo(root);
        assertThat(v.reason()).isEqualTo("signature by key hash "
                + NoteSignature.hex(NoteSignature.keyId(ORIGIN, keys.publicKey())) + " verified");
    }

    @Test
    void timeIsKeptAtSecondPrecision() {
        Checkpoint c = new Checkpoint(ORIGIN, 0, root, TIME.plusNanos(123_456_789));

        assertThat(c.time()).isEqualTo(TIME);
        assertThat(SignedCheckpoint.parse(SignedCheckpoint.sign(c, keys))).isEqualTo(c);
    }

    @Test
    void tamperedSizeRootAndTimeFailTheSignature() {
        String note = SignedCheckpoint.sign(checkpoint(), keys);
        byte[] otherRoot = root.clone();
        otherRoot[0] ^= 1;

        for (String tampered : new String[] {
            note.replace("\n1024\n", "\n1025\n"),
            note.replace(rootB64(), Base64.getEncoder().encodeToString(otherRoot)),
            note.replace("time 2026-11-22T12:00:00Z", "time 2026-11-22T12:00:01Z")}) {
            SignedCheckpoint.Verification v = SignedCheckpoint.verify(tampered, keys.publicKey());
            assertThat(v.valid()).as(tampered).isFalse();
            assertThat(v.reason()).isEqualTo("signature does not verify (line 6): the checkpoint text or the"
                    + " signature was altered");
        }
    }

    @Test
    void tamperedOriginHasNoSignatureLine() {
        String note = SignedCheckpoint.sign(checkpoint(), keys);
        String tampered = note.replaceFirst("^vouch/acme-analytics\n", "vouch/globex\n");

        SignedCheckpoint.Verification v = SignedCheckpoint.verify(tampered, keys.publicKey());

        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).isEqualTo("no signature line for origin vouch/globex");
    }

    @Test
    void signatureByAnotherKeyIsNamedWithBothKeyHashes() {
        VaultKeys other = VaultKeys.generate();
        String note = SignedCheckpoint.sign(checkpoint(), other);
        String found = NoteSignature.hex(NoteSignature.keyId(ORIGIN, other.publicKey()));
        String expected = NoteSignature.hex(NoteSignature.keyId(ORIGIN, keys.publicKey()));

        SignedCheckpoint.Verification v = SignedCheckpoint.verify(note, keys.publicKey());

        assertThat(v.valid()).isFalse();
        assertThat(v.reason()).isEqualTo("signature by another key (key hash " + found + ", expected " + expected + ")");
    }

    @Test
    void otherSignersLinesAreIgnored() {
        String note = SignedCheckpoint.sign(checkpoint(), keys)
                + "\u2014 witness.example/w1 " + Base64.getEncoder().encodeToString(new byte[76]) + "\n";

        assertThat(SignedCheckpoint.verify(note, keys.publicKey()).valid()).isTrue();
    }

    @Test
    void malformedNotesNameTheLine() {
        String note = SignedCheckpoint.sign(checkpoint(), keys);
        String sigLine = note.substring(note.indexOf('\u2014'));

        assertFormatError(note.replace("\n\n\u2014", "\n\u2014"), 5,
                "expected a blank line between the checkpoint text and the signature lines");
        assertFormatError(note.replace(sigLine, "\u2014 " + ORIGIN + " not*base64!\n"), 6,
                "the signature is not valid Base64");
        assertFormatError(note.replace("\u2014 ", "- "), 6,
                "a signature line must start with an em dash (U+2014) and a space, found '- v'");
        assertFormatError(note.replace("\u2014 ", "\u2013 "), 6,
                "a signature line must start with an em dash (U+2014) and a space");
        assertFormatError(note.replace("\n", "\r\n"), 1, "contains a carriage return");
        assertFormatError(note.substring(0, note.length() - 1), 6, "the last line does not end with a newline");
        assertFormatError(note.replace("\n1024\n", "\n01024\n"), 2, "tree size must be a decimal number");
        assertFormatError(note.replace(rootB64(), "AAAA"), 3, "root hash must be the Base64 of 32 bytes");
        assertFormatError(note.replace(rootB64(), "%%%%"), 3, "root hash is not valid Base64");
        assertFormatError(note.replace("T12:00:00Z", "T12:00:00.5Z"), 4, "expected 'time YYYY-MM-DDTHH:MM:SSZ'");
        assertFormatError(note.replace("Z\n\n", "Z\nextra\n\n"), 5, "unexpected extension line");
        assertFormatError(checkpoint().body() + "\n", 5, "no signature lines after the blank line");
        assertFormatError("", 1, "the note is empty");
    }

    private static void assertFormatError(String note, int line, String problem) {
        assertThatThrownBy(() -> SignedCheckpoint.parse(note))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessageStartingWith("checkpoint line " + line + ": ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(((CheckpointFormatException) e).line()).isEqualTo(line));
        assertThatThrownBy(() -> SignedCheckpoint.verify(note, keys.publicKey()))
                .isInstanceOf(CheckpointFormatException.class);
    }

    @Test
    void invalidCheckpointValuesAreRejected() {
        assertThatThrownBy(() -> new Checkpoint("vouch/acme analytics", 0, root, TIME))
                .hasMessage("checkpoint origin 'vouch/acme analytics' contains a space");
        assertThatThrownBy(() -> new Checkpoint("a+b", 0, root, TIME)).hasMessageContaining("contains '+'");
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, -1, root, TIME)).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> new Checkpoint(ORIGIN, 0, new byte[31], TIME)).hasMessageContaining("32 bytes");
    }

    @Test
    void checkpointRootIsCopiedInAndOut() {
        byte[] mine = root.clone();
        Checkpoint c = new Checkpoint(ORIGIN, 1, mine, TIME);
        mine[0] ^= 1;
        c.root()[1] ^= 1;

        assertThat(c.root()).isEqualTo(root);
    }
}
