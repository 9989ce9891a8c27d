// Verify.java - an independent verifier for a Vouch evidence bundle.
//
// Run it with any Java 17+ JDK, no build and no libraries needed:
//
//     java Verify.java bundle.zip vault.pub
//
// where vault.pub is the vault public key YOU trust (obtained from the organisation separately,
// e.g. by comparing its fingerprint), not necessarily the copy inside the bundle.
//
// It re-implements Vouch's checks with the JDK alone, so that you need not trust Vouch's own code:
//   1. checkpoint.txt is a C2SP signed note whose Ed25519 signature verifies with your key;
//   2. each line of statements.jsonl, hashed as an RFC 9162 leaf, leads through its inclusion proof
//      (proofs/<seq>.json) to the root hash the checkpoint signs;
//   3. each blob's SHA-256 equals the digest ("sha256:<hex>") its statement names.
// It prints one line per problem, then "OK: ..." (exit status 0) or "FAILED: ..." (exit status 1).
// Nothing is extracted to disk; entries with unexpected names (e.g. "../evil") are reported, never read.
//
// About JSON: statements are canonical JSON (RFC 8785) written by Vouch, and inside a JSON string every
// '"' is escaped as '\"'. So the text "seq": followed by digits can only be the key "seq" itself, never
// part of a string value, and a strict regular expression extracts it safely; the same holds for
// "digest". Proof files have one fixed shape, matched by one regular expression. This program does not
// re-check the canonical form of statements (Vouch's own verifier does); it does not need to, because the
// leaf hash covers every byte of each statement line exactly as it is.

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.*;
import java.security.spec.X509EncodedKeySpec;
import java.util.*;
import java.util.regex.*;
import java.util.zip.*;

