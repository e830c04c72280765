package org.oneseal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.XWPFAbstractFootnoteEndnote;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeaderFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTP;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;

/**
 * Every paragraph of a Word document where a placeholder can stand, in document order: the body (with tables, nested
 * tables, text boxes and content controls), then the headers, the footers, the footnotes and the endnotes already in
 * the template. Paragraphs and their runs are found in the XML itself, so that none is missed whatever structure
 * holds it: a run inside an inline content control ({@code w:sdt}), custom XML markup ({@code w:customXml}), a
 * hyperlink, a field's result, a smart tag or a tracked insertion is the paragraph's run like any other.
 */
final class DocxParagraphs {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String ALL_PARAGRAPHS = "declare namespace w='" + W + "' .//w:p";
    private static final String ALL_RUNS = "declare namespace w='" + W + "' .//w:r";
    /** Runs below these are not the paragraph's text: deleted text of tracked changes. */
    private static final Set<String> NOT_TEXT = Set.of("del", "moveFrom");

    /**
     * A paragraph and whether a footnote may be referenced from it (only in the body's main text: Word allows
     * none in headers, footers, footnotes, endnotes or text boxes).
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
        for (XWPFAbstractFootnoteEndnote note : notes(doc)) {
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

    /** The footnotes, then the endnotes of the document. */
    static List<XWPFAbstractFootnoteEndnote> notes(XWPFDocument doc) {
        List<XWPFAbstractFootnoteEndnote> notes = new ArrayList<>(doc.getFootnotes());
        notes.addAll(doc.getEndnotes());
        return notes;
    }

    /** The paragraphs below one XML element (e.g. a table row), in order. */
    static List<XWPFParagraph> below(XmlObject element, IBody body) {
        List<XWPFParagraph> found = new ArrayList<>();
        for (XmlObject p : element.selectPath(ALL_PARAGRAPHS)) {
            if (p instanceof CTP ctp) {
                found.add(new XWPFParagraph(ctp, body));
            }
        }
        return found;
    }

    private static void collect(XmlObject root, IBody body, boolean main, List<Located> all) {
        if (root == null) {
            return;
        }
        for (XmlObject p : root.selectPath(ALL_PARAGRAPHS)) {
            if (p instanceof CTP ctp) {
                all.add(new Located(new XWPFParagraph(ctp, body), main && !inTextBox(p)));
            }
        }
    }

    /** Whether an element stands in a text box, a footnote or an endnote (where no footnote may be referenced). */
    static boolean inTextBox(XmlObject p) {
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

    /**
     * The runs of a paragraph in document order, at any depth below it (content controls, custom XML, hyperlinks,
     * fields, smart tags, insertions), but not those of a paragraph nested in it (a text box's) nor deleted text.
     * Unlike {@link XWPFParagraph#getRuns()}, which leaves out the runs of content controls and custom XML.
     */
    static List<XWPFRun> runs(XWPFParagraph p) {
        List<XWPFRun> runs = new ArrayList<>();
        CTP paragraph = p.getCTP();
        try (XmlCursor own = paragraph.newCursor()) {
            for (XmlObject r : paragraph.selectPath(ALL_RUNS)) {
                if (r instanceof CTR run && belongsTo(run, own)) {
                    runs.add(new XWPFRun(run, p));
                }
            }
        }
        return runs;
    }

    /** Whether the nearest paragraph around a run is the one at {@code paragraph}, and the run is not deleted. */
    private static boolean belongsTo(CTR run, XmlCursor paragraph) {
        try (XmlCursor c = run.newCursor()) {
            while (c.toParent()) {
                if (c.isAtSamePositionAs(paragraph)) {
                    return true;
                }
                String name = c.getName() == null ? "" : c.getName().getLocalPart();
                if (name.equals("p") || NOT_TEXT.contains(name)) {
                    return false;
                }
            }
        }
        return false;
    }

    /** The text of a paragraph as its runs hold it (what placeholders are searched in and replaced from). */
    static String text(XWPFParagraph p) {
        StringBuilder text = new StringBuilder();
        runs(p).forEach(r -> text.append(r.text()));
        return text.toString();
    }
}
