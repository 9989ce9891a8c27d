package dev.vouch.vault.bundle;

import dev.vouch.vault.merkle.Rfc6962;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The entries of an auditor bundle (docs/vault.md, "Auditor bundle") and their exact names. */
final class BundleLayout {
    static final int FORMAT_VERSION = 1;
    static final String STATEMENTS = "statements.jsonl";
    static final String CHECKPOINT = "checkpoint.txt";
    static final String PUBLIC_KEY = "vault.pub";
    static final String MANIFEST = "manifest.json";
    static final String README = "VERIFY.md";
    static final String VERIFIER = "Verify.java";
    static final Set<String> FIXED = Set.of(STATEMENTS, CHECKPOINT, PUBLIC_KEY, MANIFEST, README, VERIFIER);
    static final List<String> REQUIRED = List.of(STATEMENTS, CHECKPOINT, PUBLIC_KEY, MANIFEST);
    static final Pattern PROOF = Pattern.compile("proofs/(0|[1-9][0-9]{0,17})\\.json");
    static final Pattern BLOB = Pattern.compile("blobs/([0-9a-f]{64})");
    /** Every entry carries this timestamp, so that the same export gives the same bytes. */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private BundleLayout() {
    }

    static String proofName(long seq) {
        return "proofs/" + seq + ".json";
    }

    static String blobName(String hex) {
        return "blobs/" + hex;
    }

    /** Whether {@code name} is one a bundle may hold; anything else is foreign (and never extracted). */
    static boolean isExpected(String name) {
        return FIXED.contains(name) || PROOF.matcher(name).matches() || BLOB.matcher(name).matches();
    }

    /** {@code {"leafIndex":i,"treeSize":n,"path":["hex",…]}} — the JSON form of docs/vault.md, "Proofs". */
    static String proofJson(long leafIndex, long treeSize, List<byte[]> path) {
        StringBuilder out = new StringBuilder(96 + path.size() * 67);
        out.append("{\"leafIndex\":").append(leafIndex).append(",\"treeSize\":").append(treeSize).append(",\"path\":[");
        for (int i = 0; i < path.size(); i++) {
            out.append(i == 0 ? "\"" : ",\"").append(Rfc6962.hex(path.get(i))).append('"');
        }
        return out.append("]}").toString();
    }

    /** The DER inside a {@code PUBLIC KEY} PEM block. */
    static byte[] pemDer(String pem) {
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int from = pem.indexOf(begin);
        int to = from < 0 ? -1 : pem.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("no '" + begin + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PUBLIC KEY block is not valid Base64");
        }
    }

    /** A resource of this package, as text. */
    static String resource(String name) {
        try (InputStream in = BundleLayout.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the vouch-vault jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
