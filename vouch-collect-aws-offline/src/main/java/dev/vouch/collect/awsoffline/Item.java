package dev.vouch.collect.awsoffline;

import dev.vouch.model.Origin;
import java.util.List;
import java.util.Map;

/**
 * A resource read from an export whose scope may only be known once every file is read. {@code id}
 * may hold {@link #ACCOUNT} where the account id belongs; {@code account} is empty when the export
 * itself does not say which account it came from.
 */
record Item(String type, String id, String name, String location, Map<String, Object> properties,
            Origin origin, String account, List<String> errors) {
    static final String ACCOUNT = "{account}";

    Item {
        properties = properties == null ? Map.of() : properties;
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    static Item of(String type, String id, String name, String location, Map<String, Object> properties,
                   Origin origin, String account) {
        return new Item(type, id, name, location, properties, origin, account, List.of());
    }
}
