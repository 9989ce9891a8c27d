package dev.vouch.cli.vault;

import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.vault.Vault;
import dev.vouch.vault.VaultVerifier;
import dev.vouch.vault.blob.BlobCipher;
import dev.vouch.vault.blob.BlobStore;
import dev.vouch.vault.blob.FileBlobStore;
import dev.vouch.vault.sign.VaultKeys;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * A workspace's evidence vault: {@code .vouch/vault/} with its keys in {@code .vouch/keys/}
 * (docs/vault.md). The key pair is created on first use (private key mode 0600, never printed);
 * blobs are encrypted when vouch.yaml names a key (vault.encryptionKeyFile or vault.encryptionKeyEnv).
 */
public final class WorkspaceVault {
    private final Workspace workspace;

    public WorkspaceVault(Workspace workspace) {
        this.workspace = workspace;
    }

    public Path dir() {
        return workspace.dir().resolve(".vouch").resolve("vault");
    }

    public Path privateKey() {
        return workspace.dir().resolve(".vouch").resolve("keys").resolve("vault.key");
    }

    public Path publicKey() {
        return workspace.dir().resolve(".vouch").resolve("keys").resolve("vault.pub");
    }

    /** The checkpoint origin: {@code vouch/<organization slug>}. */
    public String origin() {
        String slug = workspace.organization().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return "vouch/" + (slug.isEmpty() ? "workspace" : slug);
    }

    public boolean hasKeys() {
        return Files.exists(privateKey()) && Files.exists(publicKey());
    }

    /** Creates the key pair if missing and says so (with the public fingerprint) on {@code err}. */
    public VaultKeys keys(PrintWriter err) {
        if (hasKeys()) {
            return VaultKeys.load(privateKey(), publicKey());
        }
        if (Files.exists(privateKey()) || Files.exists(publicKey())) {
            throw new ConfigException(privateKey().getParent() + ": one of vault.key / vault.pub is missing; restore it "
                    + "from backup (a new key would not verify the existing checkpoints)");
        }
        try {
            Files.createDirectories(privateKey().getParent());
        } catch (java.io.IOException e) {
            throw new ConfigException(privateKey().getParent() + ": cannot create: " + e.getMessage());
        }
        VaultKeys keys = VaultKeys.generate();
        keys.save(privateKey(), publicKey());
        err.println("vouch: created the vault signing key " + privateKey() + " (mode 0600; back it up, keep it private)");
        err.println("vouch: vault public key fingerprint " + VaultKeys.fingerprint(keys.publicKey())
                + " (give " + publicKey() + " to your auditor)");
        return keys;
    }

    public BlobStore blobs() {
        return new FileBlobStore(dir().resolve("blobs"), cipher());
    }

    private BlobCipher cipher() {
        return workspace.vaultKeyFile().map(BlobCipher::fromKeyFile)
                .or(() -> workspace.vaultKeyEnv().map(BlobCipher::fromEnvironment))
                .orElse(null);
    }

    public Vault open(Clock clock, PrintWriter err) {
        return new Vault(dir(), origin(), keys(err), blobs(), clock, "vouch-cli " + version());
    }

    public VaultVerifier verifier(java.security.PublicKey key) {
        return new VaultVerifier(dir(), key, blobs());
    }

    static String version() {
        String v = WorkspaceVault.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
