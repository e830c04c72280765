package org.oneseal.identity;

import jakarta.validation.Valid;
import org.oneseal.shared.ConflictException;
import org.oneseal.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Registration pages for persons and enterprises. */
@Controller
class RegistrationController {

    private final Registration registration;

    RegistrationController(Registration registration) {
        this.registration = registration;
    }

    @GetMapping("/register")
    String choose() {
        return "identity/register";
    }

    @GetMapping("/register/person")
    String personForm(Model model) {
        model.addAttribute("form", new PersonRegistration("", "", "", "", "", ""));
        return "identity/register-person";
    }

    @PostMapping("/register/person")
    String registerPerson(@Valid @ModelAttribute("form") PersonRegistration form, BindingResult result) {
        if (!result.hasErrors() && FormErrors.apply(result, () -> registration.registerPerson(form))) {
            return "redirect:/login?registered";
        }
        return "identity/register-person";
    }

    @GetMapping("/register/enterprise")
    String enterpriseForm(Model model) {
        model.addAttribute("form", new EnterpriseRegistration("", "", "", "", "", "", ""));
        return "identity/register-enterprise";
    }

    @PostMapping("/register/enterprise")
    String registerEnterprise(@Valid @ModelAttribute("form") EnterpriseRegistration form, BindingResult result) {
        if (!result.hasErrors() && FormErrors.apply(result, () -> registration.registerEnterprise(form))) {
            return "redirect:/login?registered";
        }
        return "identity/register-enterprise";
    }

    /** Runs a facade call and turns its field errors into form errors. */
    static final class FormErrors {
        private FormErrors() {
        }

        static boolean apply(BindingResult result, Runnable action) {
            try {
                action.run();
                return true;
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, message) -> reject(result, field, message));
            } catch (ConflictException e) {
                reject(result, e.field(), e.getMessage());
            }
            return false;
        }

        /**
         * A value that could not even be converted (letters for a number, an unknown choice) leaves the binding
         * result without its form: a page showing the form again would lose the messages. The submitted form
         * (with nothing for the unreadable fields) is paired with the errors again, so each shows on its field.
         */
        static BindingResult keep(Model model, String name, Object submitted, BindingResult result) {
            if (result.getTarget() != null || submitted == null) {
                return result;
            }
            BindingResult again = new org.springframework.validation.BeanPropertyBindingResult(submitted, name);
            result.getAllErrors().forEach(again::addError);
            model.addAttribute(name, submitted);
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, again);
            return again;
        }

        private static void reject(BindingResult result, String field, String message) {
            if (field != null && result.getTarget() != null && hasField(result, field)) {
                result.rejectValue(field, "invalid", message);
            } else {
                result.reject("invalid", message);
            }
        }

        private static boolean hasField(BindingResult result, String field) {
            return java.util.Arrays.stream(result.getTarget().getClass().getRecordComponents() == null
                    ? new java.lang.reflect.RecordComponent[0] : result.getTarget().getClass().getRecordComponents())
                    .anyMatch(c -> c.getName().equals(field));
        }
    }
}
