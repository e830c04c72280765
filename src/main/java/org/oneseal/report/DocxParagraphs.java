package org.oneseal.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;

/**
 * Every paragraph of a Word document where a placeholder can stand, in document order: the body (with tables, nested
 * tables, text boxes and content controls), then the headers, the footers and the footnotes already in the template.
 * Paragraphs are found in the XML itself, so that none is missed whatever structure holds it.
 */
final class DocxParagraphs {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String ALL_PARAGRAPHS = "declare namespace w='" + W + "' .//w:p";

    /**
     * A paragraph and whether a footnote may be referenced from it (only in the body's main text: Word allows
     * none in headers, footers, footnotes or text boxes).
     */
    record Located(XWPFParagraph paragraph, boolean footnotesAllowed) {
    }

    private DocxParagraphs() {
    }

    static List<Located> all(XWPFDocument doc) {
        List<Located> all = new ArrayList<>();
        collect(doc.getDocument().getBody(), doc, true, all);
        for (XWPFHeaderFooter part : headersAndFooters(doc)) {
            collect(part._getHdrFtr(), part, false, all);
        }
        for (XWPFFootnote note : doc.getFootnotes()) {
            collect(note.getCTFtnEdn(), note, false, all);
        }
        return all;
    }

    /**
     * The document's headers and footers (from its parts: those created in this session are not yet in
     * {@link XWPFDocument#getHeaderList()}).
     */
    static List<XWPFHeaderFooter> headersAndFooters(XWPFDocument doc) {
        return doc.getRelations().stream().filter(XWPFHeaderFooter.class::isInstance)
                .map(XWPFHeaderFooter.class::cast).toList();
    }

    /** The paragraphs below one XML element (e.g. a table row), in order. */
    static List<XWPFParagraph> below(XmlObject element, IBody body) {
        List<XWPFParagraph> found = new ArrayList<>();
        for (XmlObject p : element.selectPath(ALL_PARAGRAPHS)) {
            found.add(new XWPFParagraph((CTP) p, body));
        }
        return found;
    }

    private static void collect(XmlObject root, IBody body, boolean main, List<Located> all) {
        if (root == null) {
            return;
        }
        for (XmlObject p : root.selectPath(ALL_PARAGRAPHS)) {
            all.add(new Located(new XWPFParagraph((CTP) p, body), main && !inTextBox(p)));
        }
    }

    private static boolean inTextBox(XmlObject p) {
        try (XmlCursor c = p.newCursor()) {
            while (c.toParent()) {
                String name = c.getName() == null ? "" : c.getName().getLocalPart();
                if (name.equals("txbxContent") || name.equals("footnote") || name.equals("endnote")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text of a paragraph as its runs hold it (what placeholders are searched in and replaced from). */
    static String text(XWPFParagraph p) {
        StringBuilder text = new StringBuilder();
        p.getRuns().forEach(r -> text.append(r.text()));
        return text.toString();
    }
}
