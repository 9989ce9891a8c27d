package dev.vouch.cli;

import dev.vouch.catalog.CatalogException;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.engine.CheckLoadException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vouch} command. */
@Command(name = "vouch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {
            "Vouch: SOC 2 compliance automation. Tests cloud configuration, Terraform/ARM, Linux hosts and the change process against controls mapped to the AICPA Trust Services Criteria.",
            "",
            "Start with: vouch scan examples/acme   (a workspace folder holding vouch.yaml)"},
        subcommands = {ScanCommand.class, ScoreCommand.class, HistoryCommand.class, Type2Command.class, SampleCommand.class, ReportCommand.class, ScheduleCommand.class, WarmupCommand.class, EvidenceCommand.class, VaultCommand.class, ChecksCommand.class, ControlsCommand.class, CriteriaCommand.class,
            InitCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  ran; nothing at or above --fail-on", "  1  findings at or above --fail-on",
            "  2  could not run (bad options, vouch.yaml, exceptions or checks)",
            "  3  ran, but some source or file could not be read (incomplete)",
            "  4  verification failed: the vault or bundle was tampered with or damaged", " 70  internal error",
            "", "Docs: docs/ in the repository (checks.md, workspace.md, exit-codes.md, json-format.md)."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The whole command tree, with any {@link CommandPlugin} found on the class path (vouch serve). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (CommandPlugin plugin : java.util.ServiceLoader.load(CommandPlugin.class)) {
            cl.addSubcommand(plugin.command());
        }
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof ConfigException || e instanceof CheckLoadException || e instanceof CatalogException
                || e instanceof IllegalArgumentException || e instanceof dev.vouch.vault.VaultException
                || e instanceof dev.vouch.store.StoreException) {
            err.println("vouch: " + e.getMessage());
            return ExitCode.USAGE;
        }
        err.println("vouch: internal error: " + e);
        if (System.getenv("VOUCH_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set VOUCH_DEBUG=1 to see the stack trace, and please report it)");
        }
        return ExitCode.INTERNAL;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"vouch " + (v == null ? "development build" : v)};
        }
    }
}
