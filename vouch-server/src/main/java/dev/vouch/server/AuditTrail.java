package dev.vouch.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.vault.Evidence;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The server's own audit trail: every change made through the UI or the API (who, what, when, from where, and
 * whether it succeeded) is appended to the workspace's evidence vault as an {@code audit.server} entry, so it is
 * signed and tamper-evident like any other evidence. Never records secrets: callers pass descriptions, not values.
 */
@Component
public class AuditTrail {
    public static final String KIND = "audit.server";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WorkspaceContext ws;

    public AuditTrail(WorkspaceContext ws) {
        this.ws = ws;
    }

    /**
     * Records one action.
     *
     * @param actor the user name, or {@code -} before sign-in
     * @param action a dotted verb ({@code evidence.upload}, {@code account.create}, {@code signin.failure})
     * @param target what it acted on (an id or name; never a secret)
     * @param address the client's address
     * @param details extra facts (no secrets)
     * @return the vault sequence number of the entry
     */
    public long record(String actor, String action, String target, String address, boolean ok, Map<String, String> details) {
        Instant now = ws.clock().instant();
        ObjectNode n = JSON.createObjectNode();
        n.put("actor", actor);
        n.put("action", action);
        n.put("target", target);
        n.put("at", now.toString());
        n.put("from", address);
        n.put("outcome", ok ? "success" : "failure");
        ObjectNode d = n.putObject("details");
        details.forEach(d::put);
        byte[] content = n.toString().getBytes(StandardCharsets.UTF_8);
        Evidence e = new Evidence(KIND, content, "application/json", action, List.of(), List.of(), List.of("vouch-server"),
                actor, now, now, action + " " + target + " from " + address + (ok ? "" : " (failed)"));
        long seq = ws.append(e).seqs().get(0);
        LOG.info("audit #{}: {} {} {} from {} ({})", seq, clean(actor), action, clean(target), clean(address), ok ? "ok" : "failed");
        return seq;
    }

    /** One line, no control characters (no forged log lines from user input). */
    static String clean(String s) {
        String t = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
