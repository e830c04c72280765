package org.oneseal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHdrFtr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * Writes Word paragraphs and tables: a new document set up as a Chinese official document (A4, margins 37/35/28/26
 * mm, the styles of {@code report/styles.xml}, page numbers “— 1 —” at the foot), and the blocks the platform adds to
 * any document (the appendix), which carry direct formatting too so that they read well in a template of other
 * styles.
 */
final class DocxBuilder {

    /** One millimetre in twentieths of a point. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;

    private final XWPFDocument doc;

    DocxBuilder(XWPFDocument doc) {
        this.doc = doc;
    }

    /** A new, empty document with the platform's page and styles. */
    static XWPFDocument newDocument() {
        XWPFDocument doc = new XWPFDocument();
        try (InputStream in = DocxBuilder.class.getResourceAsStream("/report/styles.xml")) {
            doc.createStyles().setStyles(StylesDocument.Factory.parse(in).getStyles());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XmlException e) {
            throw new IllegalStateException("report/styles.xml is not valid", e);
        }
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(twips(210));
        size.setH(twips(297));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(twips(37));
        margins.setBottom(twips(35));
        margins.setLeft(twips(28));
        margins.setRight(twips(26));
        margins.setHeader(twips(15));
        margins.setFooter(twips(25));
        pageNumbers(doc, section);
        return doc;
    }

    private static BigInteger twips(double mm) {
        return BigInteger.valueOf(Math.round(mm * TWIPS_PER_MM));
    }

    private static void pageNumbers(XWPFDocument doc, CTSectPr section) {
        XWPFFooter footer = new XWPFHeaderFooterPolicy(doc, section).createFooter(STHdrFtr.DEFAULT);
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().getFirst();
        p.setStyle("Footer");
        p.setAlignment(ParagraphAlignment.CENTER);
        p.createRun().setText("— ");
        CTSimpleField page = p.getCTP().addNewFldSimple();
        page.setInstr(" PAGE ");
        page.addNewR().addNewT().setStringValue("1");
        p.createRun().setText(" —");
    }

    XWPFParagraph paragraph(String style, String text) {
        XWPFParagraph p = doc.createParagraph();
        if (style != null) {
            p.setStyle(style);
        }
        if (!text.isEmpty()) {
            p.createRun().setText(text);
        }
        return p;
    }

    /** A heading that reads as one in any template: its style if the template has it, and bold 16 pt 黑体. */
    XWPFParagraph heading(String text, boolean newPage) {
        XWPFParagraph p = paragraph("Heading1", "");
        p.setPageBreak(newPage);
        noIndent(p);
        XWPFRun run = p.createRun();
        run.setBold(true);
        run.setFontSize(16);
        run.setFontFamily("黑体", XWPFRun.FontCharRange.eastAsia);
        run.setText(text);
        return p;
    }

    /** A plain paragraph of the given size without indent (for texts added to any template). */
    XWPFParagraph note(String text, double size) {
        XWPFParagraph p = paragraph(null, "");
        singleSpaced(p);
        p.setSpacingAfter(120);
        XWPFRun run = p.createRun();
        run.setFontSize(size);
        run.setText(text);
        return p;
    }

    /**
     * A table over the whole text width, the first row as its header (bold, repeated on every page); cells hold
     * text, a line break where the text has {@code \n}. {@code widths} are per cent of the width, or null.
     */
    XWPFTable table(List<List<String>> rows, int[] widths, double size) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        XWPFTable table = doc.createTable(rows.size(), columns);
        table.setStyleID("TableGrid");
        table.setWidth("100%");
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            for (int c = 0; c < columns; c++) {
                XWPFTableCell cell = table.getRow(r).getCell(c);
                if (widths != null) {
                    cell.setWidth(widths[c] + "%");
                }
                write(cell, c < cells.size() ? cells.get(c) : "", r == 0, size);
            }
        }
        table.getRow(0).setRepeatHeader(true);
        return table;
    }

    private static void write(XWPFTableCell cell, String text, boolean bold, double size) {
        XWPFParagraph p = cell.getParagraphs().getFirst();
        p.setStyle("TableText");
        singleSpaced(p);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            XWPFRun run = p.createRun();
            run.setBold(bold);
            run.setFontSize(size);
            run.setText(lines[i]);
            if (i < lines.length - 1) {
                run.addBreak();
            }
        }
    }

    /** No first-line indent, whatever the template's normal style says. */
    static void noIndent(XWPFParagraph p) {
        CTPPr pPr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        CTInd ind = pPr.isSetInd() ? pPr.getInd() : pPr.addNewInd();
        ind.setFirstLineChars(BigInteger.ZERO);
        ind.setFirstLine(BigInteger.ZERO);
    }

    /** No first-line indent and single line spacing (for small text in any template: notes, tables, footnotes). */
    static void singleSpaced(XWPFParagraph p) {
        noIndent(p);
        p.setSpacingBetween(1.0, LineSpacingRule.AUTO);
        p.setAlignment(ParagraphAlignment.LEFT);
    }
}
