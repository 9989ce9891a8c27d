package dev.vouch.vault.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Minimal PEM (RFC 7468) encoding and decoding of one labelled block. */
final class Pem {
    private static final long MAX_BYTES = 64 * 1024;

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static String readText(Path file, String what) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(what + " " + file + " is too large to be a key file");
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what + " " + file, e);
        }
    }

    /** The DER inside the {@code label} block of {@code text}; errors name {@code source}. */
    static byte[] decode(String text, String label, String source) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = text.indexOf(begin);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException(source + ": no '" + begin + "' ... '" + end + "' block"
                    + hint(text));
        }
        String body = text.substring(from + begin.length(), to);
        try {
            return Base64.getMimeDecoder().decode(body.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": the " + label + " block is not valid Base64");
        }
    }

    private static String hint(String text) {
        if (text.contains("OPENSSH PRIVATE KEY")) {
            return " (an OpenSSH key; convert it with 'ssh-keygen -p -m PKCS8 -f FILE' or create one with"
                    + " 'openssl genpkey -algorithm ed25519')";
        }
        if (text.contains("ENCRYPTED PRIVATE KEY")) {
            return " (encrypted private keys are not supported)";
        }
        return "";
    }
}
