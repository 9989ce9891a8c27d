package dev.vouch.report.oscal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The resources the result's observations are about, as OSCAL inventory items in the result's local
 * definitions; observations name them as subjects by uuid. A resource's uuid depends only on its id, so it
 * is the same in every document.
 */
final class Inventory {

    private record Item(String id, String type, String name, String provider) {
    }

    private final Map<String, Item> items = new TreeMap<>();

    static String uuid(String resourceId) {
        return Uuids.of("resource", resourceId);
    }

    /** Records the resource (the first description of an id wins) and returns its uuid. */
    String add(String id, String type, String name, String provider) {
        items.putIfAbsent(id, new Item(id, type, name, provider));
        return uuid(id);
    }

    /** A subject reference to a resource already added. */
    ObjectNode subject(String resourceId) {
        Item item = items.get(resourceId);
        if (item == null) {
            throw new IllegalStateException("OSCAL subject: resource '" + resourceId + "' was not added first");
        }
        return Oscal.object().put("subject-uuid", uuid(resourceId)).put("type", "inventory-item")
                .put("title", item.name());
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** The inventory items, by resource id. */
    ArrayNode items() {
        ArrayNode out = Oscal.array();
        for (Item i : items.values()) {
            ObjectNode o = out.addObject();
            o.put("uuid", uuid(i.id()));
            o.put("description", (i.type().isBlank() ? "resource" : i.type()) + " " + i.name());
            ArrayNode props = Oscal.array();
            Oscal.prop(props, "resource-id", i.id());
            Oscal.prop(props, "resource-type", i.type());
            Oscal.prop(props, "resource-name", i.name());
            Oscal.prop(props, "provider", i.provider());
            Oscal.putArray(o, "props", props);
        }
        return out;
    }
}
