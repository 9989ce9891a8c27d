package dev.vouch.cli;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Control;
import dev.vouch.catalog.EvidenceRequirement;
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

@Command(name = "controls", mixinStandardHelpOptions = true,
        description = "List or show the default SOC 2 control library (owner, type, nature, frequency, criteria, checks, evidence).",
        subcommands = {ControlsCommand.ListControls.class, ControlsCommand.ShowControl.class})
final class ControlsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Map<String, Object> json(Control c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("description", c.description());
        m.put("owner", c.owner());
        m.put("type", lower(c.type()));
        m.put("nature", lower(c.nature()));
        m.put("frequency", lower(c.frequency()));
        m.put("responsibility", lower(c.responsibility()));
        m.put("criteria", c.criteria());
        m.put("checks", c.checks());
        m.put("evidence", c.evidence().stream().map(e -> Map.of("type", lower(e.type()), "description", e.description(),
                "cadence", lower(e.cadence()))).toList());
        return m;
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List controls.")
    static final class ListControls implements Callable<Integer> {
        @Option(names = "--format", description = "table (default) or json") String format = "table";
        @Option(names = "--criterion", description = "Only controls that address this criterion (e.g. CC6.1).") String criterion;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Catalog cat = Catalog.loadDefault();
            List<Control> shown = criterion == null ? cat.controls() : cat.controlsForCriterion(criterion.toUpperCase(Locale.ROOT));
            PrintWriter out = spec.commandLine().getOut();
            if (format.equalsIgnoreCase("json")) {
                out.println(ChecksCommand.JSON.writeValueAsString(shown.stream().map(ControlsCommand::json).toList()));
                return ExitCode.OK;
            }
            out.printf("%-11s %-10s %-9s %-11s %6s  %-22s %s%n", "ID", "NATURE", "TYPE", "FREQUENCY", "CHECKS", "CRITERIA", "TITLE");
            for (Control c : shown) {
                out.printf("%-11s %-10s %-9s %-11s %6d  %-22s %s%n", c.id(), lower(c.nature()), lower(c.type()),
                        lower(c.frequency()), c.checks().size(), String.join(",", c.criteria()), c.title());
            }
            out.printf("%n%d controls%n", shown.size());
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one control.")
    static final class ShowControl implements Callable<Integer> {
        @Parameters(paramLabel = "ID") String id;
        @Option(names = "--format", description = "text (default) or json") String format = "text";
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Catalog cat = Catalog.loadDefault();
            Control c = cat.controls().stream().filter(x -> x.id().equalsIgnoreCase(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no control with id '" + id + "' (see vouch controls list)"));
            PrintWriter out = spec.commandLine().getOut();
            if (format.equalsIgnoreCase("json")) {
                out.println(ChecksCommand.JSON.writeValueAsString(json(c)));
                return ExitCode.OK;
            }
            out.printf("%s  %s%n%n", c.id(), c.title());
            if (!c.description().isBlank()) {
                out.printf("%s%n%n", c.description().strip());
            }
            out.printf("owner:          %s%ntype:           %s%nnature:         %s%nfrequency:      %s%nresponsibility: %s%n",
                    c.owner(), lower(c.type()), lower(c.nature()), lower(c.frequency()), lower(c.responsibility()));
            out.printf("criteria:       %s%n", String.join(", ", c.criteria()));
            out.printf("checks:         %s%n", c.checks().isEmpty() ? "(none: tested by evidence)" : String.join(", ", c.checks()));
            for (EvidenceRequirement e : c.evidence()) {
                out.printf("evidence:       %s, %s: %s%n", lower(e.type()), lower(e.cadence()), e.description());
            }
            return ExitCode.OK;
        }
    }
}
