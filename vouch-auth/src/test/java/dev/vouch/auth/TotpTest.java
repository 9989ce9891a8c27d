package dev.vouch.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** RFC 6238 Appendix B, SHA-1 column: the ASCII key "12345678901234567890", 8 digits. */
    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final String RFC_SECRET = new Base32().encodeToString(RFC_KEY).replace("=", "");

    @Test
    void rfc6238KnownAnswers() {
        long[][] cases = {{59, 94287082}, {1111111109, 7081804}, {1111111111, 14050471}, {1234567890, 89005924},
            {2000000000, 69279037}, {20000000000L, 65353130}};
        for (long[] c : cases) {
            assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(c[0])), 8)).as("T=%d", c[0])
                    .isEqualTo(String.format("%08d", c[1]));
        }
        // six digits are the last six of the same value
        assertThat(Totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepOfDriftAndNeverTheSameStepTwice() {
        Instant now = Instant.ofEpochSecond(1_700_000_015);
        long step = Totp.step(now);
        String current = Totp.codeAt(RFC_SECRET, now);
        String previous = Totp.codeAt(RFC_SECRET, now.minusSeconds(30));
        String twoBack = Totp.codeAt(RFC_SECRET, now.minusSeconds(60));
        assertThat(Totp.verify(RFC_SECRET, current, now, 0)).hasValue(step);
        assertThat(Totp.verify(RFC_SECRET, previous, now, 0)).hasValue(step - 1);
        assertThat(Totp.verify(RFC_SECRET, twoBack, now, 0)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, current, now, step)).as("replay").isEmpty();
        assertThat(Totp.verify(RFC_SECRET, previous, now, step - 1)).as("older than the last used").isEmpty();
        assertThat(Totp.verify(RFC_SECRET, current.substring(0, 3) + " " + current.substring(3), now, 0)).hasValue(step);
        assertThat(Totp.verify(RFC_SECRET, "12345", now, 0)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "abcdef", now, 0)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, null, now, 0)).isEmpty();
    }

    @Test
    void secretsAreTwentyRandomBytesInBase32AndTheUriIsWhatAppsScan() {
        String a = Totp.newSecret(new SecureRandom());
        String b = Totp.newSecret(new SecureRandom());
        assertThat(a).hasSize(32).matches("[A-Z2-7]+").isNotEqualTo(b);
        assertThat(Totp.uri("Vouch (Acme)", "alice@acme.example", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/Vouch%20%28Acme%29:alice%40acme.example?secret=JBSWY3DPEHPK3PXP"
                        + "&issuer=Vouch%20%28Acme%29&algorithm=SHA1&digits=6&period=30");
        assertThatThrownBy(() -> Totp.codeAt("ABCD", Instant.EPOCH)).hasMessageContaining("TOTP secret too short");
    }
}
