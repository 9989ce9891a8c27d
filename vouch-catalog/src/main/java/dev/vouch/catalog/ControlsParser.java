package dev.vouch.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code controls.yaml}, the control library. Shape rules are load errors; cross-references
 * (criteria, checks, duplicate or retired ids) are integrity problems, see {@link IntegrityRules}.
 */
final class ControlsParser {

    static final Pattern ID = Pattern.compile("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$");

    private static final Set<String> TOP = Set.of("controls");
    private static final Set<String> CONTROL = Set.of("id", "title", "description", "owner", "type", "nature",
            "frequency", "responsibility", "criteria", "checks", "evidence");
    private static final Set<String> EVIDENCE = Set.of("type", "description", "cadence");

    private final Yaml yaml;

    ControlsParser(Yaml yaml) {
        this.yaml = yaml;
    }

    List<Control> parse(String file, String text) {
        JsonNode root = yaml.tree(file, text);
        Fields top = Fields.root(file, root);
        top.allowOnly(TOP);
        List<JsonNode> nodes = top.list("controls", true);
        Map<String, List<Yaml.ElementLines>> lines = yaml.lines(file, text);
        List<Yaml.ElementLines> at = lines.getOrDefault("controls", List.of());
        List<Control> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.add(control(Fields.of(file, "controls", "control", i, nodes.get(i), at)));
        }
        return out;
    }

    private static Control control(Fields f) {
        f.allowOnly(CONTROL);
        String id = f.text("id");
        if (!ID.matcher(id).matches()) {
            throw f.error("id", "field 'id' must match " + ID.pattern() + ", was '" + id + "'");
        }
        Control c = new Control(id, f.text("title"), f.text("description"), f.text("owner"),
                f.choice("type", ControlType.class), f.choice("nature", Nature.class),
                f.choice("frequency", Frequency.class), f.choice("responsibility", Responsibility.class),
                f.strings("criteria", true), f.strings("checks", false), evidence(f));
        for (String check : c.checks()) {
            if (!ID.matcher(check).matches()) {
                throw f.error("checks", "field 'checks' has '" + check + "', which is not a check id (" + ID.pattern() + ")");
            }
        }
        natureRules(f, c);
        return c;
    }

    private static List<EvidenceRequirement> evidence(Fields f) {
        List<JsonNode> nodes = f.list("evidence", false);
        List<EvidenceRequirement> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Fields e = f.nested("evidence", i, nodes.get(i));
            e.allowOnly(EVIDENCE);
            out.add(new EvidenceRequirement(e.choice("type", EvidenceType.class), e.text("description"),
                    e.choice("cadence", Frequency.class)));
        }
        return out;
    }

    /** Automated controls are tested by checks; manual ones by evidence alone; hybrid ones need evidence. */
    private static void natureRules(Fields f, Control c) {
        switch (c.nature()) {
            case AUTOMATED -> {
                if (c.checks().isEmpty()) {
                    throw f.error("checks", "field 'checks' must list at least one check for an automated control");
                }
            }
            case MANUAL -> {
                if (!c.checks().isEmpty()) {
                    throw f.error("checks", "field 'checks' must be empty for a manual control (use nature 'hybrid')");
                }
                if (c.evidence().isEmpty()) {
                    throw f.error("evidence", "field 'evidence' must list at least one item for a manual control");
                }
            }
            case HYBRID -> {
                if (c.evidence().isEmpty()) {
                    throw f.error("evidence", "field 'evidence' must list at least one item for a hybrid control");
                }
            }
        }
    }
}
