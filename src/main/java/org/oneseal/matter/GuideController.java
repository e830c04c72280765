package org.oneseal.matter;

import java.util.Map;
import java.util.stream.Collectors;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** 办事指南: the public search and guide pages (no login). */
@Controller
class GuideController {

    private final MatterCatalogue catalogue;
    private final CatalogueQueries queries;
    private final RegionManagement regions;

    GuideController(MatterCatalogue catalogue, CatalogueQueries queries, RegionManagement regions) {
        this.catalogue = catalogue;
        this.queries = queries;
        this.regions = regions;
    }

    @GetMapping("/guide")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) Long department,
            @RequestParam(required = false) ServiceObject serviceObject,
            @RequestParam(required = false) String lifeEvent, @RequestParam(required = false) Long region,
            Model model) {
        String keyword = q == null ? null : q.strip();
        if (keyword != null && keyword.length() > 50) {
            keyword = keyword.substring(0, 50);
        }
        model.addAttribute("results", catalogue.search(new GuideQuery(keyword, department, serviceObject, lifeEvent, region)));
        model.addAttribute("departments", queries.publishedDepartments());
        model.addAttribute("lifeEvents", queries.publishedLifeEvents());
        model.addAttribute("regions", regions.all());
        model.addAttribute("regionNames", regionNames());
        model.addAttribute("serviceObjects", ServiceObject.values());
        return "matter/guide-search";
    }

    @GetMapping("/guide/{matterId}")
    String guide(@PathVariable long matterId, Model model) {
        ServiceGuide guide = catalogue.guide(matterId).orElseThrow(() -> new NotFoundException("guide " + matterId));
        model.addAttribute("guide", guide);
        model.addAttribute("e", guide.elements());
        model.addAttribute("regionName", regionNames().get(guide.regionId()));
        return "matter/guide";
    }

    private Map<Long, String> regionNames() {
        return regions.all().stream().collect(Collectors.toMap(RegionView::id, RegionView::name));
    }
}
