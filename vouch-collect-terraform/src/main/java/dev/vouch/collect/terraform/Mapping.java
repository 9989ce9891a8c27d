package dev.vouch.collect.terraform;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The declarative Terraform → ARM REST mapping, loaded from {@code terraform/azurerm.yaml}. Source
 * paths are Terraform attribute paths (a nested block step takes the block's first element);
 * target paths are REST paths ({@code properties.x.y}; any other first segment is a top-level field).
 */
record Mapping(Map<String, TypeMapping> types, Map<String, List<Field>> fragments) {
    Mapping {
        fragments = fragments == null ? Map.of() : fragments;
    }

    /** One azurerm resource type. */
    record TypeMapping(String type, NameSpec name, List<Field> fields, List<Child> children, Merge mergeInto) {
        TypeMapping {
            fields = fields == null ? List.of() : fields;
            children = children == null ? List.of() : children;
        }
    }

    record NameSpec(List<String> from, @JsonProperty("default") String defaultValue) {}

    /**
     * One mapped value. Exactly one of {@code from}, {@code value}, {@code exists}, {@code concat},
     * {@code each}, {@code conditions} says where it comes from.
     *
     * @param from alternative Terraform paths (old and new attribute names); the first present wins
     * @param defaultValue the provider default (in Terraform terms, converted like a set value) used
     *     when the attribute is absent but its enclosing block exists
     * @param convert a named conversion, see {@link Conversions}
     * @param ifPresent with {@code exists}: the value written when the path is present
     */
    record Field(List<String> from, String to, Object value, @JsonProperty("default") Object defaultValue,
                 String convert, String exists, Object ifPresent, List<String> concat, String separator,
                 String each, List<Field> fields, String fragment, List<Condition> conditions) {}

    /** One {@code {field, equals}} entry of an ARM {@code allOf} condition list. */
    record Condition(String field, String from) {}

    /** A nested block REST models as a child resource. An empty {@code block} means the resource itself. */
    record Child(String block, String type, String idSuffix, String nameSuffix, boolean always, List<Field> fields) {}

    /** A Terraform resource REST models as part of another (NSG rules): appended to the parent's list. */
    record Merge(String type, String list, Map<String, String> match) {}

    static Mapping load(String resource) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS);
        try (InputStream in = Mapping.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("mapping resource " + resource + " not found on the classpath");
            }
            return yaml.readValue(in, Mapping.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load mapping " + resource + ": " + e.getMessage(), e);
        }
    }
}
