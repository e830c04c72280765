package org.oneseal.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;

/**
 * The appendix 数据来源 at the end of every report: one row per trace (metric and scope) with its number, the
 * metric's name and id, the period, the area, the number of records behind it and its definition — or why there is
 * no number. The numbers are those of the PDF's superscripts; the Word footnotes say the same in a line each.
 */
@Component
class ReportAppendix {

    static final int[] WIDTHS = {7, 23, 18, 14, 13, 25};

    private final TraceText traceText;
    private final ReportMessages messages;

    ReportAppendix(TraceText traceText, ReportMessages messages) {
        this.traceText = traceText;
        this.messages = messages;
    }

    void write(XWPFDocument doc, List<Traces.Trace> traces) {
        DocxBuilder b = new DocxBuilder(doc);
        b.heading(messages.text("report.appendix.title"), true);
        if (traces.isEmpty()) {
            b.note(messages.text("report.appendix.none"), 12);
            return;
        }
        b.note(messages.text("report.appendix.intro"), 12);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(messages.text("report.appendix.number"), messages.text("report.appendix.metric"),
                messages.text("report.appendix.period"), messages.text("report.appendix.area"),
                messages.text("report.appendix.records"), messages.text("report.appendix.note")));
        for (Traces.Trace t : traces) {
            var f = t.figure();
            rows.add(List.of(String.valueOf(t.number()), f.name() + "\n" + f.id(), traceText.period(f), t.scope(),
                    traceText.records(f), traceText.note(f)));
        }
        b.table(rows, WIDTHS, 10.5);
    }
}
