package org.oneseal.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration over the API (mobile app). Errors are problem+json naming the field. */
@RestController
@RequestMapping("/api/v1/registrations")
@Tag(name = "registration", description = "个人和企业注册")
class RegistrationApi {

    private final Registration registration;

    RegistrationApi(Registration registration) {
        this.registration = registration;
    }

    @PostMapping("/person")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "注册个人账号", description = "校验身份证号码（校验位、出生日期）和密码规则；重复注册返回409")
    Registered person(@Valid @RequestBody PersonRegistration form) {
        return new Registered(registration.registerPerson(form), form.username().strip());
    }

    @PostMapping("/enterprise")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "注册企业账号", description = "校验统一社会信用代码和法定代表人身份证号码；重复注册返回409")
    Registered enterprise(@Valid @RequestBody EnterpriseRegistration form) {
        return new Registered(registration.registerEnterprise(form), form.username().strip());
    }

    record Registered(long accountId, String username) {
    }
}
