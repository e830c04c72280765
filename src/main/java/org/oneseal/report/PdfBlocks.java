package org.oneseal.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;

/**
 * What the PDF shows of a filled Word document: its body's paragraphs (kind from the paragraph's style: title,
 * headings, body text) and tables, in order; each footnote reference becomes the superscript number of its trace in
 * the appendix. Headers, footers and text boxes are not drawn (the PDF has its own page numbers).
 */
final class PdfBlocks {

    enum Kind { TITLE, SUBTITLE, H1, H2, H3, BODY, PLAIN }

    /** A stretch of text: {@code size} null means the size of the block's kind. */
    record Span(String text, boolean bold, boolean sup, Double size) {
    }

    sealed interface Block permits Para, Table {
    }

    /** A paragraph; {@code unindented} when the document sets its first-line indent to nothing. */
    record Para(Kind kind, boolean centred, boolean unindented, boolean pageBreakBefore, List<Span> spans)
            implements Block {
    }

    /**
     * Rows of cells; a cell's paragraphs are separated by a {@code \n} span. {@code weights}: the relative widths of
     * the columns as the document sets them, or null (then the widths follow the text).
     */
    record Table(List<List<List<Span>>> rows, double[] weights) implements Block {
    }

    private PdfBlocks() {
    }

    static List<Block> read(XWPFDocument doc, Map<BigInteger, Integer> notes) {
        List<Block> blocks = new ArrayList<>();
        for (IBodyElement e : doc.getBodyElements()) {
            switch (e) {
                case XWPFParagraph p -> blocks.add(para(doc, p, notes));
                case XWPFTable t -> blocks.add(table(t, notes));
                case XWPFSDT sdt -> blocks.add(new Para(Kind.BODY, false, false, false,
                        List.of(new Span(sdt.getContent().getText(), false, false, null))));
                default -> {
                }
            }
        }
        return blocks;
    }

    private static Para para(XWPFDocument doc, XWPFParagraph p, Map<BigInteger, Integer> notes) {
        Kind kind = kind(doc, p);
        boolean centred = p.getAlignment() == ParagraphAlignment.CENTER || kind == Kind.TITLE
                || kind == Kind.SUBTITLE;
        return new Para(kind, centred, explicitlyUnindented(p), p.isPageBreak(), spans(p, notes));
    }

    private static Table table(XWPFTable t, Map<BigInteger, Integer> notes) {
        List<List<List<Span>>> rows = new ArrayList<>();
        for (XWPFTableRow row : t.getRows()) {
            List<List<Span>> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                List<Span> spans = new ArrayList<>();
                for (XWPFParagraph p : cell.getParagraphs()) {
                    if (!spans.isEmpty()) {
                        spans.add(new Span("\n", false, false, null));
                    }
                    spans.addAll(spans(p, notes));
                }
                for (XWPFTable inner : cell.getTables()) {
                    spans.add(new Span("\n" + inner.getText(), false, false, null));
                }
                cells.add(spans);
            }
            rows.add(cells);
        }
        return new Table(rows, weights(t));
    }

    /** The column widths of the first row when every cell states one (per cent or twips), else null. */
    private static double[] weights(XWPFTable t) {
        if (t.getRows().isEmpty()) {
            return null;
        }
        List<XWPFTableCell> cells = t.getRows().getFirst().getTableCells();
        double[] weights = new double[cells.size()];
        TableWidthType type = null;
        for (int c = 0; c < cells.size(); c++) {
            XWPFTableCell cell = cells.get(c);
            TableWidthType here = cell.getWidthType();
            if ((here != TableWidthType.PCT && here != TableWidthType.DXA) || (type != null && here != type)
                    || cell.getWidthDecimal() <= 0) {
                return null;
            }
            type = here;
            weights[c] = cell.getWidthDecimal();
        }
        return weights;
    }

    static List<Span> spans(XWPFParagraph p, Map<BigInteger, Integer> notes) {
        List<Span> spans = new ArrayList<>();
        for (XWPFRun run : DocxParagraphs.runs(p)) {
            CTR r = run.getCTR();
            Double size = run.getFontSizeAsDouble();
            if (!r.getFootnoteReferenceList().isEmpty()) {
                for (CTFtnEdnRef ref : r.getFootnoteReferenceList()) {
                    Integer n = notes.get(ref.getId());
                    spans.add(new Span(n == null ? "*" : n.toString(), false, true, null));
                }
                continue;
            }
            String text = run.text();
            if (!text.isEmpty()) {
                boolean sup = run.getVerticalAlignment() == STVerticalAlignRun.SUPERSCRIPT;
                spans.add(new Span(text, run.isBold(), sup, size));
            }
        }
        return spans;
    }

    private static Kind kind(XWPFDocument doc, XWPFParagraph p) {
        String name = styleName(doc, p.getStyleID());
        if (name.equals("title")) {
            return Kind.TITLE;
        }
        if (name.equals("subtitle")) {
            return Kind.SUBTITLE;
        }
        if (name.matches("(heading|标题)[1-9]")) {
            int level = name.charAt(name.length() - 1) - '0';
            return level == 1 ? Kind.H1 : level == 2 ? Kind.H2 : Kind.H3;
        }
        return explicitlyUnindented(p) ? Kind.PLAIN : Kind.BODY;
    }

    /** The style's name, lower case without spaces ("heading1"), or its id when the template does not define it. */
    private static String styleName(XWPFDocument doc, String id) {
        if (id == null) {
            return "";
        }
        XWPFStyle style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
        String name = style == null || style.getName() == null ? id : style.getName();
        return name.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private static boolean explicitlyUnindented(XWPFParagraph p) {
        if (!p.getCTP().isSetPPr() || !p.getCTP().getPPr().isSetInd()) {
            return false;
        }
        CTInd ind = p.getCTP().getPPr().getInd();
        return ind.isSetFirstLineChars() && BigInteger.ZERO.equals(ind.getFirstLineChars());
    }
}
