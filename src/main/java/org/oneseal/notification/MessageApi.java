package org.oneseal.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in applicant's in-app messages over the API (texts of the description are message keys). */
@RestController
@RequestMapping(path = "/api/v1/me/messages", produces = "application/json")
@Tag(name = "messages", description = "notification.api.tag")
@ApiResponse(responseCode = "403", description = "notification.api.response.403",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
class MessageApi {

    private final MyMessages messages;

    MessageApi(MyMessages messages) {
        this.messages = messages;
    }

    @GetMapping
    @Operation(summary = "notification.api.inbox.summary", description = "notification.api.inbox.description")
    @ApiResponse(responseCode = "200", description = "notification.api.response.200")
    Inbox inbox() {
        return messages.inbox();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "notification.api.read.summary", description = "notification.api.read.description")
    @ApiResponse(responseCode = "200", description = "notification.api.response.200")
    @ApiResponse(responseCode = "404", description = "notification.api.response.404",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    MessageView read(@Parameter(description = "notification.api.param.id") @PathVariable long id) {
        return messages.read(id);
    }
}
