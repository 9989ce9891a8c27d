package dev.vouch.collect.terraform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of a resource instance when another expression refers to it. Attributes it does not
 * set are computed by the provider, so reading them yields {@link Unknown} rather than an error.
 */
final class InstanceValue extends LinkedHashMap<String, Object> {
    InstanceValue(Map<String, Object> attributes) {
        super(attributes);
    }
}
