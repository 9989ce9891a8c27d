package dev.vouch.collect.git;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Syntactically real signature blocks for recipe commits: an OpenPGP ASCII-armored signature (with
 * its CRC-24 checksum line) or an OpenSSH {@code SSHSIG} armor. They are derived from the commit's
 * bytes, so recipes are deterministic; they do not verify against any key.
 */
final class Signatures {
    private Signatures() {
    }

    static byte[] armor(RecipeStep.Signing kind, byte[] payload) {
        byte[] digest = sha512(payload);
        String text = switch (kind) {
            case GPG -> pgp(digest);
            case SSH -> ssh(digest);
            case NONE -> throw new IllegalArgumentException("no signature for an unsigned commit");
        };
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String pgp(byte[] digest) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        // old-format signature packet header, v4 signature, binary document, RSA, SHA-256
        packet.writeBytes(new byte[] {(byte) 0x89, 0x02, 0x33, 0x04, 0x00, 0x01, 0x08, 0x00, 0x1d, 0x16, 0x21, 0x04});
        for (int i = 0; i < 4; i++) {
            packet.writeBytes(digest);
        }
        byte[] body = packet.toByteArray();
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body);
        byte[] crc = crc24(body);
        return "-----BEGIN PGP SIGNATURE-----\n\n" + b64 + "\n=" + Base64.getEncoder().encodeToString(crc)
                + "\n-----END PGP SIGNATURE-----";
    }

    private static String ssh(byte[] digest) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        blob.writeBytes("SSHSIG".getBytes(StandardCharsets.US_ASCII));
        blob.writeBytes(new byte[] {0, 0, 0, 1, 0, 0, 0, 0x33, 0, 0, 0, 0x0b});
        blob.writeBytes("ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
        blob.writeBytes(new byte[] {0, 0, 0, 0x20});
        blob.writeBytes(java.util.Arrays.copyOf(digest, 32));
        blob.writeBytes(new byte[] {0, 0, 0, 3});
        blob.writeBytes("git".getBytes(StandardCharsets.US_ASCII));
        blob.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 6});
        blob.writeBytes("sha512".getBytes(StandardCharsets.US_ASCII));
        blob.writeBytes(new byte[] {0, 0, 0, 0x53, 0, 0, 0, 0x0b});
        blob.writeBytes("ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
        blob.writeBytes(new byte[] {0, 0, 0, 0x40});
        blob.writeBytes(digest);
        String b64 = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(blob.toByteArray());
        return "-----BEGIN SSH SIGNATURE-----\n" + b64 + "\n-----END SSH SIGNATURE-----";
    }

    /** The OpenPGP armor checksum (RFC 4880 section 6.1). */
    static byte[] crc24(byte[] data) {
        int crc = 0xB704CE;
        for (byte b : data) {
            crc ^= (b & 0xff) << 16;
            for (int i = 0; i < 8; i++) {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) {
                    crc ^= 0x1864CFB;
                }
            }
        }
        crc &= 0xFFFFFF;
        return new byte[] {(byte) (crc >> 16), (byte) (crc >> 8), (byte) crc};
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required by every JDK", e);
        }
    }
}
