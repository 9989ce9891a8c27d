package dev.vouch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.vouch.catalog.Control;
import dev.vouch.catalog.Catalog;
import dev.vouch.engine.CheckLoader;
import dev.vouch.model.CheckInfo;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "checks", mixinStandardHelpOptions = true,
        description = "List or show the bundled checks (automated tests of configuration).",
        subcommands = {ChecksCommand.ListChecks.class, ChecksCommand.ShowCheck.class})
final class ChecksCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The CLI's JSON output: indented; instants as RFC 3339 text. */
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("vouch-time")
                    .addSerializer(java.time.Instant.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance));

    static Map<String, Object> json(CheckInfo c, List<Control> controls, List<String> criteria) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("severity", c.severity().label());
        m.put("resource", c.resourceType());
        m.put("description", c.description());
        m.put("remediation", Map.of("text", c.remediation().text(), "cli", c.remediation().cli(),
                "terraform", c.remediation().terraform()));
        m.put("references", c.references());
        m.put("tags", c.tags());
        m.put("controls", controls.stream().map(Control::id).toList());
        m.put("criteria", criteria);
        m.put("path", c.path());
        return m;
    }

    static List<String> criteria(Catalog catalog, String checkId) {
        return catalog.criteriaForCheck(checkId).stream().map(dev.vouch.catalog.Criterion::id).toList();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List checks, optionally filtered.")
    static final class ListChecks implements Callable<Integer> {
        @Option(names = "--format", description = "table (default) or json") String format = "table";
        @Option(names = "--provider", description = "Only checks whose resource type starts with this (azure, linux, git).") String provider;
        @Option(names = "--severity", description = "Only this severity.") String severity;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Catalog catalog = Catalog.loadDefault();
            PrintWriter out = spec.commandLine().getOut();
            List<CheckInfo> shown = new CheckLoader().loadInfoClasspath().stream()
                    .filter(c -> provider == null || c.resourceType().startsWith(provider.toLowerCase(Locale.ROOT) + "."))
                    .filter(c -> severity == null || c.severity().label().equalsIgnoreCase(severity))
                    .toList();
            if (format.equalsIgnoreCase("json")) {
                out.println(JSON.writeValueAsString(shown.stream().map(c -> json(c, catalog.controlsForCheck(c.id()),
                        criteria(catalog, c.id()))).toList()));
                return ExitCode.OK;
            }
            out.printf("%-12s %-8s %-36s %-14s %s%n", "ID", "SEVERITY", "RESOURCE", "CRITERIA", "TITLE");
            for (CheckInfo c : shown) {
                out.printf("%-12s %-8s %-36s %-14s %s%n", c.id(), c.severity().label(), c.resourceType(),
                        String.join(",", criteria(catalog, c.id())), c.title());
            }
            out.printf("%n%d checks%n", shown.size());
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one check: what it tests, why, how to fix, peers, controls.")
    static final class ShowCheck implements Callable<Integer> {
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--format", description = "text (default) or json") String format = "text";
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Catalog catalog = Catalog.loadDefault();
            CheckInfo i = new CheckLoader().loadInfoClasspath().stream().filter(x -> x.id().equalsIgnoreCase(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no check with id '" + id + "' (see vouch checks list)"));
            List<Control> controls = catalog.controlsForCheck(i.id());
            List<String> crit = criteria(catalog, i.id());
            PrintWriter out = spec.commandLine().getOut();
            if (format.equalsIgnoreCase("json")) {
                out.println(JSON.writeValueAsString(json(i, controls, crit)));
                return ExitCode.OK;
            }
            out.printf("%s  %s%n", i.id(), i.title());
            out.printf("severity:  %s%nresource:  %s%ncriteria:  %s%n", i.severity().label(), i.resourceType(), String.join(", ", crit));
            controls.forEach(ctl -> out.printf("control:   %s %s%n", ctl.id(), ctl.title()));
            if (!i.description().isBlank()) {
                out.printf("%n%s%n", i.description().strip());
            }
            if (!i.remediation().text().isBlank()) {
                out.printf("%nRemediation: %s%n", i.remediation().text().strip());
            }
            if (!i.remediation().cli().isBlank()) {
                out.printf("  CLI:       %s%n", i.remediation().cli().strip());
            }
            if (!i.remediation().terraform().isBlank()) {
                out.printf("  Terraform: %s%n", i.remediation().terraform().strip().replace("\n", "\n             "));
            }
            if (!i.references().isEmpty()) {
                out.printf("%nReferences:%n");
                i.references().forEach((k, v) -> out.printf("  %-12s %s%n", k, v));
            }
            out.printf("%ndefinition: %s%n", i.path());
            return ExitCode.OK;
        }
    }
}
