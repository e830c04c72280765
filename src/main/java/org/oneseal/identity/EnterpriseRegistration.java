package org.oneseal.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 企业注册: an enterprise account with its unified social credit code and legal representative. */
public record EnterpriseRegistration(
        @NotBlank(message = "{identity.username.required}")
        @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{3,39}", message = "{identity.username.pattern}") String username,
        @NotBlank(message = "{identity.password.required}") @Size(max = 64, message = "{identity.password.tooLong}") String password,
        @NotBlank(message = "{identity.password.confirm.required}") String passwordConfirm,
        @NotBlank(message = "{identity.enterpriseName.required}") @Size(max = 100, message = "{identity.name.size}") String enterpriseName,
        @NotBlank(message = "{creditcode.blank}") @Size(max = 30, message = "{creditcode.length.simple}") String creditCode,
        @NotBlank(message = "{identity.legalRep.required}") @Size(max = 60, message = "{identity.name.size}") String legalRepresentative,
        @NotBlank(message = "{idcard.blank}") @Size(max = 30, message = "{idcard.length.simple}") String legalRepIdCard) {
}
