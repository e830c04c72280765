package org.oneseal.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.oneseal.shared.metrics.MetricDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Every figure of the annual report (docs/annual-report-figures.md) is a metric with a name, a definition and a
 * record noun in both languages; docs/metrics.md is written from the catalogue, so the documented definitions are
 * the ones the UI shows (an out-of-date file fails the test and is rewritten: commit it).
 */
@IntegrationTest
class MetricDocsTests {

    @Autowired MetricCatalogue catalogue;
    @Autowired MessageSource messages;

    @Test
    void everyReportFigureIsAMetricWithANameAndADefinitionInBothLanguages() {
        assertThat(MetricCatalogue.REPORT_ORDER).hasSize(67).doesNotHaveDuplicates();
        List<String> known = catalogue.all().stream().map(e -> e.definition().id()).toList();
        assertThat(known).containsAll(MetricCatalogue.REPORT_ORDER);
        for (MetricCatalogue.Entry e : catalogue.all()) {
            MetricDefinition d = e.definition();
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                for (String key : List.of(d.nameKey(), d.definitionKey(), d.recordsKey())) {
                    assertThat(messages.getMessage(key, null, null, locale)).as(key + " in " + locale).isNotBlank();
                }
            }
        }
    }

    @Test
    void docsMetricsMdIsWrittenFromTheCatalogue() throws IOException {
        Path file = Path.of("docs/metrics.md");
        String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        String now = render();
        if (!now.equals(before)) {
            Files.writeString(file, now, StandardCharsets.UTF_8);
        }
        assertThat(now).as("docs/metrics.md was out of date and has been rewritten: commit it").isEqualTo(before);
    }

    private String render() {
        StringBuilder md = new StringBuilder("""
                # Metrics (指标口径)

                Written by `MetricDocsTests` from the metric catalogue: the same names and definitions the dashboards, the
                API (`/api/v1/statistics/metrics`) and the report's trace show. Do not edit by hand. See docs/statistics.md.

                | id | 名称 | 口径 | unit | kind | breakdowns | module |
                |---|---|---|---|---|---|---|
                """);
        for (MetricCatalogue.Entry e : catalogue.all()) {
            MetricDefinition d = e.definition();
            String zh = text(d.nameKey(), Locale.SIMPLIFIED_CHINESE);
            String def = text(d.definitionKey(), Locale.SIMPLIFIED_CHINESE);
            String dims = d.regional() ? d.dimensions().stream().map(Enum::name).sorted()
                    .collect(Collectors.joining(", ", "REGION" + (d.dimensions().isEmpty() ? "" : ", "), ""))
                    : "— (bureau-wide)";
            String module = e.available() ? d.module() : d.module() + " (not available: "
                    + text(UnavailableMetrics.reasonKey(d.module()), Locale.ENGLISH) + ")";
            String kind = d.growthOf() != null ? "growth of `" + d.growthOf() + "`" : d.kind().name();
            md.append("| `").append(d.id()).append("` | ").append(zh).append(" | ").append(def).append(" | ")
                    .append(d.unit()).append(" | ").append(kind).append(" | ").append(dims).append(" | ")
                    .append(module).append(" |\n");
        }
        md.append("\n## English\n\n| id | name | definition |\n|---|---|---|\n");
        for (MetricCatalogue.Entry e : catalogue.all()) {
            MetricDefinition d = e.definition();
            md.append("| `").append(d.id()).append("` | ").append(text(d.nameKey(), Locale.ENGLISH)).append(" | ")
                    .append(text(d.definitionKey(), Locale.ENGLISH)).append(" |\n");
        }
        return md.toString();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale).replace("|", "\\|").replace("\n", " ");
    }
}
