package org.oneseal.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.oneseal.shared.metrics.MetricUnit;

/**
 * How a number is written in a report, named after the colon of a placeholder ({@code ${finance.loanAmount:yi}}).
 * Numbers of four digits or more are grouped by thousands with commas (1,234,567), as the bureau's reports write
 * them; a format that scales a number (万元, 亿元, 万分) writes its unit, so that the scale can never be lost.
 * A figure without a number is never formatted: the report writes a marker instead (see {@link FigureText}).
 */
enum FigureFormat {

    /** 件、个、次: a whole number, grouped — 1,234,567 */
    COUNT("count", EnumSet.of(MetricUnit.COUNT, MetricUnit.POINTS)),
    /** a percentage with one decimal — 98.6% */
    PCT("pct", EnumSet.of(MetricUnit.PERCENT)),
    /** yuan in 万元, at most two decimals — 1,234.57万元 */
    WAN("wan", EnumSet.of(MetricUnit.YUAN)),
    /** yuan in 亿元, at most two decimals — 12.35亿元 */
    YI("yi", EnumSet.of(MetricUnit.YUAN)),
    /** points in 万分, at most two decimals — 2.35万分 */
    WANFEN("wanfen", EnumSet.of(MetricUnit.POINTS)),
    /** points — 2,345分 */
    POINTS("points", EnumSet.of(MetricUnit.POINTS)),
    /** working days, at most one decimal — 3个工作日 */
    DAYS("days", EnumSet.of(MetricUnit.DAYS)),
    /** minutes, at most one decimal — 12.5分钟 */
    MINUTES("minutes", EnumSet.of(MetricUnit.MINUTES));

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final BigDecimal HUNDRED_MILLION = BigDecimal.valueOf(100_000_000);

    private final String code;
    private final Set<MetricUnit> units;

    FigureFormat(String code, Set<MetricUnit> units) {
        this.code = code;
        this.units = units;
    }

    String code() {
        return code;
    }

    /** Whether this format suits a figure of that unit (money formats only money, and so on). */
    boolean fits(MetricUnit unit) {
        return units.contains(unit);
    }

    static Optional<FigureFormat> byCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    /** Every format's code, for messages and the documentation. */
    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(FigureFormat::code).toList());
    }

    /**
     * The format used when a placeholder names none: by unit; money in 亿元 from one hundred million yuan on, else in
     * 万元.
     */
    static FigureFormat defaultFor(MetricUnit unit, BigDecimal value) {
        return switch (unit) {
            case COUNT -> COUNT;
            case PERCENT -> PCT;
            case DAYS -> DAYS;
            case MINUTES -> MINUTES;
            case POINTS -> POINTS;
            case YUAN -> value != null && value.abs().compareTo(HUNDRED_MILLION) >= 0 ? YI : WAN;
        };
    }

    /** The number written in this format. */
    String write(BigDecimal value) {
        return switch (this) {
            case COUNT -> grouped(value, 0);
            case PCT -> fixed1(value) + "%";
            case WAN -> grouped(value.divide(TEN_THOUSAND), 2) + "万元";
            case YI -> grouped(value.divide(HUNDRED_MILLION), 2) + "亿元";
            case WANFEN -> grouped(value.divide(TEN_THOUSAND), 2) + "万分";
            case POINTS -> grouped(value, 0) + "分";
            case DAYS -> grouped(value, 1) + "个工作日";
            case MINUTES -> grouped(value, 1) + "分钟";
        };
    }

    /** Grouped by thousands, rounded half-up to at most {@code decimals} places, trailing zeros dropped. */
    static String grouped(BigDecimal value, int decimals) {
        DecimalFormat f = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "#".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(value);
        return s.equals("-0") ? "0" : s;
    }

    private static String fixed1(BigDecimal value) {
        DecimalFormat f = new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String s = f.format(value);
        return s.equals("-0.0") ? "0.0" : s;
    }
}
