package dev.vouch.collect.azureoffline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The declarative table in {@code azure-types.yaml}: Vouch type per ARM type and the SDK-to-REST
 * renames. Loaded and validated eagerly; a bad entry fails with the resource name and the key.
 */
final class ArmTypeTable {
    static final String RESOURCE = "azure-types.yaml";
    static final String UNMAPPED = "azure.unmapped";

    /** One ARM type's entry. {@code renames} keeps the declared order. */
    record TypeEntry(String armType, String vouchType, List<Map.Entry<String, String>> renames,
                     List<String> subresources, Set<String> propertyKeys, Set<String> keep, Set<String> cliExtras) {}

    private final Map<String, TypeEntry> byLowerType;
    private final Map<String, String> aliases;
    private final Set<String> topLevel;
    private final Map<String, String> topLevelRenames;
    private final Set<String> cliOnly;

    private ArmTypeTable(Map<String, TypeEntry> byLowerType, Map<String, String> aliases, Set<String> topLevel,
                         Map<String, String> topLevelRenames, Set<String> cliOnly) {
        this.byLowerType = byLowerType;
        this.aliases = aliases;
        this.topLevel = topLevel;
        this.topLevelRenames = topLevelRenames;
        this.cliOnly = cliOnly;
    }

    static ArmTypeTable load() {
        try (InputStream in = ArmTypeTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static ArmTypeTable parse(JsonNode root) {
        Map<String, TypeEntry> types = new HashMap<>();
        root.path("types").properties().forEach(e -> {
            JsonNode v = e.getValue();
            String vouch = v.path("vouch").asText("");
            if (!vouch.matches("azure\\.[a-z]+\\.[a-z_]+")) {
                throw new IllegalStateException(RESOURCE + ": types." + e.getKey() + ".vouch must be a Vouch type, was '" + vouch + "'");
            }
            types.put(lower(e.getKey()), new TypeEntry(e.getKey(), vouch, renames(v.path("renames")),
                    strings(v.path("subresources")), new TreeSet<>(strings(v.path("propertyKeys"))),
                    new TreeSet<>(strings(v.path("keep"))), new TreeSet<>(strings(v.path("cliExtras")))));
        });
        Map<String, String> aliases = new HashMap<>();
        root.path("aliases").properties().forEach(e -> aliases.put(lower(e.getKey()), e.getValue().asText()));
        Map<String, String> topRenames = new LinkedHashMap<>();
        root.path("topLevelRenames").properties().forEach(e -> topRenames.put(e.getKey(), e.getValue().asText()));
        return new ArmTypeTable(types, aliases, new TreeSet<>(strings(root.path("topLevel"))), topRenames,
                new TreeSet<>(strings(root.path("cliOnly"))));
    }

    private static List<Map.Entry<String, String>> renames(JsonNode node) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        node.properties().forEach(e -> out.add(Map.entry(e.getKey(), e.getValue().asText())));
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The canonical ARM type for a spelling (aliases resolved), case as declared when known. */
    String canonicalArmType(String armType) {
        String alias = aliases.get(lower(armType));
        String resolved = alias == null ? armType : alias;
        TypeEntry entry = byLowerType.get(lower(resolved));
        return entry == null ? resolved : entry.armType();
    }

    Optional<TypeEntry> entry(String armType) {
        return Optional.ofNullable(byLowerType.get(lower(canonicalArmType(armType))));
    }

    String vouchType(String armType) {
        return entry(armType).map(TypeEntry::vouchType).orElse(UNMAPPED);
    }

    Set<String> topLevel() { return topLevel; }
    Map<String, String> topLevelRenames() { return topLevelRenames; }
    Set<String> cliOnly() { return cliOnly; }
}
