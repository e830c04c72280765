package org.oneseal.report;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;

/**
 * Replaces the placeholders of one paragraph, also where Word has split a {@code ${...}} over several runs (it does
 * so after any edit, spell check or change of formatting inside it). The text before and after a placeholder keeps
 * its runs; the value takes the formatting of the run where the placeholder began, followed by a footnote reference
 * when the value has a trace.
 */
final class RunEdits {

    /** What a placeholder becomes: its text, and the footnote to reference after it (or null). */
    record Replacement(String text, BigInteger footnote) {
    }

    private static final Set<String> TEXT_ELEMENTS = Set.of("t", "tab", "br", "cr", "noBreakHyphen", "softHyphen",
            "ptab", "sym");

    private RunEdits() {
    }

    /**
     * Replaces every placeholder of the paragraph for which {@code replacer} answers a replacement (null leaves
     * it); answers how many were replaced.
     */
    static int replace(XWPFParagraph p, Function<Placeholder, Replacement> replacer) {
        List<XWPFRun> runs = DocxParagraphs.runs(p);
        if (runs.isEmpty()) {
            return 0;
        }
        String[] texts = runs.stream().map(XWPFRun::text).toArray(String[]::new);
        int[] starts = new int[texts.length];
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            starts[i] = all.length();
            all.append(texts[i]);
        }
        List<Placeholder.Found> found = Placeholder.find(all.toString());
        int replaced = 0;
        for (int k = found.size() - 1; k >= 0; k--) {
            Placeholder.Found f = found.get(k);
            Replacement r = replacer.apply(f.placeholder());
            if (r == null) {
                continue;
            }
            int first = runAt(starts, texts, f.start());
            int last = runAt(starts, texts, f.end() - 1);
            String prefix = texts[first].substring(0, f.start() - starts[first]);
            String suffix = texts[last].substring(f.end() - starts[last]);
            for (int i = first + 1; i < last; i++) {
                setText(runs.get(i), "");
                texts[i] = "";
            }
            if (last != first) {
                setText(runs.get(last), suffix);
                texts[last] = suffix;
            }
            setText(runs.get(first), prefix);
            texts[first] = prefix;
            insertAfter(p, runs.get(first), r, last == first ? suffix : null);
            replaced++;
        }
        return replaced;
    }

    private static int runAt(int[] starts, String[] texts, int offset) {
        for (int i = starts.length - 1; i >= 0; i--) {
            if (starts[i] <= offset && offset < starts[i] + texts[i].length()) {
                return i;
            }
        }
        return 0;
    }

    /**
     * After {@code run}: the value, the footnote reference (if any), then the rest of the run's text (if any) — as
     * siblings of the run wherever it stands (in the paragraph, a content control, custom XML, a hyperlink).
     */
    private static void insertAfter(XWPFParagraph p, XWPFRun run, Replacement r, String rest) {
        if (rest != null && !rest.isEmpty()) {
            setText(styledCopyAfter(p, run), rest);
        }
        if (r.footnote() != null) {
            XWPFRun ref = styledCopyAfter(p, run);
            ref.setSubscript(VerticalAlign.SUPERSCRIPT);
            ref.getCTR().addNewFootnoteReference().setId(r.footnote());
        }
        setText(styledCopyAfter(p, run), r.text());
    }

    /** A new empty run right after {@code model}, with its formatting (a copy of it keeping only its properties). */
    private static XWPFRun styledCopyAfter(XWPFParagraph p, XWPFRun model) {
        CTR copy;
        try (XmlCursor source = model.getCTR().newCursor(); XmlCursor target = model.getCTR().newCursor()) {
            target.toEndToken();
            target.toNextToken();
            source.copyXml(target);
            target.toPrevSibling();
            copy = (CTR) target.getObject();
        }
        for (XmlObject child : copy.selectPath("./*")) {
            if (!(child instanceof CTRPr)) {
                try (XmlCursor c = child.newCursor()) {
                    c.removeXml();
                }
            }
        }
        return new XWPFRun(copy, p);
    }

    /** Replaces the text of a run (its text, tabs and breaks), keeping its formatting and anything else in it. */
    static void setText(XWPFRun run, String text) {
        for (XmlObject child : run.getCTR().selectPath("./*")) {
            try (XmlCursor c = child.newCursor()) {
                if (TEXT_ELEMENTS.contains(c.getName().getLocalPart())) {
                    c.removeXml();
                }
            }
        }
        if (!text.isEmpty()) {
            run.setText(text);
        }
    }
}
