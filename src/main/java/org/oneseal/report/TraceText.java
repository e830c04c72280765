package org.oneseal.report;

import java.time.LocalDate;
import org.oneseal.shared.metrics.MetricKind;
import org.oneseal.statistics.Figure;
import org.oneseal.statistics.FigureStatus;
import org.springframework.stereotype.Component;

/** A trace in words: which metric, over which period and area, how many records, and what it counts or why not. */
@Component
class TraceText {

    private final ReportMessages messages;

    TraceText(ReportMessages messages) {
        this.messages = messages;
    }

    /** The footnote: everything on one line, starting with the appendix number. */
    String footnote(Traces.Trace t) {
        Figure f = t.figure();
        return messages.text("report.trace.footnote", t.number(), f.name(), f.id(), period(f), t.scope(), records(f),
                note(f));
    }

    /** 2025年1月1日至2025年12月31日, or for a figure at the period's end 截至2025年12月31日. */
    String period(Figure f) {
        return f.kind() == MetricKind.STOCK ? messages.text("report.trace.asOf", date(f.to()))
                : messages.text("report.trace.period", date(f.from()), date(f.to()));
    }

    /** 1,234条评价; a dash for a figure that has no records to list. */
    String records(Figure f) {
        return f.drillable() ? messages.text("report.trace.records", FigureFormat.grouped(
                java.math.BigDecimal.valueOf(f.records()), 0), f.recordNoun()) : messages.text("report.trace.noRecords");
    }

    /** The definition, and why there is no number when there is none. */
    String note(Figure f) {
        if (f.status() == FigureStatus.OK) {
            return f.definition();
        }
        String why = messages.text("report.trace.why." + f.status(), f.reason() == null ? "" : f.reason());
        return f.status() == FigureStatus.NO_VALUE ? f.definition() + why : why;
    }

    String date(LocalDate day) {
        return messages.text("report.date", String.valueOf(day.getYear()), day.getMonthValue(), day.getDayOfMonth());
    }
}
