package org.oneseal.calendar;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import org.oneseal.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's pages /admin/calendar/** (the facade checks the authority calendar:manage). */
@Controller
@RequestMapping("/admin/calendar")
class CalendarAdminController {

    private static final String REDIRECT = "redirect:/admin/calendar/";

    private final CalendarAdministration admin;
    private final Clock clock;

    CalendarAdminController(CalendarAdministration admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /** Conversion errors get codes such as calendar.typeMismatch.date, found in the calendar bundle. */
    @InitBinder
    void messageCodes(WebDataBinder binder) {
        DefaultMessageCodesResolver codes = new DefaultMessageCodesResolver();
        codes.setPrefix(CalendarForms.PREFIX);
        binder.setMessageCodesResolver(codes);
    }

    @GetMapping
    String years(Model model) {
        return yearsPage(model, YearForm.empty());
    }

    @PostMapping("/years")
    String createYear(@Valid @ModelAttribute("yearForm") YearForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors() && CalendarForms.attempt(binding,
                () -> admin.createYear(form.year(), form.sourceDocument()))) {
            CalendarForms.flash(redirect, "calendar.flash.yearCreated", form.year());
            return REDIRECT + form.year();
        }
        return yearsPage(model, form);
    }

    @GetMapping("/{year}")
    String year(@PathVariable int year, @RequestParam(required = false) Integer month, Model model) {
        return yearPage(model, year, month, DayForm.empty());
    }

    @PostMapping("/{year}/source")
    String changeSource(@PathVariable int year, @Valid @ModelAttribute("sourceForm") SourceForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors() && CalendarForms.attempt(binding,
                () -> admin.changeSource(year, form.sourceDocument()))) {
            CalendarForms.flash(redirect, "calendar.flash.sourceChanged", year);
            return REDIRECT + year;
        }
        model.addAttribute("sourceFormOpen", true);
        return yearPage(model, year, null, DayForm.empty());
    }

    @PostMapping("/{year}/days")
    String addDay(@PathVariable int year, @Valid @ModelAttribute("dayForm") DayForm form, BindingResult binding,
            Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors() && CalendarForms.attempt(binding,
                () -> admin.addDay(year, form.date(), form.kind(), form.name()))) {
            CalendarForms.flash(redirect, "calendar.flash.dayAdded", form.date());
            return REDIRECT + year + "?month=" + form.date().getMonthValue();
        }
        return yearPage(model, year, form == null || form.date() == null ? null : form.date().getMonthValue(), form);
    }

    @GetMapping("/{year}/days/{date}")
    String editDay(@PathVariable int year, @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate date, Model model) {
        YearDetail detail = admin.year(year);
        SpecialDay day = detail.days().stream().filter(d -> d.date().equals(date)).findFirst()
                .orElseThrow(() -> new NotFoundException("calendar day " + date));
        return dayPage(model, detail, date, DayForm.of(day));
    }

    @PostMapping("/{year}/days/{date}")
    String changeDay(@PathVariable int year, @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate date,
            @Valid @ModelAttribute("dayForm") DayForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (!binding.hasErrors() && CalendarForms.attempt(binding,
                () -> admin.changeDay(year, date, form.kind(), form.name()))) {
            CalendarForms.flash(redirect, "calendar.flash.dayChanged", date);
            return REDIRECT + year + "?month=" + date.getMonthValue();
        }
        return dayPage(model, admin.year(year), date, form);
    }

    @PostMapping("/{year}/days/{date}/delete")
    String removeDay(@PathVariable int year, @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        try {
            admin.removeDay(year, date);
            CalendarForms.flash(redirect, "calendar.flash.dayRemoved", date);
        } catch (CalendarChangeRejected rejected) {
            CalendarForms.flashError(redirect, rejected.code(), rejected.args());
        } catch (OptimisticLockingFailureException concurrent) {
            CalendarForms.flashError(redirect, CalendarForms.CONCURRENT_CHANGE, new Object[0]);
        }
        return REDIRECT + year + "?month=" + date.getMonthValue();
    }

    private String yearsPage(Model model, YearForm form) {
        model.addAttribute("years", admin.years());
        keepSubmittedForm(model, "yearForm", form);
        model.addAttribute("currentYear", LocalDate.now(clock).getYear());
        return "calendar/years";
    }

    private String yearPage(Model model, int year, Integer month, DayForm form) {
        YearDetail detail = admin.year(year);
        model.addAttribute("year", detail);
        model.addAttribute("grid", MonthGrid.of(YearMonth.of(year, shownMonth(year, month)), detail.rule()));
        keepSubmittedForm(model, "dayForm", form);
        keepSubmittedForm(model, "sourceForm", new SourceForm(detail.sourceDocument()));
        model.addAttribute("kinds", SpecialDayKind.values());
        return "calendar/year";
    }

    private String dayPage(Model model, YearDetail detail, LocalDate date, DayForm form) {
        model.addAttribute("year", detail);
        model.addAttribute("date", date);
        keepSubmittedForm(model, "dayForm", form);
        model.addAttribute("kinds", SpecialDayKind.values());
        return "calendar/day";
    }

    /**
     * On a GET the form is new; after a failed POST the model already holds the submitted form with
     * its binding result, which replacing the attribute would drop (and with it the field errors).
     */
    private static void keepSubmittedForm(Model model, String name, Object form) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, form);
        }
    }

    /** The requested month; else this month when the year is the current one; else January. */
    private int shownMonth(int year, Integer month) {
        if (month != null && month >= 1 && month <= 12) {
            return month;
        }
        LocalDate today = LocalDate.now(clock);
        return today.getYear() == year ? today.getMonthValue() : 1;
    }
}
