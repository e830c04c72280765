package org.oneseal.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Reading generated Word files in tests: all their text, and the appendix 数据来源. */
final class ReportFiles {

    private static final Pattern TEXT = Pattern.compile("<w:t(?:\\s[^>]*)?>([^<]*)</w:t>");

    /** One row of the appendix. */
    record Source(int number, String name, String id, String period, String scope, String records, String note) {

        /** The number of records, or -1 when there are none to list. */
        long recordCount() {
            String digits = records.replaceAll("^([0-9,]+).*$", "$1").replace(",", "");
            return digits.matches("[0-9]+") ? Long.parseLong(digits) : -1;
        }
    }

    private ReportFiles() {
    }

    /** The text of every XML part of the document (body, headers, footers, footnotes), each part's runs joined. */
    static List<String> partTexts(byte[] docx) throws IOException {
        List<String> texts = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith("word/") && e.getName().endsWith(".xml")) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    zip.transferTo(out);
                    StringBuilder text = new StringBuilder();
                    Matcher m = TEXT.matcher(out.toString(java.nio.charset.StandardCharsets.UTF_8));
                    while (m.find()) {
                        text.append(m.group(1));
                    }
                    texts.add(e.getName() + ": " + text);
                }
            }
        }
        return texts;
    }

    static String allText(byte[] docx) throws IOException {
        return String.join("\n", partTexts(docx));
    }

    /** The rows of the appendix 数据来源 (the last table of the document). */
    static List<Source> appendix(byte[] docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable table = doc.getTables().getLast();
            List<Source> rows = new ArrayList<>();
            for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
                String[] metric = row.getCell(1).getText().split("\n");
                rows.add(new Source(Integer.parseInt(row.getCell(0).getText().strip()), metric[0],
                        metric[metric.length - 1], row.getCell(2).getText(), row.getCell(3).getText(),
                        row.getCell(4).getText(), row.getCell(5).getText()));
            }
            return rows;
        }
    }

    static String noteText(org.apache.poi.xwpf.usermodel.XWPFFootnote note) {
        return note.getParagraphs().stream().map(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                .collect(java.util.stream.Collectors.joining());
    }

    /** The metric ids a default template uses. */
    static java.util.Set<String> templateMetrics(ReportKind kind) {
        return Placeholder.find(DefaultTemplates.markup(kind)).stream().map(Placeholder.Found::placeholder)
                .filter(p -> p.kind() == Placeholder.Kind.METRIC).map(Placeholder::name)
                .collect(java.util.stream.Collectors.toSet());
    }

    static XWPFDocument open(byte[] docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }
}
