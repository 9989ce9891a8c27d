package dev.vouch.cli;

import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.report.assessment.Csv;
import dev.vouch.report.assessment.Pdf;
import dev.vouch.report.assessment.ReadinessHtml;
import dev.vouch.report.assessment.ReadinessModel;
import dev.vouch.report.assessment.ReadinessTables;
import dev.vouch.report.assessment.ReportJson;
import dev.vouch.report.assessment.ReportTable;
import dev.vouch.report.assessment.Type2Html;
import dev.vouch.report.assessment.Type2Model;
import dev.vouch.report.assessment.Type2Tables;
import dev.vouch.report.assessment.Xlsx;
import dev.vouch.report.oscal.OscalResults;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Readiness and Type II reports as PDF, HTML, XLSX, CSV, JSON or OSCAL assessment results.", "",
            "Every format renders the same assessment model, so they never disagree. Formats:",
            "  pdf    A4, fonts embedded, long tables paginate with repeated headers (default)",
            "  html   one self-contained file (charts inline)",
            "  xlsx   one sheet per table: the control matrix (criteria x controls x checks x status x evidence), ...",
            "  csv    one table (--table, default the first: the control matrix / per-control results)",
            "  json   the model itself (docs/reports.md)",
            "  oscal  NIST OSCAL 1.1.3 assessment-results JSON",
            "Examples:",
            "  vouch report readiness --format pdf",
            "  vouch report type2 --period 2026-01-01..2026-06-30 --checkpoint held.txt --sample VC-CHG-01=changes"},
        subcommands = {ReportCommand.Readiness.class, ReportCommand.Type2.class})
final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** Options both reports take. */
    static final class Output {
        @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", description = "Workspace folder (default: current).")
        Path workspaceDir;
        @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "pdf (default), html, xlsx, csv, json or oscal.")
        String format = "pdf";
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write it (default: WORKSPACE/reports/<kind>-<date>.<ext>; '-' for standard output).")
        String output;
        @Option(names = "--table", paramLabel = "NAME", description = "For --format csv: which table (default the first; the names are the XLSX sheet names).")
        String table;

        Workspace workspace() {
            return Workspace.open(workspaceDir == null ? Path.of(".") : workspaceDir);
        }

        String format() {
            String f = format.toLowerCase(Locale.ROOT);
            if (!List.of("pdf", "html", "xlsx", "csv", "json", "oscal").contains(f)) {
                throw new ConfigException("--format must be pdf, html, xlsx, csv, json or oscal, was '" + format + "'");
            }
            return f;
        }
    }

    @Command(name = "readiness", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The readiness report: cover, executive summary (score gauge, categories, trend), criteria,",
                "top remediation with steps, control matrix, findings per control with source locations, evidence",
                "index with digests and the vault's signed checkpoint. Numbers match 'vouch score --explain'."})
    static final class Readiness implements Callable<Integer> {
        @Mixin Output o;
        @Option(names = "--as-of", paramLabel = "WHEN", description = "The estate as it was then (a date = end of that day UTC, or an RFC 3339 instant).")
        String asOf;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String format = o.format();
            Workspace ws = o.workspace();
            Optional<Instant> when = asOf == null ? Optional.empty() : Optional.of(ScoreCommand.when(asOf));
            ReadinessModel m = ReportInputs.readiness(ws, when, Instant.now());
            byte[] bytes = switch (format) {
                case "pdf" -> Pdf.readiness(m);
                case "html" -> utf8(ReadinessHtml.html(m));
                case "xlsx" -> Xlsx.write(ReadinessTables.of(m));
                case "csv" -> utf8(BOM + Csv.write(pick(ReadinessTables.of(m), o.table)));
                case "json" -> utf8(ReportJson.readiness(m));
                default -> OscalResults.readiness(m);
            };
            return write(spec, ws, o, "readiness", m.generatedAt(), bytes,
                    "readiness " + String.format(Locale.ROOT, "%.1f", m.assessment().overall()) + " (" + m.assessment().band().label()
                            + ") from scan #" + m.scan().id());
        }
    }

    @Command(name = "type2", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The Type II report over the observation window: verdict per control, coverage and gaps,",
                "exceptions with their SLA, occurrences of manual controls, and auditor samples seeded by a signed",
                "checkpoint (re-derivable: docs/scoring.md)."})
    static final class Type2 implements Callable<Integer> {
        @Mixin Output o;
        @Option(names = "--period", paramLabel = "FROM..TO", description = "The observation window (default: 'observation' in vouch.yaml).")
        String period;
        @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint signed by this vault; its root seeds the samples.")
        Path checkpoint;
        @Option(names = "--sample", paramLabel = "CONTROL=POPULATION", description = "Draw a sample for the report (repeatable); populations: changes, hires, terminations.")
        List<String> samples = new ArrayList<>();
        @Option(names = "--roster", paramLabel = "FILE", description = "HR roster CSV for the hires/terminations populations.")
        Path roster;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String format = o.format();
            Workspace ws = o.workspace();
            Type2Model m = ReportInputs.type2(ws, period, Optional.ofNullable(checkpoint), samples, roster, Instant.now());
            byte[] bytes = switch (format) {
                case "pdf" -> Pdf.type2(m);
                case "html" -> utf8(Type2Html.html(m));
                case "xlsx" -> Xlsx.write(Type2Tables.of(m));
                case "csv" -> utf8(BOM + Csv.write(pick(Type2Tables.of(m), o.table)));
                case "json" -> utf8(ReportJson.type2(m));
                default -> OscalResults.type2(m);
            };
            m.samples().forEach(s -> s.populationProblems().forEach(p -> spec.commandLine().getErr()
                    .println("vouch: " + s.sample().population() + ": " + p)));
            var counts = m.report().verdictCounts();
            return write(spec, ws, o, "type2", m.generatedAt(), bytes, m.report().controls().size() + " controls: "
                    + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")));
        }
    }

    /** A UTF-8 byte order mark: without it Excel reads the file as the local code page and mangles "—" and "×". */
    static final String BOM = "\uFEFF";

    static ReportTable pick(List<ReportTable> tables, String name) {
        if (name == null) {
            return tables.get(0);
        }
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(name.trim())).findFirst().orElseThrow(() ->
                new ConfigException("--table: no table '" + name + "' (tables: "
                        + tables.stream().map(ReportTable::name).collect(Collectors.joining(", ")) + ")"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Writes atomically (temporary file, then rename) so a reader never sees half a report. */
    static int write(CommandLine.Model.CommandSpec spec, Workspace ws, Output o, String kind, Instant at, byte[] bytes, String summary)
            throws IOException {
        String ext = o.format().equals("oscal") ? "oscal.json" : o.format();
        if ("-".equals(o.output)) {
            OutputStream out = System.out;
            out.write(bytes);
            out.flush();
            spec.commandLine().getErr().println("vouch: " + kind + " report: " + summary);
            return ExitCode.OK;
        }
        Path file = o.output != null ? Path.of(o.output) : ws.dir().resolve("reports").resolve(kind + "-" + DAY.format(at) + "." + ext);
        if (Files.isDirectory(file)) {
            throw new ConfigException("-o " + file + ": is a directory; give a file name (e.g. " + file.resolve(kind + "." + ext) + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".vouch-report", ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        spec.commandLine().getOut().println("wrote " + file + " (" + bytes.length + " bytes): " + summary);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
