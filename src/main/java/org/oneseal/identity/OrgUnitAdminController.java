package org.oneseal.identity;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages of org units, limited to the administrator's data scope. */
@Controller
class OrgUnitAdminController {

    private final OrganisationManagement organisation;
    private final RegionManagement regions;
    private final CurrentUser currentUser;

    OrgUnitAdminController(OrganisationManagement organisation, RegionManagement regions, CurrentUser currentUser) {
        this.organisation = organisation;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @GetMapping("/admin/org-units")
    String list(@RequestParam(required = false) Long regionId, @RequestParam(required = false) OrgUnitKind kind,
            @RequestParam(required = false) String q, Model model) {
        var scope = currentUser.scope();
        model.addAttribute("units", organisation.list(scope, new OrgUnitFilter(regionId, kind, q)));
        model.addAttribute("regionNames", RegionNames.of(regions.all()));
        model.addAttribute("visibleRegions", regions.all().stream().filter(r -> scope.covers(r.id())).toList());
        model.addAttribute("kinds", OrgUnitKind.values());
        model.addAttribute("scope", scope);
        return "identity/org-units";
    }

    @GetMapping("/admin/org-units/new")
    String newForm(Model model) {
        var scope = currentUser.scope();
        model.addAttribute("form", new OrgUnitCommand(scope.region(), null, OrgUnitKind.BUREAU_SECTION, null, "", "", "", 0, true));
        return form(model, null);
    }

    @PostMapping("/admin/org-units/new")
    String create(@Valid @ModelAttribute("form") OrgUnitCommand form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        result = RegistrationController.FormErrors.keep(model, "form", form, result);
        if (!result.hasErrors()
                && RegistrationController.FormErrors.apply(result, () -> organisation.create(currentUser.scope(), form))) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/org-units";
        }
        return form(model, null);
    }

    @GetMapping("/admin/org-units/{id}")
    String edit(@PathVariable long id, Model model) {
        OrgUnitView u = organisation.get(currentUser.scope(), id);
        model.addAttribute("form", new OrgUnitCommand(u.regionId(), u.parentId(), u.kind(), u.windowKind(), u.code(),
                u.name(), u.description(), u.sortOrder(), u.active()));
        return form(model, id);
    }

    @PostMapping("/admin/org-units/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") OrgUnitCommand form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        result = RegistrationController.FormErrors.keep(model, "form", form, result);
        organisation.get(currentUser.scope(), id);
        if (!result.hasErrors() && RegistrationController.FormErrors.apply(result,
                () -> organisation.update(currentUser.scope(), id, form))) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/org-units";
        }
        return form(model, id);
    }

    private String form(Model model, Long id) {
        var scope = currentUser.scope();
        if (model.getAttribute("form") == null) { // a value that could not even be converted
            model.addAttribute("form", new OrgUnitCommand(scope.region(), null, OrgUnitKind.BUREAU_SECTION, null, "", "", "", 0, true));
        }
        model.addAttribute("unitId", id);
        model.addAttribute("visibleRegions", regions.all().stream().filter(r -> scope.covers(r.id())).toList());
        model.addAttribute("parents", organisation.list(scope, OrgUnitFilter.none()));
        model.addAttribute("kinds", OrgUnitKind.values());
        model.addAttribute("windowKinds", WindowKind.values());
        return "identity/org-unit-form";
    }
}
