package org.oneseal.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public portal's home page. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "web/home";
    }
}
