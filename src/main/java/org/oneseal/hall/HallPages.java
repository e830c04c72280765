package org.oneseal.hall;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrgUnitView;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
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
    private final Kiosks kiosks;
    private final OrganisationManagement organisation;
    private final CurrentUser currentUser;
    private final java.time.Clock clock;

    HallPages(Appointments appointments, HallQueue queue, Kiosks kiosks, OrganisationManagement organisation,
            CurrentUser currentUser, java.time.Clock clock) {
        this.appointments = appointments;
        this.queue = queue;
        this.kiosks = kiosks;
        this.organisation = organisation;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------- appointments

    @GetMapping("/me/appointments")
    String mine(@RequestParam(required = false) Long hall, @RequestParam(required = false) String day,
            @RequestParam(required = false) Long change, Model model) {
        List<Appointments.Appointment> mine = appointments.mine();
        model.addAttribute("appointments", mine);
        slotPicker(model, hall, day, queue.halls(r -> true));
        // 改约: the slots below move this appointment instead of booking a new one
        mine.stream().filter(a -> change != null && a.id() == change && "BOOKED".equals(a.state())).findFirst()
                .ifPresent(a -> model.addAttribute("changing", a));
        return "hall/appointments";
    }

    /** The hall and day chosen, and that day's slots (with an error for a day out of range). */
    void slotPicker(Model model, Long hall, String day, List<Map.Entry<Long, String>> halls) {
        model.addAttribute("halls", halls);
        LocalDate d = date(day) == null ? LocalDate.now(clock).plusDays(1) : date(day);
        model.addAttribute("day", d);
        model.addAttribute("hall", hall);
        if (hall != null && halls.stream().anyMatch(h -> h.getKey().equals(hall))) {
            try {
                model.addAttribute("slots", appointments.slots(hall, d, null));
            } catch (InvalidInputException e) {
                model.addAttribute("errors", e.fieldErrors());
            }
        }
    }

    @PostMapping("/me/appointments")
    String book(@RequestParam long slotId, @RequestParam(required = false) Long hall,
            @RequestParam(required = false) String day, Model model, RedirectAttributes redirect) {
        return attempt(() -> redirect.addFlashAttribute("booked", appointments.book(slotId, null).code()),
                "redirect:/me/appointments", model, () -> mine(hall, day, null, model));
    }

    @PostMapping("/me/appointments/{id}/change")
    String change(@PathVariable long id, @RequestParam long slotId, @RequestParam(required = false) Long hall,
            @RequestParam(required = false) String day, Model model, RedirectAttributes redirect) {
        return attempt(() -> redirect.addFlashAttribute("booked", appointments.change(id, slotId).code()),
                "redirect:/me/appointments", model, () -> mine(hall, day, id, model));
    }

    @PostMapping("/me/appointments/{id}/cancellation")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        appointments.cancel(id);
        redirect.addFlashAttribute("cancelled", true);
        return "redirect:/me/appointments";
    }

    /** Runs an action of a form: on success the redirect; refused, the same page again with the message. */
    static String attempt(Runnable action, String success, Model model, java.util.function.Supplier<String> again) {
        try {
            action.run();
            return success;
        } catch (InvalidInputException e) {
            model.addAttribute("problem", String.join(" ", e.fieldErrors().values()));
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        return again.get();
    }

    // ---------------------------------------------------------------------------------------- in the hall

    @GetMapping("/hall/{hallId}/kiosk")
    String kiosk(@PathVariable long hallId, @CookieValue(name = Kiosks.COOKIE, required = false) String device,
            Model model) {
        model.addAttribute("display", queue.display(hallId));
        kiosks.recognise(hallId, device).ifPresentOrElse(k -> {
            model.addAttribute("kiosk", k);
            model.addAttribute("groups", queue.groups(hallId));
        }, () -> model.addAttribute("canEnrol", hallStaff()));
        return "hall/kiosk";
    }

    @PostMapping("/hall/{hallId}/kiosk")
    String ticket(@PathVariable long hallId, @CookieValue(name = Kiosks.COOKIE, required = false) String device,
            @RequestParam(required = false) String groupCode, @RequestParam(required = false) String code,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            model.addAttribute("ticket", kiosks.ticket(hallId, device, request.getRemoteAddr(), groupCode, code));
        } catch (Kiosks.NotAKiosk e) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("problem", e.getMessage());
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", String.join(" ", e.fieldErrors().values()));
        } catch (BusinessRuleViolation e) {
            response.setStatus(e.code().equals("hall.kiosk.limit") ? 429 : 422);
            model.addAttribute("problem", e.getMessage());
        }
        return kiosk(hallId, device, model);
    }

    /** Enrols the machine this page is opened on as a ticket machine of the caller's hall (a cookie of the page). */
    @PostMapping("/workbench/hall/{hallId}/kiosks")
    String enrol(@PathVariable long hallId, @RequestParam(required = false) String name, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Kiosks.Enrolled enrolled = kiosks.enrol(hallId, name);
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(Kiosks.COOKIE, enrolled.cookie())
                    .path("/hall/" + hallId + "/kiosk").httpOnly(true).secure(request.isSecure()).sameSite("Strict")
                    .maxAge(Duration.ofDays(400)).build().toString());
            redirect.addFlashAttribute("enrolled", enrolled.kiosk().name());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", String.join(" ", e.fieldErrors().values()));
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/hall/" + hallId + "/kiosk";
    }

    @PostMapping("/workbench/hall/kiosks/{kioskId}/revocation")
    String revoke(@PathVariable long kioskId, @RequestParam long window, RedirectAttributes redirect) {
        try {
            kiosks.revoke(kioskId);
        } catch (BusinessRuleViolation e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/workbench/queue?window=" + window;
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
            windows.stream().filter(w -> w.id() == chosen).findFirst().ifPresent(w -> {
                model.addAttribute("display", queue.display(w.parentId()));
                model.addAttribute("groups", queue.groups(w.parentId()));
                if (hallStaff()) {
                    model.addAttribute("kiosks", kiosks.of(w.parentId()));
                }
            });
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

    /** Whether the caller is hall staff who issue tickets and look after the ticket machines. */
    private boolean hallStaff() {
        return currentUser.principal()
                .filter(p -> p.getAuthorities().stream().anyMatch(a -> "hall:book".equals(a.getAuthority())))
                .isPresent();
    }

    static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
