package org.oneseal.evaluation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.oneseal.identity.CurrentUser;
import org.oneseal.identity.OrganisationManagement;
import org.oneseal.shared.BusinessRuleViolation;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.oneseal.shared.QrCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 好差评 on the workbench: the rectifications (list, and each one's page with the form of its next step), entering a
 * paper or phone rating, the figures, the monthly bulletin (downloads, publication), annual scores, and the windows'
 * QR codes to print.
 */
@Controller
class StaffEvaluationPages {

    private final Rectifications rectifications;
    private final ChannelRatings channels;
    private final Ratings ratings;
    private final RatingFigures figures;
    private final Bulletins bulletins;
    private final OrganisationManagement organisation;
    private final CurrentUser currentUser;
    private final java.time.Clock clock;
    private final String publicBaseUrl;

    StaffEvaluationPages(Rectifications rectifications, ChannelRatings channels, Ratings ratings,
            RatingFigures figures, Bulletins bulletins, OrganisationManagement organisation, CurrentUser currentUser,
            java.time.Clock clock, @Value("${oneseal.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.rectifications = rectifications;
        this.channels = channels;
        this.ratings = ratings;
        this.figures = figures;
        this.bulletins = bulletins;
        this.organisation = organisation;
        this.currentUser = currentUser;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    // ------------------------------------------------------------------------------------------ rectifications

    @GetMapping("/workbench/rectifications")
    String list(@RequestParam(required = false) String state, Model model) {
        String s = state == null || !List.of("OPEN", "CLOSED", "ALL").contains(state) ? "OPEN" : state;
        model.addAttribute("state", s);
        model.addAttribute("items", rectifications.list(s));
        return "evaluation/rectifications";
    }

    @GetMapping("/workbench/rectifications/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("item", rectifications.get(id));
        model.addAttribute("cap", LocalDate.now(clock));
        return "evaluation/rectification";
    }

    @PostMapping("/workbench/rectifications/{id}/classification")
    String classify(@PathVariable long id, @RequestParam(required = false) String verification,
            @RequestParam(required = false) String classification, @RequestParam(required = false) String ledger,
            @RequestParam(required = false) String deadline, Model model, RedirectAttributes redirect) {
        return step(id, model, redirect, () -> rectifications.classify(id,
                new Rectifications.Classification(verification, classification, ledger, date(deadline))));
    }

    @PostMapping("/workbench/rectifications/{id}/action")
    String act(@PathVariable long id, @RequestParam(required = false) String action, Model model,
            RedirectAttributes redirect) {
        return step(id, model, redirect, () -> rectifications.act(id, action));
    }

    @PostMapping("/workbench/rectifications/{id}/callback")
    String callback(@PathVariable long id, @RequestParam(required = false) String result,
            @RequestParam(required = false) String note, Model model, RedirectAttributes redirect) {
        return step(id, model, redirect, () -> rectifications.callback(id, new Rectifications.Callback(result, note)));
    }

    @PostMapping("/workbench/rectifications/{id}/closure")
    String close(@PathVariable long id, Model model, RedirectAttributes redirect) {
        return step(id, model, redirect, () -> rectifications.close(id));
    }

    @PostMapping("/workbench/rectifications/{id}/appeal-decision")
    String decide(@PathVariable long id, @RequestParam(required = false) Boolean exclude,
            @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        return step(id, model, redirect, () -> rectifications.decideAppeal(id,
                new Rectifications.AppealDecision(exclude, reason)));
    }

    private String step(long id, Model model, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", true);
            return "redirect:/workbench/rectifications/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (BusinessRuleViolation e) {
            model.addAttribute("problem", e.getMessage());
        }
        return detail(id, model);
    }

    // ------------------------------------------------------------------------------------------ entered ratings

    @GetMapping("/workbench/ratings/new")
    @PreAuthorize("hasAuthority('evaluation:enter')")
    String enterForm(Model model) {
        model.addAttribute("scheme", ratings.scheme());
        return "evaluation/enter";
    }

    @PostMapping("/workbench/ratings")
    @PreAuthorize("hasAuthority('evaluation:enter')")
    String enter(@RequestParam(required = false) String object, @RequestParam(required = false) String ref,
            @RequestParam(required = false) String step, @RequestParam(required = false) String channel,
            @RequestParam(required = false) Boolean faceToFace, @RequestParam(required = false) Integer level, @RequestParam(required = false) List<String> reasons,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String raterName,
            @RequestParam(required = false) String raterPhone, @RequestParam Map<String, String> all, Model model,
            RedirectAttributes redirect) {
        try {
            ChannelRatings.Stored stored = channels.enter(new ChannelRatings.EnteredRating(object, ref,
                    step == null || step.isBlank() ? null : step, channel, faceToFace, level, reasons, comment, PortalRatingPages.indicators(all), raterName, raterPhone));
            redirect.addFlashAttribute("entered", stored.id()); // the session keeps serialisable values only
            return "redirect:/workbench/ratings/new";
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("form", all);
            return enterForm(model);
        }
    }

    // ------------------------------------------------------------------------------------------ figures

    @GetMapping("/workbench/evaluation")
    @PreAuthorize("hasAuthority('evaluation:read')")
    String figures(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String by, @RequestParam(required = false) Integer year, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = date(from) == null ? today.withDayOfMonth(1) : date(from);
        LocalDate t = date(to) == null ? today : date(to);
        String grouping = by == null || by.isBlank() ? "WINDOW" : by;
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("by", grouping);
        model.addAttribute("groups", List.of("REGION", "DEPARTMENT", "MATTER", "WINDOW", "STAFF", "CHANNEL", "DAY", "MONTH"));
        try {
            model.addAttribute("figures", figures.figures(new RatingFigures.Query(f, t, grouping, null, null, null, null,
                    null, null)));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        }
        int y = year == null ? today.getYear() : year;
        model.addAttribute("year", y);
        try {
            model.addAttribute("windowScores", figures.annualScores(y, "WINDOW"));
            model.addAttribute("staffScores", figures.annualScores(y, "STAFF"));
        } catch (InvalidInputException e) {
            model.addAttribute("scoreErrors", e.fieldErrors());
        }
        model.addAttribute("lastMonth", YearMonth.now(clock).minusMonths(1).toString());
        return "evaluation/figures";
    }

    @GetMapping("/workbench/evaluation/bulletin")
    @PreAuthorize("hasAuthority('evaluation:read')")
    String bulletin(@RequestParam(required = false) String month, Model model) {
        String m = month == null || month.isBlank() ? YearMonth.now(clock).minusMonths(1).toString() : month;
        model.addAttribute("month", m);
        try {
            RatingFigures.Bulletin b = figures.bulletin(m, null);
            model.addAttribute("bulletin", b);
            model.addAttribute("published", bulletins.stored(b.month(), b.regionId()).map(p -> p.publishedAt()).orElse(null));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
        }
        return "evaluation/bulletin";
    }

    @PostMapping("/workbench/evaluation/bulletin/{month}/publication")
    @PreAuthorize("hasAuthority('evaluation:publish')")
    String publish(@PathVariable String month, Model model, RedirectAttributes redirect) {
        try {
            bulletins.publish(month);
            redirect.addFlashAttribute("publishedNow", true);
            return "redirect:/workbench/evaluation/bulletin?month=" + month;
        } catch (InvalidInputException e) {
            model.addAttribute("problem", String.join(" ", e.fieldErrors().values()));
        } catch (ConflictException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return bulletin(month, model);
    }

    @GetMapping("/workbench/evaluation/bulletin/{month}.xlsx")
    @PreAuthorize("hasAuthority('evaluation:read')")
    ResponseEntity<byte[]> excel(@PathVariable String month) {
        RatingFigures.Bulletin b = figures.bulletin(month, null);
        return download(bulletins.excel(b), "bulletin-" + b.month() + ".xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/workbench/evaluation/bulletin/{month}.pdf")
    @PreAuthorize("hasAuthority('evaluation:read')")
    ResponseEntity<byte[]> pdf(@PathVariable String month) {
        RatingFigures.Bulletin b = figures.bulletin(month, null);
        return download(bulletins.pdf(b), "bulletin-" + b.month() + ".pdf", MediaType.APPLICATION_PDF);
    }

    static ResponseEntity<byte[]> download(byte[] bytes, String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff").body(bytes);
    }

    // ------------------------------------------------------------------------------------------ QR codes

    /** One QR code per window of the caller's scope, to print and put on the window's counter. */
    @GetMapping("/workbench/evaluation/qr")
    @PreAuthorize("hasAuthority('evaluation:read')")
    String qr(Model model) {
        var scope = currentUser.scope();
        model.addAttribute("windows", organisation.serviceWindows().stream().filter(w -> scope.covers(w.regionId()))
                .map(w -> Map.of("id", w.id(), "name", w.name(), "url", publicBaseUrl + "/rate/window/" + w.id(),
                        "qr", QrCodes.pngDataUri(publicBaseUrl + "/rate/window/" + w.id())))
                .toList());
        return "evaluation/qr";
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
