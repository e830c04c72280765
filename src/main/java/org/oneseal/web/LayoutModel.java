package org.oneseal.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Model attributes every page layout needs. */
@ControllerAdvice
class LayoutModel {

    private final boolean demo;

    LayoutModel(@Value("${oneseal.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    @ModelAttribute("demoEnvironment")
    boolean demoEnvironment() {
        return demo;
    }
}
