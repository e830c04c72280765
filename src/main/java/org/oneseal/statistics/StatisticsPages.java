package org.oneseal.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.metrics.MetricQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards (领导驾驶舱; a chief's department, window staff's own window), the table of every figure with its
 * definition, and the drill-down pages with their Excel download.
 */
@Controller
class StatisticsPages {

    private final Statistics statistics;
    private final DashboardLayout layout;
    private final FigureWriter text;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    StatisticsPages(Statistics statistics, DashboardLayout layout, FigureWriter text, Clock clock) {
        this.text = text;
        this.statistics = statistics;
        this.layout = layout;
        this.clock = clock;
    }

    @GetMapping("/workbench/statistics")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String area, @RequestParam(required = false) String department,
            Model model) {
        Filters f = filters(from, to, area, department, model);
        if (f == null) {
            return "statistics/dashboard";
        }
        Selection selection = statistics.selection(f.request());
        model.addAttribute("selection", selection);
        // the cards and the status chart in one computation (each source asked once)
        List<String> cardIds = layout.cards(selection);
        java.util.Set<String> ids = new java.util.LinkedHashSet<>(cardIds);
        ids.addAll(layout.statusIds());
        Map<String, ShownFigure> shown = new LinkedHashMap<>();
        text.show(statistics.figures(ids, f.request())).forEach(x -> shown.put(x.figure().id(), x));
        model.addAttribute("cards", cardIds.stream().map(shown::get).toList());
        model.addAttribute("status", layout.statusIds().stream().map(shown::get).toList());
        List<MonthFigures> months = statistics.monthly(layout.chartIds(), f.request());
        List<Map<String, Object>> charts = layout.charts(months);
        model.addAttribute("charts", charts);
        // inside a <script type="application/json">: "<" written as \u003c so no text can close the element
        model.addAttribute("chartJson", json.writeValueAsString(charts).replace("<", "\\u003c"));
        return "statistics/dashboard";
    }

    @GetMapping("/workbench/statistics/figures")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String area, @RequestParam(required = false) String department,
            Model model) {
        Filters f = filters(from, to, area, department, model);
        if (f != null) {
            model.addAttribute("selection", statistics.selection(f.request()));
            model.addAttribute("figures", text.show(statistics.figures(null, f.request())));
        }
        return "statistics/figures";
    }

    @GetMapping("/workbench/statistics/records")
    String records(@RequestParam String metric, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String area,
            @RequestParam(required = false) String department, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Filters f = filters(from, to, area, department, model);
        model.addAttribute("metric", metric);
        if (f != null) {
            try {
                model.addAttribute("selection", statistics.selection(f.request()));
                RecordPage records = statistics.records(metric, f.request(), page, 50);
                model.addAttribute("records", records);
                model.addAttribute("shown", text.show(List.of(records.figure())).getFirst());
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.fieldErrors());
            } catch (org.oneseal.shared.BusinessRuleViolation e) {
                model.addAttribute("errors", Map.of("metric", e.getMessage()));
            }
        }
        return "statistics/records";
    }

    @GetMapping("/workbench/statistics/records.xlsx")
    void export(@RequestParam String metric, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String area, @RequestParam(required = false) Long department,
            HttpServletResponse response) throws IOException {
        StatisticsApi.writeExcel(statistics, metric, StatisticsApi.request(statistics, from, to, area, department, null),
                response);
    }

    private record Filters(StatisticsRequest request) {
    }

    /**
     * Reads the filters (default: this year up to today, the viewer's own area) and puts the choices into the model;
     * null (with the errors in the model) when they are bad.
     */
    private Filters filters(String from, String to, String area, String department, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(MetricQuery.ZONE));
        model.addAttribute("areas", statistics.areas());
        model.addAttribute("departments", statistics.departments());
        model.addAttribute("from", from == null ? today.withDayOfYear(1).toString() : from);
        model.addAttribute("to", to == null ? today.toString() : to);
        model.addAttribute("area", area);
        model.addAttribute("department", department);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate first = date(from, today.withDayOfYear(1), "from", errors);
        LocalDate last = date(to, today, "to", errors);
        Long dept = null;
        if (department != null && !department.isBlank()) {
            if (department.strip().matches("[1-9][0-9]{0,17}")) {
                dept = Long.parseLong(department.strip());
            } else {
                errors.put("department", layout.text("statistics.department.unknown", department));
            }
        }
        try {
            StatisticsRequest request = new StatisticsRequest(first, last, statistics.area(area), dept);
            if (errors.isEmpty()) {
                statistics.selection(request);
                return new Filters(request);
            }
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        model.addAttribute("errors", errors);
        return null;
    }

    private LocalDate date(String text, LocalDate fallback, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.put(field, layout.text("statistics.period.badDate", text));
            return fallback;
        }
    }
}
