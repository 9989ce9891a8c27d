package dev.vouch.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vouch.model.CheckInfo;
import dev.vouch.model.Remediation;
import dev.vouch.model.Severity;
import java.util.Optional;

/** SARIF {@code reportingDescriptor}s: one per check. */
final class SarifRules {
    private SarifRules() {
    }

    static ObjectNode rule(ReportInput in, String id) {
        Optional<CheckInfo> info = in.check(id);
        Severity sev = SarifRenderer.severityOf(in, id);
        String title = in.title(id);
        ObjectNode r = Json.object();
        r.put("id", id);
        r.putObject("shortDescription").put("text", title);
        String description = info.map(CheckInfo::description).filter(d -> !d.isBlank()).orElse(title);
        r.putObject("fullDescription").put("text", description);
        Remediation rem = info.map(CheckInfo::remediation).orElse(Remediation.none());
        ObjectNode help = r.putObject("help");
        help.put("text", helpText(rem, title));
        help.put("markdown", helpMarkdown(rem, title));
        r.putObject("defaultConfiguration").put("level", SarifRenderer.level(sev));
        ObjectNode props = r.putObject("properties");
        props.put("security-severity", SarifRenderer.securitySeverity(sev));
        props.put("precision", "very-high");
        ArrayNode tags = props.putArray("tags");
        tags.add("security");
        tags.add("soc2");
        in.categories(id).forEach(c -> tags.add("soc2/" + c.name().toLowerCase(java.util.Locale.ROOT)));
        in.criteria(id).forEach(c -> tags.add("soc2/" + c));
        info.ifPresent(i -> i.tags().stream().sorted().forEach(tags::add));
        return r;
    }

    private static String helpText(Remediation rem, String title) {
        StringBuilder b = new StringBuilder(rem.text().isBlank() ? title : rem.text());
        if (!rem.cli().isBlank()) {
            b.append("\nCLI: ").append(rem.cli());
        }
        if (!rem.terraform().isBlank()) {
            b.append("\nTerraform: ").append(rem.terraform());
        }
        return b.toString();
    }

    private static String helpMarkdown(Remediation rem, String title) {
        StringBuilder b = new StringBuilder(rem.text().isBlank() ? title : rem.text());
        if (!rem.cli().isBlank()) {
            b.append("\n\n```shell\n").append(rem.cli()).append("\n```");
        }
        if (!rem.terraform().isBlank()) {
            b.append("\n\n```hcl\n").append(rem.terraform()).append("\n```");
        }
        return b.toString();
    }
}
