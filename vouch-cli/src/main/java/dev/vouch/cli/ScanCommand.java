package dev.vouch.cli;

import dev.vouch.catalog.Catalog;
import dev.vouch.cli.scan.Scanner;
import dev.vouch.cli.vault.ExceptionEvents;
import dev.vouch.cli.vault.ScanRecorder;
import dev.vouch.cli.vault.WorkspaceVault;
import dev.vouch.vault.Vault;
import dev.vouch.cli.scan.SourceRegistry;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.ExceptionsFile;
import dev.vouch.cli.workspace.SourceSpec;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.cli.workspace.YamlDoc;
import dev.vouch.engine.Check;
import dev.vouch.engine.ExceptionRule;
import dev.vouch.model.Finding;
import dev.vouch.model.Outcome;
import dev.vouch.model.ScanResult;
import dev.vouch.model.Severity;
import dev.vouch.report.ReportInput;
import dev.vouch.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Collect resources from the given sources, run every check, and report SOC 2 readiness.",
            "",
            "With no source options, scans the sources listed in the workspace's vouch.yaml (WORKSPACE,",
            "default: the current folder). With source options, scans just those; results are still",
            "recorded in the workspace database when a workspace is found.",
            "",
            "Examples:",
            "  vouch scan examples/acme",
            "  vouch scan --terraform infra/ --format sarif --output vouch.sarif --fail-on high",
            "  vouch scan --azure-export exports/ --host --git . --format json",
            "  vouch scan --graph-export entra/ --aws-export aws/"})
