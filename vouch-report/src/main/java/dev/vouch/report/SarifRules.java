package dev.vouch.report;

import dev.vouch.model.CheckInfo;
import dev.vouch.model.Remediation;
import dev.vouch.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SARIF {@code reportingDescriptor}s: one per check. */
final class SarifRules {
    private SarifRules() {
    }

    static void rule(Json j, ReportInput in, String id) {
        Optional<CheckInfo> info = in.check(id);
        Severity sev = SarifRenderer.severityOf(in, id);
        String title = in.title(id);
        String description = info.map(CheckInfo::description).filter(d -> !d.isBlank()).orElse(title);
        Remediation rem = info.map(CheckInfo::remediation).orElse(Remediation.none());
        j.object()
                .field("id", id)
                .object("shortDescription").field("text", title).end()
                .object("fullDescription").field("text", description).end()
                .object("help").field("text", helpText(rem, title)).field("markdown", helpMarkdown(rem, title)).end()
                .object("defaultConfiguration").field("level", SarifRenderer.level(sev)).end()
                .object("properties")
                .field("security-severity", SarifRenderer.securitySeverity(sev))
                .field("precision", "very-high");
        List<String> tags = new ArrayList<>(List.of("security", "soc2"));
        in.categories(id).forEach(c -> tags.add("soc2/" + c.name().toLowerCase(Locale.ROOT)));
        in.criteria(id).forEach(c -> tags.add("soc2/" + c));
        info.ifPresent(i -> i.tags().stream().sorted().forEach(tags::add));
        j.strings("tags", tags).end().end();
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
