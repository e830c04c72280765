package org.oneseal.report;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;

/**
 * The placeholders of a template and where they stand: in the text, or in a table row repeated per window or per
 * department (a row holding {@code ${each.window}} or {@code ${each.department}}).
 */
final class TemplateScan {

    /** A row that repeats over two different things cannot be expanded. */
    static final String MIXED = "mixed";

    /**
     * One placeholder where it stands.
     *
     * @param placeholder the placeholder
     * @param inRow       whether it stands in a table row
     * @param each        the row's repetition ({@code window}, {@code department}, {@link #MIXED}) or null
     */
    record Occurrence(Placeholder placeholder, boolean inRow, String each) {
    }

    private final List<Occurrence> occurrences;

    private TemplateScan(List<Occurrence> occurrences) {
        this.occurrences = occurrences;
    }

    static TemplateScan of(XWPFDocument doc) {
        List<Occurrence> found = new ArrayList<>();
        Map<XmlObject, String> rows = new IdentityHashMap<>();
        for (DocxParagraphs.Located located : DocxParagraphs.all(doc)) {
            XWPFParagraph p = located.paragraph();
            List<Placeholder.Found> here = Placeholder.find(DocxParagraphs.text(p));
            if (here.isEmpty()) {
                continue;
            }
            XmlObject row = row(p);
            String each = row == null ? null : rows.computeIfAbsent(row, r -> each(r, doc));
            here.forEach(f -> found.add(new Occurrence(f.placeholder(), row != null, each)));
        }
        return new TemplateScan(found);
    }

    List<Occurrence> occurrences() {
        return occurrences;
    }

    /** Every placeholder as written, once, in order of appearance. */
    List<String> placeholders() {
        Set<String> texts = new LinkedHashSet<>();
        occurrences.forEach(o -> texts.add(o.placeholder().text()));
        return List.copyOf(texts);
    }

    /** The metric ids written outside repeated rows (computed once, for the whole area). */
    Set<String> metricsInText() {
        return metrics(null);
    }

    /** The metric ids written in rows repeated over {@code each}. */
    Set<String> metricsInRows(String each) {
        return metrics(each);
    }

    private Set<String> metrics(String each) {
        Set<String> ids = new LinkedHashSet<>();
        occurrences.stream().filter(o -> o.placeholder().kind() == Placeholder.Kind.METRIC)
                .filter(o -> java.util.Objects.equals(o.each(), each)).forEach(o -> ids.add(o.placeholder().name()));
        return ids;
    }

    /** The nearest table row around a paragraph, or null. */
    static XmlObject row(XWPFParagraph p) {
        try (XmlCursor c = p.getCTP().newCursor()) {
            while (c.toParent()) {
                if (c.getName() != null && c.getName().getLocalPart().equals("tr")) {
                    return c.getObject();
                }
            }
        }
        return null;
    }

    /** What a row repeats over, from the {@code ${each.…}} it holds: a name, {@link #MIXED}, or null. */
    static String each(XmlObject row, XWPFDocument doc) {
        Set<String> names = new LinkedHashSet<>();
        for (XWPFParagraph p : DocxParagraphs.below(row, doc)) {
            Placeholder.find(DocxParagraphs.text(p)).stream().map(Placeholder.Found::placeholder)
                    .filter(ph -> ph.kind() == Placeholder.Kind.EACH).forEach(ph -> names.add(ph.name()));
        }
        return names.isEmpty() ? null : names.size() == 1 ? names.iterator().next() : MIXED;
    }
}
