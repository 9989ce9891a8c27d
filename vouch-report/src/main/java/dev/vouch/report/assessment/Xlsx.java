package dev.vouch.report.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Tables as an XLSX workbook, one sheet per table: bold frozen header, auto-filter, real numbers and
 * UTC date-times (not text), streamed so a 100,000-row findings sheet needs little memory.
 */
public final class Xlsx {
    private static final int MAX_WIDTH = 60;

    private Xlsx() {
    }

    public static byte[] write(List<ReportTable> tables) {
        java.nio.file.Path scratch;
        try {
            // POI streams rows through temporary files; by default into a shared /tmp/poifiles other users could
            // pre-create. A private directory (mode 0700) instead, removed afterwards.
            scratch = java.nio.file.Files.createTempDirectory("vouch-xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the XLSX workbook", e);
        }
        org.apache.poi.util.TempFile.setTempFileCreationStrategy(
                new org.apache.poi.util.DefaultTempFileCreationStrategy(scratch.toFile()));
        try {
            return workbook(tables);
        } finally {
            deleteTree(scratch);
        }
    }

    private static byte[] workbook(List<ReportTable> tables) {
        SXSSFWorkbook wb = new SXSSFWorkbook(500);
        try {
            CellStyle header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle when = wb.createCellStyle();
            when.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            for (ReportTable t : tables) {
                sheet(wb, t, header, when);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the XLSX workbook", e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    private static void deleteTree(java.nio.file.Path dir) {
        try (var walk = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover private temporary directory is harmless; the workbook was written
        }
    }

    private static void sheet(SXSSFWorkbook wb, ReportTable t, CellStyle header, CellStyle when) {
        SXSSFSheet sheet = wb.createSheet(t.name());
        int[] widths = new int[t.headers().size()];
        SXSSFRow head = sheet.createRow(0);
        for (int c = 0; c < t.headers().size(); c++) {
            SXSSFCell cell = head.createCell(c);
            cell.setCellValue(t.headers().get(c));
            cell.setCellStyle(header);
            widths[c] = t.headers().get(c).length();
        }
        int r = 1;
        for (List<Object> row : t.rows()) {
            SXSSFRow out = sheet.createRow(r++);
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], cell(out.createCell(c), row.get(c), when));
            }
        }
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(MAX_WIDTH, widths[c] + 2) * 256);
        }
        sheet.createFreezePane(0, 1);
        if (!t.headers().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, t.headers().size() - 1));
        }
    }

    /** Writes the value and returns its display width in characters. */
    private static int cell(SXSSFCell cell, Object v, CellStyle when) {
        if (v instanceof Number n) {
            cell.setCellValue(n.doubleValue());
            return n.toString().length();
        }
        if (v instanceof Instant t) {
            cell.setCellValue(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
            cell.setCellStyle(when);
            return 16;
        }
        String s = String.valueOf(v);
        cell.setCellValue(s.length() > 32_767 ? s.substring(0, 32_700) + " … (cut: Excel's cell limit)" : s);
        return s.length();
    }
}
