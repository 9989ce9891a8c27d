package dev.vouch.vault.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.vault.jcs.Jcs;
import dev.vouch.vault.merkle.Rfc6962;
import dev.vouch.vault.sign.Checkpoint;
import dev.vouch.vault.sign.SignedCheckpoint;
import dev.vouch.vault.sign.VaultKeys;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/** One verification of one bundle; see {@link BundleVerifier}. Collects problems, never throws for bad content. */
final class BundleCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGEST = Pattern.compile("sha256:([0-9a-f]{64})");

    private final PublicKey key;
    private final List<String> problems = new ArrayList<>();
    private final ZipEntries zip;
    /** Blob hex (from its entry name) → the SHA-256 hex of its content; absent when unreadable. */
    private final TreeMap<String, Optional<String>> blobs = new TreeMap<>();
    private final Set<String> blobsNamed = new HashSet<>();
    private final Set<String> proofsUsed = new HashSet<>();
    private Optional<Checkpoint> checkpoint = Optional.empty();
    private int statements;
    private long previousSeq = -1;

    BundleCheck(ZipFile zipFile, PublicKey key) {
        this.key = key;
        this.zip = new ZipEntries(zipFile, problems::add);
    }

    BundleReport run() {
        for (String required : BundleLayout.REQUIRED) {
            if (!zip.has(required)) {
                problems.add(required + ": missing (required in a Vouch bundle)");
            }
        }
        checkCheckpoint();
        checkPublicKey();
        hashBlobs();
        checkStatements();
        reportUnused();
        checkManifest();
        return new BundleReport(statements, blobs.size(), checkpoint.map(Checkpoint::size).orElse(0L), problems);
    }

    /** The checkpoint must carry a valid signature by the auditor's key; its root anchors every proof. */
    private void checkCheckpoint() {
        if (!zip.has(BundleLayout.CHECKPOINT)) {
            return;
        }
        try {
            SignedCheckpoint.Verification v = SignedCheckpoint.verify(zip.text(BundleLayout.CHECKPOINT), key);
            checkpoint = Optional.of(v.checkpoint());
            if (!v.valid()) {
                problems.add(BundleLayout.CHECKPOINT + ": not signed by the given key " + VaultKeys.fingerprint(key)
                        + ": " + v.reason());
            }
        } catch (IOException e) {
            problems.add(BundleLayout.CHECKPOINT + ": cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            problems.add(BundleLayout.CHECKPOINT + ": not a valid signed checkpoint: " + e.getMessage());
        }
    }

    /** The bundle's own vault.pub is informative only; a different key there is worth saying. */
    private void checkPublicKey() {
        if (!zip.has(BundleLayout.PUBLIC_KEY)) {
            return;
        }
        try {
            byte[] der = BundleLayout.pemDer(zip.text(BundleLayout.PUBLIC_KEY));
            if (!MessageDigest.isEqual(der, key.getEncoded())) {
                problems.add(BundleLayout.PUBLIC_KEY + ": differs from the key you gave (the bundle's is " + fingerprint(der)
                        + ", yours " + VaultKeys.fingerprint(key) + "); everything was checked against yours");
            }
        } catch (IOException | IllegalArgumentException e) {
            problems.add(BundleLayout.PUBLIC_KEY + ": not a public key PEM: " + e.getMessage());
        }
    }

    private void hashBlobs() {
        for (String name : zip.all().keySet()) {
            Matcher m = BundleLayout.BLOB.matcher(name);
            if (m.matches()) {
                try {
                    blobs.put(m.group(1), Optional.of(zip.sha256(name)));
                } catch (IOException e) {
                    blobs.put(m.group(1), Optional.empty());
                    problems.add(name + ": cannot be read from the zip (" + e.getMessage() + ")");
                }
            }
        }
    }

    private void checkStatements() {
        if (!zip.has(BundleLayout.STATEMENTS)) {
            return;
        }
        if (checkpoint.isEmpty()) {
            problems.add(BundleLayout.STATEMENTS + ": inclusion proofs not checked: there is no usable checkpoint");
        }
        try {
            zip.lines(BundleLayout.STATEMENTS, this::statement);
        } catch (IOException e) {
            problems.add(BundleLayout.STATEMENTS + ": cannot be read from the zip (" + e.getMessage() + ")");
        }
    }

    private void statement(byte[] line, int number, boolean terminated) {
        statements++;
        String where = BundleLayout.STATEMENTS + " line " + number;
        if (!terminated) {
            problems.add(where + ": does not end with a newline (the file was cut short)");
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            problems.add(where + ": not valid JSON (" + StatementFields.firstLine(e.getMessage()) + ")");
            return;
        }
        JsonNode seqNode = node == null ? null : node.get("seq");
        if (seqNode == null || !seqNode.canConvertToExactIntegral() || seqNode.asLong() < 0) {
            problems.add(where + ": no valid 'seq' field");
            return;
        }
        long seq = seqNode.asLong();
        String stmt = "statement seq " + seq;
        if (seq <= previousSeq) {
            problems.add(stmt + " (" + where + "): out of order or repeated (follows seq " + previousSeq + ")");
        }
        previousSeq = Math.max(previousSeq, seq);
        if (!Jcs.isCanonical(line)) {
            problems.add(stmt + ": not in canonical JSON form (it was edited after it was written)");
        }
        checkpoint.ifPresent(c -> checkProof(stmt, seq, line, c));
        if (node.hasNonNull("digest")) {
            checkBlob(stmt, node.get("digest").asText());
        }
    }

    /** RFC 9162 §2.1.3.2: the leaf hash and the audit path must lead to the checkpoint's signed root. */
    private void checkProof(String stmt, long seq, byte[] line, Checkpoint c) {
        String name = BundleLayout.proofName(seq);
        if (seq >= c.size()) {
            problems.add(stmt + ": beyond checkpoint " + c.size() + " (not covered by the signed checkpoint)");
            return;
        }
        if (!zip.has(name)) {
            problems.add(stmt + ": no inclusion proof (" + name + " is missing)");
            return;
        }
        proofsUsed.add(name);
        Proof proof;
        try {
            proof = Proof.parse(zip.text(name));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(name + ": not a valid proof (" + StatementFields.firstLine(e.getMessage()) + ")");
            return;
        }
        if (proof.leafIndex() != seq) {
            problems.add(name + ": proves leaf " + proof.leafIndex() + ", but " + stmt + " is leaf " + seq);
        } else if (proof.treeSize() != c.size()) {
            problems.add(name + ": is for tree size " + proof.treeSize() + ", but the checkpoint is " + c.size());
        } else if (!Rfc6962.verifyInclusion(Rfc6962.leafHash(line), seq, c.size(), proof.path(), c.root())) {
            problems.add(stmt + ": inclusion proof does not verify against checkpoint " + c.size()
                    + " (the statement or its proof was altered)");
        }
    }

    /** The blob's content must hash to the digest the statement names. */
    private void checkBlob(String stmt, String digest) {
        Matcher m = DIGEST.matcher(digest);
        if (!m.matches()) {
            problems.add(stmt + ": names a malformed digest '" + ZipEntries.printable(digest) + "'");
            return;
        }
        String hex = m.group(1);
        blobsNamed.add(hex);
        String name = BundleLayout.blobName(hex);
        Optional<String> actual = blobs.get(hex);
        if (actual == null) {
            problems.add(stmt + ": its blob " + name + " is missing from the bundle");
        } else if (actual.isPresent() && !actual.get().equals(hex)) {
            problems.add(name + ": content hashes to sha256:" + actual.get() + ", " + stmt + " names sha256:" + hex
                    + " (swapped or altered blob)");
        }
    }

    private void reportUnused() {
        for (String name : zip.all().keySet()) {
            if (BundleLayout.PROOF.matcher(name).matches() && !proofsUsed.contains(name) && checkpoint.isPresent()) {
                problems.add(name + ": no statement in " + BundleLayout.STATEMENTS + " has this seq (unexpected proof)");
            }
        }
        for (String hex : blobs.keySet()) {
            if (!blobsNamed.contains(hex)) {
                problems.add(BundleLayout.blobName(hex) + ": not named by any statement (unexpected blob)");
            }
        }
    }

    /** The manifest is a summary for people; it must at least agree with what the bundle holds. */
    private void checkManifest() {
        if (!zip.has(BundleLayout.MANIFEST)) {
            return;
        }
        try {
            JsonNode m = JSON.readTree(zip.text(BundleLayout.MANIFEST));
            agree(m, "statements", statements);
            agree(m, "blobs", blobs.size());
            checkpoint.ifPresent(c -> agree(m, "treeSize", c.size()));
            checkpoint.filter(c -> !c.origin().equals(m.path("origin").asText()))
                    .ifPresent(c -> problems.add(BundleLayout.MANIFEST + ": origin '" + m.path("origin").asText()
                            + "' is not the checkpoint's '" + c.origin() + "'"));
        } catch (IOException e) {
            problems.add(BundleLayout.MANIFEST + ": not valid JSON (" + StatementFields.firstLine(e.getMessage()) + ")");
        }
    }

    private void agree(JsonNode manifest, String field, long actual) {
        JsonNode v = manifest.path(field);
        if (!v.canConvertToExactIntegral() || v.asLong() != actual) {
            problems.add(BundleLayout.MANIFEST + ": field '" + field + "' says " + v + ", the bundle holds " + actual);
        }
    }

    private static String fingerprint(byte[] der) {
        byte[] hash = ZipEntries.sha256().digest(der);
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
    }
}
