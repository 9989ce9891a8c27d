package dev.vouch.collect.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vouch.model.Collection;
import dev.vouch.model.CollectionError;
import dev.vouch.model.Resource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Test support: a fixed clock and a deterministic JSON rendering of a collection. */
final class Golden {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Golden() {
    }

    static String render(Collection c) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> resources = new ArrayList<>();
        for (Resource r : c.resources()) {
            resources.add(resource(r));
        }
        List<String> errors = new ArrayList<>();
        for (CollectionError e : c.errors()) {
            errors.add(e.display());
        }
        out.put("resources", resources);
        out.put("errors", errors);
        try {
            return JSON.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> resource(Resource r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type());
        m.put("id", r.id());
        m.put("name", r.name());
        m.put("provider", r.provider());
        m.put("scope", r.scope());
        m.put("location", r.location());
        m.put("tags", r.tags());
        m.put("properties", r.properties());
        m.put("attributes", r.attributes());
        m.put("origin", r.origin().display());
        m.put("collectedAt", r.collectedAt().toString());
        m.put("unknowns", new TreeSet<>(r.unknowns()));
        m.put("errors", r.errors());
        return m;
    }
}
