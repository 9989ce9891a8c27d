package dev.vouch.cli;

import dev.vouch.vault.sign.SignedCheckpoint;

import dev.vouch.cli.vault.WorkspaceVault;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.vault.VerifyReport;
import dev.vouch.vault.sign.VaultKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "vault", mixinStandardHelpOptions = true,
        description = "The tamper-evident evidence vault: verify it, show its public key and newest signed checkpoint (docs/vault.md).",
        subcommands = {VaultCommand.Verify.class, VaultCommand.Export.class, VaultCommand.VerifyBundle.class,
            VaultCommand.Consistency.class, VaultCommand.Key.class, VaultCommand.CheckpointCmd.class})
final class VaultCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Recompute every leaf and root, check every checkpoint's signature and every blob's digest,",
                "and name the exact entry and reason of any failure. Exit 0 when the vault verifies, 4 when it does not."})
    static final class Verify implements Callable<Integer> {
        @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint you saved earlier: also prove the log still extends it (detects a rollback).") Path held;
        @Option(names = "--key", paramLabel = "PUB", description = "Verify with this public key (PEM) instead of the workspace's own.") Path key;
        @Option(names = {"-w", "--workspace"}, paramLabel = "DIR") Path ws;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            WorkspaceVault wv = new WorkspaceVault(EvidenceCommand.workspace(ws));
            PublicKey pub = publicKey(wv, key);
            Optional<String> heldText = held == null ? Optional.empty() : Optional.of(Files.readString(held, StandardCharsets.UTF_8));
            VerifyReport r = wv.verifier(pub).verify(heldText);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("vault     %s%nkey       %s%nentries   %d, checkpoints %d, blobs checked %d%n", wv.dir(),
                    VaultKeys.fingerprint(pub), r.entries(), r.checkpoints(), r.blobsChecked());
            r.newest().ifPresent(c -> out.printf("newest    checkpoint %d, root %s, signed %s%n", c.size(),
                    java.util.Base64.getEncoder().encodeToString(c.root()), c.time()));
            r.problems().forEach(p -> out.println(p));
            out.println(r.ok() ? "OK: the vault verifies" : "FAILED: " + r.errors().size() + " problem(s); the vault cannot be trusted as it is");
            return r.ok() ? ExitCode.OK : ExitCode.VERIFY_FAILED;
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true, description = "Print the vault's public key (PEM) and its fingerprint, for your auditor.")
    static final class Key implements Callable<Integer> {
        @Option(names = {"-w", "--workspace"}, paramLabel = "DIR") Path ws;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            WorkspaceVault wv = new WorkspaceVault(EvidenceCommand.workspace(ws));
            PublicKey pub = publicKey(wv, null);
            spec.commandLine().getOut().print(Files.readString(wv.publicKey(), StandardCharsets.UTF_8));
            spec.commandLine().getOut().println("fingerprint " + VaultKeys.fingerprint(pub));
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Print the newest signed checkpoint. Auditors keep it and later run 'vouch vault verify --checkpoint FILE'.")
    static final class CheckpointCmd implements Callable<Integer> {
        @Option(names = {"-w", "--workspace"}, paramLabel = "DIR") Path ws;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            WorkspaceVault wv = new WorkspaceVault(EvidenceCommand.workspace(ws));
            String c = EvidenceCommand.vault(wv).newestCheckpoint()
                    .orElseThrow(() -> new ConfigException(wv.dir() + ": no checkpoint yet"));
            spec.commandLine().getOut().print(c);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Write an auditor bundle: the statements covering a period, their inclusion proofs, the evidence,",
                "the signed checkpoint, the public key, VERIFY.md and an independent Verify.java.",
                "Example: vouch vault export --period 2026-01-01..2026-12-31 --control VC-IAM-05 -o acme-2026.zip"})
    static final class Export implements Callable<Integer> {
        @Option(names = "--period", required = true, paramLabel = "FROM..TO", description = "Statements whose covered period overlaps this.") String period;
        @Option(names = {"--control", "--controls"}, split = ",", paramLabel = "ID", description = "Only statements for these controls (default: all).") java.util.List<String> controls = new java.util.ArrayList<>();
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The zip to write (never overwritten).") Path output;
        @Option(names = {"-w", "--workspace"}, paramLabel = "DIR") Path ws;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            WorkspaceVault wv = new WorkspaceVault(EvidenceCommand.workspace(ws));
            Period p = Period.parse(period, "--period");
            java.util.Set<String> ids = new java.util.TreeSet<>();
            controls.forEach(c -> ids.add(c.trim().toUpperCase(java.util.Locale.ROOT)));
            var summary = dev.vouch.vault.bundle.BundleWriter.export(EvidenceCommand.vault(wv), wv.blobs(), publicKey(wv, null),
                    Files.readString(wv.publicKey(), StandardCharsets.UTF_8),
                    new dev.vouch.vault.bundle.Selection(p.from(), p.to(), ids), output);
            spec.commandLine().getOut().printf("wrote %s: %d statements, %d blobs, proofs against checkpoint %d%n"
                    + "verify with: java Verify.java %s vault.pub   (or: vouch vault verify-bundle %s --key vault.pub)%n",
                    summary.file(), summary.statements(), summary.blobs(), summary.treeSize(), output.getFileName(), output.getFileName());
            return ExitCode.OK;
        }
    }

    @Command(name = "verify-bundle", mixinStandardHelpOptions = true,
            description = {"Verify an auditor bundle with the vault's public key, outside any workspace.",
                "Exit 0 when it verifies, 4 when it does not (each problem named)."})
    static final class VerifyBundle implements Callable<Integer> {
        @CommandLine.Parameters(paramLabel = "FILE") Path bundle;
        @Option(names = "--key", required = true, paramLabel = "PUB", description = "The vault public key you hold (PEM), not the one inside the bundle.") Path key;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(key)) {
                throw new ConfigException(key + ": no such key file");
            }
            PublicKey pub = VaultKeys.loadPublic(key);
            var r = dev.vouch.vault.bundle.BundleVerifier.verify(bundle, pub);
            PrintWriter out = spec.commandLine().getOut();
            r.problems().forEach(p -> out.println("problem: " + p));
            out.println(r.ok()
                    ? String.format("OK: %d statements, %d blobs verified against checkpoint %d (key %s)", r.statements(), r.blobs(),
                            r.treeSize(), VaultKeys.fingerprint(pub))
                    : "FAILED: " + r.problems().size() + " problem(s) in " + bundle);
            return r.ok() ? ExitCode.OK : ExitCode.VERIFY_FAILED;
        }
    }

    @Command(name = "consistency", mixinStandardHelpOptions = true,
            description = {"Prove that the newest checkpoint extends one you saved earlier (RFC 9162 consistency proof).",
                "Prints {first, second, firstRoot, secondRoot, path} as JSON, verified before it is printed."})
    static final class Consistency implements Callable<Integer> {
        @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "The earlier checkpoint you hold.") Path held;
        @Option(names = {"-w", "--workspace"}, paramLabel = "DIR") Path ws;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            WorkspaceVault wv = new WorkspaceVault(EvidenceCommand.workspace(ws));
            PublicKey pub = publicKey(wv, null);
            var old = dev.vouch.vault.sign.SignedCheckpoint.verify(Files.readString(held, StandardCharsets.UTF_8), pub);
            if (!old.valid()) {
                throw new ConfigException(held + ": " + old.reason());
            }
            var vault = EvidenceCommand.vault(wv);
            String newestText = vault.newestCheckpoint().orElseThrow(() -> new ConfigException(wv.dir() + ": no checkpoint yet"));
            var now = dev.vouch.vault.sign.SignedCheckpoint.verify(newestText, pub).checkpoint();
            long m = old.checkpoint().size();
            long n = now.size();
            if (m > n) {
                spec.commandLine().getOut().printf("FAILED: your checkpoint has %d entries but the vault's newest has %d: the vault was rolled back%n", m, n);
                return ExitCode.VERIFY_FAILED;
            }
            java.util.List<byte[]> path = vault.consistencyProof(m, n);
            boolean ok = dev.vouch.vault.merkle.Rfc6962.verifyConsistency(m, n, old.checkpoint().root(), now.root(), path);
            java.util.Map<String, Object> proof = new java.util.LinkedHashMap<>();
            proof.put("first", m);
            proof.put("second", n);
            proof.put("firstRoot", dev.vouch.vault.merkle.Rfc6962.hex(old.checkpoint().root()));
            proof.put("secondRoot", dev.vouch.vault.merkle.Rfc6962.hex(now.root()));
            proof.put("path", path.stream().map(dev.vouch.vault.merkle.Rfc6962::hex).toList());
            spec.commandLine().getOut().println(ChecksCommand.JSON.writeValueAsString(proof));
            if (!ok) {
                spec.commandLine().getErr().println("vouch: FAILED: the vault's history is not an extension of your checkpoint " + m);
                return ExitCode.VERIFY_FAILED;
            }
            spec.commandLine().getErr().println("vouch: OK: checkpoint " + n + " extends your checkpoint " + m);
            return ExitCode.OK;
        }
    }

    /** Checks a checkpoint the user holds against this vault's key; a malformed file is a usage error naming it. */
    static SignedCheckpoint.Verification verifyHeld(String note, Path file, WorkspaceVault wv) {
        try {
            return SignedCheckpoint.verify(note, publicKey(wv, null));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": not a signed checkpoint: " + e.getMessage());
        }
    }

    static PublicKey publicKey(WorkspaceVault wv, Path explicit) {
        Path p = explicit != null ? explicit : wv.publicKey();
        if (!Files.exists(p)) {
            throw new ConfigException(p + ": no public key (this workspace has no vault yet)");
        }
        return VaultKeys.loadPublic(p);
    }
}
