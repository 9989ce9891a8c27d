package dev.vouch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vouch report as a user runs it: every format from one scanned workspace, numbers equal to vouch score's. */
class ReportCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    @TempDir
    Path dir;

    private Path workspace(String extra) throws IOException {
        Path ws = dir.resolve("ws");
        Files.createDirectories(ws.resolve("tf"));
        Files.writeString(ws.resolve("tf/main.tf"), ScanCommandTest.GOOD_TF);
        Files.writeString(ws.resolve("vouch.yaml"), "organization: Test Co\nsources:\n  terraform: [tf]\n" + extra);
        return ws;
    }

    private static String pdfText(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void beforeAnyScanItSaysWhatToDo() throws IOException {
        Path ws = workspace("");
        CliRun r = CliRun.of("report", "readiness", ws.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no scan recorded yet; run 'vouch scan");
        assertThat(ws.resolve("reports")).doesNotExist();
    }

    @Test
    void everyFormatCarriesTheSameScore() throws Exception {
        Path ws = workspace("");
        assertThat(CliRun.of("scan", ws.toString(), "-q").exit()).isZero();
        double overall = JSON.readTree(CliRun.of("score", ws.toString(), "--format", "json").out()).path("overall").asDouble();
        String shown = String.format(Locale.ROOT, "%.1f", overall);

        CliRun pdf = CliRun.of("report", "readiness", ws.toString());
        assertThat(pdf.exit()).isZero();
        Path pdfFile = ws.resolve("reports/readiness-" + TODAY + ".pdf");
        assertThat(pdf.out()).contains("wrote " + pdfFile, "readiness " + shown);
        assertThat(pdfText(pdfFile)).contains("Test Co", "Overall readiness " + shown + " / 100", "AZ-STG-002",
                "Evidence index", "Signed checkpoint");

        Path x = dir.resolve("out/matrix.xlsx");
        assertThat(CliRun.of("report", "readiness", ws.toString(), "--format", "xlsx", "-o", x.toString()).exit()).isZero();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(x)))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Control matrix");
            assertThat(wb.getSheet("Findings").getLastRowNum()).isPositive();
        }
        Path json = dir.resolve("r.json");
        CliRun.of("report", "readiness", ws.toString(), "--format", "json", "-o", json.toString());
        assertThat(JSON.readTree(json.toFile()).path("model").path("assessment").path("overall").asDouble()).isEqualTo(overall);
        Path oscal = dir.resolve("r.oscal.json");
        CliRun.of("report", "readiness", ws.toString(), "--format", "oscal", "-o", oscal.toString());
        JsonNode ar = JSON.readTree(oscal.toFile()).path("assessment-results");
        assertThat(ar.path("metadata").path("oscal-version").asText()).isEqualTo("1.1.3");
        assertThat(ar.path("results").get(0).path("findings").size()).isPositive();
        Path csv = dir.resolve("criteria.csv");
        assertThat(CliRun.of("report", "readiness", ws.toString(), "--format", "csv", "--table", "criteria", "-o", csv.toString()).exit()).isZero();
        assertThat(Files.readString(csv)).startsWith("\uFEFFCriterion,Category,Summary,Score,Band,").contains("CC6.7");
        Path html = dir.resolve("r.html");
        CliRun.of("report", "readiness", ws.toString(), "--format", "html", "-o", html.toString());
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>\n<html").contains("data:image/png;base64,")
                .contains("font-family: 'DejaVu Sans'"); // style text is not entity-escaped (browsers read it raw)
    }

    @Test
    void badFormatOrTableIsAUsageErrorNamingTheChoices() throws IOException {
        Path ws = workspace("");
        CliRun.of("scan", ws.toString(), "-q");
        CliRun f = CliRun.of("report", "readiness", ws.toString(), "--format", "docx");
        assertThat(f.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(f.err()).contains("--format must be pdf, html, xlsx, csv, json or oscal, was 'docx'");
        CliRun t = CliRun.of("report", "readiness", ws.toString(), "--format", "csv", "--table", "nope", "-o", dir.resolve("x.csv").toString());
        assertThat(t.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(t.err()).contains("no table 'nope' (tables: Control matrix, Criteria, Findings, Evidence, Remediation)");
        assertThat(dir.resolve("x.csv")).doesNotExist();
        CliRun d = CliRun.of("report", "readiness", ws.toString(), "-o", dir.toString());
        assertThat(d.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(d.err()).contains("is a directory; give a file name");
    }

    @Test
    void type2UsesTheWorkspaceWindowAndDrawsSamples() throws Exception {
        Path ws = workspace("observation: {from: " + TODAY.minusDays(29) + ", to: " + TODAY + "}\n");
        CliRun.of("scan", ws.toString(), "-q");
        Path held = dir.resolve("held.txt");
        Files.writeString(held, CliRun.of("vault", "checkpoint", "-w", ws.toString()).out());
        Path roster = dir.resolve("roster.csv");
        StringBuilder csv = new StringBuilder("employee_id,name,email,start_date,end_date\n");
        for (int i = 1; i <= 8; i++) {
            csv.append("E").append(i).append(",Person ").append(i).append(",p").append(i).append("@test.example,")
                    .append(TODAY.minusDays(i)).append(",\n");
        }
        csv.append("E99,Broken,b@test.example,not-a-date,\n");
        Files.writeString(roster, csv);
        Path out = dir.resolve("t2.pdf");
        CliRun r = CliRun.of("report", "type2", ws.toString(), "-o", out.toString(), "--checkpoint", held.toString(),
                "--sample", "VC-HR-01=hires", "--roster", roster.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("line 10");
        String text = pdfText(out);
        assertThat(text).contains("Test Co", TODAY.minusDays(29) + " – " + TODAY + " (dates inclusive, UTC)",
                "VC-HR-01 — hires:", "of 8", "Why each verdict");
        CliRun s = CliRun.of("sample", ws.toString(), "--control", "VC-HR-01", "--period", TODAY.minusDays(29) + ".." + TODAY,
                "--checkpoint", held.toString(), "--population", "hires", "--roster", roster.toString());
        java.util.List<String> hashes = s.out().lines().filter(l -> l.trim().startsWith("sha256 "))
                .map(l -> l.trim().substring(7, 23)).toList();
        assertThat(hashes).isNotEmpty();
        assertThat(text).contains(hashes); // the very draws vouch sample makes from the same checkpoint
    }

    @Test
    void type2WithoutAWindowOrOutsideTheHistoryIsClear() throws IOException {
        Path ws = workspace("");
        CliRun.of("scan", ws.toString(), "-q");
        CliRun none = CliRun.of("report", "type2", ws.toString());
        assertThat(none.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("no observation window: give --period FROM..TO or set 'observation: {from: DATE, to: DATE}'");
        CliRun old = CliRun.of("report", "type2", ws.toString(), "--period", "2001-01-01..2001-12-31");
        assertThat(old.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(old.err()).contains("lies outside the recorded history");
        CliRun noSeed = CliRun.of("report", "type2", ws.toString(), "--period", TODAY + ".." + TODAY, "--sample", "VC-CHG-01=changes");
        assertThat(noSeed.err()).contains("--sample needs --checkpoint FILE");
    }

    @Test
    void badObservationInVouchYamlIsNamedWithItsLine() throws IOException {
        Path ws = workspace("observation: {from: 2026-07-01, to: 2026-02-30}\n");
        CliRun r = CliRun.of("report", "type2", ws.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("vouch.yaml:4", "'observation.to' must be a date like 2026-01-01, was '2026-02-30'");
    }

    @Test
    void trendPointsAreTheScoresHistoryShowsKeptOrRecomputed() throws Exception {
        Path ws = workspace("");
        assertThat(CliRun.of("scan", ws.toString(), "-q").exit()).isZero();
        Files.writeString(ws.resolve("tf/main.tf"), ScanCommandTest.GOOD_TF.replace("TLS1_0", "TLS1_2"));
        CliRun.of("scan", ws.toString(), "-q");
        Files.writeString(ws.resolve("tf/main.tf"), ScanCommandTest.GOOD_TF);
        CliRun.of("scan", ws.toString(), "-q");
        JsonNode history = JSON.readTree(CliRun.of("history", ws.toString(), "--format", "json").out()).path("trend");
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(1).path("score").asDouble()).isNotEqualTo(history.get(0).path("score").asDouble());
        Path json = dir.resolve("r.json");
        CliRun.of("report", "readiness", ws.toString(), "--format", "json", "-o", json.toString());
        JsonNode kept = JSON.readTree(json.toFile()).path("model").path("trend");
        // forget the kept scores: the report walks the history by deltas and scores every point again
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + ws.resolve(".vouch/vouch.db"));
                var st = c.createStatement()) {
            assertThat(st.executeUpdate("DELETE FROM scan_score")).isEqualTo(3);
        }
        CliRun.of("report", "readiness", ws.toString(), "--format", "json", "-o", json.toString());
        JsonNode recomputed = JSON.readTree(json.toFile()).path("model").path("trend");
        for (int i = 0; i < 3; i++) {
            double h = history.get(i).path("score").asDouble();
            assertThat(kept.get(i).path("overall").asDouble()).as("kept point %d", i).isEqualTo(h);
            assertThat(recomputed.get(i).path("overall").asDouble()).as("recomputed point %d", i).isEqualTo(h);
        }
        CliRun drift = CliRun.of("history", ws.toString());
        assertThat(drift.out()).contains("recovered", "started");
    }
}