final class ScanCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "WORKSPACE", description = "Workspace folder (holds vouch.yaml).")
    Path workspaceDir;

    @Option(names = "--terraform", paramLabel = "DIR", description = "Terraform directory (every folder with .tf files is a root module) or .tf file.")
    List<Path> terraform = new ArrayList<>();

    @Option(names = "--arm", paramLabel = "PATH", description = "ARM template file or directory of templates.")
    List<Path> arm = new ArrayList<>();

    @Option(names = "--azure-export", paramLabel = "DIR", description = "Directory of 'az ... -o json' output or ARM REST responses.")
    List<Path> azureExport = new ArrayList<>();

    @Option(names = "--azure", description = "Read live Azure Resource Manager with the default credential chain (environment, managed identity, az login); needs Reader (docs/permissions.md).")
    boolean azure;

    @Option(names = "--subscription", paramLabel = "ID", description = "With --azure: only this subscription (repeatable; default: every subscription the credential sees).")
    List<String> subscriptions = new ArrayList<>();

    @Option(names = "--azure-endpoint", paramLabel = "URL", description = "With --azure: another Resource Manager endpoint (https, e.g. a sovereign cloud; or http on loopback for a local mock, sent no credential).")
    String azureEndpoint;

    @Option(names = "--entra", description = "Read Entra ID live through Microsoft Graph with the default credential chain (application permissions in docs/permissions.md).")
    boolean entra;

    @Option(names = "--github", paramLabel = "OWNER", description = "Read GitHub: branch protection, org 2FA and base permission, secret scanning, Dependabot, and merged pull requests (token from GITHUB_TOKEN; docs/github.md).")
    String githubOwner;

    @Option(names = "--github-repo", paramLabel = "NAME", description = "With --github: only this repository (repeatable; default: every non-archived repository).")
    List<String> githubRepos = new ArrayList<>();

    @Option(names = "--github-api-url", paramLabel = "URL", description = "With --github: GitHub Enterprise Server API, e.g. https://github.example.com/api/v3.")
    String githubApiUrl;

    @Option(names = "--aws", description = "Read AWS live with the SDK's default credential chain (env, profile, SSO, instance role); SecurityAudit is enough (docs/permissions.md).")
    boolean aws;

    @Option(names = "--aws-region", paramLabel = "REGION", description = "With --aws: a region to read (repeatable; default: the SDK's default region).")
    List<String> awsRegions = new ArrayList<>();

    @Option(names = "--graph-export", paramLabel = "DIR", description = "Directory of saved Microsoft Graph responses (Entra ID users, MFA registration, roles, conditional access; docs/graph.md).")
    List<Path> graphExport = new ArrayList<>();

    @Option(names = "--aws-export", paramLabel = "DIR", description = "Directory of AWS exports: IAM credential report CSV and 'aws ... --output json' (docs/aws-offline.md).")
    List<Path> awsExport = new ArrayList<>();

    @Option(names = "--host", description = "Scan this Linux host (accounts, sudoers, sshd, auditd, time sync, firewall, updates, services).")
    boolean host;

    @Option(names = "--git", paramLabel = "DIR", description = "Local git repository, for change management (CC8.1).")
    List<Path> git = new ArrayList<>();

    @Option(names = "--git-lookback", paramLabel = "DAYS", description = "Change history window for git sources (default: vouch.yaml, else 90).")
    Integer gitLookback;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table (default), json, sarif or junit.")
    String format = "table";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "Exit 1 when a FAIL finding is at or above: critical, high, medium, low, none (default: vouch.yaml, else none).")
    String failOn;

    @Option(names = "--exceptions", paramLabel = "FILE", description = "Exceptions file (default: vouch.yaml's 'exceptions').")
    Path exceptionsFile;

    @Option(names = "--checks", paramLabel = "DIR", description = "Also load custom checks from DIR (check.yaml folders).")
    List<Path> extraChecks = new ArrayList<>();

    @Option(names = "--no-store", description = "Do not record this scan in the workspace database.")
    boolean noStore;

    @Option(names = "--no-color", description = "No ANSI colour (also: NO_COLOR set, or output not a terminal).")
    boolean noColor;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines on standard error.")
    boolean quiet;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path wsDir = workspaceDir == null ? Path.of(".") : workspaceDir;
        List<SourceSpec> explicit = explicitSources();
        Optional<Workspace> ws = workspaceDir != null && explicit.isEmpty() ? Optional.of(Workspace.open(wsDir)) : Workspace.find(wsDir);
        List<SourceSpec> sources = !explicit.isEmpty() ? explicit : ws.map(Workspace::sources).orElse(List.of());
        if (sources.isEmpty()) {
            throw new ConfigException(ws.isPresent() ? ws.get().dir().resolve(Workspace.FILE) + ": no sources listed under 'sources'"
                    : "nothing to scan: give a workspace folder (with vouch.yaml) or sources such as --terraform DIR, --azure-export DIR, --host, --git DIR (see vouch scan --help)");
        }
        if (ws.isPresent() && !noStore) {
            // a database that cannot be opened (an unreachable server, a corrupt file) is reported before a long scan
            Store.open(ws.get().database(), Clock.systemUTC()).close();
            return ScanGuard.exclusive(ws.get(), () -> scan(ws, sources));
        }
        return scan(ws, sources);
    }

    /**
     * The workspace's exceptions plus those approved through {@code vouch serve} (kept in the database as requests,
     * ids {@code REQ-n}); a revoked or rejected request does not apply.
     */
    static List<ExceptionRule> withApproved(Workspace ws, List<ExceptionRule> fromFile) {
        List<ExceptionRule> all = new java.util.ArrayList<>(fromFile);
        try (Store store = Store.open(ws.database(), Clock.systemUTC())) {
            for (dev.vouch.store.ExceptionRequests.Request r : store.exceptionRequests().approved()) {
                all.add(new ExceptionRule(r.exceptionId(), r.checkId(), r.resourceGlob(), r.requestedBy(), r.reason(), r.expires(),
                        new dev.vouch.model.Origin("server", "exception request #" + r.id() + " approved by "
                                + r.decidedBy().orElse("?"), 0)));
            }
        }
        return all;
    }

    private int scan(Optional<Workspace> ws, List<SourceSpec> sources) throws Exception {
        Clock clock = Clock.systemUTC();
        Format fmt = Format.parse(format);
        Severity bar = failOnBar(ws);
        Catalogs catalogs = Catalogs.load(ws.map(Workspace::checkDirs).orElse(List.of()), extraChecks);
        List<Check> checks = catalogs.checks();
        Set<String> ids = checks.stream().map(Check::id).collect(Collectors.toSet());
        List<ExceptionRule> exceptions = exceptionsFile != null
                ? ExceptionsFile.read(YamlDoc.read(exceptionsFile), "/exceptions", ids)
                : ws.map(w -> w.exceptions(ids)).orElse(List.of());
        if (ws.isPresent() && !noStore) {
            exceptions = withApproved(ws.get(), exceptions);
        }
        PrintWriter err = spec.commandLine().getErr();
        Scanner scanner = new Scanner(registry(ws, clock), checks, clock,
                quiet ? s -> { } : s -> { err.println("vouch: " + s); err.flush(); });
        Scanner.Outcome outcome = scanner.scanWithResources(sources, exceptions);
        ScanResult result = outcome.result();
        ReportInput report = new ReportInput(result, catalogs.criteriaByCheck());
        if (ws.isPresent() && !noStore) {
            record(ws.get(), result, outcome.resources(), report, catalogs, exceptions, clock, err);
        }
        write(fmt, report);
        return exitCode(result, bar);
    }

    /** The collectors' settings: command-line options first, then the workspace's vouch.yaml. */
    private SourceRegistry registry(Optional<Workspace> ws, Clock clock) throws IOException {
        int lookback = gitLookback != null ? gitLookback : ws.map(Workspace::gitLookbackDays).orElse(90);
        Optional<java.time.Instant> since = gitLookback != null ? Optional.empty() : ws.flatMap(Workspace::gitSince);
        Path scratch = ws.isPresent() ? ws.get().dir().resolve(".vouch") : Files.createTempDirectory("vouch");
        Set<String> subs = new java.util.LinkedHashSet<>(subscriptions);
        if (subs.isEmpty()) {
            ws.ifPresent(w -> subs.addAll(w.azureSubscriptions()));
        }
        return new SourceRegistry(clock, Duration.ofDays(lookback), since, scratch)
                .azureSubscriptions(subs)
                .azureEndpoint(azureEndpoint)
                .github(gitHubSettings(ws, lookback))
                .awsRegions(!awsRegions.isEmpty() ? awsRegions : ws.map(Workspace::awsRegions).orElse(List.of()));
    }

    private List<SourceSpec> explicitSources() {
        List<SourceSpec> out = new ArrayList<>();
        terraform.forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.TERRAFORM, p)));
        arm.forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.ARM, p)));
        if (azure) {
            out.add(new SourceSpec(SourceSpec.Kind.AZURE, Path.of("azure")));
        }
        if (entra) {
            out.add(new SourceSpec(SourceSpec.Kind.ENTRA, Path.of("entra")));
        }
        if (githubOwner != null) {
            out.add(new SourceSpec(SourceSpec.Kind.GITHUB, Path.of(githubOwner)));
        }
        if (aws) {
            out.add(new SourceSpec(SourceSpec.Kind.AWS, Path.of("aws")));
        }
        azureExport.forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.AZURE_EXPORT, p)));
        graphExport.forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.GRAPH_EXPORT, p)));
        awsExport.forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.AWS_EXPORT, p)));
        if (host) {
            out.add(new SourceSpec(SourceSpec.Kind.HOST, Path.of("/")));
        }
        git.forEach(p -> out.add(new SourceSpec(SourceSpec.Kind.GIT, p)));
        return out;
    }

    private dev.vouch.cli.scan.SourceRegistry.GitHubSettings gitHubSettings(Optional<Workspace> ws, int lookbackDays) {
        if (githubOwner != null) {
            return new dev.vouch.cli.scan.SourceRegistry.GitHubSettings(githubOwner, githubRepos,
                    githubApiUrl == null ? "" : githubApiUrl, lookbackDays);
        }
        return ws.flatMap(Workspace::gitHub).orElse(new dev.vouch.cli.scan.SourceRegistry.GitHubSettings("", List.of(), "", lookbackDays));
    }

    private Severity failOnBar(Optional<Workspace> ws) {
        if (failOn != null) {
            if (failOn.equalsIgnoreCase("none")) {
                return null;
            }
            try {
                return Severity.parse(failOn);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--fail-on " + e.getMessage().replace("must be one of ", "must be one of none, "));
            }
        }
        return ws.flatMap(Workspace::failOn).orElse(null);
    }

    /** Records the scan in the history database and in the evidence vault (with new exception events). */
    private static void record(Workspace ws, ScanResult result, List<dev.vouch.model.Resource> resources, ReportInput report,
            Catalogs catalogs, List<ExceptionRule> exceptions, Clock clock, PrintWriter err) {
        String actor = System.getProperty("user.name", "");
        try (Store store = Store.open(ws.database(), clock)) {
            long id = store.recordScan(result);
            err.println("vouch: recorded scan #" + id + " in " + ws.databaseName());
            List<ExceptionEvents.Event> events = ExceptionEvents.pending(exceptions, result.exceptionNotices(),
                    store.recordedExceptionEvents(), catalogs.controlsByCheck(), clock.instant(), actor);
            Vault.Appended a = ScanRecorder.record(new WorkspaceVault(ws).open(clock, err), result, resources, report,
                    catalogs.controlsByCheck(), actor, events.stream().map(ExceptionEvents.Event::evidence).toList());
            for (int i = 0; i < events.size(); i++) {
                store.markExceptionEventRecorded(events.get(i).exceptionId(), events.get(i).event(), a.seqs().get(2 + i));
            }
            err.println("vouch: recorded the scan in the evidence vault as entries #" + a.seqs().get(0) + "-#"
                    + a.seqs().get(a.seqs().size() - 1) + (events.isEmpty() ? "" : " (with " + events.size() + " exception event(s))")
                    + ", checkpoint " + a.treeSize());
            ScoreWalk.keepScan(store, id, result.findings(), result.finishedAt(), catalogs.catalog(), ws.scope(),
                    ScoreCommand.evidence(ws));
        }
    }

    private void write(Format fmt, ReportInput in) throws IOException {
        boolean colour = fmt == Format.TABLE && output == null && !noColor && System.console() != null
                && System.getenv("NO_COLOR") == null;
        if (output != null) {
            if (output.getParent() != null) {
                Files.createDirectories(output.getParent());
            }
            try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                fmt.renderer(colour).render(in, w);
            }
            spec.commandLine().getErr().println("vouch: wrote " + fmt.name().toLowerCase() + " report to " + output);
        } else {
            PrintWriter w = spec.commandLine().getOut();
            fmt.renderer(colour).render(in, w);
            w.flush();
        }
    }

    static int exitCode(ScanResult result, Severity bar) {
        if (result.incomplete()) {
            return ExitCode.INCOMPLETE;
        }
        if (bar == null) {
            return ExitCode.OK;
        }
        boolean over = result.findings().stream()
                .anyMatch((Finding f) -> f.outcome() == Outcome.FAIL && f.severity().atLeast(bar));
        return over ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
