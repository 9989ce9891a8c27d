package dev.vouch.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code vouch bench-server} on a tiny generated history, run as the CLI runs it: every figure of the report is
 * printed, and with sane values (counts add up, percentiles ordered, no errors, memory in a plausible range).
 */
class ServerBenchTest {
    private static final String NUM = "([0-9][0-9,]*(?:\\.[0-9]+)?)";
    private static final Pattern LOAD = Pattern.compile("GET (\\S+): " + NUM + " requests, " + NUM + " clients, " + NUM
            + " errors, " + NUM + " req/s, " + NUM + " bytes per response; latency ms p50 " + NUM + " p95 " + NUM + " p99 " + NUM
            + " max " + NUM);

    @TempDir
    Path dir;

    @Test
    void tinyHistoryReportHasEveryFigure() throws Exception {
        Path ws = dir.resolve("ws");
        String report = run("--days", "3", "--resources", "20", "--clients", "4", "--requests", "40", "--warmup", "8",
                "--workspace", ws.toString());

        assertThat(report).contains("generating: 3 daily scans of 20 resources");
        Matcher h = find(report, "history: 3 scans, " + NUM + " findings over all scans \\(" + NUM + " in the latest\\)");
        long findings = (long) num(h.group(1));
        long latest = (long) num(h.group(2));
        assertThat(latest).isBetween(20L, 60L); // 1-3 checks per resource
        assertThat(findings).isBetween(2 * latest, 4 * latest);

        double ready = num(find(report, "ready: " + NUM + " s \\(VouchServer.start.*; cpu: this process [0-9]+ % of the machine").group(1));
        assertThat(ready).isGreaterThan(0).isLessThan(120);
        assertThat(report).containsPattern("first dashboard: [0-9]+ ms \\(cold.*\\), status 200");

        loadLine(report, "/api/v1/dashboard", 400);
        loadLine(report, "/api/v1/findings?page=0&size=50", 200);
        loadLine(report, "/", 2_000);

        Matcher mem = find(report, "memory at rest: heap used " + NUM + " MB after full GC \\(committed " + NUM + " MB, max " + NUM
                + " MB\\), RSS " + NUM + " MB");
        double used = num(mem.group(1));
        assertThat(used).isGreaterThan(5).isLessThanOrEqualTo(num(mem.group(2)));
        assertThat(num(mem.group(2))).isLessThanOrEqualTo(num(mem.group(3)));
        assertThat(num(mem.group(4))).isGreaterThan(used);

        assertThat(report).containsPattern("targets: history [0-9,]+ findings \\(>= 1,000,000: MISSED\\); ready [0-9.]+ s"
                + " \\(<= 5 s: (met|MISSED)\\); dashboard p95 [0-9.]+ ms \\(<= 100 ms: (met|MISSED)\\)");
        assertThat(report).contains("load average before: ", "load average after: ", "workspace kept: " + ws);
    }

    @Test
    void reusesAWorkspaceThatHasAHistory() throws Exception {
        Path ws = dir.resolve("ws");
        run("--days", "2", "--resources", "10", "--clients", "2", "--requests", "4", "--warmup", "0", "--workspace", ws.toString());
        String again = run("--days", "50", "--clients", "2", "--requests", "4", "--warmup", "0", "--workspace", ws.toString());
        assertThat(again).doesNotContain("generating:").contains("(its history is reused").containsPattern("history: 2 scans, ");
    }

    @Test
    void deletesItsTemporaryWorkspaceUnlessKept() throws Exception {
        String report = run("--days", "1", "--resources", "5", "--clients", "1", "--requests", "2", "--warmup", "0", "--keep");
        Path kept = Path.of(find(report, "workspace kept: (\\S+)").group(1));
        assertThat(kept.resolve("vouch.yaml")).exists();
        assertThat(kept.resolve(".vouch/vouch.db")).isNotEmptyFile();
    }

    @Test
    void refusesFewerRequestsThanClients() {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err));
        int code = cl.execute("bench-server", "--clients", "10", "--requests", "5", "--workspace", dir.toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("--requests at least --clients (10)");
        assertThat(dir.resolve("vouch.yaml")).doesNotExist();
    }

    @Test
    void readsResidentSetSizeFromProcStatus() throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t40\n");
        assertThat(MemoryAtRest.rss(status)).contains(123456L * 1024);
        assertThat(MemoryAtRest.rss(dir.resolve("absent"))).isEqualTo(Optional.empty());
        Files.writeString(status, "VmRSS:\tlots\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MemoryAtRest.rss(status))
                .hasMessageContaining("status: line 'VmRSS:' is not '<number> kB'");
    }

    @Test
    void percentilesAreNearestRank() {
        long[] ns = new long[100];
        for (int i = 0; i < 100; i++) {
            ns[i] = (i + 1) * 1_000_000L;
        }
        LoadRun.Result r = new LoadRun.Result("/x", 4, 0, 2_000_000_000L, ns, 10, Optional.empty());
        assertThat(r.percentileMs(50)).isEqualTo(50.0);
        assertThat(r.percentileMs(95)).isEqualTo(95.0);
        assertThat(r.percentileMs(99)).isEqualTo(99.0);
        assertThat(r.maxMs()).isEqualTo(100.0);
        assertThat(r.throughput()).isEqualTo(50.0);
        assertThat(LoadRun.share(10, 0, 4) + LoadRun.share(10, 1, 4) + LoadRun.share(10, 2, 4) + LoadRun.share(10, 3, 4)).isEqualTo(10);
        assertThat(LoadRun.share(10, 1, 4)).isEqualTo(3);
        assertThat(LoadRun.share(10, 2, 4)).isEqualTo(2);
    }

    /** Runs {@code vouch bench-server ARGS} through the CLI's command tree (the plugin registration) and returns stdout. */
    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "bench-server";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = cl.execute(all);
        assertThat(code).as("exit code; stderr: %s; stdout: %s", err, out).isZero();
        return out.toString();
    }

    private static void loadLine(String report, String path, long minBytes) {
        Matcher m = find(report, "GET " + Pattern.quote(path) + ": .*");
        Matcher cpu = find(report.substring(m.end()), "\\A\\R  cpu: this process " + NUM + " % of the machine, other processes (" + NUM
                + " %|n/a); " + NUM + " ms CPU per request: server threads " + NUM + ", bench clients " + NUM);
        assertThat(num(cpu.group(1))).isGreaterThan(0);
        assertThat(num(cpu.group(4))).isGreaterThan(0);
        Matcher l = LOAD.matcher(m.group());
        assertThat(l.matches()).as("load line: %s", m.group()).isTrue();
        assertThat(num(l.group(2))).isEqualTo(40);
        assertThat(num(l.group(3))).isEqualTo(4);
        assertThat(num(l.group(4))).as("errors in %s", m.group()).isZero();
        assertThat(num(l.group(5))).isGreaterThan(0);
        assertThat(num(l.group(6))).isGreaterThanOrEqualTo(minBytes);
        double p50 = num(l.group(7));
        double p95 = num(l.group(8));
        double p99 = num(l.group(9));
        double max = num(l.group(10));
        assertThat(p50).isGreaterThan(0).isLessThanOrEqualTo(p95);
        assertThat(p95).isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(max);
    }

    private static Matcher find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("report line /%s/ in:%n%s", regex, text).isTrue();
        return m;
    }

    private static double num(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }
}
