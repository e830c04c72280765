package org.oneseal.hall;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 大厅排班: the administrator's page of a hall's service schedules (add, change, deactivate) and window groups (set,
 * clear; the window's row is replaced in place with htmx, the page is posted again without it).
 */
@Controller
class HallAdminPages {

    private static final String PAGE = "/workbench/hall/schedules";

    private final HallAdministration administration;
    private final HallMessages messages;

    HallAdminPages(HallAdministration administration, HallMessages messages) {
        this.administration = administration;
        this.messages = messages;
    }

    /** The schedule form as typed (shown again with its errors). */
    record ScheduleForm(String groupCode, String matterId, String kind, String days, String starts, String ends,
                        String slotMinutes, String capacity) {

        static ScheduleForm blank() {
            return new ScheduleForm("GENERAL", "", "NORMAL", "WORKING", "09:00", "12:00", "30", "4");
        }

        static ScheduleForm of(HallAdministration.Schedule s) {
            return new ScheduleForm(s.groupCode(), s.matterId() == null ? "" : String.valueOf(s.matterId()), s.kind(),
                    s.days(), s.starts().toString(), s.ends().toString(), String.valueOf(s.slotMinutes()),
                    String.valueOf(s.capacity()));
        }

        /** What the service checks; a number that cannot be read is sent as one out of range (its field's message). */
        HallAdministration.ScheduleRequest request() {
            return new HallAdministration.ScheduleRequest(groupCode, longOrInvalid(matterId), kind, days, starts, ends,
                    intOrInvalid(slotMinutes), intOrInvalid(capacity));
        }

        private static Long longOrInvalid(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }

        private static Integer intOrInvalid(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return Integer.MIN_VALUE;
            }
        }
    }

    @GetMapping(PAGE)
    @PreAuthorize("hasAuthority('hall:configure')")
    String page(@RequestParam(required = false) Long hall, @RequestParam(required = false) Long edit, Model model) {
        List<HallAdministration.Hall> halls = administration.halls();
        model.addAttribute("halls", halls);
        model.addAttribute("kinds", HallAdministration.KIND_ORDER);
        model.addAttribute("dayRules", HallAdministration.DAYS_ORDER);
        Long chosen = hall != null ? hall : halls.isEmpty() ? null : halls.getFirst().id();
        if (chosen == null) {
            return "hall/schedules";
        }
        try {
            model.addAttribute("hall", administration.hall(chosen));
        } catch (InvalidInputException e) {
            errors(model).putAll(e.fieldErrors());
            return "hall/schedules";
        }
        List<HallAdministration.Schedule> schedules = administration.schedules(chosen);
        model.addAttribute("schedules", schedules);
        model.addAttribute("windows", administration.windows(chosen));
        if (!model.containsAttribute("form")) {
            var editing = edit == null ? null
                    : schedules.stream().filter(s -> s.id() == edit && s.active()).findFirst().orElse(null);
            model.addAttribute("editing", editing == null ? null : editing.id());
            model.addAttribute("form", editing == null ? ScheduleForm.blank() : ScheduleForm.of(editing));
        }
        return "hall/schedules";
    }

    @PostMapping(PAGE)
    @PreAuthorize("hasAuthority('hall:configure')")
    String create(@RequestParam long hall, ScheduleForm form, Model model, RedirectAttributes redirect) {
        try {
            HallAdministration.Schedule s = administration.create(hall, form.request());
            redirect.addFlashAttribute("saved", messages.text("hall.admin.saved.created", s.groupCode(), s.starts(),
                    s.ends()));
            return "redirect:" + PAGE + "?hall=" + hall;
        } catch (InvalidInputException e) {
            errors(model).putAll(e.fieldErrors());
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("form", form);
        model.addAttribute("editing", null);
        return page(hall, null, model);
    }

    @PostMapping(PAGE + "/{scheduleId}")
    @PreAuthorize("hasAuthority('hall:configure')")
    String change(@RequestParam long hall, @PathVariable long scheduleId, ScheduleForm form, Model model,
            RedirectAttributes redirect) {
        try {
            HallAdministration.Changed c = administration.change(hall, scheduleId, form.request());
            redirect.addFlashAttribute("saved", messages.text("hall.admin.saved.changed", c.slotsRemoved(),
                    c.slotsKeptOpen(), c.slotsClosed()));
            return "redirect:" + PAGE + "?hall=" + hall;
        } catch (InvalidInputException e) {
            errors(model).putAll(e.fieldErrors());
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("form", form);
        model.addAttribute("editing", scheduleId);
        return page(hall, scheduleId, model);
    }

    @PostMapping(PAGE + "/{scheduleId}/deactivation")
    @PreAuthorize("hasAuthority('hall:configure')")
    String deactivate(@RequestParam long hall, @PathVariable long scheduleId, Model model, RedirectAttributes redirect) {
        try {
            HallAdministration.Changed c = administration.deactivate(hall, scheduleId);
            redirect.addFlashAttribute("saved", messages.text("hall.admin.saved.deactivated", c.slotsRemoved(),
                    c.slotsClosed()));
            return "redirect:" + PAGE + "?hall=" + hall;
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        return page(hall, null, model);
    }

    /** Sets ({@code action=set}) or clears ({@code action=clear}) a window's group; htmx gets the window's row. */
    @PostMapping("/workbench/hall/windows/{windowId}/group")
    @PreAuthorize("hasAuthority('hall:configure')")
    String group(@PathVariable long windowId, @RequestParam long hall, @RequestParam(required = false) String groupCode,
            @RequestParam(defaultValue = "set") String action,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect) {
        HallAdministration.Window w;
        try {
            w = "clear".equals(action) ? administration.clearGroup(windowId) : administration.setGroup(windowId, groupCode);
        } catch (InvalidInputException e) {
            model.addAttribute("rowError", String.join(" ", e.fieldErrors().values()));
            model.addAttribute("windowError", windowId);
            model.addAttribute("typed", groupCode);
            if (htmx == null) {
                return page(hall, null, model);
            }
            w = administration.windows(hall).stream().filter(x -> x.id() == windowId).findFirst().orElse(null);
            if (w == null) { // not a window of this hall: no row to show it in
                throw new org.oneseal.shared.NotFoundException("window " + windowId + " of hall " + hall);
            }
        }
        if (htmx == null) {
            redirect.addFlashAttribute("saved", messages.text("hall.admin.saved.group", w.name()));
            return "redirect:" + PAGE + "?hall=" + hall;
        }
        model.addAttribute("w", w); // htmx: the window's row alone, with its error if any
        model.addAttribute("hall", administration.hall(hall));
        return "hall/schedules :: window-row";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new LinkedHashMap<String, String>());
        }
        return (Map<String, String>) model.getAttribute("errors");
    }
}
