package dev.vouch.vault.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vouch.vault.Vault;
import dev.vouch.vault.VaultException;
import dev.vouch.vault.blob.BlobException;
import dev.vouch.vault.blob.BlobStore;
import dev.vouch.vault.blob.Digest;
import dev.vouch.vault.merkle.Rfc6962;
import dev.vouch.vault.merkle.TreeFiles;
import dev.vouch.vault.sign.Checkpoint;
import dev.vouch.vault.sign.VaultKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** One export in progress: selects the statements and writes every entry of the bundle, in order. */
final class BundleContent {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Vault vault;
    private final BlobStore blobs;
    private final Selection selection;
    private final Checkpoint checkpoint;
    private final String note;
    private final PublicKey publicKey;
    private final String publicKeyPem;
    private final Clock clock;
    /** Selected statements: seq and leaf hash, in seq order. */
    private final List<Long> seqs = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();
    /** Blob hex → the first selected statement naming it (for messages). */
    private final TreeMap<String, Long> blobNamedBy = new TreeMap<>();
    private long entriesRead;

    BundleContent(Vault vault, BlobStore blobs, Selection selection, Checkpoint checkpoint, String note,
            PublicKey publicKey, String publicKeyPem, Clock clock) {
        this.vault = vault;
        this.blobs = blobs;
        this.selection = selection;
        this.checkpoint = checkpoint;
        this.note = note;
        this.publicKey = publicKey;
        this.publicKeyPem = publicKeyPem;
        this.clock = clock;
    }

    int statements() {
        return seqs.size();
    }

    int blobCount() {
        return blobNamedBy.size();
    }

    long treeSize() {
        return checkpoint.size();
    }

    void writeTo(ZipOutputStream zip) throws IOException {
        text(zip, BundleLayout.CHECKPOINT, note);
        text(zip, BundleLayout.PUBLIC_KEY, publicKeyPem);
        begin(zip, BundleLayout.STATEMENTS);
        vault.forEachStatement((line, seq) -> select(zip, line, seq));
        zip.closeEntry();
        if (entriesRead != checkpoint.size()) {
            throw new VaultException("the vault's log holds " + entriesRead + " entries but checkpoint " + checkpoint.size()
                    + " was signed; run 'vouch vault verify' (nothing was exported)");
        }
        if (seqs.isEmpty()) {
            throw new VaultException("no statement in the vault matches the selection (" + selection.describe()
                    + "): nothing to export");
        }
        writeProofs(zip);
        writeBlobs(zip);
        text(zip, BundleLayout.MANIFEST, manifest());
        text(zip, BundleLayout.README, readme());
        text(zip, BundleLayout.VERIFIER, BundleLayout.resource(BundleLayout.VERIFIER));
    }

    private void select(ZipOutputStream zip, byte[] line, long seq) {
        if (seq >= checkpoint.size()) {
            return; // appended after the checkpoint this bundle proves against
        }
        entriesRead++;
        StatementFields fields;
        try {
            fields = StatementFields.of(line);
        } catch (IllegalArgumentException e) {
            throw new VaultException("entry #" + seq + " of the vault's log " + e.getMessage()
                    + "; run 'vouch vault verify' (nothing was exported)", e);
        }
        if (fields.seq() != seq) {
            throw new VaultException("entry #" + seq + " of the vault's log carries seq " + fields.seq()
                    + "; run 'vouch vault verify' (nothing was exported)");
        }
        if (!selection.matches(fields)) {
            return;
        }
        try {
            zip.write(line);
            zip.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        seqs.add(seq);
        leaves.add(Rfc6962.leafHash(line));
        fields.digest().ifPresent(d -> blobNamedBy.putIfAbsent(d.hex(), seq));
    }

    /**
     * Proofs come from the vault's tree files, opened once (not once per entry, as
     * {@link Vault#inclusionProof} does). Each proof is checked before it is written: a damaged tree
     * never yields a bundle that fails later.
     */
    private void writeProofs(ZipOutputStream zip) throws IOException {
        byte[] root = checkpoint.root();
        try (TreeFiles tree = TreeFiles.open(vault.paths().tree())) {
            for (int i = 0; i < seqs.size(); i++) {
                long seq = seqs.get(i);
                List<byte[]> path = Rfc6962.inclusionProof(tree, seq, checkpoint.size());
                if (!Rfc6962.verifyInclusion(leaves.get(i), seq, checkpoint.size(), path, root)) {
                    throw new VaultException("entry #" + seq + ": its inclusion proof does not lead to the root of checkpoint "
                            + checkpoint.size() + " (the log or its tree is damaged); run 'vouch vault verify'"
                            + " (nothing was exported)");
                }
                text(zip, BundleLayout.proofName(seq), BundleLayout.proofJson(seq, checkpoint.size(), path));
            }
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw new VaultException("cannot read the vault's tree in " + vault.paths().tree() + ": " + e.getMessage()
                    + "; run 'vouch vault verify' (nothing was exported)", e);
        }
    }

    private void writeBlobs(ZipOutputStream zip) throws IOException {
        for (Map.Entry<String, Long> blob : blobNamedBy.entrySet()) {
            Digest d = new Digest(blob.getKey());
            String named = " (named by entry #" + blob.getValue() + ")";
            begin(zip, BundleLayout.blobName(d.hex()));
            MessageDigest sha = sha256();
            try (InputStream in = new DigestInputStream(blobs.open(d), sha)) {
                in.transferTo(zip);
            } catch (BlobException | IOException e) {
                throw new VaultException("blob " + d + named + " cannot be exported: " + e.getMessage()
                        + " (nothing was exported)", e);
            }
            String actual = HexFormat.of().formatHex(sha.digest());
            if (!actual.equals(d.hex())) {
                throw new VaultException("blob " + d + named + " is corrupt: its content hashes to sha256:" + actual
                        + "; refusing to export it (nothing was exported)");
            }
            zip.closeEntry();
        }
    }

    private String manifest() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "vouch-evidence-bundle");
        m.put("formatVersion", BundleLayout.FORMAT_VERSION);
        m.put("origin", checkpoint.origin());
        m.put("period", Map.of("from", selection.from().toString(), "to", selection.to().toString()));
        m.put("controls", selection.controls().stream().sorted().toList());
        m.put("statements", seqs.size());
        m.put("blobs", blobNamedBy.size());
        m.put("treeSize", checkpoint.size());
        m.put("checkpointTime", checkpoint.time().toString());
        m.put("keyFingerprint", VaultKeys.fingerprint(publicKey));
        m.put("created", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        return JSON.writeValueAsString(m) + "\n";
    }

    private String readme() {
        String controls = selection.controls().isEmpty() ? "all" : String.join(", ", selection.controls().stream().sorted().toList());
        return BundleLayout.resource(BundleLayout.README)
                .replace("{{ORIGIN}}", checkpoint.origin())
                .replace("{{FINGERPRINT}}", VaultKeys.fingerprint(publicKey))
                .replace("{{STATEMENTS}}", Integer.toString(seqs.size()))
                .replace("{{BLOBS}}", Integer.toString(blobNamedBy.size()))
                .replace("{{TREE_SIZE}}", Long.toString(checkpoint.size()))
                .replace("{{PERIOD}}", selection.from() + " to " + selection.to())
                .replace("{{CONTROLS}}", controls);
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        begin(zip, name);
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void begin(ZipOutputStream zip, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(BundleLayout.ENTRY_TIME);
        zip.putNextEntry(e);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
