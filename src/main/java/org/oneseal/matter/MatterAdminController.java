package org.oneseal.matter;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.DataScope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of the catalogue: the list, a matter's history with a comparison, publish, new version. */
@Controller
@RequestMapping("/admin/matters")
class MatterAdminController {

    private final MatterAdministration admin;
    private final CatalogueQueries queries;
    private final Departments departments;
    private final RegionManagement regions;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    MatterAdminController(MatterAdministration admin, CatalogueQueries queries, Departments departments,
            RegionManagement regions, CurrentUser currentUser, MessageSource messages) {
        this.admin = admin;
        this.queries = queries;
        this.departments = departments;
        this.regions = regions;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long region, @RequestParam(required = false) Long department,
            @RequestParam(required = false) MatterVersionState state, @RequestParam(required = false) String q,
            Model model) {
        DataScope scope = currentUser.scope();
        model.addAttribute("matters", admin.list(scope, new MatterFilter(region, department, state, q)));
        model.addAttribute("regions", regions.all().stream().filter(r -> scope.covers(r.id())).toList());
        model.addAttribute("regionNames", regionNames());
        model.addAttribute("departments", departments.inScope(scope));
        model.addAttribute("states", MatterVersionState.values());
        return "matter/matters";
    }

    @GetMapping("/{matterId}")
    String detail(@PathVariable long matterId, Model model) {
        DataScope scope = currentUser.scope();
        MatterDetail detail = admin.detail(scope, matterId);
        model.addAttribute("matter", detail);
        model.addAttribute("regionNames", regionNames());
        List<VersionSummary> versions = detail.versions();
        if (versions.size() >= 2) {
            model.addAttribute("comparison", VersionComparison.of(admin.version(scope, versions.get(1).versionId()),
                    admin.version(scope, versions.get(0).versionId())));
        }
        VersionSummary shown = versions.getFirst();
        model.addAttribute("current", admin.version(scope, shown.versionId()));
        return "matter/matter";
    }

    @PostMapping("/{matterId}/versions")
    String newVersion(@PathVariable long matterId, RedirectAttributes redirect, Locale locale) {
        try {
            long draft = admin.newVersion(currentUser.scope(), matterId);
            redirect.addFlashAttribute("flash", "matter.flash.versionCreated");
            return "redirect:/admin/matters/versions/" + draft;
        } catch (BusinessRuleViolation refused) {
            redirect.addFlashAttribute("problems", List.of(refused.getMessage()));
            return "redirect:/admin/matters/" + matterId;
        }
    }

    @PostMapping("/versions/{versionId}/publish")
    String publish(@PathVariable long versionId, RedirectAttributes redirect, Locale locale) {
        DataScope scope = currentUser.scope();
        EditableVersion version = admin.version(scope, versionId);
        try {
            admin.publish(scope, versionId);
            redirect.addFlashAttribute("flash", "matter.flash.published");
            return "redirect:/admin/matters/" + version.matterId();
        } catch (PublicationRefused refused) {
            redirect.addFlashAttribute("problems", refused.problems().stream().map(p -> text(p, locale)).toList());
        } catch (BusinessRuleViolation refused) {
            redirect.addFlashAttribute("problems", List.of(refused.getMessage()));
        }
        return "redirect:/admin/matters/versions/" + versionId;
    }

    private String text(Problem p, Locale locale) {
        Object[] args = p.args().length == 1 && String.valueOf(p.args()[0]).startsWith("matter.field.")
                ? new Object[] {messages.getMessage(String.valueOf(p.args()[0]), null, locale)} : p.args();
        return messages.getMessage(p.key(), args, p.key(), locale);
    }

    private Map<Long, String> regionNames() {
        return regions.all().stream().collect(Collectors.toMap(RegionView::id, RegionView::name));
    }
}
