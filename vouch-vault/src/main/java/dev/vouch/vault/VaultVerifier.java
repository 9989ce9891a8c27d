package dev.vouch.vault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.vault.VerifyReport.Level;
import dev.vouch.vault.VerifyReport.Problem;
import dev.vouch.vault.blob.BlobStore;
import dev.vouch.vault.blob.Digest;
import dev.vouch.vault.jcs.Jcs;
import dev.vouch.vault.merkle.MemoryTree;
import dev.vouch.vault.merkle.Rfc6962;
import dev.vouch.vault.sign.Checkpoint;
import dev.vouch.vault.sign.SignedCheckpoint;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Verifies a vault from its files alone (docs/vault.md, "Verification"): every checkpoint's signature,
 * every entry's position, canonical form and leaf, every checkpoint's root recomputed from the log,
 * every blob's digest, and optionally consistency with a checkpoint the auditor held. Reads only.
 */
public final class VaultVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final VaultPaths paths;
    private final PublicKey key;
    private final BlobStore blobs;
    private final List<Problem> problems = new ArrayList<>();

    public VaultVerifier(Path vaultDir, PublicKey key, BlobStore blobs) {
        this.paths = new VaultPaths(vaultDir);
        this.key = key;
        this.blobs = blobs;
    }

    /** @param held a checkpoint the auditor saved earlier (text), to detect a rolled-back or forked log */
    public VerifyReport verify(Optional<String> held) {
        problems.clear();
        TreeMap<Long, Checkpoint> signed = checkpoints();
        Optional<Checkpoint> heldCheckpoint = held.flatMap(this::heldCheckpoint);
        TreeMap<Long, byte[]> wanted = new TreeMap<>();
        signed.forEach((n, c) -> wanted.put(n, c.root()));
        heldCheckpoint.ifPresent(c -> wanted.putIfAbsent(c.size(), c.root()));
        Pass pass = new Pass(wanted);
        try {
            LogFiles.forEachLine(paths.log().resolve("statements.jsonl"), pass::entry);
            pass.finish();
        } catch (IOException e) {
            error("log/statements.jsonl", "cannot be read: " + e.getMessage());
        }
        long entries = pass.frontier.size();
        signed.forEach((n, c) -> compare("checkpoint " + n, n, c.root(), pass, entries,
                "the log's first %d entries hash to %s, but the signed root is %s: an entry before #%d was changed, removed, inserted or reordered"));
        heldCheckpoint.ifPresent(c -> compare("your checkpoint " + c.size(), c.size(), c.root(), pass, entries,
                "the log's history differs from the checkpoint you hold (first %d entries hash to %s, you hold %s): it was rewritten after you saw it (entries before #%d)"));
        long newest = signed.isEmpty() ? 0 : signed.lastKey();
        if (entries > newest) {
            warning("log", "entries #" + newest + "..#" + (entries - 1) + " are not covered by a signed checkpoint "
                    + "(an interrupted append); the next append drops them");
        }
        if (entries > 0 && signed.isEmpty()) {
            error("checkpoints", "no signed checkpoint covers the log");
        }
        checkLeafFile(pass.frontier);
        return new VerifyReport(entries, signed.size(), pass.blobsChecked,
                signed.isEmpty() ? Optional.empty() : Optional.of(signed.lastEntry().getValue()), problems);
    }

    private void compare(String where, long size, byte[] signedRoot, Pass pass, long entries, String mismatch) {
        if (size > entries) {
            error(where, "was signed for " + size + " entries but the log has only " + entries
                    + ": entries #" + entries + "..#" + (size - 1) + " were removed (log truncated or rolled back)");
            return;
        }
        byte[] computed = pass.roots.get(size);
        if (computed != null && !Arrays.equals(computed, signedRoot)) {
            error(where, String.format(mismatch, size, Rfc6962.hex(computed), Rfc6962.hex(signedRoot), size));
        }
    }

    private TreeMap<Long, Checkpoint> checkpoints() {
        TreeMap<Long, Checkpoint> out = new TreeMap<>();
        if (!Files.isDirectory(paths.checkpoints())) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(paths.checkpoints())) {
            files = s.filter(p -> VaultPaths.sizeOf(p) >= 0).sorted().toList();
        } catch (IOException e) {
            error("checkpoints", "cannot be listed: " + e.getMessage());
            return out;
        }
        for (Path f : files) {
            String where = "checkpoint " + VaultPaths.sizeOf(f);
            try {
                SignedCheckpoint.Verification v = SignedCheckpoint.verify(Files.readString(f, StandardCharsets.UTF_8), key);
                if (!v.valid()) {
                    error(where, v.reason() + " (" + f.getFileName() + ")");
                } else if (v.checkpoint().size() != VaultPaths.sizeOf(f)) {
                    error(where, "the file name says size " + VaultPaths.sizeOf(f) + " but the signed size is " + v.checkpoint().size());
                } else {
                    out.put(v.checkpoint().size(), v.checkpoint());
                }
            } catch (IOException | RuntimeException e) {
                error(where, "cannot be read: " + e.getMessage());
            }
        }
        return out;
    }

    private Optional<Checkpoint> heldCheckpoint(String text) {
        try {
            SignedCheckpoint.Verification v = SignedCheckpoint.verify(text, key);
            if (!v.valid()) {
                error("your checkpoint", v.reason());
                return Optional.empty();
            }
            return Optional.of(v.checkpoint());
        } catch (RuntimeException e) {
            error("your checkpoint", "is not a checkpoint: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * One pass over the log: positions, canonical form, blobs, and the roots at the sizes wanted. Entries
     * are checked and hashed in parallel batches (parsing dominates); leaves join the tree in log order.
     */
    private final class Pass {
        private static final int BATCH = 4096;
        final MemoryTree frontier = new MemoryTree();
        final TreeMap<Long, byte[]> wanted;
        final TreeMap<Long, byte[]> roots = new TreeMap<>();
        final List<byte[]> pendingLines = new ArrayList<>(BATCH);
        long firstPendingSeq;
        long blobsChecked;

        Pass(TreeMap<Long, byte[]> wanted) {
            this.wanted = wanted;
        }

        void entry(byte[] line, long seq) {
            if (seq < 0) {
                finish();
                warning("log/statements.jsonl", "ends with a partial line after entry #" + (-1 - seq - 1)
                        + " (an interrupted write); the next append removes it");
                return;
            }
            if (pendingLines.isEmpty()) {
                firstPendingSeq = seq;
            }
            pendingLines.add(line);
            if (pendingLines.size() == BATCH) {
                finish();
            }
        }

        /** Checks the pending batch in parallel, then adds its leaves and problems in order. */
        void finish() {
            long base = firstPendingSeq;
            List<Checked> checked = java.util.stream.IntStream.range(0, pendingLines.size()).parallel()
                    .mapToObj(i -> check(pendingLines.get(i), base + i)).toList();
            for (Checked c : checked) {
                c.problems().forEach(problems::add);
                blobsChecked += c.blob() ? 1 : 0;
                frontier.append(c.leaf());
                if (wanted.containsKey(frontier.size())) {
                    roots.put(frontier.size(), frontier.root());
                }
            }
            pendingLines.clear();
        }
    }

    private record Checked(byte[] leaf, List<Problem> problems, boolean blob) {
    }

    /** Everything about one entry that does not depend on the others; safe to run in parallel. */
    private Checked check(byte[] line, long seq) {
        String where = "entry #" + seq;
        List<Problem> found = new ArrayList<>(0);
        byte[] leaf = Rfc6962.leafHash(line);
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            found.add(new Problem(Level.ERROR, where, "is not valid JSON: " + CheckFirstLine.of(e.getMessage())));
            return new Checked(leaf, found, false);
        }
        long claimed = node.path("seq").asLong(-1);
        if (claimed != seq) {
            found.add(new Problem(Level.ERROR, where, "carries seq " + claimed + ": entries were inserted, removed or reordered before it"));
        }
        if (!canonical(node, line)) {
            found.add(new Problem(Level.ERROR, where, "is not in canonical form: it was edited after it was written"));
        }
        boolean blob = node.hasNonNull("digest");
        if (blob) {
            try {
                for (String p : blobs.verify(Digest.parse(node.get("digest").asText()))) {
                    found.add(new Problem(Level.ERROR, where, p));
                }
            } catch (RuntimeException e) {
                found.add(new Problem(Level.ERROR, where, "names a bad digest: " + e.getMessage()));
            }
        }
        return new Checked(leaf, found, blob);
    }

    /** Canonical when re-canonicalizing the parsed statement gives back exactly its bytes. */
    private static boolean canonical(JsonNode node, byte[] line) {
        try {
            return Arrays.equals(Jcs.canonicalize(node), line);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Compares the derived leaf file with the recomputed leaves, naming the first entry that differs. */
    private void checkLeafFile(MemoryTree leaves) {
        Path level0 = paths.tree().resolve("level-00.bin");
        if (!Files.exists(level0)) {
            return;
        }
        try (InputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(level0)))) {
            byte[] buf = new byte[32];
            long i = 0;
            while (in.readNBytes(buf, 0, 32) == 32) {
                if (i < leaves.size() && !Arrays.equals(buf, leaves.leaf(i))) {
                    error("entry #" + i, "does not match its recorded leaf hash: the statement was changed after it was written");
                    return;
                }
                i++;
            }
            if (i != leaves.size()) {
                warning("log/tree", "holds " + i + " leaf hashes for " + leaves.size() + " entries (derived data; rebuilt on the next append)");
            }
        } catch (IOException e) {
            warning("log/tree", "cannot be read: " + e.getMessage());
        }
    }

    private void error(String where, String message) {
        problems.add(new Problem(Level.ERROR, where, message));
    }

    private void warning(String where, String message) {
        problems.add(new Problem(Level.WARNING, where, message));
    }

    private static final class CheckFirstLine {
        static String of(String s) {
            int nl = s == null ? -1 : s.indexOf('\n');
            return s == null ? "" : nl < 0 ? s : s.substring(0, nl);
        }
    }
}
