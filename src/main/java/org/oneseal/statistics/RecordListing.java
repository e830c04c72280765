package org.oneseal.statistics;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oneseal.audit.AuditLog;
import org.oneseal.audit.AuditOutcome;
import org.oneseal.audit.AuditRecord;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.metrics.MetricQuery;
import org.springframework.stereotype.Component;

/**
 * Lists the records behind a figure: a page for the drill-down page and the API, or all of them streamed into an
 * Excel workbook (at most {@link #MAX_EXPORT} rows; more must be narrowed by period or area first), held in
 * temporary files, not in memory.
 */
@Component
class RecordListing {

    static final int MAX_EXPORT = 1_000_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StatisticsMessages messages;
    private final AuditLog audit;

    RecordListing(StatisticsMessages messages, AuditLog audit) {
        this.messages = messages;
        this.audit = audit;
    }

    RecordPage page(MetricCatalogue.Entry entry, Figure figure, MetricQuery query, int page, int size) {
        String id = recordsOf(entry);
        List<String> columns = entry.source().recordColumns(id).stream().map(messages::text).toList();
        List<List<String>> rows = new ArrayList<>(size);
        entry.source().records(id, query, page * size, size, row -> rows.add(row.stream().map(this::cell).toList()));
        return new RecordPage(figure, columns, rows, page, size);
    }

    void export(MetricCatalogue.Entry entry, Figure figure, Selection selection, Statistics.ExportTarget target)
            throws IOException {
        if (figure.records() > MAX_EXPORT) {
            throw new BusinessRuleViolation("statistics.exportTooLarge",
                    messages.text("statistics.records.tooMany", figure.records(), MAX_EXPORT));
        }
        String id = recordsOf(entry);
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            book.setCompressTempFiles(true);
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(figure.name()));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            r = line(sheet, r, bold, figure.name());
            r = line(sheet, r, null, figure.definition());
            r = line(sheet, r, null, messages.text("statistics.export.scope", figure.from(), figure.to(),
                    selection.areaLabel(), figure.records(), figure.recordNoun()));
            r++;
            List<String> columns = entry.source().recordColumns(id).stream().map(messages::text).toList();
            Row header = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c));
                cell.setCellStyle(bold);
            }
            int[] next = {r};
            entry.source().records(id, selection.query(), 0, MAX_EXPORT, row -> write(sheet.createRow(next[0]++), row));
            // rows went to SXSSF's temporary files (a window of 200 in memory); the target opens only now
            try (OutputStream out = target.open()) {
                book.write(out);
            } finally {
                book.dispose();
            }
        }
        audit.recordIndependently(new AuditRecord(null, null, "statistics.records.export", "Metric", figure.id(),
                AuditOutcome.SUCCESS, figure.from() + "~" + figure.to() + " " + selection.areaLabel() + " "
                        + figure.records(), null));
    }

    private static String recordsOf(MetricCatalogue.Entry entry) {
        String base = entry.definition().growthOf();
        return base == null ? entry.definition().id() : base;
    }

    private static int line(Sheet sheet, int r, CellStyle style, String text) {
        Cell cell = sheet.createRow(r).createCell(0);
        cell.setCellValue(text);
        if (style != null) {
            cell.setCellStyle(style);
        }
        return r + 1;
    }

    private void write(Row row, List<Object> cells) {
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            Cell cell = row.createCell(c);
            if (v instanceof Number n && !(v instanceof BigDecimal)) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof BigDecimal b) {
                cell.setCellValue(b.doubleValue());
            } else if (v != null) {
                cell.setCellValue(cell(v));
            }
        }
    }

    String cell(Object v) {
        return switch (v) {
            case null -> "";
            case Instant i -> TIME.format(LocalDateTime.ofInstant(i, MetricQuery.ZONE));
            case LocalDate d -> d.toString();
            case Boolean b -> messages.text(b ? "statistics.yes" : "statistics.no");
            case BigDecimal b -> b.toPlainString();
            default -> v.toString();
        };
    }
}
