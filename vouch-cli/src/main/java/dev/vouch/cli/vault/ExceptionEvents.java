package dev.vouch.cli.vault;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vouch.engine.ExceptionRule;
import dev.vouch.model.ExceptionNotice;
import dev.vouch.vault.Evidence;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exceptions are evidence too: the vault records when each one first appeared (created) and when it
 * was first seen expired, once each, so an auditor sees every accepted risk with its owner and dates.
 */
public final class ExceptionEvents {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** One event to record: which exception, which event, and the evidence for it. */
    public record Event(String exceptionId, String event, Evidence evidence) {
    }

    private ExceptionEvents() {
    }

    /**
     * @param recorded events already in the vault, as {@code "<id>/<event>"}
     */
    public static List<Event> pending(List<ExceptionRule> rules, List<ExceptionNotice> notices, Set<String> recorded,
            Map<String, List<String>> controlsByCheck, Instant now, String actor) {
        List<Event> out = new ArrayList<>();
        for (ExceptionRule r : rules) {
            Instant expires = r.expires().atStartOfDay(ZoneOffset.UTC).toInstant();
            List<String> controls = controlsByCheck.getOrDefault(r.checkId(), List.of());
            if (!recorded.contains(r.id() + "/created")) {
                Instant to = expires.isBefore(now) ? now : expires;
                out.add(new Event(r.id(), "created", evidence("exception.created", r, controls, actor, now, to,
                        "exception " + r.id() + " for " + r.checkId() + " accepted by " + r.owner() + " until " + r.expires())));
            }
            boolean expired = notices.stream().anyMatch(n -> n.kind() == ExceptionNotice.Kind.EXPIRED && n.exceptionId().equals(r.id()));
            if (expired && !recorded.contains(r.id() + "/expired")) {
                out.add(new Event(r.id(), "expired", evidence("exception.expired", r, controls, actor, expires, now,
                        "exception " + r.id() + " for " + r.checkId() + " expired on " + r.expires())));
            }
        }
        return out;
    }

    private static Evidence evidence(String kind, ExceptionRule r, List<String> controls, String actor, Instant from,
            Instant to, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("check", r.checkId());
        m.put("resource", r.resourceGlob());
        m.put("owner", r.owner());
        m.put("reason", r.reason());
        m.put("expires", r.expires().toString());
        m.put("definedAt", r.origin().display());
        byte[] content;
        try {
            content = JSON.writeValueAsBytes(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new Evidence(kind, content, "application/json", r.id() + ".json", controls, List.of(), List.of("exceptions"),
                actor, from, to, note);
    }
}
