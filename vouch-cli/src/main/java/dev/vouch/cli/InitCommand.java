package dev.vouch.cli;

import dev.vouch.cli.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create a workspace (vouch.yaml) and the evidence vault's signing key.", "",
            "Create a workspace: a folder with a commented vouch.yaml to edit, and the evidence vault's",
            "Ed25519 signing key pair in .vouch/keys/ (private key mode 0600). Never overwrites either."})
final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder (default: current).") Path dir = Path.of(".");
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    static final String TEMPLATE = """
            # Vouch workspace (docs/workspace.md). Paths are relative to this folder.
            organization: My Company
            # Security (CC) is always in scope; add the other categories your report covers.
            categories: [security, availability, confidentiality]
            sources:
              # terraform: [infra/terraform]        # folders of .tf files
              # arm: [infra/arm]                    # ARM templates
              # azureExport: [exports/azure]        # 'az ... -o json' output or ARM REST responses
              # host: true                          # this Linux host
              # git: [..]                           # repositories, for change management (CC8.1)
              # gitLookbackDays: 90
            # exceptions: exceptions.yaml            # accepted risks with owner, reason and expiry
            # failOn: high                           # exit 1 on a FAIL at or above this severity
            """;

    @Override
    public Integer call() throws IOException {
        Path file = dir.resolve(Workspace.FILE);
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (Files.exists(file)) {
            out.println("kept " + file + " (already exists)");
        } else {
            Files.createDirectories(dir);
            Files.writeString(file, TEMPLATE);
            out.println("created " + file + ": list your sources in it, then run: vouch scan " + dir);
        }
        dev.vouch.cli.vault.WorkspaceVault vault = new dev.vouch.cli.vault.WorkspaceVault(Workspace.open(dir));
        if (vault.hasKeys()) {
            out.println("kept the vault key " + vault.privateKey() + " (fingerprint "
                    + dev.vouch.vault.sign.VaultKeys.fingerprint(dev.vouch.vault.sign.VaultKeys.loadPublic(vault.publicKey())) + ")");
        } else {
            vault.keys(out);
        }
        return ExitCode.OK;
    }
}