public class Verify {
    static final Pattern SEQ = Pattern.compile("\"seq\":(0|[1-9][0-9]{0,17})[,}]");
    static final Pattern DIGEST = Pattern.compile("\"digest\":\"sha256:([0-9a-f]{64})\"");
    static final Pattern PROOF = Pattern.compile(
            "\\{\"leafIndex\":(0|[1-9][0-9]{0,17}),\"treeSize\":(0|[1-9][0-9]{0,17}),\"path\":\\[((?:\"[0-9a-f]{64}\"(?:,\"[0-9a-f]{64}\")*)?)\\]\\}");
    static final Pattern ENTRY = Pattern.compile(
            "statements\\.jsonl|checkpoint\\.txt|vault\\.pub|manifest\\.json|VERIFY\\.md|Verify\\.java"
            + "|proofs/(0|[1-9][0-9]{0,17})\\.json|blobs/[0-9a-f]{64}");
    static final HexFormat HEX = HexFormat.of();
    static final List<String> problems = new ArrayList<>();
    static final Set<String> blobsNamed = new HashSet<>();
    static long previousSeq = -1;

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java Verify.java bundle.zip vault.pub");
            System.exit(2);
        }
        String summary = "";
        try {
            PublicKey key = readPublicKey(Path.of(args[1]));
            try (ZipFile zip = new ZipFile(args[0])) {
                summary = verify(zip, key);
            } catch (ZipException e) {
                problems.add(args[0] + ": not a readable zip archive (" + e.getMessage()
                        + "): truncated, corrupt or not a Vouch bundle");
            }
        } catch (Exception e) {
            problems.add(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        problems.forEach(System.out::println);
        if (problems.isEmpty()) {
            System.out.println("OK: " + summary);
            System.exit(0);
        }
        System.out.println("FAILED: " + problems.size() + " problem(s) in " + args[0]);
        System.exit(1);
    }

    static String verify(ZipFile zip, PublicKey key) throws Exception {
        // Only entries with the exact names a bundle holds are ever read.
        Set<String> names = new HashSet<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (!ENTRY.matcher(name).matches()) {
                problems.add("entry '" + name + "': unexpected name in a Vouch bundle; ignored, not extracted");
            } else if (!names.add(name)) {
                problems.add(name + ": appears more than once in the zip (ambiguous)");
            }
        }
        for (String required : List.of("statements.jsonl", "checkpoint.txt")) {
            if (!names.contains(required)) {
                throw new IOException(required + ": missing (required in a Vouch bundle)");
            }
        }
        // Check 1: the checkpoint's signature, with the auditor's key. Gives the tree size and root.
        String[] checkpoint = verifyCheckpoint(new String(read(zip, "checkpoint.txt"), StandardCharsets.UTF_8), key);
        long treeSize = Long.parseLong(checkpoint[1]);
        byte[] root = Base64.getDecoder().decode(checkpoint[2]);
        // Check 3 (prepared): hash every blob once; statements are matched against these hashes below.
        Map<String, String> blobHash = new HashMap<>();
        for (String name : names) {
            if (name.startsWith("blobs/")) {
                try {
                    blobHash.put(name.substring(6), hashEntry(zip, name));
                } catch (IOException e) {
                    problems.add(name + ": cannot be read from the zip (" + e.getMessage() + ")");
                }
            }
        }
        // Each line is hashed exactly as stored: the bytes between two '\n', not a decoded copy.
        byte[] all = read(zip, "statements.jsonl");
        int statements = 0;
        for (int start = 0; start < all.length; statements++) {
            int end = start;
            while (end < all.length && all[end] != '\n') {
                end++;
            }
            if (end == all.length) {
                problems.add("statements.jsonl: the last line does not end with a newline (the file was cut short)");
            }
            checkStatement(zip, names, Arrays.copyOfRange(all, start, end), statements + 1, treeSize, root, blobHash);
            start = end + 1;
        }
        for (String hex : blobHash.keySet()) {
            if (!blobsNamed.contains(hex)) {
                problems.add("blobs/" + hex + ": not named by any statement (unexpected blob)");
            }
        }
        return statements + " statements, " + blobHash.size() + " blobs verified against checkpoint "
                + treeSize + " (key " + fingerprint(key) + ")";
    }

    static void checkStatement(ZipFile zip, Set<String> names, byte[] bytes, int number, long treeSize, byte[] root,
            Map<String, String> blobHash) throws Exception {
        String line = new String(bytes, StandardCharsets.UTF_8);
        List<MatchResult> seqs = SEQ.matcher(line).results().toList();
        if (seqs.size() != 1) {
            problems.add("statements.jsonl line " + number + ": expected exactly one \"seq\" field, found " + seqs.size());
            return;
        }
        long seq = Long.parseLong(seqs.get(0).group(1));
        String stmt = "statement seq " + seq;
        if (seq <= previousSeq) {
            problems.add(stmt + " (statements.jsonl line " + number + "): out of order or repeated");
        }
        previousSeq = seq;
        // Check 2: the inclusion proof. The leaf hash is SHA-256(0x00 || the line's bytes, without '\n').
        String proofName = "proofs/" + seq + ".json";
        Matcher proof = names.contains(proofName)
                ? PROOF.matcher(new String(read(zip, proofName), StandardCharsets.UTF_8).strip()) : null;
        if (proof == null) {
            problems.add(stmt + ": no inclusion proof (" + proofName + " is missing)");
        } else if (!proof.matches()) {
            problems.add(proofName + ": not a proof of the form {\"leafIndex\":i,\"treeSize\":n,\"path\":[...]}");
        } else if (Long.parseLong(proof.group(1)) != seq || Long.parseLong(proof.group(2)) != treeSize) {
            problems.add(proofName + ": is for leaf " + proof.group(1) + " of tree " + proof.group(2)
                    + ", expected leaf " + seq + " of tree " + treeSize);
        } else {
            List<byte[]> path = new ArrayList<>();
            for (String h : proof.group(3).replace("\"", "").split(",")) {
                if (!h.isEmpty()) {
                    path.add(HEX.parseHex(h));
                }
            }
            byte[] leaf = sha256(new byte[] {0}, bytes);
            if (!verifyInclusion(leaf, seq, treeSize, path, root)) {
                problems.add(stmt + ": inclusion proof does not verify against checkpoint " + treeSize
                        + " (the statement or its proof was altered)");
            }
        }
        // Check 3: the blob named by the statement is present and its SHA-256 is the named digest.
        Matcher digest = DIGEST.matcher(line);
        if (digest.find()) {
            String hex = digest.group(1);
            blobsNamed.add(hex);
            String actual = blobHash.get(hex);
            if (actual == null) {
                problems.add(stmt + ": its blob blobs/" + hex + " is missing from the bundle");
            } else if (!actual.equals(hex)) {
                problems.add("blobs/" + hex + ": content hashes to sha256:" + actual + ", " + stmt
                        + " names sha256:" + hex + " (swapped or altered blob)");
            }
        }
    }

    // RFC 9162 section 2.1.3.2, step by step: fold the audit path into the leaf hash; the result must be
    // the signed root, and the path must be exactly as long as the tree requires.
    static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
        if (index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = sha256(new byte[] {1}, p, r);      // interior node: SHA-256(0x01 || left || right)
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = sha256(new byte[] {1}, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    // C2SP signed note (c2sp.org/signed-note, tlog-checkpoint). The signed body is every line before the
    // blank line, each ending in '\n': origin, tree size, Base64 root hash, "time ...". A signature line is
    // "<em dash> <origin> Base64(key hash[4] || Ed25519 signature[64])", where the key hash is the first 4
    // bytes of SHA-256(origin || 0x0A || 0x01 || raw 32-byte public key). Returns the body lines.
    static String[] verifyCheckpoint(String note, PublicKey key) throws Exception {
        int blank = note.indexOf("\n\n");
        if (blank < 0) {
            throw new IOException("checkpoint.txt: no blank line between the checkpoint and its signature");
        }
        String body = note.substring(0, blank + 1);
        String[] lines = body.split("\n");
        if (lines.length < 3 || !lines[1].matches("0|[1-9][0-9]{0,17}") || !lines[2].matches("[A-Za-z0-9+/]{43}=")) {
            throw new IOException("checkpoint.txt: expected origin, tree size and Base64 root hash lines");
        }
        String origin = lines[0];
        byte[] raw = Arrays.copyOfRange(key.getEncoded(), key.getEncoded().length - 32, key.getEncoded().length);
        byte[] keyHash = Arrays.copyOf(sha256(origin.getBytes(StandardCharsets.UTF_8), new byte[] {'\n', 1}, raw), 4);
        boolean signed = false;
        for (String sig : note.substring(blank + 2).split("\n")) {
            if (!sig.startsWith("\u2014 " + origin + " ")) {
                continue; // a signature by another key name (e.g. a witness): not ours to check
            }
            byte[] payload = sig.substring(origin.length() + 3).matches("[A-Za-z0-9+/]+={0,2}")
                    ? Base64.getDecoder().decode(sig.substring(origin.length() + 3)) : new byte[0];
            if (payload.length == 68 && Arrays.equals(Arrays.copyOf(payload, 4), keyHash)) {
                Signature ed = Signature.getInstance("Ed25519");
                ed.initVerify(key);
                ed.update(body.getBytes(StandardCharsets.UTF_8));
                signed = ed.verify(Arrays.copyOfRange(payload, 4, 68));
                if (!signed) {
                    problems.add("checkpoint.txt: the signature by your key does not verify (the checkpoint was altered)");
                    return lines;
                }
            }
        }
        if (!signed) {
            problems.add("checkpoint.txt: not signed by your key " + fingerprint(key)
                    + " (key hash " + HEX.formatHex(keyHash) + " not found among its signatures)");
        }
        return lines;
    }

    // An X.509 SubjectPublicKeyInfo PEM, as written by 'openssl pkey -pubout' and by Vouch.
    static PublicKey readPublicKey(Path pem) throws IOException {
        try {
            String text = Files.readString(pem, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            byte[] der = Base64.getDecoder().decode(text);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IOException(pem + ": not an Ed25519 public key PEM (" + e + ")");
        }
    }

    // The fingerprint users see: "SHA256:" + unpadded Base64 of SHA-256 of the key's DER (like OpenSSH).
    static String fingerprint(PublicKey key) {
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(key.getEncoded()));
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // Blobs can be large: hash them as a stream.
    static String hashEntry(ZipFile zip, String name) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(zip.getInputStream(zip.getEntry(name)), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HEX.formatHex(md.digest());
    }

    static byte[] read(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return in.readAllBytes();
        }
    }
}
