package org.oneseal.matter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.RegionManagement;
import org.oneseal.identity.RegionView;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 一件事 pages: the public list and guide; the administrator's list, form and publication. */
@Controller
class BundleController {

    private final Bundles bundles;
    private final MatterCatalogue catalogue;
    private final RegionManagement regions;
    private final CurrentUser currentUser;

    BundleController(Bundles bundles, MatterCatalogue catalogue, RegionManagement regions, CurrentUser currentUser) {
        this.bundles = bundles;
        this.catalogue = catalogue;
        this.regions = regions;
        this.currentUser = currentUser;
    }

    @GetMapping("/guide/bundles")
    String list(Model model) {
        model.addAttribute("bundles", bundles.published());
        model.addAttribute("regionNames", regionNames());
        return "matter/bundles";
    }

    @GetMapping("/guide/bundles/{id}")
    String guide(@PathVariable long id, Model model) {
        model.addAttribute("b", bundles.guide(id).orElseThrow(() -> new NotFoundException("bundle " + id)));
        model.addAttribute("regionNames", regionNames());
        return "matter/bundle";
    }

    @GetMapping("/admin/bundles")
    String admin(Model model) {
        model.addAttribute("bundles", bundles.list(currentUser.scope()));
        model.addAttribute("regionNames", regionNames());
        return "matter/bundle-admin";
    }

    @GetMapping("/admin/bundles/new")
    String newForm(Model model) {
        return form(model, null, new BundleForm("", "", "", currentUser.scope().region(), null, List.of(), List.of()));
    }

    @GetMapping("/admin/bundles/{id}")
    String edit(@PathVariable long id, Model model) {
        BundleGuide g = bundles.adminGuide(currentUser.scope(), id);
        return form(model, g, new BundleForm(g.code(), g.name(), g.description(), g.regionId(), g.targetWorkingDays(),
                g.members().stream().map(m -> m.matter().matterId()).toList(),
                g.members().stream().filter(BundleGuide.Member::carriedByLicence).map(m -> m.matter().matterId()).toList()));
    }

    @PostMapping("/admin/bundles")
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
            @RequestParam(required = false) String description, @RequestParam(required = false) String regionId,
            @RequestParam(required = false) String targetWorkingDays,
            @RequestParam(required = false) List<String> members, @RequestParam(required = false) List<String> carried,
            Model model, RedirectAttributes redirect) {
        BundleForm form = BundleForm.of(code, name, description, regionId, targetWorkingDays, members, carried);
        try {
            long id = bundles.create(currentUser.scope(), form.command());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/bundles/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            return form(model, null, form);
        }
    }

    @PostMapping("/admin/bundles/{id}")
    String update(@PathVariable long id, @RequestParam(required = false) String code,
            @RequestParam(required = false) String name, @RequestParam(required = false) String description,
            @RequestParam(required = false) String regionId, @RequestParam(required = false) String targetWorkingDays,
            @RequestParam(required = false) List<String> members, @RequestParam(required = false) List<String> carried,
            Model model, RedirectAttributes redirect) {
        BundleForm form = BundleForm.of(code, name, description, regionId, targetWorkingDays, members, carried);
        try {
            bundles.update(currentUser.scope(), id, form.command());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/bundles/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            return form(model, bundles.adminGuide(currentUser.scope(), id), form);
        }
    }

    @PostMapping("/admin/bundles/{id}/publication")
    String publish(@PathVariable long id, @RequestParam boolean published, Model model, RedirectAttributes redirect) {
        try {
            bundles.publish(currentUser.scope(), id, published);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/admin/bundles/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            return edit(id, model);
        }
    }

    private String form(Model model, BundleGuide existing, BundleForm form) {
        var scope = currentUser.scope();
        model.addAttribute("existing", existing);
        model.addAttribute("form", form);
        model.addAttribute("matters", catalogue.published(null).stream().filter(m -> scope.covers(m.regionId()))
                .filter(m -> m.reformMode() != ReformMode.CANCELLED).toList());
        model.addAttribute("regions", regions.all().stream().filter(r -> scope.covers(r.id())).toList());
        model.addAttribute("regionNames", regionNames());
        return "matter/bundle-form";
    }

    private Map<Long, String> regionNames() {
        return regions.all().stream().collect(Collectors.toMap(RegionView::id, RegionView::name));
    }

    /** The form: member matter ids in the order given, and those carried by the business licence. */
    record BundleForm(String code, String name, String description, Long regionId, Integer targetWorkingDays,
                      List<Long> members, List<Long> carried) {

        BundleForm {
            members = members == null ? List.of() : members;
            carried = carried == null ? List.of() : carried;
        }

        /**
         * From the submitted text: ids that are not numbers are dropped (the matter list only offers real ones), a
         * region or target that is not a number counts as missing or out of range and is reported on its field.
         */
        static BundleForm of(String code, String name, String description, String regionId, String target,
                List<String> members, List<String> carried) {
            return new BundleForm(code, name, description, number(regionId), target == null || target.isBlank() ? null
                    : number(target) == null ? Integer.valueOf(-1) : Integer.valueOf(number(target).intValue()),
                    ids(members), ids(carried));
        }

        private static Long number(String text) {
            return text != null && text.strip().matches("\\d{1,9}") ? Long.valueOf(text.strip()) : null;
        }

        private static List<Long> ids(List<String> texts) {
            return texts == null ? List.of() : texts.stream().map(BundleForm::number).filter(java.util.Objects::nonNull)
                    .toList();
        }

        BundleCommand command() {
            List<BundleCommand.Member> list = new ArrayList<>();
            for (Long id : members) {
                if (id != null) {
                    list.add(new BundleCommand.Member(id, carried.contains(id)));
                }
            }
            return new BundleCommand(code, name, description, regionId, targetWorkingDays, list);
        }
    }
}
