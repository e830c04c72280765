package org.oneseal.identity;

import jakarta.validation.Valid;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages of staff accounts (in scope) and of applicants' accounts (masked; reveal is audited). */
@Controller
class AccountAdminController {

    private final AccountManagement accounts;
    private final OrganisationManagement organisation;
    private final RegionManagement regions;
    private final CurrentUser currentUser;

    AccountAdminController(AccountManagement accounts, OrganisationManagement organisation, RegionManagement regions,
            CurrentUser currentUser) {
        this.accounts = accounts;
        this.organisation = organisation;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @GetMapping("/admin/accounts")
    String list(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("accounts", accounts.staff(currentUser.scope(), q));
        model.addAttribute("regionNames", RegionNames.of(regions.all()));
        return "identity/accounts";
    }

    @GetMapping("/admin/accounts/new")
    String newForm(Model model) {
        model.addAttribute("form", new StaffAccountCommand("", "", currentUser.scope().region(), null, false,
                Set.of(), true, ""));
        return form(model, null);
    }

    @PostMapping("/admin/accounts/new")
    String create(@Valid @ModelAttribute("form") StaffAccountCommand form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        result = RegistrationController.FormErrors.keep(model, "form", form, result);
        if (!result.hasErrors()
                && RegistrationController.FormErrors.apply(result, () -> accounts.createStaff(currentUser.scope(), form))) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/accounts";
        }
        return form(model, null);
    }

    @GetMapping("/admin/accounts/{id}")
    String edit(@PathVariable long id, Model model) {
        StaffAccountView a = accounts.staffMember(currentUser.scope(), id);
        model.addAttribute("form", new StaffAccountCommand(a.username(), a.displayName(), a.regionId(), a.orgUnitId(),
                a.cityWide(), a.roles(), a.enabled(), null));
        model.addAttribute("account", a);
        return form(model, id);
    }

    @PostMapping("/admin/accounts/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") StaffAccountCommand form, BindingResult result,
            Model model, RedirectAttributes redirect) {
        result = RegistrationController.FormErrors.keep(model, "form", form, result);
        StaffAccountView a = accounts.staffMember(currentUser.scope(), id);
        if (!result.hasErrors() && RegistrationController.FormErrors.apply(result,
                () -> accounts.updateStaff(currentUser.scope(), id, form))) {
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/accounts";
        }
        model.addAttribute("account", a);
        return form(model, id);
    }

    @PostMapping("/admin/accounts/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(currentUser.scope(), id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/accounts/" + id;
    }

    @PostMapping("/admin/accounts/{id}/reset-second-factor")
    String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
        accounts.resetSecondFactor(currentUser.scope(), id);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/accounts/" + id;
    }

    /** Searching by name is a POST: personal data stays out of URLs and access logs. */
    @GetMapping("/admin/applicants")
    String applicants(Model model) {
        model.addAttribute("applicants", accounts.applicants(null));
        return "identity/applicants";
    }

    @PostMapping("/admin/applicants")
    String searchApplicants(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("applicants", accounts.applicants(q));
        model.addAttribute("q", q);
        return "identity/applicants";
    }

    /** htmx: replaces the masked row with the full data (audited). */
    @PostMapping("/admin/applicants/{id}/reveal")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("a", accounts.reveal(id));
        return "identity/applicants :: row";
    }

    private String form(Model model, Long id) {
        var scope = currentUser.scope();
        if (model.getAttribute("form") == null) { // a value that could not even be converted
            model.addAttribute("form", new StaffAccountCommand("", "", scope.region(), null, false, Set.of(), true, ""));
        }
        model.addAttribute("accountId", id);
        model.addAttribute("visibleRegions", regions.all().stream().filter(r -> scope.covers(r.id())).toList());
        model.addAttribute("units", organisation.list(scope, OrgUnitFilter.none()));
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("cityWideAdmin", scope.cityWide());
        return "identity/account-form";
    }
}
