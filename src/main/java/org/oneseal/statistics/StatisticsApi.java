package org.oneseal.statistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any metric for a period and an area over the API, with its definition and the records behind it.
 * {@code area}: {@code all} (全市), {@code city} (市本级) or a region id (that region and what lies below it);
 * omitted, the caller's own. Needs {@code statistics:read}; the caller's data scope is applied.
 */
@RestController
@RequestMapping(path = "/api/v1/statistics", produces = "application/json")
@Tag(name = "statistics")
class StatisticsApi {

    private static final String AREA = "all（全市）| city（市本级）| 区划ID（该区县及其下级）；省略为本人辖区";

    private final Statistics statistics;

    StatisticsApi(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/metrics")
    @Operation(summary = "指标目录：每个指标的名称、口径、单位、可用性")
    List<MetricInfo> metrics() {
        return statistics.catalogue();
    }

    @GetMapping("/metrics/{id}")
    @Operation(summary = "一个指标的口径")
    MetricInfo metric(@PathVariable String id) {
        return statistics.metric(id);
    }

    @GetMapping("/areas")
    @Operation(summary = "本人可选的统计范围")
    List<AreaOption> areas() {
        return statistics.areas();
    }

    @GetMapping("/figures")
    @Operation(summary = "指标值", description = "期间（含首尾，不超过一年）内的指标值及其口径、记录数；ids 省略为全部指标；"
            + "不可用的指标给出原因（status NOT_AVAILABLE / NOT_APPLICABLE），从不给 0")
    List<Figure> figures(@Parameter(description = "指标ID，逗号分隔") @RequestParam(required = false) List<String> ids,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = AREA) @RequestParam(required = false) String area,
            @Parameter(description = "部门（组织机构ID）") @RequestParam(required = false) Long department) {
        return statistics.figures(ids, request(from, to, area, department));
    }

    @GetMapping("/figures/{id}")
    @Operation(summary = "一个指标的值")
    Figure figure(@PathVariable String id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = AREA) @RequestParam(required = false) String area,
            @RequestParam(required = false) Long department, @RequestParam(required = false) Long window) {
        return statistics.figure(id, request(statistics, from, to, area, department, window));
    }

    @GetMapping("/monthly")
    @Operation(summary = "按月的指标值（仪表盘图表）")
    List<MonthFigures> monthly(@RequestParam List<String> ids,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = AREA) @RequestParam(required = false) String area,
            @RequestParam(required = false) Long department) {
        return statistics.monthly(ids, request(from, to, area, department));
    }

    @GetMapping("/figures/{id}/records")
    @Operation(summary = "指标背后的记录（下钻）", description = "记录总数等于指标的 records；page 从 0 起，size 1–200")
    RecordPage records(@PathVariable String id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = AREA) @RequestParam(required = false) String area,
            @RequestParam(required = false) Long department,
            @Parameter(description = "窗口（组织机构ID），如月度通报的窗口行") @RequestParam(required = false) Long window,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return statistics.records(id, request(statistics, from, to, area, department, window), page, size);
    }

    @GetMapping(path = "/figures/{id}/records.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "指标背后的全部记录（Excel）")
    void export(@PathVariable String id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = AREA) @RequestParam(required = false) String area,
            @RequestParam(required = false) Long department, @RequestParam(required = false) Long window,
            HttpServletResponse response) throws IOException {
        writeExcel(statistics, id, request(statistics, from, to, area, department, window), response);
    }

    static void writeExcel(Statistics statistics, String id, StatisticsRequest request, HttpServletResponse response)
            throws IOException {
        String name = URLEncoder.encode(id + "-" + request.from() + "-" + request.to() + ".xlsx", StandardCharsets.UTF_8);
        statistics.export(id, request, () -> {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + name);
            return response.getOutputStream();
        });
    }

    private StatisticsRequest request(LocalDate from, LocalDate to, String area, Long department) {
        return request(statistics, from, to, area, department, null);
    }

    static StatisticsRequest request(Statistics statistics, LocalDate from, LocalDate to, String area, Long department,
            Long window) {
        return new StatisticsRequest(from, to, statistics.area(area), department, window);
    }
}
