package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** vouch serve as the CLI offers it: listed, helpful, and refusing unsafe or wrong settings before starting. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void trustedProxiesMustBeAddressesBehindTls() {
        Path ws = ServerFixture.copyExample(dir.resolve("ws2"));
        Run without = run("serve", ws.toString(), "--port", "0", "--trusted-proxy", "10.0.0.5");
        assertThat(without.exit()).isEqualTo(2);
        assertThat(without.err()).contains("only with --behind-tls-proxy");
        Run name = run("serve", ws.toString(), "--port", "0", "--behind-tls-proxy", "--trusted-proxy", "proxy.internal");
        assertThat(name.exit()).isEqualTo(2);
        assertThat(name.err()).contains("not an IP address");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void isACommandOfTheCliWithHelp() {
        assertThat(run("--help").out()).contains("serve");
        Run help = run("serve", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("setup-code", "no default password", "--behind-tls-proxy", "--port", "--bind", "jdbc:postgresql");
    }

    @Test
    void refusesANonLoopbackAddressWithoutTls() {
        Path ws = ServerFixture.copyExample(dir.resolve("ws"));
        Run r = run("serve", ws.toString(), "--bind", "0.0.0.0", "--port", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not a loopback address", "--behind-tls-proxy");
    }

    @Test
    void refusesAFolderWithoutWorkspace() {
        Run r = run("serve", dir.resolve("nothing").toString(), "--port", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("vouch.yaml", "not found");
    }
}
