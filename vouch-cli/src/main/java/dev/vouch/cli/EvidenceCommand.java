package dev.vouch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.cli.vault.WorkspaceVault;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.vault.Vault;
import dev.vouch.vault.blob.Digest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = "Add manual evidence to the workspace's tamper-evident vault, and list, show or get what it holds.",
        subcommands = {EvidenceCommand.Add.class, EvidenceCommand.ListEvidence.class, EvidenceCommand.Show.class,
            EvidenceCommand.Get.class})
final class EvidenceCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long MAX_FILE = 1L << 30;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Workspace workspace(Path dir) {
        return Workspace.open(dir == null ? Path.of(".") : dir);
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Record a file as evidence for one or more controls, with the period it covers.",
                "Example: vouch evidence add q3-access-review.pdf --control VC-IAM-03 --covers 2026-07-01..2026-09-30"})
    static final class Add implements Callable<Integer> {
        @Parameters(paramLabel = "FILE") Path file;
        @Option(names = "--control", required = true, paramLabel = "ID", description = "Control it supports (repeatable).") List<String> controls = new ArrayList<>();
        @Option(names = "--covers", required = true, paramLabel = "FROM..TO", description = "Period the evidence covers (dates or RFC 3339 instants).") String covers;
        @Option(names = "--note", description = "Free text.") String note = "";
        @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "Workspace (default: current folder).") Path ws;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Workspace w = workspace(ws);
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(file + ": not a file");
            }
            if (Files.size(file) > MAX_FILE) {
                throw new ConfigException(file + ": larger than 1 GiB; store it elsewhere and add a pointer document instead");
            }
            Period p = Period.parse(covers, "--covers");
            String name = ManualEvidence.sanitize(file.getFileName().toString());
            Vault.Appended a = ManualEvidence.record(w, name, Files.readAllBytes(file), controls, p, note,
                    System.getProperty("user.name", ""), Clock.systemUTC(), spec.commandLine().getErr(), "--control");
            spec.commandLine().getOut().printf("recorded %s as entry #%d (covers %s..%s; checkpoint %d)%n", name,
                    a.seqs().get(0), p.from(), p.to(), a.treeSize());
            return ExitCode.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the vault's entries (scans and manual evidence).")
    static final class ListEvidence implements Callable<Integer> {
        @Option(names = "--control", paramLabel = "ID", description = "Only entries for this control.") String control;
        @Option(names = "--kind", description = "Only this kind (evidence.manual, scan.findings, scan.snapshot …).") String kind;
        @Option(names = "--format", description = "table (default) or json") String format = "table";
        @Option(names = {"-w", "--workspace"}, paramLabel = "DIR") Path ws;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            WorkspaceVault wv = new WorkspaceVault(workspace(ws));
            PrintWriter out = spec.commandLine().getOut();
            List<JsonNode> rows = new ArrayList<>();
            vault(wv).forEachStatement((line, seq) -> {
                try {
                    JsonNode n = JSON.readTree(line);
                    if ((kind == null || kind.equals(n.path("kind").asText()))
                            && (control == null || n.path("scope").path("controls").toString().contains("\"" + control.toUpperCase(Locale.ROOT) + "\""))) {
                        rows.add(n);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (format.equalsIgnoreCase("json")) {
                out.println(ChecksCommand.JSON.writeValueAsString(rows));
                return ExitCode.OK;
            }
            out.printf("%6s  %-16s %-20s %-43s %s%n", "SEQ", "KIND", "RECORDED", "COVERS", "NAME / NOTE");
            for (JsonNode n : rows) {
                out.printf("%6d  %-16s %-20s %-43s %s%n", n.path("seq").asLong(), n.path("kind").asText(), n.path("time").asText(),
                        n.path("covers").path("from").asText() + ".." + n.path("covers").path("to").asText(),
                        n.path("name").asText(n.path("note").asText()));
            }
            out.printf("%n%d entries%n", rows.size());
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one entry's statement exactly as recorded.")
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "SEQ") long seq;
        @Option(names = {"-w", "--workspace"}, paramLabel = "DIR") Path ws;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Vault v = vault(new WorkspaceVault(workspace(ws)));
            byte[] statement = v.statement(seq);
            spec.commandLine().getOut().println(ChecksCommand.JSON.writeValueAsString(JSON.readTree(statement)));
            return ExitCode.OK;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Write an entry's evidence content to a file (verified against its digest).")
    static final class Get implements Callable<Integer> {
        @Parameters(paramLabel = "SEQ") long seq;
        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE") Path output;
        @Option(names = {"-w", "--workspace"}, paramLabel = "DIR") Path ws;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            WorkspaceVault wv = new WorkspaceVault(workspace(ws));
            JsonNode n = JSON.readTree(vault(wv).statement(seq));
            if (!n.hasNonNull("digest")) {
                throw new ConfigException("entry #" + seq + " has no content (kind " + n.path("kind").asText() + ")");
            }
            Digest d = Digest.parse(n.get("digest").asText());
            byte[] content = wv.blobs().read(d);
            if (!Digest.of(content).equals(d)) {
                throw new ConfigException("entry #" + seq + ": the stored content does not match its digest " + d + "; run vouch vault verify");
            }
            Files.write(output, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            spec.commandLine().getOut().printf("wrote %s (%d bytes, %s)%n", output, content.length, d);
            return ExitCode.OK;
        }
    }

    static Vault vault(WorkspaceVault wv) {
        if (!wv.hasKeys()) {
            throw new ConfigException(wv.dir() + ": this workspace has no vault yet (a scan or 'vouch evidence add' creates it)");
        }
        return wv.open(Clock.systemUTC(), new PrintWriter(java.io.Writer.nullWriter()));
    }

}
