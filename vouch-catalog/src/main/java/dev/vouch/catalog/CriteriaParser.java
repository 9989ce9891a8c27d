package dev.vouch.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code criteria.yaml}: the framework name, the criterion groups and the criteria. */
final class CriteriaParser {

    record Parsed(String framework, List<CriterionGroup> groups, List<Criterion> criteria) {
    }

    private static final Set<String> TOP = Set.of("framework", "groups", "criteria");
    private static final Set<String> GROUP = Set.of("id", "category", "name");
    private static final Set<String> CRITERION = Set.of("id", "category", "group", "text");

    private final Yaml yaml;

    CriteriaParser(Yaml yaml) {
        this.yaml = yaml;
    }

    Parsed parse(String file, String text) {
        JsonNode root = yaml.tree(file, text);
        Fields top = Fields.root(file, root);
        top.allowOnly(TOP);
        String framework = top.text("framework");
        Map<String, List<Yaml.ElementLines>> lines = yaml.lines(file, text);
        List<CriterionGroup> groups = groups(file, top.list("groups", true), lines.getOrDefault("groups", List.of()));
        Map<String, CriterionGroup> byId = new HashMap<>();
        groups.forEach(g -> byId.putIfAbsent(g.id(), g));
        List<JsonNode> nodes = top.list("criteria", true);
        List<Yaml.ElementLines> at = lines.getOrDefault("criteria", List.of());
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            criteria.add(criterion(Fields.of(file, "criteria", "criterion", i, nodes.get(i), at), byId));
        }
        return new Parsed(framework, groups, criteria);
    }

    private static List<CriterionGroup> groups(String file, List<JsonNode> nodes, List<Yaml.ElementLines> at) {
        List<CriterionGroup> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Fields f = Fields.of(file, "groups", "group", i, nodes.get(i), at);
            f.allowOnly(GROUP);
            out.add(new CriterionGroup(f.text("id"), f.choice("category", Category.class), f.text("name")));
        }
        return out;
    }

    private static Criterion criterion(Fields f, Map<String, CriterionGroup> groups) {
        f.allowOnly(CRITERION);
        String id = f.text("id");
        Category category = f.choice("category", Category.class);
        String groupId = f.text("group");
        CriterionGroup group = groups.get(groupId);
        if (group == null) {
            throw f.error("group", "field 'group' names unknown group '" + groupId + "'; known groups: " + groups.keySet().stream().sorted().toList());
        }
        if (group.category() != category) {
            throw f.error("category", "field 'category' is '" + category.key() + "' but group " + groupId
                    + " is '" + group.category().key() + "'");
        }
        return new Criterion(id, category, group, f.text("text"), "");
    }
}
