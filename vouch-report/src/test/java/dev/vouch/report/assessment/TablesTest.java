package dev.vouch.report.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** XLSX read back cell by cell, CSV against its golden file, JSON parsed back: all the same model. */
class TablesTest {
    static final ReadinessModel MODEL = ReportFixtures.readiness();

    @Test
    void xlsxHoldsTheControlMatrixAndTheOtherSheets() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.write(ReadinessTables.of(MODEL))))) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3), wb.getSheetName(4)))
                    .containsExactly("Control matrix", "Criteria", "Findings", "Evidence", "Remediation");
            Sheet m = wb.getSheet("Control matrix");
            assertThat(m.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Criterion");
            assertThat(m.getRow(0).getCell(12).getStringCellValue()).isEqualTo("Check status");
            assertThat(m.getPaneInformation().isFreezePane()).isTrue();
            Row failing = find(m, 9, ReportFixtures.FAILING);
            assertThat(failing.getCell(3).getStringCellValue()).isEqualTo(ReportFixtures.AUTOMATED.id());
            assertThat(failing.getCell(12).getStringCellValue()).isEqualTo("fail");
            assertThat(failing.getCell(13).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(failing.getCell(13).getNumericCellValue()).isEqualTo(3.0);
            assertThat(failing.getCell(14).getNumericCellValue()).isEqualTo(1.0);
            assertThat(failing.getCell(15).getStringCellValue()).contains("stacme01", "stacme02").doesNotContain("stacme03");
            Row manual = find(m, 3, ReportFixtures.MANUAL.id());
            assertThat(manual.getCell(8).getStringCellValue()).contains("fresh (#7)");
            Sheet ev = wb.getSheet("Evidence");
            assertThat(DateUtil.isCellDateFormatted(ev.getRow(2).getCell(5))).isTrue();
            assertThat(ev.getRow(2).getCell(5).getLocalDateTimeCellValue().toString()).isEqualTo("2026-06-02T09:00");
            assertThat(ev.getRow(2).getCell(7).getStringCellValue()).isEqualTo("sha256:" + "cd".repeat(32));
            assertThat(wb.getSheet("Findings").getLastRowNum()).isEqualTo(MODEL.findings().size());
        }
    }

    private static Row find(Sheet s, int column, String value) {
        for (Row r : s) {
            if (r.getRowNum() > 0 && value.equals(r.getCell(column).getStringCellValue())) {
                return r;
            }
        }
        throw new AssertionError("no row with " + value + " in column " + column + " of " + s.getSheetName());
    }

    @Test
    void type2WorkbookCarriesTheKnownAnswers() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Xlsx.write(Type2Tables.of(ReportFixtures.type2()))))) {
            Row c = find(wb.getSheet("Controls"), 0, ReportFixtures.AUTOMATED.id());
            assertThat(c.getCell(3).getStringCellValue()).isEqualTo("NOT EFFECTIVE");
            assertThat(c.getCell(4).getNumericCellValue()).isEqualTo(90.0);
            assertThat(c.getCell(9).getNumericCellValue()).isEqualTo(1.0); // beyond SLA
            assertThat(wb.getSheet("Gaps").getRow(1).getCell(3).getNumericCellValue()).isEqualTo(3.0);
            assertThat(wb.getSheet("Samples").getLastRowNum()).isEqualTo(4);
        }
    }

    @Test
    void csvMatchesItsGoldenFile() throws Exception {
        String csv = Csv.write(ReadinessTables.matrix(MODEL));
        assertThat(csv).startsWith("Criterion,Category,Criterion score,Control,").contains("\r\n");
        dev.vouch.report.GoldenFiles.assertMatches(csv, "readiness-matrix.csv");
    }

    @Test
    void csvNeverHandsASpreadsheetAFormula() {
        ReportTable t = new ReportTable("t", List.of("a", "b", "c", "d"),
                List.of(List.of("=HYPERLINK(\"http://x\")", "+1", "say \"hi\", ok", 3.5)));
        assertThat(Csv.write(t)).isEqualTo("a,b,c,d\r\n\"'=HYPERLINK(\"\"http://x\"\")\",'+1,\"say \"\"hi\"\", ok\",3.5\r\n");
    }

    @Test
    void rowsMustFitTheHeader() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("only one"));
        assertThatThrownBy(() -> new ReportTable("Bad", List.of("a", "b"), rows))
                .hasMessageContaining("table 'Bad': a row has 1 cells for 2 columns");
    }

    @Test
    void jsonIsTheModel() throws Exception {
        JsonNode n = new ObjectMapper().readTree(ReportJson.readiness(MODEL));
        assertThat(n.path("report").asText()).isEqualTo("readiness");
        assertThat(n.path("version").asInt()).isEqualTo(1);
        assertThat(n.path("model").path("assessment").path("overall").asDouble()).isEqualTo(MODEL.assessment().overall());
        assertThat(n.path("model").path("seal").path("treeSize").asLong()).isEqualTo(42);
        assertThat(Instant.parse(n.path("model").path("generatedAt").asText())).isEqualTo(ReportFixtures.NOW);
        JsonNode t = new ObjectMapper().readTree(ReportJson.type2(ReportFixtures.type2()));
        assertThat(t.path("model").path("report").path("policy").path("scanCadence").asText()).isEqualTo("PT24H");
    }
}
