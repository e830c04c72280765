package org.oneseal.identity;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages of the region tree. */
@Controller
class RegionAdminController {

    private final RegionManagement regions;

    RegionAdminController(RegionManagement regions) {
        this.regions = regions;
    }

    @GetMapping("/admin/regions")
    String list(Model model) {
        model.addAttribute("regions", regions.all());
        return "identity/regions";
    }

    @GetMapping("/admin/regions/new")
    String newForm(Model model) {
        model.addAttribute("form", new RegionCommand("", "", RegionLevel.COUNTY, null, 0, true));
        return form(model, null);
    }

    @PostMapping("/admin/regions/new")
    String create(@Valid @ModelAttribute("form") RegionCommand form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        result = RegistrationController.FormErrors.keep(model, "form", form, result);
        if (!result.hasErrors() && RegistrationController.FormErrors.apply(result, () -> regions.create(form))) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/regions";
        }
        return form(model, null);
    }

    @GetMapping("/admin/regions/{id}")
    String editForm(@PathVariable long id, Model model) {
        RegionView r = regions.get(id);
        model.addAttribute("form", new RegionCommand(r.code(), r.name(), r.level(), r.parentId(), r.sortOrder(), r.active()));
        return form(model, id);
    }

    @PostMapping("/admin/regions/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") RegionCommand form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        result = RegistrationController.FormErrors.keep(model, "form", form, result);
        regions.get(id);
        if (!result.hasErrors() && RegistrationController.FormErrors.apply(result, () -> regions.update(id, form))) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/regions";
        }
        return form(model, id);
    }

    private String form(Model model, Long id) {
        if (model.getAttribute("form") == null) { // a value that could not even be converted (e.g. letters for a number)
            model.addAttribute("form", new RegionCommand("", "", RegionLevel.COUNTY, null, 0, true));
        }
        model.addAttribute("regionId", id);
        model.addAttribute("allRegions", regions.all());
        model.addAttribute("levels", RegionLevel.values());
        return "identity/region-form";
    }
}
