package dev.vouch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vouch.assess.sample.ChangePopulation;
import dev.vouch.assess.sample.CheckpointRoot;
import dev.vouch.assess.sample.Period;
import dev.vouch.assess.sample.Population;
import dev.vouch.assess.sample.Roster;
import dev.vouch.assess.sample.RosterCsv;
import dev.vouch.assess.sample.Sample;
import dev.vouch.assess.sample.SampleSizes;
import dev.vouch.assess.sample.SampleText;
import dev.vouch.assess.sample.Sampler;
import dev.vouch.catalog.Catalog;
import dev.vouch.catalog.Control;
import dev.vouch.cli.vault.WorkspaceVault;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.model.Origin;
import dev.vouch.model.Resource;
import dev.vouch.vault.blob.Digest;
import dev.vouch.vault.sign.SignedCheckpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw an auditor sample the auditor can re-derive from a signed vault checkpoint.", "",
            "Pick an auditor sample from a population, sized by the control's frequency and selected by a",
            "signed vault checkpoint's root hash, so the auditor can re-derive exactly the same sample (docs/scoring.md).",
            "Populations: changes (merged pull requests from the latest GitHub scan), hires and terminations (--roster CSV).",
            "Example: vouch sample --control VC-CHG-01 --period 2026-01-01..2026-06-30 --checkpoint held.txt"})
final class SampleCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE") Path workspaceDir;
    @Option(names = "--control", required = true, paramLabel = "ID") String controlId;
    @Option(names = "--period", required = true, paramLabel = "FROM..TO") String period;
    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "A checkpoint signed by this vault (vouch vault checkpoint > FILE); its root seeds the selection.") Path checkpoint;
    @Option(names = "--population", paramLabel = "KIND", description = "changes (default), hires or terminations.") String population = "changes";
    @Option(names = "--roster", paramLabel = "FILE", description = "HR roster CSV (employee_id,name,email,start_date,end_date) for hires/terminations.") Path roster;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Workspace ws = Workspace.open(workspaceDir == null ? Path.of(".") : workspaceDir);
        Control control = Catalog.loadDefault().control(controlId.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new ConfigException("--control: no control '" + controlId + "' (see vouch controls list)"));
        WorkspaceVault wv = new WorkspaceVault(ws);
        String note = Files.readString(checkpoint, StandardCharsets.UTF_8);
        var verified = VaultCommand.verifyHeld(note, checkpoint, wv);
        if (!verified.valid()) {
            throw new ConfigException(checkpoint + ": not a checkpoint signed by this vault: " + verified.reason());
        }
        Period p;
        try {
            p = Period.parse(period);
        } catch (RuntimeException e) {
            throw new ConfigException("--period: " + e.getMessage());
        }
        Population pop = population(population, wv, p, roster);
        Sample s = new Sampler(SampleSizes.standard()).sample(control.id(), control.frequency(), pop,
                CheckpointRoot.parse(note, checkpoint.toString()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(SampleText.render(s, pop));
        out.flush();
        pop.problems().forEach(x -> spec.commandLine().getErr().println("vouch: " + pop.name() + ": " + x));
        return ExitCode.OK;
    }

    /** The population {@code kind} (changes, hires, terminations) in period {@code p}. */
    static Population population(String kind, WorkspaceVault wv, Period p, Path roster) {
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "changes" -> {
                return ChangePopulation.from(latestSnapshot(wv), p);
            }
            case "hires", "terminations" -> {
                if (roster == null) {
                    throw new ConfigException("population " + kind + " needs --roster FILE (the HR roster CSV)");
                }
                Roster r = RosterCsv.read(roster);
                return kind.equalsIgnoreCase("hires") ? r.hires(p) : r.terminations(p);
            }
            default -> throw new ConfigException("population must be changes, hires or terminations, was '" + kind + "'");
        }
    }

    /** The resources of the newest scan snapshot in the vault (the store keeps findings, the vault the snapshot). */
    private static List<Resource> latestSnapshot(WorkspaceVault wv) {
        AtomicLong seq = new AtomicLong(-1);
        String[] digest = new String[1];
        EvidenceCommand.vault(wv).forEachStatement((line, n) -> {
            try {
                JsonNode s = JSON.readTree(line);
                if (s.path("kind").asText().equals("scan.snapshot")) {
                    seq.set(n);
                    digest[0] = s.path("digest").asText();
                }
            } catch (IOException e) {
                // damaged entries are vouch vault verify's business
            }
        });
        if (digest[0] == null) {
            throw new ConfigException(wv.dir() + ": no scan snapshot in the vault yet; scan a GitHub source first");
        }
        List<Resource> out = new ArrayList<>();
        try {
            JsonNode root = JSON.readTree(wv.blobs().read(Digest.parse(digest[0])));
            for (JsonNode r : root.path("resources")) {
                out.add(Resource.builder(r.path("type").asText(), r.path("id").asText()).name(r.path("name").asText())
                        .provider(r.path("provider").asText()).scope(r.path("scope").asText())
                        .properties(JSON.convertValue(r.path("properties"), Map.class))
                        .origin(Origin.of("vault", "entry #" + seq.get()))
                        .collectedAt(Instant.parse(r.path("collectedAt").asText())).build());
            }
        } catch (IOException e) {
            throw new ConfigException(wv.dir() + ": cannot read the snapshot of entry #" + seq.get() + ": " + e.getMessage());
        }
        return out;
    }
}
