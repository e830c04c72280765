package org.oneseal.calendar;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Small helpers of the administrator's forms. */
final class CalendarForms {

    static final String PREFIX = "calendar.";
    /** Someone else changed the same year between loading and saving (version or key clash). */
    static final String CONCURRENT_CHANGE = "calendar.error.concurrentChange";

    private CalendarForms() {
    }

    /**
     * Runs the change; when the facade rejects it, records the rejection as a field error (message key
     * and arguments, resolved in the user's language) and answers false.
     */
    static boolean attempt(BindingResult binding, Runnable change) {
        try {
            change.run();
            return true;
        } catch (CalendarChangeRejected rejected) {
            binding.rejectValue(rejected.field(), withoutPrefix(rejected.code()), rejected.args(), rejected.getMessage());
        } catch (OptimisticLockingFailureException | DuplicateKeyException concurrent) {
            binding.reject(withoutPrefix(CONCURRENT_CHANGE), CONCURRENT_CHANGE);
        }
        return false;
    }

    /**
     * The controller's message codes resolver puts "calendar." in front of every code (so that
     * conversion errors find calendar.typeMismatch...): the rejection's key loses its own prefix here.
     */
    static String withoutPrefix(String key) {
        return key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
    }

    /** An error message shown once on the page the browser is redirected to. */
    static void flashError(RedirectAttributes redirect, String key, Object[] arguments) {
        redirect.addFlashAttribute("flashError", key);
        redirect.addFlashAttribute("flashErrorArguments", arguments);
    }

    /** A success message shown once on the page the browser is redirected to. */
    static void flash(RedirectAttributes redirect, String key, Object argument) {
        redirect.addFlashAttribute("flash", key);
        redirect.addFlashAttribute("flashArgument", String.valueOf(argument));
    }
}
