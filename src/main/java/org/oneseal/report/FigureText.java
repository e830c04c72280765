package org.oneseal.report;

import org.oneseal.statistics.Figure;
import org.oneseal.statistics.FigureStatus;
import org.springframework.stereotype.Component;

/**
 * A figure as the report writes it: its number in the placeholder's format (or the unit's default), or — when there
 * is no number — a visible marker, never 0: “（暂无数据）” when the platform cannot give it, “（不适用）” when it does
 * not exist for the chosen area. The reason is in the figure's trace.
 */
@Component
class FigureText {

    private final ReportMessages messages;

    FigureText(ReportMessages messages) {
        this.messages = messages;
    }

    /** The figure's text; {@code format} null means the unit's default (the format was checked before). */
    String text(Figure figure, FigureFormat format) {
        if (figure.status() != FigureStatus.OK || figure.value() == null) {
            return marker(figure.status());
        }
        FigureFormat f = format != null ? format : FigureFormat.defaultFor(figure.unit(), figure.value());
        return f.write(figure.value());
    }

    String marker(FigureStatus status) {
        return messages.text(status == FigureStatus.NOT_APPLICABLE ? "report.marker.notApplicable"
                : "report.marker.noData");
    }
}
