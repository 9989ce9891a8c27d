package dev.vouch.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.cli.ReportInputs;
import dev.vouch.cli.vault.WorkspaceVault;
import dev.vouch.vault.VerifyReport;
import dev.vouch.vault.sign.VaultKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The vault as the pages and API show it: newest seal, full verification on request, the server's audit trail. */
final class VaultCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.concurrent.Semaphore VERIFYING = new java.util.concurrent.Semaphore(1);

    private VaultCheck() {
    }

    static ApiController.VaultStatus status(WorkspaceContext ws, boolean verify) {
        WorkspaceVault wv = new WorkspaceVault(ws.workspace());
        if (!wv.hasKeys()) {
            return new ApiController.VaultStatus(false, Optional.empty(), Optional.empty(), List.of());
        }
        ReportInputs.VaultView view = ReportInputs.vault(ws.workspace());
        if (!verify) {
            return new ApiController.VaultStatus(true, view.seal(), Optional.empty(), List.of());
        }
        // a full verification reads every blob: one at a time, whoever asks (the others get the seal without it)
        if (!VERIFYING.tryAcquire()) {
            return new ApiController.VaultStatus(true, view.seal(), Optional.empty(),
                    List.of("a verification is running already; ask again when it has finished"));
        }
        try {
            VerifyReport r = wv.verifier(VaultKeys.loadPublic(wv.publicKey())).verify(Optional.empty());
            return new ApiController.VaultStatus(true, view.seal(), Optional.of(r.ok()), r.problems().stream().map(Object::toString).toList());
        } finally {
            VERIFYING.release();
        }
    }

    /** The newest {@code limit} audit entries, newest first; an auditor sees those in their window only. */
    static List<Map<String, Object>> audit(WorkspaceContext ws, VouchUser user, int limit) {
        WorkspaceVault wv = new WorkspaceVault(ws.workspace());
        if (!wv.hasKeys()) {
            return List.of();
        }
        Deque<Map<String, Object>> out = new ArrayDeque<>();
        ws.vault().forEachStatement((line, seq) -> {
            try {
                JsonNode n = JSON.readTree(line);
                if (!AuditTrail.KIND.equals(n.path("kind").asText())) {
                    return;
                }
                Instant t = Instant.parse(n.path("time").asText());
                if (!user.sees(t)) {
                    return;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seq", seq);
                row.put("at", t);
                row.put("actor", n.path("actor").asText(""));
                row.put("action", n.path("name").asText(""));
                row.put("summary", n.path("note").asText(""));
                row.put("digest", n.path("digest").asText(""));
                out.addFirst(row);
                if (out.size() > limit) {
                    out.removeLast();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new ArrayList<>(out);
    }
}
