package org.oneseal.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 个人注册: a citizen's account with real name and resident ID card number. */
public record PersonRegistration(
        @NotBlank(message = "{identity.username.required}")
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{3,39}", message = "{identity.username.pattern}") String username,
        @NotBlank(message = "{identity.password.required}") @Size(max = 64, message = "{identity.password.tooLong}") String password,
        @NotBlank(message = "{identity.password.confirm.required}") String passwordConfirm,
        @NotBlank(message = "{identity.realName.required}") @Size(max = 60, message = "{identity.name.size}") String realName,
        @NotBlank(message = "{idcard.blank}") @Size(max = 30, message = "{idcard.length.simple}") String idCardNumber,
        @Pattern(regexp = "(1\\d{10})?", message = "{identity.phone.pattern}") String phone) {
}
