package org.oneseal.statistics;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Writes a figure's number for the pages: grouped thousands, per cent with one decimal, the unit's word. */
@Component
class FigureWriter {

    private final StatisticsMessages messages;

    FigureWriter(StatisticsMessages messages) {
        this.messages = messages;
    }

    List<ShownFigure> show(List<Figure> figures) {
        return figures.stream().map(f -> new ShownFigure(f, text(f))).toList();
    }

    String text(Figure f) {
        if (f.value() == null) {
            return messages.text(switch (f.status()) {
                case NOT_AVAILABLE -> "statistics.value.notAvailable";
                case NOT_APPLICABLE -> "statistics.value.notApplicable";
                default -> "statistics.value.none";
            });
        }
        return number(f.value()) + messages.text("statistics.unit." + f.unit().name());
    }

    static String number(BigDecimal value) {
        DecimalFormat format = new DecimalFormat(value.scale() > 0 ? "#,##0.0##" : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(value);
    }
}
