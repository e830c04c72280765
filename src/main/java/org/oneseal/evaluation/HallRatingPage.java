package org.oneseal.evaluation;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.oneseal.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hall's QR rating page of a window: no login, no session (the form carries a signed visit token instead of a
 * CSRF token), a device cookie for the one-rating-per-device rule. Phone first.
 */
@Controller
class HallRatingPage {

    static final String DEVICE_COOKIE = "oneseal_rater";

    private final HallRatings hall;
    private final SecureRandom random = new SecureRandom();

    HallRatingPage(HallRatings hall) {
        this.hall = hall;
    }

    @GetMapping("/rate/window/{id}")
    String page(@PathVariable long id, @CookieValue(name = DEVICE_COOKIE, required = false) String device,
            HttpServletResponse response, Model model) {
        if (device == null || !device.matches("[0-9a-f]{32}")) {
            byte[] b = new byte[16];
            random.nextBytes(b);
            Cookie cookie = new Cookie(DEVICE_COOKIE, HexFormat.of().formatHex(b));
            cookie.setPath("/rate");
            cookie.setHttpOnly(true);
            cookie.setMaxAge(400 * 24 * 3600);
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
        }
        model.addAttribute("visit", hall.visit(id));
        return "evaluation/hall";
    }

    @PostMapping("/rate/window/{id}")
    String rate(@PathVariable long id, @RequestParam(required = false) String token,
            @RequestParam(required = false) Integer level, @RequestParam(required = false) List<String> reasons,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String raterPhone,
            @RequestParam Map<String, String> all, @CookieValue(name = DEVICE_COOKIE, required = false) String device,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            hall.rate(id, new HallRatings.HallRating(token, level, reasons, comment,
                    PortalRatingPages.indicators(all), raterPhone), device, request.getRemoteAddr());
            model.addAttribute("window", hall.visit(id).window());
            return "evaluation/hall-done";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("visit", hall.visit(id));
            return "evaluation/hall";
        }
    }
}
