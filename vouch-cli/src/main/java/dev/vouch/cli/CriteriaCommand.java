package dev.vouch.cli;

import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Criterion;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "criteria", mixinStandardHelpOptions = true,
        description = "List the 61 SOC 2 Trust Services Criteria (our paraphrases; import the official AICPA text if you hold it, see docs/catalog.md) and how many controls address each.")
final class CriteriaCommand implements Callable<Integer> {
    @Option(names = "--format", description = "table (default) or json") String format = "table";
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Catalog cat = Catalog.loadDefault();
        PrintWriter out = spec.commandLine().getOut();
        if (format.equalsIgnoreCase("json")) {
            List<Map<String, Object>> list = cat.criteria().stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("category", c.category().key());
                m.put("group", c.group().id());
                m.put("text", c.text());
                m.put("controls", cat.controlsForCriterion(c.id()).stream().map(x -> x.id()).toList());
                return m;
            }).toList();
            out.println(ChecksCommand.JSON.writeValueAsString(list));
            return ExitCode.OK;
        }
        String group = "";
        for (Criterion c : cat.criteria()) {
            if (!c.group().id().equals(group)) {
                group = c.group().id();
                out.printf("%n%s  %s (%s)%n", group, c.group().name(), c.category().title());
            }
            out.printf("  %-7s %2d controls  %s%n", c.id(), cat.controlsForCriterion(c.id()).size(), c.text());
        }
        out.printf("%n%d criteria%n", cat.criteria().size());
        return ExitCode.OK;
    }
}
