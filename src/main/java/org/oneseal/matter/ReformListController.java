package org.oneseal.matter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 证照分离改革事项清单: the public page, its Excel export and the public API (no login). */
@Controller
@Tag(name = "matters", description = "matter.api.tag")
class ReformListController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReformList list;
    private final CatalogueQueries queries;
    private final RegionManagement regions;
    private final MessageSource messages;

    ReformListController(ReformList list, CatalogueQueries queries, RegionManagement regions, MessageSource messages) {
        this.list = list;
        this.queries = queries;
        this.regions = regions;
        this.messages = messages;
    }

    @GetMapping("/guide/reform-list")
    String page(@RequestParam(required = false) ReformMode mode, @RequestParam(required = false) Long department,
            @RequestParam(required = false) Long region, Model model) {
        ReformList.Filter filter = new ReformList.Filter(mode, department, region);
        List<ReformList.Entry> entries = list.entries(filter);
        model.addAttribute("entries", entries);
        model.addAttribute("counts", ReformList.countByMode(list.entries(new ReformList.Filter(null, department, region))));
        model.addAttribute("modes", ReformMode.values());
        model.addAttribute("departments", queries.publishedDepartments());
        model.addAttribute("regions", regions.all());
        model.addAttribute("regionNames", regionNames());
        model.addAttribute("filter", filter);
        return "matter/reform-list";
    }

    @GetMapping("/guide/reform-list.xlsx")
    ResponseEntity<byte[]> excel(@RequestParam(required = false) ReformMode mode,
            @RequestParam(required = false) Long department, @RequestParam(required = false) Long region) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<ReformMode, String> modeNames = new EnumMap<>(ReformMode.class);
        for (ReformMode m : ReformMode.values()) {
            modeNames.put(m, messages.getMessage("matter.reform." + m, null, locale));
        }
        byte[] workbook = list.workbook(list.entries(new ReformList.Filter(mode, department, region)), regionNames(),
                modeNames);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("reform-list.xlsx").build().toString())
                .body(workbook);
    }

    @GetMapping(path = "/api/v1/public/reform-list", produces = "application/json")
    @ResponseBody
    @Operation(summary = "matter.api.reformList.summary", description = "matter.api.reformList.description")
    @ApiResponse(responseCode = "200", description = "matter.api.response.200")
    List<ReformList.Entry> api(
            @Parameter(description = "matter.api.param.reformMode") @RequestParam(required = false) ReformMode mode,
            @Parameter(description = "matter.api.param.department") @RequestParam(required = false) Long department,
            @Parameter(description = "matter.api.param.region") @RequestParam(required = false) Long region) {
        return list.entries(new ReformList.Filter(mode, department, region));
    }

    private Map<Long, String> regionNames() {
        return regions.all().stream().collect(Collectors.toMap(RegionView::id, RegionView::name));
    }
}
