package org.oneseal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.oneseal.shared.metrics.MetricKind;
import org.oneseal.shared.metrics.MetricUnit;
import org.oneseal.statistics.Figure;
import org.oneseal.statistics.FigureStatus;
import org.springframework.context.support.StaticMessageSource;

/** How numbers are written in a report: grouping, 万元/亿元, per cent, and never 0 for a figure without a number. */
class FigureFormatTests {

    private final FigureText text = new FigureText(new ReportMessages(messages()));

    @Test
    void countsAreWholeNumbersGroupedByThousands() {
        assertThat(FigureFormat.COUNT.write(new BigDecimal("1234567"))).isEqualTo("1,234,567");
        assertThat(FigureFormat.COUNT.write(new BigDecimal("999"))).isEqualTo("999");
        assertThat(FigureFormat.COUNT.write(new BigDecimal("0"))).isEqualTo("0");
        assertThat(FigureFormat.COUNT.write(new BigDecimal("12.5"))).isEqualTo("13");
    }

    @Test
    void percentagesHaveOneDecimalAndTheSign() {
        assertThat(FigureFormat.PCT.write(new BigDecimal("98.56"))).isEqualTo("98.6%");
        assertThat(FigureFormat.PCT.write(new BigDecimal("100"))).isEqualTo("100.0%");
        assertThat(FigureFormat.PCT.write(new BigDecimal("-3.25"))).isEqualTo("-3.3%");
    }

    @Test
    void moneyIsWrittenIn万元Or亿元WithItsUnit() {
        assertThat(FigureFormat.WAN.write(new BigDecimal("12345678"))).isEqualTo("1,234.57万元");
        assertThat(FigureFormat.WAN.write(new BigDecimal("50000"))).isEqualTo("5万元");
        assertThat(FigureFormat.YI.write(new BigDecimal("123456789"))).isEqualTo("1.23亿元");
        assertThat(FigureFormat.YI.write(new BigDecimal("1200000000"))).isEqualTo("12亿元");
        assertThat(FigureFormat.YI.write(new BigDecimal("123456789012"))).isEqualTo("1,234.57亿元");
        assertThat(FigureFormat.defaultFor(MetricUnit.YUAN, new BigDecimal("99999999"))).isEqualTo(FigureFormat.WAN);
        assertThat(FigureFormat.defaultFor(MetricUnit.YUAN, new BigDecimal("100000000"))).isEqualTo(FigureFormat.YI);
    }

    @Test
    void pointsDaysAndMinutes() {
        assertThat(FigureFormat.WANFEN.write(new BigDecimal("23456"))).isEqualTo("2.35万分");
        assertThat(FigureFormat.POINTS.write(new BigDecimal("2345"))).isEqualTo("2,345分");
        assertThat(FigureFormat.DAYS.write(new BigDecimal("2.50"))).isEqualTo("2.5个工作日");
        assertThat(FigureFormat.DAYS.write(new BigDecimal("3"))).isEqualTo("3个工作日");
        assertThat(FigureFormat.MINUTES.write(new BigDecimal("12.25"))).isEqualTo("12.3分钟");
    }

    @Test
    void formatsFitOnlyTheirUnits() {
        assertThat(FigureFormat.YI.fits(MetricUnit.YUAN)).isTrue();
        assertThat(FigureFormat.YI.fits(MetricUnit.COUNT)).isFalse();
        assertThat(FigureFormat.PCT.fits(MetricUnit.COUNT)).isFalse();
        assertThat(FigureFormat.WANFEN.fits(MetricUnit.POINTS)).isTrue();
        assertThat(FigureFormat.byCode("bogus")).isEmpty();
        assertThat(FigureFormat.byCode("wan")).contains(FigureFormat.WAN);
    }

    @Test
    void aFigureWithoutANumberIsAMarkerNeverZero() {
        assertThat(text.text(figure(FigureStatus.NOT_AVAILABLE, null), null)).isEqualTo("（暂无数据）");
        assertThat(text.text(figure(FigureStatus.NO_VALUE, null), FigureFormat.PCT)).isEqualTo("（暂无数据）");
        assertThat(text.text(figure(FigureStatus.NOT_APPLICABLE, null), null)).isEqualTo("（不适用）");
        assertThat(text.text(figure(FigureStatus.OK, new BigDecimal("0")), null)).isEqualTo("0");
        assertThat(text.text(figure(FigureStatus.OK, new BigDecimal("250000000")), null)).isEqualTo("2.5亿元");
    }

    private static Figure figure(FigureStatus status, BigDecimal value) {
        MetricUnit unit = value != null && value.compareTo(BigDecimal.valueOf(1000)) > 0 ? MetricUnit.YUAN
                : MetricUnit.COUNT;
        return new Figure("finance.loanAmount", "办理贷款金额", "…", "笔贷款", unit, MetricKind.FLOW, status, value,
                null, null, 0, status == FigureStatus.OK ? null : "尚未建设", LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31), "全市", null, null);
    }

    private static StaticMessageSource messages() {
        StaticMessageSource m = new StaticMessageSource();
        m.addMessage("report.marker.noData", java.util.Locale.getDefault(), "（暂无数据）");
        m.addMessage("report.marker.notApplicable", java.util.Locale.getDefault(), "（不适用）");
        m.setUseCodeAsDefaultMessage(false);
        return m;
    }
}
