package org.oneseal.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public working-day API (no login). Texts of the OpenAPI description are message keys, which
 * springdoc resolves through the message bundles.
 */
@RestController
@RequestMapping(path = "/api/v1/calendar", produces = "application/json")
@Tag(name = "calendar", description = "calendar.api.tag")
@ApiResponse(responseCode = "400", description = "calendar.api.response.400",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "422", description = "calendar.api.response.422",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class CalendarApiController {

    /** The largest |days| the API accepts (about 14 years of working days). */
    static final int MAX_DAYS = 3650;

    private final WorkingDayCalendar calendar;

    CalendarApiController(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    /** A date of the calendar. */
    record DayResponse(LocalDate date, boolean workingDay, DayKind kind, String name) {
    }

    /** The result of adding working days. */
    record AddResponse(LocalDate date, int days, LocalDate result) {
    }

    /** The number of working days between two dates. */
    record BetweenResponse(LocalDate from, LocalDate to, int workingDays) {
    }

    @GetMapping("/days/{date}")
    @Operation(summary = "calendar.api.day.summary", description = "calendar.api.day.description")
    @ApiResponse(responseCode = "200", description = "calendar.api.response.200")
    DayResponse day(@Parameter(description = "calendar.api.param.date", example = "2025-10-01")
                    @PathVariable @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        CalendarDay day = calendar.day(date);
        return new DayResponse(day.date(), day.workingDay(), day.kind(), day.name());
    }

    @GetMapping("/add")
    @Operation(summary = "calendar.api.add.summary", description = "calendar.api.add.description")
    @ApiResponse(responseCode = "200", description = "calendar.api.response.200")
    AddResponse add(@Parameter(description = "calendar.api.param.start", example = "2025-09-26")
                    @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate date,
                    @Parameter(description = "calendar.api.param.days", example = "20")
                    @RequestParam int days) {
        if (Math.abs(days) > MAX_DAYS) {
            throw new CalendarParameterOutOfRange("days", days, MAX_DAYS);
        }
        return new AddResponse(date, days, calendar.addWorkingDays(date, days));
    }

    @GetMapping("/between")
    @Operation(summary = "calendar.api.between.summary", description = "calendar.api.between.description")
    @ApiResponse(responseCode = "200", description = "calendar.api.response.200")
    BetweenResponse between(@Parameter(description = "calendar.api.param.from", example = "2025-09-26")
                            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                            @Parameter(description = "calendar.api.param.to", example = "2025-10-13")
                            @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return new BetweenResponse(from, to, calendar.workingDaysBetween(from, to));
    }
}
