package dev.vouch.report.oscal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Name-based (version 5, SHA-1) UUIDs per RFC 4122 §4.3, so the same input always gives the same document.
 * OSCAL's {@code UUIDDatatype} accepts only versions 4 and 5, so version 3 (MD5) is not an option.
 */
final class Uuids {

    /** The RFC 4122 URL namespace. */
    private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    /** Vouch's namespace for OSCAL identifiers: v5 of the URL namespace and {@link Oscal#NS}. */
    static final UUID VOUCH = v5(URL_NAMESPACE, Oscal.NS);

    private Uuids() {
    }

    /** The version 5 UUID of {@code name} in {@code namespace}. */
    static UUID v5(UUID namespace, String name) {
        Objects.requireNonNull(name, "name");
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available in this JVM", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /** The version 5 UUID of the parts joined with {@code |} in Vouch's namespace, as a string. */
    static String of(String... parts) {
        return v5(VOUCH, String.join("|", parts)).toString();
    }
}
