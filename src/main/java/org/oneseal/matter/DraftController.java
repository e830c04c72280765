package org.oneseal.matter;

import jakarta.validation.Valid;
import java.util.Map;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.RegionManagement;
import org.oneseal.shared.DataScope;
import org.oneseal.shared.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The draft editor (/admin/matters/new, /admin/matters/versions/{id}). Buttons named {@code action} add or
 * remove rows without saving; "save" validates and stores, then redirects.
 */
@Controller
@RequestMapping("/admin/matters")
class DraftController {

    private static final String SAVE = "save";

    private final MatterAdministration admin;
    private final Departments departments;
    private final RegionManagement regions;
    private final CurrentUser currentUser;

    DraftController(MatterAdministration admin, Departments departments, RegionManagement regions,
            CurrentUser currentUser) {
        this.admin = admin;
        this.departments = departments;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @GetMapping("/new")
    String newForm(Model model) {
        DataScope scope = currentUser.scope();
        model.addAttribute("form", DraftForm.blank(scope.region(), scope.cityWide() ? CompetenceLevel.CITY : CompetenceLevel.COUNTY));
        return page(model, scope, null);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") DraftForm form, BindingResult binding,
            @RequestParam(defaultValue = SAVE) String action, Model model, RedirectAttributes redirect) {
        DataScope scope = currentUser.scope();
        binding = keep(model, form != null ? form : DraftForm.blank(scope.region(), scope.cityWide()
                ? CompetenceLevel.CITY : CompetenceLevel.COUNTY), binding);
        if (form == null || binding.getTarget() != form) { // nothing of the submission could be read
            return page(model, scope, null);
        }
        if (!SAVE.equals(action)) {
            model.addAttribute("form", form.apply(action));
            return page(model, scope, null);
        }
        requireCodes(form, binding);
        if (!binding.hasErrors() && attempt(binding, () -> {
            long id = admin.create(scope, new NewMatter(form.matterCode(), form.implementationCode(), form.regionId(),
                    form.elements()));
            redirect.addAttribute("id", id);
        })) {
            redirect.addFlashAttribute("flash", "matter.flash.created");
            return "redirect:/admin/matters/{id}";
        }
        return page(model, scope, null);
    }

    @GetMapping("/versions/{versionId}")
    String edit(@PathVariable long versionId, Model model) {
        DataScope scope = currentUser.scope();
        EditableVersion version = admin.version(scope, versionId);
        if (version.state() != MatterVersionState.DRAFT) {
            return "redirect:/admin/matters/" + version.matterId();
        }
        model.addAttribute("form", DraftForm.of(version));
        return page(model, scope, version);
    }

    @PostMapping("/versions/{versionId}")
    String update(@PathVariable long versionId, @Valid @ModelAttribute("form") DraftForm form, BindingResult binding,
            @RequestParam(defaultValue = SAVE) String action, Model model, RedirectAttributes redirect) {
        DataScope scope = currentUser.scope();
        EditableVersion version = admin.version(scope, versionId);
        binding = keep(model, form != null ? form : DraftForm.of(version), binding);
        if (form == null || binding.getTarget() != form) { // nothing of the submission could be read
            return page(model, scope, version);
        }
        if (!SAVE.equals(action)) {
            model.addAttribute("form", form.apply(action));
            return page(model, scope, version);
        }
        if (!binding.hasErrors() && attempt(binding, () -> admin.updateDraft(scope, versionId, form.elements()))) {
            redirect.addFlashAttribute("flash", "matter.flash.saved");
            return "redirect:/admin/matters/versions/" + versionId;
        }
        return page(model, scope, version);
    }

    private static void requireCodes(DraftForm form, BindingResult binding) {
        if (form.matterCode() == null || !form.matterCode().trim().matches("[A-Za-z0-9-]{1,40}")) {
            binding.rejectValue("matterCode", "matter.error.code");
        }
        if (form.implementationCode() == null || !form.implementationCode().trim().matches("[A-Za-z0-9-]{1,60}")) {
            binding.rejectValue("implementationCode", "matter.error.code");
        }
        if (form.regionId() == null) {
            binding.rejectValue("regionId", "matter.error.regionOutside");
        }
    }

    /** Runs the change; a rejection becomes field errors and the method answers false. */
    static boolean attempt(BindingResult binding, Runnable change) {
        try {
            change.run();
            return true;
        } catch (InvalidInputException invalid) {
            for (Map.Entry<String, String> e : invalid.fieldErrors().entrySet()) {
                if (binding.getModel().containsKey("form") && isField(e.getKey())) {
                    binding.rejectValue(e.getKey(), "matter.invalid", e.getValue());
                } else {
                    binding.reject("matter.invalid", e.getValue());
                }
            }
        } catch (org.oneseal.shared.BusinessRuleViolation | OptimisticLockingFailureException rejected) {
            binding.reject("matter.invalid", rejected.getMessage());
        }
        return false;
    }

    /**
     * A value that could not even be converted (letters for a number, an unknown kind) leaves the binding
     * result without its form, and the editor could not show it: the submitted form (with nothing for the
     * unreadable fields) is paired with the errors again, so that each shows on its field.
     */
    static BindingResult keep(Model model, DraftForm shown, BindingResult binding) {
        if (binding.getTarget() != null) {
            return binding;
        }
        BindingResult again = new org.springframework.validation.BeanPropertyBindingResult(shown, "form");
        binding.getAllErrors().forEach(again::addError);
        model.addAttribute("form", shown);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", again);
        return again;
    }

    private static boolean isField(String name) {
        return java.util.Arrays.stream(DraftForm.class.getRecordComponents()).anyMatch(c -> c.getName().equals(name));
    }

    private String page(Model model, DataScope scope, EditableVersion version) {
        model.addAttribute("version", version);
        model.addAttribute("departments", departments.inScope(scope));
        model.addAttribute("regions", regions.all().stream().filter(r -> scope.covers(r.id())).toList());
        model.addAttribute("types", MatterType.values());
        model.addAttribute("competences", CompetenceLevel.values());
        model.addAttribute("serviceObjects", ServiceObject.values());
        model.addAttribute("handlingForms", HandlingForm.values());
        model.addAttribute("handlingKinds", HandlingKind.values());
        model.addAttribute("reformModes", ReformMode.values());
        model.addAttribute("deferralRules", DeferralRule.values());
        model.addAttribute("checkMethods", CommitmentCheck.Method.values());
        model.addAttribute("allTongbanModes", TongbanMode.values());
        return "matter/draft";
    }


    /**
     * A submission that cannot even be bound to the form — rows under names no editor sends
     * ({@code materials[x].name}, {@code materials[99999].name}) or a form the binder gives up on: the editor
     * (of the draft being edited, or a new one) opens again with a message instead of a server error;
     * nothing was stored.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler({IllegalStateException.class, NumberFormatException.class,
        IndexOutOfBoundsException.class, org.springframework.beans.InvalidPropertyException.class})
    String unreadable(Model model, jakarta.servlet.http.HttpServletRequest request) {
        DataScope scope = currentUser.scope();
        EditableVersion version = editedVersion(request, scope);
        model.addAttribute("form", version != null ? DraftForm.of(version) : DraftForm.blank(scope.region(),
                scope.cityWide() ? CompetenceLevel.CITY : CompetenceLevel.COUNTY));
        model.addAttribute("unreadable", true);
        return page(model, scope, version);
    }

    /** The draft of /admin/matters/versions/{versionId} (when it is one, in scope and still a draft). */
    private EditableVersion editedVersion(jakarta.servlet.http.HttpServletRequest request, DataScope scope) {
        Object variables = request.getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("versionId") instanceof String id && id.matches("\\d{1,18}")) {
            try {
                EditableVersion version = admin.version(scope, Long.parseLong(id));
                return version.state() == MatterVersionState.DRAFT ? version : null;
            } catch (RuntimeException notThere) {
                return null;
            }
        }
        return null;
    }
}
