package dev.vouch.server;

import dev.vouch.auth.Passwords;
import dev.vouch.cli.CommandPlugin;
import dev.vouch.cli.ExitCode;
import dev.vouch.cli.workspace.ConfigException;
import dev.vouch.cli.workspace.Workspace;
import dev.vouch.store.Accounts;
import dev.vouch.store.Store;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vouch users}: the server's accounts from the command line, for whoever can read the workspace — the way
 * back in when the only admin lost their authenticator or password. Each change is recorded in the vault's audit trail.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = {"List the server's accounts, or recover one: reset its authenticator, set its password, disable or enable it.",
            "For the person running the server (who can read the workspace); changes are recorded in the vault's audit trail.",
            "Example: vouch users reset-mfa alice -w my-company"},
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.ResetMfa.class, UsersCommand.UnlinkSso.class, UsersCommand.SetPassword.class,
            UsersCommand.Disable.class, UsersCommand.Enable.class})
public final class UsersCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Registers {@code users} with the CLI. */
    public static final class Plugin implements CommandPlugin {
        @Override
        public Object command() {
            return new UsersCommand();
        }
    }

    abstract static class OnWorkspace implements Callable<Integer> {
        @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", description = "Workspace (default: current folder).")
        Path dir;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Workspace workspace() {
            return Workspace.open(dir == null ? Path.of(".") : dir);
        }

        Accounts.Account account(Store store, String username) {
            return store.accounts().byUsername(AccountService.username(username))
                    .orElseThrow(() -> new ConfigException("no account '" + username + "' (vouch users list)"));
        }

        void audit(Workspace ws, String action, String target) {
            ServerSettings s = ServerSettings.forTest(ws.dir(), Clock.systemUTC());
            try (WorkspaceContext ctx = new WorkspaceContext(s)) {
                new AuditTrail(ctx).record("cli:" + System.getProperty("user.name", "?"), action, target, "local", true,
                        Map.of("via", "vouch users"));
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The accounts: role, authenticator, state.")
    static final class ListUsers extends OnWorkspace {
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Store store = Store.open(workspace().database(), Clock.systemUTC())) {
                List<Accounts.Account> all = store.accounts().all();
                out.printf("%-24s %-8s %-5s %-9s %s%n", "USER", "ROLE", "MFA", "STATE", "WINDOW");
                for (Accounts.Account a : all) {
                    out.printf("%-24s %-8s %-5s %-9s %s%n", a.username(), Role.parse(a.role()).label(), a.mfaEnabled() ? "on" : "off",
                            a.disabled() ? "disabled" : "active", a.windowFrom().map(f -> f + ".." + a.windowTo().orElse(null)).orElse(""));
                }
                out.printf("%d account(s)%n", all.size());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "reset-mfa", mixinStandardHelpOptions = true, description = "Forget USER's authenticator; an admin enrols a new one at the next sign-in.")
    static final class ResetMfa extends OnWorkspace {
        @Parameters(paramLabel = "USER") String user;

        @Override
        public Integer call() {
            Workspace ws = workspace();
            try (Store store = Store.open(ws.database(), Clock.systemUTC())) {
                Accounts.Account a = account(store, user);
                store.accounts().disableMfa(a.id());
                audit(ws, "account.mfa.reset", a.username());
                spec.commandLine().getOut().printf("%s: authenticator reset%n", a.username());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "unlink-sso", mixinStandardHelpOptions = true,
            description = "Forget USER's single-sign-on identity (their account at the provider was replaced); the next sign-in links the new one.")
    static final class UnlinkSso extends OnWorkspace {
        @Parameters(paramLabel = "USER") String user;

        @Override
        public Integer call() {
            Workspace ws = workspace();
            try (Store store = Store.open(ws.database(), Clock.systemUTC())) {
                Accounts.Account a = account(store, user);
                store.accounts().unbindSso(a.id());
                audit(ws, "account.sso.unlink", a.username());
                spec.commandLine().getOut().printf("%s: single-sign-on identity forgotten%n", a.username());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true,
            description = {"Set USER's password, read from standard input (one line), e.g. from a password manager's CLI.",
                "Example: pass show vouch/alice | vouch users set-password alice -w my-company"})
    static final class SetPassword extends OnWorkspace {
        @Parameters(paramLabel = "USER") String user;

        @Override
        public Integer call() throws IOException {
            Workspace ws = workspace();
            String password;
            java.io.Console console = System.console();
            if (console != null) {
                char[] typed = console.readPassword("New password for %s: ", user);
                password = typed == null ? "" : new String(typed);
            } else {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
            try (Store store = Store.open(ws.database(), Clock.systemUTC())) {
                Accounts.Account a = account(store, user);
                List<String> problems = Passwords.problems(password == null ? "" : password, a.username());
                if (!problems.isEmpty()) {
                    throw new ConfigException("password: " + String.join("; ", problems));
                }
                store.accounts().setPassword(a.id(), new Passwords().hash(password), Clock.systemUTC().instant());
                audit(ws, "account.password.set", a.username());
                spec.commandLine().getOut().printf("%s: password set%n", a.username());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable USER (sessions end, tokens stop working).")
    static final class Disable extends OnWorkspace {
        @Parameters(paramLabel = "USER") String user;

        @Override
        public Integer call() {
            return toggle(user, true);
        }

        Integer toggle(String name, boolean disabled) {
            Workspace ws = workspace();
            try (Store store = Store.open(ws.database(), Clock.systemUTC())) {
                Accounts.Account a = account(store, name);
                store.accounts().setDisabled(a.id(), disabled);
                audit(ws, disabled ? "account.disable" : "account.enable", a.username());
                spec.commandLine().getOut().printf("%s: %s%n", a.username(), disabled ? "disabled" : "enabled");
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable USER again.")
    static final class Enable extends OnWorkspace {
        @Parameters(paramLabel = "USER") String user;

        @Override
        public Integer call() {
            Disable d = new Disable();
            d.dir = dir;
            d.spec = spec;
            return d.toggle(user, false);
        }
    }
}
