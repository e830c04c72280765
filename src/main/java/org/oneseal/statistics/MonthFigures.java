package org.oneseal.statistics;

import java.time.YearMonth;
import java.util.List;

/** The figures of one month of a period (cut to the period at its ends). */
public record MonthFigures(YearMonth month, List<Figure> figures) {
}
