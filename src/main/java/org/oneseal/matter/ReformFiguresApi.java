package org.oneseal.matter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.oneseal.identity.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 改革成效 over the API (staff who read the catalogue, within their data scope). */
@RestController
@Tag(name = "matters", description = "matter.api.tag")
class ReformFiguresApi {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ReformFigures figures;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReformFiguresApi(ReformFigures figures, CurrentUser currentUser, Clock clock) {
        this.figures = figures;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/reform-figures", produces = "application/json")
    @Operation(summary = "matter.api.reformFigures.summary", description = "matter.api.reformFigures.description")
    ReformFigures.Summary get(
            @Parameter(description = "matter.api.param.region") @RequestParam(required = false) Long region,
            @Parameter(description = "matter.api.param.asOf") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock.withZone(ZONE)) : asOf;
        return figures.figures(currentUser.scope(), region, day.plusDays(1).atStartOfDay(ZONE).toInstant());
    }
}
