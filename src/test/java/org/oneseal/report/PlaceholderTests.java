package org.oneseal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading {@code ${...}} in template text. */
class PlaceholderTests {

    @Test
    void readsMetricsFormatsReportFieldsAndRowMarkers() {
        List<Placeholder.Found> found = Placeholder.find(
                "共${evaluation.total}条，好评率${ evaluation.goodRate : pct }，${report.year}年，${each.window}，贷款${finance.loanAmount：yi}");
        assertThat(found).extracting(f -> f.placeholder().text()).containsExactly("evaluation.total",
                "evaluation.goodRate:pct", "report.year", "each.window", "finance.loanAmount:yi");
        assertThat(found).extracting(f -> f.placeholder().kind()).containsExactly(Placeholder.Kind.METRIC,
                Placeholder.Kind.METRIC, Placeholder.Kind.REPORT, Placeholder.Kind.EACH, Placeholder.Kind.METRIC);
        assertThat(found.get(1).placeholder().format()).isEqualTo("pct");
        assertThat(found.get(2).placeholder().name()).isEqualTo("year");
        assertThat(found.getFirst().start()).isEqualTo(1);
    }

    @Test
    void anythingElseThatLooksLikeAPlaceholderIsMalformedNotIgnored() {
        List<Placeholder.Found> found = Placeholder.find("${} ${评价总量} ${a b} ${evaluation.total:9x} ${unclosed");
        assertThat(found).extracting(f -> f.placeholder().kind()).containsOnly(Placeholder.Kind.MALFORMED);
        assertThat(found).hasSize(5);
        assertThat(found.getLast().placeholder().written()).isEqualTo("${unclosed");
    }
}
