package org.oneseal.hall;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hall's pages: the applicant's appointments (book, change, cancel), the ticket machine and the live display
 * (public, in the hall), and the window's queue page for staff (call next, served, not there, transfer).
 */
@Controller
class HallPages {

    private final Appointments appointments;
    private final HallQueue queue;
    private final OrganisationManagement organisation;
    private final CurrentUser currentUser;
    private final java.time.Clock clock;

    HallPages(Appointments appointments, HallQueue queue, OrganisationManagement organisation,
            CurrentUser currentUser, java.time.Clock clock) {
        this.appointments = appointments;
        this.queue = queue;
        this.organisation = organisation;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The halls (the parents of service windows), with their names. */
    private List<java.util.Map.Entry<Long, String>> halls() {
        var names = organisation.unitNames();
        return organisation.serviceWindows().stream().map(OrgUnitView::parentId).filter(Objects::nonNull).distinct()
                .sorted().map(id -> java.util.Map.entry(id, names.getOrDefault(id, "#" + id))).toList();
    }

    // ---------------------------------------------------------------------------------------- appointments

    @GetMapping("/me/appointments")
    String mine(@RequestParam(required = false) Long hall, @RequestParam(required = false) String day, Model model) {
        model.addAttribute("appointments", appointments.mine());
        model.addAttribute("halls", halls());
        LocalDate d = date(day) == null ? LocalDate.now(clock).plusDays(1) : date(day);
        model.addAttribute("day", d);
        model.addAttribute("hall", hall);
        if (hall != null) {
            try {
                model.addAttribute("slots", appointments.slots(hall, d, null));
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.fieldErrors());
            }
        }
        return "hall/appointments";
    }

    @PostMapping("/me/appointments")
    String book(@RequestParam long slotId, @RequestParam(required = false) Long hall,
            @RequestParam(required = false) String day, Model model, RedirectAttributes redirect) {
        try {
            Appointments.Appointment a = appointments.book(slotId, null);
            redirect.addFlashAttribute("booked", a.code());
            return "redirect:/me/appointments";
        } catch (InvalidInputException e) {
            model.addAttribute("problem", String.join(" ", e.fieldErrors().values()));
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        return mine(hall, day, model);
    }

    @PostMapping("/me/appointments/{id}/cancellation")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        appointments.cancel(id);
        redirect.addFlashAttribute("cancelled", true);
        return "redirect:/me/appointments";
    }

    // ---------------------------------------------------------------------------------------- in the hall

    @GetMapping("/hall/{hallId}/kiosk")
    String kiosk(@PathVariable long hallId, Model model) {
        model.addAttribute("display", queue.display(hallId));
        model.addAttribute("groups", queue.groups(hallId));
        return "hall/kiosk";
    }

    @PostMapping("/hall/{hallId}/kiosk")
    String ticket(@PathVariable long hallId, @RequestParam(required = false) String groupCode,
            @RequestParam(required = false) String code, Model model) {
        try {
            model.addAttribute("ticket", code != null && !code.isBlank() ? queue.byAppointment(hallId, code)
                    : queue.walkIn(hallId, groupCode));
        } catch (InvalidInputException e) {
            model.addAttribute("problem", String.join(" ", e.fieldErrors().values()));
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        return kiosk(hallId, model);
    }

    @GetMapping("/hall/{hallId}/display")
    String display(@PathVariable long hallId, Model model) {
        model.addAttribute("display", queue.display(hallId));
        return "hall/display";
    }

    /** The part of the display that refreshes itself (htmx, every 3 s). */
    @GetMapping("/hall/{hallId}/display/board")
    String board(@PathVariable long hallId, Model model) {
        model.addAttribute("display", queue.display(hallId));
        return "hall/display :: board";
    }

    // ---------------------------------------------------------------------------------------- the window

    @GetMapping("/workbench/queue")
    String window(@RequestParam(required = false) Long window, Model model) {
        Long unit = currentUser.principal().orElseThrow().orgUnitId();
        var scope = currentUser.scope();
        List<OrgUnitView> windows = organisation.serviceWindows().stream()
                .filter(w -> scope.covers(w.regionId()) && (Objects.equals(unit, w.id()) || Objects.equals(unit, w.parentId())))
                .collect(Collectors.toList());
        model.addAttribute("windows", windows);
        Long chosen = window != null ? window : windows.isEmpty() ? null : windows.getFirst().id();
        model.addAttribute("window", chosen);
        if (chosen != null) {
            model.addAttribute("current", queue.current(chosen));
            windows.stream().filter(w -> w.id() == chosen).findFirst()
                    .ifPresent(w -> model.addAttribute("display", queue.display(w.parentId())));
        }
        return "hall/window";
    }

    @PostMapping("/workbench/queue/{windowId}/{action}")
    String act(@PathVariable long windowId, @PathVariable String action, @RequestParam(required = false) Long ticketId,
            @RequestParam(required = false) String groupCode, Model model, RedirectAttributes redirect) {
        try {
            switch (action) {
                case "call-next" -> {
                    if (queue.callNext(windowId).isEmpty()) {
                        redirect.addFlashAttribute("nobody", true);
                    }
                }
                case "served" -> queue.finish(windowId, ticketId == null ? -1 : ticketId, true);
                case "absent" -> queue.finish(windowId, ticketId == null ? -1 : ticketId, false);
                case "transfer" -> queue.transfer(windowId, ticketId == null ? -1 : ticketId, groupCode);
                default -> throw new NotFoundException("action " + action);
            }
            return "redirect:/workbench/queue?window=" + windowId;
        } catch (InvalidInputException e) {
            model.addAttribute("problem", String.join(" ", e.fieldErrors().values()));
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        return window(windowId, model);
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
