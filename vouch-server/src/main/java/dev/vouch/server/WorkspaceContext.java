package dev.vouch.server;

import dev.vouch.cli.vault.WorkspaceVault;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.store.Store;
import dev.vouch.vault.Evidence;
import dev.vouch.vault.Vault;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The workspace the server runs on: its configuration, its database (opened once, shared by all requests) and its
 * vault. The CLI works on the same folder at the same time; the vault and the store serialise their own writes.
 */
@Component
public class WorkspaceContext implements AutoCloseable {
    private final ServerSettings settings;
    private final Workspace workspace;
    private final Store store;
    private Vault vault;

    public WorkspaceContext(ServerSettings settings) {
        this.settings = settings;
        this.workspace = Workspace.open(settings.workspace());
        this.store = Store.open(workspace.database(), settings.clock());
    }

    public Workspace workspace() {
        return workspace;
    }

    public Store store() {
        return store;
    }

    public Clock clock() {
        return settings.clock();
    }

    public ServerSettings settings() {
        return settings;
    }

    /** Appends to the workspace vault (creating its keys on first use). */
    public Vault.Appended append(Evidence e) {
        return vault().append(List.of(e));
    }

    /**
     * The workspace vault, opened once (its keys read once; made on first use when the workspace has none yet) and
     * shared by all requests: appends are serialised by the vault itself.
     */
    public synchronized Vault vault() {
        if (vault == null) {
            vault = new WorkspaceVault(workspace).open(settings.clock(), new PrintWriter(Writer.nullWriter()));
        }
        return vault;
    }

    @Override
    public void close() {
        store.close();
    }
}
