package org.oneseal.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;
import org.oneseal.statistics.BreakdownRow;
import org.oneseal.statistics.Figure;

/**
 * Fills a checked template: repeats the rows of {@code ${each.window}} / {@code ${each.department}} once per window or
 * department, writes every figure (its number, or the marker when there is none) followed by a footnote with its
 * trace, and the report's own fields. Figures are written as {@link FigureText} says; the traces are numbered in
 * the order their references appear in the text.
 */
final class DocxFill {

    private static final String TABLE_ROWS = "declare namespace w='" + DocxParagraphs.W + "' .//w:tr";
    private static final String NOTE_REFS = "declare namespace w='" + DocxParagraphs.W + "' .//w:footnoteReference";

    private final XWPFDocument doc;
    private final FigureText figureText;
    private final Map<String, String> fields;
    private final String area;
    private final Traces traces = new Traces();
    private final Map<BigInteger, String> noteTraces = new HashMap<>();
    private DocxFootnotes footnotes;

    DocxFill(XWPFDocument doc, FigureText figureText, Map<String, String> fields, String area) {
        this.doc = doc;
        this.figureText = figureText;
        this.fields = fields;
        this.area = area;
    }

    /**
     * Repeats every row that repeats over {@code each} ({@code window} or {@code department}) once per row given,
     * wherever the table stands: the body, a header or footer, a footnote or an endnote.
     */
    void rows(String each, List<BreakdownRow> rows, String none) {
        for (Root root : roots()) {
            for (XmlObject tr : root.element().selectPath(TABLE_ROWS)) {
                if (each.equals(TemplateScan.each(tr, doc)) && !insideRepeatedRow(tr)) {
                    repeat(tr, rows, none, root.footnotes() && !DocxParagraphs.inTextBox(tr));
                }
            }
        }
    }

    /** Whether a row lies in a table nested in a row that repeats itself (that row's copies carry it). */
    private boolean insideRepeatedRow(XmlObject tr) {
        try (XmlCursor c = tr.newCursor()) {
            while (c.toParent()) {
                if (c.getName() != null && c.getName().getLocalPart().equals("tr")
                        && TemplateScan.each(c.getObject(), doc) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    private void repeat(XmlObject tr, List<BreakdownRow> rows, String none, boolean notes) {
        for (BreakdownRow row : rows) {
            XmlObject copy = copyBefore(tr);
            Traces.Scope scope = Traces.Scope.of(area + " · " + row.label(), row.unit());
            for (XWPFParagraph p : DocxParagraphs.below(copy, doc)) {
                RunEdits.replace(p, ph -> switch (ph.kind()) {
                    case EACH -> new RunEdits.Replacement(row.label(), null);
                    case METRIC -> row.figure(ph.name()) == null ? null : figure(row.figure(ph.name()), ph, scope, notes);
                    case REPORT -> field(ph);
                    case MALFORMED -> null;
                });
            }
        }
        if (rows.isEmpty()) {
            for (XWPFParagraph p : DocxParagraphs.below(tr, doc)) {
                RunEdits.replace(p, ph -> ph.kind() == Placeholder.Kind.REPORT ? field(ph)
                        : new RunEdits.Replacement(ph.kind() == Placeholder.Kind.EACH ? none : "—", null));
            }
        } else {
            try (XmlCursor c = tr.newCursor()) {
                c.removeXml();
            }
        }
    }

    private static XmlObject copyBefore(XmlObject tr) {
        try (XmlCursor source = tr.newCursor(); XmlCursor target = tr.newCursor()) {
            source.copyXml(target);
            target.toPrevSibling();
            return target.getObject();
        }
    }

    /** Writes the figures and fields everywhere else; then numbers the traces and writes the footnotes' texts. */
    void text(Map<String, Figure> figures, TraceText traceText) {
        for (DocxParagraphs.Located located : DocxParagraphs.all(doc)) {
            boolean notes = located.footnotesAllowed();
            RunEdits.replace(located.paragraph(), ph -> switch (ph.kind()) {
                case METRIC -> figures.containsKey(ph.name())
                        ? figure(figures.get(ph.name()), ph, Traces.Scope.of(area), notes) : null;
                case REPORT -> field(ph);
                case EACH, MALFORMED -> null;
            });
        }
        traces.number(referencedInOrder());
        noteTraces.forEach((id, key) -> footnotes.write(id, traceText.footnote(traces.get(key))));
    }

    private RunEdits.Replacement figure(Figure figure, Placeholder ph, Traces.Scope scope, boolean notes) {
        String key = traces.register(figure, scope);
        BigInteger note = null;
        if (notes) {
            if (footnotes == null) {
                footnotes = new DocxFootnotes(doc);
            }
            note = footnotes.create();
            noteTraces.put(note, key);
        }
        String format = ph.format();
        return new RunEdits.Replacement(figureText.text(figure, format == null ? null
                : FigureFormat.byCode(format).orElse(null)), note);
    }

    private RunEdits.Replacement field(Placeholder ph) {
        String value = fields.get(ph.name());
        return value == null ? null : new RunEdits.Replacement(value, null);
    }

    private List<String> referencedInOrder() {
        List<String> keys = new ArrayList<>();
        for (XmlObject ref : doc.getDocument().getBody().selectPath(NOTE_REFS)) {
            String key = noteTraces.get(((CTFtnEdnRef) ref).getId());
            if (key != null) {
                keys.add(key);
            }
        }
        return keys;
    }

    Traces traces() {
        return traces;
    }

    /** The trace number of each footnote written (for the PDF's superscripts). */
    Map<BigInteger, Integer> footnoteNumbers() {
        Map<BigInteger, Integer> numbers = new HashMap<>();
        noteTraces.forEach((id, key) -> numbers.put(id, traces.get(key).number()));
        return numbers;
    }

    private record Root(XmlObject element, boolean footnotes) {
    }

    private List<Root> roots() {
        List<Root> roots = new ArrayList<>();
        roots.add(new Root(doc.getDocument().getBody(), true));
        DocxParagraphs.headersAndFooters(doc).forEach(part -> roots.add(new Root(part._getHdrFtr(), false)));
        DocxParagraphs.notes(doc).forEach(note -> roots.add(new Root(note.getCTFtnEdn(), false)));
        return roots;
    }
}
