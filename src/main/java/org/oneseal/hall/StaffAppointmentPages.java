package org.oneseal.hall;

import java.util.Optional;
import org.oneseal.identity.ApplicantDirectory;
import org.oneseal.identity.ApplicantProfile;
import org.oneseal.identity.CurrentUser;
import org.oneseal.shared.Masking;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 窗口/电话代为预约: staff find an applicant by ID card number or credit code and book, change or cancel the
 * applicant's appointments at the halls of their region (the limits and checks of the applicant's own booking apply).
 */
@Controller
class StaffAppointmentPages {

    private final Appointments appointments;
    private final HallQueue queue;
    private final HallPages pages;
    private final ApplicantDirectory applicants;
    private final CurrentUser currentUser;
    private final HallMessages messages;

    StaffAppointmentPages(Appointments appointments, HallQueue queue, HallPages pages, ApplicantDirectory applicants,
            CurrentUser currentUser, HallMessages messages) {
        this.appointments = appointments;
        this.queue = queue;
        this.pages = pages;
        this.applicants = applicants;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @GetMapping("/workbench/appointments")
    String page(@RequestParam(required = false) String applicant, @RequestParam(required = false) Long hall,
            @RequestParam(required = false) String day, @RequestParam(required = false) Long change, Model model) {
        model.addAttribute("applicantIdentifier", applicant);
        Optional<ApplicantProfile> found = applicant == null || applicant.isBlank() ? Optional.empty()
                : applicants.byIdentifier(applicant);
        if (applicant != null && !applicant.isBlank() && found.isEmpty()) {
            model.addAttribute("lookupProblem", messages.text("hall.applicant.notFound"));
        }
        found.ifPresent(p -> {
            model.addAttribute("applicant", p);
            model.addAttribute("applicantName", Masking.name(p.name()));
            var mine = appointments.ofApplicant(p.accountId());
            model.addAttribute("appointments", mine);
            var scope = currentUser.scope();
            pages.slotPicker(model, hall, day, queue.halls(scope::covers));
            mine.stream().filter(a -> change != null && a.id() == change && "BOOKED".equals(a.state())).findFirst()
                    .ifPresent(a -> model.addAttribute("changing", a));
        });
        return "hall/staff-appointments";
    }

    @PostMapping("/workbench/appointments")
    String book(@RequestParam long accountId, @RequestParam long slotId, @RequestParam String applicant,
            @RequestParam(required = false) Long hall, @RequestParam(required = false) String day, Model model,
            RedirectAttributes redirect) {
        return HallPages.attempt(() -> redirect.addFlashAttribute("booked",
                        appointments.bookForApplicant(accountId, slotId, null).code()),
                back(applicant), model, () -> page(applicant, hall, day, null, model));
    }

    @PostMapping("/workbench/appointments/{id}/change")
    String change(@PathVariable long id, @RequestParam long slotId, @RequestParam String applicant,
            @RequestParam(required = false) Long hall, @RequestParam(required = false) String day, Model model,
            RedirectAttributes redirect) {
        return HallPages.attempt(() -> redirect.addFlashAttribute("booked",
                        appointments.changeForApplicant(id, slotId).code()),
                back(applicant), model, () -> page(applicant, hall, day, id, model));
    }

    @PostMapping("/workbench/appointments/{id}/cancellation")
    String cancel(@PathVariable long id, @RequestParam String applicant, Model model, RedirectAttributes redirect) {
        return HallPages.attempt(() -> {
            appointments.cancelForApplicant(id);
            redirect.addFlashAttribute("cancelled", true);
        }, back(applicant), model, () -> page(applicant, null, null, null, model));
    }

    private static String back(String applicant) {
        return "redirect:" + UriComponentsBuilder.fromPath("/workbench/appointments").queryParam("applicant", applicant)
                .encode().build().toUriString();
    }
}
