package org.oneseal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.DefaultMessageCodesResolver;

class CalendarFormsTests {

    private final BeanPropertyBindingResult binding = binding();

    @Test
    void turnsARejectionIntoAFieldErrorWithTheBundleKey() {
        boolean done = CalendarForms.attempt(binding, () -> {
            throw new CalendarChangeRejected("name", "calendar.day.error.nameRequired", new Object[0], "请填写名称");
        });

        assertThat(done).isFalse();
        assertThat(binding.getFieldError("name").getCodes()).contains("calendar.day.error.nameRequired");
        assertThat(binding.getFieldError("name").getDefaultMessage()).isEqualTo("请填写名称");
    }

    @Test
    void turnsAConcurrentChangeIntoAFormError() {
        boolean done = CalendarForms.attempt(binding, () -> {
            throw new OptimisticLockingFailureException("stale");
        });

        assertThat(done).isFalse();
        assertThat(binding.getGlobalError().getCodes()).contains(CalendarForms.CONCURRENT_CHANGE);
    }

    @Test
    void answersTrueWhenTheChangeWorks() {
        assertThat(CalendarForms.attempt(binding, () -> { })).isTrue();
        assertThat(binding.hasErrors()).isFalse();
    }

    private static BeanPropertyBindingResult binding() {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(DayForm.empty(), "dayForm");
        DefaultMessageCodesResolver codes = new DefaultMessageCodesResolver();
        codes.setPrefix(CalendarForms.PREFIX);
        result.setMessageCodesResolver(codes);
        return result;
    }
}
