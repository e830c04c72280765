package org.oneseal.report;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFFootnotes;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.officeDocument.x2006.sharedTypes.STVerticalAlignRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn;

/**
 * Writes the footnotes of a report (Word numbers them itself, in the order they are referenced): created when a
 * figure is written, their text once the traces are numbered. A document without footnotes gets the separator and
 * continuation separator Word expects; ids continue after the template's own.
 */
final class DocxFootnotes {

    private final XWPFDocument doc;
    private final Map<BigInteger, XWPFParagraph> created = new HashMap<>();
    private long nextId;

    DocxFootnotes(XWPFDocument doc) {
        this.doc = doc;
        boolean fresh = doc.getFootnotes().isEmpty();
        XWPFFootnotes notes = doc.createFootnotes();
        if (fresh) {
            notes.addFootnote(separator(-1, STFtnEdn.SEPARATOR));
            notes.addFootnote(separator(0, STFtnEdn.CONTINUATION_SEPARATOR));
        }
        nextId = doc.getFootnotes().stream().mapToLong(n -> n.getId() == null ? 0 : n.getId().longValue()).max()
                .orElse(0) + 1;
    }

    /** A new footnote, its text to come; answers its id for the reference. */
    BigInteger create() {
        XWPFFootnote note = doc.createFootnote();
        BigInteger id = BigInteger.valueOf(nextId++);
        note.getCTFtnEdn().setId(id);
        XWPFParagraph p = note.createParagraph();
        p.setStyle("FootnoteText");
        DocxBuilder.singleSpaced(p);
        for (CTR r : p.getCTP().getRList()) {
            if (!r.getFootnoteRefList().isEmpty()) {
                (r.isSetRPr() ? r.getRPr() : r.addNewRPr()).addNewVertAlign().setVal(STVerticalAlignRun.SUPERSCRIPT);
            }
        }
        created.put(id, p);
        return id;
    }

    void write(BigInteger id, String text) {
        XWPFRun run = created.get(id).createRun();
        run.setFontSize(10.5);
        run.setText(" " + text);
    }

    private static CTFtnEdn separator(long id, STFtnEdn.Enum type) {
        CTFtnEdn note = CTFtnEdn.Factory.newInstance();
        note.setId(BigInteger.valueOf(id));
        note.setType(type);
        if (type == STFtnEdn.SEPARATOR) {
            note.addNewP().addNewR().addNewSeparator();
        } else {
            note.addNewP().addNewR().addNewContinuationSeparator();
        }
        return note;
    }
}
