package org.oneseal.license;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Public licence verification API (no login): by identifier, or by uploading the licence PDF. */
@RestController
@RequestMapping(path = "/api/v1/public/licenses", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "licence verification", description = "license.api.tag")
class VerificationApiController {

    private final LicenceVerification verification;

    VerificationApiController(LicenceVerification verification) {
        this.verification = verification;
    }

    /** The answer: outcome (VALID, TAMPERED, CHANGED, REVOKED, EXPIRED, UNKNOWN, UNREADABLE), a Chinese reason. */
    record VerificationResponse(String outcome, boolean valid, String reason, String licenceId, String licenceKind,
                                String holderName, String issuerName, LocalDate validFrom, LocalDate validUntil,
                                String status, Instant signedAt, String keyId) {

        static VerificationResponse of(Verdict verdict) {
            LicenceView l = verdict.licence();
            return l == null
                    ? new VerificationResponse(verdict.outcome().name(), false, verdict.reason(), null, null, null, null,
                            null, null, null, null, null)
                    : new VerificationResponse(verdict.outcome().name(), verdict.valid(), verdict.reason(), l.licenceId(),
                            l.licenceKind(), l.holderName(), l.issuerName(), l.validFrom(), l.validUntil(),
                            l.status().name(), l.signedAt(), l.keyId());
        }
    }

    @GetMapping("/{licenceId}/verification")
    @Operation(summary = "license.api.byId.summary", description = "license.api.byId.description")
    VerificationResponse byId(@PathVariable String licenceId) {
        return VerificationResponse.of(verification.byId(licenceId));
    }

    @PostMapping(path = "/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "license.api.byFile.summary", description = "license.api.byFile.description")
    VerificationResponse byFile(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.getSize() > LicenceVerification.MAX_FILE_BYTES) {
            return VerificationResponse.of(verification.byFile(new byte[LicenceVerification.MAX_FILE_BYTES + 1]));
        }
        return VerificationResponse.of(verification.byFile(file.getBytes()));
    }
}
